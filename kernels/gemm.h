#pragma once
// Prefill GEMM: a prompt's activations A (tokens x hidden) times a weight matrix B (hidden x out)
// gives C (tokens x out), all fp32, row-major. This is the compute-bound half of inference, so the
// CPU version is a cache-blocked, register-tiled GEMM in the classic three-level layout (B panels
// sized for L3, A blocks for L2, a 6x16 register tile fed from packed L1 slivers); an AVX2+FMA
// micro-kernel is chosen at run time and a portable one (same tiling, auto-vectorised) is kept for
// other CPUs. The speed reference is OpenBLAS SGEMM on the same shape and thread count.

#include <cstddef>
#include <string>

namespace tokenroute::kernels {

struct GemmShape {
    std::size_t m = 0;   // tokens
    std::size_t k = 0;   // hidden
    std::size_t n = 0;   // out features

    double flops() const { return 2.0 * static_cast<double>(m) * static_cast<double>(k) * static_cast<double>(n); }
    // Each matrix touched once: the least traffic any implementation needs.
    double bytes(double elementBytes) const
    {
        return elementBytes * (static_cast<double>(m) * k + static_cast<double>(k) * n + static_cast<double>(m) * n);
    }
    std::string describe() const;
};

// Throws KernelError on a zero dimension.
void validate(const GemmShape &s);

// Straightforward triple loop with double accumulation: slow, obviously right.
void gemmReference(const GemmShape &s, const float *a, const float *b, float *c);

// Blocked, multi-threaded (threads <= 0: all available).
void gemmCpu(const GemmShape &s, const float *a, const float *b, float *c, int threads);

// Which micro-kernel gemmCpu uses on this CPU ("avx2-fma" or "portable"); forcePortable lets the
// tests exercise the portable path on any machine.
std::string gemmCpuPath();
void gemmCpuForcePortable(bool force);

// OpenBLAS cblas_sgemm with its thread count set to `threads`, the speed reference.
void gemmOpenBlas(const GemmShape &s, const float *a, const float *b, float *c, int threads);

} // namespace tokenroute::kernels
