// Entry points for plan files. The form is told by content — SQLite's 16-byte header — so a plan
// renamed to .json, or a JSON plan without an extension, still opens; everything SQLite-specific
// lives in planstore.cpp and everything JSON-specific in planjson.cpp.

#include "core/plan/planio.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/plan/planstore.h"
#include "core/plan/planvalidate.h"
#include "core/util/error.h"
#include "core/util/jsonguard.h"

namespace tokenroute {

namespace {

// Every SQLite 3 database starts with these 16 bytes, NUL included (sqlite.org/fileformat.html §1.3.1).
constexpr char kSqliteMagic[] = "SQLite format 3";
constexpr std::size_t kSqliteMagicSize = sizeof kSqliteMagic; // 16, with the terminating NUL

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "a readable file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// nlohmann reports a byte offset; people look for lines and columns.
std::string lineAndColumn(const std::string &text, std::size_t byte)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Keys in the order a reader expects them: identity first, then the fields in the order of the
// structs. Keys not listed (none today) follow alphabetically.
constexpr const char *kKeyOrder[] = {
    "format", "version", "id", "name", "description", "policies", "racks", "pools", "items", "links", "workloads",
    "imported_models", "catalog_id", "rack_id", "u_position", "pool_id", "units", "power_budget_kw", "cooling",
    "max_weight_kg", "row", "position", "role", "weights", "kv", "tp", "pp", "ep", "memory_fraction", "tier_ids",
    "edge_device_id", "edge_device_count", "from_item", "to_item", "link_type_id", "lanes", "model_id", "rate_per_s",
    "input_mean", "input_p90", "output_mean", "output_p90", "prefix_reuse", "ttft_slo_ms", "tpot_slo_ms",
    "interactive", "edge", "tag_overrides", "route_policy", "amortisation_years", "electricity_usd_per_kwh", "pue",
    "cost_cap_usd_per_hour", "use_cloud_prices", "arch", "stated_total_params", "stated_active_params", "provenance"};

std::size_t keyRank(const std::string &key)
{
    std::size_t i = 0;
    for (const char *k : kKeyOrder) {
        if (key == k)
            return i;
        ++i;
    }
    return i;
}

std::vector<std::string> orderedKeys(const nlohmann::json &j)
{
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(),
                     [](const std::string &a, const std::string &b) { return keyRank(a) < keyRank(b); });
    return keys;
}

// One value on one line, with a space after ':' and ','.
std::string compact(const nlohmann::json &j)
{
    if (j.is_object()) {
        std::string s = "{";
        for (const std::string &k : orderedKeys(j))
            s += (s.size() > 1 ? ", " : "") + nlohmann::json(k).dump() + ": " + compact(j.at(k));
        return s + "}";
    }
    if (j.is_array()) {
        std::string s = "[";
        for (const auto &e : j)
            s += (s.size() > 1 ? ", " : "") + compact(e);
        return s + "]";
    }
    // Whole numbers stored as doubles print without ".0" (4, not 4.0), as a person would write
    // them; below 2^53 the value reads back exactly.
    if (j.is_number_float()) {
        const double v = j.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
            return std::to_string(static_cast<long long>(v));
    }
    return j.dump();
}

// The layout of a plan file meant for review: top-level fields one per line, and one line per
// rack, item, pool, link or workload, so that a diff shows exactly which entity changed.
std::string planJsonText(const Plan &plan)
{
    const nlohmann::json j = planToJson(plan);
    std::string out = "{\n";
    const auto keys = orderedKeys(j);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const nlohmann::json &v = j.at(keys[i]);
        out += "  " + nlohmann::json(keys[i]).dump() + ": ";
        if (v.is_array() && !v.empty()) {
            out += "[\n";
            for (std::size_t e = 0; e < v.size(); ++e)
                out += "    " + compact(v[e]) + (e + 1 < v.size() ? ",\n" : "\n");
            out += "  ]";
        } else {
            out += compact(v);
        }
        out += i + 1 < keys.size() ? ",\n" : "\n";
    }
    return out + "}\n";
}

Plan loadPlanJson(const std::string &path)
{
    const std::string text = readText(path);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(path, "", "a plan as SQLite or JSON; the file is empty");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &e) {
        // Points at the byte after the last one read, so a truncated file names its end.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        // nlohmann's message repeats the position; keep only what went wrong.
        std::string why = e.what();
        if (const auto p = why.find("syntax error"); p != std::string::npos)
            why = why.substr(p);
        throw InputError(path, lineAndColumn(text, at), "a plan as SQLite or valid JSON; JSON " + why);
    } catch (const nlohmann::json::out_of_range &e) {
        // A number beyond a double (1e400): the parser names the literal but not where it is.
        const auto o = locateNumberOverflow(text, e.what());
        throw InputError(path, lineAndColumn(text, o.byte), "a number a double can hold, got " + o.literal);
    }
    return planFromJson(j, path);
}

} // namespace

bool isSqliteFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char header[kSqliteMagicSize] = {};
    if (!in.read(header, kSqliteMagicSize))
        return false;
    return std::memcmp(header, kSqliteMagic, kSqliteMagicSize) == 0;
}

Plan loadPlan(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError(path, "", "an existing plan file (.trplan or .json)");
    if (isSqliteFile(path))
        return planstore::read(path);
    return loadPlanJson(path);
}

void savePlanSqlite(const Plan &plan, const std::string &path)
{
    planstore::write(plan, path);
}

void savePlanJson(const Plan &plan, const std::string &path)
{
    namespace fs = std::filesystem;
    validatePlan(plan, path, jsonFieldNamer());
    // A SQLite plan holds results that JSON cannot carry; replacing it by its JSON form would
    // silently discard them.
    if (isSqliteFile(path))
        throw InputError(path, "", "a JSON file to write; this is a SQLite plan and was left untouched");
    const std::string text = planJsonText(plan);
    const std::string tmp = path + ".saving";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw std::runtime_error(path + ": cannot write the plan (the previous file is unchanged)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(tmp, ec);
        throw std::runtime_error(path + ": cannot replace the file: " + why);
    }
}

long long appendResult(const std::string &planPath, const std::string &kind, const std::string &label,
                       const std::string &json)
{
    return planstore::appendResult(planPath, kind, label, json);
}

std::vector<StoredResult> listResults(const std::string &planPath, const std::string &kind)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(planPath, ec))
        throw InputError(planPath, "", "an existing plan file (.trplan or .json)");
    // The JSON form carries no results; it is a valid plan with an empty history.
    if (!isSqliteFile(planPath))
        return {};
    return planstore::listResults(planPath, kind);
}

} // namespace tokenroute
