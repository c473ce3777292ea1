#include "kernels/gemv.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "kernels/kernelerror.h"
#include "kernels/parallel.h"
#include "kernels/simd.h"

namespace tokenroute::kernels {

namespace {

// Four weight rows at a time share each load of x; 1024-element K chunks keep four rows (16 KiB in
// fp32) in L1 while the batch's x chunk (at most 64 x 4 KiB) stays in L2.
constexpr std::size_t ROWS = 4;
constexpr std::size_t KCHUNK = 1024;
constexpr std::size_t MAX_BATCH = 64;

TOKENROUTE_ALWAYS_INLINE void dot4(const float *w0, const float *w1, const float *w2, const float *w3, const float *x, std::size_t n, float *acc)
{
    float s0 = 0.f, s1 = 0.f, s2 = 0.f, s3 = 0.f;
#pragma omp simd reduction(+ : s0, s1, s2, s3)
    for (std::size_t i = 0; i < n; ++i) {
        const float xv = x[i];
        s0 += w0[i] * xv;
        s1 += w1[i] * xv;
        s2 += w2[i] * xv;
        s3 += w3[i] * xv;
    }
    acc[0] += s0;
    acc[1] += s1;
    acc[2] += s2;
    acc[3] += s3;
}

// bf16 -> fp32 is a 16-bit shift; bit_cast keeps it a plain vector shift the compiler can fuse.
TOKENROUTE_ALWAYS_INLINE float widenOne(bf16 v)
{
    return std::bit_cast<float>(static_cast<std::uint32_t>(v) << 16);
}

TOKENROUTE_ALWAYS_INLINE void widen(const bf16 *src, float *dst, std::size_t n)
{
#pragma omp simd
    for (std::size_t i = 0; i < n; ++i)
        dst[i] = widenOne(src[i]);
}

// Batch 1 reads each weight once, so widening into a buffer first would only add a store and a
// load per weight: convert in registers instead.
TOKENROUTE_ALWAYS_INLINE void dot4Bf16(const bf16 *w0, const bf16 *w1, const bf16 *w2, const bf16 *w3, const float *x, std::size_t n, float *acc)
{
    float s0 = 0.f, s1 = 0.f, s2 = 0.f, s3 = 0.f;
#pragma omp simd reduction(+ : s0, s1, s2, s3)
    for (std::size_t i = 0; i < n; ++i) {
        const float xv = x[i];
        s0 += widenOne(w0[i]) * xv;
        s1 += widenOne(w1[i]) * xv;
        s2 += widenOne(w2[i]) * xv;
        s3 += widenOne(w3[i]) * xv;
    }
    acc[0] += s0;
    acc[1] += s1;
    acc[2] += s2;
    acc[3] += s3;
}

// Output rows [r0, r1) for the whole batch. Rows beyond the matrix (in the last group of four)
// read a zero row so the inner loop has no edge case.
TOKENROUTE_SIMD_CLONES
void gemvRows(const GemvShape &s, const void *w, const float *x, float *y, std::size_t r0, std::size_t r1)
{
    std::vector<float> zeros(KCHUNK, 0.f);
    std::vector<float> widened(s.weights == WeightType::BF16 ? ROWS * KCHUNK : 0);
    std::vector<float> acc(MAX_BATCH * ROWS);
    for (std::size_t r = r0; r < r1; r += ROWS) {
        const std::size_t rows = std::min(ROWS, r1 - r);
        std::fill(acc.begin(), acc.end(), 0.f);
        for (std::size_t k0 = 0; k0 < s.in; k0 += KCHUNK) {
            const std::size_t kn = std::min(KCHUNK, s.in - k0);
            if (s.weights == WeightType::BF16 && s.batch == 1 && rows == ROWS) {
                const bf16 *wb = static_cast<const bf16 *>(w) + r * s.in + k0;
                dot4Bf16(wb, wb + s.in, wb + 2 * s.in, wb + 3 * s.in, x + k0, kn, acc.data());
                continue;
            }
            const float *wr[ROWS];
            for (std::size_t i = 0; i < ROWS; ++i) {
                if (i >= rows) {
                    wr[i] = zeros.data();
                } else if (s.weights == WeightType::F32) {
                    wr[i] = static_cast<const float *>(w) + (r + i) * s.in + k0;
                } else {
                    widen(static_cast<const bf16 *>(w) + (r + i) * s.in + k0, widened.data() + i * KCHUNK, kn);
                    wr[i] = widened.data() + i * KCHUNK;
                }
            }
            for (std::size_t b = 0; b < s.batch; ++b)
                dot4(wr[0], wr[1], wr[2], wr[3], x + b * s.in + k0, kn, acc.data() + b * ROWS);
        }
        for (std::size_t b = 0; b < s.batch; ++b)
            for (std::size_t i = 0; i < rows; ++i)
                y[b * s.out + r + i] = acc[b * ROWS + i];
    }
}

} // namespace

std::string toString(WeightType t)
{
    return t == WeightType::F32 ? "fp32" : "bf16";
}

double bytesPer(WeightType t)
{
    return t == WeightType::F32 ? 4.0 : 2.0;
}

std::string GemvShape::describe() const
{
    return "batch=" + std::to_string(batch) + " in=" + std::to_string(in) + " out=" + std::to_string(out)
        + " weights=" + toString(weights);
}

void validate(const GemvShape &s)
{
    if (s.batch == 0 || s.in == 0 || s.out == 0)
        throw KernelError("decode GEMV: shape " + s.describe() + " has a zero size; batch, in and out must be >= 1");
    if (s.batch > MAX_BATCH)
        throw KernelError("decode GEMV: batch " + std::to_string(s.batch) + " is above 64; larger batches are a GEMM (prefill kernel)");
}

void gemvReference(const GemvShape &s, const void *w, const float *x, float *y)
{
    validate(s);
    for (std::size_t b = 0; b < s.batch; ++b) {
        for (std::size_t o = 0; o < s.out; ++o) {
            double acc = 0;
            for (std::size_t i = 0; i < s.in; ++i) {
                const double wv = s.weights == WeightType::F32 ? static_cast<const float *>(w)[o * s.in + i]
                                                               : bf16ToFloat(static_cast<const bf16 *>(w)[o * s.in + i]);
                acc += wv * x[b * s.in + i];
            }
            y[b * s.out + o] = static_cast<float>(acc);
        }
    }
}

void gemvCpu(const GemvShape &s, const void *w, const float *x, float *y, int threads)
{
    validate(s);
    parallelFor(s.out, threads, ROWS, [&](std::size_t r0, std::size_t r1, int) { gemvRows(s, w, x, y, r0, r1); });
}

} // namespace tokenroute::kernels
