#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "core/plan/planio.h"
#include "kernels/benchrunner.h"
#include "ui/bench/benchpanel.h"
#include "ui/plandocument.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// One small prefill GEMM case, calibrated: the same functions the full run uses, on a shape that
// takes milliseconds.
kernels::BenchReport tinyRun(const kernels::BenchOptions &o)
{
    kernels::BenchReport report;
    report.startedAt = "2026-11-30T08:00:00Z";
    report.quick = true;
    kernels::CaseContext ctx;
    ctx.threads = 1;
    ctx.policy.warmups = 1;
    ctx.policy.minRepeats = 3;
    ctx.policy.maxRepeats = 3;
    ctx.policy.minTotalMs = 0;
    if (o.progress)
        o.progress("tiny run");
    report.results.push_back(kernels::runPrefillGemm({64, 64, 64}, ctx));
    kernels::CalibrationInputs in;
    in.device = "cpu";
    in.deviceId = "this-machine-cpu";
    in.deviceName = "test cpu";
    in.deviceKind = "cpu";
    in.peakFlops = 1e12;
    in.peakFlopsSource = "test figure";
    in.peakBandwidth = 1e10;
    in.peakBandwidthSource = "test figure";
    in.source = "tiny run";
    report.calibrations.push_back(kernels::calibrate(report.results, in));
    report.devicesRun = {"cpu"};
    return report;
}

} // namespace

class TestUiBench : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_planPath;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_planPath = m_dir.filePath(QStringLiteral("bench.trplan"));
        savePlanSqlite(loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json"), m_planPath.toStdString());
    }

    void cancelStopsQuickRunAndKeepsPlan()
    {
        PlanDocument document;
        document.open(m_planPath);
        const QByteArray before = fileHash(m_planPath);
        BenchPanel panel(&document);
        QSignalSpy progress(&panel, &BenchPanel::progressLine);
        QSignalSpy finished(&panel, &BenchPanel::finished);
        panel.run();
        QVERIFY(panel.isRunning());
        QVERIFY(progress.wait(30000));
        panel.cancel();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!panel.isRunning());
        QVERIFY(!panel.report().has_value());
        QCOMPARE(panel.resultsTable()->rowCount(), 0);
        QCOMPARE(fileHash(m_planPath), before);
        QVERIFY(listResults(m_planPath.toStdString(), "benchmark").empty());
    }

    void tinyRunFillsTableAndStores()
    {
        PlanDocument document;
        document.open(m_planPath);
        BenchPanel panel(&document);
        panel.setRunner(tinyRun);
        QSignalSpy finished(&panel, &BenchPanel::finished);
        panel.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(panel.report().has_value());
        const kernels::KernelResult &r = panel.report()->results.at(0);
        QVERIFY(!r.failed);
        QTableWidget *table = panel.resultsTable();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(table->item(0, 0)->text().startsWith(QStringLiteral("prefill_gemm")));
        QCOMPARE(table->item(0, 1)->text(), QString::fromStdString(r.shape));
        QCOMPARE(table->item(0, 3)->text(), QString::number(r.timing.medianMs, 'f', 3));
        QCOMPARE(table->item(0, 4)->text(), QString::number(r.flopsPerSecond * 1e-9, 'f', 1));
        QCOMPARE(table->item(0, 7)->text(), r.correct ? QStringLiteral("yes") : QStringLiteral("no"));

        QCOMPARE(panel.historyTable()->rowCount(), 0);
        panel.useAsCalibration();
        const auto stored = listResults(m_planPath.toStdString(), "benchmark");
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(panel.historyTable()->rowCount(), 1);
        QVERIFY(stored.front().json.find("\"this-machine-cpu\"") != std::string::npos);
    }

    void screenshot()
    {
        // A real quick run on this machine, shown at 1600x1000; written to the build directory and,
        // when TOKENROUTE_SCREENSHOT_DIR is set, to that folder.
        PlanDocument document;
        document.open(m_planPath);
        BenchPanel panel(&document);
        panel.resize(1600, 1000);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy finished(&panel, &BenchPanel::finished);
        panel.run();
        QVERIFY(finished.wait(280000));
        QVERIFY(panel.resultsTable()->rowCount() > 0);
        QCoreApplication::processEvents();
        const QImage image = panel.grab().toImage();
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/benchmarks.png")));
        const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("benchmarks.png"))));
    }
};

QTEST_MAIN(TestUiBench)
#include "test_ui_bench.moc"
