// The plan's JSON form: the same entities as the SQLite tables, with the same snake_case names, so
// that a reviewer reading a diff of a plan and a user reading an error message see one vocabulary.
// Reading is strict — unknown keys, wrong types and out-of-range values are reported with their
// JSON path — because a silently ignored typo ("rate_per_sec") would change a plan's meaning.

#include <cmath>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "core/plan/planio.h"
#include "core/plan/planjsonformat.h"
#include "core/plan/planvalidate.h"
#include "core/util/error.h"

namespace tokenroute {

using nlohmann::json;

namespace {

// Reads one JSON object, remembering its path so that every complaint names the exact field,
// and which keys were consumed so that unknown ones can be reported.
class ObjectReader {
public:
    ObjectReader(const json &j, std::string path, const std::string &file)
        : m_j(j)
        , m_path(std::move(path))
        , m_file(file)
    {
        if (!m_j.is_object())
            throw InputError(m_file, m_path.empty() ? "(top level)" : m_path, "a JSON object, got " + typeName(m_j));
    }

    std::string where(const std::string &key) const { return m_path.empty() ? key : m_path + "." + key; }

    [[noreturn]] void fail(const std::string &key, const std::string &expected) const
    {
        throw InputError(m_file, where(key), expected);
    }

    const json *find(const std::string &key)
    {
        m_seen.insert(key);
        const auto it = m_j.find(key);
        return it == m_j.end() ? nullptr : &*it;
    }

    const json &require(const std::string &key)
    {
        const json *v = find(key);
        if (!v)
            fail(key, "a value (the field is required)");
        return *v;
    }

    std::string str(const std::string &key) { return asString(key, require(key)); }
    std::string str(const std::string &key, const std::string &fallback)
    {
        const json *v = find(key);
        return v ? asString(key, *v) : fallback;
    }

    double num(const std::string &key) { return asNumber(key, require(key)); }
    double num(const std::string &key, double fallback)
    {
        const json *v = find(key);
        return v ? asNumber(key, *v) : fallback;
    }

    int integer(const std::string &key) { return asInt(key, require(key)); }
    int integer(const std::string &key, int fallback)
    {
        const json *v = find(key);
        return v ? asInt(key, *v) : fallback;
    }

    bool boolean(const std::string &key, bool fallback)
    {
        const json *v = find(key);
        if (!v)
            return fallback;
        if (!v->is_boolean())
            fail(key, "true or false, got " + typeName(*v));
        return v->get<bool>();
    }

    template <typename E, typename Parse>
    E enumeration(const std::string &key, Parse parse, const std::string &choices)
    {
        const std::string s = str(key);
        const std::optional<E> e = parse(s);
        if (!e)
            fail(key, "one of " + choices + ", got \"" + s + "\"");
        return *e;
    }

    template <typename E, typename Parse>
    E enumeration(const std::string &key, Parse parse, const std::string &choices, E fallback)
    {
        return find(key) ? enumeration<E>(key, parse, choices) : fallback;
    }

    const json &array(const std::string &key, bool required)
    {
        static const json empty = json::array();
        const json *v = required ? &require(key) : find(key);
        if (!v)
            return empty;
        if (!v->is_array())
            fail(key, "a JSON array, got " + typeName(*v));
        return *v;
    }

    // Called once all fields are read: anything left is a typo or a field from another format.
    void rejectUnknown() const
    {
        for (auto it = m_j.begin(); it != m_j.end(); ++it)
            if (!m_seen.count(it.key()))
                fail(it.key(), "no such field here (known fields are listed in the plan format)");
    }

    static std::string typeName(const json &v)
    {
        if (v.is_number_float() && std::isnan(v.get<double>()))
            return "NaN";
        return v.type_name();
    }

private:
    std::string asString(const std::string &key, const json &v) const
    {
        if (!v.is_string())
            fail(key, "a string, got " + typeName(v));
        return v.get<std::string>();
    }

    double asNumber(const std::string &key, const json &v) const
    {
        if (!v.is_number())
            fail(key, "a number, got " + typeName(v));
        return v.get<double>();
    }

