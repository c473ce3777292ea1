#pragma once
// The CUDA side of the kernels, behind plain C++: host pointers in, host pointers out, timings and
// figures back. Each function copies its inputs to the device, runs warm-ups and timed repeats
// with CUDA events, copies the output back for the correctness check, and frees everything (RAII),
// so that a CUDA error mid-run throws KernelError with the runtime's message and leaves nothing
// allocated. Built from kernels/cuda/*.cu when nvcc is found; otherwise every entry point throws
// "not built with CUDA" and cudaDeviceCount() reports 0.

#include <cstddef>
#include <string>
#include <vector>

#include "kernels/attention.h"
#include "kernels/gemm.h"
#include "kernels/gemv.h"
#include "kernels/harness.h"
#include "kernels/memoryprobe.h"
#include "kernels/pagedattention.h"

namespace tokenroute::kernels::cuda {

bool built();
// Devices usable now; 0 when there is no driver, no device, or an error (the reason in *why).
int deviceCount(std::string *why = nullptr);

// Prefill GEMM, bf16 inputs (rounded from a and b) with fp32 accumulation on tensor cores (WMMA).
TimingStats gemmBf16(int device, const GemmShape &s, const float *a, const float *b, float *c, const TimingPolicy &p);
// cuBLAS cublasGemmEx on the same bf16 inputs, fp32 accumulation: the speed reference.
TimingStats gemmCublasBf16(int device, const GemmShape &s, const float *a, const float *b, float *c, const TimingPolicy &p);
// Causal prefill attention, fp32.
TimingStats causalAttention(int device, const AttentionShape &s, const float *q, const float *k, const float *v, float *o,
                            const TimingPolicy &p);
// Decode GEMV; w is float or bf16 per s.weights.
TimingStats gemv(int device, const GemvShape &s, const void *w, const float *x, float *y, const TimingPolicy &p);
// Paged-KV decode attention, fp32.
TimingStats pagedDecodeAttention(int device, const PagedAttentionShape &s, const float *q, const float *kPool,
                                 const float *vPool, float *out, const TimingPolicy &p);

// Memory: device-to-device copy (reference for decode), read bandwidth by working set (L2 vs HBM),
// shared-memory bandwidth, and pointer-chase latency by working set.
BandwidthPoint deviceCopy(int device, std::size_t bytes, const TimingPolicy &p);
BandwidthPoint readBandwidth(int device, std::size_t workingSetBytes, const TimingPolicy &p);
BandwidthPoint sharedMemoryBandwidth(int device, const TimingPolicy &p);
LatencyPoint latency(int device, std::size_t workingSetBytes, const TimingPolicy &p);

} // namespace tokenroute::kernels::cuda
