// Plan document tests: enum spellings, lookups, both file forms round-tripping exactly, the schema
// migration from a version-1 file, the demo plan, and every kind of bad input named by file and
// field — with the check that a failed save leaves the previous file as it was.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <sstream>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/plan/plan.h"
#include "core/plan/planio.h"
#include "core/plan/planstore.h"
#include "core/util/error.h"

using namespace tokenroute;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = TOKENROUTE_TEST_DATA "/plan";

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Runs SQL on a file directly, bypassing the store, to build fixtures and to tamper with files.
void execSql(const std::string &path, const std::string &sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char *err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, msg.c_str());
}

long long pragmaInt(const std::string &path, const std::string &pragma)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &st, nullptr);
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

std::string pragmaText(const std::string &path, const std::string &pragma)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &st, nullptr);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

// A plan that sets every field away from its default, so a column or key that is dropped or
// swapped on either path shows up as an inequality.
Plan richPlan()
{
    Plan p;
    p.name = "Round trip: every field";
    p.description = "Unicode survives too: µs, 東京, \"quotes\"";
    p.policies = {RoutePolicy::Latency, 5.5, 0.113, 1.21, 420.0, true};

    p.racks.push_back({7, "Row B / Rack 4", 48, 87.5, Cooling::Liquid, 1350.0, 2, 3});
    p.racks.push_back({3, "Row A / Rack 1", 42, 17.25, Cooling::Air, 0, 0, 1});

    Pool prefill;
    prefill.id = 11;
    prefill.name = "prefill";
    prefill.role = PoolRole::Prefill;
    prefill.weights = Precision::FP8;
    prefill.kv = Precision::FP8;
    prefill.tp = 4;
    prefill.pp = 2;
    prefill.ep = 1;
    prefill.memoryFraction = 0.85;
    prefill.tierIds = "host-dram-ddr5,nvme-gen5";
    Pool edge;
    edge.id = 12;
    edge.name = "edge";
    edge.role = PoolRole::Edge;
    edge.weights = Precision::INT4;
    edge.kv = Precision::BF16;
    edge.ep = 2;
    edge.memoryFraction = 0.5;
    edge.edgeDeviceId = "jetson-agx-orin";
    edge.edgeDeviceCount = 250;
    p.pools = {edge, prefill}; // not in id order: the order itself must survive

    p.items.push_back({21, "node a", "hgx-h200", 7, 1, 11});
    p.items.push_back({20, "tor", "ib-ndr-switch", 7, 48, 0});
    p.items.push_back({22, "node b", "dgx-b200", 3, 11, 11});
    p.links.push_back({31, 21, 20, "ib-ndr-400", 8});
    p.links.push_back({30, 22, 20, "eth-400g", 2});

    Workload w;
    w.id = 41;
    w.name = "agent";
    w.modelId = "llama-3.1-70b";
    w.ratePerS = 3.25;
    w.inputMean = 12000.5;
    w.inputP90 = 30000;
    w.outputMean = 400;
    w.outputP90 = 1200;
    w.prefixReuse = 0.7;
    w.ttftSloMs = 1500;
    w.tpotSloMs = 45.5;
    w.interactive = false;
    w.edge = true;
    w.tagOverrides = {{TagAxis::Phase, Tag::DecodeHeavy}, {TagAxis::ModelSize, Tag::SramResident},
                      {TagAxis::Placement, Tag::Edge}};
    p.workloads.push_back(w);
    Workload imported = w;
    imported.id = 40;
    imported.name = "imported";
    imported.modelId = "import:my-moe";
    imported.tagOverrides.clear();
    imported.ratePerS = 0.1 + 0.2; // not exactly representable: checks full double precision
    p.workloads.push_back(imported);

    ModelSpec m;
    m.id = "my-moe";
    m.name = "My MoE";
    m.arch.family = "deepseek_v3";
    m.arch.layers = 61;
    m.arch.hidden = 7168;
    m.arch.heads = 128;
    m.arch.kvHeads = 128;
    m.arch.headDim = 128;
    m.arch.intermediate = 18432;
    m.arch.vocab = 129280;
    m.arch.tiedEmbeddings = true;
    m.arch.gatedFfn = false;
    m.arch.attentionBias = true;
    m.arch.slidingWindow = 4096;
    m.arch.slidingWindowLayers = 30;
    m.arch.maxContext = 163840;
    m.arch.moe = {256, 8, 1, 2048, 2048, 3, 1};
    m.arch.mla = {512, 1536, 128, 64, 128};
    m.statedTotalParams = 671e9;
    m.statedActiveParams = 37e9;
    m.provenance["stated_total_params"] = {"https://example.org/model-card", false, ""};
    m.provenance["stated_active_params"] = {"", true, "read off a chart"};
    p.importedModels.push_back(m);
    return p;
}

