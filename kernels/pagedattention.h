#pragma once
// Decode attention over a paged KV cache: each sequence in the batch adds one query token and
// attends to its whole context, whose keys and values live in fixed-size blocks of 16 tokens
// scattered through a shared pool and found through the sequence's block table (the vLLM layout).
// The last block of a sequence is usually only partly filled. Reading the context's K and V once
// is the cost, so this kernel is bandwidth-bound like the GEMV.
// Pool layout: block x token-in-block x kvHead x headDim, separately for K and V, fp32.

#include <cstddef>
#include <string>
#include <vector>

namespace tokenroute::kernels {

constexpr std::size_t kKvBlockTokens = 16;

struct PagedAttentionShape {
    std::size_t heads = 0;
    std::size_t kvHeads = 0;
    std::size_t headDim = 0;
    std::size_t poolBlocks = 0;              // blocks in the pool
    std::size_t maxBlocksPerSequence = 0;    // row length of the block table
    std::vector<std::size_t> contextLengths; // per sequence, tokens already cached (>= 1)
    std::vector<int> blockTable;             // sequences x maxBlocksPerSequence, pool block ids

    std::size_t batch() const { return contextLengths.size(); }
    std::size_t totalContext() const;
    std::size_t blockElements() const { return kKvBlockTokens * kvHeads * headDim; }
    double flops() const;   // QK and PV: 4 * heads * headDim per context token
    double bytes() const;   // K and V of every context token once, plus q and out
    std::string describe() const;
};

// Zero sizes, heads not a multiple of kvHeads, a context longer than its table row, or a block id
// outside the pool -> KernelError naming the sequence.
void validate(const PagedAttentionShape &s);

// q, out: batch x heads x headDim. kPool, vPool: poolBlocks x blockElements().
void pagedDecodeAttentionReference(const PagedAttentionShape &s, const float *q, const float *kPool,
                                   const float *vPool, float *out);
void pagedDecodeAttentionCpu(const PagedAttentionShape &s, const float *q, const float *kPool, const float *vPool,
                             float *out, int threads);

} // namespace tokenroute::kernels
