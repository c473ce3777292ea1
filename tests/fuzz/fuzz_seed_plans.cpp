// Writes the SQLite seeds of fuzz_plan_sqlite into the folder it is given: plans saved by the
// current store (so the seeds follow today's schema without committing binary files), one with
// stored results, and the committed schema-1 file that exercises the migrations.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "core/plan/planio.h"

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seed_plans FOLDER\n");
        return 2;
    }
    const std::string dir = argv[1];
    try {
        fs::create_directories(dir);
        using namespace tokenroute;
        const std::string demo = dir + "/demo.trplan";
        const std::string small = dir + "/small.trplan";
        const std::string results = dir + "/results.trplan";
        for (const std::string &p : {demo, small, results})
            fs::remove(p);
        savePlanSqlite(loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json"), demo);
        savePlanSqlite(loadPlan(TOKENROUTE_TEST_DATA "/plan/small.json"), small);
        savePlanSqlite(loadPlan(TOKENROUTE_TEST_DATA "/plan/small.json"), results);
        appendResult(results, "simulation", "seed run", R"({"requests": 6, "ttft_ms": {"p50": 12.5}})");
        appendResult(results, "benchmark", "seed bench", R"({"gemm": [1, 2, 3]})");
        fs::copy_file(TOKENROUTE_TEST_DATA "/plan/v1.trplan", dir + "/v1.trplan", fs::copy_options::overwrite_existing);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "fuzz_seed_plans: %s\n", e.what());
        return 1;
    }
    return 0;
}
