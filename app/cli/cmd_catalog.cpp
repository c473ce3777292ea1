// `tokenroute-cli catalog`: list what the catalogue holds — devices, servers, links, memory tiers,
// models, workload presets — as aligned tables for reading, or as JSON (every field, every source)
// for scripts. Figures marked '*' in a table are estimates; --json carries the note saying why.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "app/cli/texttable.h"
#include "core/catalog/catalog.h"
#include "core/catalog/catalogjson.h"
#include "core/model/modelarch.h"

namespace tokenroute::cli {

namespace {

using nlohmann::json;

std::string number(double v)
{
    char buf[64];
    if (v >= 1e5)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.5g", v);
    return buf;
}

// A figure with its provenance mark: '*' for an estimate, '-' when the field is absent.
std::string figure(const ProvenanceMap &provenance, const std::string &key, double v)
{
    auto it = provenance.find(key);
    if (it == provenance.end() && v == 0)
        return "-";
    return number(v) + (it != provenance.end() && it->second.estimate ? "*" : "");
}

void printDevices(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"name"}, {"category"}, {"bf16 TFLOPS", true}, {"memory GB", true}, {"TB/s", true}, {"TDP W", true}});
    for (const Accelerator &a : c.accelerators) {
        auto bf16 = a.peakTflops.find(Precision::BF16);
        t.add({a.id, a.name, toString(a.category),
               bf16 == a.peakTflops.end() ? "-" : figure(a.provenance, "peak_tflops.bf16", bf16->second),
               figure(a.provenance, "memory_gb", a.memoryGb),
               figure(a.provenance, "memory_bandwidth_tbs", a.memoryBandwidthTBs), figure(a.provenance, "tdp_w", a.tdpW)});
    }
    t.print(out);
}

void printServers(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"name"}, {"kind"}, {"U", true}, {"power W", true}, {"kg", true}, {"accelerators"},
             {"DRAM GB", true}, {"NVMe TB", true}, {"network"}});
    for (const ServerSpec &s : c.servers) {
        const std::string accelerators =
            s.acceleratorId.empty() ? "-" : std::to_string(s.acceleratorsPerNode) + " x " + s.acceleratorId;
        std::string network = "-";
        if (s.kind == ServerKind::Switch)
            network = std::to_string(s.switchPorts) + " x " + number(s.portGbps) + "G ports";
        else if (s.nics > 0)
            network = std::to_string(s.nics) + " x " + number(s.nicGbps) + "G";
        t.add({s.id, s.name, toString(s.kind), figure(s.provenance, "unit_height", s.unitHeight),
               figure(s.provenance, "power_w", s.powerW), figure(s.provenance, "weight_kg", s.weightKg), accelerators,
               figure(s.provenance, "host_dram_gb", s.hostDramGb), figure(s.provenance, "nvme_tb", s.nvmeTb), network});
    }
    t.print(out);
}

void printLinks(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"name"}, {"kind"}, {"GB/s per direction", true}, {"latency us", true}});
    for (const LinkType &l : c.links)
        t.add({l.id, l.name, toString(l.kind), figure(l.provenance, "bandwidth_gbs", l.bandwidthGBs),
               figure(l.provenance, "latency_us", l.latencyUs)});
    t.print(out);
}

void printTiers(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"name"}, {"kind"}, {"GB/s", true}, {"latency us", true}, {"pJ/bit", true}, {"USD/GB", true}});
    for (const MemoryTierSpec &m : c.tiers)
        t.add({m.id, m.name, toString(m.kind), figure(m.provenance, "bandwidth_gbs", m.bandwidthGBs),
               figure(m.provenance, "latency_us", m.latencyUs), figure(m.provenance, "energy_pj_per_bit", m.energyPjPerBit),
               figure(m.provenance, "usd_per_gb", m.usdPerGb)});
    t.print(out);
}

void printModels(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"name"}, {"params B total", true}, {"active B", true}, {"KV bytes/token bf16", true}});
    for (const ModelSpec &m : c.models) {
        const ParamCounts p = countParams(m.arch);
        char total[32], active[32], kv[32];
        std::snprintf(total, sizeof total, "%.2f", p.total / 1e9);
        std::snprintf(active, sizeof active, "%.2f", p.active / 1e9);
        std::snprintf(kv, sizeof kv, "%.0f", kvBytesPerToken(m.arch, bytesPer(Precision::BF16)));
        t.add({m.id, m.name, total, active, kv});
    }
    t.print(out);
}

