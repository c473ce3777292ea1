#pragma once
// Draws a PlanChart into a QChart, and the Charts page that shows every PlanChart of the open plan:
// latency CDFs of a stored simulation run, prefix-cache hit ratio per capacity, the roofline, the
// memory hierarchy and power per rack. Two pickers choose the simulation and benchmark runs the
// charts come from (the newest by default), so earlier runs stay viewable. The page recomputes after each evaluation of the plan while
// it is shown (and when it is shown again), and
// stores the series of charts that came from a stored run in the plan file (once per run), so the
// figures shown with a run are still there after a restart.

#include <QList>
#include <QWidget>

#include "core/catalog/catalog.h"
#include "ui/charts/planchartdata.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;

// Replaces the chart's series and axes with the PlanChart's; an empty PlanChart shows its title and
// the sentence that says how to produce its data. textScale sizes the fonts from the application's.
void drawPlanChart(QChart *chart, const PlanChart &data, double textScale = 1.0);

class ChartsView final : public QWidget {
    Q_OBJECT

public:
    ChartsView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    const QList<PlanChart> &charts() const { return m_charts; }
    QList<QChartView *> chartViews() const { return m_views; }
    // Item data: the stored run's id, 0 for "the newest".
    QComboBox *simulationRunBox() const { return m_simulationRuns; }
    QComboBox *benchmarkRunBox() const { return m_benchmarkRuns; }

public slots:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    // Runs stored from another tab since the last evaluation appear when the page is shown.
    void showEvent(QShowEvent *event) override;

private:
    QWidget *framed(QChartView *view, int index);
    QWidget *buildRunPickers();
    // Lists the runs in the box (newest first, after "Newest") and returns the one chosen, falling
    // back to the newest when the chosen run is no longer in the file.
    std::optional<StoredResult> chooseRun(QComboBox *box, long long &chosenId, const std::vector<StoredResult> &runs);

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    QList<QChartView *> m_views;
    QList<PlanChart> m_charts;
    QComboBox *m_simulationRuns = nullptr;
    QComboBox *m_benchmarkRuns = nullptr;
    long long m_simulationRunId = 0;   // 0: the newest
    long long m_benchmarkRunId = 0;
    QLabel *m_status;
};

} // namespace tokenroute::ui
