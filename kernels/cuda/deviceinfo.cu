// CUDA device discovery. CUDA 13 removed cudaDeviceProp::clockRate and memoryClockRate, so clocks
// come from cudaDeviceGetAttribute. No driver or no device is a normal state: reported, not thrown.

#include <cuda_runtime.h>

#include "kernels/cudabackend.h"
#include "kernels/deviceinfo.h"

namespace tokenroute::kernels {

namespace {

int attribute(cudaDeviceAttr attr, int device)
{
    int v = 0;
    if (cudaDeviceGetAttribute(&v, attr, device) != cudaSuccess) {
        cudaGetLastError();
        return 0;
    }
    return v;
}

// Dense bf16 tensor-core flops per SM per clock, by architecture. Derived from published peaks:
// A100 312 TFLOP/s at 108 SMs x 1.41 GHz -> 2048; H100 SXM 989 TFLOP/s at 132 SMs x 1.83 GHz
// -> 4096 (NVIDIA A100 and H100 datasheets); Ada (L40S 362 TFLOP/s, 142 SMs, 2.52 GHz) -> 1024.
int tensorFlopsPerSmPerClock(int major, int minor)
{
    if (major >= 10)
        return 8192; // Blackwell B200: 2.25 PFLOP/s dense bf16 over 148 SMs at ~1.86 GHz (estimate)
    if (major == 9)
        return 4096;
    if (major == 8 && minor == 0)
        return 2048;
    if (major == 8)
        return 1024;
    return 512;
}

} // namespace

CudaInventory discoverCuda()
{
    CudaInventory inv;
    inv.built = true;
    std::string why;
    const int count = cuda::deviceCount(&why);
    inv.status = why;
    for (int d = 0; d < count; ++d) {
        cudaDeviceProp prop{};
        if (cudaGetDeviceProperties(&prop, d) != cudaSuccess) {
            cudaGetLastError();
            continue;
        }
        CudaDeviceInfo info;
        info.index = d;
        info.name = prop.name;
        info.computeMajor = prop.major;
        info.computeMinor = prop.minor;
        info.smCount = prop.multiProcessorCount;
        info.globalMemBytes = prop.totalGlobalMem;
        info.l2Bytes = static_cast<std::uint64_t>(prop.l2CacheSize);
        info.sharedMemPerSmBytes = prop.sharedMemPerMultiprocessor;
        info.smClockGHz = attribute(cudaDevAttrClockRate, d) / 1e6;              // kHz -> GHz
        info.memClockGHz = attribute(cudaDevAttrMemoryClockRate, d) / 1e6;
        info.memBusBits = attribute(cudaDevAttrGlobalMemoryBusWidth, d);
        const int perClock = tensorFlopsPerSmPerClock(prop.major, prop.minor);
        info.peakBf16Flops = static_cast<double>(info.smCount) * info.smClockGHz * 1e9 * perClock;
        info.peakBandwidth = 2.0 * info.memClockGHz * 1e9 * info.memBusBits / 8.0;
        info.peakNote = "estimate: " + std::to_string(info.smCount) + " SMs x " + std::to_string(info.smClockGHz)
            + " GHz x " + std::to_string(perClock) + " dense bf16 flops/SM/clock (sm_" + std::to_string(prop.major)
            + std::to_string(prop.minor) + ")";
        inv.devices.push_back(info);
    }
    return inv;
}

namespace cuda {

bool built()
{
    return true;
}

int deviceCount(std::string *why)
{
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess) {
        cudaGetLastError();
        if (why)
            *why = err == cudaErrorNoDevice ? "no CUDA device" : err == cudaErrorInsufficientDriver ? "no CUDA driver (or one too old for this runtime)"
                                                                                                   : std::string("CUDA unavailable: ") + cudaGetErrorString(err);
        return 0;
    }
    if (why)
        *why = count == 0 ? "no CUDA device" : std::to_string(count) + " CUDA device(s)";
    return count;
}

} // namespace cuda
} // namespace tokenroute::kernels
