// Hostile inputs for every reader: the plan (SQLite and JSON), the catalogue, HF config.json and the
// three trace formats. Each case in tests/data/hostile/manifest.json must end in an InputError whose
// message names the file and contains the expected words: no crash, no hang, no value let through.
// Cases too large or too binary to commit (deep nesting, long strings, damaged SQLite files) are
// written into a temporary folder by the generators below; the manifest names them the same way.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/catalog/catalog.h"
#include "core/model/hfconfig.h"
#include "core/plan/plan.h"
#include "core/plan/planio.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

using namespace tokenroute;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = TOKENROUTE_TEST_DATA "/hostile";
const std::string kCatalogDir = TOKENROUTE_DATA_DIR "/catalog";
const std::string kDemoPlan = TOKENROUTE_DATA_DIR "/plans/demo.json";

// Deep enough that a recursive descent of one frame per level would overflow an 8 MB stack.
constexpr int kDeepLevels = 100000;

void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
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

// A plan saved as SQLite from the demo plan, the base of the damaged-database cases.
std::string savedDemo(const std::string &dir, const std::string &name)
{
    const std::string path = dir + "/" + name;
    savePlanSqlite(loadPlan(kDemoPlan), path);
    return path;
}

// Generators: name -> writes the case into `dir` and returns its path.
using Generator = std::function<std::string(const std::string &dir)>;

