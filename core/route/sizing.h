#pragma once
// Sizing: the router's inverse. Given the workloads and a choice of device types, how many devices
// of each type (whole replicas) are needed to serve all demand within the SLOs at the lowest
// $/h, and which phase each type runs — and, for comparison, what one homogeneous pool of a single
// GPU type serving everything aggregated (prefill and decode on the same devices) would cost.
// That comparison is the "aggregated vs disaggregated" answer.
//
// It is a mixed-integer program (GLPK branch and cut): integer replica counts per device type,
// continuous request rates per route, the same per-request device time and KV occupancy as the
// router, with the pool sizes now variables. A device type runs prefill, decode or both; its role
// is read off the solution (which phases its device time went to). KV transfer between types
// is charged as latency on TTFT over a stated interconnect, not as a bandwidth limit: the sizing
// is choosing the hardware, and the network is sized after it.

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/route/reasons.h"
#include "core/route/routeproblem.h"

namespace tokenroute {

struct SizingDevice {
    std::string id;
    std::string name;
    double usdPerDeviceHour = 0;
    int replicaDevices = 1;           // devices are bought in whole replicas of this size
    bool homogeneousCandidate = false; // a GPU that could serve everything alone (the baseline)
    PoolTraits traits;
    // Per workload, per device: work in device-seconds per request; kvCapacityBytes per device.
    std::vector<RouteOffer> offers;
};

struct SizingProblem {
    std::vector<RouteWorkload> workloads;
    std::vector<SizingDevice> devices;
    double transferBandwidthBytesPerS = 50e9;  // between pools of different types
    double transferLatencyMs = 0.005;
    double unservedUsdPerMTok = 1e4;           // as in the router: far above any serving price
    int maxReplicasPerType = 100000;           // bounds the integer search; far beyond any plan
    std::vector<Finding> findings;             // from building (devices without a price)
};

struct SizedPool {
    std::string deviceId;
    std::string name;
    int replicas = 0;
    int devices = 0;
    PoolRole role = PoolRole::Combined;        // Prefill, Decode or Combined by where its time went
    double prefillShare = 0;                   // of the device time used
    double decodeShare = 0;
    double combinedShare = 0;
    double utilisation = 0;                    // device time used / devices bought
    double kvUtilisation = 0;
    double usdPerHour = 0;
};

struct SizedRoute {
    std::string workload;
    std::string prefillDevice;
    std::string decodeDevice;
    bool colocated = false;
    double share = 0;
    double ttftMs = 0;
    double tpotMs = 0;
};

struct SizingSolution {
    std::string label;                         // "disaggregated" or "homogeneous <device>"
    bool solved = false;
    std::vector<SizedPool> pools;
    std::vector<SizedRoute> routes;
    double usdPerHour = 0;                     // devices bought
    double unservedTotal = 0;                  // share of demanded tokens
    double usdPerMillionTokens = 0;            // over the served tokens
    int devices = 0;
};

struct SizingResult {
    SizingSolution mixed;                      // free choice among the device types
    std::vector<SizingSolution> homogeneous;   // one per candidate GPU type, aggregated
    int bestHomogeneous = -1;                  // cheapest that serves everything (else least unserved)
    double savingUsdPerHour = 0;               // best homogeneous − mixed
    double savingFraction = 0;
    std::vector<Finding> findings;
};

SizingSolution solveSizing(const SizingProblem &problem, const std::vector<int> &deviceIndices, bool aggregatedOnly,
                           const std::string &label);
SizingResult size(const SizingProblem &problem);

// From a plan: its workloads (rates, SLOs, tags) and the given device types (default: the types of
// the plan's data-centre pools). Precision: FP8 weights and KV where the device runs FP8 natively,
// else BF16. Unknown ids throw InputError naming the id.
SizingProblem buildSizingProblem(const Plan &plan, const Catalog &catalog, const std::vector<std::string> &deviceIds);

} // namespace tokenroute
