// The plan report, offscreen, on the demo plan: the PDF is a real multi-page PDF with the plan's
// racks, routes and router reasons; every chart writes a PNG that loads and an SVG that parses;
// the tables round-trip through CSV and hold the evaluation's figures; and the command line's
// `report` writes the PDF and one PNG per chart with no display.

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/route/reasons.h"
#include "core/route/routebuilder.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/charts/tablecsv.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/report/planreport.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

QString demoPath()
{
    return dataDir() + QStringLiteral("/plans/demo.json");
}

// Pages of a PDF as Qt writes it: one "/Type /Page" object per page (the page tree is "/Pages").
int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    int n = 0;
    auto it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

bool isSvg(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    if (xml.name().toString() != QStringLiteral("svg"))
        return false;
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QStringList kChartIds{QStringLiteral("cost-by-workload"), QStringLiteral("cost-by-pool"),
                            QStringLiteral("operating-curves"), QStringLiteral("ttft-cdf"),
                            QStringLiteral("tpot-cdf"),         QStringLiteral("prefix-cache-hits"),
                            QStringLiteral("roofline"),         QStringLiteral("memory-hierarchy"),
                            QStringLiteral("rack-power")};

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reportNamesEveryChart();
    void pdfIsValidWithSeveralPages();
    void htmlHoldsRacksRoutesAndReasons();
    void chartsWritePngAndSvg();
    void tablesRoundTripAndMatchTheEvaluation();
    void failedWriteLeavesNoFile();
    void cliWritesPdfAndPngs();

private:
    QTemporaryDir m_dir;
    Catalog m_catalog;
    Plan m_plan;
    std::unique_ptr<PlanReport> m_report;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QStandardPaths::setTestModeEnabled(true);
    tokenroute::initResources();
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    m_plan = loadPlan(demoPath().toStdString());
    m_report = std::make_unique<PlanReport>(m_plan, m_catalog, demoPath());
}

void TestReport::reportNamesEveryChart()
{
    QStringList ids;
    for (const ReportChart &c : m_report->charts()) {
        QVERIFY(c.view);
        ids.append(c.id);
    }
    QCOMPARE(ids, kChartIds);
}

void TestReport::pdfIsValidWithSeveralPages()
{
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(m_report->writePdf(path, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    // Title, racks, routing, costs, then one page per chart.
    const int pages = pdfPageCount(pdf);
    QVERIFY2(pages >= 3 + kChartIds.size(), qPrintable(QString::number(pages)));
}

void TestReport::htmlHoldsRacksRoutesAndReasons()
{
    const QString html = m_report->html();
    QVERIFY(html.contains(QString::fromStdString(m_plan.name).toHtmlEscaped()));
    for (const Rack &r : m_plan.racks)
        QVERIFY(html.contains(QString::fromStdString(r.name).toHtmlEscaped()));
    // The router's own reasons, as the core words them.
    const PlanRouting routing = routePlan(m_plan, m_catalog);
    for (const WorkloadRouting &w : routing.result.workloads)
        QVERIFY2(html.contains(QString::fromStdString(describe(w.binding, w.name)).toHtmlEscaped()),
                 qPrintable(QString::fromStdString(w.name)));
    QCOMPARE(html.count(QStringLiteral("page-break-before")), 3 + kChartIds.size());
}

void TestReport::chartsWritePngAndSvg()
{
    const QString dir = m_dir.filePath(QStringLiteral("charts"));
    QStringList written;
    QString error;
    QVERIFY2(m_report->writeChartImages(dir, true, &written, &error), qPrintable(error));
    QCOMPARE(written.size(), 2 * kChartIds.size());
    for (const QString &id : kChartIds) {
        QImage png(QDir(dir).filePath(id + QStringLiteral(".png")));
        QVERIFY2(!png.isNull(), qPrintable(id));
        QVERIFY(png.width() >= 800);
        QVERIFY2(isSvg(QDir(dir).filePath(id + QStringLiteral(".svg"))), qPrintable(id));
    }
    // Only the pictures: no temporary file was left beside them.
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), written.size());
}

void TestReport::tablesRoundTripAndMatchTheEvaluation()
{
    const QString dir = m_dir.filePath(QStringLiteral("tables"));
    QStringList written;
    QString error;
    QVERIFY2(m_report->writeTables(dir, &written, &error), qPrintable(error));
    QVERIFY(written.size() >= 5);
    const QList<QStringList> racks = parseCsv(readAll(QDir(dir).filePath(QStringLiteral("racks.csv"))));
    QCOMPARE(racks, m_report->rackTable());
    const Evaluation ev = evaluate(m_plan, m_catalog);
    QCOMPARE(racks.size(), qsizetype(ev.racks.size() + 1));
    for (std::size_t i = 0; i < ev.racks.size(); ++i)
        QCOMPARE(racks[qsizetype(i) + 1][3].toDouble(), std::round(ev.racks[i].powerKw * 100) / 100);
    const QList<QStringList> routes = parseCsv(readAll(QDir(dir).filePath(QStringLiteral("routes.csv"))));
    QCOMPARE(routes, m_report->routeTable());
    QVERIFY(routes.size() > 1);
    for (const QString &file : written)
        QCOMPARE(parseCsv(toCsv(parseCsv(readAll(file)))), parseCsv(readAll(file)));
}

void TestReport::failedWriteLeavesNoFile()
{
    // A directory that does not exist cannot take the PDF: the call fails and says where.
    const QString path = m_dir.filePath(QStringLiteral("missing/dir/report.pdf"));
    QString error;
    QVERIFY(!m_report->writePdf(path, &error));
    QVERIFY(error.contains(QStringLiteral("report.pdf")));
    QVERIFY(!QFile::exists(path));
}

void TestReport::cliWritesPdfAndPngs()
{
    const QString cli = QStringLiteral(TOKENROUTE_BINARY_DIR "/app/tokenroute-cli");
    if (!QFile::exists(cli))
        QSKIP("tokenroute-cli is not built in this build directory");
    const QString out = m_dir.filePath(QStringLiteral("cli-report"));
    QProcess p;
    // No display and no platform named: the command must choose the offscreen platform itself.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("TOKENROUTE_DATA_DIR"), dataDir());
    p.setProcessEnvironment(env);
    p.start(cli, {QStringLiteral("report"), demoPath(), QStringLiteral("--out"), out});
    QVERIFY(p.waitForFinished(240000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QByteArray pdf = readAll(QDir(out).filePath(QStringLiteral("report.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdfPageCount(pdf) >= 3);
    for (const QString &id : kChartIds)
        QVERIFY2(!QImage(QDir(out).filePath(id + QStringLiteral(".png"))).isNull(), qPrintable(id));
    // Other commands run with no Qt platform at all (the report is the only one that starts Qt).
    QProcess list;
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    list.setProcessEnvironment(env);
    list.start(cli, {QStringLiteral("catalog"), QStringLiteral("devices")});
    QVERIFY(list.waitForFinished(60000));
    QVERIFY2(list.exitCode() == 0, list.readAllStandardError().constData());
}

QTEST_MAIN(TestReport)
#include "test_report.moc"
