#include "core/plan/planstore.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "core/plan/planjsonformat.h"
#include "core/plan/planvalidate.h"
#include "core/plan/sqlite.h"
#include "core/util/error.h"

namespace tokenroute::planstore {

using sqlite::Database;
using sqlite::OpenMode;
using sqlite::SqliteError;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

// ---- schema -----------------------------------------------------------------------------------
// Every entity table has sort_order so that the plan's vectors come back in the order they were
// saved (the UI lists racks, pools and workloads in the user's order, not by id).

const std::string kSchemaV1 = R"sql(
CREATE TABLE plan_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE policies (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    route_policy            TEXT NOT NULL,
    amortisation_years      REAL NOT NULL,
    electricity_usd_per_kwh REAL NOT NULL,
    pue                     REAL NOT NULL,
    cost_cap_usd_per_hour   REAL NOT NULL,
    use_cloud_prices        INTEGER NOT NULL
);
CREATE TABLE racks (
    id              INTEGER PRIMARY KEY,
    sort_order      INTEGER NOT NULL,
    name            TEXT NOT NULL,
    units           INTEGER NOT NULL,
    power_budget_kw REAL NOT NULL,
    cooling         TEXT NOT NULL,
    max_weight_kg   REAL NOT NULL DEFAULT 0,
    row_index       INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pools (
    id                INTEGER PRIMARY KEY,
    sort_order        INTEGER NOT NULL,
    name              TEXT NOT NULL,
    role              TEXT NOT NULL,
    weights           TEXT NOT NULL,
    kv                TEXT NOT NULL,
    tp                INTEGER NOT NULL DEFAULT 0,
    pp                INTEGER NOT NULL DEFAULT 1,
    ep                INTEGER NOT NULL DEFAULT 1,
    edge_device_count REAL NOT NULL DEFAULT 0,
    edge_device_id    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    name       TEXT NOT NULL,
    catalog_id TEXT NOT NULL,
    rack_id    INTEGER NOT NULL REFERENCES racks(id),
    u_position INTEGER NOT NULL,
    pool_id    INTEGER REFERENCES pools(id)
);
CREATE INDEX items_by_rack ON items(rack_id);
CREATE TABLE links (
    id           INTEGER PRIMARY KEY,
    sort_order   INTEGER NOT NULL,
    from_item    INTEGER NOT NULL REFERENCES items(id),
    to_item      INTEGER NOT NULL REFERENCES items(id),
    link_type_id TEXT NOT NULL,
    lanes        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE workloads (
    id           INTEGER PRIMARY KEY,
    sort_order   INTEGER NOT NULL,
    name         TEXT NOT NULL,
    model_id     TEXT NOT NULL,
    rate_per_s   REAL NOT NULL,
    input_mean   REAL NOT NULL,
    input_p90    REAL NOT NULL DEFAULT 0,
    output_mean  REAL NOT NULL,
    output_p90   REAL NOT NULL DEFAULT 0,
    prefix_reuse REAL NOT NULL DEFAULT 0,
    ttft_slo_ms  REAL NOT NULL DEFAULT 0,
    tpot_slo_ms  REAL NOT NULL DEFAULT 0,
    interactive  INTEGER NOT NULL DEFAULT 1,
    edge         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE workload_tags (
    workload_id INTEGER NOT NULL REFERENCES workloads(id) ON DELETE CASCADE,
    axis        TEXT NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (workload_id, axis)
);
CREATE TABLE imported_models (
    id         TEXT PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document   TEXT NOT NULL
);
)sql";

// v2: pools learn how much device memory the engine may take and which tiers hold offloaded KV;
// computed results get a home in the plan file.
const std::string kSchemaV2 = R"sql(
ALTER TABLE pools ADD COLUMN memory_fraction REAL NOT NULL DEFAULT 0.9;
ALTER TABLE pools ADD COLUMN tier_ids TEXT NOT NULL DEFAULT '';
CREATE TABLE results (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    document   TEXT NOT NULL
);
CREATE INDEX results_by_kind ON results(kind, id);
)sql";

const std::array<const std::string *, kSchemaVersion> kMigrations{&kSchemaV1, &kSchemaV2};

// ---- pragmas and statements -------------------------------------------------------------------

const std::string kReadApplicationId = "PRAGMA application_id";
const std::string kReadUserVersion = "PRAGMA user_version";
const std::string kForeignKeysOn = "PRAGMA foreign_keys = ON";
const std::string kJournalDelete = "PRAGMA journal_mode = DELETE";
const std::string kQuickCheck = "PRAGMA quick_check(1)";
// PRAGMA values cannot be bound; these two take a number formatted from a constant.
const std::string kSetApplicationId = "PRAGMA application_id = ";
const std::string kSetUserVersion = "PRAGMA user_version = ";

// Children first, so the foreign keys hold at every step of a delete.
const std::array<const char *, 9> kClearPlan{
    "DELETE FROM workload_tags", "DELETE FROM links",    "DELETE FROM items",
    "DELETE FROM workloads",     "DELETE FROM pools",    "DELETE FROM racks",
    "DELETE FROM imported_models", "DELETE FROM policies", "DELETE FROM plan_info"};

const std::string kInsertInfo = "INSERT INTO plan_info (id, name, description) VALUES (1, ?1, ?2)";
const std::string kInsertPolicies =
    "INSERT INTO policies (id, route_policy, amortisation_years, electricity_usd_per_kwh, pue, "
    "cost_cap_usd_per_hour, use_cloud_prices) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)";
const std::string kInsertRack =
    "INSERT INTO racks (id, sort_order, name, units, power_budget_kw, cooling, max_weight_kg, row_index, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
const std::string kInsertPool =
    "INSERT INTO pools (id, sort_order, name, role, weights, kv, tp, pp, ep, edge_device_count, edge_device_id, "
    "memory_fraction, tier_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const std::string kInsertItem =
    "INSERT INTO items (id, sort_order, name, catalog_id, rack_id, u_position, pool_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const std::string kInsertLink =
    "INSERT INTO links (id, sort_order, from_item, to_item, link_type_id, lanes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const std::string kInsertWorkload =
    "INSERT INTO workloads (id, sort_order, name, model_id, rate_per_s, input_mean, input_p90, output_mean, "
    "output_p90, prefix_reuse, ttft_slo_ms, tpot_slo_ms, interactive, edge) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const std::string kInsertTag = "INSERT INTO workload_tags (workload_id, axis, tag) VALUES (?1, ?2, ?3)";
const std::string kInsertModel = "INSERT INTO imported_models (id, sort_order, document) VALUES (?1, ?2, ?3)";

const std::string kSelectInfo = "SELECT name, description FROM plan_info WHERE id = 1";
const std::string kSelectPolicies =
    "SELECT route_policy, amortisation_years, electricity_usd_per_kwh, pue, cost_cap_usd_per_hour, "
    "use_cloud_prices FROM policies WHERE id = 1";
const std::string kSelectRacks =
    "SELECT id, name, units, power_budget_kw, cooling, max_weight_kg, row_index, position FROM racks "
    "ORDER BY sort_order, id";
const std::string kSelectPools =
    "SELECT id, name, role, weights, kv, tp, pp, ep, edge_device_count, edge_device_id, memory_fraction, tier_ids "
    "FROM pools ORDER BY sort_order, id";
const std::string kSelectItems =
    "SELECT id, name, catalog_id, rack_id, u_position, pool_id FROM items ORDER BY sort_order, id";
const std::string kSelectLinks =
    "SELECT id, from_item, to_item, link_type_id, lanes FROM links ORDER BY sort_order, id";
const std::string kSelectWorkloads =
    "SELECT id, name, model_id, rate_per_s, input_mean, input_p90, output_mean, output_p90, prefix_reuse, "
    "ttft_slo_ms, tpot_slo_ms, interactive, edge FROM workloads ORDER BY sort_order, id";
const std::string kSelectTags = "SELECT workload_id, axis, tag FROM workload_tags ORDER BY workload_id, axis";
const std::string kSelectModels = "SELECT id, document FROM imported_models ORDER BY sort_order, id";

const std::string kInsertResult =
    "INSERT INTO results (kind, label, created_at, document) "
    "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3)";
const std::string kSelectResultsOfKind =
    "SELECT id, kind, label, created_at, document FROM results WHERE kind = ?1 ORDER BY id";
const std::string kSelectAllResults = "SELECT id, kind, label, created_at, document FROM results ORDER BY id";

// The kinds a result may have; a typo here would hide a run from every list that filters by kind.
const std::array<const char *, 4> kResultKinds{"benchmark", "simulation", "evaluation", "chart"};

std::string hex(long long v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%08llX", static_cast<unsigned long long>(v) & 0xffffffffULL);
    return buf;
}

// ---- opening ----------------------------------------------------------------------------------

void runMigrations(Database &db, int from)
{
    for (int v = from + 1; v <= kSchemaVersion; ++v) {
        // One transaction per step, version bump included: a crash between steps leaves a file at a
        // consistent older version that the next open migrates further.
        Transaction txn(db);
        db.exec(*kMigrations[static_cast<std::size_t>(v - 1)]);
        db.exec(kSetUserVersion + std::to_string(v));
        txn.commit();
    }
}

void configure(Database &db, bool writable)
{
    db.exec(kForeignKeysOn);
    // Some file systems (network mounts) cannot hold WAL's shared memory; SQLite then reports the
    // mode it kept. The rollback journal is just as safe, only slower, so fall back to it openly.
    if (writable && !db.enableWal())
        db.exec(kJournalDelete);
}

// Turns a SQLite failure on a user's file into a message about the file. A damaged file gets an
// integrity check so the message says what is wrong rather than only "malformed".
[[noreturn]] void reportFileError(const std::string &path, const SqliteError &e, Database *db)
{
    std::string detail = e.what();
    if (db && (e.code() == SQLITE_CORRUPT || e.code() == SQLITE_NOTADB)) {
        try {
            const std::string check = db->queryText(kQuickCheck);
            if (check != "ok")
                detail += " (integrity check: " + check + ")";
        } catch (const SqliteError &) {
            // The check itself could not run: the first message is all there is to say.
        }
    }
    throw InputError(path, "database", "a readable TokenRoute plan database; " + detail);
}

// Reads the identity stamps and refuses what is not ours or is too new. Returns the schema version.
int checkIdentity(Database &db, const std::string &path)
{
    const long long appId = db.queryInt(kReadApplicationId);
    const long long version = db.queryInt(kReadUserVersion);
    if (appId != kApplicationId)
        throw InputError(path, "application_id",
                         "a TokenRoute plan (application_id " + hex(kApplicationId) +
                             "); this SQLite database belongs to another program (application_id " + hex(appId) + ")");
    if (version > kSchemaVersion)
        throw InputError(path, "user_version",
                         "a plan schema up to version " + std::to_string(kSchemaVersion) +
                             "; this file has version " + std::to_string(version) +
                             " and was written by a newer TokenRoute, update TokenRoute to open it");
    if (version < 1)
        throw InputError(path, "user_version", "a plan schema version from 1 to " + std::to_string(kSchemaVersion) +
                                                   ", got " + std::to_string(version));
    return static_cast<int>(version);
}

// A connection ready to be read at the current schema. An old file is copied into memory and
// migrated there, so reading never writes to the user's file.
std::unique_ptr<Database> openForReading(const std::string &path)
{
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(path, OpenMode::ReadOnly);
        const int version = checkIdentity(*db, path);
        configure(*db, false);
        if (version == kSchemaVersion)
            return db;
        auto mem = std::make_unique<Database>(":memory:", OpenMode::Create);
        db->copyTo(*mem);
        configure(*mem, false);
        runMigrations(*mem, version);
        return mem;
    } catch (const SqliteError &e) {
        reportFileError(path, e, db.get());
    }
}

// A connection to an existing plan file, migrated in place to the current schema.
std::unique_ptr<Database> openForWriting(const std::string &path)
{
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(path, OpenMode::ReadWrite);
        const int version = checkIdentity(*db, path);
        configure(*db, true);
        runMigrations(*db, version);
        return db;
    } catch (const SqliteError &e) {
        reportFileError(path, e, db.get());
    }
}

