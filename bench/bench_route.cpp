// Router and sizing timings at the sizes the architecture budgets: routing 50 workloads over 20
// pools (< 50 ms), sizing 10 workloads over 6 device types (< 1 s), and the demo plan end to end
// (evaluation, topology, LP). The synthetic problems are seeded so every run times the same LP.

#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "core/route/router.h"
#include "core/route/sizing.h"

using namespace tokenroute;

namespace {

// Pools alternate prefill / decode / combined; every pair of distinct pools is joined through one
// of a few spine links, so the link rows bind for KV-heavy workloads.
RouteProblem syntheticRouting(int workloads, int pools, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> U(0, 1);
    RouteProblem pr;
    const PoolRole roles[] = {PoolRole::Prefill, PoolRole::Decode, PoolRole::Combined};
    for (int l = 0; l < 6; ++l)
        pr.links.push_back({l + 1, "spine" + std::to_string(l), 50e9 + U(rng) * 150e9, 0.002});
    for (int p = 0; p < pools; ++p) {
        RoutePool rp;
        rp.id = p + 1;
        rp.name = "pool" + std::to_string(p + 1);
        rp.role = roles[p % 3];
        rp.devices = 8 * (1 + static_cast<int>(U(rng) * 8));
        rp.usdPerHour = rp.devices * (1 + U(rng) * 6);
        for (int w = 0; w < workloads; ++w) {
            RouteOffer o;
            o.fits = U(rng) < 0.9;
            o.canPrefill = rp.role != PoolRole::Decode;
            o.canDecode = rp.role != PoolRole::Prefill;
            o.canCombined = rp.role == PoolRole::Combined;
            o.prefillWork = 0.01 + U(rng) * 0.3;
            o.decodeWork = 0.05 + U(rng) * 0.6;
            o.combinedWork = (o.prefillWork + o.decodeWork) * (1 + U(rng) * 0.3);
            o.ttftMs = 50 + U(rng) * 1500;
            o.tpotMs = 5 + U(rng) * 80;
            o.combinedTtftMs = o.ttftMs * 1.3;
            o.combinedTpotMs = o.tpotMs * 1.2;
            o.prefillKvByteSeconds = U(rng) * 1e9;
            o.decodeKvByteSeconds = U(rng) * 3e10;
            o.combinedKvByteSeconds = o.prefillKvByteSeconds + o.decodeKvByteSeconds;
            o.kvCapacityBytes = rp.devices * 60e9;
            rp.offers.push_back(o);
        }
        pr.pools.push_back(rp);
    }
    for (int w = 0; w < workloads; ++w) {
        RouteWorkload rw;
        rw.id = w + 1;
        rw.name = "w" + std::to_string(w + 1);
        rw.ratePerS = 1 + U(rng) * 20;
        rw.inputTokens = 200 + U(rng) * 8000;
        rw.outputTokens = 50 + U(rng) * 800;
        rw.ttftSloMs = 500 + U(rng) * 2000;
        rw.tpotSloMs = 20 + U(rng) * 80;
        rw.kvTransferBytes = rw.inputTokens * 160e3;
        pr.workloads.push_back(rw);
    }
    for (const RoutePool &a : pr.pools)
        for (const RoutePool &b : pr.pools) {
            if (a.id == b.id)
                continue;
            RoutePath path;
            path.fromPool = a.id;
            path.toPool = b.id;
            path.reachable = true;
            const RouteLink &l = pr.links[(a.id * 7 + b.id) % pr.links.size()];
            path.bandwidthBytesPerS = l.bandwidthBytesPerS;
            path.latencyMs = 0.01;
            path.links.push_back({l.id, a.id < b.id});
            pr.paths.push_back(path);
        }
    return pr;
}

SizingProblem syntheticSizing(int workloads, int devices, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> U(0, 1);
    SizingProblem sp;
    for (int w = 0; w < workloads; ++w) {
        RouteWorkload rw;
        rw.id = w + 1;
        rw.name = "w" + std::to_string(w + 1);
        rw.ratePerS = 2 + U(rng) * 40;
        rw.inputTokens = 200 + U(rng) * 8000;
        rw.outputTokens = 50 + U(rng) * 800;
        rw.ttftSloMs = 800 + U(rng) * 2000;
        rw.tpotSloMs = 30 + U(rng) * 70;
        rw.kvTransferBytes = rw.inputTokens * 160e3;
        sp.workloads.push_back(rw);
    }
    for (int t = 0; t < devices; ++t) {
        SizingDevice d;
        d.id = "dev" + std::to_string(t + 1);
        d.name = d.id;
        d.usdPerDeviceHour = 0.5 + U(rng) * 5;
        d.replicaDevices = 1 << static_cast<int>(U(rng) * 4);
        d.homogeneousCandidate = t % 2 == 0;
        for (int w = 0; w < workloads; ++w) {
            RouteOffer o;
            o.fits = o.canPrefill = o.canDecode = o.canCombined = true;
            o.prefillWork = 0.01 + U(rng) * 0.3;
            o.decodeWork = 0.05 + U(rng) * 0.6;
            o.combinedWork = (o.prefillWork + o.decodeWork) * (1 + U(rng) * 0.3);
            o.ttftMs = 50 + U(rng) * 700;
            o.tpotMs = 5 + U(rng) * 40;
            o.combinedTtftMs = o.ttftMs * 1.3;
            o.combinedTpotMs = o.tpotMs * 1.2;
            o.prefillKvByteSeconds = U(rng) * 1e9;
            o.decodeKvByteSeconds = U(rng) * 3e10;
            o.combinedKvByteSeconds = o.prefillKvByteSeconds + o.decodeKvByteSeconds;
            o.kvCapacityBytes = 40e9 + U(rng) * 100e9;
            d.offers.push_back(o);
        }
        sp.devices.push_back(d);
    }
    return sp;
}

void BM_Route50Workloads20Pools(benchmark::State &state)
{
    const RouteProblem pr = syntheticRouting(50, 20, 42);
    const auto policy = static_cast<RoutePolicy>(state.range(0));
    double unserved = 0;
    for (auto _ : state) {
        RoutingResult r = route(pr, policy);
        unserved = r.unservedTotal;
        benchmark::DoNotOptimize(r.objective);
    }
    state.counters["unserved"] = unserved;
    state.SetLabel(toString(policy));
}
BENCHMARK(BM_Route50Workloads20Pools)
    ->Arg(int(RoutePolicy::Cost))
    ->Arg(int(RoutePolicy::Latency))
    ->Arg(int(RoutePolicy::Rules))
    ->Unit(benchmark::kMillisecond);

void BM_Size10Workloads6Devices(benchmark::State &state)
{
    const SizingProblem sp = syntheticSizing(10, 6, 7);
    int devices = 0;
    for (auto _ : state) {
        SizingResult r = size(sp);
        devices = r.mixed.devices;
        benchmark::DoNotOptimize(r.mixed.usdPerHour);
    }
    state.counters["devices"] = devices;
}
BENCHMARK(BM_Size10Workloads6Devices)->Unit(benchmark::kMillisecond);

void BM_RouteDemoPlan(benchmark::State &state)
{
    Plan plan;
    Catalog catalog;
    try {
        catalog = loadCatalog(std::string(TOKENROUTE_DATA_DIR) + "/catalog");
        plan = loadPlan(std::string(TOKENROUTE_DATA_DIR) + "/plans/demo.json");
    } catch (const std::exception &e) {
        state.SkipWithError(e.what());
        return;
    }
    for (auto _ : state) {
        PlanRouting r = routePlan(plan, catalog);
        benchmark::DoNotOptimize(r.result.objective);
    }
}
BENCHMARK(BM_RouteDemoPlan)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
