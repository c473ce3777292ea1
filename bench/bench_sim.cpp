// Simulator speed: generated requests through the demo plan with a two-tier prefix cache (device
// memory + host DRAM on the prefill pool), replay of the public Mooncake traces when they are
// present beside the repository (never committed), and the raw cost of the cache and the sweep.
// Counters report events per second, simulated figures (hit ratios per tier, TTFT/TPOT
// percentiles) and the peak resident memory, which must stay flat as the request count grows.

#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include <benchmark/benchmark.h>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "core/sim/cachesweep.h"
#include "core/sim/generator.h"
#include "core/sim/prefixcache.h"
#include "core/sim/simplan.h"
#include "core/sim/simulator.h"

using namespace tokenroute;

namespace {

std::string tracesDir()
{
    if (const char *env = std::getenv("TOKENROUTE_SHARED_DIR"))
        return std::string(env) + "/data/traces";
    return std::string(TOKENROUTE_DATA_DIR) + "/../../shared/data/traces";
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

// The demo plan with host DRAM added under the prefill pool's device memory: the two-tier cache.
const PlanSimulation &demoSimulation(RoutingMode routing)
{
    static const Catalog catalog = loadCatalog(std::string(TOKENROUTE_DATA_DIR) + "/catalog");
    static Plan plan = [] {
        Plan p = loadPlan(std::string(TOKENROUTE_DATA_DIR) + "/plans/demo.json");
        for (Pool &pool : p.pools)
            if (pool.role == PoolRole::Prefill && pool.tierIds.empty())
                pool.tierIds = "host-dram-ddr5";
        return p;
    }();
    static PlanSimulation shares = buildPlanSimulation(plan, catalog, PlanSimOptions{});
    static PlanSimulation aware = [] {
        PlanSimOptions o;
        o.routing = RoutingMode::KvAware;
        return buildPlanSimulation(plan, catalog, o);
    }();
    return routing == RoutingMode::Shares ? shares : aware;
}

void report(benchmark::State &state, const SimResult &r)
{
    state.counters["events"] = static_cast<double>(r.events);
    state.counters["decode_steps"] = static_cast<double>(r.decodeSteps);
    state.counters["events_per_s"] = r.wallSeconds > 0 ? static_cast<double>(r.events) / r.wallSeconds : 0;
    state.counters["sim_wall_s"] = r.wallSeconds;
    state.counters["completed"] = static_cast<double>(r.completed);
    state.counters["ttft_p50_ms"] = r.ttft.p50 * 1e3;
    state.counters["ttft_p99_ms"] = r.ttft.p99 * 1e3;
    state.counters["tpot_p50_ms"] = r.tpot.p50 * 1e3;
    state.counters["tpot_p99_ms"] = r.tpot.p99 * 1e3;
    state.counters["prefix_hit"] = r.prefixHitRatio;
    for (const auto &p : r.pools)
        for (std::size_t t = 0; t < p.tiers.size(); ++t)
            state.counters["hit_" + p.tiers[t].name] = p.tiers[t].hitRatio;
    state.counters["peak_rss_mb"] = peakRssMb();
}

void BM_SimulateGenerated(benchmark::State &state)
{
    const PlanSimulation &ps = demoSimulation(RoutingMode::Shares);
    const Workload *w = nullptr;
    SimResult last;
    for (auto _ : state) {
        static const Plan demo = loadPlan(std::string(TOKENROUTE_DATA_DIR) + "/plans/demo.json");
        w = demo.workload(ps.workloadId);
        RequestGenerator gen(workloadGeneratorSpec(*w, "requests=" + std::to_string(state.range(0)) + ",seed=1"));
        last = simulate(ps.config, gen);
        benchmark::DoNotOptimize(last.events);
    }
    report(state, last);
}
BENCHMARK(BM_SimulateGenerated)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ReplayMooncake(benchmark::State &state)
{
    const char *files[] = {"mooncake_fast25_conversation_trace.jsonl", "mooncake_fast25_synthetic_trace.jsonl"};
    const std::string path = tracesDir() + "/" + files[state.range(0)];
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("the Mooncake traces are not present beside the repository");
        return;
    }
    const PlanSimulation &ps = demoSimulation(state.range(1) ? RoutingMode::KvAware : RoutingMode::Shares);
    SimResult last;
    for (auto _ : state) {
        TraceReader reader(path, TraceFormat::Mooncake);
        last = simulate(ps.config, reader);
    }
    report(state, last);
    state.SetLabel(std::string(files[state.range(0)]) + (state.range(1) ? " kv-aware" : " shares"));
}
BENCHMARK(BM_ReplayMooncake)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CacheSweepConversation(benchmark::State &state)
{
    const std::string path = tracesDir() + "/mooncake_fast25_conversation_trace.jsonl";
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("the Mooncake traces are not present beside the repository");
        return;
    }
    std::vector<CacheSweepPoint> points;
    for (auto _ : state) {
        TraceReader reader(path, TraceFormat::Mooncake);
        points = cacheSweep(reader, {state.range(0)});
    }
    state.counters["block_hit_ratio"] = points[0].blockHitRatio;
    state.counters["token_hit_ratio"] = points[0].tokenHitRatio;
}
BENCHMARK(BM_CacheSweepConversation)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_PrefixCacheTiered(benchmark::State &state)
{
    // 20 000 requests of 24 blocks sharing prefixes (about the conversation trace's shape),
    // through SRAM / HBM / DRAM / flash tiers.
    std::mt19937_64 rng(1);
    std::vector<std::vector<std::uint64_t>> reqs;
    std::uint64_t next = 100;
    for (int i = 0; i < 20000; ++i) {
        std::vector<std::uint64_t> r{0};
        const int shared = std::uniform_int_distribution<int>(0, 1)(rng) ? std::uniform_int_distribution<int>(0, 200)(rng) : -1;
        for (int b = 1; b < 24; ++b)
            r.push_back(shared >= 0 && b < 12 ? static_cast<std::uint64_t>(shared) * 64 + b + 1 : next++ + 1000000);
        reqs.push_back(r);
    }
    const auto policy = state.range(0) ? CachePolicy::S3Fifo : CachePolicy::Lru;
    long long blocks = 0;
    for (auto _ : state) {
        PrefixCache cache({{"sram", 100}, {"hbm", 2000}, {"dram", 20000}, {"flash", 100000}}, policy);
        for (const auto &r : reqs) {
            cache.lookup(r);
            cache.insert(r);
            blocks += static_cast<long long>(r.size());
        }
        benchmark::DoNotOptimize(cache.hitBlocks());
    }
    state.SetItemsProcessed(blocks);
    state.SetLabel(policy == CachePolicy::Lru ? "lru" : "s3fifo");
}
BENCHMARK(BM_PrefixCacheTiered)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