// ---- reading rows -----------------------------------------------------------------------------

// Reads one row's columns, checking each value's storage class, so that a hand-edited file with
// text in a numeric column (or a NaN, which SQLite stores as NULL) is reported by table, row and
// column instead of being read as 0.
class RowReader {
public:
    RowReader(const Statement &st, const std::string &file, const std::string &table)
        : m_st(st)
        , m_file(file)
        , m_table(table)
    {
    }

    void setRowId(const std::string &rowId) { m_rowId = rowId; }

    long long integer(int col, const char *name) const
    {
        if (m_st.columnType(col) != SQLITE_INTEGER)
            fail(col, name, "an integer");
        return m_st.columnInt(col);
    }
    int int32(int col, const char *name) const
    {
        const long long v = integer(col, name);
        if (v < INT32_MIN || v > INT32_MAX)
            fail(col, name, "an integer within 32 bits");
        return static_cast<int>(v);
    }
    double real(int col, const char *name) const
    {
        const int t = m_st.columnType(col);
        if (t != SQLITE_FLOAT && t != SQLITE_INTEGER)
            fail(col, name, "a number");
        return m_st.columnDouble(col);
    }
    std::string text(int col, const char *name) const
    {
        if (m_st.columnType(col) != SQLITE_TEXT)
            fail(col, name, "text");
        return m_st.columnText(col);
    }
    bool boolean(int col, const char *name) const
    {
        const long long v = integer(col, name);
        if (v != 0 && v != 1)
            fail(col, name, "0 or 1");
        return v == 1;
    }
    template <typename E, typename Parse>
    E enumeration(int col, const char *name, Parse parse, const char *choices) const
    {
        const auto e = parse(text(col, name));
        if (!e)
            fail(col, name, std::string("one of ") + choices);
        return *e;
    }

