// evaluate() on the demo plan: the UI calls it on every edit, so it must stay well under a
// millisecond (ARCHITECTURE.md performance budgets). Also times the pieces it is made of — one
// estimate and one SLO capacity search — so a regression can be traced to its cause.

#include <benchmark/benchmark.h>

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

} // namespace

BENCHMARK_MAIN();
