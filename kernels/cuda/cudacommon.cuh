#pragma once
// Shared by the CUDA kernel files: error checks that throw KernelError (library code never exits),
// RAII device buffers, a device-memory check before large allocations, and event timing plugged
// into the common harness. Only .cu files include this; public headers stay plain C++.

#include <cstddef>
#include <functional>
#include <sstream>
#include <string>

#include <cuda_runtime.h>

#include "kernels/harness.h"
#include "kernels/kernelerror.h"

namespace tokenroute::kernels::cuda::detail {

inline void check(cudaError_t err, const char *what, const char *file, int line)
{
    if (err != cudaSuccess) {
        std::ostringstream m;
        m << "CUDA error in " << what << " (" << file << ":" << line << "): " << cudaGetErrorName(err) << ": "
          << cudaGetErrorString(err);
        // Clear a sticky-free error so that the next case starts clean; a sticky error (a kernel
        // fault) stays, and every later case then reports it too rather than running on.
        cudaGetLastError();
        throw KernelError(m.str());
    }
}

#define TR_CUDA_CHECK(expr) ::tokenroute::kernels::cuda::detail::check((expr), #expr, __FILE__, __LINE__)
// After every launch: a bad configuration shows at once, a fault at the next synchronisation.
#define TR_CUDA_LAUNCHED(name) ::tokenroute::kernels::cuda::detail::check(cudaGetLastError(), name, __FILE__, __LINE__)

// Selects the device, refusing an index that does not exist with a message naming it.
inline void useDevice(int device)
{
    int count = 0;
    if (cudaGetDeviceCount(&count) != cudaSuccess || count == 0) {
        cudaGetLastError();
        throw KernelError("no usable CUDA device");
    }
    if (device < 0 || device >= count)
        throw KernelError("CUDA device " + std::to_string(device) + " does not exist (" + std::to_string(count) + " present)");
    TR_CUDA_CHECK(cudaSetDevice(device));
}

// Refuses a case whose device buffers would not fit, before any allocation.
inline void requireDeviceMemory(const std::string &what, double bytes)
{
    std::size_t freeBytes = 0, total = 0;
    TR_CUDA_CHECK(cudaMemGetInfo(&freeBytes, &total));
    // 5 % headroom: cuBLAS workspaces and the context itself allocate too.
    if (bytes > 0.95 * static_cast<double>(freeBytes)) {
        std::ostringstream m;
        m.precision(3);
        m << what << ": needs " << bytes / (1u << 30) << " GiB of device memory but only "
          << static_cast<double>(freeBytes) / (1u << 30) << " GiB is free";
        throw KernelError(m.str());
    }
}

template <typename T>
class DeviceBuffer {
public:
    DeviceBuffer() = default;
    explicit DeviceBuffer(std::size_t count) : m_count(count)
    {
        if (count > 0)
            TR_CUDA_CHECK(cudaMalloc(reinterpret_cast<void **>(&m_ptr), count * sizeof(T)));
    }
    ~DeviceBuffer()
    {
        if (m_ptr)
            cudaFree(m_ptr);
    }
    DeviceBuffer(const DeviceBuffer &) = delete;
    DeviceBuffer &operator=(const DeviceBuffer &) = delete;
    DeviceBuffer(DeviceBuffer &&o) noexcept : m_ptr(o.m_ptr), m_count(o.m_count) { o.m_ptr = nullptr; o.m_count = 0; }

    T *get() const { return m_ptr; }
    std::size_t size() const { return m_count; }
    std::size_t bytes() const { return m_count * sizeof(T); }
    void upload(const T *host) { TR_CUDA_CHECK(cudaMemcpy(m_ptr, host, bytes(), cudaMemcpyHostToDevice)); }
    void download(T *host) const { TR_CUDA_CHECK(cudaMemcpy(host, m_ptr, bytes(), cudaMemcpyDeviceToHost)); }

private:
    T *m_ptr = nullptr;
    std::size_t m_count = 0;
};

class EventPair {
public:
    EventPair()
    {
        TR_CUDA_CHECK(cudaEventCreate(&m_start));
        TR_CUDA_CHECK(cudaEventCreate(&m_stop));
    }
    ~EventPair()
    {
        cudaEventDestroy(m_start);
        cudaEventDestroy(m_stop);
    }
    EventPair(const EventPair &) = delete;
    EventPair &operator=(const EventPair &) = delete;

    // Times `launch` (which enqueues work on the default stream) in milliseconds.
    double time(const std::function<void()> &launch)
    {
        TR_CUDA_CHECK(cudaEventRecord(m_start));
        launch();
        TR_CUDA_CHECK(cudaEventRecord(m_stop));
        TR_CUDA_CHECK(cudaEventSynchronize(m_stop));
        float ms = 0;
        TR_CUDA_CHECK(cudaEventElapsedTime(&ms, m_start, m_stop));
        return ms;
    }

private:
    cudaEvent_t m_start{};
    cudaEvent_t m_stop{};
};

inline TimingStats timeDevice(const std::function<void()> &launch, const TimingPolicy &policy)
{
    EventPair events;
    return timeRepeated([&] { return events.time(launch); }, policy);
}

inline unsigned ceilDiv(std::size_t a, std::size_t b)
{
    return static_cast<unsigned>((a + b - 1) / b);
}

} // namespace tokenroute::kernels::cuda::detail