    [[noreturn]] void fail(int col, const char *name, const std::string &expected) const
    {
        std::string got;
        switch (m_st.columnType(col)) {
        case SQLITE_NULL: got = "NULL"; break;
        case SQLITE_INTEGER: got = std::to_string(m_st.columnInt(col)); break;
        case SQLITE_FLOAT: got = std::to_string(m_st.columnDouble(col)); break;
        case SQLITE_TEXT: got = "'" + m_st.columnText(col) + "'"; break;
        default: got = "a blob"; break;
        }
        const std::string where = m_rowId.empty() ? m_table + ": " + name : m_table + " row " + m_rowId + ": " + name;
        throw InputError(m_file, where, expected + ", got " + got);
    }

private:
    const Statement &m_st;
    const std::string &m_file;
    std::string m_table;
    std::string m_rowId;
};

constexpr const char *kPrecisionChoices = "fp32, bf16, fp8, fp4, int4";

void readInfo(Database &db, const std::string &file, Plan &plan)
{
    Statement st(db, kSelectInfo);
    if (!st.step())
        throw InputError(file, "plan_info", "one row holding the plan's name (the table is empty)");
    RowReader r(st, file, "plan_info");
    plan.name = r.text(0, "name");
    plan.description = r.text(1, "description");
}

void readPolicies(Database &db, const std::string &file, Plan &plan)
{
    Statement st(db, kSelectPolicies);
    if (!st.step())
        return; // no row: the defaults apply, as in a JSON plan without "policies"
    RowReader r(st, file, "policies");
    Policies &p = plan.policies;
    p.routePolicy = r.enumeration<RoutePolicy>(0, "route_policy", routePolicyFromString, "cost, latency, rules");
    p.amortisationYears = r.real(1, "amortisation_years");
    p.electricityUsdPerKwh = r.real(2, "electricity_usd_per_kwh");
    p.pue = r.real(3, "pue");
    p.costCapUsdPerHour = r.real(4, "cost_cap_usd_per_hour");
    p.useCloudPrices = r.boolean(5, "use_cloud_prices");
}

