#include "kernels/harness.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "kernels/kernelerror.h"

namespace tokenroute::kernels {

double percentileSorted(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

TimingStats summarise(std::vector<double> samples)
{
    if (samples.empty())
        throw KernelError("timing: no samples to summarise");
    for (double s : samples)
        if (!std::isfinite(s) || s < 0)
            throw KernelError("timing: a sample is negative or not finite (" + std::to_string(s) + " ms)");
    std::sort(samples.begin(), samples.end());
    TimingStats t;
    t.repeats = static_cast<int>(samples.size());
    t.minMs = samples.front();
    t.maxMs = samples.back();
    t.medianMs = percentileSorted(samples, 0.5);
    t.p10Ms = percentileSorted(samples, 0.1);
    t.p90Ms = percentileSorted(samples, 0.9);
    t.meanMs = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    double var = 0;
    for (double s : samples)
        var += (s - t.meanMs) * (s - t.meanMs);
    // Sample (n-1) variance: the repeats are a sample of the kernel's run-time distribution.
    t.stddevMs = samples.size() > 1 ? std::sqrt(var / static_cast<double>(samples.size() - 1)) : 0;
    return t;
}

TimingPolicy quickPolicy()
{
    TimingPolicy p;
    p.warmups = 1;
    p.minRepeats = 3;
    p.maxRepeats = 20;
    p.minTotalMs = 60;
    return p;
}

TimingStats timeRepeated(const std::function<double()> &run, const TimingPolicy &policy,
                         const std::function<void()> &beforeEach)
{
    for (int i = 0; i < policy.warmups; ++i) {
        if (beforeEach)
            beforeEach();
        run();
    }
    std::vector<double> samples;
    double total = 0;
    const int maxRepeats = std::max(policy.maxRepeats, std::max(policy.minRepeats, 1));
    while (static_cast<int>(samples.size()) < maxRepeats
           && (static_cast<int>(samples.size()) < std::max(policy.minRepeats, 1) || total < policy.minTotalMs)) {
        if (beforeEach)
            beforeEach();
        const double ms = run();
        samples.push_back(ms);
        total += ms;
    }
    TimingStats t = summarise(std::move(samples));
    t.warmups = policy.warmups;
    return t;
}

TimingStats timeHost(const std::function<void()> &body, const TimingPolicy &policy,
                     const std::function<void()> &beforeEach)
{
    return timeRepeated(
        [&] {
            const auto start = std::chrono::steady_clock::now();
            body();
            const auto stop = std::chrono::steady_clock::now();
            return std::chrono::duration<double, std::milli>(stop - start).count();
        },
        policy, beforeEach);
}

} // namespace tokenroute::kernels
