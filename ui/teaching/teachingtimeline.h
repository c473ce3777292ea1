#pragma once
// One request of a workload followed through the plan's routing, as a timeline of phases: its
// prompt prefilled on the route's prefill pool, its KV cache moved over the KV link, then one decode
// step per further output token on the decode pool. Every figure is the core's: the phase times are
// the router's TTFT, transfer and TPOT for the route the request takes; the bytes, FLOPs and bound
// of a step are the performance model's for the batch that operating point runs at. The timeline
// is a plain value with no drawing in it, so a test can step through it and compare each phase
// with the model, and the teaching view only maps its clock onto the scene.

#include <QString>

#include <memory>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/plan.h"
#include "core/route/routebuilder.h"

namespace tokenroute::ui {

enum class TeachingPhaseKind { Prefill, Transfer, Decode, Done };

struct TeachingPhase {
    TeachingPhaseKind kind = TeachingPhaseKind::Prefill;
    int step = 0;                  // decode: 1 for the second output token, and so on
    double startS = 0;             // request time, from its arrival at the prefill pool
    double endS = 0;
};

// One memory tier of a pool on the route, where the KV cache may live.
struct TeachingTier {
    const MemoryTierSpec *tier = nullptr;
    QString name;
    double capacityBytes = 0;      // for this workload's KV (device memory: what the weights leave)
    bool deviceMemory = false;     // the tier the pool computes from
};

struct TeachingTimeline {
    bool valid = false;
    QString problem;               // translated: why there is nothing to follow
    // The pools' device-memory tiers live in the evaluation, which an edit replaces; the tiers
    // below point at them.
    std::vector<std::shared_ptr<const MemoryTierSpec>> deviceTiers;

    int workloadId = 0;
    QString workload;
    QString model;
    int promptTokens = 0;
    int outputTokens = 0;

    // The route the request takes: the router's largest share for the workload.
    int prefillPoolId = 0;
    int decodePoolId = 0;
    QString prefillPool, decodePool;
    QString prefillDevice, decodeDevice;
    bool colocated = false;
    double routeShare = 0;

    // Prefill: the route's TTFT without the transfer, and the pass that makes it.
    double prefillS = 0;
    int prefillBatch = 1;          // prompts prefilled together at the operating point
    PrefillResult prefill;

    // KV transfer: the router's bytes per request and time over the path.
    double transferS = 0;
    double transferBytes = 0;
    double linkBandwidthBytesPerS = 0;
    double linkLatencyS = 0;
    QString linkName;

    // Decode: the route's TPOT, and the step the performance model makes it from.
    double tpotS = 0;
    int decodeBatch = 1;           // sequences per replica in each step at the operating point
    DecodeStepResult step;
    double kvBytesPerToken = 0;    // per replica, as the decode pool stores it
    double prefillKvBytesPerToken = 0;  // as the prefill pool stores it
    double decodePeakFlopsPerS = 0;       // one device, at the step's compute precision
    double decodeBandwidthBytesPerS = 0;  // one device's memory
    int decodeReplicaDevices = 1;

    std::vector<TeachingTier> prefillTiers;   // device memory first
    std::vector<TeachingTier> decodeTiers;

    std::vector<TeachingPhase> phases;        // in order, ending with Done (zero length)

    double ttftS() const { return prefillS + transferS; }
    double totalS() const { return phases.empty() ? 0 : phases.back().endS; }
    // Index of the phase running at request time t (Done from the end on).
    int phaseAt(double t) const;
    // The first phase boundary after t: where one press of Step goes.
    double nextStop(double t) const;
    // Output tokens emitted by time t (the first comes with the TTFT).
    int tokensEmittedAt(double t) const;
    // Tokens whose KV the request holds at time t: the prompt once prefilled, plus each output token.
    long long contextTokensAt(double t) const;
    // FLOPs the step does per byte it reads, and the device's balance point (peak FLOP/s per byte/s):
    // below the balance point the step waits on memory.
    double stepFlopsPerByte() const;
    double ridgeFlopsPerByte() const;
};

TeachingTimeline buildTeachingTimeline(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                                       const PlanRouting &routing, int workloadId);

// The slow-motion factor the view plays a timeline at by default: the smallest of 1, 2, 5, 10, …
// that makes one decode step last at least minStepScreenS on screen, so tokens appear one by one.
double teachingSlowMotion(const TeachingTimeline &timeline, double minStepScreenS = 0.15);

} // namespace tokenroute::ui
