#pragma once
// evaluate(): the whole plan at a glance — per pool what it is made of, what it costs and draws;
// per workload how each pool that could serve it would do (estimate and capacity under the SLOs);
// per rack the power against its budget. It is a pure function over the plan and the catalogue,
// cheap enough (well under a millisecond for the demo plan) for the UI to call on every edit.
// Problems are reported as codes with values, not sentences, so each front end words them.

#include <memory>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/cost/costmodel.h"
#include "core/perf/memorytiers.h"
#include "core/perf/perfmodel.h"
#include "core/plan/plan.h"

namespace tokenroute {

enum class EvaluationIssueCode {
    UnknownServer,        // an item's catalogId is not in the catalogue (text = id)
    UnknownAccelerator,   // a server or edge pool names an accelerator that is not in the catalogue
    UnknownModel,         // a workload's model is neither in the catalogue nor imported (text = id)
    UnknownTier,          // a pool names a tier id that is not in the catalogue (text = id)
    MixedDevices,         // a pool holds servers with different accelerators (text = the second one)
    EmptyPool,            // a pool with no accelerators
    ModelDoesNotFit,      // workload's model does not fit the pool (value = devices one replica needs, 0 = none
                          // suffices; text = model id)
    InvalidLayout,        // the pool's tp/pp/ep or precision cannot run the workload's model (text = why)
    NoPoolMeetsSlo,       // no pool can serve the workload within its SLOs
    RackOverPower,        // value = kW drawn
    RackOverUnits,        // value = units used
};

struct EvaluationIssue {
    EvaluationIssueCode code;
    int poolId = 0;
    int workloadId = 0;
    int rackId = 0;
    double value = 0;
    std::string text;
};

struct PoolEvaluation {
    int poolId = 0;
    std::string name;
    PoolRole role = PoolRole::Combined;
    const Accelerator *device = nullptr;
    const ServerSpec *server = nullptr;  // the pool's (first) server kind; null for edge pools
    int servers = 0;
    int devices = 0;                     // servers × acceleratorsPerNode, or the edge device count
    DeviceSetup setup;                   // tp chosen when the pool says 0 (smallest that fits the first workload)
    PoolCost cost;
    std::vector<TierCapacity> tiers;     // the tiers the pool names (device memory is deviceMemory)
    // The device's own memory as a tier (deviceMemoryTier); shared so that copies of an evaluation
    // keep the TierChoice pointers into it valid.
    std::shared_ptr<const MemoryTierSpec> deviceMemory;
};

// One workload on one pool.
struct WorkloadOnPool {
    int poolId = 0;
    bool fits = false;
    Estimate estimate;                   // at the largest concurrency that fits
    PoolCapacity capacity;               // under the workload's SLOs, in the pool's role
    double usdPerMillionInput = 0;       // at the capacity's operating point
    double usdPerMillionOutput = 0;
    std::vector<TierChoice> prefixTiers; // where the workload's reused prefix could live, load vs recompute
    DeviceSetup setup;                   // the setup the workload runs with here (tp chosen for its model)
};

struct WorkloadEvaluation {
    int workloadId = 0;
    std::string name;
    std::string modelId;
    std::vector<WorkloadOnPool> pools;   // every pool whose role and placement could serve it
};

struct RackEvaluation {
    int rackId = 0;
    double powerKw = 0;                  // rated IT power of the items in the rack
    double budgetKw = 0;
    int unitsUsed = 0;
    int units = 0;
};

struct Evaluation {
    std::vector<PoolEvaluation> pools;
    std::vector<WorkloadEvaluation> workloads;
    std::vector<RackEvaluation> racks;
    std::vector<EvaluationIssue> issues;
    double usdPerHour = 0;               // all pools
    double itPowerKw = 0;                // all racks
};

Evaluation evaluate(const Plan &plan, const Catalog &catalog);

// A model that does not fit one pool is a fact, not a problem, when the workload fits another pool
// and this pool holds another workload: the router routes past it (a 70B workload past an LPU
// pool built for 8B models). Every other issue is a problem.
bool isRoutedAround(const EvaluationIssue &issue, const Evaluation &evaluation);

// The setup a pool runs a model with: the pool's precisions and parallel layout over its devices,
// or one device for an edge pool, whose devices each hold a whole replica for their own user.
// Everything that prices a workload on a pool (evaluation, router, views) starts from this one.
// `pe.device` must be set; a count of 0 means the model does not fit.
DeviceSetup poolSetup(const ModelArch &arch, const Pool &pool, const PoolEvaluation &pe);

} // namespace tokenroute
