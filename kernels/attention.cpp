#include "kernels/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernels/kernelerror.h"
#include "kernels/parallel.h"
#include "kernels/simd.h"

namespace tokenroute::kernels {

namespace {

// 32 queries x 64 keys: the score tile (8 KiB) plus 64 keys and values of a 128-wide head (64 KiB)
// sit in L1/L2, and 32 query rows amortise each key block load 32 times.
constexpr std::size_t BQ = 32;
constexpr std::size_t BK = 64;

TOKENROUTE_ALWAYS_INLINE float dot(const float *a, const float *b, std::size_t n)
{
    float s = 0.f;
#pragma omp simd reduction(+ : s)
    for (std::size_t i = 0; i < n; ++i)
        s += a[i] * b[i];
    return s;
}

// One (head, query block): rows [q0, q1) of head h.
TOKENROUTE_SIMD_CLONES
void attendBlock(const AttentionShape &s, const float *q, const float *k, const float *v, float *o, std::size_t h,
                 std::size_t q0, std::size_t q1)
{
    const std::size_t d = s.headDim;
    const std::size_t kvh = h / (s.heads / s.kvHeads);
    const std::size_t qStride = s.heads * d;
    const std::size_t kvStride = s.kvHeads * d;
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    const std::size_t rows = q1 - q0;

    std::vector<float> acc(rows * d, 0.f);
    std::vector<float> rowMax(rows, -std::numeric_limits<float>::infinity());
    std::vector<float> rowSum(rows, 0.f);
    float scores[BQ * BK];

    // Keys beyond the last query of the block are masked for every row, so stop there.
    for (std::size_t k0 = 0; k0 < q1; k0 += BK) {
        const std::size_t k1 = std::min(k0 + BK, q1);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t qi = q0 + r;
            const float *qv = q + qi * qStride + h * d;
            const std::size_t last = std::min(k1, qi + 1); // causal: keys 0..qi
            float blockMax = -std::numeric_limits<float>::infinity();
            for (std::size_t kj = k0; kj < last; ++kj) {
                const float sc = dot(qv, k + kj * kvStride + kvh * d, d) * scale;
                scores[r * BK + (kj - k0)] = sc;
                blockMax = std::max(blockMax, sc);
            }
            if (last <= k0)
                continue; // the whole key block lies in this row's future
            const float newMax = std::max(rowMax[r], blockMax);
            const float correction = std::exp(rowMax[r] - newMax); // exp(-inf) = 0 on the first block
            float *accRow = acc.data() + r * d;
            if (correction != 1.f) {
                for (std::size_t x = 0; x < d; ++x)
                    accRow[x] *= correction;
            }
            float sum = rowSum[r] * correction;
            for (std::size_t kj = k0; kj < last; ++kj) {
                const float p = std::exp(scores[r * BK + (kj - k0)] - newMax);
                sum += p;
                const float *vv = v + kj * kvStride + kvh * d;
                for (std::size_t x = 0; x < d; ++x)
                    accRow[x] += p * vv[x];
            }
            rowSum[r] = sum;
            rowMax[r] = newMax;
        }
    }
    for (std::size_t r = 0; r < rows; ++r) {
        float *out = o + (q0 + r) * qStride + h * d;
        const float inv = 1.f / rowSum[r];
        for (std::size_t x = 0; x < d; ++x)
            out[x] = acc[r * d + x] * inv;
    }
}

} // namespace

std::string AttentionShape::describe() const
{
    return "tokens=" + std::to_string(tokens) + " heads=" + std::to_string(heads) + " kv_heads=" + std::to_string(kvHeads)
        + " head_dim=" + std::to_string(headDim);
}

void validate(const AttentionShape &s)
{
    if (s.tokens == 0 || s.heads == 0 || s.kvHeads == 0 || s.headDim == 0)
        throw KernelError("attention: shape " + s.describe() + " has a zero size; every size must be >= 1");
    if (s.heads % s.kvHeads != 0)
        throw KernelError("attention: heads (" + std::to_string(s.heads) + ") must be a multiple of kv_heads ("
                          + std::to_string(s.kvHeads) + ")");
}

void causalAttentionReference(const AttentionShape &s, const float *q, const float *k, const float *v, float *o)
{
    validate(s);
    const std::size_t d = s.headDim;
    const std::size_t group = s.heads / s.kvHeads;
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    std::vector<double> w(s.tokens);
    std::vector<double> acc(d);
    for (std::size_t h = 0; h < s.heads; ++h) {
        const std::size_t kvh = h / group;
        for (std::size_t i = 0; i < s.tokens; ++i) {
            const float *qv = q + (i * s.heads + h) * d;
            double mx = -std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j <= i; ++j) {
                const float *kv = k + (j * s.kvHeads + kvh) * d;
                double dot = 0;
                for (std::size_t x = 0; x < d; ++x)
                    dot += static_cast<double>(qv[x]) * kv[x];
                w[j] = dot * scale;
                mx = std::max(mx, w[j]);
            }
            double sum = 0;
            for (std::size_t j = 0; j <= i; ++j) {
                w[j] = std::exp(w[j] - mx);
                sum += w[j];
            }
            float *out = o + (i * s.heads + h) * d;
            std::fill(acc.begin(), acc.end(), 0.0);
            for (std::size_t j = 0; j <= i; ++j) {
                const float *vv = v + (j * s.kvHeads + kvh) * d;
                for (std::size_t x = 0; x < d; ++x)
                    acc[x] += w[j] * vv[x];
            }
            for (std::size_t x = 0; x < d; ++x)
                out[x] = static_cast<float>(acc[x] / sum);
        }
    }
}

void causalAttentionCpu(const AttentionShape &s, const float *q, const float *k, const float *v, float *o, int threads)
{
    validate(s);
    const std::size_t qBlocks = (s.tokens + BQ - 1) / BQ;
    const std::size_t items = s.heads * qBlocks;
    const std::size_t workers = std::min<std::size_t>(items, threads <= 0 ? defaultThreads() : threads);
    // Later query blocks see more keys, so contiguous slices would give the last worker most of the
    // work; dealing (head, block) items round-robin gives every worker the same mix.
    parallelFor(workers, static_cast<int>(workers), 1, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t w = begin; w < end; ++w) {
            for (std::size_t it = w; it < items; it += workers) {
                const std::size_t h = it % s.heads;
                const std::size_t q0 = (it / s.heads) * BQ;
                attendBlock(s, q, k, v, o, h, q0, std::min(q0 + BQ, s.tokens));
            }
        }
    });
}

} // namespace tokenroute::kernels
