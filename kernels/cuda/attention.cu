// Attention on the GPU, fp32: causal prefill attention and decode attention over a paged KV cache.
// Layout of this file: shared warp helpers, the prefill kernel, the paged decode kernel, launchers.
// Both kernels give one warp a query row and spread the head dimension over its 32 lanes
// (lane x holds elements x, x+32, ...), so every K and V row is read with coalesced loads and a
// score is a warp-shuffle reduction; softmax is online (running max and sum), so contexts of any
// length need no score buffer. Decode attention splits a sequence's context over 8 warps and
// merges their partial softmax states in shared memory, because one query row per (sequence,
// head) would leave the GPU mostly idle. Head dimensions up to 256 are supported, any value.

#include <vector>

#include "kernels/cuda/cudacommon.cuh"
#include "kernels/cudabackend.h"

namespace tokenroute::kernels::cuda {

namespace {

using detail::ceilDiv;

constexpr int MAX_PER_LANE = 8; // head_dim <= 256
constexpr int PREFILL_WARPS = 4;
constexpr int DECODE_WARPS = 8;

__device__ inline float warpSum(float v)
{
    for (int o = 16; o > 0; o >>= 1)
        v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

// One online-softmax step: fold score s with value row v into (mx, sum, acc).
__device__ inline void onlineStep(float s, const float *v, int d, int lane, float &mx, float &sum, float (&acc)[MAX_PER_LANE])
{
    const float newMax = fmaxf(mx, s);
    const float corr = __expf(mx - newMax); // mx = -inf on the first step: corr = 0
    const float p = __expf(s - newMax);
    sum = sum * corr + p;
#pragma unroll
    for (int e = 0; e < MAX_PER_LANE; ++e) {
        const int x = lane + 32 * e;
        acc[e] = acc[e] * corr + (x < d ? p * v[x] : 0.f);
    }
    mx = newMax;
}

__global__ void causalAttentionKernel(const float *__restrict__ q, const float *__restrict__ k, const float *__restrict__ v,
                                      float *__restrict__ o, int tokens, int heads, int kvHeads, int d, float scale)
{
    const int warp = threadIdx.x / 32;
    const int lane = threadIdx.x % 32;
    const int h = blockIdx.y;
    const int i = blockIdx.x * PREFILL_WARPS + warp;
    if (i >= tokens)
        return;
    const int kvh = h / (heads / kvHeads);
    float qr[MAX_PER_LANE];
#pragma unroll
    for (int e = 0; e < MAX_PER_LANE; ++e) {
        const int x = lane + 32 * e;
        qr[e] = x < d ? q[(static_cast<size_t>(i) * heads + h) * d + x] * scale : 0.f;
    }
    float mx = -INFINITY, sum = 0.f;
    float acc[MAX_PER_LANE] = {};
    for (int j = 0; j <= i; ++j) {
        const float *kr = k + (static_cast<size_t>(j) * kvHeads + kvh) * d;
        float part = 0.f;
#pragma unroll
        for (int e = 0; e < MAX_PER_LANE; ++e) {
            const int x = lane + 32 * e;
            if (x < d)
                part += qr[e] * kr[x];
        }
        const float s = warpSum(part);
        onlineStep(s, v + (static_cast<size_t>(j) * kvHeads + kvh) * d, d, lane, mx, sum, acc);
    }
    const float inv = 1.f / sum;
#pragma unroll
    for (int e = 0; e < MAX_PER_LANE; ++e) {
        const int x = lane + 32 * e;
        if (x < d)
            o[(static_cast<size_t>(i) * heads + h) * d + x] = acc[e] * inv;
    }
}

__global__ void pagedDecodeKernel(const float *__restrict__ q, const float *__restrict__ kPool, const float *__restrict__ vPool,
                                  const int *__restrict__ blockTable, const int *__restrict__ contextLengths, float *__restrict__ out,
                                  int heads, int kvHeads, int d, int maxBlocks, float scale)
{
    __shared__ float sMax[DECODE_WARPS];
    __shared__ float sSum[DECODE_WARPS];
    __shared__ float sAcc[DECODE_WARPS][MAX_PER_LANE * 32];

    const int seq = blockIdx.x;
    const int h = blockIdx.y;
    const int warp = threadIdx.x / 32;
    const int lane = threadIdx.x % 32;
    const int kvh = h / (heads / kvHeads);
    const int ctx = contextLengths[seq];
    const size_t blockElements = static_cast<size_t>(16) * kvHeads * d;

    float qr[MAX_PER_LANE];
#pragma unroll
    for (int e = 0; e < MAX_PER_LANE; ++e) {
        const int x = lane + 32 * e;
        qr[e] = x < d ? q[(static_cast<size_t>(seq) * heads + h) * d + x] * scale : 0.f;
    }
    float mx = -INFINITY, sum = 0.f;
    float acc[MAX_PER_LANE] = {};
    for (int t = warp; t < ctx; t += DECODE_WARPS) {
        const int pb = blockTable[static_cast<size_t>(seq) * maxBlocks + t / 16];
        const size_t off = static_cast<size_t>(pb) * blockElements + (static_cast<size_t>(t % 16) * kvHeads + kvh) * d;
        float part = 0.f;
#pragma unroll
        for (int e = 0; e < MAX_PER_LANE; ++e) {
            const int x = lane + 32 * e;
            if (x < d)
                part += qr[e] * kPool[off + x];
        }
        onlineStep(warpSum(part), vPool + off, d, lane, mx, sum, acc);
    }
    if (lane == 0) {
        sMax[warp] = mx;
        sSum[warp] = sum;
    }
#pragma unroll
    for (int e = 0; e < MAX_PER_LANE; ++e)
        sAcc[warp][lane + 32 * e] = acc[e];
    __syncthreads();
    // Merge the warps' partial states: rescale each to the global max. A warp that saw no token
    // (context shorter than 8) has max -inf and weight 0.
    if (warp == 0) {
        float gMax = -INFINITY;
        for (int w = 0; w < DECODE_WARPS; ++w)
            gMax = fmaxf(gMax, sMax[w]);
        float total = 0.f;
        float merged[MAX_PER_LANE] = {};
        for (int w = 0; w < DECODE_WARPS; ++w) {
            const float scaleW = sMax[w] == -INFINITY ? 0.f : __expf(sMax[w] - gMax);
            total += sSum[w] * scaleW;
#pragma unroll
            for (int e = 0; e < MAX_PER_LANE; ++e)
                merged[e] += sAcc[w][lane + 32 * e] * scaleW;
        }
        const float inv = 1.f / total;
#pragma unroll
        for (int e = 0; e < MAX_PER_LANE; ++e) {
            const int x = lane + 32 * e;
            if (x < d)
                out[(static_cast<size_t>(seq) * heads + h) * d + x] = merged[e] * inv;
        }
    }
}

void requireHeadDim(std::size_t d)
{
    if (d > MAX_PER_LANE * 32)
        throw KernelError("GPU attention: head_dim " + std::to_string(d) + " is above the supported 256");
}

} // namespace

TimingStats causalAttention(int device, const AttentionShape &s, const float *q, const float *k, const float *v, float *o,
                            const TimingPolicy &p)
{
    validate(s);
    requireHeadDim(s.headDim);
    if (s.heads > 65535 || s.tokens > 0x7fffffff)
        throw KernelError("GPU attention: heads above 65535 or tokens above 2^31-1");
    detail::useDevice(device);
    detail::requireDeviceMemory("GPU prefill attention " + s.describe(), 4.0 * (2.0 * s.qElements() + 2.0 * s.kvElements()));
    detail::DeviceBuffer<float> dq(s.qElements()), dk(s.kvElements()), dv(s.kvElements()), dout(s.qElements());
    dq.upload(q);
    dk.upload(k);
    dv.upload(v);
    const dim3 grid(ceilDiv(s.tokens, PREFILL_WARPS), static_cast<unsigned>(s.heads));
    const float scale = 1.f / sqrtf(static_cast<float>(s.headDim));
    const TimingStats t = detail::timeDevice(
        [&] {
            causalAttentionKernel<<<grid, PREFILL_WARPS * 32>>>(dq.get(), dk.get(), dv.get(), dout.get(), static_cast<int>(s.tokens),
                                                               static_cast<int>(s.heads), static_cast<int>(s.kvHeads),
                                                               static_cast<int>(s.headDim), scale);
            TR_CUDA_LAUNCHED("causalAttentionKernel");
        },
        p);
    dout.download(o);
    return t;
}

TimingStats pagedDecodeAttention(int device, const PagedAttentionShape &s, const float *q, const float *kPool,
                                 const float *vPool, float *out, const TimingPolicy &p)
{
    validate(s);
    requireHeadDim(s.headDim);
    if (s.heads > 65535)
        throw KernelError("GPU decode attention: heads above 65535");
    detail::useDevice(device);
    const std::size_t poolElements = s.poolBlocks * s.blockElements();
    const std::size_t qn = s.batch() * s.heads * s.headDim;
    detail::requireDeviceMemory("GPU decode attention " + s.describe(), 4.0 * (2.0 * poolElements + 2.0 * qn));
    detail::DeviceBuffer<float> dq(qn), dk(poolElements), dv(poolElements), dout(qn);
    detail::DeviceBuffer<int> dTable(s.blockTable.size()), dCtx(s.batch());
    dq.upload(q);
    dk.upload(kPool);
    dv.upload(vPool);
    dTable.upload(s.blockTable.data());
    std::vector<int> ctx(s.contextLengths.begin(), s.contextLengths.end());
    dCtx.upload(ctx.data());
    const dim3 grid(static_cast<unsigned>(s.batch()), static_cast<unsigned>(s.heads));
    const float scale = 1.f / sqrtf(static_cast<float>(s.headDim));
    const TimingStats t = detail::timeDevice(
        [&] {
            pagedDecodeKernel<<<grid, DECODE_WARPS * 32>>>(dq.get(), dk.get(), dv.get(), dTable.get(), dCtx.get(), dout.get(),
                                                          static_cast<int>(s.heads), static_cast<int>(s.kvHeads),
                                                          static_cast<int>(s.headDim), static_cast<int>(s.maxBlocksPerSequence), scale);
            TR_CUDA_LAUNCHED("pagedDecodeKernel");
        },
        p);
    dout.download(out);
    return t;
}

} // namespace tokenroute::kernels::cuda