json smallJson()
{
    std::ifstream in(kFixtures + "/small.json");
    return json::parse(in);
}

// Runs f and checks that it throws InputError whose location contains `where` and whose message
// contains `problem`. Returns the message for further checks.
std::string expectInputError(const std::function<void()> &f, const std::string &where, const std::string &problem)
{
    try {
        f();
    } catch (const InputError &e) {
        const std::string msg = e.what();
        if (e.where().find(where) == std::string::npos || msg.find(problem) == std::string::npos)
            QTest::qFail(("unexpected message: " + msg + " (wanted where ~ '" + where + "', problem ~ '" + problem + "')")
                             .c_str(),
                         __FILE__, __LINE__);
        return msg;
    } catch (const std::exception &e) {
        QTest::qFail((std::string("wrong exception type: ") + e.what()).c_str(), __FILE__, __LINE__);
        return {};
    }
    QTest::qFail("no InputError thrown", __FILE__, __LINE__);
    return {};
}

} // namespace

class TestPlan : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const std::string &name) const { return m_dir.filePath(QString::fromStdString(name)).toStdString(); }

private slots:
    void enumSpellings();
    void lookupsAndNextId();
    void sqliteRoundTrip();
    void jsonRoundTrip();
    void newFileIsStamped();
    void demoPlanLoads();
    void demoIsInExportLayout();
    void demoRoundTripsThroughSqlite();
    void resaveKeepsResults();
    void appendResultRejectsBadInput();
    void migratesVersion1Fixture();
    void migratesVersion1BuiltFromSchemaConstants();
    void badJsonValues_data();
    void badJsonValues();
    void badJsonFiles_data();
    void badJsonFiles();
    void badSqliteFiles_data();
    void badSqliteFiles();
    void failedSqliteSaveLeavesFileIntact();
    void failedWriteMidTransactionRollsBack();
    void failedJsonSaveLeavesFileIntact();
};

void TestPlan::enumSpellings()
{
    for (Cooling c : {Cooling::Air, Cooling::Liquid})
        QVERIFY(coolingFromString(toString(c)) == c);
    for (PoolRole r : {PoolRole::Prefill, PoolRole::Decode, PoolRole::Combined, PoolRole::Edge})
        QVERIFY(poolRoleFromString(toString(r)) == r);
    for (int t = 0; t <= static_cast<int>(Tag::DataCentre); ++t)
        QVERIFY(tagFromString(toString(static_cast<Tag>(t))) == static_cast<Tag>(t));
    for (int a = 0; a <= static_cast<int>(TagAxis::Placement); ++a)
        QVERIFY(tagAxisFromString(toString(static_cast<TagAxis>(a))) == static_cast<TagAxis>(a));
    for (RoutePolicy p : {RoutePolicy::Cost, RoutePolicy::Latency, RoutePolicy::Rules})
        QVERIFY(routePolicyFromString(toString(p)) == p);
    QVERIFY(toString(PoolRole::Prefill) == std::string("prefill"));
    QVERIFY(toString(Tag::SramResident) == std::string("sram-resident"));
    QVERIFY(toString(TagAxis::ModelSize) == std::string("model-size"));
    QVERIFY(!poolRoleFromString("Prefill"));   // spellings are exact: no case folding
    QVERIFY(!coolingFromString(""));
    QVERIFY(!tagFromString("datacentre"));
}

void TestPlan::lookupsAndNextId()
{
    Plan empty;
    QCOMPARE(empty.nextId(), 1);
    const Plan p = richPlan();
    QCOMPARE(p.rack(3)->name, std::string("Row A / Rack 1"));
    QCOMPARE(p.item(22)->catalogId, std::string("dgx-b200"));
    QVERIFY(p.pool(12)->role == PoolRole::Edge);
    QCOMPARE(p.workload(40)->modelId, std::string("import:my-moe"));
    QVERIFY(!p.rack(21));      // an item's id is not a rack
    QVERIFY(!p.pool(999));
    QCOMPARE(p.nextId(), 42);  // the highest id in any collection is workload 41
}

