#include "core/plan/planvalidate.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "core/util/error.h"

namespace tokenroute {

namespace {

// Racks are sold as 42U to 52U; 60U leaves room for unusual frames while still catching a typo
// such as 420.
constexpr int kMaxRackUnits = 60;

class Checker {
public:
    Checker(const std::string &file, const PlanFieldNamer &namer)
        : m_file(file)
        , m_namer(namer)
    {
    }

    void at(const std::string &collection, std::size_t index, int id)
    {
        m_collection = collection;
        m_index = index;
        m_id = id;
    }

    [[noreturn]] void fail(const std::string &field, const std::string &expected) const
    {
        throw InputError(m_file, m_namer(m_collection, m_index, m_id, field), expected);
    }

    void positive(const std::string &field, double v) const
    {
        if (!std::isfinite(v) || v <= 0)
            fail(field, "a positive number, got " + show(v));
    }
    // An upper bound beyond any real deployment, so that 1e308 cannot reach the model as a rate.
    void atMost(const std::string &field, double v, double max, const std::string &unit) const
    {
        if (v > max)
            fail(field, "at most " + show(max) + " " + unit + ", got " + show(v));
    }
    void nonNegative(const std::string &field, double v) const
    {
        if (!std::isfinite(v) || v < 0)
            fail(field, "a number >= 0, got " + show(v));
    }
    void fraction(const std::string &field, double v) const
    {
        if (!std::isfinite(v) || v < 0 || v > 1)
            fail(field, "a fraction between 0 and 1, got " + show(v));
    }
    void atLeast(const std::string &field, int v, int min) const
    {
        if (v < min)
            fail(field, "an integer >= " + std::to_string(min) + ", got " + std::to_string(v));
    }
    void notEmpty(const std::string &field, const std::string &v) const
    {
        if (v.empty())
            fail(field, "a non-empty string");
    }
    // A p90 of 0 means "not stated"; a stated p90 below its mean is a contradiction.
    void p90(const std::string &field, double p90, double mean) const
    {
        nonNegative(field, p90);
        if (p90 > 0 && p90 < mean)
            fail(field, "0 (not stated) or a value >= the mean (" + show(mean) + "), got " + show(p90));
    }

    static std::string show(double v)
    {
        if (std::isnan(v))
            return "NaN";
        if (std::isinf(v))
            return v > 0 ? "inf" : "-inf";
        // %g keeps small and large magnitudes readable (-3, 1e-09, 2.5e+12) where fixed
        // decimals would print 1e-9 as 0.000000.
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }

private:
    const std::string &m_file;
    const PlanFieldNamer &m_namer;
    std::string m_collection;
    std::size_t m_index = 0;
    int m_id = 0;
};

void checkIds(const Plan &plan, Checker &c)
{
    std::set<int> seen;
    auto visit = [&](const std::string &collection, const auto &list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            c.at(collection, i, list[i].id);
            c.atLeast("id", list[i].id, 1);
            if (!seen.insert(list[i].id).second)
                c.fail("id", "an id not used by any other rack, item, pool, link or workload (" +
                                 std::to_string(list[i].id) + " is taken)");
        }
    };
    visit("racks", plan.racks);
    visit("items", plan.items);
    visit("pools", plan.pools);
    visit("links", plan.links);
    visit("workloads", plan.workloads);
}

void checkRacks(const Plan &plan, Checker &c)
{
    for (std::size_t i = 0; i < plan.racks.size(); ++i) {
        const Rack &r = plan.racks[i];
        c.at("racks", i, r.id);
        c.atLeast("units", r.units, 1);
        if (r.units > kMaxRackUnits)
            c.fail("units", "at most " + std::to_string(kMaxRackUnits) + " rack units, got " + std::to_string(r.units));
        c.positive("power_budget_kw", r.powerBudgetKw);
        c.nonNegative("max_weight_kg", r.maxWeightKg);
        c.atLeast("row", r.row, 0);
        c.atLeast("position", r.position, 0);
    }
}

void checkItems(const Plan &plan, Checker &c)
{
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const PlacedItem &it = plan.items[i];
        c.at("items", i, it.id);
        c.notEmpty("catalog_id", it.catalogId);
        const Rack *rack = plan.rack(it.rackId);
        if (!rack)
            c.fail("rack_id", "the id of a rack in this plan, got " + std::to_string(it.rackId));
        c.atLeast("u_position", it.uPosition, 1);
        if (it.uPosition > rack->units)
            c.fail("u_position", "a position within the rack's " + std::to_string(rack->units) + " units, got " +
                                     std::to_string(it.uPosition));
        if (it.poolId != 0 && !plan.pool(it.poolId))
            c.fail("pool_id", "0 (no pool) or the id of a pool in this plan, got " + std::to_string(it.poolId));
    }
}