const std::map<std::string, Generator> &generators()
{
    static const std::map<std::string, Generator> g = {
        {"plan-deep-array", [](const std::string &d) {
             const std::string p = d + "/deep.json";
             writeFile(p, "{\"format\": \"tokenroute-plan\", \"version\": 2, \"name\": " + std::string(kDeepLevels, '['));
             return p;
         }},
        {"plan-deep-closed", [](const std::string &d) {
             const std::string p = d + "/deep-closed.json";
             writeFile(p, "{\"format\": \"tokenroute-plan\", \"version\": 2, \"racks\": " + std::string(kDeepLevels, '[') +
                              std::string(kDeepLevels, ']') + "}");
             return p;
         }},
        {"plan-long-name", [](const std::string &d) {
             const std::string p = d + "/long-name.json";
             std::string text = readFile(kCorpus + "/plan/rack-units-zero.json");
             const auto at = text.find("\"Hostile base\"");
             text.replace(at, 14, "\"" + std::string(8 << 20, 'x') + "\"");
             writeFile(p, text);
             return p;
         }},
        {"plan-not-sqlite", [](const std::string &d) {
             // SQLite's magic header followed by noise: told apart by content, then refused.
             const std::string p = d + "/not-sqlite.trplan";
             std::string bytes("SQLite format 3\0", 16);
             for (int i = 0; i < 8192; ++i)
                 bytes.push_back(static_cast<char>((i * 131 + 7) & 0xff));
             writeFile(p, bytes);
             return p;
         }},
        {"plan-sqlite-truncated", [](const std::string &d) {
             const std::string p = savedDemo(d, "truncated.trplan");
             const std::string bytes = readFile(p);
             writeFile(p, bytes.substr(0, bytes.size() / 3));
             return p;
         }},
        {"plan-sqlite-foreign-schema", [](const std::string &d) {
             const std::string p = d + "/foreign.trplan";
             sqlite3 *db = nullptr;
             sqlite3_open(p.c_str(), &db);
             exec(db, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES(1, 'x');");
             sqlite3_close(db);
             return p;
         }},
        {"plan-sqlite-newer-version", [](const std::string &d) {
             const std::string p = savedDemo(d, "newer.trplan");
             sqlite3 *db = nullptr;
             sqlite3_open(p.c_str(), &db);
             exec(db, "PRAGMA user_version = 9999");
             sqlite3_close(db);
             return p;
         }},
        {"plan-sqlite-dropped-table", [](const std::string &d) {
             const std::string p = savedDemo(d, "dropped.trplan");
             sqlite3 *db = nullptr;
             sqlite3_open(p.c_str(), &db);
             exec(db, "DROP TABLE workloads");
             sqlite3_close(db);
             return p;
         }},
        {"plan-sqlite-wrong-type", [](const std::string &d) {
             const std::string p = savedDemo(d, "wrongtype.trplan");
             sqlite3 *db = nullptr;
             sqlite3_open(p.c_str(), &db);
             exec(db, "UPDATE workloads SET rate_per_s = 'fast'");
             sqlite3_close(db);
             return p;
         }},
        {"plan-sqlite-nan-rate", [](const std::string &d) {
             const std::string p = savedDemo(d, "nanrate.trplan");
             sqlite3 *db = nullptr;
             sqlite3_open(p.c_str(), &db);
             exec(db, "UPDATE workloads SET rate_per_s = 1e308 * 10");
             sqlite3_close(db);
             return p;
         }},
        {"catalog-deep-array", [](const std::string &d) {
             const std::string p = d + "/deep-catalog.json";
             writeFile(p, "{\"accelerators\": " + std::string(kDeepLevels, '[') + std::string(kDeepLevels, ']') + "}");
             return p;
         }},
        {"hfconfig-deep-object", [](const std::string &d) {
             const std::string p = d + "/deep-config.json";
             std::string text = "{\"hidden_size\": ";
             for (int i = 0; i < kDeepLevels; ++i)
                 text += "{\"a\":";
             writeFile(p, text);
             return p;
         }},
        {"hfconfig-long-model-type", [](const std::string &d) {
             const std::string p = d + "/long-type.json";
             nlohmann::json j = nlohmann::json::parse(readFile(kCorpus + "/hfconfig/layers-zero.json"));
             j["num_hidden_layers"] = 32;
             j["model_type"] = std::string(8 << 20, 'q');
             j["hidden_size"] = -1;
             writeFile(p, j.dump());
             return p;
         }},
        {"mooncake-deep-line", [](const std::string &d) {
             const std::string p = d + "/deep.jsonl";
             writeFile(p, "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1, \"hash_ids\": [0]}\n"
                          "{\"timestamp\": 1, \"input_length\": 10, \"output_length\": 1, \"hash_ids\": " +
                              std::string(kDeepLevels, '[') + std::string(kDeepLevels, ']') + "}\n");
             return p;
         }},
        {"mooncake-long-line", [](const std::string &d) {
             // A 64 MB line with no newline: read to its end, refused, no hang.
             const std::string p = d + "/long.jsonl";
             writeFile(p, "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1, \"hash_ids\": [0]}\n"
                          "{\"timestamp\": 1, \"note\": \"" + std::string(64 << 20, 'z'));
             return p;
         }},
        {"plan-too-many-workloads", [](const std::string &d) {
             // 100 000 (empty) workloads: refused by count before any entry is read.
             const std::string p = d + "/many-workloads.json";
             std::string text = "{\"format\": \"tokenroute-plan\", \"version\": 2, \"name\": \"many\", \"racks\": [], \"workloads\": [{}";
             for (int i = 1; i < 100000; ++i)
                 text += ",{}";
             writeFile(p, text + "]}");
             return p;
         }},
        {"burstgpt-no-newline", [](const std::string &d) {
             // A header, then 4 MB with no newline: read past in bounded memory, refused by line.
             const std::string p = d + "/no-newline.csv";
             writeFile(p, "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n" + std::string(4 << 20, '7'));
             return p;
         }},
        {"azure-long-field", [](const std::string &d) {
             const std::string p = d + "/long.csv";
             writeFile(p, "TIMESTAMP,ContextTokens,GeneratedTokens\n2024-03-05 20:15:10.0,4200,12\n2024-03-05 20:15:10.1," +
                              std::string(16 << 20, '9') + ",10\n");
             return p;
         }},
    };
    return g;
}

std::string traceFormatOf(const std::string &reader)
{
    return reader.substr(std::string("trace-").size());
}

// Runs one reader to the end; returns normally only when the input was accepted.
void runReader(const std::string &reader, const std::string &path, const std::string &scratch,
               const std::string &replaces, std::string &named)
{
    named = path;
    if (reader == "plan") {
        loadPlan(path);
    } else if (reader == "catalog") {
        const std::string dir = scratch + "/catalog";
        fs::remove_all(dir);
        fs::copy(kCatalogDir, dir);
        named = dir + "/" + replaces;
        fs::copy_file(path, named, fs::copy_options::overwrite_existing);
        loadCatalog(dir);
    } else if (reader == "hfconfig") {
        loadHfConfig(path);
    } else if (reader.rfind("trace-", 0) == 0) {
        const auto format = traceFormatFromString(traceFormatOf(reader));
        if (!format)
            throw std::runtime_error("unknown trace format in manifest: " + reader);
        TraceReadOptions options;
        options.strict = true;
        TraceReader in(path, *format, options);
        TraceRequest r;
        while (in.next(r)) {
        }
    } else {
        throw std::runtime_error("unknown reader in manifest: " + reader);
    }
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void everyCommittedFileIsInTheManifest();
    void sqlMetacharactersRoundTrip();
    void walLeftBehindIsReplayed();
};

void TestHostile::corpus_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("generate");
    QTest::addColumn<QString>("replaces");
    QTest::addColumn<QStringList>("expect");
    const nlohmann::json manifest = nlohmann::json::parse(readFile(kCorpus + "/manifest.json"));
    for (const auto &c : manifest.at("cases")) {
        QStringList expect;
        for (const auto &e : c.at("expect"))
            expect << QString::fromStdString(e.get<std::string>());
        const std::string name = c.value("file", c.value("generate", std::string("?")));
        QTest::newRow(name.c_str()) << QString::fromStdString(c.at("reader").get<std::string>())
                                    << QString::fromStdString(c.value("file", std::string()))
                                    << QString::fromStdString(c.value("generate", std::string()))
                                    << QString::fromStdString(c.value("replaces", std::string()))
                                    << expect;
    }
    QVERIFY(manifest.at("cases").size() >= 40);
}

