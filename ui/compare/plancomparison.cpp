#include "ui/compare/plancomparison.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include <QCoreApplication>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include "core/plan/planio.h"
#include "ui/format.h"

namespace tokenroute::ui {

namespace {

// Changes smaller than this share of the larger figure are rounding, not a difference: the router
// is an LP solved to ~1e-9 and figures are shown with at most three significant decimals.
constexpr double kSameTolerance = 1e-9;

// The metric names. A class of its own so lupdate files them under the context asked for at run
// time (a tr() outside any class would be filed under the namespace).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(tokenroute::ui::PlanComparison)
};

const WorkloadRouting *routingOf(const PlanRouting *routing, int workloadId)
{
    if (!routing)
        return nullptr;
    for (const WorkloadRouting &r : routing->result.workloads)
        if (r.workloadId == workloadId)
            return &r;
    return nullptr;
}

Verdict verdictOf(double a, double b, Better better, int decimals)
{
    const double scale = std::max(std::abs(a), std::abs(b));
    if (std::abs(b - a) <= kSameTolerance * std::max(1.0, scale))
        return Verdict::Same;
    // A change the table would show as ±0 is no change to the reader either.
    if (std::abs(b - a) < 0.5 * std::pow(10.0, -decimals))
        return Verdict::Same;
    const bool lower = b < a;
    return (lower == (better == Better::Lower)) ? Verdict::Better : Verdict::Worse;
}

ComparisonRow row(ComparisonRow::Group group, const std::string &key, const QString &metric, const QString &workload, const QString &unit,
                  int decimals, std::optional<double> a, std::optional<double> b, Better better)
{
    ComparisonRow r;
    r.group = group;
    r.key = key;
    r.metric = metric;
    r.workload = workload;
    r.unit = unit;
    r.decimals = decimals;
    r.a = a;
    r.b = b;
    r.better = better;
    if (a && b) {
        r.delta = *b - *a;
        if (*a != 0)
            r.deltaFraction = *r.delta / std::abs(*a);
        r.verdict = verdictOf(*a, *b, better, decimals);
    }
    return r;
}

std::optional<double> when(bool present, double value)
{
    return present ? std::optional<double>(value) : std::nullopt;
}

} // namespace

const WorkloadFigures *PlanFigures::workload(const std::string &name) const
{
    for (const WorkloadFigures &w : workloads)
        if (w.name == name)
            return &w;
    return nullptr;
}

PlanFigures planFigures(const QString &label, const Plan &plan, const Evaluation &evaluation, const PlanRouting *routing,
                        const std::vector<std::pair<std::string, SimulatedLatency>> &simulated)
{
    PlanFigures f;
    f.label = label;
    f.routed = routing != nullptr;
    f.usdPerHour = evaluation.usdPerHour;
    f.itPowerKw = evaluation.itPowerKw;
    for (const PoolEvaluation &p : evaluation.pools) {
        f.capexUsd += p.cost.capexUsd;
        f.powerUsdPerHour += p.cost.energyUsdPerHour;
        f.devices += p.devices;
    }

    double demandedRequests = 0, withinSlo = 0;
    double demandedTokens = 0, unservedTokens = 0, servedOutput = 0;
    for (const Workload &w : plan.workloads) {
        WorkloadFigures wf;
        wf.name = w.name;
        const double tokens = w.inputMean + w.outputMean;
        demandedRequests += w.ratePerS;
        demandedTokens += w.ratePerS * tokens;
        if (const WorkloadRouting *wr = routingOf(routing, w.id)) {
            wf.unservedFraction = wr->unservedFraction;
            wf.usdPerMillionTokens = wr->usdPerMillionTokens;
            unservedTokens += wr->unservedPerS * tokens;
            servedOutput += (wr->demandPerS - wr->unservedPerS) * w.outputMean;
            for (const RouteShare &s : wr->routes)
                if (s.ttftMarginMs >= 0 && s.tpotMarginMs >= 0)
                    withinSlo += s.ratePerS;
            // The route carrying the largest share speaks for the workload, as in the status bar.
            const auto best = std::max_element(wr->routes.begin(), wr->routes.end(),
                                               [](const RouteShare &x, const RouteShare &y) { return x.share < y.share; });
            if (best != wr->routes.end() && best->ratePerS > 0) {
                wf.routed = true;
                wf.ttftMs = best->ttftMs;
                wf.tpotMs = best->tpotMs;
            }
        } else {
            unservedTokens += w.ratePerS * tokens;
        }
        for (const auto &[name, latency] : simulated)
            if (name == w.name)
                wf.simulated = latency;
        f.workloads.push_back(std::move(wf));
    }
    if (routing) {
        f.unservedTokenFraction = demandedTokens > 0 ? unservedTokens / demandedTokens : 0;
        f.sloAttainment = demandedRequests > 0 ? std::min(1.0, withinSlo / demandedRequests) : 1;
        f.usdPerMillionOutput = servedOutput > 0 ? routing->result.usdPerHour / (servedOutput * 3600) * 1e6 : 0;
    }
    return f;
}