void checkPools(const Plan &plan, Checker &c)
{
    for (std::size_t i = 0; i < plan.pools.size(); ++i) {
        const Pool &p = plan.pools[i];
        c.at("pools", i, p.id);
        c.atLeast("tp", p.tp, 0);
        c.atLeast("pp", p.pp, 1);
        c.atLeast("ep", p.ep, 1);
        if (!std::isfinite(p.memoryFraction) || p.memoryFraction <= 0 || p.memoryFraction > 1)
            c.fail("memory_fraction", "a fraction in (0, 1], got " + Checker::show(p.memoryFraction));
        c.nonNegative("edge_device_count", p.edgeDeviceCount);
        if (p.role == PoolRole::Edge) {
            // An edge pool's devices live in the field, not in racks: without a device and a
            // count it has no capacity at all.
            c.notEmpty("edge_device_id", p.edgeDeviceId);
            c.positive("edge_device_count", p.edgeDeviceCount);
        }
    }
}

void checkLinks(const Plan &plan, Checker &c)
{
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const Link &l = plan.links[i];
        c.at("links", i, l.id);
        if (!plan.item(l.fromItem))
            c.fail("from_item", "the id of a placed item in this plan, got " + std::to_string(l.fromItem));
        if (!plan.item(l.toItem))
            c.fail("to_item", "the id of a placed item in this plan, got " + std::to_string(l.toItem));
        if (l.fromItem == l.toItem)
            c.fail("to_item", "an item other than from_item (" + std::to_string(l.fromItem) + ")");
        c.notEmpty("link_type_id", l.linkTypeId);
        c.atLeast("lanes", l.lanes, 1);
    }
}

bool importedModelExists(const Plan &plan, const std::string &modelId)
{
    // A workload names an imported config as "import:<id>"; the imported ModelSpec may carry the
    // id with or without the prefix, both are accepted.
    const std::string bare = modelId.substr(7);
    for (const ModelSpec &m : plan.importedModels)
        if (m.id == modelId || m.id == bare)
            return true;
    return false;
}

// The axis a tag belongs to, so that an override cannot put "batch" on the phase axis.
TagAxis axisOf(Tag tag)
{
    switch (tag) {
    case Tag::PrefillHeavy:
    case Tag::DecodeHeavy:
        return TagAxis::Phase;
    case Tag::LongContext:
    case Tag::ShortContext:
        return TagAxis::Context;
    case Tag::Interactive:
    case Tag::Batch:
        return TagAxis::Latency;
    case Tag::SmallModel:
    case Tag::SramResident:
    case Tag::LargeModel:
        return TagAxis::ModelSize;
    case Tag::Edge:
    case Tag::DataCentre:
        return TagAxis::Placement;
    }
    return TagAxis::Phase;
}

// Far above any deployment (a billion requests per second; a billion tokens per request, which still
// fits the simulator's 32-bit token counts), low enough that the arithmetic downstream stays finite.
constexpr double kMaxRatePerS = 1e9;
constexpr double kMaxTokens = 1e9;

