#include "ui/teaching/teachingtimeline.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QStringList>

#include "core/perf/modelshape.h"
#include "core/route/tags.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::TeachingTimeline", text);
}

// One side of the route as the route builder priced it: the setup the pool runs the workload's
// model with, and its operating point under the SLOs in the role it plays on this route.
struct PoolPoint {
    bool ok = false;
    DeviceSetup setup;
    MemoryBudget memory;
    PoolCapacity capacity;
};

PoolPoint operatingPoint(const ModelArch &arch, const Pool &pool, const PoolEvaluation &pe, const Workload &w,
                         ServingRole role, double input, double output)
{
    PoolPoint p;
    p.setup = poolSetup(arch, pool, pe);
    if (p.setup.count <= 0)
        return p;
    p.memory = memoryBudget(arch, p.setup);
    p.capacity = capacityAtSlo(arch, p.setup, role, input, output, w.ttftSloMs / 1000, w.tpotSloMs / 1000);
    p.ok = p.memory.fits && p.capacity.fits;
    return p;
}

const PoolEvaluation *poolEvaluation(const Evaluation &ev, int poolId)
{
    for (const PoolEvaluation &p : ev.pools)
        if (p.poolId == poolId)
            return &p;
    return nullptr;
}

// Device memory (its KV share for this workload) and the tiers the pool names below it.
// A short name for a tier below device memory, so a rung's label fits beside its size.
QString shortTierName(TierKind kind)
{
    switch (kind) {
    case TierKind::Sram: return tr("SRAM");
    case TierKind::Hbm: return tr("HBM");
    case TierKind::Gddr: return tr("GDDR");
    case TierKind::Lpddr: return tr("LPDDR");
    case TierKind::HostDram: return tr("Host DRAM");
    case TierKind::Cxl: return tr("CXL DRAM");
    case TierKind::Nvme: return tr("NVMe flash");
    case TierKind::Remote: return tr("Remote");
    }
    return {};
}

std::vector<TeachingTier> tiersOf(const PoolEvaluation &pe, const PoolPoint &point)
{
    std::vector<TeachingTier> out;
    TeachingTier device;
    device.deviceMemory = true;
    if (pe.device) {
        device.tier = pe.deviceMemory.get();
        device.name = QString::fromStdString(pe.device->memoryType);
    }
    device.capacityBytes = point.memory.kvCapacityBytes * std::max(1, point.setup.replicas());
    out.push_back(device);
    for (const TierCapacity &tc : pe.tiers) {
        if (!tc.tier)
            continue;
        TeachingTier t;
        t.tier = tc.tier;
        t.name = shortTierName(tc.tier->kind);
        t.capacityBytes = tc.capacityBytes;
        out.push_back(t);
    }
    return out;
}

} // namespace

int TeachingTimeline::phaseAt(double t) const
{
    if (phases.empty())
        return -1;
    for (std::size_t i = 0; i + 1 < phases.size(); ++i)
        if (t < phases[i].endS)
            return int(i);
    return int(phases.size()) - 1;
}

double TeachingTimeline::nextStop(double t) const
{
    for (const TeachingPhase &p : phases)
        if (p.endS > t)
            return p.endS;
    return totalS();
}

int TeachingTimeline::tokensEmittedAt(double t) const
{
    if (!valid || t < ttftS())
        return 0;
    // The first token comes with the TTFT; each decode step that has ended adds one.
    const int steps = tpotS > 0 ? int(std::floor((t - ttftS()) / tpotS + 1e-9)) : outputTokens - 1;
    return std::min(outputTokens, 1 + std::max(0, steps));
}

long long TeachingTimeline::contextTokensAt(double t) const
{
    if (!valid)
        return 0;
    if (t < prefillS)
        return (long long)std::llround(promptTokens * std::clamp(t / std::max(prefillS, 1e-12), 0.0, 1.0));
    return promptTokens + std::max(0, tokensEmittedAt(t) - 1);
}

double TeachingTimeline::stepFlopsPerByte() const
{
    const double bytes = step.weightBytes + step.kvReadBytes + step.activationBytes;
    return bytes > 0 ? step.flops / bytes : 0;
}

double TeachingTimeline::ridgeFlopsPerByte() const
{
    return decodeBandwidthBytesPerS > 0 ? decodePeakFlopsPerS / decodeBandwidthBytesPerS : 0;
}

