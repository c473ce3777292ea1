#pragma once
// The Costs tab: dollars per million tokens by workload and by pool, stacked by where the money goes
// (capex, power, cloud rental), and the operating curves of the plan's pool devices with the points
// the plan runs them at. Everything comes from the live evaluation and routing of the open plan and
// is redrawn whenever they are recomputed; each chart exports as PNG or SVG from its context menu
// or its Export button.

#include <QWidget>

#include "core/catalog/catalog.h"
#include "ui/charts/costchartdata.h"

class QChart;
class QChartView;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;

class CostsView final : public QWidget {
    Q_OBJECT

public:
    // evaluation: the window's live evaluation to follow; null makes the view keep its own.
    CostsView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    QChartView *workloadCostView() const { return m_workloadView; }
    QChartView *poolCostView() const { return m_poolView; }
    QChartView *curvesView() const { return m_curvesView; }
    // What the charts were last drawn from (for tests and the report).
    const CostBreakdown &costs() const { return m_costs; }
    const QList<OperatingCurveData> &curves() const { return m_curves; }

public slots:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *framed(QChartView *view, const QString &baseName);
    void drawCosts(QChart *chart, const QList<CostBar> &bars, const QString &title, const QString &emptyText);
    void drawCurves();
    void styleChart(QChart *chart) const;

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    QChartView *m_workloadView;
    QChartView *m_poolView;
    QChartView *m_curvesView;
    CostBreakdown m_costs;
    QList<OperatingCurveData> m_curves;
};

} // namespace tokenroute::ui
