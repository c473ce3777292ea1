#pragma once
// Reading and writing plans: the SQLite document (the native format) and its JSON form (for review
// and version control). Every command that takes a PLAN accepts either; the form is told by content
// (SQLite's header), not by extension. Writes never truncate the previous file first.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/plan/plan.h"

namespace tokenroute {

Plan loadPlan(const std::string &path);                       // SQLite or JSON, by content
void savePlanSqlite(const Plan &plan, const std::string &path); // creates or updates in one transaction
void savePlanJson(const Plan &plan, const std::string &path);   // temp file + rename

nlohmann::json planToJson(const Plan &plan);
Plan planFromJson(const nlohmann::json &j, const std::string &file); // InputError names file and field

bool isSqliteFile(const std::string &path);

// Results stored with the plan (benchmark runs, simulation runs, evaluations, chart series), each a
// JSON document with a kind, a label and a timestamp. Appending needs a SQLite plan file.
struct StoredResult {
    long long id = 0;
    std::string kind;        // "benchmark", "simulation", "evaluation", "chart"
    std::string label;
    std::string createdAt;   // ISO 8601 UTC
    std::string json;        // the result document
};
long long appendResult(const std::string &planPath, const std::string &kind, const std::string &label,
                       const std::string &json);
std::vector<StoredResult> listResults(const std::string &planPath, const std::string &kind);

} // namespace tokenroute