    int asInt(const std::string &key, const json &v) const
    {
        if (v.is_number_integer()) {
            const auto x = v.get<long long>();
            if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
                fail(key, "an integer within 32 bits");
            return static_cast<int>(x);
        }
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 2e9)
                return static_cast<int>(d);
        }
        fail(key, "an integer, got " + (v.is_number() ? v.dump() : typeName(v)));
    }

    const json &m_j;
    std::string m_path;
    const std::string &m_file;
    std::set<std::string> m_seen;
};

std::string indexed(const std::string &collection, std::size_t i)
{
    return collection + "[" + std::to_string(i) + "]";
}

// ---- writing ----------------------------------------------------------------------------------

json provenanceToJson(const ProvenanceMap &map)
{
    json out = json::object();
    for (const auto &[field, p] : map) {
        json e = json::object();
        if (!p.source.empty())
            e["source"] = p.source;
        if (p.estimate)
            e["estimate"] = true;
        if (!p.note.empty())
            e["note"] = p.note;
        out[field] = e;
    }
    return out;
}

json archToJson(const ModelArch &a)
{
    return json{{"family", a.family},
                {"layers", a.layers},
                {"hidden", a.hidden},
                {"heads", a.heads},
                {"kv_heads", a.kvHeads},
                {"head_dim", a.headDim},
                {"intermediate", a.intermediate},
                {"vocab", a.vocab},
                {"tied_embeddings", a.tiedEmbeddings},
                {"gated_ffn", a.gatedFfn},
                {"attention_bias", a.attentionBias},
                {"sliding_window", a.slidingWindow},
                {"sliding_window_layers", a.slidingWindowLayers},
                {"max_context", a.maxContext},
                {"moe",
                 {{"num_experts", a.moe.numExperts},
                  {"experts_per_token", a.moe.expertsPerToken},
                  {"shared_experts", a.moe.sharedExperts},
                  {"expert_intermediate", a.moe.expertIntermediate},
                  {"shared_intermediate", a.moe.sharedIntermediate},
                  {"first_dense_layers", a.moe.firstDenseLayers},
                  {"moe_layer_step", a.moe.moeLayerStep}}},
                {"mla",
                 {{"kv_lora_rank", a.mla.kvLoraRank},
                  {"q_lora_rank", a.mla.qLoraRank},
                  {"qk_nope_head_dim", a.mla.qkNopeHeadDim},
                  {"qk_rope_head_dim", a.mla.qkRopeHeadDim},
                  {"v_head_dim", a.mla.vHeadDim}}}};
}

json rackToJson(const Rack &r)
{
    json j{{"id", r.id},
           {"name", r.name},
           {"units", r.units},
           {"power_budget_kw", r.powerBudgetKw},
           {"cooling", toString(r.cooling)},
           {"row", r.row},
           {"position", r.position}};
    if (r.maxWeightKg != 0)
        j["max_weight_kg"] = r.maxWeightKg;
    return j;
}

json itemToJson(const PlacedItem &it)
{
    json j{{"id", it.id}, {"name", it.name}, {"catalog_id", it.catalogId}, {"rack_id", it.rackId},
           {"u_position", it.uPosition}};
    if (it.poolId != 0)
        j["pool_id"] = it.poolId;
    return j;
}

json poolToJson(const Pool &p)
{
    json j{{"id", p.id},
           {"name", p.name},
           {"role", toString(p.role)},
           {"weights", toString(p.weights)},
           {"kv", toString(p.kv)},
           {"tp", p.tp},
           {"pp", p.pp},
           {"ep", p.ep},
           {"memory_fraction", p.memoryFraction}};
    if (!p.tierIds.empty())
        j["tier_ids"] = p.tierIds;
    if (!p.edgeDeviceId.empty())
        j["edge_device_id"] = p.edgeDeviceId;
    if (p.edgeDeviceCount != 0)
        j["edge_device_count"] = p.edgeDeviceCount;
    return j;
}

json linkToJson(const Link &l)
{
    return json{{"id", l.id}, {"from_item", l.fromItem}, {"to_item", l.toItem}, {"link_type_id", l.linkTypeId},
                {"lanes", l.lanes}};
}

