#include "ui/charts/costchartdata.h"

#include <algorithm>
#include <map>

#include "core/cost/costmodel.h"
#include "core/perf/perfmodel.h"
#include "core/route/router.h"
#include "core/route/tags.h"
#include "ui/evaluation/liveevaluation.h"

namespace tokenroute::ui {

namespace {

// Shares of a pool's hourly price: capex, power, cloud (adding up to 1).
struct PriceShares {
    double capex = 0, power = 0, cloud = 0;
};

PriceShares sharesOf(const PoolCost &cost)
{
    PriceShares s;
    if (cost.usdPerHour <= 0)
        return s;
    if (cost.cloud) {
        s.cloud = 1;
        return s;
    }
    s.capex = cost.capexUsdPerHour / cost.usdPerHour;
    s.power = cost.energyUsdPerHour / cost.usdPerHour;
    return s;
}

void add(CostBar &bar, const PriceShares &s, double usdPerMTok)
{
    bar.capex += s.capex * usdPerMTok;
    bar.power += s.power * usdPerMTok;
    bar.cloud += s.cloud * usdPerMTok;
}

const RouteCandidate *matching(const std::vector<RouteCandidate> &cands, const RouteShare &r)
{
    for (const RouteCandidate &c : cands)
        if (c.prefillPool == r.prefillPool && c.decodePool == r.decodePool && c.colocated == r.colocated)
            return &c;
    return nullptr;
}

} // namespace

CostBreakdown costBreakdown(const Plan &plan, const PlanOutlook &outlook)
{
    CostBreakdown out;
    std::map<int, PriceShares> shares;
    for (const PoolEvaluation &pe : outlook.evaluation.pools) {
        shares[pe.poolId] = sharesOf(pe.cost);
        out.anyCloud = out.anyCloud || (pe.cost.cloud && pe.cost.usdPerHour > 0);
    }

    // Per pool: dollars per second of its device time, and tokens per second of the requests it served.
    std::map<int, double> poolUsdPerS, poolTokensPerS;

    for (const Workload &w : plan.workloads) {
        CostBar bar;
        bar.id = w.id;
        bar.label = QString::fromStdString(w.name);
        if (outlook.routing) {
            const RouteProblem &problem = outlook.routing->problem;
            const RoutingResult &result = outlook.routing->result;
            const auto wi = std::find_if(problem.workloads.begin(), problem.workloads.end(),
                                         [&](const RouteWorkload &rw) { return rw.id == w.id; });
            const auto wr = std::find_if(result.workloads.begin(), result.workloads.end(),
                                         [&](const WorkloadRouting &r) { return r.workloadId == w.id; });
            if (wi != problem.workloads.end() && wr != result.workloads.end()) {
                const std::vector<RouteCandidate> cands = routeCandidates(problem, int(wi - problem.workloads.begin()));
                const double tokens = wi->tokensPerRequest();
                double served = 0;
                for (const RouteShare &r : wr->routes)
                    served += r.ratePerS;
                for (const RouteShare &r : wr->routes) {
                    const RouteCandidate *c = matching(cands, r);
                    if (!c || served <= 0 || tokens <= 0)
                        continue;
                    const double weight = r.ratePerS / served;
                    // The router's price: device-hours on each pool at its $/device-hour.
                    auto part = [&](int poolId, double work) {
                        const RoutePool *p = problem.pool(poolId);
                        if (!p)
                            return;
                        const double usdPerRequest = p->usdPerDeviceHour() * work / 3600.0;
                        add(bar, shares[poolId], weight * usdPerRequest / tokens * 1e6);
                        poolUsdPerS[poolId] += r.ratePerS * usdPerRequest;
                        poolTokensPerS[poolId] += r.ratePerS * tokens;
                    };
                    part(r.prefillPool, c->work[0]);
                    if (!r.colocated)
                        part(r.decodePool, c->work[1]);
                    bar.served = true;
                }
            }
        }
        out.byWorkload.append(bar);
    }

    for (const Pool &p : plan.pools) {
        CostBar bar;
        bar.id = p.id;
        bar.label = QString::fromStdString(p.name);
        const double tokens = poolTokensPerS[p.id];
        if (tokens > 0) {
            add(bar, shares[p.id], poolUsdPerS[p.id] / tokens * 1e6);
            bar.served = true;
        }
        out.byPool.append(bar);
    }
    return out;
}

QList<OperatingCurveData> operatingCurves(const Plan &plan, const Catalog &catalog, const PlanOutlook &outlook)
{
    QList<OperatingCurveData> out;
    const CostInputs costIn = costInputs(plan.policies);
    for (const PoolEvaluation &pe : outlook.evaluation.pools) {
        const Pool *pool = plan.pool(pe.poolId);
        if (!pool || !pe.device || pe.devices <= 0)
            continue;
        // The workload this pool carries most of; without routing, the first one it can serve.
        int chosen = 0;
        double best = 0;
        if (outlook.routing)
            for (const WorkloadRouting &wr : outlook.routing->result.workloads)
                for (const RouteShare &r : wr.routes)
                    if ((r.prefillPool == pe.poolId || r.decodePool == pe.poolId) && r.ratePerS > best) {
                        best = r.ratePerS;
                        chosen = wr.workloadId;
                    }
        const WorkloadOnPool *onPool = nullptr;
        const Workload *workload = nullptr;
        for (const WorkloadEvaluation &we : outlook.evaluation.workloads)
            for (const WorkloadOnPool &wp : we.pools)
                if (wp.poolId == pe.poolId && wp.fits && (chosen == 0 ? !onPool : we.workloadId == chosen)) {
                    onPool = &wp;
                    workload = plan.workload(we.workloadId);
                }
        if (!onPool || !workload)
            continue;
        const ModelSpec *model = findModel(plan, catalog, workload->modelId);
        if (!model)
            continue;
        // The same setup evaluate() chose for this workload on this pool.
        const DeviceSetup setup = poolSetup(model->arch, *pool, pe);
        if (setup.count <= 0)
            continue;
        const double input = std::max(1.0, workload->inputMean), output = std::max(1.0, workload->outputMean);

        OperatingCurveData curve;
        curve.poolId = pe.poolId;
        curve.workloadId = workload->id;
        // Pool names already say the device; the workload says which shape the sweep is for.
        curve.label = QStringLiteral("%1 · %2").arg(QString::fromStdString(pool->name), QString::fromStdString(workload->name));
        for (const CurvePoint &p : operatingCurve(model->arch, setup, input, output, costIn))
            if (p.outputTokensPerSPerUser > 0 && p.outputTokensPerSPerDevice > 0)
                curve.points.append(QPointF(p.outputTokensPerSPerUser, p.outputTokensPerSPerDevice));
        if (onPool->capacity.meetsSlo && onPool->capacity.concurrency > 0) {
            const Estimate e = estimate(model->arch, setup, input, output, onPool->capacity.concurrency, costIn);
            if (e.fits && e.devices > 0 && e.outputTokensPerSPerUser > 0) {
                curve.hasOperatingPoint = true;
                curve.operatingConcurrency = onPool->capacity.concurrency;
                curve.operatingPoint = QPointF(e.outputTokensPerSPerUser, e.outputTokensPerS / e.devices);
            }
        }
        if (!curve.points.isEmpty())
            out.append(curve);
    }
    return out;
}

} // namespace tokenroute::ui
