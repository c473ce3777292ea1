// The Compare tab: two plans' figures and their deltas. The figures are checked against the core's
// own evaluation and routing of each plan, computed here independently of the view; every delta
// is checked to be the difference of the two; the one-GPU-pool variant against the core's sizing;
// stored simulation runs against their percentiles; the CSV read back holds the table. The screenshot case
// writes resources/screenshots/compare.png when TOKENROUTE_SCREENSHOT_DIR is set.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "core/route/sizing.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/charts/tablecsv.h"
#include "ui/compare/comparisonmodel.h"
#include "ui/compare/compareview.h"
#include "ui/compare/plancomparison.h"
#include "ui/compare/planvariant.h"
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

// Figures are sums and ratios of doubles: equal to a few ulps of the larger magnitude.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

// The plan-wide figures, recomputed here from the core's evaluation and routing of one plan.
struct Expected {
    double capex = 0, power = 0, hourly = 0, kw = 0, devices = 0;
    double unservedPct = 0, usdPerMOutput = 0;
};

Expected expectedOf(const Plan &plan, const Catalog &catalog)
{
    const Evaluation ev = evaluate(plan, catalog);
    const PlanRouting routing = routePlan(plan, catalog);
    Expected e;
    for (const PoolEvaluation &p : ev.pools) {
        e.capex += p.cost.capexUsd;
        e.power += p.cost.energyUsdPerHour;
        e.devices += p.devices;
    }
    e.hourly = ev.usdPerHour;
    e.kw = ev.itPowerKw;
    double demanded = 0, unserved = 0, servedOut = 0;
    for (const Workload &w : plan.workloads) {
        demanded += w.ratePerS * (w.inputMean + w.outputMean);
        for (const WorkloadRouting &r : routing.result.workloads)
            if (r.workloadId == w.id) {
                unserved += r.unservedPerS * (w.inputMean + w.outputMean);
                servedOut += (r.demandPerS - r.unservedPerS) * w.outputMean;
            }
    }
    e.unservedPct = demanded > 0 ? unserved / demanded * 100 : 0;
    e.usdPerMOutput = servedOut > 0 ? routing.result.usdPerHour / (servedOut * 3600) * 1e6 : 0;
    return e;
}

PlanFigures figuresOf(const QString &label, const Plan &plan, const Catalog &catalog,
                      const std::vector<std::pair<std::string, SimulatedLatency>> &simulated = {})
{
    const Evaluation ev = evaluate(plan, catalog);
    const PlanRouting routing = routePlan(plan, catalog);
    return planFigures(label, plan, ev, &routing, simulated);
}

const ComparisonRow *findRow(const std::vector<ComparisonRow> &rows, const QString &metric, const QString &workload = {})
{
    for (const ComparisonRow &r : rows)
        if (r.metric == metric && r.workload == workload)
            return &r;
    return nullptr;
}

nlohmann::json simulationDocument(const std::string &workload, double ttftP99, double tpotP99, bool cancelled = false)
{
    nlohmann::json j;
    j["workload"] = workload;
    j["ttft_ms"] = {{"p50", ttftP99 / 4}, {"p90", ttftP99 / 2}, {"p99", ttftP99}};
    j["tpot_ms"] = {{"p50", tpotP99 / 3}, {"p90", tpotP99 / 2}, {"p99", tpotP99}};
    j["throughput_rps"] = 10.0;
    j["goodput_rps"] = 9.0;
    j["cancelled"] = cancelled;
    return j;
}

} // namespace

class TestUiCompare : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void deltasAreTheDifferenceOfTheEvaluations_data();
    void deltasAreTheDifferenceOfTheEvaluations();
    void verdictFollowsWhichWayIsBetter();
    void variantIsOneCombinedPoolSizedByTheSizing();
    void simulatedPercentilesOnlyWhenBothPlansHaveRuns();
    void deltaTextCarriesItsSign();
    void viewComparesWithTheOnePoolVariant();
    void viewComparesWithAPlanFile();
    void viewSaysWhyWithoutWorkloadsOrFile();
    void screenshot();

private:
    Plan demo() const { return loadPlan((dataDir() + QStringLiteral("/plans/demo.json")).toStdString()); }

    QTemporaryDir m_dir;
    Catalog m_catalog;
};

void TestUiCompare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_compare"));
    tokenroute::initResources();
    installTranslations(*qApp, QStringLiteral("en"));
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    QVERIFY(!m_catalog.accelerators.empty());
}

