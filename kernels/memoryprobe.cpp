#include "kernels/memoryprobe.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <numeric>
#include <random>

#include "kernels/buffer.h"
#include "kernels/kernelerror.h"
#include "kernels/parallel.h"
#include "kernels/simd.h"

namespace tokenroute::kernels {

namespace {

// Enough bytes per timed run that thread start-up (~tens of µs) is under 1 % of it.
constexpr double kBytesPerRun = 256.0 * 1024 * 1024;
constexpr std::size_t kLine = 64;

TOKENROUTE_SIMD_CLONES
float readSlice(const float *p, std::size_t n, std::size_t passes)
{
    float total = 0.f;
    for (std::size_t pass = 0; pass < passes; ++pass) {
        float s = 0.f;
#pragma omp simd reduction(+ : s)
        for (std::size_t i = 0; i < n; ++i)
            s += p[i];
        total += s;
    }
    return total;
}

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Keeps the compiler from dropping a read loop whose result would otherwise be unused.
volatile float g_sink = 0.f;

} // namespace

std::vector<std::size_t> workingSetSweep(std::size_t maxBytes)
{
    std::vector<std::size_t> sizes;
    for (std::size_t s = 4096; s <= maxBytes; s *= 2)
        sizes.push_back(s);
    return sizes;
}

BandwidthPoint measureReadBandwidth(std::size_t workingSetBytes, int threads, const TimingPolicy &policy)
{
    if (workingSetBytes < 4096)
        throw KernelError("memory probe: working set must be at least 4 KiB");
    requireHostMemory("memory probe", workingSetBytes);
    const int workers = threads <= 0 ? defaultThreads() : threads;
    const std::size_t n = workingSetBytes / sizeof(float);
    HostBuffer<float> buf(n);
    // Each worker touches its own slice first so its pages sit on its NUMA node.
    parallelFor(n, workers, 16, [&](std::size_t b, std::size_t e, int) {
        for (std::size_t i = b; i < e; ++i)
            buf[i] = 1.0f;
    });
    const std::size_t passes = std::max<std::size_t>(1, static_cast<std::size_t>(kBytesPerRun / static_cast<double>(workingSetBytes)));
    BandwidthPoint pt;
    pt.workingSetBytes = workingSetBytes;
    pt.timing = timeHost(
        [&] {
            parallelFor(n, workers, 16, [&](std::size_t b, std::size_t e, int) {
                g_sink = g_sink + readSlice(buf.data() + b, e - b, passes);
            });
        },
        policy);
    pt.bytesPerSecond = static_cast<double>(workingSetBytes) * static_cast<double>(passes) / (pt.timing.medianMs * 1e-3);
    return pt;
}

std::vector<std::size_t> randomCycle(std::size_t nodes, unsigned seed)
{
    // Sattolo's algorithm: a uniformly random permutation that is a single cycle.
    std::vector<std::size_t> order(nodes);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(seed);
    for (std::size_t i = nodes - 1; i > 0; --i) {
        std::uniform_int_distribution<std::size_t> pick(0, i - 1);
        std::swap(order[i], order[pick(rng)]);
    }
    std::vector<std::size_t> next(nodes);
    for (std::size_t i = 0; i < nodes; ++i)
        next[order[i]] = order[(i + 1) % nodes];
    return next;
}

LatencyPoint measureLatency(std::size_t workingSetBytes, const TimingPolicy &policy, std::size_t loadsPerRun)
{
    if (workingSetBytes < 2 * kLine)
        throw KernelError("memory probe: latency working set must hold at least two cache lines");
    requireHostMemory("memory probe", workingSetBytes * 2);
    const std::size_t nodes = workingSetBytes / kLine;
    // Each node is a cache line whose first word points at the next node's line.
    HostBuffer<void *> lines(nodes * (kLine / sizeof(void *)));
    const std::vector<std::size_t> next = randomCycle(nodes, 12345u);
    constexpr std::size_t stride = kLine / sizeof(void *);
    for (std::size_t i = 0; i < nodes; ++i)
        lines[i * stride] = &lines[next[i] * stride];
    // Walk the cycle at least twice, and long enough (>= 10 ms at DRAM latency) to time reliably.
    const std::size_t loads = loadsPerRun > 0 ? loadsPerRun : std::max<std::size_t>(2 * nodes, 1u << 20);
    LatencyPoint pt;
    pt.workingSetBytes = workingSetBytes;
    void *p = &lines[0];
    pt.timing = timeRepeated(
        [&] {
            const double start = nowMs();
            void *cur = p;
            for (std::size_t i = 0; i < loads; ++i)
                cur = *static_cast<void **>(cur);
            const double stop = nowMs();
            p = cur; // carries the dependency out so the loop cannot be removed
            return stop - start;
        },
        policy);
    g_sink = g_sink + static_cast<float>(reinterpret_cast<std::uintptr_t>(p) & 1u);
    pt.nsPerLoad = pt.timing.medianMs * 1e6 / static_cast<double>(loads);
    return pt;
}

BandwidthPoint measureTriad(std::size_t arrayBytes, int threads, const TimingPolicy &policy)
{
    const std::size_t n = arrayBytes / sizeof(double);
    if (n == 0)
        throw KernelError("stream triad: array size must be at least 8 bytes");
    requireHostMemory("stream triad", 3 * arrayBytes);
    const int workers = threads <= 0 ? defaultThreads() : threads;
    HostBuffer<double> a(n), b(n), c(n);
    auto forSlices = [&](auto &&fn) { parallelFor(n, workers, 8, [&](std::size_t lo, std::size_t hi, int) { fn(lo, hi); }); };
    forSlices([&](std::size_t lo, std::size_t hi) {
        for (std::size_t i = lo; i < hi; ++i) {
            a[i] = 0.0;
            b[i] = 1.0;
            c[i] = 2.0;
        }
    });
    const double scalar = 3.0;
    BandwidthPoint pt;
    pt.workingSetBytes = 3 * n * sizeof(double);
    pt.timing = timeHost(
        [&] {
            forSlices([&](std::size_t lo, std::size_t hi) {
                double *__restrict ap = a.data();
                const double *__restrict bp = b.data();
                const double *__restrict cp = c.data();
#pragma omp simd
                for (std::size_t i = lo; i < hi; ++i)
                    ap[i] = bp[i] + scalar * cp[i];
            });
        },
        policy);
    if (a[n / 2] != 7.0)
        throw KernelError("stream triad: wrong result, the loop did not run as written");
    pt.bytesPerSecond = static_cast<double>(pt.workingSetBytes) / (pt.timing.medianMs * 1e-3);
    return pt;
}

BandwidthPoint measureMemcpy(std::size_t bytes, int threads, const TimingPolicy &policy)
{
    if (bytes == 0)
        throw KernelError("memcpy bandwidth: size must be at least 1 byte");
    requireHostMemory("memcpy bandwidth", 2 * bytes);
    const int workers = threads <= 0 ? defaultThreads() : threads;
    HostBuffer<char> src(bytes), dst(bytes);
    parallelFor(bytes, workers, 4096, [&](std::size_t lo, std::size_t hi, int) {
        std::memset(src.data() + lo, 1, hi - lo);
        std::memset(dst.data() + lo, 0, hi - lo);
    });
    BandwidthPoint pt;
    pt.workingSetBytes = 2 * bytes;
    pt.timing = timeHost(
        [&] {
            parallelFor(bytes, workers, 4096, [&](std::size_t lo, std::size_t hi, int) {
                std::memcpy(dst.data() + lo, src.data() + lo, hi - lo);
            });
        },
        policy);
    pt.bytesPerSecond = 2.0 * static_cast<double>(bytes) / (pt.timing.medianMs * 1e-3);
    return pt;
}

} // namespace tokenroute::kernels
