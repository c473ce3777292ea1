// Google Benchmark view of the CPU kernels on fixed, moderate shapes, for tracking regressions
// between commits (the full measurement with references and calibration is `tokenroute-cli
// bench`). Counters report FLOP/s and bytes/s so results read like the CLI's.

#include <vector>

#include <benchmark/benchmark.h>

#include "kernels/attention.h"
#include "kernels/benchrunner.h"
#include "kernels/bf16.h"
#include "kernels/gemm.h"
#include "kernels/gemv.h"
#include "kernels/memoryprobe.h"
#include "kernels/pagedattention.h"

using namespace tokenroute::kernels;

namespace {

std::vector<float> inputs(std::size_t n, const char *name)
{
    std::vector<float> v(n);
    fillUniform(name, v.data(), n);
    return v;
}

void setRates(benchmark::State &state, double flops, double bytes)
{
    state.counters["FLOP/s"] = benchmark::Counter(flops, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["bytes/s"] = benchmark::Counter(bytes, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_PrefillGemm(benchmark::State &state)
{
    const GemmShape s{std::size_t(state.range(0)), std::size_t(state.range(1)), std::size_t(state.range(2))};
    const auto a = inputs(s.m * s.k, "A");
    const auto b = inputs(s.k * s.n, "B");
    std::vector<float> c(s.m * s.n);
    for (auto _ : state) {
        gemmCpu(s, a.data(), b.data(), c.data(), 0);
        benchmark::DoNotOptimize(c.data());
    }
    setRates(state, s.flops(), s.bytes(4));
}
BENCHMARK(BM_PrefillGemm)->Args({128, 1024, 1024})->Args({17, 1024, 1000})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OpenBlasSgemm(benchmark::State &state)
{
    const GemmShape s{std::size_t(state.range(0)), std::size_t(state.range(1)), std::size_t(state.range(2))};
    const auto a = inputs(s.m * s.k, "A");
    const auto b = inputs(s.k * s.n, "B");
    std::vector<float> c(s.m * s.n);
    for (auto _ : state) {
        gemmOpenBlas(s, a.data(), b.data(), c.data(), 0);
        benchmark::DoNotOptimize(c.data());
    }
    setRates(state, s.flops(), s.bytes(4));
}
BENCHMARK(BM_OpenBlasSgemm)->Args({128, 1024, 1024})->Args({17, 1024, 1000})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PrefillAttention(benchmark::State &state)
{
    const AttentionShape s{std::size_t(state.range(0)), 8, 2, 128};
    const auto q = inputs(s.qElements(), "Q");
    const auto k = inputs(s.kvElements(), "K");
    const auto v = inputs(s.kvElements(), "V");
    std::vector<float> o(s.qElements());
    for (auto _ : state) {
        causalAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), 0);
        benchmark::DoNotOptimize(o.data());
    }
    setRates(state, s.flops(), s.bytes());
}
BENCHMARK(BM_PrefillAttention)->Arg(17)->Arg(256)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DecodeGemvBf16(benchmark::State &state)
{
    const GemvShape s{std::size_t(state.range(0)), 4096, 4096, WeightType::BF16};
    const auto wf = inputs(s.in * s.out, "W");
    std::vector<bf16> w(wf.size());
    for (std::size_t i = 0; i < wf.size(); ++i)
        w[i] = floatToBf16(wf[i]);
    const auto x = inputs(s.batch * s.in, "x");
    std::vector<float> y(s.batch * s.out);
    for (auto _ : state) {
        gemvCpu(s, w.data(), x.data(), y.data(), 0);
        benchmark::DoNotOptimize(y.data());
    }
    setRates(state, s.flops(), s.bytes());
}
BENCHMARK(BM_DecodeGemvBf16)->Arg(1)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DecodeAttentionPaged(benchmark::State &state)
{
    const PagedAttentionShape s = makePagedShape(std::vector<std::size_t>(8, std::size_t(state.range(0))), 32, 8, 128, 1);
    const auto q = inputs(s.batch() * s.heads * s.headDim, "Q");
    const auto k = inputs(s.poolBlocks * s.blockElements(), "K");
    const auto v = inputs(s.poolBlocks * s.blockElements(), "V");
    std::vector<float> o(q.size());
    for (auto _ : state) {
        pagedDecodeAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), 0);
        benchmark::DoNotOptimize(o.data());
    }
    setRates(state, s.flops(), s.bytes());
}
BENCHMARK(BM_DecodeAttentionPaged)->Arg(257)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PointerChase(benchmark::State &state)
{
    const TimingPolicy once{0, 1, 1, 0};
    double ns = 0;
    for (auto _ : state)
        ns = measureLatency(std::size_t(state.range(0)), once, 1u << 16).nsPerLoad;
    state.counters["ns/load"] = ns;
}
BENCHMARK(BM_PointerChase)->Arg(16 << 10)->Arg(4 << 20)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
