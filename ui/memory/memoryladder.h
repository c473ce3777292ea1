#pragma once
// The memory ladder of one pool for one workload, as the Memory tab draws it: SRAM, device memory
// (HBM, GDDR or LPDDR), host DRAM, flash and remote memory, fastest first. Each rung carries the
// catalogue's figures for its tier (bandwidth, latency, energy per bit, dollars per GB), what the
// core says the pool has of it (PoolEvaluation::tiers, the workload's prefixTiers from
// kvTierChoices: capacity, tokens of KV), the prefix lengths where recomputing beats fetching
// (prefixBreakEven), and the hit ratio the latest stored simulation run measured in it. Rungs the
// pool lacks stay in the ladder, marked as absent, so the whole argument — small and fast at the
// top, large and slow at the bottom — is always on screen. Nothing is computed here that the core
// does not compute; this only gathers and labels it, so a test can compare it with the core.

#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/perf/memorytiers.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

enum class RungKind { Sram, DeviceMemory, HostDram, Flash, Remote };

struct MemoryRung {
    RungKind kind = RungKind::DeviceMemory;
    const MemoryTierSpec *tier = nullptr;   // the catalogue's figures; null when it has none of this kind
    bool deviceCache = false;               // the device's own on-chip cache: its size, but no tier figures
    bool inPool = false;                    // the pool's devices or servers have this rung
    bool holdsKv = false;                   // the engine keeps KV cache here
    double capacityBytes = 0;               // 0 = absent or not stated by the plan
    long long kvTokens = 0;                 // tokens of the workload's KV the rung holds
    std::optional<TierChoice> prefix;       // the workload's reused prefix: load from here or recompute
    std::optional<PrefixBreakEven> breakEven;
    std::optional<double> hitRatio;         // from the latest stored simulation run covering this pool
};

struct MemoryLadder {
    bool valid = false;
    QString problem;                        // translated: why there is no ladder
    int poolId = 0;
    int workloadId = 0;
    QString pool, device, workload, model;
    int devices = 0;
    double prefixTokens = 0;                // the workload's reused prefix (prefix reuse × mean prompt)
    std::vector<MemoryRung> rungs;          // SRAM, device memory, host DRAM, flash, remote
    QString hitSource;                      // the run the hit ratios come from, or how to make one
    bool hitRatiosFromRun = false;
    // The device's memory tier lives in the evaluation, which an edit replaces; the rungs point at it.
    std::shared_ptr<const MemoryTierSpec> deviceTier;
};

// runs: the plan's stored simulation documents (simulationrun.h's form), oldest first.
MemoryLadder buildMemoryLadder(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation, int poolId,
                               int workloadId, const std::vector<nlohmann::json> &runs);

// The workloads evaluated on a pool (their model fits it), in plan order.
std::vector<int> workloadsOnPool(const Evaluation &evaluation, int poolId);

QString rungName(RungKind kind);            // translated: "SRAM", "HBM / GDDR", ...

} // namespace tokenroute::ui
