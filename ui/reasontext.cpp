#include "ui/reasontext.h"

#include <cmath>

#include <QCoreApplication>

#include "ui/format.h"
#include "ui/palette.h"
#include "ui/translations.h"

namespace tokenroute::ui {

namespace {

// A class of its own so lupdate files these sentences under the context asked for at run time.
struct ReasonText {
    Q_DECLARE_TR_FUNCTIONS(tokenroute::ui::ReasonText)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Three significant figures, as the core's sentences give money and rates that span decades.
QString sig(double v)
{
    const double a = std::abs(v);
    return formatNumber(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4);
}

QString num(double v, int decimals = 1)
{
    return formatNumber(v, decimals);
}

QString route(const std::string &prefill, const std::string &decode)
{
    return prefill == decode ? qs(prefill) : ReasonText::tr("%1 → %2").arg(qs(prefill), qs(decode));
}

// In English the core's own sentences are shown, so that the window and the command line say
// exactly the same; the sentences below are the translation's keys and are used in other languages.
bool coreWords()
{
    return currentLanguage() == QStringLiteral("en");
}

QString sloName(const std::string &which)
{
    return which == "ttft" ? QStringLiteral("TTFT") : QStringLiteral("TPOT");
}

} // namespace

QString reasonText(const Finding &f)
{
    if (coreWords())
        return qs(describe(f));
    switch (f.code) {
    case FindingCode::PoolsUnreachable:
        return ReasonText::tr("Pool %1 cannot send KV cache to pool %2: no chain of links joins their servers.").arg(qs(f.pool), qs(f.otherPool));
    case FindingCode::PoolEmpty:
        return ReasonText::tr("Pool %1 has no devices, so it can serve nothing.").arg(qs(f.pool));
    case FindingCode::ModelFitsNowhere:
        return ReasonText::tr("Workload %1: no pool can hold its model's weights with room for a KV cache.").arg(qs(f.workload));
    case FindingCode::UnknownModel:
        return ReasonText::tr("Workload %1 names model %2, which is neither in the catalogue nor imported.").arg(qs(f.workload), qs(f.text));
    case FindingCode::NoRouteMeetsSlo:
        if (f.pool.empty() && f.text == "sizing")
            return ReasonText::tr("Workload %1: no device type among those given meets its SLOs.").arg(qs(f.workload));
        if (f.pool.empty())
            return ReasonText::tr("Workload %1: no route meets its SLOs (no pool pair is reachable).").arg(qs(f.workload));
        return ReasonText::tr("Workload %1: no route meets its SLOs; the closest, %2, reaches a %3 of %4 ms against %5 ms.")
            .arg(qs(f.workload), route(f.pool, f.otherPool), sloName(f.text), num(f.value), num(f.limit));
    case FindingCode::TtftSloMissed:
        return ReasonText::tr("Route %1 reaches a TTFT of %2 ms including the KV transfer, over the %3 ms SLO.")
            .arg(route(f.pool, f.otherPool), num(f.value), num(f.limit));
    case FindingCode::TpotSloMissed:
        return ReasonText::tr("Route %1 reaches a TPOT of %2 ms, over the %3 ms SLO.").arg(route(f.pool, f.otherPool), num(f.value), num(f.limit));
    case FindingCode::DemandUnserved:
        return ReasonText::tr("Workload %1: %2 of %3 requests/s cannot be served within the SLOs by the pools as sized.")
            .arg(qs(f.workload), sig(f.value), sig(f.limit));
    case FindingCode::LinkOversubscribed:
        return ReasonText::tr("Link %1 would carry %2 GB/s of KV cache over its %3 GB/s.").arg(qs(f.link), sig(f.value / 1e9), sig(f.limit / 1e9));
    case FindingCode::RuleRelaxed:
        return ReasonText::tr("Workload %1: the %2 rule was dropped because no pool it allows meets the SLOs.").arg(qs(f.workload), qs(f.text));
    case FindingCode::CostCapBinds:
        return ReasonText::tr("The cost cap of $%1/h binds; faster routes would cost more.").arg(sig(f.limit));
    case FindingCode::PriceMissing:
        return ReasonText::tr("Device %1 has no price in the catalogue; it is costed at its energy alone ($%2/h per device), which flatters it.")
            .arg(qs(f.text), sig(f.value));
    case FindingCode::LinkIgnored:
        return ReasonText::tr("Link %1 is left out of the network: %2.").arg(qs(f.link), qs(f.text));
    case FindingCode::SolverFailed:
        return ReasonText::tr("The linear-program solver returned no optimum (status %1); all demand is reported unserved.").arg(num(f.value, 0));
    }
    return qs(describe(f));
}

QString reasonText(const Binding &b, const std::string &workload)
{
    if (coreWords())
        return qs(describe(b, workload));
    const QString w = qs(workload);
    auto gain = [&](const QString &what) {
        if (b.servesTokensPerS > 0)
            return ReasonText::tr("one more %1 would serve about %2 more tokens/s.").arg(what, sig(b.servesTokensPerS));
        if (b.savesUsdPerHour > 0)
            return ReasonText::tr("one more %1 would save $%2/h.").arg(what, sig(b.savesUsdPerHour));
        return ReasonText::tr("relieving it would improve the objective by %1 per %2.").arg(sig(b.shadowPerUnit), qs(b.unit));
    };
    switch (b.kind) {
    case BindingKind::None:
        return ReasonText::tr("%1 runs on its cheapest route that meets the SLOs; no capacity limit binds.").arg(w);
    case BindingKind::PoolCompute:
        return ReasonText::tr("%1 is limited by the device time of pool %2: %3")
            .arg(w, qs(b.pool), gain(ReasonText::tr("device in %1").arg(qs(b.pool))));
    case BindingKind::KvMemory:
        return ReasonText::tr("%1 is limited by the KV memory of pool %2: %3")
            .arg(w, qs(b.pool), gain(ReasonText::tr("GB of KV memory in %1").arg(qs(b.pool))));
    case BindingKind::LinkBandwidth:
        return ReasonText::tr("%1 is limited by the bandwidth of link %2: %3").arg(w, qs(b.link), gain(ReasonText::tr("GB/s on %1").arg(qs(b.link))));
    case BindingKind::Slo:
        return ReasonText::tr("%1 would be cheaper on %2, but that misses the %3 ms %4 SLO (%5 ms).")
            .arg(w, route(b.cheaperPrefill, b.cheaperDecode), num(b.sloMs), sloName(b.unit),
                 b.missedMs - b.sloMs < 0.1 ? num(b.missedMs, 3) : num(b.missedMs));
    case BindingKind::CostCap:
        return ReasonText::tr("%1 is limited by the cost cap: faster routes would cost more than it allows.").arg(w);
    case BindingKind::NoRoute:
        return ReasonText::tr("%1 has no route that meets its SLOs.").arg(w);
    }
    return qs(describe(b, workload));
}

QString reasonText(const Alternative &a, const std::string &workload)
{
    if (coreWords())
        return qs(describe(a, workload));
    const QString w = qs(workload);
    if (!a.exists)
        return ReasonText::tr("%1 has no other route.").arg(w);
    const QString r = route(a.prefillPool, a.decodePool);
    if (!a.meetsSlo)
        return ReasonText::tr("The next route for %1, %2, misses the SLOs (TTFT %3 ms, TPOT %4 ms).").arg(w, r, num(a.ttftMs), num(a.tpotMs));
    const QString diff = a.deltaUsdPerMillionTokens >= 0 ? ReasonText::tr("$%1 more").arg(sig(a.deltaUsdPerMillionTokens))
                                                         : ReasonText::tr("$%1 less").arg(sig(-a.deltaUsdPerMillionTokens));
    if (!a.allowedByRules)
        return ReasonText::tr("The best alternative for %1 is %2 at $%3 per million tokens (%4; the tag rules exclude it).")
            .arg(w, r, sig(a.usdPerMillionTokens), diff);
    return ReasonText::tr("The best alternative for %1 is %2 at $%3 per million tokens (%4).").arg(w, r, sig(a.usdPerMillionTokens), diff);
}

QString reasonText(const TagReason &r)
{
    if (coreWords())
        return qs(describe(r));
    const QString tag = tagName(r.tag);
    switch (r.code) {
    case TagReasonCode::TokenRatio:
        if (!std::isfinite(r.value))
            return ReasonText::tr("%1: it produces no output tokens, so all of its work is prefill.").arg(tag);
        if (r.tag == Tag::PrefillHeavy)
            return ReasonText::tr("%1: %2 input tokens per output token (at least %3), %4 % of its FLOPs in prefill.")
                .arg(tag, num(r.value), num(r.limit), num(r.extra * 100, 0));
        return ReasonText::tr("%1: %2 input tokens per output token (under %3), %4 % of its FLOPs in prefill.")
            .arg(tag, num(r.value), num(r.limit), num(r.extra * 100, 0));
    case TagReasonCode::ContextLength:
        if (r.tag == Tag::LongContext)
            return ReasonText::tr("%1: contexts reach %2 tokens (p90 prompt plus mean output), at least %3.").arg(tag, num(r.value, 0), num(r.limit, 0));
        return ReasonText::tr("%1: contexts reach %2 tokens (p90 prompt plus mean output), under %3.").arg(tag, num(r.value, 0), num(r.limit, 0));
    case TagReasonCode::TightSlo:
        return ReasonText::tr("%1: its %2 SLO of %3 ms is within %4 ms, so a person is waiting.")
            .arg(tag, sloName(r.text), num(r.value, 0), num(r.limit, 0));
    case TagReasonCode::LooseSlo: {
        const QString none = ReasonText::tr("none");
        return ReasonText::tr("%1: its SLOs (TTFT %2, TPOT %3) are looser than %4 ms and %5 ms.")
            .arg(tag, r.value > 0 ? ReasonText::tr("%1 ms").arg(num(r.value, 0)) : none,
                 r.extra > 0 ? ReasonText::tr("%1 ms").arg(num(r.extra, 0)) : none, num(r.limit, 0), num(r.extraLimit, 0));
    }
    case TagReasonCode::NoSloFlag:
        return r.tag == Tag::Interactive ? ReasonText::tr("%1: it states no SLO and is marked interactive.").arg(tag)
                                         : ReasonText::tr("%1: it states no SLO and is marked batch.").arg(tag);
    case TagReasonCode::WeightsInSram:
        return ReasonText::tr("%1: its weights (%2 GB) fit the on-chip SRAM of one rack of SRAM engines (%3 GB).").arg(tag, num(r.value), num(r.limit, 2));
    case TagReasonCode::WeightsFitOneDevice:
        return ReasonText::tr("%1: its weights (%2 GB) fit one %3 GB device.").arg(tag, num(r.value), num(r.limit, 0));
    case TagReasonCode::WeightsExceedDevice:
        return ReasonText::tr("%1: its weights (%2 GB) exceed one %3 GB device and must be sharded.").arg(tag, num(r.value), num(r.limit, 0));
    case TagReasonCode::UnknownModel:
        return ReasonText::tr("%1: its model is unknown, so it is assumed to need sharding.").arg(tag);
    case TagReasonCode::EdgeFlag:
        return ReasonText::tr("%1: it runs on devices in the field.").arg(tag);
    case TagReasonCode::DataCentreFlag:
        return ReasonText::tr("%1: it runs in the data centre.").arg(tag);
    case TagReasonCode::Overridden:
        return ReasonText::tr("%1: set by the user (the numbers say %2).").arg(tag, tagName(r.derived));
    }
    return qs(describe(r));
}

} // namespace tokenroute::ui
