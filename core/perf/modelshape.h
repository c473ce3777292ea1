#pragma once
// The split of a model's parameters that the phase model needs, derived once from countParams():
// which weights every token reads (attention, dense FFNs, shared experts, norms, routers), which
// are routed experts (read only when some token in the batch picks them), and the embedding and
// output head (stored at 16 bit by common quantisation recipes, and the head is only multiplied
// for tokens whose logits are wanted). Internal to core/perf.

#include "core/catalog/catalog.h"
#include "core/model/modelarch.h"

namespace tokenroute::perfdetail {

struct ModelShape {
    double alwaysParams = 0;     // non-embedding weights every token reads
    double expertParams = 0;     // one routed expert in one MoE layer
    int moeLayers = 0;
    int experts = 0;
    int topK = 0;
    double headParams = 0;       // output projection (vocab × hidden)
    double embeddingParams = 0;  // input embedding + untied head, as stored
    double activeBodyParams = 0; // non-embedding weights one token multiplies

    static ModelShape of(const ModelArch &a);
};

// Bytes per stored matrix weight (attention, FFN, experts), block scales included; the rule of
// core/model/weights.h so that "model bytes" mean the same everywhere.
double weightStorageBytes(Precision p);

// Bytes per stored embedding/head weight: 16-bit unless the weights themselves are wider
// (ModelOpt FP8/NVFP4 and AWQ/GPTQ leave the embedding and lm_head unquantised).
double embeddingStorageBytes(Precision weights);

// KV bytes per element: FP8 or BF16 (FP32 for completeness).
double kvElementBytes(Precision kv);

// How many times a replica stores each KV byte under tensor parallelism: GQA heads are replicated
// once tp exceeds the KV heads (every rank needs at least one head); an MLA latent is replicated on
// every rank (vLLM's MLA path; DP attention avoids it and is not modelled).
double kvReplication(const ModelArch &a, int tp);

TierKind deviceTier(const Accelerator &device);

} // namespace tokenroute::perfdetail
