#pragma once
// The plan's native file: one SQLite database (SQLite's "application file format" pattern), with
// the plan's entities in tables and the results computed from it (evaluations, benchmark and
// simulation runs, chart series) beside them, so one file carries a design and its evidence.
//
// The file identifies itself with PRAGMA application_id and versions its schema with
// PRAGMA user_version. Opening an older file runs the migration ladder — in place when the file
// is being written, on an in-memory copy when it is only read, so looking at an old plan never
// changes it. A newer file is refused with a message rather than misread.
//
// loadPlan/savePlanSqlite/appendResult in planio.h are the public entry points; this header
// exposes the schema identity so that tests can build fixtures of old versions and check stamps.

#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "core/plan/planio.h"

namespace tokenroute::planstore {

// "TRPL" in ASCII: lets `file` and SQLite tools tell a TokenRoute plan from any other database.
inline constexpr int kApplicationId = 0x5452504C;
// 1: first schema. 2: pools.memory_fraction and pools.tier_ids; the results table.
inline constexpr int kSchemaVersion = 2;

// The SQL that creates schema version `version` from the one before it (1 creates from empty).
// Exposed so tests can build a database of any old version exactly as that release did.
const std::string &migrationSql(int version);

Plan read(const std::string &path);
void write(const Plan &plan, const std::string &path);
long long appendResult(const std::string &path, const std::string &kind, const std::string &label,
                       const std::string &json);
std::vector<StoredResult> listResults(const std::string &path, const std::string &kind);

} // namespace tokenroute::planstore