void TestPlan::sqliteRoundTrip()
{
    const Plan p = richPlan();
    const std::string file = path("rich.trplan");
    savePlanSqlite(p, file);
    QVERIFY(isSqliteFile(file));
    const Plan back = loadPlan(file);
    QVERIFY(back.racks == p.racks);
    QVERIFY(back.pools == p.pools);
    QVERIFY(back.items == p.items);
    QVERIFY(back.links == p.links);
    QVERIFY(back.workloads == p.workloads);
    QVERIFY(back.importedModels == p.importedModels);
    QVERIFY(back.policies == p.policies);
    QVERIFY(back == p);
}

void TestPlan::jsonRoundTrip()
{
    const Plan p = richPlan();
    QVERIFY(planFromJson(planToJson(p), "<memory>") == p);
    // And through text on disk, which is what a reviewer diffs.
    const std::string file = path("rich.json");
    savePlanJson(p, file);
    QVERIFY(!isSqliteFile(file));
    const Plan back = loadPlan(file);
    QVERIFY(back.workloads == p.workloads);
    QVERIFY(back == p);
    // The form is told by content, not extension.
    const std::string disguised = path("rich-json.trplan");
    fs::copy_file(file, disguised);
    QVERIFY(loadPlan(disguised) == p);
}

void TestPlan::newFileIsStamped()
{
    const std::string file = path("stamped.trplan");
    savePlanSqlite(richPlan(), file);
    QCOMPARE(pragmaInt(file, "application_id"), static_cast<long long>(planstore::kApplicationId));
    QCOMPARE(pragmaInt(file, "user_version"), static_cast<long long>(planstore::kSchemaVersion));
    QCOMPARE(pragmaText(file, "journal_mode"), std::string("wal"));
    QVERIFY(!fs::exists(file + ".saving"));
}

void TestPlan::demoPlanLoads()
{
    const Plan demo = loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json");
    QVERIFY(!demo.description.empty());
    QCOMPARE(demo.racks.size(), std::size_t(3));
    int prefill = 0, decode = 0, edge = 0;
    for (const Pool &pool : demo.pools) {
        prefill += pool.role == PoolRole::Prefill;
        decode += pool.role == PoolRole::Decode;
        if (pool.role == PoolRole::Edge) {
            ++edge;
            QCOMPARE(pool.edgeDeviceId, std::string("jetson-agx-orin"));
            QVERIFY(pool.edgeDeviceCount > 0);
        }
    }
    QCOMPARE(prefill, 1);
    QCOMPARE(decode, 2);
    QCOMPARE(edge, 1);
    // The SRAM engine pool must hold an 8B model at 8 bits: 230 MB per LPU, 8 LPUs per node
    // (Groq), 8.03e9 parameters for Llama 3.1 8B.
    const Pool *lpu = nullptr;
    for (const Pool &pool : demo.pools)
        if (pool.name == "LPU decode")
            lpu = &pool;
    QVERIFY(lpu);
    int lpuNodes = 0;
    for (const PlacedItem &it : demo.items)
        lpuNodes += it.poolId == lpu->id && it.catalogId == "groq-lpu-node";
    QVERIFY(lpuNodes * 8 * 0.230 > 8.03);
    std::set<std::string> models;
    bool anyEdge = false, anyBatch = false;
    for (const Workload &w : demo.workloads) {
        models.insert(w.modelId);
        anyEdge = anyEdge || w.edge;
        anyBatch = anyBatch || !w.interactive;
    }
    QVERIFY(models.count("llama-3.1-70b") && models.count("llama-3.1-8b") && models.count("llama-3.2-1b"));
    QVERIFY(anyEdge && anyBatch);
    QCOMPARE(demo.policies.amortisationYears, 4.0);
    QCOMPARE(demo.policies.electricityUsdPerKwh, 0.08);
    QCOMPARE(demo.policies.pue, 1.3);
}

void TestPlan::demoIsInExportLayout()
{
    // The demo file is exactly what `plan export` writes, so exporting it produces no diff and the
    // layout (one entity per line, keys in struct order) is pinned.
    const std::string demoPath = TOKENROUTE_DATA_DIR "/plans/demo.json";
    const std::string file = path("demo-export.json");
    savePlanJson(loadPlan(demoPath), file);
    QCOMPARE(readBytes(file), readBytes(demoPath));
}

