#pragma once
// Causal self-attention over a prompt (prefill): every token attends to itself and all earlier
// tokens. Q is tokens x heads x headDim, K and V are tokens x kvHeads x headDim (grouped-query
// attention: heads is a multiple of kvHeads), O has Q's shape; all fp32, row-major.
// The CPU version is tiled the FlashAttention way: a block of queries meets one block of keys at a
// time and keeps a running max and sum per query (online softmax), so the tokens x tokens score
// matrix is never stored and the working set stays in cache for any prompt length.

#include <cstddef>
#include <string>

namespace tokenroute::kernels {

struct AttentionShape {
    std::size_t tokens = 0;
    std::size_t heads = 0;
    std::size_t kvHeads = 0;
    std::size_t headDim = 0;

    // QK^T and PV over the causal triangle: 2 * 2 * d flops for each of the T(T+1)/2 pairs, per head.
    double flops() const
    {
        return 2.0 * static_cast<double>(heads) * static_cast<double>(headDim) * static_cast<double>(tokens)
            * static_cast<double>(tokens + 1);
    }
    // Q and O once, K and V once (fp32).
    double bytes() const
    {
        return 4.0 * static_cast<double>(tokens) * static_cast<double>(headDim)
            * (2.0 * static_cast<double>(heads) + 2.0 * static_cast<double>(kvHeads));
    }
    std::size_t qElements() const { return tokens * heads * headDim; }
    std::size_t kvElements() const { return tokens * kvHeads * headDim; }
    std::string describe() const;
};

// Throws KernelError on zero sizes or heads not a multiple of kvHeads.
void validate(const AttentionShape &s);

// Full softmax per query in double precision.
void causalAttentionReference(const AttentionShape &s, const float *q, const float *k, const float *v, float *o);

// Tiled online-softmax version, multi-threaded over (head, query block).
void causalAttentionCpu(const AttentionShape &s, const float *q, const float *k, const float *v, float *o, int threads);

} // namespace tokenroute::kernels