void TestUiCompare::deltasAreTheDifferenceOfTheEvaluations_data()
{
    QTest::addColumn<int>("pair");
    QTest::newRow("demo vs its one-H200-pool variant") << 0;
    QTest::newRow("demo vs demo at twice the traffic") << 1;
    QTest::newRow("demo vs itself") << 2;
}

void TestUiCompare::deltasAreTheDifferenceOfTheEvaluations()
{
    QFETCH(int, pair);
    const Plan a = demo();
    Plan b = a;
    if (pair == 0) {
        b = onePoolVariant(a, m_catalog, "h200").plan;
    } else if (pair == 1) {
        for (Workload &w : b.workloads)
            w.ratePerS *= 2;
    }
    const PlanFigures fa = figuresOf(QStringLiteral("A"), a, m_catalog);
    const PlanFigures fb = figuresOf(QStringLiteral("B"), b, m_catalog);
    const std::vector<ComparisonRow> rows = comparePlans(fa, fb);
    const Expected ea = expectedOf(a, m_catalog);
    const Expected eb = expectedOf(b, m_catalog);

    // Each plan-wide figure is the core's, and its delta the difference of the two evaluations.
    const struct {
        const char *metric;
        double a, b;
    } expected[] = {
        {"Capex", ea.capex, eb.capex},
        {"Power cost", ea.power, eb.power},
        {"Hourly cost, all pools", ea.hourly, eb.hourly},
        {"IT power", ea.kw, eb.kw},
        {"Accelerators", ea.devices, eb.devices},
        {"Unserved demand", ea.unservedPct, eb.unservedPct},
        {"Cost per million output tokens", ea.usdPerMOutput, eb.usdPerMOutput},
    };
    for (const auto &e : expected) {
        const ComparisonRow *r = findRow(rows, QString::fromLatin1(e.metric));
        QVERIFY2(r, e.metric);
        QVERIFY2(r->a && r->b && r->delta, e.metric);
        QVERIFY2(near(*r->a, e.a), qPrintable(QStringLiteral("%1 A: %2 vs %3").arg(QLatin1String(e.metric)).arg(*r->a).arg(e.a)));
        QVERIFY2(near(*r->b, e.b), qPrintable(QStringLiteral("%1 B: %2 vs %3").arg(QLatin1String(e.metric)).arg(*r->b).arg(e.b)));
        QVERIFY2(near(*r->delta, e.b - e.a), e.metric);
        if (e.a != 0)
            QVERIFY2(near(*r->deltaFraction, (e.b - e.a) / std::abs(e.a)), e.metric);
    }

    // Per workload: TTFT and TPOT of the route carrying the largest share, as the router gives them.
    const PlanRouting ra = routePlan(a, m_catalog);
    const PlanRouting rb = routePlan(b, m_catalog);
    auto bestRoute = [](const PlanRouting &r, const std::string &name) -> const RouteShare * {
        for (const WorkloadRouting &w : r.result.workloads)
            if (w.name == name && !w.routes.empty())
                return &*std::max_element(w.routes.begin(), w.routes.end(),
                                          [](const RouteShare &x, const RouteShare &y) { return x.share < y.share; });
        return nullptr;
    };
    int latencyRows = 0;
    for (const Workload &w : a.workloads) {
        const RouteShare *sa = bestRoute(ra, w.name);
        const RouteShare *sb = bestRoute(rb, w.name);
        const ComparisonRow *ttft = findRow(rows, QStringLiteral("TTFT"), QString::fromStdString(w.name));
        const ComparisonRow *tpot = findRow(rows, QStringLiteral("TPOT"), QString::fromStdString(w.name));
        QVERIFY(ttft && tpot);
        if (!sa || !sb || sa->ratePerS <= 0 || sb->ratePerS <= 0)
            continue;
        QVERIFY(near(*ttft->delta, sb->ttftMs - sa->ttftMs));
        QVERIFY(near(*tpot->delta, sb->tpotMs - sa->tpotMs));
        ++latencyRows;
    }
    QVERIFY(latencyRows >= 2); // the demo routes its workloads in both plans

    // Every row with both figures: the delta is b − a, the verdict says which way it went.
    for (const ComparisonRow &r : rows) {
        if (!r.a || !r.b) {
            QVERIFY(!r.delta);
            QVERIFY(r.verdict == Verdict::NotComparable);
            continue;
        }
        QVERIFY(near(*r.delta, *r.b - *r.a));
        if (pair == 2)
            QVERIFY(r.verdict == Verdict::Same);
    }
}

