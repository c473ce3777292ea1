// Decode GEMV on the GPU: y (batch x out) = x (batch x in) * W^T, W stored out x in as bf16 or
// fp32. One warp per output row streams the row with 16-byte loads (four in flight per lane, so
// enough bytes are outstanding to cover HBM latency) and applies it to up to 8 batch vectors per
// pass; larger batches re-read the row from L1/L2, not HBM. Rows whose length is not a multiple of
// the vector width take a scalar path.

#include <cuda_bf16.h>

#include "kernels/cuda/cudacommon.cuh"
#include "kernels/cudabackend.h"

namespace tokenroute::kernels::cuda {

namespace {

using detail::ceilDiv;

constexpr int WARPS = 8;
constexpr int BT = 8;      // batch vectors per pass
constexpr int UNROLL = 4;  // 16-byte loads in flight per lane

__device__ inline void widen8(const uint4 &raw, float (&w)[8])
{
    const __nv_bfloat162 *h = reinterpret_cast<const __nv_bfloat162 *>(&raw);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const float2 f = __bfloat1622float2(h[i]);
        w[2 * i] = f.x;
        w[2 * i + 1] = f.y;
    }
}

__device__ inline float warpSum(float v)
{
    for (int o = 16; o > 0; o >>= 1)
        v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

template <bool Bf16>
__global__ void gemvKernel(const void *__restrict__ wRaw, const float *__restrict__ x, float *__restrict__ y, int batch, int in, int out)
{
    const int warp = threadIdx.x / 32;
    const int lane = threadIdx.x % 32;
    const int row = blockIdx.x * WARPS + warp;
    if (row >= out)
        return;
    constexpr int PER_VEC = Bf16 ? 8 : 4; // elements in one 16-byte load
    const bool vec = (in % PER_VEC) == 0;
    for (int b0 = 0; b0 < batch; b0 += BT) {
        const int bn = min(BT, batch - b0);
        float acc[BT] = {};
        if (vec) {
            const uint4 *wv = reinterpret_cast<const uint4 *>(static_cast<const char *>(wRaw) + static_cast<size_t>(row) * in * (Bf16 ? 2 : 4));
            const int nv = in / PER_VEC;
            for (int base = lane; base < nv; base += 32 * UNROLL) {
                uint4 raw[UNROLL];
#pragma unroll
                for (int u = 0; u < UNROLL; ++u)
                    raw[u] = base + u * 32 < nv ? wv[base + u * 32] : make_uint4(0, 0, 0, 0);
#pragma unroll
                for (int u = 0; u < UNROLL; ++u) {
                    const int vi = base + u * 32;
                    if (vi >= nv)
                        break;
                    float w[8];
                    if constexpr (Bf16) {
                        widen8(raw[u], w);
                    } else {
                        const float4 f = *reinterpret_cast<const float4 *>(&raw[u]);
                        w[0] = f.x; w[1] = f.y; w[2] = f.z; w[3] = f.w;
                    }
                    #pragma unroll
                    for (int b = 0; b < BT; ++b) {
                        if (b >= bn)
                            break;
                        const float *xb = x + static_cast<size_t>(b0 + b) * in + static_cast<size_t>(vi) * PER_VEC;
#pragma unroll
                        for (int e = 0; e < PER_VEC; ++e)
                            acc[b] += w[e] * xb[e];
                    }
                }
            }
        } else {
            for (int i = lane; i < in; i += 32) {
                float w;
                if constexpr (Bf16)
                    w = __bfloat162float(static_cast<const __nv_bfloat16 *>(wRaw)[static_cast<size_t>(row) * in + i]);
                else
                    w = static_cast<const float *>(wRaw)[static_cast<size_t>(row) * in + i];
#pragma unroll
                for (int b = 0; b < BT; ++b)
                    if (b < bn)
                        acc[b] += w * x[static_cast<size_t>(b0 + b) * in + i];
            }
        }
#pragma unroll
        for (int b = 0; b < BT; ++b) {
            if (b >= bn)
                break;
            const float s = warpSum(acc[b]);
            if (lane == 0)
                y[static_cast<size_t>(b0 + b) * out + row] = s;
        }
    }
}

} // namespace

TimingStats gemv(int device, const GemvShape &s, const void *w, const float *x, float *y, const TimingPolicy &p)
{
    validate(s);
    if (s.in > 0x7fffffff || s.out > 0x7fffffff)
        throw KernelError("GPU GEMV: in or out above 2^31-1");
    detail::useDevice(device);
    const std::size_t wBytes = s.in * s.out * (s.weights == WeightType::BF16 ? 2 : 4);
    detail::requireDeviceMemory("GPU decode GEMV " + s.describe(), static_cast<double>(wBytes) + 4.0 * s.batch * (s.in + s.out));
    detail::DeviceBuffer<char> dw(wBytes);
    detail::DeviceBuffer<float> dx(s.batch * s.in), dy(s.batch * s.out);
    TR_CUDA_CHECK(cudaMemcpy(dw.get(), w, wBytes, cudaMemcpyHostToDevice));
    dx.upload(x);
    const unsigned blocks = ceilDiv(s.out, WARPS);
    const int batch = static_cast<int>(s.batch), in = static_cast<int>(s.in), out = static_cast<int>(s.out);
    const TimingStats t = detail::timeDevice(
        [&] {
            if (s.weights == WeightType::BF16)
                gemvKernel<true><<<blocks, WARPS * 32>>>(dw.get(), dx.get(), dy.get(), batch, in, out);
            else
                gemvKernel<false><<<blocks, WARPS * 32>>>(dw.get(), dx.get(), dy.get(), batch, in, out);
            TR_CUDA_LAUNCHED("gemvKernel");
        },
        p);
    dy.download(y);
    return t;
}

} // namespace tokenroute::kernels::cuda