json workloadToJson(const Workload &w)
{
    json j{{"id", w.id},
           {"name", w.name},
           {"model_id", w.modelId},
           {"rate_per_s", w.ratePerS},
           {"input_mean", w.inputMean},
           {"input_p90", w.inputP90},
           {"output_mean", w.outputMean},
           {"output_p90", w.outputP90},
           {"prefix_reuse", w.prefixReuse},
           {"ttft_slo_ms", w.ttftSloMs},
           {"tpot_slo_ms", w.tpotSloMs},
           {"interactive", w.interactive},
           {"edge", w.edge}};
    if (!w.tagOverrides.empty()) {
        json tags = json::object();
        for (const auto &[axis, tag] : w.tagOverrides)
            tags[toString(axis)] = toString(tag);
        j["tag_overrides"] = tags;
    }
    return j;
}

json policiesToJson(const Policies &p)
{
    return json{{"route_policy", toString(p.routePolicy)},
                {"amortisation_years", p.amortisationYears},
                {"electricity_usd_per_kwh", p.electricityUsdPerKwh},
                {"pue", p.pue},
                {"cost_cap_usd_per_hour", p.costCapUsdPerHour},
                {"use_cloud_prices", p.useCloudPrices}};
}

// ---- reading ----------------------------------------------------------------------------------

constexpr const char *kPrecisionChoices = "fp32, bf16, fp8, fp4, int4";

ProvenanceMap provenanceFromJson(const json &j, const std::string &path, const std::string &file)
{
    ProvenanceMap map;
    if (!j.is_object())
        throw InputError(file, path, "a JSON object of field -> {source, estimate, note}, got " +
                                         ObjectReader::typeName(j));
    for (auto it = j.begin(); it != j.end(); ++it) {
        ObjectReader r(it.value(), path + "." + it.key(), file);
        Provenance p;
        p.source = r.str("source", "");
        p.estimate = r.boolean("estimate", false);
        p.note = r.str("note", "");
        r.rejectUnknown();
        map[it.key()] = p;
    }
    return map;
}

ModelArch archFromJson(const json &j, const std::string &path, const std::string &file)
{
    ObjectReader r(j, path, file);
    ModelArch a;
    a.family = r.str("family", "");
    a.layers = r.integer("layers");
    a.hidden = r.integer("hidden");
    a.heads = r.integer("heads");
    a.kvHeads = r.integer("kv_heads", a.heads);
    a.headDim = r.integer("head_dim", a.heads > 0 ? a.hidden / a.heads : 0);
    a.intermediate = r.integer("intermediate", 0);
    a.vocab = r.integer("vocab", 0);
    a.tiedEmbeddings = r.boolean("tied_embeddings", false);
    a.gatedFfn = r.boolean("gated_ffn", true);
    a.attentionBias = r.boolean("attention_bias", false);
    a.slidingWindow = r.integer("sliding_window", 0);
    a.slidingWindowLayers = r.integer("sliding_window_layers", 0);
    a.maxContext = r.integer("max_context", 0);
    if (const json *moe = r.find("moe")) {
        ObjectReader m(*moe, r.where("moe"), file);
        a.moe.numExperts = m.integer("num_experts", 0);
        a.moe.expertsPerToken = m.integer("experts_per_token", 0);
        a.moe.sharedExperts = m.integer("shared_experts", 0);
        a.moe.expertIntermediate = m.integer("expert_intermediate", 0);
        a.moe.sharedIntermediate = m.integer("shared_intermediate", 0);
        a.moe.firstDenseLayers = m.integer("first_dense_layers", 0);
        a.moe.moeLayerStep = m.integer("moe_layer_step", 1);
        m.rejectUnknown();
    }
    if (const json *mla = r.find("mla")) {
        ObjectReader m(*mla, r.where("mla"), file);
        a.mla.kvLoraRank = m.integer("kv_lora_rank", 0);
        a.mla.qLoraRank = m.integer("q_lora_rank", 0);
        a.mla.qkNopeHeadDim = m.integer("qk_nope_head_dim", 0);
        a.mla.qkRopeHeadDim = m.integer("qk_rope_head_dim", 0);
        a.mla.vHeadDim = m.integer("v_head_dim", 0);
        m.rejectUnknown();
    }
    r.rejectUnknown();
    return a;
}

