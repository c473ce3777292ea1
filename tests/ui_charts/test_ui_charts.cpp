// The Costs tab on the demo plan, offscreen: the stacked cost bars and the operating curves are
// compared with figures the test asks the engine for itself (the router, the performance model),
// edits to the plan redraw them, and the charts export as PNG and SVG.

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/cost/costmodel.h"
#include "core/perf/perfmodel.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "core/route/tags.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/costsview.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/plandocument.h"
#include "ui/translations.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

QStackedBarSeries *barsOf(QChartView *view)
{
    const auto series = view->chart()->series();
    return series.isEmpty() ? nullptr : qobject_cast<QStackedBarSeries *>(series.first());
}

} // namespace

class TestUiCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void workloadBarsAddUpToTheRouter();
    void poolBarsAddUpToThePoolsHourlyPrice();
    void barsSplitByThePoolsCostShares();
    void chartSeriesHoldTheData();
    void curvesAreThePerformanceModels();
    void chartsFollowEdits();
    void exportWritesPngAndSvg();
    void screenshot();

private:
    const Plan &plan() const { return m_document->plan(); }
    CostsView *view() const { return m_view.get(); }

    QTemporaryDir m_settingsDir;
    Catalog m_catalog;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<LiveEvaluation> m_evaluation;
    std::unique_ptr<CostsView> m_view;
};

void TestUiCharts::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_charts"));
    tokenroute::initResources();
    installTranslations(*qApp);
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    QVERIFY(!m_catalog.models.empty());
}

void TestUiCharts::init()
{
    m_document = std::make_unique<PlanDocument>();
    m_document->open(dataDir() + QStringLiteral("/plans/demo.json"));
    m_evaluation = std::make_unique<LiveEvaluation>(m_document.get(), &m_catalog);
    m_view = std::make_unique<CostsView>(m_document.get(), &m_catalog, m_evaluation.get());
    m_view->resize(1400, 900);
}

void TestUiCharts::cleanup()
{
    m_view.reset();
    m_evaluation.reset();
    m_document.reset();
}

void TestUiCharts::workloadBarsAddUpToTheRouter()
{
    // The router run here, independently of the view, prices each workload's routes.
    const PlanRouting routing = routePlan(plan(), m_catalog);
    const CostBreakdown &costs = view()->costs();
    QCOMPARE(costs.byWorkload.size(), qsizetype(plan().workloads.size()));
    int served = 0;
    for (const CostBar &bar : costs.byWorkload) {
        const auto wr = std::find_if(routing.result.workloads.begin(), routing.result.workloads.end(),
                                     [&](const WorkloadRouting &r) { return r.workloadId == bar.id; });
        QVERIFY(wr != routing.result.workloads.end());
        QVERIFY2(near(bar.total(), wr->usdPerMillionTokens),
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(bar.label).arg(bar.total()).arg(wr->usdPerMillionTokens)));
        served += bar.served ? 1 : 0;
        QCOMPARE(bar.served, !wr->routes.empty());
    }
    QVERIFY(served >= 2);   // the demo routes its workloads
}

void TestUiCharts::poolBarsAddUpToThePoolsHourlyPrice()
{
    // A pool's bar × the tokens/s of the requests it served is the router's $/h of its device time.
    const PlanRouting routing = routePlan(plan(), m_catalog);
    std::map<int, double> tokensPerS;
    for (const WorkloadRouting &wr : routing.result.workloads) {
        const Workload *w = plan().workload(wr.workloadId);
        QVERIFY(w);
        for (const RouteShare &r : wr.routes) {
            tokensPerS[r.prefillPool] += r.ratePerS * (w->inputMean + w->outputMean);
            if (!r.colocated)
                tokensPerS[r.decodePool] += r.ratePerS * (w->inputMean + w->outputMean);
        }
    }
    int used = 0;
    for (const CostBar &bar : view()->costs().byPool) {
        const auto load = std::find_if(routing.result.pools.begin(), routing.result.pools.end(),
                                       [&](const PoolLoad &p) { return p.poolId == bar.id; });
        QVERIFY(load != routing.result.pools.end());
        const double usdPerHour = bar.total() * tokensPerS[bar.id] / 1e6 * 3600;
        QVERIFY2(std::abs(usdPerHour - load->usdPerHourUsed) <= 1e-6 * std::max(1.0, load->usdPerHourUsed),
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(bar.label).arg(usdPerHour).arg(load->usdPerHourUsed)));
        used += load->usdPerHourUsed > 0 ? 1 : 0;
    }
    QVERIFY(used >= 2);
}

