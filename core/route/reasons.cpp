// Every sentence the routing layer produces is written here and nowhere else: the router, the
// tags and the topology only fill in codes and numbers.

#include "core/route/reasons.h"

#include "core/route/tags.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace tokenroute {

namespace {

std::string num(double v, int decimals = 1)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Three significant figures without exponent noise, for money and rates that span decades.
std::string sig(double v)
{
    double a = std::fabs(v);
    int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
    return num(v, decimals);
}

std::string routeName(const std::string &prefill, const std::string &decode)
{
    return prefill == decode ? prefill : prefill + " → " + decode;
}

} // namespace

std::string toString(FindingCode c)
{
    switch (c) {
    case FindingCode::PoolsUnreachable: return "pools-unreachable";
    case FindingCode::PoolEmpty: return "pool-empty";
    case FindingCode::ModelFitsNowhere: return "model-fits-nowhere";
    case FindingCode::UnknownModel: return "unknown-model";
    case FindingCode::NoRouteMeetsSlo: return "no-route-meets-slo";
    case FindingCode::TtftSloMissed: return "ttft-slo-missed";
    case FindingCode::TpotSloMissed: return "tpot-slo-missed";
    case FindingCode::DemandUnserved: return "demand-unserved";
    case FindingCode::LinkOversubscribed: return "link-oversubscribed";
    case FindingCode::RuleRelaxed: return "rule-relaxed";
    case FindingCode::CostCapBinds: return "cost-cap-binds";
    case FindingCode::LinkIgnored: return "link-ignored";
    case FindingCode::PriceMissing: return "price-missing";
    case FindingCode::SolverFailed: return "solver-failed";
    }
    return "unknown";
}

std::string toString(BindingKind k)
{
    switch (k) {
    case BindingKind::None: return "none";
    case BindingKind::PoolCompute: return "pool-compute";
    case BindingKind::KvMemory: return "kv-memory";
    case BindingKind::LinkBandwidth: return "link-bandwidth";
    case BindingKind::Slo: return "slo";
    case BindingKind::CostCap: return "cost-cap";
    case BindingKind::NoRoute: return "no-route";
    }
    return "unknown";
}

std::string describe(const Finding &f)
{
    switch (f.code) {
    case FindingCode::PoolsUnreachable:
        return "Pool " + f.pool + " cannot send KV cache to pool " + f.otherPool +
               ": no chain of links joins their servers.";
    case FindingCode::PoolEmpty:
        return "Pool " + f.pool + " has no devices, so it can serve nothing.";
    case FindingCode::ModelFitsNowhere:
        return "Workload " + f.workload + ": no pool can hold its model's weights with room for a KV cache.";
    case FindingCode::UnknownModel:
        return "Workload " + f.workload + " names model " + f.text + ", which is neither in the catalogue nor imported.";
    case FindingCode::NoRouteMeetsSlo:
        if (f.pool.empty() && f.text == "sizing")
            return "Workload " + f.workload + ": no device type among those given meets its SLOs.";
        if (f.pool.empty())
            return "Workload " + f.workload + ": no route meets its SLOs (no pool pair is reachable).";
        return "Workload " + f.workload + ": no route meets its SLOs; the closest, " + routeName(f.pool, f.otherPool) +
               ", reaches a " + (f.text == "ttft" ? "TTFT" : "TPOT") + " of " + num(f.value) + " ms against " +
               num(f.limit) + " ms.";
    case FindingCode::TtftSloMissed:
        return "Route " + routeName(f.pool, f.otherPool) + " reaches a TTFT of " + num(f.value) +
               " ms including the KV transfer, over the " + num(f.limit) + " ms SLO.";
    case FindingCode::TpotSloMissed:
        return "Route " + routeName(f.pool, f.otherPool) + " reaches a TPOT of " + num(f.value) + " ms, over the " +
               num(f.limit) + " ms SLO.";
    case FindingCode::DemandUnserved:
        return "Workload " + f.workload + ": " + sig(f.value) + " of " + sig(f.limit) +
               " requests/s cannot be served within the SLOs by the pools as sized.";
    case FindingCode::LinkOversubscribed:
        return "Link " + f.link + " would carry " + sig(f.value / 1e9) + " GB/s of KV cache over its " +
               sig(f.limit / 1e9) + " GB/s.";
    case FindingCode::RuleRelaxed:
        return "Workload " + f.workload + ": the " + f.text +
               " rule was dropped because no pool it allows meets the SLOs.";
    case FindingCode::CostCapBinds:
        return "The cost cap of $" + sig(f.limit) + "/h binds; faster routes would cost more.";
    case FindingCode::PriceMissing:
        return "Device " + f.text + " has no price in the catalogue; it is costed at its energy alone ($" + sig(f.value) +
               "/h per device), which flatters it.";
    case FindingCode::LinkIgnored:
        return "Link " + f.link + " is left out of the network: " + f.text + ".";
    case FindingCode::SolverFailed:
        return "The linear-program solver returned no optimum (status " + num(f.value, 0) +
               "); all demand is reported unserved.";
    }
    return {};
}

