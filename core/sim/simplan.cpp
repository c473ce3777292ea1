#include "core/sim/simplan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/perf/evaluation.h"
#include "core/perf/perfmodel.h"
#include "core/route/routebuilder.h"
#include "core/util/error.h"

namespace tokenroute {

namespace {

const std::string kPlanFile = "<plan>";

const ModelSpec *modelFor(const Plan &plan, const Catalog &catalog, const std::string &id)
{
    if (const ModelSpec *m = catalog.model(id))
        return m;
    const std::string name = id.rfind("import:", 0) == 0 ? id.substr(7) : id;
    for (const ModelSpec &m : plan.importedModels)
        if (m.id == name || m.name == name || m.id == id)
            return &m;
    return nullptr;
}

// Lognormal sigma whose distribution has the given mean and p90: ln(p90/mean) = 1.2816 σ − σ²/2
// (z of the 90th percentile is 1.2816). No real root means a p90 too far above the mean for a
// lognormal; the largest sigma on the curve (1.2816) is taken then.
double lognormalSigma(double mean, double p90)
{
    if (mean <= 0 || p90 <= mean)
        return 0.3;  // nothing stated: a mild spread rather than a constant
    const double z = 1.2815516, k = std::log(p90 / mean);
    const double disc = z * z - 2 * k;
    return disc <= 0 ? z : z - std::sqrt(disc);
}

} // namespace

GeneratorSpec workloadGeneratorSpec(const Workload &w, const std::string &overrides)
{
    std::ostringstream s;
    s.precision(10);
    const double input = std::max(1.0, w.inputMean), output = std::max(1.0, w.outputMean);
    const int system = static_cast<int>(std::clamp(w.prefixReuse, 0.0, 1.0) * input);
    // The shared prefix is part of the prompt: the fresh part carries the rest of the mean and
    // of the p90, so the whole prompt keeps the stated mean and p90.
    const double fresh = std::max(1.0, input - system);
    s << "rate=" << std::max(1e-6, w.ratePerS) << ",input=lognormal:" << fresh << ':'
      << lognormalSigma(fresh, w.inputP90 - system) << ",output=lognormal:" << output << ':'
      << lognormalSigma(output, w.outputP90) << ",system=" << system;
    const bool bounded = overrides.find("requests=") != std::string::npos || overrides.find("duration=") != std::string::npos;
    if (!bounded)
        s << ",requests=10000";
    if (!overrides.empty())
        s << ',' << overrides;
    return GeneratorSpec::parse(s.str());
}

PlanSimulation buildPlanSimulation(const Plan &plan, const Catalog &catalog, const PlanSimOptions &options)
{
    PlanSimulation out;
    if (plan.workloads.empty())
        throw InputError(kPlanFile, "workloads", "the plan has no workload to simulate");
    const Workload *w = nullptr;
    for (const Workload &x : plan.workloads)
        if (options.workload.empty() || std::to_string(x.id) == options.workload || x.name == options.workload) {
            w = &x;
            break;
        }
    if (!w)
        throw InputError(kPlanFile, "workloads", "no workload with id or name '" + options.workload + "'");
    const ModelSpec *model = modelFor(plan, catalog, w->modelId);
    if (!model)
        throw InputError(kPlanFile, "workloads[" + std::to_string(w->id) + "].model_id",
                         "unknown model '" + w->modelId + "'");
    out.workloadId = w->id;
    out.workloadName = w->name;
    out.modelId = w->modelId;

    // Only this workload's traffic is simulated, so the plan is evaluated and routed for it alone:
    // every pool's capacity is available to it. A pool the performance model cannot set up for
    // this model (too few devices, too many pipeline stages) is left out with a note.
    Plan reduced = plan;
    reduced.workloads = {*w};
    Evaluation ev;
    try {
        ev = evaluate(reduced, catalog);
    } catch (const InputError &) {
        std::vector<Pool> kept;
        for (const Pool &pool : plan.pools) {
            Plan single = reduced;
            single.pools = {pool};
            try {
                evaluate(single, catalog);
                kept.push_back(pool);
            } catch (const InputError &e) {
                out.notes.push_back("pool '" + pool.name + "' left out: " + e.what());
            }
        }
        reduced.pools = kept;
        for (PlacedItem &item : reduced.items)
            if (item.poolId != 0 && !reduced.pool(item.poolId))
                item.poolId = 0;
        ev = evaluate(reduced, catalog);
    }
    PlanRouting routing;
    try {
        routing = routePlan(reduced, catalog);
    } catch (const InputError &e) {
        out.notes.push_back(std::string("routing failed (") + e.what() + ")");
    }

    // Shares per pool and phase from the router's routes for this workload.
    std::map<int, double> prefillShare, decodeShare;
    std::map<int, bool> colocated;
    for (const WorkloadRouting &wr : routing.result.workloads) {
        if (wr.workloadId != w->id)
            continue;
        for (const RouteShare &s : wr.routes) {
            if (s.share <= 0)
                continue;
            prefillShare[s.prefillPool] += s.share;
            if (s.colocated || s.prefillPool == s.decodePool)
                colocated[s.prefillPool] = true;
            else
                decodeShare[s.decodePool] += s.share;
        }
    }
    const bool routed = !prefillShare.empty();
    if (!routed) {
        out.notes.push_back("no SLO-meeting route for workload '" + w->name
                            + "': pools used by their roles, shares by device count");
        // Only pools that hold the model: the simulation then shows the load it cannot keep up
        // with, rather than failing on a pool that never could have served it.
        std::set<int> holds;
        for (const WorkloadEvaluation &we : ev.workloads)
            if (we.workloadId == w->id)
                for (const WorkloadOnPool &wp : we.pools)
                    if (wp.fits)
                        holds.insert(wp.poolId);
        for (const PoolEvaluation &pe : ev.pools) {
            if (pe.devices <= 0 || pe.role == PoolRole::Edge)
                continue;
            if (!holds.count(pe.poolId)) {
                out.notes.push_back("pool '" + pe.name + "' left out: it cannot hold " + model->id);
                continue;
            }
            if (pe.role == PoolRole::Prefill)
                prefillShare[pe.poolId] += pe.devices;
            else if (pe.role == PoolRole::Decode)
                decodeShare[pe.poolId] += pe.devices;
            else {
                prefillShare[pe.poolId] += pe.devices;
                colocated[pe.poolId] = true;
            }
        }
        if (decodeShare.empty())  // prefill pools alone cannot finish a request
            for (auto it = prefillShare.begin(); it != prefillShare.end();)
                it = colocated[it->first] ? std::next(it) : prefillShare.erase(it);
    }
    std::vector<int> ids;
    for (const auto &[id, s] : prefillShare)
        ids.push_back(id);
    for (const auto &[id, s] : decodeShare)
        if (!prefillShare.count(id))
            ids.push_back(id);
    if (ids.empty())
        throw InputError(kPlanFile, "pools", "no pool can serve workload '" + w->name + "'");

    for (int id : ids) {
        const PoolEvaluation *pe = nullptr;
        for (const PoolEvaluation &p : ev.pools)
            if (p.poolId == id)
                pe = &p;
        const Pool *pool = reduced.pool(id);
        if (!pe || !pe->device || !pool)
            throw InputError(kPlanFile, "pools[" + std::to_string(id) + "]", "the pool has no devices");
        DeviceSetup setup = chooseSetup(model->arch, *pe->device, pe->devices, pool->weights, pool->kv, pool->tp,
                                        std::max(1, pool->pp), std::max(1, pool->ep), pool->memoryFraction);
        if (setup.replicas() <= 0)
            throw InputError(kPlanFile, "pools[" + std::to_string(id) + "]",
                             "one replica of " + model->id + " needs more devices than the pool has");
        SimPool sp;
        sp.name = pe->name;
        const bool prefill = prefillShare.count(id) > 0, decode = decodeShare.count(id) > 0;
        sp.kind = colocated[id] || (prefill && decode) ? SimPoolKind::Combined
                                                       : (prefill ? SimPoolKind::Prefill : SimPoolKind::Decode);
        sp.share = sp.kind == SimPoolKind::Decode ? decodeShare[id] : prefillShare[id];
        sp.replicas = setup.replicas();
        sp.maxBatchTokens = setup.maxBatchTokens;
        // Power per replica: TDP of its devices when busy; idle at 30 % of TDP (estimate: idle
        // accelerators with memory powered typically draw a quarter to a third of TDP).
        const double replicaTdp = pe->device->tdpW * setup.replicaDevices();
        auto service = makePerfServiceModel(model->arch, setup, replicaTdp, 0.3 * replicaTdp);
        if (service->kvCapacityTokens() <= 0)
            throw InputError(kPlanFile, "pools[" + std::to_string(id) + "]",
                             model->id + " leaves no room for KV cache on this pool");
        const double blockBytes = service->kvBytesPerToken() * options.blockTokens;
        if (sp.kind != SimPoolKind::Decode) {
            const MemoryTierSpec *dt = pe->deviceMemory.get();
            const long long deviceBlocks = service->kvCapacityTokens() * sp.replicas / options.blockTokens;
            sp.tiers.push_back(SimTier{dt ? dt->id : "device", deviceBlocks, 0, 0, dt ? dt->energyPjPerBit : 0});
            for (const TierCapacity &tc : pe->tiers) {
                if (!tc.tier || static_cast<int>(sp.tiers.size()) >= kMaxCacheTiers)
                    continue;
                sp.tiers.push_back(SimTier{tc.tier->id, static_cast<long long>(tc.capacityBytes / blockBytes),
                                           tc.tier->bandwidthGBs, tc.tier->latencyUs, tc.tier->energyPjPerBit});
            }
        }
        sp.policy = options.policy;
        sp.model = std::move(service);
        out.config.pools.push_back(std::move(sp));
        out.poolIds.push_back(id);
    }
    // KV paths from every prefill pool to every decode pool, from the topology the router used.
    for (std::size_t a = 0; a < out.poolIds.size(); ++a) {
        if (out.config.pools[a].kind != SimPoolKind::Prefill)
            continue;
        for (std::size_t b = 0; b < out.poolIds.size(); ++b) {
            if (out.config.pools[b].kind != SimPoolKind::Decode)
                continue;
            const RoutePath *p = routing.problem.path(out.poolIds[a], out.poolIds[b]);
            if (!p || !p->reachable || p->bandwidthBytesPerS <= 0) {
                out.notes.push_back("no KV path from " + out.config.pools[a].name + " to " + out.config.pools[b].name
                                    + ": the default 50 GB/s per replica is assumed");
                continue;
            }
            out.config.paths.push_back(SimPath{static_cast<int>(a), static_cast<int>(b),
                                               p->bandwidthBytesPerS / 1e9,
                                               p->latencyMs * 1000});
        }
    }
    out.config.routing = options.routing;
    out.config.seed = options.seed;
    out.config.ttftSloS = w->ttftSloMs / 1000.0;
    out.config.tpotSloS = w->tpotSloMs / 1000.0;
    return out;
}

} // namespace tokenroute
