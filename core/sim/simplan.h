#pragma once
// From a plan to a simulation: which pools serve the chosen workload and in what shares (the
// router's answer), each pool's replicas and service model (the performance model on the pool's
// device setup), its prefix-cache tiers (device memory, then the tiers the pool names, sized in
// blocks), and the KV paths between prefill and decode pools (the topology's bandwidth and
// latency). The simulation then replays a trace or a generated stream as that workload.
//
// Simplifications, stated so the numbers can be read correctly:
//   * One workload (one model) per run: the trace is replayed as that workload's traffic.
//   * A pool that the routes use for both phases, or for a colocated route, runs as a combined
//     pool; the decode pool is drawn by the decode shares independently of the prefill choice.
//   * Without any SLO-meeting route the plan's own pool roles are used, shares by device count.
//   * The device-memory tier of the cache holds the replicas' whole KV capacity; a combined
//     pool's running requests reserve from the same memory, so its cache figure is an upper bound.
//   * A path carries one KV transfer at a time at its bottleneck bandwidth (FIFO).

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/sim/generator.h"
#include "core/sim/simulator.h"

namespace tokenroute {

struct PlanSimOptions {
    std::string workload;             // id or name; empty = the plan's first workload
    RoutingMode routing = RoutingMode::Shares;
    CachePolicy policy = CachePolicy::Lru;
    int blockTokens = kMooncakeBlockTokens;
    std::uint64_t seed = 1;
};

struct PlanSimulation {
    SimConfig config;
    int workloadId = 0;
    std::string workloadName;
    std::string modelId;
    std::vector<int> poolIds;         // plan pool id of each SimConfig pool
    std::vector<std::string> notes;   // choices made that the user should see (fallbacks)
};

// Throws InputError naming the plan field when the workload is unknown, its model is missing, or
// no pool can serve it.
PlanSimulation buildPlanSimulation(const Plan &plan, const Catalog &catalog, const PlanSimOptions &options);

// A generator spec matching a workload's stated shape: its rate, lognormal lengths fitted to the
// mean and p90, and a shared system prompt of prefixReuse × mean input tokens. Keys in `overrides`
// ("requests=100000,seed=3") are applied on top; without requests or duration, 10 000 requests.
GeneratorSpec workloadGeneratorSpec(const Workload &w, const std::string &overrides);

} // namespace tokenroute
