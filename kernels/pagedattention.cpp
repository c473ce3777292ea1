#include "kernels/pagedattention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "kernels/kernelerror.h"
#include "kernels/parallel.h"
#include "kernels/simd.h"

namespace tokenroute::kernels {

namespace {

TOKENROUTE_ALWAYS_INLINE float dot(const float *a, const float *b, std::size_t n)
{
    float s = 0.f;
#pragma omp simd reduction(+ : s)
    for (std::size_t i = 0; i < n; ++i)
        s += a[i] * b[i];
    return s;
}

// All query heads that share kv head `kvh` of sequence `seq`, so each K/V block is read once for the
// whole group (grouped-query attention).
TOKENROUTE_SIMD_CLONES
void attendGroup(const PagedAttentionShape &s, const float *q, const float *kPool, const float *vPool, float *out,
                 std::size_t seq, std::size_t kvh)
{
    const std::size_t d = s.headDim;
    const std::size_t group = s.heads / s.kvHeads;
    const std::size_t ctx = s.contextLengths[seq];
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    std::vector<float> acc(group * d, 0.f);
    std::vector<float> mx(group, -std::numeric_limits<float>::infinity());
    std::vector<float> sum(group, 0.f);
    float scores[kKvBlockTokens];
    const std::size_t blocks = (ctx + kKvBlockTokens - 1) / kKvBlockTokens;
    for (std::size_t blk = 0; blk < blocks; ++blk) {
        const std::size_t pb = static_cast<std::size_t>(s.blockTable[seq * s.maxBlocksPerSequence + blk]);
        const std::size_t filled = std::min(kKvBlockTokens, ctx - blk * kKvBlockTokens); // last block: partly
        const float *kb = kPool + pb * s.blockElements();
        const float *vb = vPool + pb * s.blockElements();
        for (std::size_t g = 0; g < group; ++g) {
            const std::size_t h = kvh * group + g;
            const float *qv = q + (seq * s.heads + h) * d;
            float blockMax = -std::numeric_limits<float>::infinity();
            for (std::size_t t = 0; t < filled; ++t) {
                scores[t] = dot(qv, kb + (t * s.kvHeads + kvh) * d, d) * scale;
                blockMax = std::max(blockMax, scores[t]);
            }
            const float newMax = std::max(mx[g], blockMax);
            const float correction = std::exp(mx[g] - newMax);
            float *a = acc.data() + g * d;
            float total = sum[g] * correction;
            for (std::size_t x = 0; x < d; ++x)
                a[x] *= correction;
            for (std::size_t t = 0; t < filled; ++t) {
                const float p = std::exp(scores[t] - newMax);
                total += p;
                const float *vv = vb + (t * s.kvHeads + kvh) * d;
                for (std::size_t x = 0; x < d; ++x)
                    a[x] += p * vv[x];
            }
            sum[g] = total;
            mx[g] = newMax;
        }
    }
    for (std::size_t g = 0; g < group; ++g) {
        const std::size_t h = kvh * group + g;
        float *o = out + (seq * s.heads + h) * d;
        const float inv = 1.f / sum[g];
        for (std::size_t x = 0; x < d; ++x)
            o[x] = acc[g * d + x] * inv;
    }
}

} // namespace

std::size_t PagedAttentionShape::totalContext() const
{
    return std::accumulate(contextLengths.begin(), contextLengths.end(), std::size_t{0});
}

double PagedAttentionShape::flops() const
{
    return 4.0 * static_cast<double>(heads) * static_cast<double>(headDim) * static_cast<double>(totalContext());
}

double PagedAttentionShape::bytes() const
{
    return 4.0 * static_cast<double>(headDim)
        * (2.0 * static_cast<double>(kvHeads) * static_cast<double>(totalContext())
           + 2.0 * static_cast<double>(heads) * static_cast<double>(batch()));
}

std::string PagedAttentionShape::describe() const
{
    const std::size_t ctxMin = contextLengths.empty() ? 0 : *std::min_element(contextLengths.begin(), contextLengths.end());
    const std::size_t ctxMax = contextLengths.empty() ? 0 : *std::max_element(contextLengths.begin(), contextLengths.end());
    return "batch=" + std::to_string(batch()) + " context=" + std::to_string(ctxMin) + ".." + std::to_string(ctxMax)
        + " heads=" + std::to_string(heads) + " kv_heads=" + std::to_string(kvHeads) + " head_dim=" + std::to_string(headDim)
        + " block=16";
}

void validate(const PagedAttentionShape &s)
{
    if (s.batch() == 0 || s.heads == 0 || s.kvHeads == 0 || s.headDim == 0 || s.poolBlocks == 0
        || s.maxBlocksPerSequence == 0)
        throw KernelError("decode attention: shape " + s.describe() + " has a zero size; every size must be >= 1");
    if (s.heads % s.kvHeads != 0)
        throw KernelError("decode attention: heads (" + std::to_string(s.heads) + ") must be a multiple of kv_heads ("
                          + std::to_string(s.kvHeads) + ")");
    if (s.blockTable.size() != s.batch() * s.maxBlocksPerSequence)
        throw KernelError("decode attention: block table has " + std::to_string(s.blockTable.size())
                          + " entries, expected batch x max_blocks = " + std::to_string(s.batch() * s.maxBlocksPerSequence));
    for (std::size_t seq = 0; seq < s.batch(); ++seq) {
        const std::size_t ctx = s.contextLengths[seq];
        if (ctx == 0)
            throw KernelError("decode attention: sequence " + std::to_string(seq) + " has an empty context; it must hold >= 1 token");
        const std::size_t blocks = (ctx + kKvBlockTokens - 1) / kKvBlockTokens;
        if (blocks > s.maxBlocksPerSequence)
            throw KernelError("decode attention: sequence " + std::to_string(seq) + " has " + std::to_string(ctx)
                              + " tokens, more than its " + std::to_string(s.maxBlocksPerSequence) + " table blocks hold");
        for (std::size_t b = 0; b < blocks; ++b) {
            const int id = s.blockTable[seq * s.maxBlocksPerSequence + b];
            if (id < 0 || static_cast<std::size_t>(id) >= s.poolBlocks)
                throw KernelError("decode attention: sequence " + std::to_string(seq) + " block " + std::to_string(b)
                                  + " points at pool block " + std::to_string(id) + ", outside 0.."
                                  + std::to_string(s.poolBlocks - 1));
        }
    }
}

void pagedDecodeAttentionReference(const PagedAttentionShape &s, const float *q, const float *kPool,
                                   const float *vPool, float *out)
{
    validate(s);
    const std::size_t d = s.headDim;
    const std::size_t group = s.heads / s.kvHeads;
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));
    for (std::size_t seq = 0; seq < s.batch(); ++seq) {
        const std::size_t ctx = s.contextLengths[seq];
        // Gather the context token by token through the table: the simplest reading of the layout.
        auto row = [&](const float *pool, std::size_t t, std::size_t kvh) {
            const int pb = s.blockTable[seq * s.maxBlocksPerSequence + t / kKvBlockTokens];
            return pool + static_cast<std::size_t>(pb) * s.blockElements() + ((t % kKvBlockTokens) * s.kvHeads + kvh) * d;
        };
        std::vector<double> w(ctx);
        for (std::size_t h = 0; h < s.heads; ++h) {
            const std::size_t kvh = h / group;
            const float *qv = q + (seq * s.heads + h) * d;
            double mx = -std::numeric_limits<double>::infinity();
            for (std::size_t t = 0; t < ctx; ++t) {
                const float *kv = row(kPool, t, kvh);
                double dp = 0;
                for (std::size_t x = 0; x < d; ++x)
                    dp += static_cast<double>(qv[x]) * kv[x];
                w[t] = dp * scale;
                mx = std::max(mx, w[t]);
            }
            double total = 0;
            for (std::size_t t = 0; t < ctx; ++t)
                total += (w[t] = std::exp(w[t] - mx));
            std::vector<double> acc(d, 0.0);
            for (std::size_t t = 0; t < ctx; ++t) {
                const float *vv = row(vPool, t, kvh);
                for (std::size_t x = 0; x < d; ++x)
                    acc[x] += w[t] * vv[x];
            }
            for (std::size_t x = 0; x < d; ++x)
                out[(seq * s.heads + h) * d + x] = static_cast<float>(acc[x] / total);
        }
    }
}

void pagedDecodeAttentionCpu(const PagedAttentionShape &s, const float *q, const float *kPool, const float *vPool,
                             float *out, int threads)
{
    validate(s);
    const std::size_t items = s.batch() * s.kvHeads;
    const std::size_t workers = std::min<std::size_t>(items, threads <= 0 ? defaultThreads() : threads);
    // Sequences differ in length, so deal (sequence, kv head) items round-robin rather than in
    // contiguous slices.
    parallelFor(workers, static_cast<int>(workers), 1, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t w = begin; w < end; ++w)
            for (std::size_t it = w; it < items; it += workers)
                attendGroup(s, q, kPool, vPool, out, it / s.kvHeads, it % s.kvHeads);
    });
}

} // namespace tokenroute::kernels
