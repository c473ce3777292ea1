#include "kernels/buffer.h"

#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

#include "kernels/kernelerror.h"

namespace tokenroute::kernels {

std::uint64_t availableHostMemory()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    std::uint64_t value = 0;
    std::string unit;
    while (in >> key >> value) {
        std::getline(in, unit);
        if (key == "MemAvailable:")
            return value * 1024;
    }
    return 0;
}

std::size_t checkedBytes(const std::string &what, std::size_t elementSize, std::initializer_list<std::size_t> dims)
{
    std::size_t total = elementSize;
    for (std::size_t d : dims) {
        if (d == 0)
            throw KernelError(what + ": a dimension is zero; every size must be at least 1");
        if (total > std::numeric_limits<std::size_t>::max() / d)
            throw KernelError(what + ": the size overflows 64 bits; shape is too large");
        total *= d;
    }
    return total;
}

void requireHostMemory(const std::string &what, std::uint64_t bytes)
{
    const std::uint64_t avail = availableHostMemory();
    if (avail > 0 && static_cast<double>(bytes) > 0.9 * static_cast<double>(avail)) {
        std::ostringstream m;
        m.precision(3);
        m << what << ": needs " << static_cast<double>(bytes) / (1u << 30) << " GiB but only "
          << static_cast<double>(avail) / (1u << 30) << " GiB of memory is available";
        throw KernelError(m.str());
    }
}

void AlignedFree::operator()(void *p) const noexcept
{
    std::free(p);
}

void *alignedAllocate(std::size_t bytes)
{
    constexpr std::size_t alignment = 64;
    const std::size_t rounded = ((bytes + alignment - 1) / alignment) * alignment;
    void *p = std::aligned_alloc(alignment, rounded == 0 ? alignment : rounded);
    if (!p)
        throw KernelError("could not allocate " + std::to_string(bytes) + " bytes");
    return p;
}

} // namespace tokenroute::kernels