void TestPlan::demoRoundTripsThroughSqlite()
{
    const Plan demo = loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json");
    const std::string file = path("demo.trplan");
    savePlanSqlite(demo, file);
    QVERIFY(loadPlan(file) == demo);
    QVERIFY(planFromJson(planToJson(demo), "<memory>") == demo);
}

void TestPlan::resaveKeepsResults()
{
    const std::string file = path("resave.trplan");
    Plan p = richPlan();
    savePlanSqlite(p, file);
    const long long first = appendResult(file, "benchmark", "decode sweep", R"({"gbps": [1, 2, 3]})");
    const long long second = appendResult(file, "simulation", "1M requests", R"({"p99_ttft_ms": 812.5})");
    QVERIFY(second > first);

    p.name = "edited";
    p.workloads.pop_back();
    p.racks[0].powerBudgetKw = 99;
    savePlanSqlite(p, file); // in place
    QVERIFY(loadPlan(file) == p);

    const auto all = listResults(file, "");
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(all[0].id, first);
    QCOMPARE(all[0].kind, std::string("benchmark"));
    QCOMPARE(all[0].label, std::string("decode sweep"));
    QVERIFY(json::parse(all[0].json) == json::parse(R"({"gbps": [1, 2, 3]})"));
    QCOMPARE(all[0].createdAt.size(), std::size_t(20)); // 2026-01-02T03:04:05Z
    QCOMPARE(all[0].createdAt.back(), 'Z');
    const auto sims = listResults(file, "simulation");
    QCOMPARE(sims.size(), std::size_t(1));
    QCOMPARE(sims[0].label, std::string("1M requests"));
    QVERIFY(listResults(file, "chart").empty());
}

void TestPlan::appendResultRejectsBadInput()
{
    const std::string file = path("results.trplan");
    savePlanSqlite(richPlan(), file);
    expectInputError([&] { appendResult(file, "benchmarks", "x", "{}"); }, "results.kind", "one of benchmark");
    expectInputError([&] { appendResult(file, "chart", "x", "{\"a\": "); }, "results.document", "JSON document");
    const std::string jsonPlan = path("results.json");
    savePlanJson(richPlan(), jsonPlan);
    expectInputError([&] { appendResult(jsonPlan, "chart", "x", "{}"); }, "", "results are stored only in the SQLite form");
    QVERIFY(listResults(jsonPlan, "").empty());
    QVERIFY(listResults(file, "").empty());
}

void TestPlan::migratesVersion1Fixture()
{
    const std::string file = path("v1.trplan");
    fs::copy_file(kFixtures + "/v1.trplan", file);
    const std::string before = readBytes(file);
    QCOMPARE(pragmaInt(file, "user_version"), 1LL);

    const Plan p = loadPlan(file);
    // Reading migrates a copy in memory: the file itself is still version 1, byte for byte.
    QCOMPARE(pragmaInt(file, "user_version"), 1LL);
    QVERIFY(readBytes(file) == before);

    QCOMPARE(p.name, std::string("Version 1 fixture"));
    QVERIFY(p.policies.routePolicy == RoutePolicy::Latency);
    QCOMPARE(p.policies.costCapUsdPerHour, 250.0);
    QCOMPARE(p.racks.size(), std::size_t(1));
    QCOMPARE(p.racks[0].maxWeightKg, 1200.0);
    QCOMPARE(p.pools.size(), std::size_t(2));
    QVERIFY(p.pools[0].weights == Precision::FP8);
    QCOMPARE(p.pools[0].tp, 8);
    // Columns added by version 2 take their documented defaults.
    QCOMPARE(p.pools[0].memoryFraction, 0.9);
    QCOMPARE(p.pools[1].tierIds, std::string());
    QCOMPARE(p.items.size(), std::size_t(3));
    QCOMPARE(p.items[0].poolId, 0); // NULL pool -> 0
    QCOMPARE(p.items[1].poolId, 2);
    QCOMPARE(p.links[1].lanes, 8);
    QCOMPARE(p.workloads[0].ratePerS, 12.5);
    QVERIFY(p.workloads[1].tagOverrides.at(TagAxis::Latency) == Tag::Batch);
    QVERIFY(listResults(file, "").empty());

    // Writing migrates in place, after which the results table exists and the plan is unchanged.
    appendResult(file, "evaluation", "after migration", "{}");
    QCOMPARE(pragmaInt(file, "user_version"), static_cast<long long>(planstore::kSchemaVersion));
    QVERIFY(loadPlan(file) == p);
    QCOMPARE(listResults(file, "evaluation").size(), std::size_t(1));
}