void checkWorkloads(const Plan &plan, Checker &c)
{
    for (std::size_t i = 0; i < plan.workloads.size(); ++i) {
        const Workload &w = plan.workloads[i];
        c.at("workloads", i, w.id);
        c.notEmpty("model_id", w.modelId);
        if (w.modelId.rfind("import:", 0) == 0 && !importedModelExists(plan, w.modelId))
            c.fail("model_id", "an imported model present in imported_models, got " + w.modelId);
        c.positive("rate_per_s", w.ratePerS);
        c.atMost("rate_per_s", w.ratePerS, kMaxRatePerS, "requests per second");
        c.positive("input_mean", w.inputMean);
        c.atMost("input_mean", w.inputMean, kMaxTokens, "tokens");
        c.p90("input_p90", w.inputP90, w.inputMean);
        c.positive("output_mean", w.outputMean);
        c.atMost("output_mean", w.outputMean, kMaxTokens, "tokens");
        c.p90("output_p90", w.outputP90, w.outputMean);
        c.fraction("prefix_reuse", w.prefixReuse);
        // 0 = no latency target (batch work), so only negatives and NaN are wrong.
        c.nonNegative("ttft_slo_ms", w.ttftSloMs);
        c.nonNegative("tpot_slo_ms", w.tpotSloMs);
        for (const auto &[axis, tag] : w.tagOverrides)
            if (axisOf(tag) != axis)
                c.fail("tag_overrides." + toString(axis),
                       "a tag of the " + toString(axis) + " axis, got " + toString(tag));
    }
}

void checkPolicies(const Plan &plan, Checker &c)
{
    const Policies &p = plan.policies;
    c.at("policies", 0, 0);
    c.positive("amortisation_years", p.amortisationYears);
    c.nonNegative("electricity_usd_per_kwh", p.electricityUsdPerKwh);
    // PUE is total facility power over IT power, so it cannot be below 1.
    if (!std::isfinite(p.pue) || p.pue < 1)
        c.fail("pue", "a power usage effectiveness >= 1, got " + Checker::show(p.pue));
    c.nonNegative("cost_cap_usd_per_hour", p.costCapUsdPerHour);
}

void checkImportedModels(const Plan &plan, Checker &c)
{
    std::set<std::string> seen;
    for (std::size_t i = 0; i < plan.importedModels.size(); ++i) {
        const ModelSpec &m = plan.importedModels[i];
        c.at("imported_models", i, 0);
        c.notEmpty("id", m.id);
        if (!seen.insert(m.id).second)
            c.fail("id", "a model id not used by another imported model (" + m.id + " is taken)");
        c.atLeast("arch.layers", m.arch.layers, 1);
        c.atLeast("arch.hidden", m.arch.hidden, 1);
        c.atLeast("arch.heads", m.arch.heads, 1);
        c.nonNegative("stated_total_params", m.statedTotalParams);
        c.nonNegative("stated_active_params", m.statedActiveParams);
    }
}

} // namespace

PlanFieldNamer jsonFieldNamer()
{
    return [](const std::string &collection, std::size_t index, int, const std::string &field) {
        if (collection == "policies")
            return collection + "." + field;
        return collection + "[" + std::to_string(index) + "]." + field;
    };
}

void checkWorkloadCount(std::size_t count, const std::string &file)
{
    if (count > kMaxPlanWorkloads)
        throw InputError(file, "workloads",
                         "at most " + std::to_string(kMaxPlanWorkloads) + " workloads in one plan, got " +
                             std::to_string(count));
}

void validatePlan(const Plan &plan, const std::string &file, const PlanFieldNamer &namer)
{
    checkWorkloadCount(plan.workloads.size(), file);
    Checker c(file, namer);
    checkIds(plan, c);
    checkRacks(plan, c);
    checkPools(plan, c);
    checkItems(plan, c);
    checkLinks(plan, c);
    checkWorkloads(plan, c);
    checkPolicies(plan, c);
    checkImportedModels(plan, c);
}

} // namespace tokenroute
