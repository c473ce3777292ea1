#pragma once
// The plan's evaluation kept current: after every change to the document it runs the core's
// evaluate() and the router (both take milliseconds on a plan of the demo's size), and announces
// the new result once. Changes that arrive together (an undo macro) are coalesced into one run by
// a zero-delay timer; a reader that needs the result at once (a test, a view painting right after
// an edit) calls current(), which runs a pending evaluation first.

#include <optional>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/route/routebuilder.h"

namespace tokenroute::ui {

class PlanDocument;

// What the window shows of one workload's best route.
struct WorkloadOutlook {
    bool routed = false;              // the router placed some of its demand
    QString route;                    // "CPX prefill → H200 decode"
    double ttftMs = 0, ttftLowMs = 0, ttftHighMs = 0;
    double tpotMs = 0, tpotLowMs = 0, tpotHighMs = 0;
    double usdPerMillionTokens = 0;
    double unservedFraction = 0;
    QStringList problems;             // translated: model does not fit, no pool meets the SLOs, ...
};

struct PlanOutlook {
    Evaluation evaluation;
    std::optional<PlanRouting> routing; // empty when the router could not run
    QString routingError;
    double usdPerMillionOutput = 0;   // device time used per million output tokens served
    double itPowerKw = 0;
    double unservedFraction = 0;      // share of demanded tokens left unserved
    int sloViolations = 0;            // workloads with demand no route serves within its SLOs
    QStringList issues;               // translated, one per evaluation issue that is a problem
    QStringList notes;                // translated: issues the router routes around (isRoutedAround)
    double elapsedMs = 0;             // how long the last run took

    const WorkloadOutlook *workload(int id) const;
    std::vector<std::pair<int, WorkloadOutlook>> workloads;
};

class LiveEvaluation final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveEvaluation)

public:
    LiveEvaluation(PlanDocument *document, const Catalog *catalog, QObject *parent = nullptr);

    const PlanOutlook &current();
    int runs() const { return m_runs; }

signals:
    void updated();

private:
    void schedule();
    void run();

    PlanDocument *m_document;
    const Catalog *m_catalog;
    PlanOutlook m_outlook;
    QTimer m_timer;
    bool m_dirty = true;
    int m_runs = 0;
};

// The translated sentence for one evaluation issue.
QString describeIssue(const EvaluationIssue &issue, const Plan &plan);
// The sentence for a workload whose demand is partly left without a route (fraction in 0..1).
QString describeUnserved(double fraction);

} // namespace tokenroute::ui
