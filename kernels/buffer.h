#pragma once
// Host buffers for the kernels: 64-byte aligned (a cache line, and a full AVX-512 vector), sized
// with overflow checks, and refused up front when the request would not fit in the memory the
// system reports as available, so "does not fit" is a message rather than the OOM killer.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace tokenroute::kernels {

// MemAvailable from /proc/meminfo in bytes (0 when unknown).
std::uint64_t availableHostMemory();

// Product of dimensions times element size; throws KernelError on zero dimensions (naming `what`)
// or on overflow.
std::size_t checkedBytes(const std::string &what, std::size_t elementSize, std::initializer_list<std::size_t> dims);

// Throws KernelError when `bytes` (the total a case will allocate) exceeds 90 % of available
// memory: the rest is headroom for the process and the other programs on the machine.
void requireHostMemory(const std::string &what, std::uint64_t bytes);

struct AlignedFree {
    void operator()(void *p) const noexcept;
};

template <typename T>
class HostBuffer {
public:
    HostBuffer() = default;
    explicit HostBuffer(std::size_t count) : m_count(count) { m_data.reset(static_cast<T *>(allocate(count * sizeof(T)))); }
    T *data() { return m_data.get(); }
    const T *data() const { return m_data.get(); }
    std::size_t size() const { return m_count; }
    T &operator[](std::size_t i) { return m_data.get()[i]; }
    const T &operator[](std::size_t i) const { return m_data.get()[i]; }

private:
    static void *allocate(std::size_t bytes);
    std::unique_ptr<T, AlignedFree> m_data;
    std::size_t m_count = 0;
};

void *alignedAllocate(std::size_t bytes); // throws KernelError when the allocation fails

template <typename T>
void *HostBuffer<T>::allocate(std::size_t bytes)
{
    return alignedAllocate(bytes);
}

} // namespace tokenroute::kernels
