// Locating the data directory. An installed binary finds it beside itself (../share/tokenroute/data);
// a development build finds the source tree's data/ by walking up from the binary (build/<x>/app/
// tokenroute-cli -> <repo>/data). A directory counts only if it holds catalog/accelerators.json, so a
// stray "data" folder on the way up is not mistaken for the catalogue.

#include "core/catalog/catalog.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/util/error.h"

namespace tokenroute {

namespace fs = std::filesystem;

namespace {

bool isDataDir(const fs::path &dir)
{
    std::error_code ec;
    return fs::is_regular_file(dir / "catalog" / "accelerators.json", ec);
}

std::string normalised(const fs::path &p)
{
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(p, ec);
    return (ec ? p.lexically_normal() : canonical).string();
}

// The directory holding the executable; a bare name ("tokenroute-cli" run through PATH) gives an
// empty parent, in which case the current directory is the only thing to go on.
fs::path executableDir(const std::string &executablePath)
{
    std::error_code ec;
    if (executablePath.empty())
        return fs::current_path(ec);
    fs::path exe(executablePath);
    if (!exe.has_parent_path())
        return fs::current_path(ec);
    return fs::absolute(exe, ec).parent_path();
}

} // namespace

std::string findDataDir(const std::string &executablePath)
{
    // An explicit override wins and must be right: silently falling back would hide a typo.
    if (const char *env = std::getenv("TOKENROUTE_DATA_DIR"); env && *env) {
        if (!isDataDir(env))
            throw InputError("$TOKENROUTE_DATA_DIR", env,
                             "expected a data directory containing catalog/accelerators.json");
        return normalised(env);
    }

    const fs::path exeDir = executableDir(executablePath);
    const fs::path installed = exeDir / ".." / "share" / "tokenroute" / "data";
    if (isDataDir(installed))
        return normalised(installed);

    // Development trees: the binary sits a few levels below the repository root. Eight levels
    // covers build/<config>/<sub>/<dir>/binary layouts with room to spare.
    fs::path dir = exeDir;
    for (int level = 0; level < 8 && !dir.empty(); ++level) {
        if (isDataDir(dir / "data"))
            return normalised(dir / "data");
        fs::path parent = dir.parent_path();
        if (parent == dir)
            break;
        dir = parent;
    }

    throw InputError("", "data directory",
                     "not found: set TOKENROUTE_DATA_DIR, or install to <prefix>/share/tokenroute/data (searched from "
                         + exeDir.string() + ")");
}

} // namespace tokenroute
