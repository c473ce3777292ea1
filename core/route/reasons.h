#pragma once
// Why the router did what it did, as data: findings about the plan (pools that cannot reach each
// other, a workload nothing can serve), the constraint that binds for each workload with its dual
// price, and the best route not taken. The UI and `--json` read these fields; describe() turns each
// into an English sentence, and it is the only place that does, so another front end (or a
// translation) can word the same codes differently without touching the optimiser.

#include <string>
#include <vector>

namespace tokenroute {

enum class FindingCode {
    PoolsUnreachable,      // pool -> otherPool has no path for KV
    PoolEmpty,             // a pool with no devices
    ModelFitsNowhere,      // workload: no pool holds its model
    UnknownModel,          // workload: its model is neither in the catalogue nor imported (text = id)
    NoRouteMeetsSlo,       // workload: pools hold the model but no route meets its SLOs (value: best TTFT ms, limit: SLO)
    TtftSloMissed,         // route: TTFT incl. transfer (value) over the SLO (limit)
    TpotSloMissed,         // route: TPOT (value) over the SLO (limit)
    DemandUnserved,        // workload: value = unserved requests/s, limit = demand
    LinkOversubscribed,    // link: value = KV bytes/s routed, limit = bandwidth
    RuleRelaxed,           // rules policy: a tag rule left no route and was dropped (text = the tag)
    CostCapBinds,          // latency policy: the cost cap (limit) binds at value $/h
    PriceMissing,          // sizing: device (text) has no price; costed at energy alone (value = $/h per device)
    LinkIgnored,           // link: left out of the topology (text = why)
    SolverFailed,          // the LP solver did not return an optimum (value = its status code)
};
std::string toString(FindingCode c);

struct Finding {
    FindingCode code = FindingCode::SolverFailed;
    std::string workload;
    std::string pool;
    std::string otherPool;
    std::string link;
    std::string text;
    double value = 0;
    double limit = 0;
};

enum class BindingKind {
    None,                  // the cheapest admissible route has room: nothing binds
    PoolCompute,           // a pool's device time is used up
    KvMemory,              // a pool's KV memory is full
    LinkBandwidth,         // a link on the KV path is full
    Slo,                   // cheaper routes exist but miss the SLOs
    CostCap,               // latency policy: the cost cap
    NoRoute,               // nothing can serve this workload
};
std::string toString(BindingKind k);

// The constraint that limits a workload, with its shadow price: what one more unit (a device, a GB
// of KV memory, a GB/s of link) would save per hour, or, while demand goes unserved, how many more
// tokens per second it would serve.
struct Binding {
    BindingKind kind = BindingKind::None;
    std::string pool;
    std::string link;
    std::string unit;              // "device", "GB", "GB/s"
    double savesUsdPerHour = 0;    // per unit, when all demand is served
    double servesTokensPerS = 0;   // per unit, while demand is unserved
    double shadowPerUnit = 0;      // the raw dual in the policy's objective units per unit (≥ 0)
    double sloMs = 0;              // Slo: the SLO the cheaper route missed
    double missedMs = 0;           // Slo: what that route achieves
    std::string cheaperPrefill;    // Slo: the cheaper route that misses
    std::string cheaperDecode;
};

// The best route the workload does not use, with its price difference (positive = dearer).
struct Alternative {
    bool exists = false;
    std::string prefillPool;
    std::string decodePool;
    double usdPerMillionTokens = 0;
    double deltaUsdPerMillionTokens = 0;
    bool meetsSlo = true;
    bool allowedByRules = true;    // rules policy: false when a tag rule excludes it
    double ttftMs = 0;
    double tpotMs = 0;
};

std::string describe(const Finding &f);
std::string describe(const Binding &b, const std::string &workload);
std::string describe(const Alternative &a, const std::string &workload);

} // namespace tokenroute
