// The Simulation tab on the demo plan, offscreen. Every figure the view shows is compared with a
// run of the core simulator made here with the same plan, workload and seed; a long run is
// cancelled and the plan file must be byte-for-byte what it was.

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "core/sim/generator.h"
#include "core/sim/simplan.h"
#include "core/sim/simulator.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/format.h"
#include "ui/mainwindow.h"
#include "ui/plandocument.h"
#include "ui/sim/simulationview.h"
#include "ui/translations.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool within(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(1e-9, std::abs(b));
}

} // namespace

class TestUiSim : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void generatedRunShowsTheEnginesFigures();
    void cdfFollowsTheRunsPercentiles();
    void saveNeedsASqlitePlan();
    void cancelStopsALongRunAndKeepsThePlanFile();
    void savedRunsAreListedAgain();
    void screenshot();

private:
    bool runAndWait(SimulationView *view, int timeoutMs = 120000);
    SimResult engineRun(long long requests, std::uint64_t seed) const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_work;
    Catalog m_catalog;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<SimulationView> m_view;
};

void TestUiSim::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_work.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_sim"));
    tokenroute::initResources();
    installTranslations(*qApp);
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    QVERIFY(!m_catalog.models.empty());
}

void TestUiSim::init()
{
    m_document = std::make_unique<PlanDocument>();
    m_document->open(dataDir() + QStringLiteral("/plans/demo.json"));
    m_view = std::make_unique<SimulationView>(m_document.get(), &m_catalog);
    m_view->resize(1400, 900);
}

void TestUiSim::cleanup()
{
    m_view.reset();
    m_document.reset();
}

bool TestUiSim::runAndWait(SimulationView *view, int timeoutMs)
{
    QSignalSpy finished(view, &SimulationView::runFinished);
    view->runButton()->click();
    // A short run can end before the click returns; its signal still comes through the event loop.
    return finished.count() > 0 || finished.wait(timeoutMs);
}

SimResult TestUiSim::engineRun(long long requests, std::uint64_t seed) const
{
    // The core simulator driven directly, as the command line does for
    // "simulate PLAN --generate workload,requests=N --seed S".
    const Plan &plan = m_document->plan();
    PlanSimOptions po;
    po.workload = std::to_string(plan.workloads.front().id);
    po.seed = seed;
    const PlanSimulation ps = buildPlanSimulation(plan, m_catalog, po);
    GeneratorSpec gs = workloadGeneratorSpec(*plan.workload(ps.workloadId), std::string());
    gs.requests = requests;
    gs.seed = seed;
    RequestGenerator gen(gs);
    return simulate(ps.config, gen);
}

void TestUiSim::generatedRunShowsTheEnginesFigures()
{
    m_view->requestsBox()->setValue(2000);
    m_view->seedBox()->setValue(7);
    m_view->workloadBox()->setCurrentIndex(0);
    QVERIFY(runAndWait(m_view.get()));
    const nlohmann::json &shown = m_view->shownRun();
    QVERIFY(shown.is_object());

    const SimResult engine = engineRun(2000, 7);
    QCOMPARE(shown["requests"].get<long long>(), engine.completed);
    QCOMPARE(shown["arrived"].get<long long>(), 2000LL);
    QCOMPARE(shown["rejected"].get<long long>(), engine.rejected);
    QCOMPARE(shown["ttft_ms"]["p50"].get<double>(), engine.ttft.p50 * 1e3);
    QCOMPARE(shown["ttft_ms"]["p99"].get<double>(), engine.ttft.p99 * 1e3);
    QCOMPARE(shown["tpot_ms"]["p90"].get<double>(), engine.tpot.p90 * 1e3);
    QCOMPARE(shown["e2e_ms"]["p99"].get<double>(), engine.e2e.p99 * 1e3);
    QCOMPARE(shown["goodput_rps"].get<double>(), engine.goodputRps);
    QCOMPARE(shown["prefix_hit_ratio"].get<double>(), engine.prefixHitRatio);

    // The tables show those numbers, formatted.
    QTableWidget *lat = m_view->latencyTable();
    QCOMPARE(lat->rowCount(), 3);
    QCOMPARE(lat->item(0, 1)->text(), formatNumber(engine.ttft.p50 * 1e3, 1));
    QCOMPARE(lat->item(0, 2)->text(), formatNumber(engine.ttft.p90 * 1e3, 1));
    QCOMPARE(lat->item(0, 3)->text(), formatNumber(engine.ttft.p99 * 1e3, 1));
    QCOMPARE(lat->item(1, 1)->text(), formatNumber(engine.tpot.p50 * 1e3, 1));
    QCOMPARE(lat->item(2, 3)->text(), formatNumber(engine.e2e.p99 * 1e3, 1));
    QVERIFY(m_view->summaryLabel()->text().contains(formatNumber(engine.goodputRps, 2)));
    QVERIFY(m_view->summaryLabel()->text().contains(formatNumber(engine.prefixHitRatio * 100, 1)));

    int tiers = 0;
    for (const SimPoolResult &p : engine.pools)
        for (const SimTierResult &t : p.tiers) {
            QTableWidget *cache = m_view->cacheTable();
            QVERIFY(tiers < cache->rowCount());
            QCOMPARE(cache->item(tiers, 0)->text(), QString::fromStdString(p.name));
            QCOMPARE(cache->item(tiers, 1)->text(), QString::fromStdString(t.name));
            QCOMPARE(cache->item(tiers, 3)->text(), formatNumber(t.hitRatio * 100, 1) + QStringLiteral(" %"));
            ++tiers;
        }
    QVERIFY(tiers > 0);
    QCOMPARE(m_view->cacheTable()->rowCount(), tiers);
    QCOMPARE(m_view->progressBar()->value(), m_view->progressBar()->maximum());

    // Another seed is another run: the view is not showing a fixed answer.
    m_view->seedBox()->setValue(8);
    QVERIFY(runAndWait(m_view.get()));
    const SimResult other = engineRun(2000, 8);
    QCOMPARE(m_view->shownRun()["ttft_ms"]["p90"].get<double>(), other.ttft.p90 * 1e3);
}