template <typename T, typename ReadRow>
std::vector<T> readRows(Database &db, const std::string &sql, const std::string &file, const std::string &table,
                        ReadRow readRow)
{
    std::vector<T> out;
    Statement st(db, sql);
    RowReader r(st, file, table);
    while (st.step()) {
        // Appending (rather than "id " + ...) also sidesteps a GCC 12 -Wrestrict false positive.
        std::string rowId = st.columnType(0) == SQLITE_INTEGER ? "id " : "#";
        rowId += std::to_string(st.columnType(0) == SQLITE_INTEGER ? st.columnInt(0)
                                                                   : static_cast<long long>(out.size() + 1));
        r.setRowId(rowId);
        out.push_back(readRow(r));
    }
    return out;
}

Rack readRack(const RowReader &r)
{
    Rack x;
    x.id = r.int32(0, "id");
    x.name = r.text(1, "name");
    x.units = r.int32(2, "units");
    x.powerBudgetKw = r.real(3, "power_budget_kw");
    x.cooling = r.enumeration<Cooling>(4, "cooling", coolingFromString, "air, liquid");
    x.maxWeightKg = r.real(5, "max_weight_kg");
    x.row = r.int32(6, "row_index");
    x.position = r.int32(7, "position");
    return x;
}

Pool readPool(const RowReader &r)
{
    Pool x;
    x.id = r.int32(0, "id");
    x.name = r.text(1, "name");
    x.role = r.enumeration<PoolRole>(2, "role", poolRoleFromString, "prefill, decode, combined, edge");
    x.weights = r.enumeration<Precision>(3, "weights", precisionFromString, kPrecisionChoices);
    x.kv = r.enumeration<Precision>(4, "kv", precisionFromString, kPrecisionChoices);
    x.tp = r.int32(5, "tp");
    x.pp = r.int32(6, "pp");
    x.ep = r.int32(7, "ep");
    x.edgeDeviceCount = r.real(8, "edge_device_count");
    x.edgeDeviceId = r.text(9, "edge_device_id");
    x.memoryFraction = r.real(10, "memory_fraction");
    x.tierIds = r.text(11, "tier_ids");
    return x;
}

