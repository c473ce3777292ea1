// The Charts page on the demo plan, with a simulation run and a benchmark run made here and stored
// in a temporary copy of the plan: every chart's series is compared with what the engine gives the
// test directly (the simulator, the cache sweep, the catalogue, the kernels, the evaluation), the
// series survive being stored and the plan reopened, a plan without runs says how to make them, and
// a chart exports as valid PNG and SVG.

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/sim/cachesweep.h"
#include "core/sim/generator.h"
#include "core/sim/simplan.h"
#include "kernels/benchjson.h"
#include "kernels/benchrunner.h"
#include "kernels/memoryprobe.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/planchartdata.h"
#include "ui/charts/planchartview.h"
#include "ui/charts/tablecsv.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/plandocument.h"
#include "ui/sim/simulationrun.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

bool near(double a, double b, double rel = 1e-9)
{
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

const ChartSeries *seriesNamed(const PlanChart &c, const QString &prefix)
{
    for (const ChartSeries &s : c.series)
        if (s.name.startsWith(prefix))
            return &s;
    return nullptr;
}

const PlanChart *chartWithId(const QList<PlanChart> &charts, const QString &id)
{
    for (const PlanChart &c : charts)
        if (c.id == id)
            return &c;
    return nullptr;
}

// A small benchmark document of this machine, made with the kernels library: one GEMM, one GEMV
// and a three-point read-bandwidth sweep, timed briefly (the figures only need to exist).
nlohmann::json smallBenchmark()
{
    using namespace tokenroute::kernels;
    CaseContext ctx;
    ctx.threads = 1;
    ctx.policy = TimingPolicy{1, 3, 5, 5};
    BenchReport report;
    report.results.push_back(runPrefillGemm(GemmShape{32, 128, 128}, ctx));
    report.results.push_back(runDecodeGemv(GemvShape{1, 512, 512, WeightType::BF16}, ctx));
    for (std::size_t ws : {std::size_t(16) << 10, std::size_t(256) << 10, std::size_t(4) << 20}) {
        KernelResult r;
        r.kernel = KernelKind::MemoryBandwidth;
        r.device = "cpu";
        r.variant = "read sweep";
        const BandwidthPoint p = measureReadBandwidth(ws, 1, ctx.policy);
        r.timing = p.timing;
        r.workingSetBytes = ws;
        r.bytesPerSecond = p.bytesPerSecond;
        r.correct = true;
        report.results.push_back(r);
    }
    CalibrationInputs in;
    in.device = "cpu";
    in.deviceId = "this-machine-cpu";
    in.deviceName = "test CPU";
    in.deviceKind = "cpu";
    in.peakFlops = 2e11;      // a stand-in peak: the chart only has to draw what the run says
    in.peakBandwidth = 2e10;
    report.calibrations.push_back(calibrate(report.results, in));
    report.devicesRun = {"cpu"};
    return toJson(report);
}

// A writable copy of the stored plan, for a case that adds results to it; empty when the copy failed.
QString writableCopy(const QString &from, const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    if (!QFile::copy(from, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

} // namespace

class TestPlanCharts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void latencyCdfsAreTheSimulationRuns();
    void latencyCdfFallsBackToStoredPercentiles();
    void cacheHitsAreTheCacheSweep();
    void rooflineHasTheDevicesPeaksAndTheMeasuredKernels();
    void memoryHierarchyIsTheProbeOrTheCatalogue();
    void rackPowerIsTheEvaluation();
    void planWithoutRunsSaysHowToMakeThem();
    void seriesSurviveReopeningThePlan();
    void viewDrawsTheSeriesAndStoresThemOnce();
    void shownViewFollowsEdits();
    void olderRunsCanBePicked();
    void exportWritesPngAndSvg();
    void csvRoundTrips_data();
    void csvRoundTrips();
    void screenshot();

private:
    QTemporaryDir m_dir;
    Catalog m_catalog;
    Plan m_plan;
    QString m_planPath;
    SimulationOutcome m_sim;
    nlohmann::json m_bench;
    Evaluation m_evaluation;
};

void TestPlanCharts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QStandardPaths::setTestModeEnabled(true);
    tokenroute::initResources();
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    m_plan = loadPlan((dataDir() + QStringLiteral("/plans/demo.json")).toStdString());
    m_planPath = m_dir.filePath(QStringLiteral("demo.trplan"));
    savePlanSqlite(m_plan, m_planPath.toStdString());

    SimulationRequest request;
    request.requests = 400;
    m_sim = runPlanSimulation(m_plan, m_catalog, request, {});
    appendResult(m_planPath.toStdString(), "simulation", simulationLabel(m_sim.document), m_sim.document.dump());
    m_bench = smallBenchmark();
    appendResult(m_planPath.toStdString(), "benchmark", "test run", m_bench.dump());
    m_evaluation = evaluate(m_plan, m_catalog);
}

void TestPlanCharts::latencyCdfsAreTheSimulationRuns()
{
    const auto run = latestStoredResult(m_planPath, "simulation");
    QVERIFY(run);
    for (const bool tpot : {false, true}) {
        const PlanChart c = latencyCdfChart(run, tpot);
        QVERIFY2(!c.isEmpty(), qPrintable(c.emptyText));
        QCOMPARE(c.sourceRunId, run->id);
        const Percentiles &p = tpot ? m_sim.result.tpot : m_sim.result.ttft;
        // The curve is the run's own: its median and p99 are the simulator's.
        const QList<QPointF> &pts = c.series.first().points;
        QVERIFY(pts.size() >= 4);
        auto at = [&](double q) {
            for (const QPointF &pt : pts)
                if (near(pt.y(), q))
                    return pt.x();
            return -1.0;
        };
        QVERIFY2(near(at(0.5), p.p50 * 1e3, 1e-6), qPrintable(QStringLiteral("%1 vs %2").arg(at(0.5)).arg(p.p50 * 1e3)));
        QVERIFY(near(at(0.99), p.p99 * 1e3, 1e-6));
        // The last point is the slowest request, to the histogram's 1 % bucket width.
        QCOMPARE(pts.last().y(), 1.0);
        QVERIFY(near(pts.last().x(), p.max * 1e3, 0.011));
        for (qsizetype i = 1; i < pts.size(); ++i)
            QVERIFY(pts[i].x() >= pts[i - 1].x() && pts[i].y() >= pts[i - 1].y());
        // The SLO is the workload's, from the simulation's configuration.
        const double slo = (tpot ? m_sim.document["slo"]["tpot_ms"] : m_sim.document["slo"]["ttft_ms"]).get<double>();
        if (slo > 0) {
            QCOMPARE(c.series.size(), 2);
            QCOMPARE(c.series[1].points.first().x(), slo);
        }
    }
}

void TestPlanCharts::latencyCdfFallsBackToStoredPercentiles()
{
    // A run stored by `simulate --save` has percentiles and no sampled CDF.
    nlohmann::json doc = m_sim.document;
    doc.erase("ttft_cdf_ms");
    doc.erase("tpot_cdf_ms");
    StoredResult r;
    r.id = 42;
    r.kind = "simulation";
    r.json = doc.dump();
    const PlanChart c = latencyCdfChart(r, false);
    QVERIFY(!c.isEmpty());
    const QList<QPointF> expected{QPointF(doc["ttft_ms"]["p50"].get<double>(), 0.5),
                                  QPointF(doc["ttft_ms"]["p90"].get<double>(), 0.9),
                                  QPointF(doc["ttft_ms"]["p99"].get<double>(), 0.99),
                                  QPointF(doc["ttft_ms"]["max"].get<double>(), 1.0)};
    QCOMPARE(c.series.first().points, expected);
    QVERIFY(c.note.contains(QStringLiteral("percentiles")));
}

void TestPlanCharts::cacheHitsAreTheCacheSweep()
{
    const int requests = 300;
    const PlanChart c = cacheHitChart(m_plan, m_catalog, requests);
    QVERIFY(!c.isEmpty());
    // The first workload, swept here with the same traffic and capacities.
    const Workload &w = m_plan.workloads.front();
    const ChartSeries *line = seriesNamed(c, QString::fromStdString(w.name));
    QVERIFY(line);
    std::vector<long long> caps;
    for (const QPointF &p : line->points)
        caps.push_back(static_cast<long long>(p.x()));
    RequestGenerator source(workloadGeneratorSpec(w, "requests=" + std::to_string(requests) + ",seed=1"));
    const auto sweep = cacheSweep(source, caps);
    QCOMPARE(qsizetype(sweep.size()), line->points.size());
    for (std::size_t i = 0; i < sweep.size(); ++i)
        QCOMPARE(line->points[qsizetype(i)].y(), sweep[i].tokenHitRatio);
    // Each serving pool's tiers are marked at their cumulative capacity, on the curve.
    PlanSimOptions o;
    o.workload = std::to_string(w.id);
    const PlanSimulation ps = buildPlanSimulation(m_plan, m_catalog, o);
    long long firstTier = ps.config.pools.front().tiers.front().capacityBlocks;
    bool marked = false;
    for (const ChartSeries &s : c.series)
        if (s.kind == ChartSeriesKind::Scatter)
            for (const QPointF &p : s.points)
                marked = marked || static_cast<long long>(p.x()) == firstTier;
    QVERIFY(marked);
    // The sweep rises with capacity and ends at the traffic's reuse ceiling, not above 1.
    QVERIFY(line->points.last().y() >= line->points.first().y());
    QVERIFY(line->points.last().y() <= 1.0);
}

void TestPlanCharts::rooflineHasTheDevicesPeaksAndTheMeasuredKernels()
{
    const auto bench = latestStoredResult(m_planPath, "benchmark");
    QVERIFY(bench);
    const PlanChart c = rooflineChart(m_evaluation, bench);
    QCOMPARE(c.sourceRunId, bench->id);
    int devices = 0;
    for (const PoolEvaluation &p : m_evaluation.pools) {
        if (!p.device || p.device->memoryBandwidthTBs <= 0 || !p.device->peakTflops.count(Precision::BF16))
            continue;
        const ChartSeries *s = seriesNamed(c, QString::fromStdString(p.device->id) + QStringLiteral(" BF16"));
        QVERIFY2(s, qPrintable(QString::fromStdString(p.device->id)));
        const double peak = p.device->peakTflops.at(Precision::BF16);
        double top = 0;
        for (const QPointF &pt : s->points) {
            QVERIFY(near(pt.y(), std::min(peak, pt.x() * p.device->memoryBandwidthTBs)));
            top = std::max(top, pt.y());
        }
        QCOMPARE(top, peak);
        ++devices;
    }
    QVERIFY(devices >= 1);
    // The measured kernels, as the run reported them.
    QList<QPointF> expected;
    for (const auto &r : m_bench["results"])
        if (r["kernel"] == "prefill_gemm" && r["status"] == "ok" && r["correct"].get<bool>())
            expected.append(QPointF(r["arithmetic_intensity"].get<double>(), r["flops_per_s"].get<double>() / 1e12));
    const ChartSeries *gemm = seriesNamed(c, QStringLiteral("prefill_gemm"));
    QVERIFY(gemm);
    QCOMPARE(gemm->points, expected);
    // The measured machine's own roofline, from the run's peaks.
    const ChartSeries *machine = seriesNamed(c, QStringLiteral("this machine"));
    QVERIFY(machine);
    double machineTop = 0;
    for (const QPointF &pt : machine->points)
        machineTop = std::max(machineTop, pt.y());
    QVERIFY(near(machineTop, m_bench["calibration"]["peak_flops_per_s"].get<double>() / 1e12));
    // Memory probes are not compute kernels: they are on the memory chart, not here.
    QVERIFY(!seriesNamed(c, QStringLiteral("memory_")));
}

void TestPlanCharts::memoryHierarchyIsTheProbeOrTheCatalogue()
{
    const auto bench = latestStoredResult(m_planPath, "benchmark");
    const PlanChart measured = memoryHierarchyChart(m_evaluation, bench);
    const ChartSeries *probe = seriesNamed(measured, QStringLiteral("measured"));
    QVERIFY(probe);
    QList<QPointF> expected;
    for (const auto &r : m_bench["results"])
        if (r["kernel"] == "memory_bandwidth" && r["variant"] == "read sweep")
            expected.append(QPointF(r["working_set_bytes"].get<double>() / 1e9, r["bytes_per_s"].get<double>() / 1e9));
    QCOMPARE(probe->points, expected);

    // Without a run: the catalogue's figures only, and the note says they are not measurements.
    const PlanChart catalogue = memoryHierarchyChart(m_evaluation, std::nullopt);
    QVERIFY(!seriesNamed(catalogue, QStringLiteral("measured")));
    QVERIFY(catalogue.note.contains(QStringLiteral("not measurements")));
    const PoolEvaluation *h200 = nullptr;
    for (const PoolEvaluation &p : m_evaluation.pools)
        if (!p.tiers.empty() && p.device)
            h200 = &p;
    QVERIFY(h200);
    const ChartSeries *s = seriesNamed(catalogue, QString::fromStdString(h200->name));
    QVERIFY(s);
    QCOMPARE(s->points.size(), qsizetype(1 + h200->tiers.size()));
    QCOMPARE(s->points[0], QPointF(h200->device->memoryGb, h200->device->memoryBandwidthTBs * 1e3));
    QCOMPARE(s->points[1].y(), h200->tiers.front().tier->bandwidthGBs);
}

void TestPlanCharts::rackPowerIsTheEvaluation()
{
    const PlanChart c = rackPowerChart(m_plan, m_evaluation);
    QCOMPARE(c.categories.size(), qsizetype(m_evaluation.racks.size()));
    QCOMPARE(c.series.size(), 2);
    for (std::size_t i = 0; i < m_evaluation.racks.size(); ++i) {
        QCOMPARE(c.series[0].points[qsizetype(i)].y(), m_evaluation.racks[i].powerKw);
        QCOMPARE(c.series[1].points[qsizetype(i)].y(), m_evaluation.racks[i].budgetKw);
        QCOMPARE(c.categories[qsizetype(i)], QString::fromStdString(m_plan.rack(m_evaluation.racks[i].rackId)->name));
    }
    QVERIFY(m_evaluation.racks.front().powerKw > 0);
}

void TestPlanCharts::planWithoutRunsSaysHowToMakeThem()
{
    const QList<PlanChart> charts =
        planCharts(m_plan, m_catalog, m_evaluation, dataDir() + QStringLiteral("/plans/demo.json"));
    QCOMPARE(charts.size(), 6);
    const PlanChart *ttft = chartWithId(charts, QStringLiteral("ttft-cdf"));
    QVERIFY(ttft && ttft->isEmpty());
    QVERIFY(ttft->emptyText.contains(QStringLiteral("tokenroute-cli simulate")));
    const PlanChart *roof = chartWithId(charts, QStringLiteral("roofline"));
    QVERIFY(roof && !roof->isEmpty());   // the catalogue peaks need no run
    QVERIFY(roof->note.contains(QStringLiteral("tokenroute-cli bench")));
}

void TestPlanCharts::seriesSurviveReopeningThePlan()
{
    QTemporaryDir dir;
    const QString path = writableCopy(m_planPath, dir, QStringLiteral("copy.trplan"));
    QVERIFY(!path.isEmpty());
    const QList<PlanChart> charts = planCharts(m_plan, m_catalog, m_evaluation, path);
    const int stored = storeChartSeries(path, charts, true);
    QCOMPARE(stored, 6);
    // Stored again: the run-derived charts are there already; only the plan's own are added.
    QCOMPARE(storeChartSeries(path, charts, false), 0);

    // Reopened from the file: the plan reads back and every chart equals the one stored.
    const Plan reopened = loadPlan(path.toStdString());
    QCOMPARE(reopened.workloads.size(), m_plan.workloads.size());
    const QList<PlanChart> back = storedChartSeries(path);
    QCOMPARE(back.size(), charts.size());
    for (const PlanChart &c : charts) {
        const PlanChart *b = chartWithId(back, c.id);
        QVERIFY2(b, qPrintable(c.id));
        QCOMPARE(b->series, c.series);
        QCOMPARE(b->categories, c.categories);
        QCOMPARE(b->sourceRunId, c.sourceRunId);
        QVERIFY(*b == c);
    }
    // The run ids are the stored runs'.
    QCOMPARE(chartWithId(back, QStringLiteral("ttft-cdf"))->sourceRunId, latestStoredResult(path, "simulation")->id);
    QCOMPARE(chartWithId(back, QStringLiteral("roofline"))->sourceRunId, latestStoredResult(path, "benchmark")->id);
}

void TestPlanCharts::viewDrawsTheSeriesAndStoresThemOnce()
{
    QTemporaryDir dir;
    const QString path = writableCopy(m_planPath, dir, QStringLiteral("view.trplan"));
    QVERIFY(!path.isEmpty());
    PlanDocument document;
    document.open(path);
    QCOMPARE(document.filePath(), QFileInfo(path).absoluteFilePath());
    LiveEvaluation evaluation(&document, &m_catalog);
    ChartsView view(&document, &m_catalog, &evaluation);
    view.resize(1280, 720);
    QCOMPARE(view.charts().size(), 6);
    // The drawn line of the TTFT CDF holds the chart's points.
    const PlanChart &ttft = view.charts().first();
    QCOMPARE(ttft.id, QStringLiteral("ttft-cdf"));
    auto *line = qobject_cast<QLineSeries *>(view.chartViews().first()->chart()->series().first());
    QVERIFY(line);
    QCOMPARE(line->points(), ttft.series.first().points);
    // Run-derived charts (two CDFs, roofline, memory) were stored once, and a refresh adds none.
    const auto countCharts = [&] { return listResults(path.toStdString(), "chart").size(); };
    QCOMPARE(countCharts(), std::size_t(4));
    view.refresh();
    QCOMPARE(countCharts(), std::size_t(4));
}

void TestPlanCharts::shownViewFollowsEdits()
{
    PlanDocument document;
    document.reset(m_plan, m_planPath);
    LiveEvaluation evaluation(&document, &m_catalog);
    ChartsView view(&document, &m_catalog, &evaluation);
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Rack rack = document.plan().racks.front();
    rack.powerBudgetKw += 25;
    document.replaceRack(rack);
    // The evaluation runs on a zero-delay timer; the shown page redraws when it reports.
    QTRY_COMPARE(view.charts().last().series[1].points.first().y(), rack.powerBudgetKw);
    QCOMPARE(view.charts().last().id, QStringLiteral("rack-power"));
}

void TestPlanCharts::olderRunsCanBePicked()
{
    // A second, smaller simulation run stored after the first: the page draws the newest; picking
    // the first draws its CDF again, and "Newest" goes back.
    QTemporaryDir dir;
    const QString path = writableCopy(m_planPath, dir, QStringLiteral("runs.trplan"));
    QVERIFY(!path.isEmpty());
    const long long first = latestStoredResult(path, "simulation")->id;
    SimulationRequest request;
    request.requests = 150;
    request.seed = 9;
    const SimulationOutcome second = runPlanSimulation(m_plan, m_catalog, request, {});
    const long long newest = appendResult(path.toStdString(), "simulation", simulationLabel(second.document), second.document.dump());

    PlanDocument document;
    document.open(path);
    LiveEvaluation evaluation(&document, &m_catalog);
    ChartsView view(&document, &m_catalog, &evaluation);
    QComboBox *box = view.simulationRunBox();
    QCOMPARE(box->count(), 3);   // Newest, then both runs newest first
    QCOMPARE(box->itemData(1).toLongLong(), newest);
    QCOMPARE(box->itemData(2).toLongLong(), first);
    QCOMPARE(view.charts().first().sourceRunId, newest);

    const auto pick = [&](int index) {
        box->setCurrentIndex(index);
        emit box->activated(index);
    };
    pick(2);
    const PlanChart &ttft = view.charts().first();
    QCOMPARE(ttft.sourceRunId, first);
    QCOMPARE(ttft, latencyCdfChart(storedResults(path, "simulation").front(), false));
    QCOMPARE(box->currentIndex(), 2);   // kept across a refresh
    view.refresh();
    QCOMPARE(view.charts().first().sourceRunId, first);
    pick(0);
    QCOMPARE(view.charts().first().sourceRunId, newest);
    // The benchmark picker lists the one stored run.
    QCOMPARE(view.benchmarkRunBox()->count(), 2);
}

void TestPlanCharts::exportWritesPngAndSvg()
{
    PlanDocument document;
    document.reset(m_plan, m_planPath);
    LiveEvaluation evaluation(&document, &m_catalog);
    ChartsView view(&document, &m_catalog, &evaluation);
    QTemporaryDir dir;
    for (QChartView *chart : view.chartViews()) {
        const QString png = dir.filePath(chart->objectName() + QStringLiteral(".png"));
        const QString svg = dir.filePath(chart->objectName() + QStringLiteral(".svg"));
        QVERIFY(exportChartPng(chart, png, QSize(800, 500)));
        QVERIFY(exportChartSvg(chart, svg, QSize(800, 500)));
        QImage image(png);
        QCOMPARE(image.size(), QSize(800, 500));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        while (!xml.atEnd() && !xml.isStartElement())
            xml.readNext();
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
    // Nothing half-written is left beside the files.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2 * view.chartViews().size());
}

void TestPlanCharts::csvRoundTrips_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("plain") << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), QStringLiteral("2")}};
    QTest::newRow("comma quote newline")
        << QList<QStringList>{{QStringLiteral("name"), QStringLiteral("note")},
                              {QStringLiteral("Row A, Rack 1"), QStringLiteral("says \"hot\"\r\nsecond line")}};
    QTest::newRow("empty fields") << QList<QStringList>{{QString(), QString(), QStringLiteral("x")}, {QString(), QString(), QString()}};
    QTest::newRow("unicode") << QList<QStringList>{{QStringLiteral("機架"), QStringLiteral("H200 → decode")}};
}

void TestPlanCharts::csvRoundTrips()
{
    QFETCH(QList<QStringList>, rows);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    QVERIFY(writeCsv(path, rows));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.endsWith("\r\n"));   // RFC 4180 records end in CRLF
    QCOMPARE(parseCsv(data), rows);
    // A chart's table round-trips too.
    const QList<QStringList> table = chartTable(rackPowerChart(m_plan, m_evaluation));
    QCOMPARE(parseCsv(toCsv(table)), table);
}

void TestPlanCharts::screenshot()
{
    const QString outDir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set TOKENROUTE_SCREENSHOT_DIR to write charts.png");
    PlanDocument document;
    document.reset(m_plan, m_planPath);
    LiveEvaluation evaluation(&document, &m_catalog);
    ChartsView view(&document, &m_catalog, &evaluation);
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(200);
    QVERIFY(view.grab().save(QDir(outDir).filePath(QStringLiteral("charts.png")), "PNG"));
}

QTEST_MAIN(TestPlanCharts)
#include "test_plan_charts.moc"