TeachingTimeline buildTeachingTimeline(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                                       const PlanRouting &routing, int workloadId)
{
    TeachingTimeline tl;
    tl.workloadId = workloadId;
    const Workload *w = plan.workload(workloadId);
    if (!w) {
        tl.problem = tr("Choose a workload to follow.");
        return tl;
    }
    tl.workload = QString::fromStdString(w->name);
    tl.model = QString::fromStdString(w->modelId);
    const WorkloadRouting *wr = nullptr;
    for (const WorkloadRouting &r : routing.result.workloads)
        if (r.workloadId == workloadId)
            wr = &r;
    const RouteShare *route = nullptr;
    if (wr)
        for (const RouteShare &s : wr->routes)
            if (!route || s.share > route->share)
                route = &s;
    if (!route) {
        tl.problem = tr("The router sends no request of %1 anywhere, so there is no request to follow.").arg(tl.workload);
        return tl;
    }
    const ModelSpec *model = findModel(plan, catalog, w->modelId);
    const PoolEvaluation *prePool = poolEvaluation(evaluation, route->prefillPool);
    const PoolEvaluation *decPool = poolEvaluation(evaluation, route->decodePool);
    const Pool *prePlan = plan.pool(route->prefillPool);
    const Pool *decPlan = plan.pool(route->decodePool);
    if (!model || !prePool || !decPool || !prePlan || !decPlan || !prePool->device || !decPool->device) {
        tl.problem = tr("The evaluation has no estimate of %1 on its route; check the plan's issues.").arg(tl.workload);
        return tl;
    }
    // The same rounding the performance model applies to the workload's means.
    const double input = std::max(1.0, w->inputMean), output = std::max(1.0, w->outputMean);
    const PoolPoint pre = operatingPoint(model->arch, *prePlan, *prePool, *w,
                                         route->colocated ? ServingRole::Combined : ServingRole::Prefill, input, output);
    const PoolPoint dec = operatingPoint(model->arch, *decPlan, *decPool, *w,
                                         route->colocated ? ServingRole::Combined : ServingRole::Decode, input, output);
    if (!pre.ok || !dec.ok) {
        tl.problem = tr("The performance model finds no operating point of %1 on its route.").arg(tl.workload);
        return tl;
    }
    if (model->name.size())
        tl.model = QString::fromStdString(model->name);

    tl.promptTokens = std::max(1, int(std::lround(input)));
    tl.outputTokens = std::max(1, int(std::lround(output)));
    tl.prefillPoolId = route->prefillPool;
    tl.decodePoolId = route->decodePool;
    tl.prefillPool = QString::fromStdString(route->prefillName);
    tl.decodePool = QString::fromStdString(route->decodeName);
    tl.prefillDevice = QString::fromStdString(prePool->device->name);
    tl.decodeDevice = QString::fromStdString(decPool->device->name);
    tl.colocated = route->colocated;
    tl.routeShare = route->share;

    // Times: the router's, which are what the SLOs were checked against.
    tl.transferS = route->colocated ? 0 : route->transferMs / 1000.0;
    tl.prefillS = std::max(0.0, route->ttftMs / 1000.0 - tl.transferS);
    tl.tpotS = route->tpotMs / 1000.0;

    // The passes behind them: the prefill batch and decode batch of each pool's operating point.
    const int preReplicas = std::max(1, pre.setup.replicas());
    const int decReplicas = std::max(1, dec.setup.replicas());
    // A prefill pool batches prompts; a combined pool's TTFT is one prompt's prefill between steps.
    tl.prefillBatch = route->colocated ? 1 : std::max(1, pre.capacity.concurrency / preReplicas);
    tl.prefill = prefill(model->arch, pre.setup, tl.prefillBatch, tl.promptTokens);
    tl.decodeBatch = std::max(1, dec.capacity.concurrency / decReplicas);
    tl.step = decodeStep(model->arch, dec.setup, tl.decodeBatch, input + output / 2.0);
    tl.kvBytesPerToken = dec.memory.kvBytesPerToken;
    tl.prefillKvBytesPerToken = pre.memory.kvBytesPerToken;
    tl.decodePeakFlopsPerS = tl.step.precision.peakTflops * 1e12;
    tl.decodeBandwidthBytesPerS = decPool->device->memoryBandwidthTBs * 1e12;
    tl.decodeReplicaDevices = dec.setup.replicaDevices();

    for (const RouteWorkload &rw : routing.problem.workloads)
        if (rw.id == workloadId)
            tl.transferBytes = route->colocated ? 0 : rw.kvTransferBytes;
    if (const RoutePath *path = routing.problem.path(route->prefillPool, route->decodePool); path && !route->colocated) {
        tl.linkBandwidthBytesPerS = path->bandwidthBytesPerS;
        tl.linkLatencyS = path->latencyMs / 1000.0;
        QStringList names;
        for (const LinkUse &use : path->links)
            if (const RouteLink *l = routing.problem.link(use.linkId))
                names << QString::fromStdString(l->name);
        tl.linkName = names.join(QStringLiteral(" → "));
    }
    tl.deviceTiers = {prePool->deviceMemory, decPool->deviceMemory};
    tl.prefillTiers = tiersOf(*prePool, pre);
    tl.decodeTiers = tiersOf(*decPool, dec);

    double t = 0;
    tl.phases.push_back({TeachingPhaseKind::Prefill, 0, t, t + tl.prefillS});
    t += tl.prefillS;
    if (!tl.colocated) {
        tl.phases.push_back({TeachingPhaseKind::Transfer, 0, t, t + tl.transferS});
        t += tl.transferS;
    }
    // The first token leaves with the TTFT; each of the others takes one decode step.
    for (int k = 1; k < tl.outputTokens; ++k) {
        tl.phases.push_back({TeachingPhaseKind::Decode, k, t, t + tl.tpotS});
        t += tl.tpotS;
    }
    tl.phases.push_back({TeachingPhaseKind::Done, 0, t, t});
    tl.valid = true;
    return tl;
}

double teachingSlowMotion(const TeachingTimeline &timeline, double minStepScreenS)
{
    const double unit = timeline.tpotS > 0 ? timeline.tpotS : std::max(timeline.ttftS(), 1e-3);
    for (double decade = 1; decade < 1e7; decade *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (unit * m * decade >= minStepScreenS)
                return m * decade;
    return 1e7;
}

} // namespace tokenroute::ui
