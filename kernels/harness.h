#pragma once
// The timing harness shared by every kernel: warm-up runs (page faults, caches, CUDA lazy module
// loading all happen there), then timed repeats until both a minimum count and a minimum total
// time are reached, and a summary that is robust to the odd preempted run: the median is the
// figure reported, the 10th-90th percentile range relative to the median is the spread.
// The clock is passed in so that CUDA can time with events and the CPU with steady_clock.

#include <functional>
#include <vector>

namespace tokenroute::kernels {

struct TimingStats {
    int warmups = 0;
    int repeats = 0;
    double medianMs = 0;
    double meanMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double stddevMs = 0;
    double p10Ms = 0;
    double p90Ms = 0;

    // (p90 - p10) / median: 0.05 means the middle 80 % of runs lie within 5 % of the median.
    double spread() const { return medianMs > 0 ? (p90Ms - p10Ms) / medianMs : 0; }
};

// Summarises samples in milliseconds. Throws KernelError when empty or when a sample is negative
// or not finite (a broken clock must not turn into a plausible figure).
TimingStats summarise(std::vector<double> samplesMs);

// Linear-interpolated percentile (q in [0, 1]) of sorted samples.
double percentileSorted(const std::vector<double> &sorted, double q);

struct TimingPolicy {
    int warmups = 2;
    int minRepeats = 5;
    int maxRepeats = 100;
    double minTotalMs = 300;   // enough samples that the median is stable on a shared machine
};

// A quick run trades sample count for time: bench --quick must finish within a minute on 2 cores.
TimingPolicy quickPolicy();

// Runs `run` (which returns its own duration in ms) per the policy. `beforeEach`, if given, runs
// untimed before every repeat (e.g. to flush a cache).
TimingStats timeRepeated(const std::function<double()> &run, const TimingPolicy &policy,
                         const std::function<void()> &beforeEach = {});

// Convenience for host code: times `body` with steady_clock.
TimingStats timeHost(const std::function<void()> &body, const TimingPolicy &policy,
                     const std::function<void()> &beforeEach = {});

} // namespace tokenroute::kernels
