#pragma once
// The memory hierarchy, measured: read bandwidth and dependent-load latency against working-set
// size, from 4 KiB (L1) to beyond the last-level cache (DRAM). The cliff between them is the
// SRAM-versus-DRAM step that makes decode bandwidth-bound. Also the streaming references the
// decode kernels are compared with: a STREAM-triad-style loop and memcpy over buffers well beyond
// the last-level cache, measured in the same run.

#include <cstddef>
#include <string>
#include <vector>

#include "kernels/harness.h"

namespace tokenroute::kernels {

// Read bandwidth over a buffer of `bytes` split evenly across `threads`, repeated `passes` times.
// Returns bytes/s; the harness supplies repeats.
struct BandwidthPoint {
    std::size_t workingSetBytes = 0;
    double bytesPerSecond = 0;
    TimingStats timing;
};
BandwidthPoint measureReadBandwidth(std::size_t workingSetBytes, int threads, const TimingPolicy &policy);

// Average ns per load of a pointer chase over a random single cycle through `workingSetBytes`
// of cache-line-sized nodes, so every load depends on the previous one and prefetchers cannot
// guess the next line.
struct LatencyPoint {
    std::size_t workingSetBytes = 0;
    double nsPerLoad = 0;
    TimingStats timing;
};
LatencyPoint measureLatency(std::size_t workingSetBytes, const TimingPolicy &policy, std::size_t loadsPerRun = 0);

// a[i] = b[i] + s * c[i] over doubles, each array `arrayBytes`; bytes/s counts the 3 arrays once
// (STREAM's convention, write-allocate traffic not counted).
BandwidthPoint measureTriad(std::size_t arrayBytes, int threads, const TimingPolicy &policy);
// memcpy of `bytes` split across threads; counts read + write.
BandwidthPoint measureMemcpy(std::size_t bytes, int threads, const TimingPolicy &policy);

// Working sets from 4 KiB doubling up to and including `maxBytes`.
std::vector<std::size_t> workingSetSweep(std::size_t maxBytes);

// Builds the chase order used by measureLatency: next[i] is the node after i, one cycle through all.
std::vector<std::size_t> randomCycle(std::size_t nodes, unsigned seed);

} // namespace tokenroute::kernels
