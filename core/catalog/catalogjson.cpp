// Loading and validating the catalogue (data/catalog/*.json), and writing it back as JSON.
//
// The catalogue is hand-edited text that every figure in the app rests on, so the loader is strict:
// every number must say where it came from ({"value", "source"} or {"value", "estimate": true,
// "note"}), must be a real JSON number (not a string, not NaN), and must lie in a plausible range
// for its unit. The ranges are deliberately wide — they exist to catch unit slips (GB/s typed where
// TB/s is meant, bits for bytes, a per-rack figure on a per-chip field), not to police the data.
// Unknown keys are refused so that a misspelt field is an error instead of a silently absent value.
// Every error is an InputError naming the file, the JSON path (accelerators[3].memory_gb) and what
// a valid value looks like.

#include "core/catalog/catalogjson.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/model/hfconfig.h"
#include "core/util/error.h"
#include "core/util/jsonguard.h"

namespace tokenroute {

using nlohmann::json;

namespace {

// Plausible range for one field: [lo, hi], zero optionally allowed below lo. `why` documents the
// bound and is shown in the message so that whoever trips it knows what was assumed.
struct Range {
    double lo;
    double hi;
    const char *why;
    bool integer = false;
    bool zeroAllowed = false;
};

// --- Bounds, one line of reasoning each --------------------------------------------------------
// Dense TFLOP/s per device: a phone NPU is ~1, Rubin-class parts announce ~50 000 (FP4); beyond
// 200 000 is a per-rack figure on a per-chip field.
constexpr Range kTflops{0.01, 200000, "per device: phone NPUs ~1 to ~50 000 for announced FP4 parts"};
// Memory per device: Groq's 0.23 GB of SRAM up to a 2-socket DDR5 server's few TB.
constexpr Range kMemoryGb{0.01, 8192, "per device: from 0.23 GB of on-chip SRAM to a few TB of server DDR5"};
// Memory bandwidth: 0.05 TB/s (phone LPDDR5X) to 80 TB/s (on-chip SRAM); 100+ is GB/s typed as TB/s.
constexpr Range kBandwidthTBs{0.01, 100, "TB/s per device: ~0.05 for a phone up to 80 for on-chip SRAM"};
constexpr Range kSramMb{0.1, 1000000, "MB of on-chip SRAM per device"};
// Scale-up per direction: NVLink 6 announces 1 800 GB/s each way; 5 000 leaves room and catches Gb/s.
constexpr Range kScaleUpGBs{0.1, 5000, "GB/s per direction: NVLink 5 is 900, NVLink 6 announced 1 800"};
constexpr Range kScaleUpDomain{1, 100000, "devices in one scale-up domain (8 for HGX, 72 for NVL72, 9 216 for a TPU pod)", true};
// Host link per direction: PCIe 6 x16 is ~128 GB/s, Grace C2C 450 GB/s.
constexpr Range kHostLinkGBs{0.1, 1000, "GB/s per direction: PCIe 4 x16 32 up to NVLink-C2C 450"};
// Device power: a phone SoC ~5 W to a 1.4 kW GPU module or a 2-socket server; beyond 5 kW is a whole node.
constexpr Range kTdpW{1, 5000, "W per device: phone SoC ~5 W up to ~1.4 kW modules and 2-socket servers"};
constexpr Range kDevicePriceUsd{10, 10000000, "USD per device"};
constexpr Range kCloudUsdPerHour{0.001, 1000, "USD per device-hour"};
constexpr Range kEfficiency{0.01, 1, "achieved / peak, a fraction in (0, 1]"};

constexpr Range kUnitHeight{1, 60, "rack units: 1U devices up to a 48U rack-scale system", true};
// Whole racks: liquid-cooled NVL72 racks draw ~120-135 kW, next-generation racks are reported at ~230 kW.
constexpr Range kPowerW{0, 300000, "W: a blank panel draws 0, a liquid-cooled AI rack ~130 kW", false, true};
constexpr Range kWeightKg{0.1, 5000, "kg: a blank panel ~0.5 kg, an NVL72 rack ~1 360 kg"};
constexpr Range kPerNode{1, 100000, "accelerators in one node or rack system", true};
constexpr Range kHostDramGb{0, 100000, "GB of host DRAM per node (an NVL72 rack's Grace CPUs hold ~17 TB)", false, true};
constexpr Range kNvmeTb{0, 10000, "TB of local NVMe per node", false, true};
constexpr Range kNics{0, 1000, "NICs per node", true, true};
constexpr Range kNicGbps{1, 3200, "Gbit/s per port: 1 GbE up to 1.6 TbE"};
constexpr Range kSwitchPorts{1, 1024, "ports per switch", true};
constexpr Range kSystemPriceUsd{10, 100000000, "USD per server or rack system"};

constexpr Range kLinkGBs{0.01, 5000, "GB/s per direction: 100 GbE is 12.5, NVLink 5 900"};
constexpr Range kLatencyUs{0.0001, 1000000, "microseconds: SRAM ~0.001 up to remote storage ~1e5"};
// Tier bandwidth: on-chip SRAM reaches ~80 000 GB/s; 200 000 leaves room for wafer-scale parts.
constexpr Range kTierGBs{0.01, 200000, "GB/s as seen from the device: NVMe ~14 up to SRAM ~80 000"};
// Energy per bit: on-chip SRAM ~0.1 pJ/bit to ~1 000 pJ/bit for a network hop with its NIC and switch.
constexpr Range kPjPerBit{0.001, 1000, "pJ/bit: SRAM ~0.1, HBM ~3.5, DDR ~15-20, network higher"};
// $/GB: NVMe at ~0.1 up to on-chip SRAM (a ~$20k card holding 0.23 GB is ~$90k/GB).
constexpr Range kUsdPerGb{0, 1000000, "USD per GB: NVMe ~0.1 up to on-chip SRAM ~1e5", false, true};

constexpr Range kParams{1e6, 1e14, "parameters: 1 M up to 100 T"};

constexpr Range kRatePerS{0.0001, 1000000, "requests per second"};
constexpr Range kTokens{1, 10000000, "tokens per request: up to 10 M context"};
constexpr Range kFraction{0, 1, "a fraction in [0, 1]", false, true};
constexpr Range kSloMs{0.1, 3600000, "milliseconds: from sub-ms token budgets to an hour for offline work"};

const std::regex &idPattern()
{
    static const std::regex re("^[a-z0-9]+(-[a-z0-9.]+)*$");
    return re;
}

std::string formatNumber(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

// Reads one catalogue entry (a JSON object) at a path such as "accelerators[3]". Every accessor
// knows the file and path, so every failure names both.
class EntryReader {
public:
    EntryReader(const std::string &file, const json &entry, std::string path, ProvenanceMap &provenance)
        : m_file(file)
        , m_entry(entry)
        , m_path(std::move(path))
        , m_provenance(provenance)
    {
        if (!m_entry.is_object())
            fail("", "expected an object");
    }

    [[noreturn]] void fail(const std::string &key, const std::string &problem) const
    {
        throw InputError(m_file, key.empty() ? m_path : m_path + "." + key, problem);
    }

    // Descriptive keys any entry may carry without being read.
    void allowOnly(std::initializer_list<const char *> keys) const
    {
        std::set<std::string> allowed(keys.begin(), keys.end());
        for (const char *descriptive : {"note", "notes", "description", "comment"})
            allowed.insert(descriptive);
        for (const auto &[key, value] : m_entry.items())
            if (!allowed.count(key))
                fail(key, "unknown field (misspelt?)");
    }

    bool has(const std::string &key) const { return m_entry.contains(key) && !m_entry.at(key).is_null(); }

    std::string text(const std::string &key, bool required = true) const
    {
        if (!has(key)) {
            if (required)
                fail(key, "expected a non-empty string");
            return {};
        }
        const json &v = m_entry.at(key);
        if (!v.is_string() || v.get<std::string>().empty())
            fail(key, "expected a non-empty string");
        return v.get<std::string>();
    }

    std::string id() const
    {
        std::string s = text("id");
        if (!std::regex_match(s, idPattern()))
            fail("id", "expected lowercase letters, digits and hyphens (^[a-z0-9]+(-[a-z0-9.]+)*$), got \"" + s + "\"");
        return s;
    }

    bool flag(const std::string &key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        if (!m_entry.at(key).is_boolean())
            fail(key, "expected true or false");
        return m_entry.at(key).get<bool>();
    }

    // A number with its provenance. Absent optional numbers read as 0 and record no provenance.
    double number(const std::string &key, const Range &range, bool required = true) const
    {
        if (!has(key)) {
            if (required)
                fail(key, "missing; " + expectation(range));
            return 0;
        }
        return readNumber(m_entry.at(key), key, key, range);
    }

    // Reads a {value, source|estimate} object found at `node`; provenance is stored under
    // `provenanceKey` (the field name, or "peak_tflops.bf16" for nested ones).
    double readNumber(const json &node, const std::string &pathKey, const std::string &provenanceKey,
                      const Range &range) const
    {
        if (!node.is_object())
            fail(pathKey, expectation(range));
        for (const auto &[k, v] : node.items())
            if (k != "value" && k != "source" && k != "estimate" && k != "note")
                fail(pathKey + "." + k, "unknown field; a number has \"value\", \"source\", \"estimate\", \"note\"");
        if (!node.contains("value") || !node.at("value").is_number())
            fail(pathKey, expectation(range) + (node.contains("value") && node.at("value").is_string()
                                                    ? " (the value is a string, not a number)"
                                                    : ""));
        const double v = node.at("value").get<double>();
        if (!std::isfinite(v))
            fail(pathKey, expectation(range));

        Provenance p;
        if (node.contains("estimate")) {
            if (!node.at("estimate").is_boolean())
                fail(pathKey + ".estimate", "expected true or false");
            p.estimate = node.at("estimate").get<bool>();
        }
        if (node.contains("source")) {
            if (!node.at("source").is_string() || node.at("source").get<std::string>().empty())
                fail(pathKey + ".source", "expected a non-empty string (spec sheet, paper table or URL)");
            p.source = node.at("source").get<std::string>();
        }
        if (node.contains("note")) {
            if (!node.at("note").is_string())
                fail(pathKey + ".note", "expected a string");
            p.note = node.at("note").get<std::string>();
        }
        if (p.source.empty() && !p.estimate)
            fail(pathKey, expectation(range));
        if (p.estimate && p.note.empty())
            fail(pathKey + ".note", "an estimate needs a \"note\" saying how it was reached");

        const bool zeroOk = range.zeroAllowed && v == 0;
        if (!zeroOk && (v < range.lo || v > range.hi))
            fail(pathKey, "value " + formatNumber(v) + " is outside the plausible range [" + formatNumber(range.lo)
                              + ", " + formatNumber(range.hi) + "] (" + range.why + ")");
        if (range.integer && v != std::floor(v))
            fail(pathKey, "expected a whole number, got " + formatNumber(v));

        m_provenance[provenanceKey] = p;
        return v;
    }

    const json &raw(const std::string &key) const { return m_entry.at(key); }

private:
    static std::string expectation(const Range &range)
    {
        return std::string("expected a ") + (range.zeroAllowed || range.lo <= 0 ? "non-negative" : "positive")
            + (range.integer ? " whole" : "") + " number with a source or \"estimate\": true";
    }

    const std::string &m_file;
    const json &m_entry;
    std::string m_path;
    ProvenanceMap &m_provenance;
};

// Reads a catalogue file and returns its entry array. The file is an object with one array under
// `listKey`; descriptive top-level strings are allowed.
json readFile(const std::string &path, const std::string &listKey)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "cannot open the file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();

    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error &e) {
        // The parser reports a byte offset; people read lines.
        const std::size_t upto = std::min<std::size_t>(e.byte, text.size());
        int line = 1;
        for (std::size_t i = 0; i + 1 < upto; ++i)
            if (text[i] == '\n')
                ++line;
        throw InputError(path, "line " + std::to_string(line), std::string("malformed JSON: ") + e.what());
    } catch (const json::out_of_range &e) {
        // A number beyond a double (1e400): the parser names the literal but not where it is.
        const auto o = locateNumberOverflow(text, e.what());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(o.byte), '\n');
        throw InputError(path, "line " + std::to_string(line), "a number a double can hold, got " + o.literal);
    }
    if (!doc.is_object())
        throw InputError(path, "", "expected an object with an \"" + listKey + "\" array");
    for (const auto &[key, value] : doc.items()) {
        if (key == listKey)
            continue;
        if (!value.is_string())
            throw InputError(path, key, "unknown top-level field; expected only \"" + listKey + "\" and descriptive strings");
    }
    if (!doc.contains(listKey) || !doc.at(listKey).is_array())
        throw InputError(path, listKey, "expected an array");
    // Moved, not copied: copying a value recurses once per level of nesting, and a hostile file
    // nests 100 000 deep (a stack overflow under ASan, where frames are larger).
    return std::move(doc.at(listKey));
}