void TestPlan::migratesVersion1BuiltFromSchemaConstants()
{
    // The same check from the ladder's own first step, so the fixture and the code cannot drift.
    const std::string file = path("v1-built.trplan");
    execSql(file, "PRAGMA application_id = " + std::to_string(planstore::kApplicationId) + ";" +
                      planstore::migrationSql(1) +
                      "INSERT INTO plan_info VALUES (1, 'built', '');"
                      "INSERT INTO racks VALUES (1, 0, 'r', 42, 10, 'air', 0, 0, 0);"
                      "INSERT INTO pools (id, sort_order, name, role, weights, kv) VALUES (2, 0, 'p', 'combined', 'bf16', 'bf16');"
                      "INSERT INTO items VALUES (3, 0, 's', 'l40s-8gpu', 1, 1, 2);"
                      "PRAGMA user_version = 1;");
    const Plan p = loadPlan(file);
    QCOMPARE(p.items[0].poolId, 2);
    QCOMPARE(p.pools[0].memoryFraction, 0.9);
    QVERIFY(p.policies == Policies{}); // no policies row: defaults
    Plan edited = p;
    edited.pools[0].memoryFraction = 0.75;
    savePlanSqlite(edited, file); // migrates, then writes the new column
    QCOMPARE(pragmaInt(file, "user_version"), static_cast<long long>(planstore::kSchemaVersion));
    QCOMPARE(loadPlan(file).pools[0].memoryFraction, 0.75);
}