void TestUiCompare::verdictFollowsWhichWayIsBetter()
{
    PlanFigures a, b;
    a.routed = b.routed = true;
    a.capexUsd = 100;
    b.capexUsd = 80;          // lower capex: better
    a.sloAttainment = 0.9;
    b.sloAttainment = 0.8;    // lower attainment: worse
    a.itPowerKw = b.itPowerKw = 5;
    const std::vector<ComparisonRow> rows = comparePlans(a, b);
    const ComparisonRow *capex = findRow(rows, QStringLiteral("Capex"));
    QVERIFY(capex);
    QVERIFY(capex->verdict == Verdict::Better);
    QVERIFY(near(*capex->delta, -20));
    QVERIFY(near(*capex->deltaFraction, -0.2));
    const ComparisonRow *slo = findRow(rows, QStringLiteral("SLO attainment"));
    QVERIFY(slo);
    QVERIFY(slo->verdict == Verdict::Worse);
    QVERIFY(near(*slo->delta, -10));
    QVERIFY(findRow(rows, QStringLiteral("IT power"))->verdict == Verdict::Same);

    // An unrouted plan has no routing figures, so they are not compared.
    b.routed = false;
    const ComparisonRow *cost = findRow(comparePlans(a, b), QStringLiteral("Cost per million output tokens"));
    QVERIFY(cost && cost->a && !cost->b && !cost->delta);
}

void TestUiCompare::variantIsOneCombinedPoolSizedByTheSizing()
{
    const Plan plan = demo();
    const OnePoolVariant v = onePoolVariant(plan, m_catalog, "h200");
    QCOMPARE(v.plan.pools.size(), size_t(1));
    QVERIFY(v.plan.pools.front().role == PoolRole::Combined);
    QVERIFY(v.plan.workloads == plan.workloads);
    QVERIFY(v.plan.policies == plan.policies);

    // The same number of devices as the sizing's homogeneous H200 solution, in whole servers.
    const SizingResult sized = size(buildSizingProblem(plan, m_catalog, {"h200"}));
    QCOMPARE(sized.homogeneous.size(), size_t(1));
    QVERIFY(sized.homogeneous.front().solved);
    QCOMPARE(v.sizedDevices, sized.homogeneous.front().devices);
    const ServerSpec *server = m_catalog.server(v.serverId);
    QVERIFY(server && server->acceleratorId == "h200");
    QCOMPARE(int(v.plan.items.size()), v.servers);
    const int sizedServers = v.servers - v.serversAddedForRouter;
    QVERIFY(sizedServers * server->acceleratorsPerNode >= v.sizedDevices);
    QVERIFY((sizedServers - 1) * server->acceleratorsPerNode < v.sizedDevices);
    // The router serves what the sizing promised on the final pool, and one server fewer serves less.
    const PlanRouting routed = routePlan(v.plan, m_catalog);
    QCOMPARE(routed.result.unservedTotal, v.routedUnserved);
    QVERIFY2(v.routedUnserved <= v.sizedUnserved + 1e-4,
             qPrintable(QStringLiteral("router leaves %1, sizing %2").arg(v.routedUnserved).arg(v.sizedUnserved)));
    if (v.serversAddedForRouter > 0) {
        Plan fewer = v.plan;
        fewer.items.pop_back();
        QVERIFY(routePlan(fewer, m_catalog).result.unservedTotal > v.routedUnserved);
    }
    for (const PlacedItem &item : v.plan.items) {
        QCOMPARE(item.poolId, v.plan.pools.front().id);
        QVERIFY(item.catalogId == v.serverId);
    }

    // It evaluates cleanly: one pool of that many GPUs, racks within their space and power.
    const Evaluation ev = evaluate(v.plan, m_catalog);
    QCOMPARE(ev.pools.size(), size_t(1));
    QCOMPARE(ev.pools.front().devices, v.servers * server->acceleratorsPerNode);
    for (const EvaluationIssue &issue : ev.issues) {
        QVERIFY(issue.code != EvaluationIssueCode::RackOverPower);
        QVERIFY(issue.code != EvaluationIssueCode::RackOverUnits);
    }

    // The candidates put the plan's own GPU first; a device no server carries is refused.
    const std::vector<std::string> candidates = onePoolCandidates(plan, m_catalog);
    QVERIFY(!candidates.empty());
    QVERIFY(candidates.front() == std::string("h200"));
    QVERIFY_THROWS_EXCEPTION(std::exception, onePoolVariant(plan, m_catalog, "no-such-gpu"));
    QVERIFY(!cheapestOnePoolDevice(plan, m_catalog).empty());
}