void TestHostile::corpus()
{
    QFETCH(QString, reader);
    QFETCH(QString, file);
    QFETCH(QString, generate);
    QFETCH(QString, replaces);
    QFETCH(QStringList, expect);

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string dir = scratch.path().toStdString();
    std::string path;
    if (!generate.isEmpty()) {
        const auto it = generators().find(generate.toStdString());
        QVERIFY2(it != generators().end(), qPrintable(QStringLiteral("no generator ") + generate));
        path = it->second(dir);
    } else {
        path = kCorpus + "/" + file.toStdString();
        QVERIFY2(fs::exists(path), path.c_str());
    }

    std::string named;
    try {
        runReader(reader.toStdString(), path, dir, replaces.toStdString(), named);
    } catch (const InputError &e) {
        const std::string message = e.what();
        QVERIFY2(message.find(named) != std::string::npos, ("does not name the file: " + message.substr(0, 400)).c_str());
        for (const QString &want : expect)
            QVERIFY2(message.find(want.toStdString()) != std::string::npos,
                     ("expected \"" + want.toStdString() + "\" in: " + message.substr(0, 400)).c_str());
        QVERIFY2(message.size() < 4096, ("the message repeats too much of the input: " + message.substr(0, 200)).c_str());
        return;
    } catch (const std::exception &e) {
        QFAIL(("not an InputError: " + std::string(e.what()).substr(0, 400)).c_str());
    }
    QFAIL(("accepted: " + path).c_str());
}

