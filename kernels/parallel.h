#pragma once
// A minimal fork-join loop over std::thread. The kernels split their work into a few coarse,
// equal slices (one per core) that each run for milliseconds, so starting threads per call costs
// well under a percent and a persistent pool would only add state. Exceptions thrown by a worker
// are carried back and rethrown on the calling thread.

#include <cstddef>
#include <functional>

namespace tokenroute::kernels {

// Threads to use when the caller says 0: the logical CPUs the process may run on.
int defaultThreads();

// Calls body(begin, end, worker) on `threads` workers over [0, count), in contiguous slices whose
// boundaries are multiples of `grain` (except the last). The calling thread runs worker 0.
void parallelFor(std::size_t count, int threads, std::size_t grain,
                 const std::function<void(std::size_t begin, std::size_t end, int worker)> &body);

} // namespace tokenroute::kernels