void printPresets(const Catalog &c, std::ostream &out)
{
    TextTable t({{"id"}, {"model"}, {"req/s", true}, {"in mean", true}, {"in p90", true}, {"out mean", true},
             {"out p90", true}, {"reuse", true}, {"TTFT ms", true}, {"TPOT ms", true}, {"mode"}});
    for (const WorkloadPreset &p : c.presets) {
        const ProvenanceMap &pm = p.provenance;
        t.add({p.id, p.modelId, figure(pm, "rate_per_s", p.ratePerS), figure(pm, "input_mean", p.inputMean),
               figure(pm, "input_p90", p.inputP90), figure(pm, "output_mean", p.outputMean),
               figure(pm, "output_p90", p.outputP90), figure(pm, "prefix_reuse", p.prefixReuse),
               figure(pm, "ttft_slo_ms", p.ttftSloMs), figure(pm, "tpot_slo_ms", p.tpotSloMs),
               std::string(p.interactive ? "interactive" : "offline") + (p.edge ? ", edge" : "")});
    }
    t.print(out);
}

template <typename T>
json array(const std::vector<T> &items)
{
    json a = json::array();
    for (const T &item : items)
        a.push_back(toJson(item));
    return a;
}

struct Kind {
    const char *name;
    const char *title;
    void (*print)(const Catalog &, std::ostream &);
    json (*toJson)(const Catalog &);
};

const Kind kKinds[] = {
    {"devices", "Devices", printDevices, [](const Catalog &c) { return array(c.accelerators); }},
    {"servers", "Servers, racks, switches", printServers, [](const Catalog &c) { return array(c.servers); }},
    {"links", "Links", printLinks, [](const Catalog &c) { return array(c.links); }},
    {"tiers", "Memory tiers", printTiers, [](const Catalog &c) { return array(c.tiers); }},
    {"models", "Models", printModels, [](const Catalog &c) { return array(c.models); }},
    {"presets", "Workload presets", printPresets, [](const Catalog &c) { return array(c.presets); }},
};

struct CatalogOptions {
    std::string kind;
    bool json = false;
};

CommandRegistration reg{10, [](CLI::App &app, Context &ctx) {
    auto opts = std::make_shared<CatalogOptions>();
    CLI::App *cmd = app.add_subcommand("catalog", "List the catalogue: devices, servers, links, memory tiers, models "
                                                  "and workload presets, with the source of every figure");
    std::vector<std::string> names;
    for (const Kind &k : kKinds)
        names.emplace_back(k.name);
    cmd->add_option("kind", opts->kind, "What to list (all kinds when omitted)")->check(CLI::IsMember(names));
    cmd->add_flag("--json", opts->json, "Print JSON with every field and its source or estimate note");
    cmd->footer("Example: tokenroute-cli catalog devices\n         tokenroute-cli catalog tiers --json");
    cmd->callback([opts, &ctx] {
        const Catalog &catalog = ctx.catalog();
        if (opts->json) {
            json out = json::object();
            for (const Kind &k : kKinds) {
                if (opts->kind == k.name) {
                    std::cout << k.toJson(catalog).dump(2) << '\n';
                    return;
                }
                out[k.name] = k.toJson(catalog);
            }
            std::cout << out.dump(2) << '\n';
            return;
        }
        bool first = true;
        for (const Kind &k : kKinds) {
            if (!opts->kind.empty() && opts->kind != k.name)
                continue;
            if (opts->kind.empty())
                std::cout << (first ? "" : "\n") << k.title << '\n';
            k.print(catalog, std::cout);
            first = false;
        }
        if (opts->kind != "models")
            std::cout << "\n* estimate; 'tokenroute-cli catalog " << (opts->kind.empty() ? "" : opts->kind + " ")
                      << "--json' gives each figure's source or note\n";
    });
}};

} // namespace

} // namespace tokenroute::cli