void TestUiCompare::simulatedPercentilesOnlyWhenBothPlansHaveRuns()
{
    const Plan plan = demo();
    const QString pathA = m_dir.filePath(QStringLiteral("a.trplan"));
    const QString pathB = m_dir.filePath(QStringLiteral("b.trplan"));
    savePlanSqlite(plan, pathA.toStdString());
    savePlanSqlite(plan, pathB.toStdString());
    // A: an older run, then the latest; a cancelled run is never the one compared.
    appendResult(pathA.toStdString(), "simulation", "old", simulationDocument("Support chat", 900, 90).dump());
    appendResult(pathA.toStdString(), "simulation", "new", simulationDocument("Support chat", 400, 40).dump());
    appendResult(pathA.toStdString(), "simulation", "stopped", simulationDocument("Support chat", 1, 1, true).dump());
    appendResult(pathA.toStdString(), "simulation", "only A", simulationDocument("Coding agent", 700, 70).dump());
    appendResult(pathB.toStdString(), "simulation", "b", simulationDocument("Support chat", 300, 50).dump());

    const auto simA = storedSimulations(pathA);
    const auto simB = storedSimulations(pathB);
    QCOMPARE(simA.size(), size_t(2));
    const std::vector<ComparisonRow> rows =
        comparePlans(figuresOf(QStringLiteral("A"), plan, m_catalog, simA), figuresOf(QStringLiteral("B"), plan, m_catalog, simB));
    const ComparisonRow *ttft = findRow(rows, QStringLiteral("TTFT p99 (simulated)"), QStringLiteral("Support chat"));
    QVERIFY(ttft);
    QVERIFY(near(*ttft->a, 400) && near(*ttft->b, 300) && near(*ttft->delta, -100));
    QVERIFY(ttft->verdict == Verdict::Better);
    const ComparisonRow *tpot = findRow(rows, QStringLiteral("TPOT p50 (simulated)"), QStringLiteral("Support chat"));
    QVERIFY(tpot && near(*tpot->delta, 50.0 / 3 - 40.0 / 3));
    QVERIFY(tpot->verdict == Verdict::Worse);
    // Simulated in one plan only: no simulated rows for that workload.
    QVERIFY(!findRow(rows, QStringLiteral("TTFT p99 (simulated)"), QStringLiteral("Coding agent")));
    // A JSON plan holds no runs.
    QVERIFY(storedSimulations(dataDir() + QStringLiteral("/plans/demo.json")).empty());
}

void TestUiCompare::deltaTextCarriesItsSign()
{
    QCOMPARE(formatDelta(-1.25, 2), QStringLiteral("\u22121.25"));
    QCOMPARE(formatDelta(1234.5, 1), QStringLiteral("+1,234.5"));
    QCOMPARE(formatDelta(0.0001, 1), QStringLiteral("±0"));
    QCOMPARE(formatDeltaFraction(-0.125), QStringLiteral("\u221212.5 %"));
    QCOMPARE(formatDeltaFraction(0.5), QStringLiteral("+50 %"));
}

