// Fuzzes the plan's SQLite file: identity stamps, schema version and migrations, every table's rows,
// the results list, all through the store's own calls. Seeds are real plan files written by
// fuzz_seed_plans (so they follow the current schema); the mutations damage pages, headers and rows.
// Each run gets a fresh file with no journal or WAL beside it, so runs cannot leak into each other.
#include <filesystem>

#include "core/plan/planio.h"
#include "tests/fuzz/fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    namespace fs = std::filesystem;
    const std::string path = tokenroute::fuzz::writeScratch("plan.trplan", data, size);
    std::error_code ec;
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        fs::remove(path + suffix, ec);
    return tokenroute::fuzz::expectInputErrorOnly([&] {
        tokenroute::loadPlan(path);
        tokenroute::listResults(path, "");
    });
}
