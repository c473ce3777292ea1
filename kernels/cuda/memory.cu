// The GPU memory hierarchy, measured: shared-memory (on-chip SRAM) bandwidth, read bandwidth by
// working set (L2-resident versus HBM), dependent-load latency by working set, and the
// device-to-device copy that is the streaming reference for the decode kernels.
// Layout: the read, shared-memory and chase kernels, then the entry points.

#include <algorithm>
#include <vector>

#include "kernels/cuda/cudacommon.cuh"
#include "kernels/cudabackend.h"
#include "kernels/memoryprobe.h"

namespace tokenroute::kernels::cuda {

namespace {

constexpr int THREADS = 256;
constexpr double kBytesPerLaunch = 2.0 * 1024 * 1024 * 1024; // ~0.5 ms at HBM speed: launch cost < 1 %

// Every thread reads its grid-stride share of the buffer `passes` times. The sum is stored only
// under a condition that never holds, so the loads cannot be dropped and nothing is written.
__global__ void readKernel(const float4 *__restrict__ buf, size_t n, int passes, float *sink)
{
    float sum = 0.f;
    const size_t stride = static_cast<size_t>(gridDim.x) * blockDim.x;
    for (int p = 0; p < passes; ++p)
        for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < n; i += stride) {
            const float4 v = buf[i];
            sum += v.x + v.y + v.z + v.w;
        }
    if (sum == -1.2345f)
        *sink = sum;
}

constexpr int SMEM_FLOAT4 = 2048; // 32 KiB per block
__global__ void sharedReadKernel(int iterations, float *sink)
{
    __shared__ float4 tile[SMEM_FLOAT4];
    for (int i = threadIdx.x; i < SMEM_FLOAT4; i += blockDim.x)
        tile[i] = make_float4(i, 1.f, 2.f, 3.f);
    __syncthreads();
    float sum = 0.f;
    for (int it = 0; it < iterations; ++it)
        for (int i = threadIdx.x; i < SMEM_FLOAT4; i += blockDim.x) {
            // Rotating the start by the iteration keeps the compiler from hoisting the loads.
            const float4 v = tile[(i + it) & (SMEM_FLOAT4 - 1)];
            sum += v.x + v.w;
        }
    if (sum == -1.2345f)
        *sink = sum;
}

// One thread follows the chain: each load's address is the previous load's value.
__global__ void chaseKernel(const unsigned *__restrict__ next, size_t loads, unsigned *out)
{
    unsigned j = 0;
    for (size_t i = 0; i < loads; ++i)
        j = next[j];
    *out = j;
}

int smCount(int device)
{
    int sms = 0;
    TR_CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device));
    return std::max(sms, 1);
}

} // namespace

BandwidthPoint deviceCopy(int device, std::size_t bytes, const TimingPolicy &p)
{
    if (bytes == 0)
        throw KernelError("GPU copy: size must be at least 1 byte");
    detail::useDevice(device);
    detail::requireDeviceMemory("GPU device-to-device copy", 2.0 * static_cast<double>(bytes));
    detail::DeviceBuffer<char> src(bytes), dst(bytes);
    TR_CUDA_CHECK(cudaMemset(src.get(), 1, bytes));
    BandwidthPoint pt;
    pt.workingSetBytes = 2 * bytes;
    pt.timing = detail::timeDevice([&] { TR_CUDA_CHECK(cudaMemcpyAsync(dst.get(), src.get(), bytes, cudaMemcpyDeviceToDevice)); }, p);
    pt.bytesPerSecond = 2.0 * static_cast<double>(bytes) / (pt.timing.medianMs * 1e-3);
    return pt;
}

