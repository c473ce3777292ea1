// `tokenroute-cli evaluate PLAN`: the whole plan at a glance, as the UI shows it on every edit —
// per pool its devices, layout, cost and power; per workload how each pool that could serve it
// would do (largest rate within the SLOs, TTFT, TPOT, cost per million tokens, what limits it);
// per rack the power and space against its budget; and the problems found, worded here from the
// core's issue codes.

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"

namespace tokenroute::cli {

namespace {

using nlohmann::json;

struct EvaluateOptions {
    std::string plan;
    bool json = false;
};

std::string issueText(const EvaluationIssue &i)
{
    char buf[256];
    switch (i.code) {
    case EvaluationIssueCode::UnknownServer:
        return "pool " + std::to_string(i.poolId) + ": server '" + i.text + "' is not in the catalogue";
    case EvaluationIssueCode::UnknownAccelerator:
        return "pool " + std::to_string(i.poolId) + ": accelerator '" + i.text + "' is not in the catalogue";
    case EvaluationIssueCode::UnknownModel:
        return "workload " + std::to_string(i.workloadId) + ": model '" + i.text + "' is neither in the catalogue nor imported";
    case EvaluationIssueCode::UnknownTier:
        return "pool " + std::to_string(i.poolId) + ": memory tier '" + i.text + "' is not in the catalogue";
    case EvaluationIssueCode::MixedDevices:
        return "pool " + std::to_string(i.poolId) + ": mixes accelerators ('" + i.text + "' differs from the first); it is left out";
    case EvaluationIssueCode::EmptyPool:
        return "pool " + std::to_string(i.poolId) + ": holds no accelerators";
    case EvaluationIssueCode::ModelDoesNotFit:
        if (i.value > 0)
            std::snprintf(buf, sizeof buf, "workload %d: %s does not fit pool %d (one replica needs %.0f devices)", i.workloadId,
                          i.text.c_str(), i.poolId, i.value);
        else
            std::snprintf(buf, sizeof buf, "workload %d: %s does not fit pool %d's devices at any count", i.workloadId,
                          i.text.c_str(), i.poolId);
        return buf;
    case EvaluationIssueCode::InvalidLayout:
        return "workload " + std::to_string(i.workloadId) + " on pool " + std::to_string(i.poolId) + ": " + i.text;
    case EvaluationIssueCode::NoPoolMeetsSlo:
        return "workload " + std::to_string(i.workloadId) + ": no pool meets its SLOs";
    case EvaluationIssueCode::RackOverPower:
        std::snprintf(buf, sizeof buf, "rack %d: draws %.1f kW, over its power budget", i.rackId, i.value);
        return buf;
    case EvaluationIssueCode::RackOverUnits:
        std::snprintf(buf, sizeof buf, "rack %d: %g U used, more than it has", i.rackId, i.value);
        return buf;
    }
    return "unknown issue";
}

json toJson(const Evaluation &ev)
{
    json pools = json::array();
    for (const PoolEvaluation &p : ev.pools)
        pools.push_back({{"id", p.poolId},
                         {"name", p.name},
                         {"role", toString(p.role)},
                         {"device", p.device ? p.device->id : ""},
                         {"server", p.server ? p.server->id : ""},
                         {"servers", p.servers},
                         {"devices", p.devices},
                         {"tp", p.setup.tp},
                         {"pp", p.setup.pp},
                         {"ep", p.setup.ep},
                         {"weights", toString(p.setup.weights)},
                         {"kv", toString(p.setup.kv)},
                         {"usd_per_hour", p.cost.usdPerHour},
                         {"capex_usd", p.cost.capexUsd},
                         {"it_power_kw", p.cost.itPowerW / 1e3},
                         {"cloud", p.cost.cloud}});
    json workloads = json::array();
    for (const WorkloadEvaluation &w : ev.workloads) {
        json options = json::array();
        for (const WorkloadOnPool &o : w.pools) {
            const Estimate &e = o.estimate;
            json tiers = json::array();
            for (const TierChoice &t : o.prefixTiers)
                tiers.push_back({{"tier", t.tier ? t.tier->id : ""},
                                 {"kv_tokens", t.kvTokens},
                                 {"load_ms", 1e3 * t.loadS},
                                 {"recompute_ms", 1e3 * t.recomputeS},
                                 {"choice", t.recompute ? "recompute" : "load"},
                                 {"load_energy_j", t.loadEnergyJ}});
            options.push_back({{"pool", o.poolId},
                               {"fits", o.fits},
                               {"meets_slo", o.capacity.meetsSlo},
                               {"max_requests_per_s", o.capacity.maxRequestsPerS},
                               {"slo_concurrency", o.capacity.concurrency},
                               {"slo_ttft_ms", 1e3 * o.capacity.ttftS},
                               {"slo_tpot_ms", 1e3 * o.capacity.tpotS},
                               {"limit", toString(o.capacity.limit)},
                               {"usd_per_million_input_tokens", o.usdPerMillionInput},
                               {"usd_per_million_output_tokens", o.usdPerMillionOutput},
                               {"ttft_ms", 1e3 * e.ttftS},
                               {"tpot_ms", 1e3 * e.tpotS},
                               {"e2e_ms", 1e3 * e.e2eS},
                               {"output_tokens_per_s", e.outputTokensPerS},
                               {"output_tokens_per_s_per_user", e.outputTokensPerSPerUser},
                               {"requests_per_s", e.requestsPerS},
                               {"weights_gb", e.memory.weightBytes / 1e9},
                               {"kv_gb_per_request", e.kvBytesPerRequest / 1e9},
                               {"max_concurrency", e.maxConcurrency},
                               {"prefill_bound", toString(e.prefillBound)},
                               {"decode_bound", toString(e.decodeBound)},
                               {"prefix_tiers", tiers}});
        }
        workloads.push_back({{"id", w.workloadId}, {"name", w.name}, {"model", w.modelId}, {"pools", options}});
    }
    json racks = json::array();
    for (const RackEvaluation &r : ev.racks)
        racks.push_back({{"id", r.rackId}, {"power_kw", r.powerKw}, {"budget_kw", r.budgetKw}, {"units_used", r.unitsUsed}, {"units", r.units}});
    json issues = json::array();
    for (const EvaluationIssue &i : ev.issues)
        issues.push_back(issueText(i));
    return {{"pools", pools}, {"workloads", workloads}, {"racks", racks}, {"issues", issues},
            {"usd_per_hour", ev.usdPerHour}, {"it_power_kw", ev.itPowerKw}};
}

void print(const Plan &plan, const Evaluation &ev)
{
    std::printf("Pools\n%4s  %-22s  %-8s  %-16s  %7s  %7s  %10s  %8s\n", "id", "name", "role", "device", "devices", "tp x pp",
                "$/hour", "kW");
    for (const PoolEvaluation &p : ev.pools)
        std::printf("%4d  %-22s  %-8s  %-16s  %7d  %3d x %-2d %10.2f  %8.1f\n", p.poolId, p.name.c_str(), toString(p.role).c_str(),
                    p.device ? p.device->id.c_str() : "-", p.devices, p.setup.tp, p.setup.pp, p.cost.usdPerHour,
                    p.cost.itPowerW / 1e3);
    std::printf("\nWorkloads (each pool that could serve it; rate and latencies at the largest load within the SLOs)\n");
    std::printf("%-22s  %4s  %5s  %10s  %9s  %9s  %10s  %10s  %s\n", "workload", "pool", "fits", "max req/s", "TTFT ms", "TPOT ms",
                "$/M in", "$/M out", "limit");
    for (const WorkloadEvaluation &w : ev.workloads) {
        const Workload *wl = plan.workload(w.workloadId);
        if (w.pools.empty())
            std::printf("%-22s  (no pool can serve it)\n", w.name.c_str());
        for (const WorkloadOnPool &o : w.pools)
            std::printf("%-22s  %4d  %5s  %10.2f  %9.1f  %9.2f  %10.3f  %10.3f  %s%s\n", w.name.c_str(), o.poolId,
                        o.fits ? "yes" : "no", o.capacity.maxRequestsPerS, 1e3 * o.capacity.ttftS, 1e3 * o.capacity.tpotS,
                        o.usdPerMillionInput, o.usdPerMillionOutput, o.fits ? toString(o.capacity.limit).c_str() : "memory",
                        o.fits && !o.capacity.meetsSlo ? " (misses SLO)" : "");
        if (wl)
            std::printf("%-22s  demand %.2f req/s, %.0f in / %.0f out, SLO TTFT %.0f ms, TPOT %.0f ms\n", "", wl->ratePerS,
                        wl->inputMean, wl->outputMean, wl->ttftSloMs, wl->tpotSloMs);
    }
    std::printf("\nRacks\n%4s  %10s  %10s  %8s\n", "id", "kW", "budget kW", "units");
    for (const RackEvaluation &r : ev.racks)
        std::printf("%4d  %10.1f  %10.1f  %4d/%-3d\n", r.rackId, r.powerKw, r.budgetKw, r.unitsUsed, r.units);
    std::printf("\nTotal: $%.2f per hour, %.1f kW IT power\n", ev.usdPerHour, ev.itPowerKw);
    if (!ev.issues.empty()) {
        std::printf("\nProblems\n");
        for (const EvaluationIssue &i : ev.issues)
            std::printf("  %s\n", issueText(i).c_str());
    }
}

CommandRegistration reg{40, [](CLI::App &app, Context &ctx) {
    auto o = std::make_shared<EvaluateOptions>();
    CLI::App *cmd = app.add_subcommand("evaluate", "Evaluate a plan: per pool cost and power, per workload the estimate on "
                                                   "every pool that could serve it, per rack power and space");
    cmd->add_option("plan", o->plan, "Plan file (SQLite or JSON)")->required();
    cmd->add_flag("--json", o->json, "Print JSON");
    cmd->footer("Example: tokenroute-cli evaluate data/plans/demo.json --json");
    cmd->callback([o, &ctx] {
        const Plan plan = loadPlan(o->plan);
        const Evaluation ev = evaluate(plan, ctx.catalog());
        if (o->json)
            std::cout << toJson(ev).dump(2) << '\n';
        else
            print(plan, ev);
    });
}};

} // namespace

} // namespace tokenroute::cli
