#include "kernels/parallel.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

#include <sched.h>

namespace tokenroute::kernels {

int defaultThreads()
{
    // The affinity mask, not hardware_concurrency(), is what a container or taskset grants us.
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::size_t count, int threads, std::size_t grain,
                 const std::function<void(std::size_t, std::size_t, int)> &body)
{
    if (count == 0)
        return;
    grain = std::max<std::size_t>(grain, 1);
    const std::size_t units = (count + grain - 1) / grain;
    const std::size_t workers = std::clamp<std::size_t>(threads <= 0 ? defaultThreads() : threads, 1, units);
    if (workers == 1) {
        body(0, count, 0);
        return;
    }
    std::vector<std::exception_ptr> errors(workers);
    auto slice = [&](std::size_t w) {
        const std::size_t begin = std::min(count, (units * w / workers) * grain);
        const std::size_t end = std::min(count, (units * (w + 1) / workers) * grain);
        try {
            if (begin < end)
                body(begin, end, static_cast<int>(w));
        } catch (...) {
            errors[w] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t w = 1; w < workers; ++w)
        pool.emplace_back(slice, w);
    slice(0);
    for (auto &t : pool)
        t.join();
    for (auto &e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace tokenroute::kernels