void TestPlan::badJsonValues_data()
{
    QTest::addColumn<QString>("pointer");  // JSON pointer into small.json
    QTest::addColumn<QString>("value");    // replacement, as JSON text ("NaN" is set as a double)
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("problem");

    QTest::newRow("negative rate") << "/workloads/2/rate_per_s" << "-1" << "workloads[2].rate_per_s" << "positive";
    QTest::newRow("zero rate") << "/workloads/0/rate_per_s" << "0" << "workloads[0].rate_per_s" << "positive";
    QTest::newRow("NaN rate") << "/workloads/1/rate_per_s" << "NaN" << "workloads[1].rate_per_s" << "got NaN";
    QTest::newRow("rate as text") << "/workloads/1/rate_per_s" << "\"fast\"" << "workloads[1].rate_per_s" << "a number";
    QTest::newRow("zero rack units") << "/racks/0/units" << "0" << "racks[0].units" << ">= 1";
    QTest::newRow("fractional rack units") << "/racks/0/units" << "42.5" << "racks[0].units" << "an integer";
    QTest::newRow("absurd rack units") << "/racks/0/units" << "420" << "racks[0].units" << "at most 60";
    QTest::newRow("zero power budget") << "/racks/0/power_budget_kw" << "0" << "racks[0].power_budget_kw" << "positive";
    QTest::newRow("negative power budget") << "/racks/0/power_budget_kw" << "-40" << "racks[0].power_budget_kw" << "positive";
    QTest::newRow("item in unknown rack") << "/items/1/rack_id" << "99" << "items[1].rack_id" << "rack in this plan";
    QTest::newRow("item above the rack") << "/items/1/u_position" << "43" << "items[1].u_position" << "42 units";
    QTest::newRow("item in unknown pool") << "/items/0/pool_id" << "77" << "items[0].pool_id" << "pool in this plan";
    QTest::newRow("link to unknown item") << "/links/0/to_item" << "99" << "links[0].to_item" << "placed item";
    QTest::newRow("link to a rack id") << "/links/0/from_item" << "1" << "links[0].from_item" << "placed item";
    QTest::newRow("link to itself") << "/links/0/to_item" << "3" << "links[0].to_item" << "other than from_item";
    QTest::newRow("zero lanes") << "/links/0/lanes" << "0" << "links[0].lanes" << ">= 1";
    QTest::newRow("duplicate id across entities") << "/workloads/1/id" << "2" << "workloads[1].id" << "2 is taken";
    QTest::newRow("unknown pool role") << "/pools/0/role" << "\"prefil\"" << "pools[0].role" << "one of prefill";
    QTest::newRow("unknown precision") << "/pools/0/weights" << "\"int8\"" << "pools[0].weights" << "one of fp32";
    QTest::newRow("memory fraction above 1") << "/pools/0/memory_fraction" << "1.5" << "pools[0].memory_fraction" << "(0, 1]";
    QTest::newRow("prefix reuse above 1") << "/workloads/0/prefix_reuse" << "2" << "workloads[0].prefix_reuse" << "between 0 and 1";
    QTest::newRow("p90 below mean") << "/workloads/0/input_p90" << "10" << "workloads[0].input_p90" << ">= the mean";
    QTest::newRow("negative slo") << "/workloads/0/ttft_slo_ms" << "-5" << "workloads[0].ttft_slo_ms" << ">= 0";
    QTest::newRow("unknown field") << "/workloads/0/rate_per_sec" << "3" << "workloads[0].rate_per_sec" << "no such field";
    QTest::newRow("missing import") << "/workloads/0/model_id" << "\"import:nothing\"" << "workloads[0].model_id" << "imported model";
    QTest::newRow("tag on wrong axis") << "/workloads/0/tag_overrides" << R"({"phase": "batch"})"
                                       << "workloads[0].tag_overrides.phase" << "phase axis";
    QTest::newRow("unknown tag axis") << "/workloads/0/tag_overrides" << R"({"speed": "batch"})"
                                      << "workloads[0].tag_overrides.speed" << "an axis";
    QTest::newRow("edge pool without devices") << "/pools/0/role" << "\"edge\"" << "pools[0].edge_device_id" << "non-empty";
    QTest::newRow("pue below 1") << "/policies" << R"({"pue": 0.9})" << "policies.pue" << ">= 1";
    QTest::newRow("zero amortisation") << "/policies" << R"({"amortisation_years": 0})" << "policies.amortisation_years"
                                       << "positive";
    QTest::newRow("racks not an array") << "/racks" << "{}" << "racks" << "a JSON array";
    QTest::newRow("rack not an object") << "/racks/0" << "7" << "racks[0]" << "a JSON object";
    QTest::newRow("missing required field") << "/items/0" << R"({"id": 3, "catalog_id": "x", "rack_id": 1})"
                                            << "items[0].u_position" << "required";
    QTest::newRow("newer format version") << "/version" << "99" << "version" << "newer TokenRoute";
    QTest::newRow("id out of int range") << "/racks/0/id" << "99999999999" << "racks[0].id" << "32 bits";
}

void TestPlan::badJsonValues()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QFETCH(QString, problem);

    json j = smallJson();
    QVERIFY(planFromJson(j, "small.json").workloads.size() == 3); // the base itself is valid
    const json v = value == QLatin1String("NaN") ? json(std::numeric_limits<double>::quiet_NaN())
                                                 : json::parse(value.toStdString());
    j[json::json_pointer(pointer.toStdString())] = v;
    const std::string msg =
        expectInputError([&] { planFromJson(j, "bad.json"); }, where.toStdString(), problem.toStdString());
    QVERIFY2(msg.rfind("bad.json: ", 0) == 0, msg.c_str()); // the file is named first

    // The same plan on disk, through loadPlan, names the file path. (NaN cannot be written as JSON.)
    if (value != QLatin1String("NaN")) {
        const std::string file = path("bad-value.json");
        writeBytes(file, j.dump(2));
        const std::string fromFile = expectInputError([&] { loadPlan(file); }, where.toStdString(), problem.toStdString());
        QVERIFY(fromFile.find(file) != std::string::npos);
    }
}

void TestPlan::badJsonFiles_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("problem");
    QTest::newRow("truncated") << "truncated.json" << "line " << "unexpected end of input";
    QTest::newRow("wrong type") << "wrong-typed.json" << "racks[0].units" << "an integer, got string";
    QTest::newRow("another kind of JSON") << "not-a-plan.json" << "format" << "required";
    QTest::newRow("missing file") << "no-such-file.json" << "" << "an existing plan file";
}