Rack rackFromJson(ObjectReader &r)
{
    Rack x;
    x.id = r.integer("id");
    x.name = r.str("name");
    x.units = r.integer("units");
    x.powerBudgetKw = r.num("power_budget_kw");
    x.cooling = r.enumeration<Cooling>("cooling", coolingFromString, "air, liquid", Cooling::Air);
    x.maxWeightKg = r.num("max_weight_kg", 0);
    x.row = r.integer("row", 0);
    x.position = r.integer("position", 0);
    return x;
}

PlacedItem itemFromJson(ObjectReader &r)
{
    PlacedItem x;
    x.id = r.integer("id");
    x.name = r.str("name", "");
    x.catalogId = r.str("catalog_id");
    x.rackId = r.integer("rack_id");
    x.uPosition = r.integer("u_position");
    x.poolId = r.integer("pool_id", 0);
    return x;
}

Pool poolFromJson(ObjectReader &r)
{
    Pool x;
    x.id = r.integer("id");
    x.name = r.str("name");
    x.role = r.enumeration<PoolRole>("role", poolRoleFromString, "prefill, decode, combined, edge");
    x.weights = r.enumeration<Precision>("weights", precisionFromString, kPrecisionChoices, Precision::BF16);
    x.kv = r.enumeration<Precision>("kv", precisionFromString, kPrecisionChoices, Precision::BF16);
    x.tp = r.integer("tp", 0);
    x.pp = r.integer("pp", 1);
    x.ep = r.integer("ep", 1);
    x.memoryFraction = r.num("memory_fraction", Pool{}.memoryFraction);
    x.tierIds = r.str("tier_ids", "");
    x.edgeDeviceCount = r.num("edge_device_count", 0);
    x.edgeDeviceId = r.str("edge_device_id", "");
    return x;
}

Link linkFromJson(ObjectReader &r)
{
    Link x;
    x.id = r.integer("id");
    x.fromItem = r.integer("from_item");
    x.toItem = r.integer("to_item");
    x.linkTypeId = r.str("link_type_id");
    x.lanes = r.integer("lanes", 1);
    return x;
}

Workload workloadFromJson(ObjectReader &r, const std::string &file)
{
    Workload x;
    x.id = r.integer("id");
    x.name = r.str("name");
    x.modelId = r.str("model_id");
    x.ratePerS = r.num("rate_per_s");
    x.inputMean = r.num("input_mean");
    x.inputP90 = r.num("input_p90", 0);
    x.outputMean = r.num("output_mean");
    x.outputP90 = r.num("output_p90", 0);
    x.prefixReuse = r.num("prefix_reuse", 0);
    x.ttftSloMs = r.num("ttft_slo_ms", 0);
    x.tpotSloMs = r.num("tpot_slo_ms", 0);
    x.interactive = r.boolean("interactive", true);
    x.edge = r.boolean("edge", false);
    if (const json *tags = r.find("tag_overrides")) {
        const std::string path = r.where("tag_overrides");
        if (!tags->is_object())
            throw InputError(file, path, "a JSON object of axis -> tag, got " + ObjectReader::typeName(*tags));
        for (auto it = tags->begin(); it != tags->end(); ++it) {
            const auto axis = tagAxisFromString(it.key());
            if (!axis)
                throw InputError(file, path + "." + it.key(),
                                 "an axis: phase, context, latency, model-size or placement");
            const auto tag = it->is_string() ? tagFromString(it->get<std::string>()) : std::nullopt;
            if (!tag)
                throw InputError(file, path + "." + it.key(), "a tag name such as \"prefill-heavy\" or \"batch\", got " +
                                                                  it->dump());
            x.tagOverrides[*axis] = *tag;
        }
    }
    return x;
}

Policies policiesFromJson(ObjectReader &r)
{
    Policies x;
    const Policies defaults;
    x.routePolicy =
        r.enumeration<RoutePolicy>("route_policy", routePolicyFromString, "cost, latency, rules", defaults.routePolicy);
    x.amortisationYears = r.num("amortisation_years", defaults.amortisationYears);
    x.electricityUsdPerKwh = r.num("electricity_usd_per_kwh", defaults.electricityUsdPerKwh);
    x.pue = r.num("pue", defaults.pue);
    x.costCapUsdPerHour = r.num("cost_cap_usd_per_hour", defaults.costCapUsdPerHour);
    x.useCloudPrices = r.boolean("use_cloud_prices", defaults.useCloudPrices);
    return x;
}

