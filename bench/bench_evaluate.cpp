// evaluate() on the demo plan: the UI calls it on every edit, so it must stay well under a
// millisecond (ARCHITECTURE.md performance budgets). Also times the pieces it is made of — one
// estimate and one SLO capacity search — so a regression can be traced to its cause. The
// catalogue load the CLI and the app pay at start is timed beside a plain JSON parse of the same
// files, the floor any loader stands on.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/perf/perfmodel.h"
#include "core/plan/planio.h"

using namespace tokenroute;

namespace {

const Catalog &catalog()
{
    static const Catalog c = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    return c;
}

void BM_EvaluateDemoPlan(benchmark::State &state)
{
    const Plan plan = loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json");
    for (auto _ : state) {
        Evaluation ev = evaluate(plan, catalog());
        benchmark::DoNotOptimize(ev);
    }
    state.counters["pools"] = double(plan.pools.size());
    state.counters["workloads"] = double(plan.workloads.size());
}
BENCHMARK(BM_EvaluateDemoPlan)->Unit(benchmark::kMicrosecond);

DeviceSetup h200x8()
{
    DeviceSetup s;
    s.device = catalog().accelerator("h200");
    s.count = 8;
    s.tp = 8;
    s.weights = Precision::FP8;
    s.kv = Precision::FP8;
    return s;
}

void BM_Estimate70bOnH200x8(benchmark::State &state)
{
    const ModelArch &a = catalog().model("llama-3.1-70b")->arch;
    const DeviceSetup s = h200x8();
    for (auto _ : state) {
        Estimate e = estimate(a, s, 2048, 512, 0);
        benchmark::DoNotOptimize(e);
    }
}
BENCHMARK(BM_Estimate70bOnH200x8)->Unit(benchmark::kMicrosecond);

void BM_CapacityAtSlo70bOnH200x8(benchmark::State &state)
{
    const ModelArch &a = catalog().model("llama-3.1-70b")->arch;
    const DeviceSetup s = h200x8();
    for (auto _ : state) {
        PoolCapacity c = capacityAtSlo(a, s, ServingRole::Combined, 2048, 512, 2.0, 0.05);
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(BM_CapacityAtSlo70bOnH200x8)->Unit(benchmark::kMicrosecond);

void BM_LoadCatalog(benchmark::State &state)
{
    for (auto _ : state) {
        Catalog c = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(BM_LoadCatalog)->Unit(benchmark::kMillisecond);

// Reference: read and parse the catalogue's JSON files, with no validation or conversion.
void BM_ParseCatalogJsonOnly(benchmark::State &state)
{
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(TOKENROUTE_DATA_DIR "/catalog"))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    for (auto _ : state) {
        for (const auto &f : files) {
            std::ifstream in(f, std::ios::binary);
            const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            nlohmann::json j = nlohmann::json::parse(text);
            benchmark::DoNotOptimize(j);
        }
    }
    state.counters["files"] = double(files.size());
}
BENCHMARK(BM_ParseCatalogJsonOnly)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
