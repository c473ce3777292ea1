#include "core/route/routebuilder.h"

#include <algorithm>
#include <cmath>

#include "core/cost/costmodel.h"
#include "core/model/modelarch.h"
#include "core/util/error.h"

namespace tokenroute {

namespace {

// A part whose ridge point (peak FLOP/s per byte/s of memory bandwidth) is at least 250 is short of
// bandwidth for its compute: wasted on bandwidth-bound decode, at home on compute-bound prefill
// (H100 SXM: 989 TFLOP/s BF16 / 3.35 TB/s ≈ 295; H200: 989 / 4.8 ≈ 206).
constexpr double kComputeDenseRidge = 250;
// Large-memory parts hold a 70B FP8 model and tens of GB of KV on one device (H200: 141 GB).
constexpr double kLargeMemoryGb = 140;

struct RoleOffer {
    bool fits = false;
    bool meets = false;
    double work = 0;          // device-seconds per request
    double ttftMs = 0;
    double tpotMs = 0;
    double kvByteSeconds = 0;
};

// One role of one pool for one workload. `devices` is the pool's device count (the LP capacity);
// the setup may leave some unused, which then shows as a higher price per request.
RoleOffer roleOffer(const ModelArch &arch, const DeviceSetup &setup, ServingRole role, const Workload &w,
                    double devices, double kvBytesPerToken)
{
    RoleOffer r;
    const double input = std::max(1.0, w.inputMean), output = std::max(1.0, w.outputMean);
    const PoolCapacity slo = capacityAtSlo(arch, setup, role, input, output, w.ttftSloMs / 1000, w.tpotSloMs / 1000);
    if (!slo.fits)
        return r;
    r.fits = true;
    r.meets = slo.meetsSlo;
    PoolCapacity at = slo;
    if (!slo.meetsSlo) {
        // Price the route at the pool's throughput without SLOs; the latencies stay those at batch 1
        // (over the SLO), so the router rejects it but can still say what it would have cost.
        at = capacityAtSlo(arch, setup, role, input, output, 0, 0);
        at.ttftS = slo.ttftS;
        at.tpotS = slo.tpotS;
    }
    if (at.maxRequestsPerS <= 0) {
        r.fits = false;
        return r;
    }
    r.work = devices / at.maxRequestsPerS;
    r.ttftMs = at.ttftS * 1000;
    r.tpotMs = at.tpotS * 1000;
    // KV held per request (prompt only in prefill; on average prompt + half the output in decode)
    // times its residence, which Little's law gives as concurrency / rate at the operating point.
    const double held = role == ServingRole::Prefill ? input : input + output / 2;
    const double residence = at.concurrency > 0 ? at.concurrency / at.maxRequestsPerS : 0;
    r.kvByteSeconds = held * kvBytesPerToken * residence;
    return r;
}

// Devices the pool holds as the LP sees them, and the per-replica device count for the setup.
double poolDevices(const Pool &pool, const PoolEvaluation &pe)
{
    return pool.role == PoolRole::Edge ? pool.edgeDeviceCount : double(pe.devices);
}

// What one pool offers one workload, in each role its kind allows. Throws InputError when the
// performance model rejects the setup.
void fillOffer(RouteOffer &o, const RoutePool &rp, const Pool &pool, const PoolEvaluation &pe, const Workload &w,
               const ModelSpec &spec, RouteWorkload &rw)
{
    const DeviceSetup setup = poolSetup(spec.arch, pool, pe);
    if (setup.count <= 0 || resolvePrecision(*pe.device, pool.weights).path == PrecisionPath::Unsupported)
        return;
    const MemoryBudget mb = memoryBudget(spec.arch, setup);
    if (!mb.fits)
        return;
    // Capacity and KV per device for edge pools, scaled to the field below.
    const double scale = pool.role == PoolRole::Edge ? 1.0 : rp.devices;
    const double kvPerToken = mb.kvBytesPerToken;
    o.kvCapacityBytes = mb.kvCapacityBytes * setup.replicas() * (pool.role == PoolRole::Edge ? rp.devices : 1);

    const bool prefill = pool.role == PoolRole::Prefill || pool.role == PoolRole::Combined;
    const bool decode = pool.role == PoolRole::Decode || pool.role == PoolRole::Combined;
    const bool combined = pool.role == PoolRole::Combined || pool.role == PoolRole::Edge;
    if (prefill) {
        RoleOffer r = roleOffer(spec.arch, setup, ServingRole::Prefill, w, scale, kvPerToken);
        o.canPrefill = r.fits;
        o.prefillWork = r.work;
        o.ttftMs = r.ttftMs;
        o.prefillKvByteSeconds = r.kvByteSeconds;
    }
    if (decode) {
        RoleOffer r = roleOffer(spec.arch, setup, ServingRole::Decode, w, scale, kvPerToken);
        o.canDecode = r.fits;
        o.decodeWork = r.work;
        o.tpotMs = r.tpotMs;
        o.decodeKvByteSeconds = r.kvByteSeconds;
    }
    if (combined) {
        RoleOffer r = roleOffer(spec.arch, setup, ServingRole::Combined, w, scale, kvPerToken);
        o.canCombined = r.fits;
        o.combinedWork = r.work;
        o.combinedTtftMs = r.ttftMs;
        o.combinedTpotMs = r.tpotMs;
        o.combinedKvByteSeconds = r.kvByteSeconds;
    }
    o.fits = o.canPrefill || o.canDecode || o.canCombined;

    // The KV a disaggregated route moves: the whole prompt's cache at the pool's KV precision,
    // without tensor-parallel replication (each head travels once). The largest over the pools is
    // kept, so a route is never credited with a smaller transfer.
    const double transfer = std::max(1.0, w.inputMean) * kvBytesPerToken(spec.arch, bytesPer(pool.kv));
    rw.kvTransferBytes = std::max(rw.kvTransferBytes, transfer);
}

} // namespace

PoolTraits poolTraits(const Accelerator &device, PoolRole role)
{
    PoolTraits t;
    double bf16 = 0;
    if (auto it = device.peakTflops.find(Precision::BF16); it != device.peakTflops.end())
        bf16 = it->second;
    const double ridge = device.memoryBandwidthTBs > 0 ? bf16 / device.memoryBandwidthTBs : 0;
    t.computeDense = device.category == DeviceCategory::PrefillAccelerator || ridge >= kComputeDenseRidge;
    t.sramEngine = device.weightsInSram || device.category == DeviceCategory::SramEngine;
    t.largeMemory = device.memoryGb >= kLargeMemoryGb;
    t.edge = role == PoolRole::Edge;
    return t;
}

RouteProblem buildRouteProblem(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation)
{
    Topology topology(plan, catalog);
    return buildRouteProblem(plan, catalog, evaluation, topology, TagThresholds{}, nullptr);
}

RouteProblem buildRouteProblem(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                               const Topology &topology, const TagThresholds &thresholds,
                               std::vector<Finding> *findings)
{
    RouteProblem pr;
    pr.costCapUsdPerHour = plan.policies.costCapUsdPerHour;
    pr.links = topology.links();
    pr.paths = topology.paths();
    if (findings)
        findings->insert(findings->end(), topology.findings().begin(), topology.findings().end());

    std::vector<const ModelSpec *> models;
    for (const Workload &w : plan.workloads) {
        RouteWorkload rw;
        rw.id = w.id;
        rw.name = w.name;
        rw.ratePerS = w.ratePerS;
        rw.inputTokens = w.inputMean;
        rw.outputTokens = w.outputMean;
        rw.ttftSloMs = w.ttftSloMs;
        rw.tpotSloMs = w.tpotSloMs;
        const ModelSpec *m = findModel(plan, catalog, w.modelId);
        models.push_back(m);
        rw.tags = deriveTags(w, m ? &m->arch : nullptr, thresholds).tags;
        if (!m && findings) {
            Finding f;
            f.code = FindingCode::UnknownModel;
            f.workload = w.name;
            f.text = w.modelId;
            findings->push_back(f);
        }
        pr.workloads.push_back(rw);
    }

    for (const Pool &pool : plan.pools) {
        RoutePool rp;
        rp.id = pool.id;
        rp.name = pool.name;
        rp.role = pool.role;
        const PoolEvaluation *pe = nullptr;
        for (const PoolEvaluation &x : evaluation.pools)
            if (x.poolId == pool.id)
                pe = &x;
        rp.offers.resize(plan.workloads.size());
        if (!pe || !pe->device || pe->devices <= 0) {
            pr.pools.push_back(rp);   // devices 0: reported as an empty pool
            continue;
        }
        rp.deviceId = pe->device->id;
        rp.devices = poolDevices(pool, *pe);
        rp.usdPerHour = pe->cost.usdPerHour;
        rp.traits = poolTraits(*pe->device, pool.role);

        for (std::size_t i = 0; i < plan.workloads.size(); ++i) {
            const Workload &w = plan.workloads[i];
            const ModelSpec *m = models[i];
            RouteOffer &o = rp.offers[i];
            // Field devices belong to their users: they serve edge workloads only.
            if (!m || (pool.role == PoolRole::Edge && !w.edge))
                continue;
            // A setup the performance model rejects (too many pipeline stages for the layers, an
            // expert split that does not divide) means this pool cannot serve this model.
            try {
                fillOffer(o, rp, pool, *pe, w, *m, pr.workloads[i]);
            } catch (const InputError &) {
                o = RouteOffer{};
            }
        }
        pr.pools.push_back(rp);
    }
    return pr;
}


PlanRouting routePlan(const Plan &plan, const Catalog &catalog, std::optional<RoutePolicy> policy,
                      const TagThresholds &thresholds)
{
    PlanRouting out;
    // The builder asks the performance model for each role's operating point itself, so only the
    // pools' make-up and price are needed from the evaluation: evaluating the pools alone skips the
    // per-workload estimates (and keeps one unusable model/pool pairing from stopping the routing).
    Plan poolsOnly = plan;
    poolsOnly.workloads.clear();
    const Evaluation ev = evaluate(poolsOnly, catalog);
    Topology topology(plan, catalog);
    std::vector<Finding> findings;
    out.problem = buildRouteProblem(plan, catalog, ev, topology, thresholds, &findings);
    out.result = route(out.problem, policy.value_or(plan.policies.routePolicy));
    for (const Workload &w : plan.workloads)
        out.tags.push_back(deriveTags(w, plan, catalog, thresholds));

    // An unknown model already says why nothing holds it.
    std::vector<Finding> merged = findings;
    for (const Finding &f : out.result.findings) {
        bool unknown = f.code == FindingCode::ModelFitsNowhere &&
                       std::any_of(findings.begin(), findings.end(), [&](const Finding &g) {
                           return g.code == FindingCode::UnknownModel && g.workload == f.workload;
                       });
        if (!unknown)
            merged.push_back(f);
    }
    out.result.findings = std::move(merged);
    out.flows = routeFlows(out.problem, out.result);
    return out;
}

} // namespace tokenroute