ModelSpec importedModelFromJson(ObjectReader &r, const std::string &file)
{
    ModelSpec m;
    m.id = r.str("id");
    m.name = r.str("name", m.id);
    m.arch = archFromJson(r.require("arch"), r.where("arch"), file);
    m.statedTotalParams = r.num("stated_total_params", 0);
    m.statedActiveParams = r.num("stated_active_params", 0);
    if (const json *prov = r.find("provenance"))
        m.provenance = provenanceFromJson(*prov, r.where("provenance"), file);
    return m;
}

template <typename T, typename Read>
std::vector<T> listFromJson(ObjectReader &top, const std::string &key, bool required, const std::string &file, Read read)
{
    std::vector<T> out;
    const json &arr = top.array(key, required);
    for (std::size_t i = 0; i < arr.size(); ++i) {
        ObjectReader r(arr[i], indexed(key, i), file);
        out.push_back(read(r));
        r.rejectUnknown();
    }
    return out;
}

} // namespace

json importedModelToJson(const ModelSpec &m)
{
    json j{{"id", m.id}, {"name", m.name}, {"arch", archToJson(m.arch)}};
    if (m.statedTotalParams != 0)
        j["stated_total_params"] = m.statedTotalParams;
    if (m.statedActiveParams != 0)
        j["stated_active_params"] = m.statedActiveParams;
    if (!m.provenance.empty())
        j["provenance"] = provenanceToJson(m.provenance);
    return j;
}

ModelSpec importedModelFromJson(const json &j, const std::string &path, const std::string &file)
{
    ObjectReader r(j, path, file);
    ModelSpec m = importedModelFromJson(r, file);
    r.rejectUnknown();
    return m;
}

json planToJson(const Plan &plan)
{
    json j = json::object();
    j["format"] = kPlanJsonFormat;
    j["version"] = kPlanJsonVersion;
    j["name"] = plan.name;
    j["description"] = plan.description;
    j["policies"] = policiesToJson(plan.policies);
    auto list = [&](const char *key, const auto &items, auto toJson) {
        json arr = json::array();
        for (const auto &x : items)
            arr.push_back(toJson(x));
        j[key] = arr;
    };
    list("racks", plan.racks, rackToJson);
    list("pools", plan.pools, poolToJson);
    list("items", plan.items, itemToJson);
    list("links", plan.links, linkToJson);
    list("workloads", plan.workloads, workloadToJson);
    if (!plan.importedModels.empty())
        list("imported_models", plan.importedModels, importedModelToJson);
    return j;
}

Plan planFromJson(const json &j, const std::string &file)
{
    ObjectReader top(j, "", file);
    const std::string format = top.str("format");
    if (format != kPlanJsonFormat)
        top.fail("format", std::string("\"") + kPlanJsonFormat + "\" (this JSON is not a TokenRoute plan), got \"" +
                               format + "\"");
    const int version = top.integer("version");
    if (version < 1 || version > kPlanJsonVersion)
        top.fail("version", "a plan format version from 1 to " + std::to_string(kPlanJsonVersion) +
                                " (a newer TokenRoute wrote this file), got " + std::to_string(version));

    Plan plan;
    plan.name = top.str("name");
    plan.description = top.str("description", "");
    if (const json *p = top.find("policies")) {
        ObjectReader r(*p, "policies", file);
        plan.policies = policiesFromJson(r);
        r.rejectUnknown();
    }
    plan.racks = listFromJson<Rack>(top, "racks", true, file, rackFromJson);
    plan.pools = listFromJson<Pool>(top, "pools", false, file, poolFromJson);
    plan.items = listFromJson<PlacedItem>(top, "items", false, file, itemFromJson);
    plan.links = listFromJson<Link>(top, "links", false, file, linkFromJson);
    checkWorkloadCount(top.array("workloads", false).size(), file);
    plan.workloads = listFromJson<Workload>(top, "workloads", false, file,
                                            [&](ObjectReader &r) { return workloadFromJson(r, file); });
    plan.importedModels = listFromJson<ModelSpec>(top, "imported_models", false, file,
                                                  [&](ObjectReader &r) { return importedModelFromJson(r, file); });
    top.rejectUnknown();

    validatePlan(plan, file, jsonFieldNamer());
    return plan;
}

} // namespace tokenroute