void TestHostile::everyCommittedFileIsInTheManifest()
{
    const nlohmann::json manifest = nlohmann::json::parse(readFile(kCorpus + "/manifest.json"));
    std::set<std::string> listed;
    for (const auto &c : manifest.at("cases"))
        if (c.contains("file"))
            listed.insert(c.at("file").get<std::string>());
    for (const auto &entry : fs::recursive_directory_iterator(kCorpus)) {
        if (!entry.is_regular_file() || entry.path().parent_path() == fs::path(kCorpus))
            continue;
        const std::string rel = fs::relative(entry.path(), kCorpus).generic_string();
        QVERIFY2(listed.count(rel) == 1, ("not in manifest.json: " + rel).c_str());
    }
}

// Names holding quotes, semicolons, comment markers and NUL-free SQL keywords must come back as written
// from the SQLite form (values are bound, never spliced into statements) and from the JSON form.
void TestHostile::sqlMetacharactersRoundTrip()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string evil = "Robert'); DROP TABLE workloads;-- \"x\" %_ \\ `y` [z] /* c */ \xc3\xa9";
    Plan plan = loadPlan(kDemoPlan);
    plan.name = "plan " + evil;
    plan.description = "desc " + evil;
    for (auto &r : plan.racks)
        r.name = "rack " + evil;
    for (auto &p : plan.pools)
        p.name = "pool " + evil;
    for (auto &i : plan.items)
        i.name = "item " + evil;
    for (auto &w : plan.workloads)
        w.name = "workload " + evil;
    const std::string sqlitePath = scratch.path().toStdString() + "/evil'; --.trplan";
    savePlanSqlite(plan, sqlitePath);
    const Plan back = loadPlan(sqlitePath);
    QCOMPARE(back.name, plan.name);
    QCOMPARE(back.description, plan.description);
    QCOMPARE(back.workloads.size(), plan.workloads.size());
    for (std::size_t i = 0; i < plan.workloads.size(); ++i)
        QCOMPARE(back.workloads[i].name, plan.workloads[i].name);
    QCOMPARE(back.racks.size(), plan.racks.size());
    QCOMPARE(back.racks.front().name, plan.racks.front().name);
    QCOMPARE(back.pools.front().name, plan.pools.front().name);
    QCOMPARE(back.items.back().name, plan.items.back().name);
    QVERIFY(back == plan);

    const std::string jsonPath = scratch.path().toStdString() + "/evil\"; --.json";
    savePlanJson(plan, jsonPath);
    QVERIFY(loadPlan(jsonPath) == plan);

    // Results with the same names are stored and listed back intact.
    appendResult(sqlitePath, "simulation", evil, "{\"label\": \"" + std::string("'; DELETE FROM results; --") + "\"}");
    const auto results = listResults(sqlitePath, "simulation");
    QCOMPARE(results.size(), std::size_t(1));
    QCOMPARE(results.front().label, evil);
}

// A plan whose last write sits in a WAL file next to it (the writer died before a checkpoint):
// opening it replays the committed write rather than failing or losing it.
void TestHostile::walLeftBehindIsReplayed()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const std::string dir = scratch.path().toStdString();
    const std::string live = savedDemo(dir, "live.trplan");
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(live.c_str(), &db), SQLITE_OK);
    exec(db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
    exec(db, "UPDATE plan_info SET name = 'after the WAL write'");
    // Copy while the writer still holds the WAL: the copy is what a crash leaves on disk.
    const std::string copy = dir + "/crashed.trplan";
    fs::copy_file(live, copy);
    QVERIFY(fs::exists(live + "-wal"));
    fs::copy_file(live + "-wal", copy + "-wal");
    sqlite3_close(db);
    const Plan back = loadPlan(copy);
    QCOMPARE(back.name, std::string("after the WAL write"));

    // A WAL of noise beside a good plan is ignored by SQLite (its checksums fail): the plan opens as saved.
    const std::string noisy = savedDemo(dir, "noisy.trplan");
    writeFile(noisy + "-wal", std::string(4096, '\x5a'));
    QCOMPARE(loadPlan(noisy).name, loadPlan(kDemoPlan).name);
}

QTEST_APPLESS_MAIN(TestHostile)
#include "test_hostile.moc"
