// The bridge from a stored benchmark run to the performance model's Calibration: parsing the
// document the kernels write, picking the latest run stored with a plan, matching the device and
// replacing only the factors that were measured.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/calibrationstore.h"
#include "core/plan/planio.h"
#include "core/util/error.h"

using namespace tokenroute;
using nlohmann::json;

class TestCalibration : public QObject {
    Q_OBJECT

    json fixture() const
    {
        std::ifstream in(TOKENROUTE_TEST_DATA "/calibration/benchmark-cpu.json");
        return json::parse(in);
    }

private slots:
    void parsesFactorsAndMachine()
    {
        const StoredCalibration s = calibrationFromBenchmarkJson(fixture(), "fixture");
        QCOMPARE(s.deviceId, std::string("this-machine-cpu"));
        QCOMPARE(s.deviceKind, std::string("cpu"));
        QCOMPARE(s.calibration.prefillEtaCompute, 0.42);
        QCOMPARE(s.calibration.prefillEtaMemory, 0.03);
        QCOMPARE(s.calibration.decodeEtaCompute, 0.0);   // null: not measured
        QCOMPARE(s.calibration.decodeEtaMemory, 0.61);
        QCOMPARE(s.calibration.source, std::string("kernels run 2026-11-30T07:00:00Z on testhost"));
        QVERIFY(s.thisMachine.has_value());
        const Accelerator &a = *s.thisMachine;
        QCOMPARE(a.id, std::string("this-machine-cpu"));
        QVERIFY(a.category == DeviceCategory::Cpu);
        QCOMPARE(a.peakTflops.at(Precision::FP32), 0.256);
        QCOMPARE(a.memoryBandwidthTBs, 0.02);
        QCOMPARE(a.memoryGb, 64.0);
        QCOMPARE(a.sramMb, 105.0);
        QCOMPARE(a.etaCompute, 0.42);
        QCOMPARE(a.etaMemory, 0.61);
    }

    void rejectsBadDocuments_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("field");
        QTest::newRow("no calibration") << "drop-calibration" << "calibration";
        QTest::newRow("factor above one") << "eta-above-one" << "calibration.decode_eta_memory";
        QTest::newRow("factor as text") << "eta-text" << "calibration.prefill_eta_compute";
        QTest::newRow("no device id") << "drop-id" << "calibration.device_id";
    }
    void rejectsBadDocuments()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, field);
        json doc = fixture();
        if (mutation == QLatin1String("drop-calibration"))
            doc["calibration"] = nullptr;
        else if (mutation == QLatin1String("eta-above-one"))
            doc["calibration"]["decode_eta_memory"] = 1.5;
        else if (mutation == QLatin1String("eta-text"))
            doc["calibration"]["prefill_eta_compute"] = "high";
        else
            doc["calibration"].erase("device_id");
        try {
            calibrationFromBenchmarkJson(doc, "bad.json");
            QFAIL("accepted a bad document");
        } catch (const InputError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(QLatin1String("bad.json")) && what.contains(field), qPrintable(what));
        }
    }

    void matchesDevices_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("same id") << "this-machine-cpu" << "whatever" << true;
        QTest::newRow("name inside measured name") << "xeon-8480" << "Platinum 8480+" << true;
        QTest::newRow("other device") << "h200" << "H200" << false;
        QTest::newRow("empty name") << "x" << "" << false;
    }
    void matchesDevices()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        const StoredCalibration s = calibrationFromBenchmarkJson(fixture(), "fixture");
        Accelerator a;
        a.id = id.toStdString();
        a.name = name.toStdString();
        QCOMPARE(calibrationMatches(s, a), matches);
    }

    void replacesOnlyMeasuredFactors()
    {
        const StoredCalibration s = calibrationFromBenchmarkJson(fixture(), "fixture");
        Accelerator device;
        device.etaCompute = 0.6;
        device.etaMemory = 0.8;
        Calibration cal;
        cal.stepOverheadUs = 12;
        const std::vector<std::string> lines = applyCalibration(s, device, cal);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0], std::string("prefill eta compute 0.6 -> 0.42"));
        QCOMPARE(lines[2], std::string("decode eta memory 0.8 -> 0.61"));
        QCOMPARE(cal.decodeEtaCompute, 0.0);
        QCOMPARE(cal.decodeEtaMemory, 0.61);
        QCOMPARE(cal.stepOverheadUs, 12.0);
        QCOMPARE(cal.source, s.calibration.source);
    }

    void readsLatestStoredRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string plan = dir.filePath(QStringLiteral("p.trplan")).toStdString();
        savePlanSqlite(loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json"), plan);
        QVERIFY(!latestStoredCalibration(plan).has_value());

        json older = fixture();
        older["calibration"]["decode_eta_memory"] = 0.5;
        appendResult(plan, "benchmark", "older", older.dump());
        appendResult(plan, "simulation", "not a benchmark", "{}");
        appendResult(plan, "benchmark", "newer", fixture().dump());
        const auto s = latestStoredCalibration(plan);
        QVERIFY(s.has_value());
        QCOMPARE(s->calibration.decodeEtaMemory, 0.61);
        QVERIFY(!s->storedAt.empty());
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "test_calibration.moc"
