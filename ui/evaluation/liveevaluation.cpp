#include "ui/evaluation/liveevaluation.h"

#include <chrono>
#include <exception>

#include <QCoreApplication>

#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::LiveEvaluation", text);
}

QString poolName(const Plan &plan, int id)
{
    const Pool *pool = plan.pool(id);
    return pool ? QString::fromStdString(pool->name) : tr("pool %1").arg(id);
}

QString workloadName(const Plan &plan, int id)
{
    const Workload *w = plan.workload(id);
    return w ? QString::fromStdString(w->name) : tr("workload %1").arg(id);
}

const WorkloadOnPool *onPool(const WorkloadEvaluation *we, int poolId)
{
    if (!we)
        return nullptr;
    for (const WorkloadOnPool &p : we->pools)
        if (p.poolId == poolId)
            return &p;
    return nullptr;
}

// The band of a time from the estimate of the pool that runs that phase; no estimate, no band.
void band(double ms, const WorkloadOnPool *p, bool ttft, double &low, double &high)
{
    low = high = ms;
    if (!p)
        return;
    const Band &b = ttft ? p->estimate.ttftBand : p->estimate.tpotBand;
    low = b.lowerTime(ms);
    high = b.upperTime(ms);
}

} // namespace

QString describeIssue(const EvaluationIssue &issue, const Plan &plan)
{
    const QString text = QString::fromStdString(issue.text);
    switch (issue.code) {
    case EvaluationIssueCode::UnknownServer: return tr("Item uses “%1”, which is not in the catalogue.").arg(text);
    case EvaluationIssueCode::UnknownAccelerator: return tr("Pool “%1” uses an accelerator not in the catalogue (%2).").arg(poolName(plan, issue.poolId), text);
    case EvaluationIssueCode::UnknownModel: return tr("Workload “%1” names model “%2”, which is neither in the catalogue nor imported.").arg(workloadName(plan, issue.workloadId), text);
    case EvaluationIssueCode::UnknownTier: return tr("Pool “%1” names memory tier “%2”, which is not in the catalogue.").arg(poolName(plan, issue.poolId), text);
    case EvaluationIssueCode::MixedDevices: return tr("Pool “%1” mixes accelerators (also %2).").arg(poolName(plan, issue.poolId), text);
    case EvaluationIssueCode::EmptyPool: return tr("Pool “%1” has no accelerators.").arg(poolName(plan, issue.poolId));
    case EvaluationIssueCode::ModelDoesNotFit:
        // The value is the number of devices one replica needs (0: no number of them suffices).
        if (issue.value > 0)
            return tr("Pool “%1” cannot hold the model of “%2”: one replica needs %3 devices.")
                .arg(poolName(plan, issue.poolId), workloadName(plan, issue.workloadId))
                .arg(issue.value, 0, 'f', 0);
        return tr("Pool “%1” cannot hold the model of “%2” on any number of its devices.")
            .arg(poolName(plan, issue.poolId), workloadName(plan, issue.workloadId));
    case EvaluationIssueCode::InvalidLayout:
        return tr("Pool “%1” cannot run the model of “%2” with its parallel layout (%3).")
            .arg(poolName(plan, issue.poolId), workloadName(plan, issue.workloadId), text);
    case EvaluationIssueCode::NoPoolMeetsSlo: return tr("No pool serves “%1” within its SLOs.").arg(workloadName(plan, issue.workloadId));
    case EvaluationIssueCode::RackOverPower: {
        const Rack *rack = plan.rack(issue.rackId);
        return tr("Rack “%1” draws %2 kW, over its %3 kW budget.")
            .arg(rack ? QString::fromStdString(rack->name) : QString::number(issue.rackId))
            .arg(issue.value, 0, 'f', 1)
            .arg(rack ? rack->powerBudgetKw : 0.0, 0, 'f', 1);
    }
    case EvaluationIssueCode::RackOverUnits: {
        const Rack *rack = plan.rack(issue.rackId);
        return tr("Rack “%1” uses %2 U, more than it has.").arg(rack ? QString::fromStdString(rack->name) : QString::number(issue.rackId)).arg(issue.value);
    }
    }
    return text;
}

QString describeUnserved(double fraction)
{
    return tr("%1 % of the demand has no route within the SLOs.").arg(fraction * 100, 0, 'f', 0);
}