std::string indexPath(const std::string &listKey, std::size_t i) { return listKey + "[" + std::to_string(i) + "]"; }

// Refuses a second entry with an id already seen in this file.
class IdRegister {
public:
    IdRegister(std::string file, std::string listKey)
        : m_file(std::move(file))
        , m_listKey(std::move(listKey))
    {
    }
    void add(const std::string &id, std::size_t index)
    {
        auto [it, inserted] = m_first.emplace(id, index);
        if (!inserted)
            throw InputError(m_file, indexPath(m_listKey, index) + ".id",
                             "duplicate id \"" + id + "\" (first used at " + indexPath(m_listKey, it->second) + ")");
    }

private:
    std::string m_file;
    std::string m_listKey;
    std::map<std::string, std::size_t> m_first;
};

std::vector<Accelerator> readAccelerators(const std::string &file)
{
    const json list = readFile(file, "accelerators");
    std::vector<Accelerator> out;
    IdRegister ids(file, "accelerators");
    for (std::size_t i = 0; i < list.size(); ++i) {
        Accelerator a;
        EntryReader r(file, list[i], indexPath("accelerators", i), a.provenance);
        r.allowOnly({"id", "name", "vendor", "category", "status", "peak_tflops", "memory_type", "memory_gb",
                     "memory_bandwidth_tbs", "sram_mb", "weights_in_sram", "scale_up_gbs", "scale_up_domain",
                     "host_link_gbs", "tdp_w", "price_usd", "cloud_usd_per_hour", "eta_compute", "eta_memory"});
        a.id = r.id();
        ids.add(a.id, i);
        a.name = r.text("name");
        a.vendor = r.text("vendor");
        const std::string category = r.text("category");
        auto cat = deviceCategoryFromString(category);
        if (!cat)
            r.fail("category", "unknown category \"" + category
                                   + "\"; expected datacenter-gpu, consumer-gpu, prefill-accelerator, sram-engine, "
                                     "tpu, asic, cpu or edge-soc");
        a.category = *cat;
        a.status = r.text("status");

        if (!r.has("peak_tflops") || !r.raw("peak_tflops").is_object() || r.raw("peak_tflops").empty())
            r.fail("peak_tflops", "expected an object with at least one precision (bf16, fp8, fp4, int4, fp32)");
        for (const auto &[precisionName, node] : r.raw("peak_tflops").items()) {
            auto precision = precisionFromString(precisionName);
            if (!precision)
                r.fail("peak_tflops." + precisionName, "unknown precision; expected bf16, fp8, fp4, int4 or fp32");
            a.peakTflops[*precision] = r.readNumber(node, "peak_tflops." + precisionName,
                                                    "peak_tflops." + precisionName, kTflops);
        }

        a.memoryType = r.text("memory_type");
        a.memoryGb = r.number("memory_gb", kMemoryGb);
        a.memoryBandwidthTBs = r.number("memory_bandwidth_tbs", kBandwidthTBs);
        a.sramMb = r.number("sram_mb", kSramMb, false);
        a.weightsInSram = r.flag("weights_in_sram", false);
        if (a.weightsInSram && a.sramMb <= 0)
            r.fail("sram_mb", "a device with weights_in_sram needs its SRAM size");
        a.scaleUpGBs = r.number("scale_up_gbs", kScaleUpGBs, false);
        a.scaleUpDomain = r.has("scale_up_domain") ? static_cast<int>(r.number("scale_up_domain", kScaleUpDomain)) : 1;
        a.hostLinkGBs = r.number("host_link_gbs", kHostLinkGBs, false);
        a.tdpW = r.number("tdp_w", kTdpW);
        a.priceUsd = r.number("price_usd", kDevicePriceUsd, false);
        a.cloudUsdPerHour = r.number("cloud_usd_per_hour", kCloudUsdPerHour, false);
        a.etaCompute = r.number("eta_compute", kEfficiency);
        a.etaMemory = r.number("eta_memory", kEfficiency);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<ServerSpec> readServers(const std::string &file, const std::vector<Accelerator> &accelerators)
{
    const json list = readFile(file, "servers");
    std::vector<ServerSpec> out;
    IdRegister ids(file, "servers");
    for (std::size_t i = 0; i < list.size(); ++i) {
        ServerSpec s;
        EntryReader r(file, list[i], indexPath("servers", i), s.provenance);
        r.allowOnly({"id", "name", "kind", "unit_height", "power_w", "weight_kg", "accelerator",
                     "accelerators_per_node", "host_dram_gb", "nvme_tb", "nics", "nic_gbps", "switch_ports",
                     "port_gbps", "price_usd"});
        s.id = r.id();
        ids.add(s.id, i);
        s.name = r.text("name");
        const std::string kind = r.text("kind");
        auto k = serverKindFromString(kind);
        if (!k)
            r.fail("kind", "unknown kind \"" + kind + "\"; expected server, rack-system, switch, pdu or blank");
        s.kind = *k;
        s.unitHeight = static_cast<int>(r.number("unit_height", kUnitHeight));
        s.powerW = r.number("power_w", kPowerW);
        s.weightKg = r.number("weight_kg", kWeightKg);

        s.acceleratorId = r.text("accelerator", false);
        if (!s.acceleratorId.empty()) {
            if (std::none_of(accelerators.begin(), accelerators.end(),
                             [&](const Accelerator &a) { return a.id == s.acceleratorId; }))
                r.fail("accelerator", "unknown accelerator \"" + s.acceleratorId + "\"; expected an id from accelerators.json");
            s.acceleratorsPerNode = static_cast<int>(r.number("accelerators_per_node", kPerNode));
        } else if (r.has("accelerators_per_node")) {
            r.fail("accelerators_per_node", "given without an \"accelerator\"");
        }

        // Compute nodes describe their host; switches their ports. The rest only occupy space.
        const bool computeNode = s.kind == ServerKind::Server || s.kind == ServerKind::RackSystem;
        s.hostDramGb = r.number("host_dram_gb", kHostDramGb, computeNode);
        s.nvmeTb = r.number("nvme_tb", kNvmeTb, computeNode);
        s.nics = static_cast<int>(r.number("nics", kNics, computeNode));
        s.nicGbps = r.number("nic_gbps", kNicGbps, computeNode && s.nics > 0);
        const bool isSwitch = s.kind == ServerKind::Switch;
        s.switchPorts = static_cast<int>(r.number("switch_ports", kSwitchPorts, isSwitch));
        s.portGbps = r.number("port_gbps", kNicGbps, isSwitch);
        s.priceUsd = r.number("price_usd", kSystemPriceUsd, false);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<LinkType> readLinks(const std::string &file)
{
    const json list = readFile(file, "links");
    std::vector<LinkType> out;
    IdRegister ids(file, "links");
    for (std::size_t i = 0; i < list.size(); ++i) {
        LinkType l;
        EntryReader r(file, list[i], indexPath("links", i), l.provenance);
        r.allowOnly({"id", "name", "kind", "bandwidth_gbs", "latency_us"});
        l.id = r.id();
        ids.add(l.id, i);
        l.name = r.text("name");
        const std::string kind = r.text("kind");
        auto k = linkKindFromString(kind);
        if (!k)
            r.fail("kind", "unknown kind \"" + kind + "\"; expected nvlink, pcie, infiniband, ethernet or chip-to-chip");
        l.kind = *k;
        l.bandwidthGBs = r.number("bandwidth_gbs", kLinkGBs);
        l.latencyUs = r.number("latency_us", kLatencyUs);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<MemoryTierSpec> readTiers(const std::string &file)
{
    const json list = readFile(file, "tiers");
    std::vector<MemoryTierSpec> out;
    IdRegister ids(file, "tiers");
    for (std::size_t i = 0; i < list.size(); ++i) {
        MemoryTierSpec t;
        EntryReader r(file, list[i], indexPath("tiers", i), t.provenance);
        r.allowOnly({"id", "name", "kind", "bandwidth_gbs", "latency_us", "energy_pj_per_bit", "usd_per_gb"});
        t.id = r.id();
        ids.add(t.id, i);
        t.name = r.text("name");
        const std::string kind = r.text("kind");
        auto k = tierKindFromString(kind);
        if (!k)
            r.fail("kind", "unknown kind \"" + kind + "\"; expected sram, hbm, gddr, lpddr, host-dram, cxl, nvme or remote");
        t.kind = *k;
        t.bandwidthGBs = r.number("bandwidth_gbs", kTierGBs);
        t.latencyUs = r.number("latency_us", kLatencyUs);
        t.energyPjPerBit = r.number("energy_pj_per_bit", kPjPerBit);
        t.usdPerGb = r.number("usd_per_gb", kUsdPerGb);
        out.push_back(std::move(t));
    }
    return out;
}

// Models embed a Hugging Face config; its numbers are the model's own definition, not measured
// figures, so they need no provenance. Every other number in a model entry does.
std::vector<ModelSpec> readModels(const std::string &file)
{
    const json list = readFile(file, "models");
    std::vector<ModelSpec> out;
    IdRegister ids(file, "models");
    for (std::size_t i = 0; i < list.size(); ++i) {
        ModelSpec m;
        const std::string path = indexPath("models", i);
        EntryReader r(file, list[i], path, m.provenance);
        r.allowOnly({"id", "name", "config", "stated_total_params", "stated_active_params", "hf_id", "source",
                     "license"});
        m.id = r.id();
        ids.add(m.id, i);
        m.name = r.text("name");
        if (!r.has("config") || !r.raw("config").is_object())
            r.fail("config", "expected the model's Hugging Face config.json object");
        try {
            m.arch = parseHfConfig(r.raw("config"), file);
        } catch (const InputError &e) {
            // Re-anchor the config's own field path under this entry.
            throw InputError(file, path + ".config" + (e.where().empty() ? "" : "." + e.where()), e.problem());
        }
        m.statedTotalParams = r.number("stated_total_params", kParams, false);
        m.statedActiveParams = r.number("stated_active_params", kParams, false);
        if (m.statedActiveParams > 0 && m.statedTotalParams > 0 && m.statedActiveParams > m.statedTotalParams)
            r.fail("stated_active_params", "exceeds stated_total_params");
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<WorkloadPreset> readPresets(const std::string &file, const std::vector<ModelSpec> &models)
{
    const json list = readFile(file, "presets");
    std::vector<WorkloadPreset> out;
    IdRegister ids(file, "presets");
    for (std::size_t i = 0; i < list.size(); ++i) {
        WorkloadPreset p;
        EntryReader r(file, list[i], indexPath("presets", i), p.provenance);
        r.allowOnly({"id", "name", "description", "model", "rate_per_s", "input_mean", "input_p90", "output_mean",
                     "output_p90", "prefix_reuse", "ttft_slo_ms", "tpot_slo_ms", "interactive", "edge"});
        p.id = r.id();
        ids.add(p.id, i);
        p.name = r.text("name");
        p.description = r.text("description");
        p.modelId = r.text("model");
        if (std::none_of(models.begin(), models.end(), [&](const ModelSpec &m) { return m.id == p.modelId; }))
            r.fail("model", "unknown model \"" + p.modelId + "\"; expected an id from models.json");
        p.ratePerS = r.number("rate_per_s", kRatePerS);
        p.inputMean = r.number("input_mean", kTokens);
        p.inputP90 = r.number("input_p90", kTokens);
        p.outputMean = r.number("output_mean", kTokens);
        p.outputP90 = r.number("output_p90", kTokens);
        p.prefixReuse = r.number("prefix_reuse", kFraction);
        p.ttftSloMs = r.number("ttft_slo_ms", kSloMs);
        p.tpotSloMs = r.number("tpot_slo_ms", kSloMs);
        p.interactive = r.flag("interactive", true);
        p.edge = r.flag("edge", false);
        out.push_back(std::move(p));
    }
    return out;
}

// --- Writing -------------------------------------------------------------------------------------

void put(json &j, const ProvenanceMap &provenance, const std::string &key, double value, bool always = true)
{
    auto it = provenance.find(key);
    if (!always && value == 0 && it == provenance.end())
        return;
    j[key] = toJson(it == provenance.end() ? Provenance{} : it->second, value);
}

} // namespace

Catalog loadCatalog(const std::string &dir)
{
    // Load order matters: servers refer to accelerators and presets to models, so those are read first.
    Catalog c;
    c.accelerators = readAccelerators(dir + "/accelerators.json");
    c.servers = readServers(dir + "/servers.json", c.accelerators);
    c.links = readLinks(dir + "/links.json");
    c.tiers = readTiers(dir + "/tiers.json");
    c.models = readModels(dir + "/models.json");
    c.presets = readPresets(dir + "/presets.json", c.models);
    return c;
}

json toJson(const Provenance &p, double value)
{
    json j{{"value", value}};
    if (!p.source.empty())
        j["source"] = p.source;
    if (p.estimate || p.source.empty()) {
        j["estimate"] = true;
        j["note"] = p.note.empty() ? std::string("no provenance recorded") : p.note;
    } else if (!p.note.empty()) {
        j["note"] = p.note;
    }
    return j;
}

json toJson(const Accelerator &a)
{
    json j{{"id", a.id}, {"name", a.name}, {"vendor", a.vendor}, {"category", toString(a.category)}, {"status", a.status}};
    json peaks = json::object();
    for (const auto &[precision, tflops] : a.peakTflops) {
        auto it = a.provenance.find("peak_tflops." + toString(precision));
        peaks[toString(precision)] = toJson(it == a.provenance.end() ? Provenance{} : it->second, tflops);
    }
    j["peak_tflops"] = peaks;
    j["memory_type"] = a.memoryType;
    put(j, a.provenance, "memory_gb", a.memoryGb);
    put(j, a.provenance, "memory_bandwidth_tbs", a.memoryBandwidthTBs);
    put(j, a.provenance, "sram_mb", a.sramMb, false);
    if (a.weightsInSram)
        j["weights_in_sram"] = true;
    put(j, a.provenance, "scale_up_gbs", a.scaleUpGBs, false);
    if (a.scaleUpDomain != 1 || a.provenance.count("scale_up_domain"))
        put(j, a.provenance, "scale_up_domain", a.scaleUpDomain);
    put(j, a.provenance, "host_link_gbs", a.hostLinkGBs, false);
    put(j, a.provenance, "tdp_w", a.tdpW);
    put(j, a.provenance, "price_usd", a.priceUsd, false);
    put(j, a.provenance, "cloud_usd_per_hour", a.cloudUsdPerHour, false);
    put(j, a.provenance, "eta_compute", a.etaCompute);
    put(j, a.provenance, "eta_memory", a.etaMemory);
    return j;
}

json toJson(const ServerSpec &s)
{
    json j{{"id", s.id}, {"name", s.name}, {"kind", toString(s.kind)}};
    put(j, s.provenance, "unit_height", s.unitHeight);
    put(j, s.provenance, "power_w", s.powerW);
    put(j, s.provenance, "weight_kg", s.weightKg);
    if (!s.acceleratorId.empty()) {
        j["accelerator"] = s.acceleratorId;
        put(j, s.provenance, "accelerators_per_node", s.acceleratorsPerNode);
    }
    const bool computeNode = s.kind == ServerKind::Server || s.kind == ServerKind::RackSystem;
    put(j, s.provenance, "host_dram_gb", s.hostDramGb, computeNode);
    put(j, s.provenance, "nvme_tb", s.nvmeTb, computeNode);
    put(j, s.provenance, "nics", s.nics, computeNode);
    put(j, s.provenance, "nic_gbps", s.nicGbps, false);
    put(j, s.provenance, "switch_ports", s.switchPorts, false);
    put(j, s.provenance, "port_gbps", s.portGbps, false);
    put(j, s.provenance, "price_usd", s.priceUsd, false);
    return j;
}

json toJson(const LinkType &l)
{
    json j{{"id", l.id}, {"name", l.name}, {"kind", toString(l.kind)}};
    put(j, l.provenance, "bandwidth_gbs", l.bandwidthGBs);
    put(j, l.provenance, "latency_us", l.latencyUs);
    return j;
}

json toJson(const MemoryTierSpec &t)
{
    json j{{"id", t.id}, {"name", t.name}, {"kind", toString(t.kind)}};
    put(j, t.provenance, "bandwidth_gbs", t.bandwidthGBs);
    put(j, t.provenance, "latency_us", t.latencyUs);
    put(j, t.provenance, "energy_pj_per_bit", t.energyPjPerBit);
    put(j, t.provenance, "usd_per_gb", t.usdPerGb);
    return j;
}

json toJson(const ModelSpec &m)
{
    const ModelArch &a = m.arch;
    json arch{{"family", a.family},
              {"layers", a.layers},
              {"hidden", a.hidden},
              {"heads", a.heads},
              {"kv_heads", a.kvHeads},
              {"head_dim", a.headDim},
              {"intermediate", a.intermediate},
              {"vocab", a.vocab},
              {"tied_embeddings", a.tiedEmbeddings},
              {"max_context", a.maxContext}};
    if (a.isMoe())
        arch["moe"] = {{"experts", a.moe.numExperts},
                       {"experts_per_token", a.moe.expertsPerToken},
                       {"shared_experts", a.moe.sharedExperts},
                       {"expert_intermediate", a.moe.expertIntermediate}};
    if (a.isMla())
        arch["mla"] = {{"kv_lora_rank", a.mla.kvLoraRank}, {"qk_rope_head_dim", a.mla.qkRopeHeadDim}};

    const ParamCounts params = countParams(a);
    json j{{"id", m.id},
           {"name", m.name},
           {"arch", arch},
           {"params_total", params.total},
           {"params_active", params.active},
           {"kv_bytes_per_token_bf16", kvBytesPerToken(a, bytesPer(Precision::BF16))}};
    put(j, m.provenance, "stated_total_params", m.statedTotalParams, false);
    put(j, m.provenance, "stated_active_params", m.statedActiveParams, false);
    return j;
}

json toJson(const WorkloadPreset &p)
{
    json j{{"id", p.id}, {"name", p.name}, {"description", p.description}, {"model", p.modelId}};
    for (const auto &[key, value] : std::initializer_list<std::pair<const char *, double>>{
             {"rate_per_s", p.ratePerS},
             {"input_mean", p.inputMean},
             {"input_p90", p.inputP90},
             {"output_mean", p.outputMean},
             {"output_p90", p.outputP90},
             {"prefix_reuse", p.prefixReuse},
             {"ttft_slo_ms", p.ttftSloMs},
             {"tpot_slo_ms", p.tpotSloMs}})
        put(j, p.provenance, key, value);
    j["interactive"] = p.interactive;
    j["edge"] = p.edge;
    return j;
}

} // namespace tokenroute