PlacedItem readItem(const RowReader &r, const Statement &st)
{
    PlacedItem x;
    x.id = r.int32(0, "id");
    x.name = r.text(1, "name");
    x.catalogId = r.text(2, "catalog_id");
    x.rackId = r.int32(3, "rack_id");
    x.uPosition = r.int32(4, "u_position");
    x.poolId = st.isNull(5) ? 0 : r.int32(5, "pool_id");
    return x;
}

Link readLink(const RowReader &r)
{
    Link x;
    x.id = r.int32(0, "id");
    x.fromItem = r.int32(1, "from_item");
    x.toItem = r.int32(2, "to_item");
    x.linkTypeId = r.text(3, "link_type_id");
    x.lanes = r.int32(4, "lanes");
    return x;
}

Workload readWorkload(const RowReader &r)
{
    Workload x;
    x.id = r.int32(0, "id");
    x.name = r.text(1, "name");
    x.modelId = r.text(2, "model_id");
    x.ratePerS = r.real(3, "rate_per_s");
    x.inputMean = r.real(4, "input_mean");
    x.inputP90 = r.real(5, "input_p90");
    x.outputMean = r.real(6, "output_mean");
    x.outputP90 = r.real(7, "output_p90");
    x.prefixReuse = r.real(8, "prefix_reuse");
    x.ttftSloMs = r.real(9, "ttft_slo_ms");
    x.tpotSloMs = r.real(10, "tpot_slo_ms");
    x.interactive = r.boolean(11, "interactive");
    x.edge = r.boolean(12, "edge");
    return x;
}

