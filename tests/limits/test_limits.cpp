// Limits: each oversized input either completes in bounded memory and time or is refused with an
// InputError that names the field and the limit. Kept fast (seconds): oversized plans are built
// cheaply (empty workload entries, rows copied inside SQLite), and the huge trace is streamed
// through a FIFO from a writer thread, so nothing large touches the disk.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QtTest>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/plan/planvalidate.h"
#include "core/route/routebuilder.h"
#include "core/sim/generator.h"
#include "core/sim/simplan.h"
#include "core/sim/simulator.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

#if defined(__SANITIZE_ADDRESS__)
#define TOKENROUTE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOKENROUTE_ASAN 1
#endif
#endif

using namespace tokenroute;
namespace fs = std::filesystem;

namespace {

const std::string kDemoPlan = TOKENROUTE_DATA_DIR "/plans/demo.json";

const Catalog &catalog()
{
    static const Catalog c = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    return c;
}

void exec(sqlite3 *db, const std::string &sql)
{
    char *msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        const std::string why = msg ? msg : "?";
        sqlite3_free(msg);
        throw std::runtime_error("sqlite: " + why + " in " + sql);
    }
}

// Runs f, which must throw InputError whose message holds every one of `words`.
template <typename F>
void expectRefused(F f, std::initializer_list<std::string> words)
{
    try {
        f();
    } catch (const InputError &e) {
        const std::string m = e.what();
        for (const auto &w : words)
            QVERIFY2(m.find(w) != std::string::npos, ("expected \"" + w + "\" in: " + m).c_str());
        return;
    }
    QFAIL("accepted");
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Peak resident memory since the last reset, in MB; -1 where /proc cannot tell or reset it.
bool resetPeakMemory()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

double peakMemoryMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

double currentMemoryMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void hundredThousandWorkloadsJsonRefused();
    void hundredThousandWorkloadsSqliteRefused();
    void workloadLimitItselfLoadsAndSaves();
    void thousandRacksHandled();
    void billionRequestsPerSecondHandled();
    void rateAboveTheLimitRefused();
    void generatedStreamBounded();
    void endlessTraceLineBounded();
    void traceLineLimitIsExact();
    void hugeTraceStreamsInBoundedMemory();
};

void TestLimits::hundredThousandWorkloadsJsonRefused()
{
    QTemporaryDir scratch;
    const std::string path = scratch.path().toStdString() + "/many.json";
    {
        std::ofstream out(path);
        out << R"({"format": "tokenroute-plan", "version": 2, "name": "many", "racks": [], "workloads": [)";
        for (int i = 0; i < 100000; ++i)
            out << (i ? ",{}" : "{}");
        out << "]}";
    }
    const auto start = std::chrono::steady_clock::now();
    expectRefused([&] { loadPlan(path); }, {path, "workloads", "at most 1000 workloads in one plan, got 100000"});
    QVERIFY2(seconds(start) < 20, "refused, but only after reading every entry");
}

void TestLimits::hundredThousandWorkloadsSqliteRefused()
{
    QTemporaryDir scratch;
    const std::string path = scratch.path().toStdString() + "/many.trplan";
    savePlanSqlite(loadPlan(kDemoPlan), path);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    // Copy the first workload 100 000 times under new ids, whatever the table's columns are.
    std::string columns, values;
    sqlite3_stmt *st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "PRAGMA table_info(workloads)", -1, &st, nullptr), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const std::string c = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
        columns += (columns.empty() ? "" : ", ") + c;
        values += (values.empty() ? "" : ", ") + (c == "id" ? std::string("1000000 + n.i") : c == "name" ? "'w' || n.i" : c);
    }
    sqlite3_finalize(st);
    exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) INSERT INTO workloads (" +
                 columns + ") SELECT " + values + " FROM n, (SELECT * FROM workloads ORDER BY id LIMIT 1)");
    sqlite3_close(db);
    const auto start = std::chrono::steady_clock::now();
    expectRefused([&] { loadPlan(path); }, {path, "workloads", "at most 1000 workloads in one plan, got 100004"});
    QVERIFY(seconds(start) < 60);
}

