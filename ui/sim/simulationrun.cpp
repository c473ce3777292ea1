#include "ui/sim/simulationrun.h"

#include <memory>

#include "core/sim/generator.h"
#include "core/sim/simjson.h"
#include "core/sim/simplan.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

namespace tokenroute::ui {

SimulationOutcome runPlanSimulation(const Plan &plan, const Catalog &catalog, const SimulationRequest &request,
                                    const SimulationProgress &progress)
{
    PlanSimOptions po;
    po.workload = request.workload;
    po.seed = request.seed;
    const PlanSimulation ps = buildPlanSimulation(plan, catalog, po);

    std::unique_ptr<RequestSource> source;
    nlohmann::json sourceJson;
    if (!request.tracePath.empty()) {
        TraceFormat format = TraceFormat::Mooncake;
        if (request.traceFormat.empty()) {
            format = detectTraceFormat(request.tracePath);
        } else {
            const auto f = traceFormatFromString(request.traceFormat);
            if (!f)
                throw InputError("format", request.traceFormat, "expected mooncake, azure or burstgpt");
            format = *f;
        }
        TraceReadOptions ro;
        ro.limit = request.requests;
        source = std::make_unique<TraceReader>(request.tracePath, format, ro);
        sourceJson = {{"trace", request.tracePath}, {"format", toString(format)}};
    } else {
        const Workload *w = plan.workload(ps.workloadId);
        GeneratorSpec gs = workloadGeneratorSpec(*w, std::string());
        gs.requests = request.requests;
        gs.seed = request.seed;
        source = std::make_unique<RequestGenerator>(gs);
        sourceJson = {{"generate", "workload,requests=" + std::to_string(request.requests)}, {"seed", gs.seed}};
    }

    SimCallbacks cb;
    cb.progressEvery = 5000;
    if (progress)
        cb.onProgress = progress;

    SimulationOutcome out;
    out.result = simulate(ps.config, *source, cb);
    const SimResult &r = out.result;
    if (r.arrived == 0 && !r.cancelled)
        throw InputError(request.tracePath.empty() ? std::string("generator") : request.tracePath, "",
                         "no requests to simulate (empty trace or every line malformed)");

    nlohmann::json &j = out.document;
    j["workload"] = ps.workloadName;
    j["model"] = ps.modelId;
    j["source"] = sourceJson;
    j["requests"] = r.completed;
    j["arrived"] = r.arrived;
    j["rejected"] = r.rejected;
    j["ttft_ms"] = percentilesMsJson(r.ttft);
    j["tpot_ms"] = percentilesMsJson(r.tpot);
    j["e2e_ms"] = percentilesMsJson(r.e2e);
    j["goodput_rps"] = r.goodputRps;
    j["throughput_rps"] = r.throughputRps;
    j["prefix_hit_ratio"] = r.prefixHitRatio;
    j["block_hit_ratio"] = r.blockHitRatio;
    j["slo"] = {{"ttft_ms", ps.config.ttftSloS * 1e3}, {"tpot_ms", ps.config.tpotSloS * 1e3}};
    j["cache"] = nlohmann::json::array();
    for (const SimPoolResult &p : r.pools)
        for (const SimTierResult &t : p.tiers)
            j["cache"].push_back({{"pool", p.name},
                                  {"tier", t.name},
                                  {"capacity_blocks", t.capacityBlocks},
                                  {"hit_blocks", t.hitBlocks},
                                  {"hit_ratio", t.hitRatio}});
    j["ttft_cdf_ms"] = cdfMsJson(r.ttftCdf);
    j["tpot_cdf_ms"] = cdfMsJson(r.tpotCdf);
    j["sim_seconds"] = r.simSeconds;
    j["wall_seconds"] = r.wallSeconds;
    j["notes"] = ps.notes;
    j["cancelled"] = r.cancelled;
    return out;
}

std::string simulationLabel(const nlohmann::json &document)
{
    const nlohmann::json &src = document.value("source", nlohmann::json::object());
    std::string what = "generated";
    if (src.contains("trace")) {
        const std::string path = src["trace"].get<std::string>();
        what = path.substr(path.find_last_of('/') + 1);
    }
    return document.value("workload", std::string()) + " · " + what;
}

} // namespace tokenroute::ui