void readTags(Database &db, const std::string &file, Plan &plan)
{
    Statement st(db, kSelectTags);
    RowReader r(st, file, "workload_tags");
    while (st.step()) {
        const int workloadId = r.int32(0, "workload_id");
        r.setRowId("for workload " + std::to_string(workloadId));
        const auto axis = r.enumeration<TagAxis>(1, "axis", tagAxisFromString,
                                                 "phase, context, latency, model-size, placement");
        const auto tag = r.enumeration<Tag>(2, "tag", tagFromString, "a tag name such as prefill-heavy or batch");
        bool found = false;
        for (Workload &w : plan.workloads)
            if (w.id == workloadId) {
                w.tagOverrides[axis] = tag;
                found = true;
            }
        if (!found)
            r.fail(0, "workload_id", "the id of a workload in this plan");
    }
}

void readModels(Database &db, const std::string &file, Plan &plan)
{
    Statement st(db, kSelectModels);
    RowReader r(st, file, "imported_models");
    while (st.step()) {
        const std::string id = r.text(0, "id");
        r.setRowId("'" + id + "'");
        const std::string where = "imported_models row '" + id + "': document";
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(r.text(1, "document"));
        } catch (const nlohmann::json::parse_error &e) {
            throw InputError(file, where, std::string("a JSON model document; ") + e.what());
        }
        plan.importedModels.push_back(importedModelFromJson(doc, where, file));
    }
}

Plan readPlanRows(Database &db, const std::string &file)
{
    Plan plan;
    readInfo(db, file, plan);
    readPolicies(db, file, plan);
    plan.racks = readRows<Rack>(db, kSelectRacks, file, "racks", readRack);
    plan.pools = readRows<Pool>(db, kSelectPools, file, "pools", readPool);
    {
        Statement st(db, kSelectItems);
        RowReader r(st, file, "items");
        while (st.step()) {
            r.setRowId("id " + std::to_string(st.columnInt(0)));
            plan.items.push_back(readItem(r, st));
        }
    }
    plan.links = readRows<Link>(db, kSelectLinks, file, "links", readLink);
    plan.workloads = readRows<Workload>(db, kSelectWorkloads, file, "workloads", readWorkload);
    readTags(db, file, plan);
    readModels(db, file, plan);
    return plan;
}

// Locations in a SQLite plan read as "table row id N: column", the way the user would find them
// with a SQLite browser.
PlanFieldNamer sqliteFieldNamer()
{
    return [](const std::string &collection, std::size_t index, int id, const std::string &field) {
        if (collection == "policies")
            return collection + ": " + field;
        if (collection == "imported_models")
            return collection + " row #" + std::to_string(index + 1) + ": " + field;
        const std::string column = (collection == "racks" && field == "row") ? "row_index" : field;
        return collection + " row id " + std::to_string(id) + ": " + column;
    };
}

// ---- writing rows -----------------------------------------------------------------------------

