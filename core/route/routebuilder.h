#pragma once
// From a plan to the router's abstract problem, and the one call front ends make: routePlan().
// The builder asks the performance model, per pool and workload and per role the pool can play
// (prefill, decode, both), for the operating point that meets the SLOs (capacityAtSlo) and turns
// it into per-request figures by Little's law: device time = pool devices / sustainable rate, KV
// occupancy = KV bytes held × (concurrency / rate). The topology gives the KV paths and links; the
// tags give the rules policy its labels.
//
// Modelling choices (each a simplification worth knowing):
// - A pool serving several workloads is treated as time-shared in proportion to their rates, each
//   at its own SLO operating point (linear in rates, which is what makes the routing an LP).
// - A prefill pool's TTFT is taken at the batch that meets the whole TTFT SLO; the KV transfer is
//   then added per path, and a route whose sum exceeds the SLO is rejected rather than re-batched.
// - Where no batch meets an SLO, the route's price is that of the pool at its unconstrained
//   throughput, so "cheaper, but misses the SLO" can still be said.
// - Field devices serve edge workloads only; edge workloads may fall back to data-centre pools
//   (the rules policy keeps them on the edge when it can).

#include <vector>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/plan.h"
#include "core/route/flows.h"
#include "core/route/reasons.h"
#include "core/route/routeproblem.h"
#include "core/route/router.h"
#include "core/route/tags.h"
#include "core/route/topology.h"

namespace tokenroute {

RouteProblem buildRouteProblem(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation);

// The same, with a topology and tag thresholds already at hand; builder findings (unknown models,
// ignored links) are appended to *findings when given.
RouteProblem buildRouteProblem(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                               const Topology &topology, const TagThresholds &thresholds,
                               std::vector<Finding> *findings);

// Traits the rules policy reads, from the device alone.
PoolTraits poolTraits(const Accelerator &device, PoolRole role);

struct PlanRouting {
    RouteProblem problem;
    RoutingResult result;            // result.findings holds the builder's and the router's findings
    std::vector<WorkloadTags> tags;  // per workload, plan order
    RouteFlows flows;
};

// Evaluate, build, route and collect flows. policy overrides plan.policies.routePolicy when set.
PlanRouting routePlan(const Plan &plan, const Catalog &catalog, std::optional<RoutePolicy> policy = {},
                      const TagThresholds &thresholds = {});

} // namespace tokenroute