// Exactly at the limit the plan is an ordinary plan: both forms save and load it.
void TestLimits::workloadLimitItselfLoadsAndSaves()
{
    QTemporaryDir scratch;
    Plan plan = loadPlan(kDemoPlan);
    const Workload first = plan.workloads.front();
    for (std::size_t i = plan.workloads.size(); i < kMaxPlanWorkloads; ++i) {
        Workload w = first;
        w.id = 100000 + static_cast<int>(i);
        w.name = "w" + std::to_string(i);
        plan.workloads.push_back(w);
    }
    const std::string sqlitePath = scratch.path().toStdString() + "/limit.trplan";
    const std::string jsonPath = scratch.path().toStdString() + "/limit.json";
    savePlanSqlite(plan, sqlitePath);
    savePlanJson(plan, jsonPath);
    QCOMPARE(loadPlan(sqlitePath).workloads.size(), kMaxPlanWorkloads);
    QVERIFY(loadPlan(jsonPath) == loadPlan(sqlitePath));
    plan.workloads.push_back(first);
    plan.workloads.back().id = 99999;
    expectRefused([&] { savePlanSqlite(plan, scratch.path().toStdString() + "/over.trplan"); },
                  {"workloads", "at most 1000 workloads in one plan, got 1001"});
}

// 1 000 racks of four servers each (4 000 items in one pool): stored, read, evaluated and routed.
void TestLimits::thousandRacksHandled()
{
    QTemporaryDir scratch;
    Plan plan = loadPlan(kDemoPlan);
    const Rack rack = plan.racks.front();
    PlacedItem server;
    for (const PlacedItem &it : plan.items)
        if (it.catalogId == "hgx-h200")
            server = it;
    QVERIFY(server.id != 0);
    int nextId = 500000;
    for (int r = 0; r < 1000; ++r) {
        Rack k = rack;
        k.id = nextId++;
        k.name = "Hall rack " + std::to_string(r);
        k.row = 100 + r / 25;
        k.position = r % 25;
        plan.racks.push_back(k);
        for (int s = 0; s < 4; ++s) {
            PlacedItem it = server;
            it.id = nextId++;
            it.name = "H200 " + std::to_string(r) + "." + std::to_string(s);
            it.rackId = k.id;
            it.uPosition = 1 + 8 * s;
            plan.items.push_back(it);
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string path = scratch.path().toStdString() + "/hall.trplan";
    savePlanSqlite(plan, path);
    const Plan back = loadPlan(path);
    QCOMPARE(back.racks.size(), plan.racks.size());
    QVERIFY(back == plan);
    const Evaluation ev = evaluate(back, catalog());
    QCOMPARE(ev.racks.size(), back.racks.size());
    QVERIFY(std::isfinite(ev.usdPerHour) && ev.usdPerHour > 0);
    QVERIFY(std::isfinite(ev.itPowerKw) && ev.itPowerKw > 0);
    const PlanRouting pr = routePlan(back, catalog());
    QVERIFY(pr.result.solved);
    QVERIFY(std::isfinite(pr.result.usdPerHour));
    qInfo("1000 racks, %zu items: saved, loaded, evaluated and routed in %.1f s", back.items.size(), seconds(start));
    QVERIFY(seconds(start) < 120);
}

// 1e9 requests/s is the largest rate a plan accepts: it loads, evaluates and routes to finite numbers
// (the workload is left unserved, as no plan can carry it), and a simulation of it runs a bounded
// stream.
void TestLimits::billionRequestsPerSecondHandled()
{
    QTemporaryDir scratch;
    Plan plan = loadPlan(kDemoPlan);
    plan.workloads.front().ratePerS = 1e9;
    const std::string path = scratch.path().toStdString() + "/rate.trplan";
    savePlanSqlite(plan, path);
    const Plan back = loadPlan(path);
    QCOMPARE(back.workloads.front().ratePerS, 1e9);
    const Evaluation ev = evaluate(back, catalog());
    QVERIFY(std::isfinite(ev.usdPerHour));
    const PlanRouting pr = routePlan(back, catalog());
    QVERIFY(pr.result.solved);
    QVERIFY(std::isfinite(pr.result.usdPerHour));
    QVERIFY(pr.result.unservedTotal > 0.5);
    // No route meets the SLOs at that rate, so the simulation falls back to the pools by role and
    // leaves out the one that cannot hold the model (the LPU pool), saying so; the stream then runs.
    PlanSimOptions po;
    po.workload = back.workloads.front().name;
    const PlanSimulation ps = buildPlanSimulation(back, catalog(), po);
    QVERIFY(std::any_of(ps.notes.begin(), ps.notes.end(),
                        [](const std::string &n) { return n.find("no SLO-meeting route") != std::string::npos; }));
    QVERIFY(std::any_of(ps.notes.begin(), ps.notes.end(), [](const std::string &n) {
        return n.find("left out: it cannot hold llama-3.1-70b") != std::string::npos;
    }));
    RequestGenerator gen(workloadGeneratorSpec(*back.workload(ps.workloadId), "requests=2000"));
    const SimResult res = simulate(ps.config, gen);
    QCOMPARE(res.arrived, 2000LL);
}

void TestLimits::rateAboveTheLimitRefused()
{
    QTemporaryDir scratch;
    Plan plan = loadPlan(kDemoPlan);
    plan.workloads.front().ratePerS = 2e9;
    expectRefused([&] { savePlanSqlite(plan, scratch.path().toStdString() + "/fast.trplan"); },
                  {"workloads[0].rate_per_s", "at most 1e+09 requests per second, got 2e+09"});
}

// A generated stream must end within a bounded count: 1e9 req/s for an hour asks for 3.6e12
// requests and is refused by name; with requests=N the same rate produces exactly N.
void TestLimits::generatedStreamBounded()
{
    expectRefused([] { GeneratorSpec::parse("rate=1e9,duration=3600"); },
                  {"duration", "at most 1e9 requests in one stream", "3.6e+12", "requests=N"});
    expectRefused([] { GeneratorSpec::parse("rate=5,requests=1500000000"); },
                  {"requests", "at most 1e9 requests in one stream"});
    RequestGenerator gen(GeneratorSpec::parse("rate=1e9,requests=1000,input=fixed:100,output=fixed:10"));
    TraceRequest r;
    long long n = 0;
    double last = 0;
    while (gen.next(r)) {
        ++n;
        QVERIFY(std::isfinite(r.arrivalS) && r.arrivalS >= last);
        last = r.arrivalS;
    }
    QCOMPARE(n, 1000LL);
    QVERIFY(last < 1e-3);
}

// A line with no end (here 256 MB with no newline, streamed through a FIFO) costs the line limit in
// memory, not its length: refused by line number in strict mode, skipped and counted otherwise.
void TestLimits::endlessTraceLineBounded()
{
    QTemporaryDir scratch;
    const std::string fifo = scratch.path().toStdString() + "/endless.jsonl";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const std::size_t lineBytes = std::size_t(256) << 20;
    std::signal(SIGPIPE, SIG_IGN);  // a refused read closes the FIFO; the writer then just stops
    for (const bool strict : {true, false}) {
        std::thread writer([&] {
            std::ofstream out(fifo, std::ios::binary);
            out << "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1}\n{\"timestamp\": 1, \"note\": \"";
            const std::string chunk(1 << 20, 'z');
            for (std::size_t sent = 0; sent < lineBytes && out; sent += chunk.size())
                out << chunk;
            out << "\"}\n{\"timestamp\": 2, \"input_length\": 20, \"output_length\": 2}\n";
        });
        const bool canMeasure = resetPeakMemory();
        const double before = currentMemoryMb();
        TraceReadOptions o;
        o.strict = strict;
        long long read = 0;
        try {
            TraceReader in(fifo, TraceFormat::Mooncake, o);
            TraceRequest r;
            while (in.next(r))
                ++read;
            QVERIFY(!strict);
            QCOMPARE(read, 2LL);
            QCOMPARE(in.skippedLines(), 1LL);
            QCOMPARE(in.firstSkipped().front().line, 2LL);
            QVERIFY(in.firstSkipped().front().reason.find("line longer than 1048576 bytes") != std::string::npos);
        } catch (const InputError &e) {
            QVERIFY(strict);
            const std::string m = e.what();
            QVERIFY2(m.find("line 2") != std::string::npos && m.find("line longer than 1048576 bytes") != std::string::npos,
                     m.c_str());
        }
        writer.join();
        const double grew = peakMemoryMb() - before;
        qInfo("%s: peak memory grew by %.1f MB while a 256 MB line went by", strict ? "strict" : "lenient", grew);
#ifndef TOKENROUTE_ASAN
        if (canMeasure)
            QVERIFY2(grew < 64, std::to_string(grew).c_str());
#else
        Q_UNUSED(canMeasure);
#endif
    }
}

void TestLimits::traceLineLimitIsExact()
{
    QTemporaryDir scratch;
    const std::string path = scratch.path().toStdString() + "/limit.csv";
    const std::string row = "2024-03-05 20:15:10.00,4200,12";                       // 30 bytes
    {
        std::ofstream out(path, std::ios::binary);
        out << "TIMESTAMP,ContextTokens,GeneratedTokens\n" << row << "\n" << row << "0\n" << row << "\r\n" << row;
    }
    TraceReadOptions o;
    o.maxLineBytes = 40;  // the header is 39 bytes
    TraceReader lenient(path, TraceFormat::Azure, o);
    TraceRequest r;
    int n = 0;
    while (lenient.next(r))
        ++n;
    QCOMPARE(n, 4);  // 30, 31 and 31 (with \r) bytes and a last line without a newline all fit
    o.maxLineBytes = 30;
    expectRefused([&] { TraceReader(path, TraceFormat::Azure, o); }, {"line 1", "line longer than 30 bytes"});
    o.maxLineBytes = 0;
    expectRefused([&] { TraceReader(path, TraceFormat::Azure, o); }, {"line limit"});
}

// A trace far larger than the reader's buffers (hundreds of MB here; 10 GB by hand) streams in
// constant memory: the reader keeps one line, never the file.
void TestLimits::hugeTraceStreamsInBoundedMemory()
{
    QTemporaryDir scratch;
    const std::string fifo = scratch.path().toStdString() + "/big.jsonl";
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
#ifdef TOKENROUTE_ASAN
    const long long lines = 20000;
#else
    const long long lines = 600000;  // about 75 MB
#endif
    std::atomic<long long> bytes{0};
    std::signal(SIGPIPE, SIG_IGN);
    std::thread writer([&] {
        std::ofstream out(fifo, std::ios::binary);
        std::string line;
        for (long long i = 0; i < lines && out; ++i) {
            line = "{\"timestamp\": " + std::to_string(i) + ", \"input_length\": 1536, \"output_length\": 64, \"hash_ids\": [" +
                   std::to_string(3 * i) + ", " + std::to_string(3 * i + 1) + ", " + std::to_string(3 * i + 2) + "]}\n";
            out << line;
            bytes += static_cast<long long>(line.size());
        }
    });
    const bool canMeasure = resetPeakMemory();
    const double before = currentMemoryMb();
    TraceReadOptions o;
    o.strict = true;
    TraceReader in(fifo, TraceFormat::Mooncake, o);
    TraceRequest r;
    long long n = 0;
    while (in.next(r))
        ++n;
    writer.join();
    QCOMPARE(n, lines);
    const double grew = peakMemoryMb() - before;
    qInfo("streamed %lld requests (%.0f MB); peak memory grew by %.1f MB", n, bytes.load() / 1048576.0, grew);
#ifndef TOKENROUTE_ASAN
    if (canMeasure)
        QVERIFY2(grew < 32, std::to_string(grew).c_str());
#else
    Q_UNUSED(canMeasure);
#endif
}

QTEST_APPLESS_MAIN(TestLimits)
#include "test_limits.moc"