const WorkloadOutlook *PlanOutlook::workload(int id) const
{
    for (const auto &[wid, outlook] : workloads)
        if (wid == id)
            return &outlook;
    return nullptr;
}

LiveEvaluation::LiveEvaluation(PlanDocument *document, const Catalog *catalog, QObject *parent)
    : QObject(parent), m_document(document), m_catalog(catalog)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            run();
    });
    connect(document, &PlanDocument::changed, this, &LiveEvaluation::schedule);
    schedule();
}

const PlanOutlook &LiveEvaluation::current()
{
    if (m_dirty)
        run();
    return m_outlook;
}

void LiveEvaluation::schedule()
{
    m_dirty = true;
    m_timer.start();
}

void LiveEvaluation::run()
{
    m_dirty = false;
    const auto start = std::chrono::steady_clock::now();
    const Plan &plan = m_document->plan();
    PlanOutlook out;
    out.evaluation = evaluate(plan, *m_catalog);
    out.itPowerKw = out.evaluation.itPowerKw;
    for (const EvaluationIssue &issue : out.evaluation.issues)
        (isRoutedAround(issue, out.evaluation) ? out.notes : out.issues).append(describeIssue(issue, plan));
    try {
        out.routing = routePlan(plan, *m_catalog);
    } catch (const std::exception &e) {
        // The evaluation still stands; the summary says why there is no routing.
        out.routingError = QString::fromStdString(e.what());
    }

    double servedOutputPerS = 0;
    double demandedTokensPerS = 0, unservedTokensPerS = 0;
    for (const Workload &w : plan.workloads) {
        WorkloadOutlook o;
        const WorkloadEvaluation *we = nullptr;
        for (const WorkloadEvaluation &e : out.evaluation.workloads)
            if (e.workloadId == w.id)
                we = &e;
        for (const EvaluationIssue &issue : out.evaluation.issues)
            if (issue.workloadId == w.id && !isRoutedAround(issue, out.evaluation))
                o.problems.append(describeIssue(issue, plan));
        const WorkloadRouting *wr = nullptr;
        if (out.routing)
            for (const WorkloadRouting &r : out.routing->result.workloads)
                if (r.workloadId == w.id)
                    wr = &r;
        const double tokens = w.inputMean + w.outputMean;
        demandedTokensPerS += w.ratePerS * tokens;
        if (wr) {
            o.unservedFraction = wr->unservedFraction;
            unservedTokensPerS += wr->unservedPerS * tokens;
            servedOutputPerS += (wr->demandPerS - wr->unservedPerS) * w.outputMean;
            // The route carrying the largest share speaks for the workload.
            const auto best = std::max_element(wr->routes.begin(), wr->routes.end(),
                                               [](const RouteShare &a, const RouteShare &b) { return a.share < b.share; });
            if (best != wr->routes.end() && best->ratePerS > 0) {
                o.routed = true;
                o.route = best->colocated ? QString::fromStdString(best->prefillName)
                                          : tr("%1 → %2").arg(QString::fromStdString(best->prefillName), QString::fromStdString(best->decodeName));
                o.ttftMs = best->ttftMs;
                o.tpotMs = best->tpotMs;
                o.usdPerMillionTokens = wr->usdPerMillionTokens;
                band(o.ttftMs, onPool(we, best->prefillPool), true, o.ttftLowMs, o.ttftHighMs);
                band(o.tpotMs, onPool(we, best->decodePool), false, o.tpotLowMs, o.tpotHighMs);
            }
            if (wr->unservedFraction > 1e-6 && w.ratePerS > 0) {
                ++out.sloViolations;
                o.problems.append(describeUnserved(wr->unservedFraction));
            }
        }
        out.workloads.emplace_back(w.id, std::move(o));
    }
    if (out.routing) {
        out.unservedFraction = demandedTokensPerS > 0 ? unservedTokensPerS / demandedTokensPerS : 0;
        out.usdPerMillionOutput = servedOutputPerS > 0 ? out.routing->result.usdPerHour / (servedOutputPerS * 3600) * 1e6 : 0;
    }
    out.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m_outlook = std::move(out);
    ++m_runs;
    emit updated();
}

} // namespace tokenroute::ui