void TestPlan::badJsonFiles()
{
    QFETCH(QString, fixture);
    QFETCH(QString, where);
    QFETCH(QString, problem);
    const std::string file = kFixtures + "/" + fixture.toStdString();
    const std::string msg = expectInputError([&] { loadPlan(file); }, where.toStdString(), problem.toStdString());
    QVERIFY2(msg.find(fixture.toStdString()) != std::string::npos, msg.c_str());
}

void TestPlan::badSqliteFiles_data()
{
    // Each row damages a freshly saved copy of small.json's plan in one way.
    QTest::addColumn<QString>("damage");  // how to damage (see badSqliteFiles)
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("problem");
    QTest::newRow("garbage after the header") << "garbage" << "database" << "readable TokenRoute plan";
    QTest::newRow("truncated file") << "truncate" << "database" << "readable TokenRoute plan";
    QTest::newRow("empty file") << "empty" << "" << "the file is empty";
    QTest::newRow("not SQLite, not JSON") << "binary" << "line 1" << "a plan as SQLite or valid JSON";
    QTest::newRow("foreign schema") << "foreign" << "application_id" << "belongs to another program";
    QTest::newRow("newer schema") << "newer" << "user_version" << "newer TokenRoute";
    QTest::newRow("text in a numeric column") << "sql:UPDATE racks SET units = 'tall'" << "racks row id 1: units"
                                              << "an integer, got 'tall'";
    // SQLite stores a bound NaN as NULL, which the NOT NULL columns refuse; hand-edited "NaN" stays text.
    QTest::newRow("NaN as text") << "sql:UPDATE workloads SET rate_per_s = 'NaN' WHERE id = 8"
                                 << "workloads row id 8: rate_per_s" << "a number, got 'NaN'";
    QTest::newRow("negative rate") << "sql:UPDATE workloads SET rate_per_s = -2 WHERE id = 7"
                                   << "workloads row id 7: rate_per_s" << "positive";
    QTest::newRow("zero U size") << "sql:UPDATE racks SET units = 0" << "racks row id 1: units" << ">= 1";
    QTest::newRow("dangling pool") << "sql:PRAGMA foreign_keys=OFF; UPDATE items SET pool_id = 55 WHERE id = 3"
                                   << "items row id 3: pool_id" << "pool in this plan";
    QTest::newRow("dangling link") << "sql:PRAGMA foreign_keys=OFF; UPDATE links SET to_item = 66"
                                   << "links row id 5: to_item" << "placed item";
    QTest::newRow("unknown cooling") << "sql:UPDATE racks SET cooling = 'water'" << "racks row id 1: cooling"
                                     << "one of air, liquid";
    QTest::newRow("no plan row") << "sql:DELETE FROM plan_info" << "plan_info" << "one row";
    QTest::newRow("missing table") << "sql:DROP TABLE workload_tags" << "database" << "no such table";
    QTest::newRow("broken model document") << "sql:INSERT INTO imported_models VALUES ('m', 0, '{\"id\": ')"
                                           << "imported_models row 'm': document" << "a JSON model document";
}