void writePlanRows(Database &db, const Plan &plan)
{
    Transaction txn(db);
    for (const char *sql : kClearPlan)
        db.exec(sql);

    Statement(db, kInsertInfo).bind(1, plan.name).bind(2, plan.description).run();
    const Policies &p = plan.policies;
    Statement(db, kInsertPolicies)
        .bind(1, toString(p.routePolicy))
        .bind(2, p.amortisationYears)
        .bind(3, p.electricityUsdPerKwh)
        .bind(4, p.pue)
        .bind(5, p.costCapUsdPerHour)
        .bind(6, p.useCloudPrices)
        .run();

    Statement rack(db, kInsertRack);
    for (std::size_t i = 0; i < plan.racks.size(); ++i) {
        const Rack &r = plan.racks[i];
        rack.bind(1, r.id).bind(2, static_cast<int>(i)).bind(3, r.name).bind(4, r.units).bind(5, r.powerBudgetKw)
            .bind(6, toString(r.cooling)).bind(7, r.maxWeightKg).bind(8, r.row).bind(9, r.position).run();
    }
    Statement pool(db, kInsertPool);
    for (std::size_t i = 0; i < plan.pools.size(); ++i) {
        const Pool &x = plan.pools[i];
        pool.bind(1, x.id).bind(2, static_cast<int>(i)).bind(3, x.name).bind(4, toString(x.role))
            .bind(5, toString(x.weights)).bind(6, toString(x.kv)).bind(7, x.tp).bind(8, x.pp).bind(9, x.ep)
            .bind(10, x.edgeDeviceCount).bind(11, x.edgeDeviceId).bind(12, x.memoryFraction).bind(13, x.tierIds).run();
    }
    Statement item(db, kInsertItem);
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const PlacedItem &x = plan.items[i];
        item.bind(1, x.id).bind(2, static_cast<int>(i)).bind(3, x.name).bind(4, x.catalogId).bind(5, x.rackId)
            .bind(6, x.uPosition);
        // 0 means "in no pool"; NULL keeps the foreign key satisfied.
        if (x.poolId == 0)
            item.bindNull(7);
        else
            item.bind(7, x.poolId);
        item.run();
    }
    Statement link(db, kInsertLink);
    for (std::size_t i = 0; i < plan.links.size(); ++i) {
        const Link &x = plan.links[i];
        link.bind(1, x.id).bind(2, static_cast<int>(i)).bind(3, x.fromItem).bind(4, x.toItem).bind(5, x.linkTypeId)
            .bind(6, x.lanes).run();
    }
    Statement workload(db, kInsertWorkload);
    Statement tag(db, kInsertTag);
    for (std::size_t i = 0; i < plan.workloads.size(); ++i) {
        const Workload &w = plan.workloads[i];
        workload.bind(1, w.id).bind(2, static_cast<int>(i)).bind(3, w.name).bind(4, w.modelId).bind(5, w.ratePerS)
            .bind(6, w.inputMean).bind(7, w.inputP90).bind(8, w.outputMean).bind(9, w.outputP90)
            .bind(10, w.prefixReuse).bind(11, w.ttftSloMs).bind(12, w.tpotSloMs).bind(13, w.interactive)
            .bind(14, w.edge).run();
        for (const auto &[axis, t] : w.tagOverrides)
            tag.bind(1, w.id).bind(2, toString(axis)).bind(3, toString(t)).run();
    }
    Statement model(db, kInsertModel);
    for (std::size_t i = 0; i < plan.importedModels.size(); ++i) {
        const ModelSpec &m = plan.importedModels[i];
        model.bind(1, m.id).bind(2, static_cast<int>(i)).bind(3, importedModelToJson(m).dump()).run();
    }
    txn.commit();
}

// A new file is built beside its final name and renamed into place, so a reader never sees a
// half-written plan and a failure leaves nothing behind.
void createFile(const Plan &plan, const std::string &path)
{
    namespace fs = std::filesystem;
    const std::string tmp = path + ".saving";
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        {
            Database db(tmp, OpenMode::Create);
            db.exec(kSetApplicationId + std::to_string(kApplicationId));
            configure(db, true);
            runMigrations(db, 0);
            writePlanRows(db, plan);
        } // closed here: WAL is checkpointed into the file and removed before the rename
        fs::rename(tmp, path);
    } catch (...) {
        fs::remove(tmp, ec);
        fs::remove(tmp + "-wal", ec);
        fs::remove(tmp + "-shm", ec);
        throw;
    }
}

} // namespace

