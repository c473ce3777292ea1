#pragma once
// The router: for each workload, the request rate it sends over each (prefill pool, decode pool)
// pair, to a combined pool or to an edge pool, such that the SLOs hold, no pool's device time or
// KV memory and no link's bandwidth is exceeded, and the policy's objective is optimal. It is a
// linear program over rates, solved exactly with GLPK's simplex; demand that cannot be placed goes
// to a per-workload slack priced far above any route, so the answer always exists and says how
// much is unserved. The duals of the capacity rows name what binds.
//
// Only SLO-meeting routes become LP columns (TTFT of the prefill pool + KV transfer over the path
// ≤ the TTFT SLO, TPOT of the decode pool ≤ the TPOT SLO); rejected routes are kept aside to
// explain what a cheaper choice would have missed.
//
// Policies:
//   cost    minimise $/h of device time used (pool price per device-hour × device time).
//   latency minimise the rate-weighted sum of TTFT/SLO + TPOT/SLO, with total $/h ≤ the cost cap.
//   rules   tags first (prefill-heavy → compute-dense prefill pools, small interactive → SRAM decode
//           engines, long context → large-memory decode pools, edge → edge pools, data centre →
//           not edge), each rule dropped only when it would leave the workload no route; then cost.

#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "core/route/reasons.h"
#include "core/route/routeproblem.h"

namespace tokenroute {

// One candidate route of one workload.
struct RouteCandidate {
    int prefillPool = 0;            // pool ids; equal for combined and edge routes
    int decodePool = 0;
    bool colocated = false;         // both phases on one pool, no KV transfer
    double work[2] = {0, 0};        // device-seconds per request on the prefill and decode pool (colocated: [0])
    double kvByteSeconds[2] = {0, 0};
    double kvCapacity[2] = {0, 0};
    double ttftMs = 0;              // including KV transfer
    double tpotMs = 0;
    double transferMs = 0;
    double usdPerRequest = 0;
    double usdPerMillionTokens = 0;
    bool reachable = true;          // a KV path exists (always for colocated routes)
    bool meetsSlo = false;          // reachable and within both SLOs
    bool allowedByRules = true;
    const RoutePath *path = nullptr;
};

// Enumerates every route of workload index w (admissible or not); used by the router and by tests.
std::vector<RouteCandidate> routeCandidates(const RouteProblem &problem, int w);

struct RouteShare {
    int prefillPool = 0;
    int decodePool = 0;
    std::string prefillName;
    std::string decodeName;
    bool colocated = false;
    double ratePerS = 0;
    double share = 0;               // of the workload's demand
    double usdPerMillionTokens = 0;
    double ttftMs = 0;
    double tpotMs = 0;
    double transferMs = 0;
    double ttftMarginMs = 0;        // SLO − achieved (positive = within); 0 when no SLO
    double tpotMarginMs = 0;
};

struct WorkloadRouting {
    int workloadId = 0;
    std::string name;
    std::vector<Tag> tags;
    std::vector<RouteShare> routes;
    double demandPerS = 0;
    double unservedPerS = 0;
    double unservedFraction = 0;
    double usdPerMillionTokens = 0; // share-weighted over the routes used
    Binding binding;
    Alternative alternative;
};

struct LinkLoad {
    int linkId = 0;
    std::string name;
    double forwardBytesPerS = 0;
    double backwardBytesPerS = 0;
    double bandwidthBytesPerS = 0;
    double utilisation = 0;         // busier direction / bandwidth
};

struct PoolLoad {
    int poolId = 0;
    std::string name;
    double deviceUtilisation = 0;   // device time used / available
    double kvUtilisation = 0;
    double usdPerHourUsed = 0;      // price of the device time the routes use
    double computeShadowUsdPerHour = 0;  // per extra device (≥ 0)
};

struct RoutingResult {
    RoutePolicy policy = RoutePolicy::Cost;
    bool solved = false;
    std::vector<WorkloadRouting> workloads;
    std::vector<LinkLoad> links;
    std::vector<PoolLoad> pools;
    std::vector<Finding> findings;
    double usdPerHour = 0;          // device time used, all pools
    double unservedTotal = 0;       // unserved share of all demanded tokens
    double objective = 0;           // the LP's optimum (policy units, slack penalty included)
};

RoutingResult route(const RouteProblem &problem, RoutePolicy policy);

// Objective coefficients of the LP, shared with the tests so that an independent solver is
// compared on exactly the same terms: the price of one request/s of workload w left unserved, and
// of one request/s sent over a candidate, under a policy.
double unservedCoefficient(const RouteProblem &problem, int w, RoutePolicy policy);
double routeCoefficient(const RouteProblem &problem, int w, const RouteCandidate &c, RoutePolicy policy);

// Whether the rules policy lets workload w use each candidate (tags first), with the rules it had to
// drop because they left no SLO-meeting route. Sets RouteCandidate::allowedByRules.
std::vector<Finding> applyRules(const RouteProblem &problem, int w, std::vector<RouteCandidate> &candidates);

} // namespace tokenroute