void TestUiCharts::barsSplitByThePoolsCostShares()
{
    // Each pool's bar splits in the ratio of its capex and electricity per hour from the cost model.
    const Evaluation ev = evaluate(plan(), m_catalog);
    for (const CostBar &bar : view()->costs().byPool) {
        if (!bar.served)
            continue;
        const auto pe = std::find_if(ev.pools.begin(), ev.pools.end(), [&](const PoolEvaluation &p) { return p.poolId == bar.id; });
        QVERIFY(pe != ev.pools.end());
        QVERIFY(!pe->cost.cloud);   // the demo owns its hardware
        QVERIFY(bar.capex > 0 && bar.power > 0);
        QVERIFY(near(bar.capex / bar.power, pe->cost.capexUsdPerHour / pe->cost.energyUsdPerHour));
        QCOMPARE(bar.cloud, 0.0);
    }
}

void TestUiCharts::chartSeriesHoldTheData()
{
    const CostBreakdown &costs = view()->costs();
    for (auto [chartView, bars] : {std::pair{view()->workloadCostView(), costs.byWorkload},
                                   std::pair{view()->poolCostView(), costs.byPool}}) {
        QStackedBarSeries *series = barsOf(chartView);
        QVERIFY(series);
        QCOMPARE(series->count(), 2);   // capex and power; no cloud rental in the demo
        QCOMPARE(series->barSets()[0]->count(), bars.size());
        for (int i = 0; i < bars.size(); ++i) {
            QCOMPARE(series->barSets()[0]->at(i), bars[i].capex);
            QCOMPARE(series->barSets()[1]->at(i), bars[i].power);
        }
        QVERIFY(chartView->chart()->title().contains(QStringLiteral("network not modelled")));
    }
    // One line per curve, one marker per operating point.
    int lines = 0, dots = 0;
    for (QAbstractSeries *s : view()->curvesView()->chart()->series()) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            ++dots;
            QCOMPARE(scatter->count(), 1);
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            QCOMPARE(line->points(), view()->curves()[lines].points);
            ++lines;
        }
    }
    QCOMPARE(lines, view()->curves().size());
    int withPoint = 0;
    for (const OperatingCurveData &c : view()->curves())
        withPoint += c.hasOperatingPoint ? 1 : 0;
    QCOMPARE(dots, withPoint);
}