void TestUiCompare::viewComparesWithTheOnePoolVariant()
{
    PlanDocument document;
    document.open(dataDir() + QStringLiteral("/plans/demo.json"));
    LiveEvaluation evaluation(&document, &m_catalog);
    CompareView view(&document, &m_catalog, &evaluation);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.compareWithOnePool(QStringLiteral("h200"));
    QVERIFY(view.message().isEmpty());
    QVERIFY(view.against() == CompareView::Against::OnePoolVariant);
    QCOMPARE(view.model()->rowCount(), int(view.rows().size()));
    QVERIFY(view.rows().size() >= 8 + 4 * document.plan().workloads.size());

    // A is the live evaluation of the document, B the variant: the same figures the core gives.
    const Expected ea = expectedOf(document.plan(), m_catalog);
    const Expected eb = expectedOf(onePoolVariant(document.plan(), m_catalog, "h200").plan, m_catalog);
    const ComparisonRow *capex = findRow(view.rows(), QStringLiteral("Capex"));
    QVERIFY(capex && near(*capex->a, ea.capex) && near(*capex->b, eb.capex) && near(*capex->delta, eb.capex - ea.capex));

    // Better and worse are said in words and tinted; the change column carries its sign.
    ComparisonModel *model = view.model();
    int tinted = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto verdict = Verdict(model->index(row, 0).data(ComparisonModel::VerdictRole).toInt());
        const QModelIndex change = model->index(row, ComparisonModel::ChangeColumn);
        const QString word = model->index(row, ComparisonModel::VerdictColumn).data().toString();
        if (verdict == Verdict::Better || verdict == Verdict::Worse) {
            QVERIFY(change.data(Qt::BackgroundRole).value<QBrush>().color().isValid()
                    || change.data(Qt::BackgroundRole).value<QColor>().isValid());
            QCOMPARE(word, verdict == Verdict::Better ? QStringLiteral("better") : QStringLiteral("worse"));
            const QString text = change.data().toString();
            QVERIFY2(text.startsWith(QLatin1Char('+')) || text.startsWith(QChar(0x2212)), qPrintable(text));
            ++tinted;
        }
    }
    QVERIFY(tinted >= 3);
    QVERIFY(model->headerData(ComparisonModel::BColumn, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("H200")));

    // An edit to the plan reaches both sides: A directly, B through a rebuilt variant.
    Plan edited = document.plan();
    for (Workload &w : edited.workloads)
        w.ratePerS *= 2;
    document.reset(edited);
    view.refresh();
    const Expected ea2 = expectedOf(document.plan(), m_catalog);
    const ComparisonRow *hourly = findRow(view.rows(), QStringLiteral("Cost per million output tokens"));
    QVERIFY(hourly && near(*hourly->a, ea2.usdPerMOutput));

    // The CSV holds the table: a header, then every row with unformatted figures.
    const QString csvPath = m_dir.filePath(QStringLiteral("comparison.csv"));
    QVERIFY(view.exportCsv(csvPath));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QList<QStringList> csv = parseCsv(bytes);
    QCOMPARE(csv.size(), int(view.rows().size()) + 1);
    const int capexRow = int(std::distance(view.rows().data(), findRow(view.rows(), QStringLiteral("Capex")))) + 1;
    QCOMPARE(csv[capexRow][0], QStringLiteral("Capex"));
    QCOMPARE(csv[capexRow].last(), QStringLiteral("capex"));
    QVERIFY(csv[0][ComparisonModel::BColumn].contains(QStringLiteral("H200")));
    QVERIFY(near(csv[capexRow][ComparisonModel::ChangeColumn].toDouble(), *findRow(view.rows(), QStringLiteral("Capex"))->delta));
}

void TestUiCompare::viewComparesWithAPlanFile()
{
    PlanDocument document;
    document.open(dataDir() + QStringLiteral("/plans/demo.json"));
    LiveEvaluation evaluation(&document, &m_catalog);
    CompareView view(&document, &m_catalog, &evaluation);

    Plan other = document.plan();
    other.pools.erase(std::remove_if(other.pools.begin(), other.pools.end(), [](const Pool &p) { return p.role == PoolRole::Edge; }),
                      other.pools.end());
    const QString path = m_dir.filePath(QStringLiteral("without-edge.json"));
    savePlanJson(other, path.toStdString());
    QVERIFY(view.compareWithFile(path));
    QVERIFY(view.against() == CompareView::Against::PlanFile);
    QCOMPARE(view.figuresB().label, QStringLiteral("without-edge"));
    const Expected ea = expectedOf(document.plan(), m_catalog);
    const Expected eb = expectedOf(other, m_catalog);
    const ComparisonRow *devices = findRow(view.rows(), QStringLiteral("Accelerators"));
    QVERIFY(devices && near(*devices->delta, eb.devices - ea.devices));
    QVERIFY(*devices->delta < 0);

    // An unreadable file leaves a message that names it, not a table.
    const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    QVERIFY(!view.compareWithFile(broken));
    QVERIFY(view.message().contains(QStringLiteral("broken.json")));
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestUiCompare::viewSaysWhyWithoutWorkloadsOrFile()
{
    PlanDocument document;
    LiveEvaluation evaluation(&document, &m_catalog);
    CompareView view(&document, &m_catalog, &evaluation);
    view.refresh();
    QVERIFY(view.message().contains(QStringLiteral("no workloads")));
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestUiCompare::screenshot()
{
    // The demo plan against its one-GPU-pool variant (the GPU the sizing finds cheapest), at a
    // projector's 1280x720, written to the build directory and, when TOKENROUTE_SCREENSHOT_DIR is
    // set (installer/screenshot-compare.sh), to that folder.
    PlanDocument document;
    document.open(dataDir() + QStringLiteral("/plans/demo.json"));
    LiveEvaluation evaluation(&document, &m_catalog);
    CompareView view(&document, &m_catalog, &evaluation);
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.compareWithOnePool();
    QCoreApplication::processEvents();
    QVERIFY(view.message().isEmpty());
    const QImage image = view.grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 720));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/compare.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("compare.png"))));
}

QTEST_MAIN(TestUiCompare)
#include "test_ui_compare.moc"
