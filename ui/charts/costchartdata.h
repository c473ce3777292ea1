#pragma once
// The numbers behind the Costs tab, taken from the plan's live evaluation and routing and nothing
// else, kept apart from the widgets so a test can compare every bar and point with the engine.
//
// Cost per million tokens is split the way the cost model builds a pool's hourly price: capex
// spread over the amortisation years, electricity at the facility (IT power × PUE), or the cloud
// hourly price for rented capacity. The router prices a route as device time on its prefill pool
// plus device time on its decode pool; each part is split by its pool's shares, so the stacked
// parts of a workload's bar add up to exactly the router's share-weighted $/M tokens. Network
// equipment has no price in the cost model, so there is no network part.

#include <QList>
#include <QPointF>
#include <QString>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

struct PlanOutlook;

// One stacked bar: dollars per million tokens (input + output) by where the money goes.
struct CostBar {
    int id = 0;                // workload or pool id
    QString label;
    double capex = 0;
    double power = 0;
    double cloud = 0;
    bool served = false;       // some demand was routed (workload) or some device time used (pool)

    double total() const { return capex + power + cloud; }
};

struct CostBreakdown {
    QList<CostBar> byWorkload;   // plan order
    QList<CostBar> byPool;       // plan order, edge pools included
    bool anyCloud = false;
};

// Per workload: the router's routes, each priced on its pools. Per pool: the money its device time
// costs per million tokens of the requests it took part in (a disaggregated request counts at both
// of its pools, so a route's pools add up to the route).
CostBreakdown costBreakdown(const Plan &plan, const PlanOutlook &outlook);

// Throughput per device against speed per user for one pool, swept over concurrency for the
// workload that sends it the most traffic (or the first it can serve), with the point the plan
// runs it at: the largest concurrency that meets that workload's SLOs in the pool's role.
struct OperatingCurveData {
    int poolId = 0;
    int workloadId = 0;
    QString label;             // "H200 decode · Support chat"
    QList<QPointF> points;     // x: output tokens/s per user, y: output tokens/s per device
    bool hasOperatingPoint = false;
    QPointF operatingPoint;
    int operatingConcurrency = 0;
};

QList<OperatingCurveData> operatingCurves(const Plan &plan, const Catalog &catalog, const PlanOutlook &outlook);

} // namespace tokenroute::ui