void TestPlan::badSqliteFiles()
{
    QFETCH(QString, damage);
    QFETCH(QString, where);
    QFETCH(QString, problem);
    const std::string file = path("damaged-" + std::to_string(std::hash<std::string>{}(damage.toStdString())) + ".trplan");
    fs::remove(file);
    savePlanSqlite(planFromJson(smallJson(), "small.json"), file);
    const std::string d = damage.toStdString();
    const std::string good = readBytes(file);
    if (d == "garbage") {
        std::string bytes = good.substr(0, 16) + std::string(good.size() - 16, '\x5a');
        writeBytes(file, bytes);
    } else if (d == "truncate") {
        writeBytes(file, good.substr(0, 1000)); // the header survives, the pages do not
    } else if (d == "empty") {
        writeBytes(file, "");
    } else if (d == "binary") {
        writeBytes(file, std::string("\x7f" "ELF\x02\x01\x01", 7) + std::string(64, '\0'));
    } else if (d == "foreign") {
        fs::remove(file);
        execSql(file, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
    } else if (d == "newer") {
        execSql(file, "PRAGMA user_version = " + std::to_string(planstore::kSchemaVersion + 1));
    } else if (d.rfind("sql:", 0) == 0) {
        execSql(file, d.substr(4));
    }
    const std::string msg = expectInputError([&] { loadPlan(file); }, where.toStdString(), problem.toStdString());
    QVERIFY2(msg.find(file) != std::string::npos, msg.c_str());
}

void TestPlan::failedSqliteSaveLeavesFileIntact()
{
    const Plan good = richPlan();
    Plan bad = good;
    bad.workloads[1].ratePerS = std::nan("");

    // An invalid plan is refused before anything is written; stored results stay too.
    const std::string file = path("intact.trplan");
    savePlanSqlite(good, file);
    appendResult(file, "chart", "kept", "[1,2]");
    expectInputError([&] { savePlanSqlite(bad, file); }, "workloads[1].rate_per_s", "got NaN");
    QVERIFY(loadPlan(file) == good);
    QCOMPARE(listResults(file, "").size(), std::size_t(1));

    // A new file is not created either.
    const std::string fresh = path("never.trplan");
    expectInputError([&] { savePlanSqlite(bad, fresh); }, "workloads[1].rate_per_s", "positive");
    QVERIFY(!fs::exists(fresh));
    QVERIFY(!fs::exists(fresh + ".saving"));

    // Someone else's database and a newer plan are never overwritten.
    const std::string foreign = path("foreign.db");
    execSql(foreign, "CREATE TABLE songs (title TEXT)");
    const std::string foreignBytes = readBytes(foreign);
    expectInputError([&] { savePlanSqlite(good, foreign); }, "application_id", "another program");
    QVERIFY(readBytes(foreign) == foreignBytes);

    const std::string newer = path("newer.trplan");
    savePlanSqlite(good, newer);
    execSql(newer, "PRAGMA user_version = 99");
    const std::string newerBytes = readBytes(newer);
    expectInputError([&] { savePlanSqlite(good, newer); }, "user_version", "newer TokenRoute");
    QVERIFY(readBytes(newer) == newerBytes);

    // A JSON plan is replaced by its native form only by a valid plan (Save As over the file).
    const std::string text = path("plan-as-text.json");
    savePlanJson(good, text);
    const std::string textBytes = readBytes(text);
    expectInputError([&] { savePlanSqlite(bad, text); }, "workloads[1].rate_per_s", "positive");
    QVERIFY(readBytes(text) == textBytes);
    savePlanSqlite(good, text);
    QVERIFY(isSqliteFile(text));
    QVERIFY(loadPlan(text) == good);
}

void TestPlan::failedWriteMidTransactionRollsBack()
{
    // A trigger makes the insert of one workload fail after the old rows were already deleted
    // inside the save's transaction: the rollback must restore the old plan and keep the results.
    const std::string file = path("rollback.trplan");
    const Plan before = richPlan();
    savePlanSqlite(before, file);
    appendResult(file, "benchmark", "survivor", "{}");
    execSql(file, "CREATE TRIGGER refuse AFTER INSERT ON workloads WHEN NEW.name = 'poison' "
                  "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
    Plan after = before;
    after.name = "half written";
    after.workloads[1].name = "poison";
    bool threw = false;
    try {
        savePlanSqlite(after, file);
    } catch (const std::runtime_error &e) {
        threw = true;
        QVERIFY2(std::string(e.what()).find("refused by test") != std::string::npos, e.what());
    }
    QVERIFY(threw);
    QVERIFY(loadPlan(file) == before);
    QCOMPARE(listResults(file, "benchmark").size(), std::size_t(1));
}

void TestPlan::failedJsonSaveLeavesFileIntact()
{
    const Plan good = richPlan();
    const std::string file = path("intact.json");
    savePlanJson(good, file);
    const std::string bytes = readBytes(file);
    Plan bad = good;
    bad.items[0].rackId = 404;
    expectInputError([&] { savePlanJson(bad, file); }, "items[0].rack_id", "rack in this plan");
    QVERIFY(readBytes(file) == bytes);

    // A SQLite plan is not replaced by its JSON form (its results would be lost).
    const std::string sqlitePlan = path("keep.trplan");
    savePlanSqlite(good, sqlitePlan);
    const std::string sqliteBytes = readBytes(sqlitePlan);
    expectInputError([&] { savePlanJson(good, sqlitePlan); }, "", "SQLite plan");
    QVERIFY(readBytes(sqlitePlan) == sqliteBytes);
}

QTEST_APPLESS_MAIN(TestPlan)
#include "test_plan.moc"
