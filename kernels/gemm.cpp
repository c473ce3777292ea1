#include "kernels/gemm.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#include <immintrin.h>

#include "kernels/buffer.h"
#include "kernels/kernelerror.h"
#include "kernels/parallel.h"

namespace tokenroute::kernels {

namespace {

// Register tile: 6 rows x 16 columns = 12 AVX2 accumulators, leaving 4 registers for the two B
// vectors and the A broadcasts (the shape BLIS uses on Haswell/Zen for sgemm).
constexpr std::size_t MR = 6;
constexpr std::size_t NR = 16;
// KC x NR panel of B (16 KiB) plus a MR x KC sliver of A (6 KiB) fit a 32 KiB L1d.
constexpr std::size_t KC = 256;
// MC x KC block of A (96 KiB) stays in a 512 KiB L2 with room for the B panel streaming past.
constexpr std::size_t MC = 96;
// KC x NC block of B (1 MiB) is read once per A block from L2/L3.
constexpr std::size_t NC = 1024;

using MicroKernel = void (*)(std::size_t kc, const float *a, const float *b, float *c, std::size_t ldc, bool accumulate);

void microKernelPortable(std::size_t kc, const float *a, const float *b, float *c, std::size_t ldc, bool accumulate)
{
    float acc[MR][NR] = {};
    for (std::size_t p = 0; p < kc; ++p) {
        for (std::size_t r = 0; r < MR; ++r) {
            const float ar = a[p * MR + r];
            for (std::size_t j = 0; j < NR; ++j)
                acc[r][j] += ar * b[p * NR + j];
        }
    }
    for (std::size_t r = 0; r < MR; ++r)
        for (std::size_t j = 0; j < NR; ++j)
            c[r * ldc + j] = accumulate ? c[r * ldc + j] + acc[r][j] : acc[r][j];
}

#if defined(__x86_64__) || defined(__i386__)
#define TOKENROUTE_GEMM_X86 1
// A lambda would not inherit the target attribute, so the row store is its own function.
__attribute__((target("avx2,fma"))) inline void storeRowAvx2(bool accumulate, float *row, __m256 lo, __m256 hi)
{
    if (accumulate) {
        lo = _mm256_add_ps(lo, _mm256_loadu_ps(row));
        hi = _mm256_add_ps(hi, _mm256_loadu_ps(row + 8));
    }
    _mm256_storeu_ps(row, lo);
    _mm256_storeu_ps(row + 8, hi);
}

__attribute__((target("avx2,fma"))) void microKernelAvx2(std::size_t kc, const float *a, const float *b, float *c,
                                                          std::size_t ldc, bool accumulate)
{
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    for (std::size_t p = 0; p < kc; ++p) {
        const __m256 b0 = _mm256_load_ps(b);
        const __m256 b1 = _mm256_load_ps(b + 8);
        __m256 ar = _mm256_broadcast_ss(a + 0);
        c00 = _mm256_fmadd_ps(ar, b0, c00);
        c01 = _mm256_fmadd_ps(ar, b1, c01);
        ar = _mm256_broadcast_ss(a + 1);
        c10 = _mm256_fmadd_ps(ar, b0, c10);
        c11 = _mm256_fmadd_ps(ar, b1, c11);
        ar = _mm256_broadcast_ss(a + 2);
        c20 = _mm256_fmadd_ps(ar, b0, c20);
        c21 = _mm256_fmadd_ps(ar, b1, c21);
        ar = _mm256_broadcast_ss(a + 3);
        c30 = _mm256_fmadd_ps(ar, b0, c30);
        c31 = _mm256_fmadd_ps(ar, b1, c31);
        ar = _mm256_broadcast_ss(a + 4);
        c40 = _mm256_fmadd_ps(ar, b0, c40);
        c41 = _mm256_fmadd_ps(ar, b1, c41);
        ar = _mm256_broadcast_ss(a + 5);
        c50 = _mm256_fmadd_ps(ar, b0, c50);
        c51 = _mm256_fmadd_ps(ar, b1, c51);
        a += MR;
        b += NR;
    }
    storeRowAvx2(accumulate, c + 0 * ldc, c00, c01);
    storeRowAvx2(accumulate, c + 1 * ldc, c10, c11);
    storeRowAvx2(accumulate, c + 2 * ldc, c20, c21);
    storeRowAvx2(accumulate, c + 3 * ldc, c30, c31);
    storeRowAvx2(accumulate, c + 4 * ldc, c40, c41);
    storeRowAvx2(accumulate, c + 5 * ldc, c50, c51);
}
#endif

std::atomic<bool> g_forcePortable{false};

MicroKernel selectMicroKernel()
{
#ifdef TOKENROUTE_GEMM_X86
    if (!g_forcePortable.load() && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return microKernelAvx2;
#endif
    return microKernelPortable;
}

// Packs rows [i0, i0+mc) x cols [p0, p0+kc) of A into MR-row slivers, column-interleaved, padding
// the last sliver with zeros so the micro-kernel never branches on edges.
void packA(const float *a, std::size_t lda, std::size_t i0, std::size_t mc, std::size_t p0, std::size_t kc, float *out)
{
    for (std::size_t ir = 0; ir < mc; ir += MR) {
        const std::size_t rows = std::min(MR, mc - ir);
        for (std::size_t p = 0; p < kc; ++p) {
            for (std::size_t r = 0; r < rows; ++r)
                out[p * MR + r] = a[(i0 + ir + r) * lda + p0 + p];
            for (std::size_t r = rows; r < MR; ++r)
                out[p * MR + r] = 0.f;
        }
        out += kc * MR;
    }
}

// Packs rows [p0, p0+kc) x cols [j0, j0+nc) of B into NR-column panels, row-interleaved.
void packB(const float *b, std::size_t ldb, std::size_t p0, std::size_t kc, std::size_t j0, std::size_t nc, float *out)
{
    for (std::size_t jr = 0; jr < nc; jr += NR) {
        const std::size_t cols = std::min(NR, nc - jr);
        for (std::size_t p = 0; p < kc; ++p) {
            const float *src = b + (p0 + p) * ldb + j0 + jr;
            float *dst = out + p * NR;
            std::memcpy(dst, src, cols * sizeof(float));
            for (std::size_t j = cols; j < NR; ++j)
                dst[j] = 0.f;
        }
        out += kc * NR;
    }
}

// One worker's rectangle of C: rows [m0, m1), cols [n0, n1), with its own packing buffers so the
// workers never synchronise.
void gemmTile(const GemmShape &s, const float *a, const float *b, float *c, std::size_t m0, std::size_t m1,
              std::size_t n0, std::size_t n1, MicroKernel kernel)
{
    HostBuffer<float> packedA(MC * KC);
    HostBuffer<float> packedB(KC * (NC + NR));
    alignas(64) float edge[MR * NR];
    for (std::size_t jc = n0; jc < n1; jc += NC) {
        const std::size_t nc = std::min(NC, n1 - jc);
        for (std::size_t pc = 0; pc < s.k; pc += KC) {
            const std::size_t kc = std::min(KC, s.k - pc);
            packB(b, s.n, pc, kc, jc, nc, packedB.data());
            const bool accumulate = pc > 0;
            for (std::size_t ic = m0; ic < m1; ic += MC) {
                const std::size_t mc = std::min(MC, m1 - ic);
                packA(a, s.k, ic, mc, pc, kc, packedA.data());
                for (std::size_t jr = 0; jr < nc; jr += NR) {
                    const std::size_t cols = std::min(NR, nc - jr);
                    const float *bp = packedB.data() + (jr / NR) * kc * NR;
                    for (std::size_t ir = 0; ir < mc; ir += MR) {
                        const std::size_t rows = std::min(MR, mc - ir);
                        const float *ap = packedA.data() + (ir / MR) * kc * MR;
                        float *cp = c + (ic + ir) * s.n + jc + jr;
                        if (rows == MR && cols == NR) {
                            kernel(kc, ap, bp, cp, s.n, accumulate);
                        } else {
                            kernel(kc, ap, bp, edge, NR, false);
                            for (std::size_t r = 0; r < rows; ++r)
                                for (std::size_t j = 0; j < cols; ++j)
                                    cp[r * s.n + j] = accumulate ? cp[r * s.n + j] + edge[r * NR + j] : edge[r * NR + j];
                        }
                    }
                }
            }
        }
    }
}

} // namespace

std::string GemmShape::describe() const
{
    return std::to_string(m) + "x" + std::to_string(k) + " * " + std::to_string(k) + "x" + std::to_string(n);
}

void validate(const GemmShape &s)
{
    if (s.m == 0 || s.k == 0 || s.n == 0)
        throw KernelError("prefill GEMM: shape " + s.describe() + " has a zero dimension; tokens, hidden and out must be >= 1");
}

void gemmReference(const GemmShape &s, const float *a, const float *b, float *c)
{
    validate(s);
    std::vector<double> row(s.n);
    for (std::size_t i = 0; i < s.m; ++i) {
        std::fill(row.begin(), row.end(), 0.0);
        for (std::size_t p = 0; p < s.k; ++p) {
            const double aip = a[i * s.k + p];
            const float *brow = b + p * s.n;
            for (std::size_t j = 0; j < s.n; ++j)
                row[j] += aip * brow[j];
        }
        for (std::size_t j = 0; j < s.n; ++j)
            c[i * s.n + j] = static_cast<float>(row[j]);
    }
}

void gemmCpu(const GemmShape &s, const float *a, const float *b, float *c, int threads)
{
    validate(s);
    const MicroKernel kernel = selectMicroKernel();
    const int workers = threads <= 0 ? defaultThreads() : threads;
    // Split the longer side so that every worker gets whole register tiles; splitting N keeps each
    // worker's B panels private, splitting M (few output columns, many tokens) shares B via L3.
    const std::size_t nPanels = (s.n + NR - 1) / NR;
    if (nPanels >= static_cast<std::size_t>(2 * workers) || s.m < MR * static_cast<std::size_t>(workers)) {
        parallelFor(s.n, workers, NR, [&](std::size_t n0, std::size_t n1, int) { gemmTile(s, a, b, c, 0, s.m, n0, n1, kernel); });
    } else {
        parallelFor(s.m, workers, MR, [&](std::size_t m0, std::size_t m1, int) { gemmTile(s, a, b, c, m0, m1, 0, s.n, kernel); });
    }
}

std::string gemmCpuPath()
{
#ifdef TOKENROUTE_GEMM_X86
    if (selectMicroKernel() == microKernelAvx2)
        return "avx2-fma";
#endif
    return "portable";
}

void gemmCpuForcePortable(bool force)
{
    g_forcePortable.store(force);
}

} // namespace tokenroute::kernels
