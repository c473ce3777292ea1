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

// The directory holding the executable. argv[0] is a bare name when the program was found through
// PATH ("tokenroute-cli"), and may be missing altogether; the kernel's /proc/self/exe then says
// where the binary really is. The current directory is the last resort.
fs::path executableDir(const std::string &executablePath)
{
    std::error_code ec;
    const fs::path exe(executablePath);
    if (!executablePath.empty() && exe.has_parent_path())
        return fs::absolute(exe, ec).parent_path();
    if (fs::path self = fs::read_symlink("/proc/self/exe", ec); !ec && self.has_parent_path())
        return self.parent_path();
    return fs::current_path(ec);
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
