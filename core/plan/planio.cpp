// Entry points for plan files. The form is told by content — SQLite's 16-byte header — so a plan
// renamed to .json, or a JSON plan without an extension, still opens; everything SQLite-specific
// lives in planstore.cpp and everything JSON-specific in planjson.cpp.

#include "core/plan/planio.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/plan/planstore.h"
#include "core/plan/planvalidate.h"
#include "core/util/error.h"

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
    const std::string text = planToJson(plan).dump(2) + "\n";
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