void TestUiSim::cdfFollowsTheRunsPercentiles()
{
    m_view->requestsBox()->setValue(2000);
    m_view->seedBox()->setValue(7);
    QVERIFY(runAndWait(m_view.get()));
    const SimResult engine = engineRun(2000, 7);
    const auto series = m_view->cdfView()->chart()->series();
    QVERIFY(!series.isEmpty());
    auto *cdf = qobject_cast<QLineSeries *>(series.first());
    QVERIFY(cdf);
    QVERIFY(cdf->count() > 20);
    // Non-decreasing, from 0 % to 100 %, and through the run's p50 and p90 (same 1 % buckets).
    const auto pts = cdf->points();
    for (qsizetype i = 1; i < pts.size(); ++i) {
        QVERIFY(pts[i].x() >= pts[i - 1].x());
        QVERIFY(pts[i].y() >= pts[i - 1].y());
    }
    QCOMPARE(pts.front().y(), 0.0);
    QCOMPARE(pts.back().y(), 100.0);
    for (const QPointF &p : pts) {
        if (std::abs(p.y() - 50) < 1e-9)
            QVERIFY2(within(p.x(), engine.ttft.p50 * 1e3, 0.02), qPrintable(QString::number(p.x())));
        if (std::abs(p.y() - 90) < 1e-9)
            QVERIFY2(within(p.x(), engine.ttft.p90 * 1e3, 0.02), qPrintable(QString::number(p.x())));
    }
    QVERIFY(within(pts.back().x(), engine.ttft.max * 1e3, 0.01));
}

void TestUiSim::saveNeedsASqlitePlan()
{
    m_view->requestsBox()->setValue(200);
    QVERIFY(runAndWait(m_view.get()));
    QVERIFY(m_view->shownRun().is_object());
    QVERIFY(!m_view->saveButton()->isEnabled());  // demo.json is not a .trplan
}

void TestUiSim::cancelStopsALongRunAndKeepsThePlanFile()
{
    const QString path = m_work.filePath(QStringLiteral("cancel.trplan"));
    m_document->saveAs(path);
    QVERIFY(isSqliteFile(path.toStdString()));
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());

    m_view->requestsBox()->setValue(50000000);  // minutes of simulation
    QSignalSpy finished(m_view.get(), &SimulationView::runFinished);
    m_view->runButton()->click();
    QVERIFY(m_view->isRunning());
    QVERIFY(m_view->cancelButton()->isEnabled());
    QVERIFY(!m_view->runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_view->progressBar()->value() > 0 || m_view->progressBar()->maximum() == 0, 30000);
    QElapsedTimer clock;
    clock.start();
    m_view->cancelButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY(clock.elapsed() < 10000);
    QVERIFY(!m_view->isRunning());
    QVERIFY(m_view->shownRun().is_null());       // a cancelled run is not shown as a result
    QVERIFY(!m_view->saveButton()->isEnabled());
    QVERIFY(m_view->runButton()->isEnabled());
    QCOMPARE(fileHash(path), before);
    QVERIFY(listResults(path.toStdString(), "simulation").empty());
    QCOMPARE(loadPlan(path.toStdString()).workloads.size(), m_document->plan().workloads.size());
}

void TestUiSim::savedRunsAreListedAgain()
{
    const QString path = m_work.filePath(QStringLiteral("runs.trplan"));
    m_document->saveAs(path);
    m_view->requestsBox()->setValue(300);
    m_view->seedBox()->setValue(3);
    QVERIFY(runAndWait(m_view.get()));
    QVERIFY(m_view->saveButton()->isEnabled());
    const nlohmann::json fresh = m_view->shownRun();
    m_view->saveButton()->click();
    QVERIFY(!m_view->saveButton()->isEnabled());  // saved once

    const auto stored = listResults(path.toStdString(), "simulation");
    QCOMPARE(stored.size(), std::size_t(1));
    QVERIFY(nlohmann::json::parse(stored[0].json) == fresh);
    QCOMPARE(m_view->runList()->count(), 1);

    // A fresh view on the same file lists the run and shows it when chosen.
    SimulationView again(m_document.get(), &m_catalog);
    QCOMPARE(again.runList()->count(), 1);
    QVERIFY(again.runList()->item(0)->text().contains(QString::fromStdString(stored[0].label)));
    again.runList()->setCurrentRow(0);
    QVERIFY(again.shownRun() == fresh);
    QCOMPARE(again.latencyTable()->item(0, 1)->text(), formatNumber(fresh["ttft_ms"]["p50"].get<double>(), 1));
    QVERIFY(!again.saveButton()->isEnabled());
}

void TestUiSim::screenshot()
{
    // The main window's Simulation tab after a 2000-request run on the demo plan, 1600x1000; written
    // to the build directory and, when TOKENROUTE_SCREENSHOT_DIR is set, to that folder.
    MainWindow window(&m_catalog, dataDir());
    window.setInteractive(false);
    window.resize(1600, 1000);
    QVERIFY(window.openDemoPlan());
    auto *view = window.findChild<SimulationView *>();
    if (!view)
        QSKIP("the Simulation tab is not in this window");
    window.views()->setCurrentWidget(view);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    view->requestsBox()->setValue(2000);
    QVERIFY(runAndWait(view));
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 1000));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/simulation.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("simulation.png"))));
}

QTEST_MAIN(TestUiSim)
#include "test_ui_sim.moc"