void TestUiCharts::curvesAreThePerformanceModels()
{
    // Every data-centre pool of the demo gets a curve, and each equals operatingCurve() for its setup.
    const Evaluation ev = evaluate(plan(), m_catalog);
    const CostInputs costIn = costInputs(plan().policies);
    const QList<OperatingCurveData> &curves = view()->curves();
    QVERIFY(curves.size() >= 3);
    int points = 0;
    for (const OperatingCurveData &c : curves) {
        const Pool *pool = plan().pool(c.poolId);
        const Workload *w = plan().workload(c.workloadId);
        QVERIFY(pool && w);
        const auto pe = std::find_if(ev.pools.begin(), ev.pools.end(), [&](const PoolEvaluation &p) { return p.poolId == c.poolId; });
        const ModelSpec *model = findModel(plan(), m_catalog, w->modelId);
        QVERIFY(model && pe->device);
        const int devices = pe->role == PoolRole::Edge ? 1 : pe->devices;
        const DeviceSetup setup = chooseSetup(model->arch, *pe->device, devices, pool->weights, pool->kv, pool->tp, pool->pp,
                                              pool->ep, pool->memoryFraction);
        const auto expected = operatingCurve(model->arch, setup, w->inputMean, w->outputMean, costIn);
        QCOMPARE(qsizetype(expected.size()), c.points.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(c.points[qsizetype(i)].x(), expected[i].outputTokensPerSPerUser);
            QCOMPARE(c.points[qsizetype(i)].y(), expected[i].outputTokensPerSPerDevice);
        }
        if (c.hasOperatingPoint) {
            ++points;
            // The operating point is the SLO concurrency evaluate() found for the workload.
            const auto we = std::find_if(ev.workloads.begin(), ev.workloads.end(),
                                         [&](const WorkloadEvaluation &x) { return x.workloadId == w->id; });
            const auto wp = std::find_if(we->pools.begin(), we->pools.end(), [&](const WorkloadOnPool &x) { return x.poolId == c.poolId; });
            QCOMPARE(c.operatingConcurrency, wp->capacity.concurrency);
            const Estimate e = estimate(model->arch, setup, w->inputMean, w->outputMean, c.operatingConcurrency, costIn);
            QCOMPARE(c.operatingPoint.x(), e.outputTokensPerSPerUser);
            QCOMPARE(c.operatingPoint.y(), e.outputTokensPerS / e.devices);
        }
    }
    QVERIFY(points >= 2);
}

void TestUiCharts::chartsFollowEdits()
{
    // Doubling a routed workload's output changes its price per token; the chart follows.
    const CostBar before = view()->costs().byWorkload.first();
    QVERIFY(before.served);
    Workload w = plan().workloads.front();
    w.outputMean *= 2;
    w.outputP90 *= 2;
    m_document->replaceWorkload(w);
    QTRY_VERIFY(view()->costs().byWorkload.first().total() != before.total());
    const PlanRouting routing = routePlan(plan(), m_catalog);
    const auto wr = std::find_if(routing.result.workloads.begin(), routing.result.workloads.end(),
                                 [&](const WorkloadRouting &r) { return r.workloadId == w.id; });
    QVERIFY(near(view()->costs().byWorkload.first().total(), wr->usdPerMillionTokens));
    QCOMPARE(barsOf(view()->workloadCostView())->barSets()[0]->at(0), view()->costs().byWorkload.first().capex);
}

void TestUiCharts::exportWritesPngAndSvg()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    view()->show();
    QVERIFY(QTest::qWaitForWindowExposed(view()));
    for (QChartView *chartView : {view()->workloadCostView(), view()->poolCostView(), view()->curvesView()}) {
        const QSizeF onScreen = chartView->chart()->size();
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(exportChartPng(chartView, png));
        QVERIFY(exportChartSvg(chartView, svg));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.size(), ChartExportSize);
        // Not a blank canvas: the bars and text leave many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), ChartExportSize));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<path") || text.contains("<rect") || text.contains("<polyline"));
        // The on-screen chart keeps its size after an export.
        QCOMPARE(chartView->chart()->size(), onScreen);
    }
}

void TestUiCharts::screenshot()
{
    // The Costs tab on the demo plan at 1600x1000, on its own so the charts have the whole frame
    // (the tab as a slide); written to the build directory and, when TOKENROUTE_SCREENSHOT_DIR is
    // set (installer/screenshot-costs.sh), to that folder. The main window shows the same widget.
    view()->resize(1600, 1000);
    view()->show();
    QVERIFY(QTest::qWaitForWindowExposed(view()));
    QCoreApplication::processEvents();
    QVERIFY(!view()->curves().isEmpty());
    const QImage image = view()->grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 1000));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/costs.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("costs.png"))));
}

QTEST_MAIN(TestUiCharts)
#include "test_ui_charts.moc"
