#pragma once
// The routing problem in the router's own terms: pools with a capacity and a price, workloads with
// a rate and SLOs, what each pool offers each workload (device time and KV memory per request, and
// the TTFT / TPOT it achieves at the batch that meets the SLOs), and the KV transfer paths between
// pools. The router never looks at a Plan or the performance model; buildRouteProblem() (in
// routebuilder.h) translates those into this form. Keeping the linear program on plain numbers
// means it can be tested against brute force on random instances and benchmarked at any size
// without a catalogue, and the performance model can change without touching the optimiser.
//
// Units: rates in requests per second, device time in device-seconds, memory in bytes,
// bandwidth in bytes per second, latency and TTFT/TPOT in milliseconds, money in dollars per hour.

#include <string>
#include <vector>

#include "core/plan/plan.h"

namespace tokenroute {

// What one pool can do for one workload, per request, at the operating point (batch /
// concurrency) where the performance model says the SLOs hold. Work is device time per request:
// a pool of n devices serving requests at rate r uses r · work of its n device-seconds per second.
// KV occupancy is bytes held × how long they are held (Little's law turns it into bytes in use).
struct RouteOffer {
    bool fits = false;              // the model's weights fit with room for KV

    bool canPrefill = false;        // the pool can run this workload's prefill (role and fit)
    double prefillWork = 0;         // device-seconds per request
    double ttftMs = 0;              // prefill latency at the SLO batch, without any KV transfer
    double prefillKvByteSeconds = 0;

    bool canDecode = false;
    double decodeWork = 0;
    double tpotMs = 0;
    double decodeKvByteSeconds = 0;

    bool canCombined = false;       // both phases on this pool, no KV transfer
    double combinedWork = 0;
    double combinedTtftMs = 0;
    double combinedTpotMs = 0;
    double combinedKvByteSeconds = 0;

    double kvCapacityBytes = 0;     // KV memory across the pool for this workload's model
};

// Traits the rules policy reads (set from the device: compute-dense prefill parts, SRAM engines,
// large-memory parts, field devices).
struct PoolTraits {
    bool computeDense = false;
    bool sramEngine = false;
    bool largeMemory = false;
    bool edge = false;
};

struct RoutePool {
    int id = 0;
    std::string name;
    PoolRole role = PoolRole::Combined;
    std::string deviceId;
    double devices = 0;             // capacity: device-seconds per second
    double usdPerHour = 0;          // the whole pool
    PoolTraits traits;
    std::vector<RouteOffer> offers; // one per workload, in RouteProblem::workloads order

    double usdPerDeviceHour() const { return devices > 0 ? usdPerHour / devices : 0; }
};

struct RouteWorkload {
    int id = 0;
    std::string name;
    double ratePerS = 0;
    double inputTokens = 0;
    double outputTokens = 0;
    double ttftSloMs = 0;           // 0 = no SLO on that phase
    double tpotSloMs = 0;
    double kvTransferBytes = 0;     // KV bytes moved from prefill to decode pool per request
    double latencyWeight = 1;       // latency policy: weight of this workload's latency
    std::vector<Tag> tags;

    double tokensPerRequest() const { return inputTokens + outputTokens; }
    bool has(Tag t) const;
};

// A physical link (or link bundle) with its per-direction bandwidth; KV flows are checked per
// direction because links are full duplex.
struct RouteLink {
    int id = 0;
    std::string name;
    double bandwidthBytesPerS = 0;  // per direction
    double latencyMs = 0;
};

struct LinkUse {
    int linkId = 0;
    bool forward = true;            // fromItem -> toItem
};

// The path KV takes from a prefill pool to a decode pool (the widest path of the topology).
struct RoutePath {
    int fromPool = 0;
    int toPool = 0;
    bool reachable = false;
    double bandwidthBytesPerS = 0;  // bottleneck of the path
    double latencyMs = 0;           // sum over hops
    std::vector<LinkUse> links;
};

struct RouteProblem {
    std::vector<RoutePool> pools;
    std::vector<RouteWorkload> workloads;
    std::vector<RouteLink> links;
    std::vector<RoutePath> paths;   // between distinct pools; absent = unreachable

    // Price of demand left unserved. Far above any real serving price ($0.01–$100 per million
    // tokens), so the optimiser only leaves demand unserved when no capacity can take it.
    double unservedUsdPerMTok = 1e4;
    double costCapUsdPerHour = 0;   // latency policy: 0 = no cap

    const RoutePool *pool(int id) const;
    const RouteLink *link(int id) const;
    const RoutePath *path(int fromPool, int toPool) const;
    int poolIndex(int id) const;
};

} // namespace tokenroute