const std::string &migrationSql(int version)
{
    if (version < 1 || version > kSchemaVersion)
        throw std::out_of_range("no migration to schema version " + std::to_string(version));
    return *kMigrations[static_cast<std::size_t>(version - 1)];
}

Plan read(const std::string &path)
{
    auto db = openForReading(path);
    Plan plan;
    try {
        plan = readPlanRows(*db, path);
    } catch (const SqliteError &e) {
        reportFileError(path, e, db.get());
    }
    validatePlan(plan, path, sqliteFieldNamer());
    return plan;
}

void write(const Plan &plan, const std::string &path)
{
    validatePlan(plan, path, jsonFieldNamer());
    std::error_code ec;
    // A path that holds no SQLite database (nothing yet, or a JSON plan the user chose to replace
    // with its native form) gets a whole new file, built beside it and renamed over it.
    if (!std::filesystem::exists(path, ec) || !isSqliteFile(path)) {
        try {
            createFile(plan, path);
        } catch (const SqliteError &e) {
            throw std::runtime_error(path + ": cannot write the plan: " + e.what());
        } catch (const std::filesystem::filesystem_error &e) {
            throw std::runtime_error(path + ": cannot write the plan: " + e.what());
        }
        return;
    }
    // An existing plan is updated in one transaction: the old plan stays intact until the commit,
    // and the results stored beside it survive the save. Another program's database, or a plan
    // from a newer release, is refused by openForWriting and left untouched.
    auto db = openForWriting(path);
    try {
        writePlanRows(*db, plan);
    } catch (const SqliteError &e) {
        throw std::runtime_error(path + ": cannot write the plan (the previous plan is unchanged): " + e.what());
    }
}

long long appendResult(const std::string &path, const std::string &kind, const std::string &label,
                       const std::string &json)
{
    bool known = false;
    for (const char *k : kResultKinds)
        known = known || kind == k;
    if (!known)
        throw InputError(path, "results.kind", "one of benchmark, simulation, evaluation, chart; got \"" + kind + "\"");
    if (!nlohmann::json::accept(json))
        throw InputError(path, "results.document", "a JSON document for result \"" + label + "\"");
    if (!isSqliteFile(path))
        throw InputError(path, "", "a SQLite plan file (.trplan): results are stored only in the SQLite form");
    auto db = openForWriting(path);
    try {
        Transaction txn(*db);
        Statement(*db, kInsertResult).bind(1, kind).bind(2, label).bind(3, json).run();
        const long long id = db->lastInsertRowId();
        txn.commit();
        return id;
    } catch (const SqliteError &e) {
        throw std::runtime_error(path + ": cannot store the result: " + e.what());
    }
}

std::vector<StoredResult> listResults(const std::string &path, const std::string &kind)
{
    auto db = openForReading(path);
    std::vector<StoredResult> out;
    try {
        Statement st(*db, kind.empty() ? kSelectAllResults : kSelectResultsOfKind);
        if (!kind.empty())
            st.bind(1, kind);
        RowReader r(st, path, "results");
        while (st.step()) {
            StoredResult s;
            s.id = r.integer(0, "id");
            r.setRowId("id " + std::to_string(s.id));
            s.kind = r.text(1, "kind");
            s.label = r.text(2, "label");
            s.createdAt = r.text(3, "created_at");
            s.json = r.text(4, "document");
            out.push_back(std::move(s));
        }
    } catch (const SqliteError &e) {
        reportFileError(path, e, db.get());
    }
    return out;
}

} // namespace tokenroute::planstore