std::vector<std::pair<std::string, SimulatedLatency>> storedSimulations(const QString &planPath)
{
    std::vector<std::pair<std::string, SimulatedLatency>> out;
    if (planPath.isEmpty() || QFileInfo(planPath).suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0)
        return out;
    std::vector<StoredResult> runs;
    try {
        runs = listResults(planPath.toStdString(), "simulation");
    } catch (const std::exception &) {
        return out; // a plan file without results (or unreadable) simply has no simulated figures
    }
    // Stored oldest first: a later run of the same workload replaces an earlier one.
    for (const StoredResult &run : runs) {
        const nlohmann::json j = nlohmann::json::parse(run.json, nullptr, false);
        if (j.is_discarded() || j.value("cancelled", false) || !j.contains("ttft_ms") || !j.contains("tpot_ms"))
            continue;
        SimulatedLatency s;
        const nlohmann::json &ttft = j["ttft_ms"];
        const nlohmann::json &tpot = j["tpot_ms"];
        s.ttftP50Ms = ttft.value("p50", 0.0);
        s.ttftP90Ms = ttft.value("p90", 0.0);
        s.ttftP99Ms = ttft.value("p99", 0.0);
        s.tpotP50Ms = tpot.value("p50", 0.0);
        s.tpotP90Ms = tpot.value("p90", 0.0);
        s.tpotP99Ms = tpot.value("p99", 0.0);
        const double throughput = j.value("throughput_rps", 0.0);
        s.goodputShare = throughput > 0 ? j.value("goodput_rps", 0.0) / throughput : 0;
        const std::string workload = j.value("workload", std::string());
        const auto same = std::find_if(out.begin(), out.end(), [&](const auto &e) { return e.first == workload; });
        if (same != out.end())
            same->second = s;
        else
            out.emplace_back(workload, s);
    }
    return out;
}

