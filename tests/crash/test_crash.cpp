// Crash safety of the two ways the CLI writes a user's file, checked by killing it with SIGKILL:
//  - `simulate --save` appends a run to a SQLite plan in one transaction (WAL mode). The kill is
//    sent the moment the plan's WAL file holds frames, i.e. inside the write; the plan must then
//    open without repair, pass integrity_check and hold exactly what it held before (plus the new
//    run, complete, if the commit reached the WAL before the kill).
//  - `plan export` writes the JSON form to FILE.saving and renames it over FILE. The kill is sent
//    the moment FILE.saving exists; FILE must still be the previous export, byte for byte.
// Each kill must land before the process finished (it dies of SIGKILL); a run that ended first is
// retried with a larger one.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/plan/planio.h"
#include "core/plan/planvalidate.h"

extern char **environ;

using namespace tokenroute;
namespace fs = std::filesystem;

namespace {

const std::string kDemoPlan = TOKENROUTE_DATA_DIR "/plans/demo.json";

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Size of a file, or -1 when it does not exist.
long long fileSize(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

pid_t spawnCli(const std::vector<std::string> &args, const std::string &logPath)
{
    std::vector<std::string> argv{TOKENROUTE_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char *> raw;
    for (auto &a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (logPath + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

enum class KillOutcome { Killed, FinishedFirst, Failed };

// Polls (without sleeping, so the write's short window is not missed) until trigger() holds, then
// sends SIGKILL. Killed only when the process died of that signal; FinishedFirst when it exited on
// its own before the trigger (or before the signal landed).
template <typename Trigger>
KillOutcome killWhen(pid_t pid, Trigger trigger, std::chrono::seconds limit, bool &triggered)
{
    triggered = false;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    for (;;) {
        if (trigger()) {
            triggered = true;
            break;
        }
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            return KillOutcome::FinishedFirst;
        if (std::chrono::steady_clock::now() > deadline)
            break;
    }
    ::kill(pid, SIGKILL);
    if (::waitpid(pid, &status, 0) != pid)
        return KillOutcome::Failed;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? KillOutcome::Killed : KillOutcome::FinishedFirst;
}

std::string integrityCheck(const std::string &path)
{
    sqlite3 *db = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            result = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
}

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWhileStoringASimulationRun();
    void killedWhileSimulating();
    void killedWhileExportingJson();
};

void TestCrash::initTestCase()
{
    QVERIFY2(fs::exists(TOKENROUTE_CLI), TOKENROUTE_CLI);
    ::setenv("TOKENROUTE_DATA_DIR", TOKENROUTE_DATA_DIR, 1);
}

void TestCrash::killedWhileStoringASimulationRun()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string dir = scratch.path().toStdString();
    const std::string base = dir + "/base.trplan";
    savePlanSqlite(loadPlan(kDemoPlan), base);
    appendResult(base, "simulation", "earlier run", R"({"requests": 6, "note": "stored before the crash"})");
    const Plan planBefore = loadPlan(base);
    const std::vector<StoredResult> resultsBefore = listResults(base, "");
    QCOMPARE(resultsBefore.size(), std::size_t(1));

    int killedInWrite = 0;
    long long requests = 4000;
    for (int attempt = 0; attempt < 6 && killedInWrite == 0; ++attempt, requests *= 2) {
        const std::string plan = dir + "/plan-" + std::to_string(attempt) + ".trplan";
        fs::copy_file(base, plan);
        const std::string wal = plan + "-wal";
        const pid_t pid = spawnCli({"simulate", plan, "--generate", "workload,requests=" + std::to_string(requests), "--save",
                                    "--json"},
                                   dir + "/simulate.log");
        QVERIFY(pid > 0);
        bool triggered = false;
        const KillOutcome outcome = killWhen(pid, [&] { return fileSize(wal) > 0; }, std::chrono::seconds(240), triggered);
        QVERIFY(outcome != KillOutcome::Failed);
        if (outcome == KillOutcome::FinishedFirst) {
            qInfo("attempt %d: %lld requests finished before the kill; retrying with more", attempt, requests);
            continue;
        }
        QVERIFY2(triggered, "the simulation never started writing to the plan");
        ++killedInWrite;

        // Opens without repair, and SQLite finds nothing wrong with the file.
        const Plan after = loadPlan(plan);
        QVERIFY(after == planBefore);
        QCOMPARE(integrityCheck(plan), std::string("ok"));
        const std::vector<StoredResult> results = listResults(plan, "");
        QVERIFY2(results.size() == 1 || results.size() == 2, std::to_string(results.size()).c_str());
        QCOMPARE(results.front().id, resultsBefore.front().id);
        QCOMPARE(results.front().label, resultsBefore.front().label);
        QCOMPARE(results.front().json, resultsBefore.front().json);
        if (results.size() == 2) {
            // Committed just before the kill: then the whole run is there.
            QVERIFY(nlohmann::json::accept(results.back().json));
            QVERIFY(nlohmann::json::parse(results.back().json).contains("workload"));
        }
        qInfo("attempt %d: killed inside the write (%lld requests); plan intact, %zu result(s)", attempt, requests,
              results.size());
    }
    QVERIFY2(killedInWrite > 0, "no run could be killed while it wrote to the plan");
}

// A kill in the middle of the simulation itself (long before the write) leaves the plan untouched.
void TestCrash::killedWhileSimulating()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string plan = scratch.path().toStdString() + "/plan.trplan";
    savePlanSqlite(loadPlan(kDemoPlan), plan);
    const std::string bytes = readFile(plan);
    const pid_t pid = spawnCli({"simulate", plan, "--generate", "workload,requests=100000000", "--save"},
                               scratch.path().toStdString() + "/simulate.log");
    QVERIFY(pid > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    bool triggered = false;
    QVERIFY(killWhen(pid, [] { return true; }, std::chrono::seconds(1), triggered) == KillOutcome::Killed);
    QVERIFY(loadPlan(plan) == loadPlan(kDemoPlan));
    QVERIFY(listResults(plan, "").empty());
    QCOMPARE(integrityCheck(plan), std::string("ok"));
    QVERIFY(readFile(plan) == bytes);
}

void TestCrash::killedWhileExportingJson()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string dir = scratch.path().toStdString();
    // A large plan (1 000 racks, 1 000 workloads) so that the export takes a while to write.
    Plan big = loadPlan(kDemoPlan);
    const Rack rack = big.racks.front();
    const Workload workload = big.workloads.front();
    for (int i = 0; i < 1000; ++i) {
        Rack r = rack;
        r.id = 100000 + i;
        r.name = "Rack " + std::to_string(i) + " " + std::string(200, 'r');
        r.row = 10 + i / 20;
        r.position = i % 20;
        big.racks.push_back(r);
    }
    for (std::size_t i = big.workloads.size(); i < kMaxPlanWorkloads; ++i) {
        Workload w = workload;
        w.id = 200000 + static_cast<int>(i);
        w.name = "Workload " + std::to_string(i) + " " + std::string(200, 'w');
        big.workloads.push_back(w);
    }
    const std::string source = dir + "/big.trplan";
    savePlanSqlite(big, source);
    const Plan bigLoaded = loadPlan(source);
    const std::string out = dir + "/export.json";
    savePlanJson(loadPlan(kDemoPlan), out);  // the previous export, a different (small) plan
    const std::string previous = readFile(out);
    const std::string saving = out + ".saving";

    int killedInWrite = 0;
    for (int attempt = 0; attempt < 20 && killedInWrite < 3; ++attempt) {
        fs::remove(saving);
        const pid_t pid = spawnCli({"plan", "export", source, "--out", out, "--force"}, dir + "/export.log");
        QVERIFY(pid > 0);
        bool triggered = false;
        const KillOutcome outcome = killWhen(pid, [&] { return fileSize(saving) >= 0; }, std::chrono::seconds(120), triggered);
        QVERIFY(outcome != KillOutcome::Failed);
        const std::string now = readFile(out);
        if (outcome == KillOutcome::FinishedFirst || now != previous) {
            // The export completed (before the kill, or the rename won the race): then it is whole.
            QVERIFY(loadPlan(out) == bigLoaded);
            savePlanJson(loadPlan(kDemoPlan), out);
            continue;
        }
        QVERIFY(triggered);
        ++killedInWrite;
        QVERIFY(now == previous);
        QVERIFY(loadPlan(out) == loadPlan(kDemoPlan));
    }
    qInfo("%d export(s) killed while FILE.saving was being written; the previous file was intact each time", killedInWrite);
    QVERIFY2(killedInWrite > 0, "no export could be killed while it wrote");
}

QTEST_APPLESS_MAIN(TestCrash)
#include "test_crash.moc"