BandwidthPoint readBandwidth(int device, std::size_t workingSetBytes, const TimingPolicy &p)
{
    if (workingSetBytes < 16)
        throw KernelError("GPU read bandwidth: working set must be at least 16 bytes");
    detail::useDevice(device);
    detail::requireDeviceMemory("GPU read bandwidth", static_cast<double>(workingSetBytes));
    const std::size_t n = workingSetBytes / sizeof(float4);
    detail::DeviceBuffer<float4> buf(n);
    detail::DeviceBuffer<float> sink(1);
    TR_CUDA_CHECK(cudaMemset(buf.get(), 0, buf.bytes()));
    const int passes = static_cast<int>(std::max(1.0, kBytesPerLaunch / static_cast<double>(workingSetBytes)));
    // Four resident blocks per SM, and no more threads than float4s.
    const unsigned blocks = static_cast<unsigned>(std::min<std::size_t>(4 * smCount(device), detail::ceilDiv(n, THREADS)));
    BandwidthPoint pt;
    pt.workingSetBytes = workingSetBytes;
    pt.timing = detail::timeDevice(
        [&] {
            readKernel<<<blocks, THREADS>>>(buf.get(), n, passes, sink.get());
            TR_CUDA_LAUNCHED("readKernel");
        },
        p);
    pt.bytesPerSecond = static_cast<double>(n * sizeof(float4)) * passes / (pt.timing.medianMs * 1e-3);
    return pt;
}

BandwidthPoint sharedMemoryBandwidth(int device, const TimingPolicy &p)
{
    detail::useDevice(device);
    detail::DeviceBuffer<float> sink(1);
    const int blocks = 4 * smCount(device);
    const int iterations = 2000;
    BandwidthPoint pt;
    pt.workingSetBytes = static_cast<std::size_t>(SMEM_FLOAT4) * sizeof(float4);
    pt.timing = detail::timeDevice(
        [&] {
            sharedReadKernel<<<blocks, THREADS>>>(iterations, sink.get());
            TR_CUDA_LAUNCHED("sharedReadKernel");
        },
        p);
    pt.bytesPerSecond = static_cast<double>(blocks) * iterations * SMEM_FLOAT4 * sizeof(float4) / (pt.timing.medianMs * 1e-3);
    return pt;
}

LatencyPoint latency(int device, std::size_t workingSetBytes, const TimingPolicy &p)
{
    constexpr std::size_t line = 64;
    constexpr std::size_t stride = line / sizeof(unsigned);
    if (workingSetBytes < 2 * line)
        throw KernelError("GPU latency: working set must hold at least two 64-byte nodes");
    const std::size_t nodes = workingSetBytes / line;
    if (nodes * stride > 0xffffffffu)
        throw KernelError("GPU latency: working set above 16 GiB is not supported (32-bit chain indices)");
    detail::useDevice(device);
    detail::requireDeviceMemory("GPU latency", static_cast<double>(workingSetBytes));
    const std::vector<std::size_t> next = randomCycle(nodes, 12345u);
    std::vector<unsigned> chain(nodes * stride, 0u);
    for (std::size_t i = 0; i < nodes; ++i)
        chain[i * stride] = static_cast<unsigned>(next[i] * stride);
    detail::DeviceBuffer<unsigned> dchain(chain.size()), out(1);
    dchain.upload(chain.data());
    // 200k dependent loads: ~0.1 s at HBM latency; the launch (~5 µs) is noise.
    const std::size_t loads = 200000;
    LatencyPoint pt;
    pt.workingSetBytes = workingSetBytes;
    // One untimed walk over the whole chain first, so the timed runs see a warm TLB and caches
    // in the steady state the working set allows.
    chaseKernel<<<1, 1>>>(dchain.get(), std::min<std::size_t>(nodes, 4u << 20), out.get());
    TR_CUDA_LAUNCHED("chaseKernel");
    TR_CUDA_CHECK(cudaDeviceSynchronize());
    pt.timing = detail::timeDevice(
        [&] {
            chaseKernel<<<1, 1>>>(dchain.get(), loads, out.get());
            TR_CUDA_LAUNCHED("chaseKernel");
        },
        p);
    pt.nsPerLoad = pt.timing.medianMs * 1e6 / static_cast<double>(loads);
    return pt;
}

} // namespace tokenroute::kernels::cuda