std::vector<ComparisonRow> comparePlans(const PlanFigures &a, const PlanFigures &b)
{
    using G = ComparisonRow::Group;
    std::vector<ComparisonRow> rows;
    const QString none;
    const bool routed = a.routed && b.routed;

    rows.push_back(row(G::Cost, "usd_per_m_output", Text::tr("Cost per million output tokens"), none, QStringLiteral("$"), 3,
                       when(a.routed, a.usdPerMillionOutput), when(b.routed, b.usdPerMillionOutput), Better::Lower));
    rows.push_back(row(G::Cost, "usd_per_hour", Text::tr("Hourly cost, all pools"), none, QStringLiteral("$/h"), 2, a.usdPerHour, b.usdPerHour, Better::Lower));
    rows.push_back(row(G::Cost, "capex", Text::tr("Capex"), none, QStringLiteral("$"), 0, a.capexUsd, b.capexUsd, Better::Lower));
    rows.push_back(row(G::Cost, "power_usd_per_hour", Text::tr("Power cost"), none, QStringLiteral("$/h"), 2, a.powerUsdPerHour, b.powerUsdPerHour, Better::Lower));
    rows.push_back(row(G::Power, "it_power_kw", Text::tr("IT power"), none, QStringLiteral("kW"), 1, a.itPowerKw, b.itPowerKw, Better::Lower));
    rows.push_back(row(G::Power, "accelerators", Text::tr("Accelerators"), none, QString(), 0, double(a.devices), double(b.devices), Better::Lower));
    rows.push_back(row(G::Service, "slo_attainment_pct", Text::tr("SLO attainment"), none, QStringLiteral("%"), 1, when(a.routed, a.sloAttainment * 100),
                       when(b.routed, b.sloAttainment * 100), Better::Higher));
    rows.push_back(row(G::Service, "unserved_pct", Text::tr("Unserved demand"), none, QStringLiteral("%"), 1, when(a.routed, a.unservedTokenFraction * 100),
                       when(b.routed, b.unservedTokenFraction * 100), Better::Lower));

    // Workloads of a in order, then any only b has.
    std::vector<std::string> names;
    for (const WorkloadFigures &w : a.workloads)
        names.push_back(w.name);
    for (const WorkloadFigures &w : b.workloads)
        if (std::find(names.begin(), names.end(), w.name) == names.end())
            names.push_back(w.name);

    for (const std::string &name : names) {
        const WorkloadFigures *wa = a.workload(name);
        const WorkloadFigures *wb = b.workload(name);
        const QString w = QString::fromStdString(name);
        auto figure = [](const WorkloadFigures *wf, double WorkloadFigures::*field) {
            return wf && wf->routed ? std::optional<double>(wf->*field) : std::nullopt;
        };
        rows.push_back(row(G::Latency, "ttft_ms", Text::tr("TTFT"), w, QStringLiteral("ms"), 1, figure(wa, &WorkloadFigures::ttftMs),
                           figure(wb, &WorkloadFigures::ttftMs), Better::Lower));
        rows.push_back(row(G::Latency, "tpot_ms", Text::tr("TPOT"), w, QStringLiteral("ms"), 1, figure(wa, &WorkloadFigures::tpotMs),
                           figure(wb, &WorkloadFigures::tpotMs), Better::Lower));
        rows.push_back(row(G::Latency, "usd_per_m_tokens", Text::tr("Cost per million tokens"), w, QStringLiteral("$"), 3,
                           figure(wa, &WorkloadFigures::usdPerMillionTokens), figure(wb, &WorkloadFigures::usdPerMillionTokens),
                           Better::Lower));
        auto unserved = [routed](const WorkloadFigures *wf) {
            return wf && routed ? std::optional<double>(wf->unservedFraction * 100) : std::nullopt;
        };
        rows.push_back(row(G::Latency, "unserved_pct", Text::tr("Unserved demand"), w, QStringLiteral("%"), 1, unserved(wa), unserved(wb), Better::Lower));
    }

    // Simulated percentiles only where both plans were simulated for the workload: a run on one side
    // and an estimate on the other would compare different things.
    for (const std::string &name : names) {
        const WorkloadFigures *wa = a.workload(name);
        const WorkloadFigures *wb = b.workload(name);
        if (!wa || !wb || !wa->simulated || !wb->simulated)
            continue;
        const SimulatedLatency &sa = *wa->simulated;
        const SimulatedLatency &sb = *wb->simulated;
        const QString w = QString::fromStdString(name);
        const struct {
            const char *key;
            const char *metric;
            double SimulatedLatency::*field;
        } percentiles[] = {
            {"ttft_p50_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TTFT p50 (simulated)"), &SimulatedLatency::ttftP50Ms},
            {"ttft_p90_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TTFT p90 (simulated)"), &SimulatedLatency::ttftP90Ms},
            {"ttft_p99_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TTFT p99 (simulated)"), &SimulatedLatency::ttftP99Ms},
            {"tpot_p50_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TPOT p50 (simulated)"), &SimulatedLatency::tpotP50Ms},
            {"tpot_p90_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TPOT p90 (simulated)"), &SimulatedLatency::tpotP90Ms},
            {"tpot_p99_ms", QT_TRANSLATE_NOOP("tokenroute::ui::PlanComparison", "TPOT p99 (simulated)"), &SimulatedLatency::tpotP99Ms},
        };
        for (const auto &p : percentiles)
            rows.push_back(row(G::Simulated, p.key, Text::tr(p.metric), w, QStringLiteral("ms"), 1, sa.*p.field, sb.*p.field, Better::Lower));
        rows.push_back(row(G::Simulated, "simulated_within_slo_pct", Text::tr("Within SLOs (simulated)"), w, QStringLiteral("%"), 1, sa.goodputShare * 100,
                           sb.goodputShare * 100, Better::Higher));
    }
    return rows;
}

QString formatDelta(double delta, int decimals)
{
    // U+2212 MINUS SIGN: the same width as "+", so signed columns line up.
    const QString magnitude = formatNumber(std::abs(delta), decimals);
    if (magnitude == formatNumber(0, decimals))
        return QStringLiteral("±0");
    return (delta < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + magnitude;
}

QString formatDeltaFraction(double fraction)
{
    return Text::tr("%1 %").arg(formatDelta(fraction * 100, 1));
}

} // namespace tokenroute::ui
