// `tokenroute-cli plan`: look at a plan and move it between its two forms. `show` summarises racks
// (rack units used, power against budget), pools (device and count), workloads and policies;
// `export` writes the JSON form for review and version control; `import` builds the SQLite file
// from JSON (or copies a plan). PLAN is either form — the file's content decides, not its name.
//
// The catalogue supplies unit heights, power and accelerators per server; when it cannot be
// loaded, `show` still prints what the plan alone knows and says what is missing.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "app/cli/texttable.h"
#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/plan/planio.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Shortest plain form of a number: 4 not 4.000000, 0.08 not 0.080000.
std::string num(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Word-wraps text to `width` columns; the first line starts with `label`, the rest are indented
// to match it, so a long description stays readable in a terminal.
std::string wrap(const std::string &text, const std::string &label, std::size_t width)
{
    const std::string indent(label.size(), ' ');
    std::string out = label, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && label.size() + line.size() + 1 + word.size() > width) {
            out += line + "\n" + indent;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line + "\n";
}

// ---- the summary --------------------------------------------------------------------------------

struct RackSummary {
    const Rack *rack = nullptr;
    int items = 0;
    std::optional<int> unitsUsed;     // absent when a server is not in the catalogue
    std::optional<double> powerKw;
};

struct PoolSummary {
    const Pool *pool = nullptr;
    int nodes = 0;
    std::string device;               // accelerator id (edge: the field device)
    std::optional<double> devices;    // accelerators in the pool; absent when unknown
};

struct Summary {
    std::vector<RackSummary> racks;
    std::vector<PoolSummary> pools;
    std::map<std::string, int> linkTypes;   // link type -> lanes in total
    std::vector<std::string> warnings;      // overlaps, over budget, unknown catalogue ids
};

void checkRackSpace(const Plan &plan, const Rack &rack, const Catalog &catalog, std::vector<std::string> &warnings)
{
    // Marks each U with the item occupying it, so two items sharing a U are reported by name.
    std::vector<const PlacedItem *> occupant(static_cast<std::size_t>(rack.units) + 1, nullptr);
    for (const PlacedItem &it : plan.items) {
        if (it.rackId != rack.id)
            continue;
        const ServerSpec *spec = catalog.server(it.catalogId);
        if (!spec)
            continue;
        const int top = it.uPosition + spec->unitHeight - 1;
        if (top > rack.units) {
            warnings.push_back(rack.name + ": " + it.name + " (" + std::to_string(spec->unitHeight) + "U at U" +
                               std::to_string(it.uPosition) + ") reaches above the rack's " +
                               std::to_string(rack.units) + "U");
        }
        for (int u = it.uPosition; u <= std::min(top, rack.units); ++u) {
            const PlacedItem *&slot = occupant[static_cast<std::size_t>(u)];
            if (slot && slot != &it) {
                warnings.push_back(rack.name + ": " + it.name + " overlaps " + slot->name + " at U" + std::to_string(u));
                break;
            }
            slot = &it;
        }
    }
}

Summary summarise(const Plan &plan, const Catalog *catalog)
{
    Summary s;
    for (const Rack &rack : plan.racks) {
        RackSummary r;
        r.rack = &rack;
        int units = 0;
        double watts = 0;
        bool known = catalog != nullptr;
        for (const PlacedItem &it : plan.items) {
            if (it.rackId != rack.id)
                continue;
            ++r.items;
            const ServerSpec *spec = catalog ? catalog->server(it.catalogId) : nullptr;
            if (!spec) {
                known = false;
                continue;
            }
            units += spec->unitHeight;
            watts += spec->powerW;
        }
        if (known) {
            r.unitsUsed = units;
            r.powerKw = watts / 1000.0;
            if (r.powerKw > rack.powerBudgetKw)
                s.warnings.push_back(rack.name + ": " + fixed(*r.powerKw, 1) + " kW drawn at most, over the " +
                                     num(rack.powerBudgetKw) + " kW budget");
        }
        if (catalog)
            checkRackSpace(plan, rack, *catalog, s.warnings);
        s.racks.push_back(r);
    }
    for (const Pool &pool : plan.pools) {
        PoolSummary p;
        p.pool = &pool;
        if (pool.role == PoolRole::Edge) {
            p.device = pool.edgeDeviceId;
            p.devices = pool.edgeDeviceCount;
        } else {
            double devices = 0;
            bool known = catalog != nullptr;
            for (const PlacedItem &it : plan.items) {
                if (it.poolId != pool.id)
                    continue;
                ++p.nodes;
                const ServerSpec *spec = catalog ? catalog->server(it.catalogId) : nullptr;
                if (!spec) {
                    known = false;
                    continue;
                }
                devices += spec->acceleratorsPerNode;
                if (p.device.empty())
                    p.device = spec->acceleratorId;
                else if (p.device != spec->acceleratorId && !spec->acceleratorId.empty())
                    p.device = "mixed";
            }
            if (known)
                p.devices = devices;
        }
        s.pools.push_back(p);
    }
    for (const Link &l : plan.links)
        s.linkTypes[l.linkTypeId] += l.lanes;
    if (catalog) {
        for (const PlacedItem &it : plan.items)
            if (!catalog->server(it.catalogId))
                s.warnings.push_back(it.name + ": catalogue has no server \"" + it.catalogId + "\"");
        for (const Workload &w : plan.workloads)
            if (w.modelId.rfind("import:", 0) != 0 && !catalog->model(w.modelId))
                s.warnings.push_back(w.name + ": catalogue has no model \"" + w.modelId + "\"");
    }
    return s;
}

std::string tagsText(const Workload &w)
{
    std::string s = w.interactive ? "interactive" : "batch";
    if (w.edge)
        s += ", edge";
    for (const auto &[axis, tag] : w.tagOverrides)
        s += ", " + toString(axis) + "=" + toString(tag);
    return s;
}

std::string sloText(double ms) { return ms > 0 ? num(ms) : "-"; }

json summaryJson(const std::string &path, const Plan &plan, const Summary &s)
{
    json racks = json::array();
    for (const RackSummary &r : s.racks)
        racks.push_back({{"id", r.rack->id},
                         {"name", r.rack->name},
                         {"units", r.rack->units},
                         {"units_used", r.unitsUsed ? json(*r.unitsUsed) : json(nullptr)},
                         {"power_kw", r.powerKw ? json(*r.powerKw) : json(nullptr)},
                         {"power_budget_kw", r.rack->powerBudgetKw},
                         {"cooling", toString(r.rack->cooling)},
                         {"items", r.items}});
    json pools = json::array();
    for (const PoolSummary &p : s.pools)
        pools.push_back({{"id", p.pool->id},
                         {"name", p.pool->name},
                         {"role", toString(p.pool->role)},
                         {"device", p.device},
                         {"devices", p.devices ? json(*p.devices) : json(nullptr)},
                         {"nodes", p.nodes},
                         {"weights", toString(p.pool->weights)},
                         {"kv", toString(p.pool->kv)},
                         {"tp", p.pool->tp},
                         {"memory_fraction", p.pool->memoryFraction},
                         {"tier_ids", p.pool->tierIds}});
    json workloads = json::array();
    for (const Workload &w : plan.workloads)
        workloads.push_back({{"id", w.id},
                             {"name", w.name},
                             {"model_id", w.modelId},
                             {"rate_per_s", w.ratePerS},
                             {"input_mean", w.inputMean},
                             {"output_mean", w.outputMean},
                             {"ttft_slo_ms", w.ttftSloMs},
                             {"tpot_slo_ms", w.tpotSloMs},
                             {"interactive", w.interactive},
                             {"edge", w.edge}});
    const Policies &pol = plan.policies;
    return json{{"file", path},
                {"name", plan.name},
                {"description", plan.description},
                {"racks", racks},
                {"pools", pools},
                {"workloads", workloads},
                {"links", plan.links.size()},
                {"lanes_by_link_type", s.linkTypes},
                {"policies",
                 {{"route_policy", toString(pol.routePolicy)},
                  {"amortisation_years", pol.amortisationYears},
                  {"electricity_usd_per_kwh", pol.electricityUsdPerKwh},
                  {"pue", pol.pue},
                  {"cost_cap_usd_per_hour", pol.costCapUsdPerHour},
                  {"use_cloud_prices", pol.useCloudPrices}}},
                {"warnings", s.warnings}};
}

void printSummary(const std::string &path, const Plan &plan, const Summary &s)
{
    std::cout << "plan        " << plan.name << '\n';
    std::cout << "file        " << path << (isSqliteFile(path) ? " (SQLite)" : " (JSON)") << '\n';
    if (!plan.description.empty())
        std::cout << wrap(plan.description, "about       ", 100);

    std::cout << "\nracks\n";
    TextTable racks({{"id", true}, {"name"}, {"U used", true}, {"kW max", true}, {"kW budget", true}, {"cooling"},
                 {"items", true}});
    for (const RackSummary &r : s.racks)
        racks.add({std::to_string(r.rack->id), r.rack->name,
                   (r.unitsUsed ? std::to_string(*r.unitsUsed) : "?") + "/" + std::to_string(r.rack->units),
                   r.powerKw ? fixed(*r.powerKw, 1) : "?", num(r.rack->powerBudgetKw), toString(r.rack->cooling),
                   std::to_string(r.items)});
    racks.print(std::cout, "  ");

    std::cout << "\npools\n";
    TextTable pools({{"id", true}, {"name"}, {"role"}, {"device"}, {"count", true}, {"nodes", true}, {"weights"},
                 {"kv"}, {"tp", true}, {"mem", true}, {"kv tiers"}});
    for (const PoolSummary &p : s.pools)
        pools.add({std::to_string(p.pool->id), p.pool->name, toString(p.pool->role), p.device.empty() ? "?" : p.device,
                   p.devices ? num(*p.devices) : "?",
                   p.pool->role == PoolRole::Edge ? "field" : std::to_string(p.nodes), toString(p.pool->weights),
                   toString(p.pool->kv), p.pool->tp ? std::to_string(p.pool->tp) : "auto",
                   fixed(100 * p.pool->memoryFraction, 0) + "%", p.pool->tierIds.empty() ? "-" : p.pool->tierIds});
    pools.print(std::cout, "  ");

    std::cout << "\nworkloads\n";
    TextTable workloads({{"id", true}, {"name"}, {"model"}, {"req/s", true}, {"in", true}, {"out", true},
                     {"TTFT ms", true}, {"TPOT ms", true}, {"kind"}});
    for (const Workload &w : plan.workloads)
        workloads.add({std::to_string(w.id), w.name, w.modelId, num(w.ratePerS), num(w.inputMean),
                       num(w.outputMean), sloText(w.ttftSloMs), sloText(w.tpotSloMs), tagsText(w)});
    workloads.print(std::cout, "  ");

    std::cout << "\nlinks       " << plan.links.size();
    std::string sep = " (lanes: ";
    for (const auto &[type, lanes] : s.linkTypes) {
        std::cout << sep << type << " x" << lanes;
        sep = ", ";
    }
    std::cout << (s.linkTypes.empty() ? "" : ")") << '\n';
    const Policies &pol = plan.policies;
    std::cout << "policies    route by " << toString(pol.routePolicy) << ", amortise over " << num(pol.amortisationYears)
              << " years, $" << num(pol.electricityUsdPerKwh) << "/kWh, PUE " << num(pol.pue);
    if (pol.costCapUsdPerHour > 0)
        std::cout << ", cost cap $" << num(pol.costCapUsdPerHour) << "/h";
    if (pol.useCloudPrices)
        std::cout << ", cloud prices";
    std::cout << '\n';
    for (const std::string &w : s.warnings)
        std::cout << "warning     " << w << '\n';
}

// ---- writing files ------------------------------------------------------------------------------

void refuseExisting(const std::string &out, bool force)
{
    std::error_code ec;
    if (!force && fs::exists(out, ec))
        throw InputError(out, "", "a path that does not exist yet; the file exists and was left untouched "
                                  "(pass --force to replace it)");
}

// Replaces `out` only once the new file is complete: the new plan is written beside it and renamed
// over it, so a failure (bad input, full disk) leaves the old file as it was.
void writeSqliteReplacing(const Plan &plan, const std::string &out)
{
    const std::string staging = out + ".importing";
    std::error_code ec;
    fs::remove(staging, ec);
    try {
        savePlanSqlite(plan, staging);
    } catch (...) {
        fs::remove(staging, ec);
        throw;
    }
    // A write-ahead log left by an unclean close of the old file would otherwise be replayed
    // into the new one.
    fs::remove(out + "-wal", ec);
    fs::remove(out + "-shm", ec);
    fs::rename(staging, out, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(staging, ec);
        throw std::runtime_error(out + ": cannot replace the file: " + why);
    }
}

struct PlanOptions {
    std::string plan;
    std::string out;
    bool json = false;
    bool force = false;
};

CommandRegistration reg{30, [](CLI::App &app, Context &ctx) {
    auto opts = std::make_shared<PlanOptions>();
    CLI::App *plan = app.add_subcommand("plan", "Show a plan, or convert it between its SQLite file (.trplan) and "
                                                "its JSON form");
    plan->require_subcommand(1);
    plan->footer("Example: tokenroute-cli plan show data/plans/demo.json\n"
                 "PLAN may be a .trplan (SQLite) file or its JSON form; the content decides.");

    CLI::App *show = plan->add_subcommand("show", "Summarise a plan: racks (U used, power against budget), pools "
                                                  "(device and count), workloads, links and policies");
    show->add_option("plan", opts->plan, "Plan file: .trplan (SQLite) or JSON")->required();
    show->add_flag("--json", opts->json, "Print the summary as JSON");
    show->footer("Example: tokenroute-cli plan show data/plans/demo.json --json");
    show->callback([opts, &ctx] {
        const Plan p = loadPlan(opts->plan);
        const Catalog *catalog = nullptr;
        try {
            catalog = &ctx.catalog();
        } catch (const std::exception &e) {
            // The plan is still worth showing; sizes and power need the catalogue.
            std::cerr << "note: catalogue not loaded (" << e.what() << "); rack units, power and device counts "
                      << "are shown as '?'\n";
        }
        const Summary s = summarise(p, catalog);
        if (opts->json)
            std::cout << summaryJson(opts->plan, p, s).dump(2) << '\n';
        else
            printSummary(opts->plan, p, s);
    });

    CLI::App *exportCmd = plan->add_subcommand("export", "Write a plan's JSON form, for review and version control");
    exportCmd->add_option("plan", opts->plan, "Plan file: .trplan (SQLite) or JSON")->required();
    exportCmd->add_option("--out", opts->out, "JSON file to write")->required();
    exportCmd->add_flag("--force", opts->force, "Replace --out if it exists");
    exportCmd->footer("Example: tokenroute-cli plan export my.trplan --out my-plan.json");
    exportCmd->callback([opts] {
        const Plan p = loadPlan(opts->plan);
        refuseExisting(opts->out, opts->force);
        savePlanJson(p, opts->out);
        std::cerr << "wrote " << opts->out << " (" << p.racks.size() << " racks, " << p.items.size() << " items, "
                  << p.pools.size() << " pools, " << p.workloads.size() << " workloads)\n";
    });

    CLI::App *importCmd = plan->add_subcommand("import", "Build a SQLite plan file (.trplan) from a plan's JSON form");
    importCmd->add_option("json", opts->plan, "Plan JSON (a .trplan is accepted too and copied)")->required();
    importCmd->add_option("--out", opts->out, "Plan file to create, e.g. my.trplan")->required();
    importCmd->add_flag("--force", opts->force, "Replace --out if it exists (its stored results are discarded)");
    importCmd->footer("Example: tokenroute-cli plan import data/plans/demo.json --out demo.trplan");
    importCmd->callback([opts] {
        const Plan p = loadPlan(opts->plan);
        refuseExisting(opts->out, opts->force);
        std::error_code ec;
        if (fs::exists(opts->out, ec))
            writeSqliteReplacing(p, opts->out);
        else
            savePlanSqlite(p, opts->out);
        std::cerr << "wrote " << opts->out << " (" << p.racks.size() << " racks, " << p.items.size() << " items, "
                  << p.pools.size() << " pools, " << p.workloads.size() << " workloads)\n";
    });
}};

} // namespace

} // namespace tokenroute::cli