std::string describe(const Binding &b, const std::string &workload)
{
    auto gain = [&](const std::string &what) {
        if (b.servesTokensPerS > 0)
            return "one more " + what + " would serve about " + sig(b.servesTokensPerS) + " more tokens/s.";
        if (b.savesUsdPerHour > 0)
            return "one more " + what + " would save $" + sig(b.savesUsdPerHour) + "/h.";
        return "relieving it would improve the objective by " + sig(b.shadowPerUnit) + " per " + b.unit + ".";
    };
    switch (b.kind) {
    case BindingKind::None:
        return workload + " runs on its cheapest route that meets the SLOs; no capacity limit binds.";
    case BindingKind::PoolCompute:
        return workload + " is limited by the device time of pool " + b.pool + ": " + gain("device in " + b.pool);
    case BindingKind::KvMemory:
        return workload + " is limited by the KV memory of pool " + b.pool + ": " + gain("GB of KV memory in " + b.pool);
    case BindingKind::LinkBandwidth:
        return workload + " is limited by the bandwidth of link " + b.link + ": " + gain("GB/s on " + b.link);
    case BindingKind::Slo:
        return workload + " would be cheaper on " + routeName(b.cheaperPrefill, b.cheaperDecode) + ", but that misses the " +
               num(b.sloMs) + " ms " + (b.unit == "ttft" ? "TTFT" : "TPOT") + " SLO (" +
               (b.missedMs - b.sloMs < 0.1 ? num(b.missedMs, 3) : num(b.missedMs)) + " ms).";
    case BindingKind::CostCap:
        return workload + " is limited by the cost cap: faster routes would cost more than it allows.";
    case BindingKind::NoRoute:
        return workload + " has no route that meets its SLOs.";
    }
    return {};
}

std::string describe(const Alternative &a, const std::string &workload)
{
    if (!a.exists)
        return workload + " has no other route.";
    std::string route = routeName(a.prefillPool, a.decodePool);
    if (!a.meetsSlo)
        return "The next route for " + workload + ", " + route + ", misses the SLOs (TTFT " + num(a.ttftMs) +
               " ms, TPOT " + num(a.tpotMs) + " ms).";
    const std::string excluded = a.allowedByRules ? "" : "; the tag rules exclude it";
    std::string diff = a.deltaUsdPerMillionTokens >= 0 ? "$" + sig(a.deltaUsdPerMillionTokens) + " more"
                                                       : "$" + sig(-a.deltaUsdPerMillionTokens) + " less";
    return "The best alternative for " + workload + " is " + route + " at $" + sig(a.usdPerMillionTokens) +
           " per million tokens (" + diff + excluded + ").";
}

std::string describe(const TagReason &r)
{
    const std::string tag = toString(r.tag);
    switch (r.code) {
    case TagReasonCode::TokenRatio:
        if (!std::isfinite(r.value))
            return tag + ": it produces no output tokens, so all of its work is prefill.";
        return tag + ": " + num(r.value) + " input tokens per output token (" +
               (r.tag == Tag::PrefillHeavy ? "at least " : "under ") + num(r.limit) + "), " + num(r.extra * 100, 0) +
               " % of its FLOPs in prefill.";
    case TagReasonCode::ContextLength:
        return tag + ": contexts reach " + num(r.value, 0) + " tokens (p90 prompt plus mean output), " +
               (r.tag == Tag::LongContext ? "at least " : "under ") + num(r.limit, 0) + ".";
    case TagReasonCode::TightSlo:
        return tag + ": its " + (r.text == "ttft" ? "TTFT" : "TPOT") + " SLO of " + num(r.value, 0) + " ms is within " +
               num(r.limit, 0) + " ms, so a person is waiting.";
    case TagReasonCode::LooseSlo:
        return tag + ": its SLOs (TTFT " + (r.value > 0 ? num(r.value, 0) + " ms" : std::string("none")) + ", TPOT " +
               (r.extra > 0 ? num(r.extra, 0) + " ms" : std::string("none")) + ") are looser than " + num(r.limit, 0) +
               " ms and " + num(r.extraLimit, 0) + " ms.";
    case TagReasonCode::NoSloFlag:
        return tag + ": it states no SLO and is marked " + (r.tag == Tag::Interactive ? "interactive." : "batch.");
    case TagReasonCode::WeightsInSram:
        return tag + ": its weights (" + num(r.value) + " GB) fit the on-chip SRAM of one rack of SRAM engines (" +
               num(r.limit, 2) + " GB).";
    case TagReasonCode::WeightsFitOneDevice:
        return tag + ": its weights (" + num(r.value) + " GB) fit one " + num(r.limit, 0) + " GB device.";
    case TagReasonCode::WeightsExceedDevice:
        return tag + ": its weights (" + num(r.value) + " GB) exceed one " + num(r.limit, 0) +
               " GB device and must be sharded.";
    case TagReasonCode::UnknownModel:
        return tag + ": its model is unknown, so it is assumed to need sharding.";
    case TagReasonCode::EdgeFlag:
        return tag + ": it runs on devices in the field.";
    case TagReasonCode::DataCentreFlag:
        return tag + ": it runs in the data centre.";
    case TagReasonCode::Overridden:
        return tag + ": set by the user (the numbers say " + toString(r.derived) + ").";
    }
    return tag;
}

} // namespace tokenroute
