#pragma once
// A transformer's shape, as far as inference cost is concerned: what a Hugging Face config.json
// says, normalised across families (Llama/Qwen dense and GQA, Mixtral/Qwen-MoE, DeepSeek MoE+MLA,
// gpt-oss). Everything the perf model needs (parameters total and active, KV bytes per token,
// attention FLOPs) is derived from these fields by the functions below, so the catalogue's models
// and a user's imported config follow one code path.

#include <string>

namespace tokenroute {

struct MoeShape {
    int numExperts = 0;            // routed experts per MoE layer (0 = dense model)
    int expertsPerToken = 0;       // routed experts each token uses (top-k)
    int sharedExperts = 0;         // always-on experts (DeepSeek, Qwen2-MoE)
    int expertIntermediate = 0;    // FFN width of one routed expert
    int sharedIntermediate = 0;    // FFN width of the shared expert(s), in total
    int firstDenseLayers = 0;      // leading layers with a dense FFN (DeepSeek first_k_dense_replace)
    int moeLayerStep = 1;          // every n-th layer is MoE

    bool operator==(const MoeShape &) const = default;
};

struct MlaShape {
    int kvLoraRank = 0;            // 0 = not MLA
    int qLoraRank = 0;             // 0 = full-rank queries
    int qkNopeHeadDim = 0;
    int qkRopeHeadDim = 0;
    int vHeadDim = 0;

    bool operator==(const MlaShape &) const = default;
};

struct ModelArch {
    std::string family;            // HF model_type: "llama", "mixtral", "deepseek_v3", "gpt_oss", ...
    int layers = 0;
    int hidden = 0;
    int heads = 0;                 // query heads
    int kvHeads = 0;               // key/value heads (GQA); == heads for MHA
    int headDim = 0;               // explicit or hidden / heads
    int intermediate = 0;          // dense FFN width
    int vocab = 0;
    bool tiedEmbeddings = false;
    bool gatedFfn = true;          // SwiGLU-style (3 matrices) vs plain MLP (2)
    bool attentionBias = false;
    int slidingWindow = 0;         // 0 = full attention everywhere
    int slidingWindowLayers = 0;   // how many layers use the window (gpt-oss alternates)
    int maxContext = 0;
    MoeShape moe;
    MlaShape mla;

    bool isMoe() const { return moe.numExperts > 0; }
    bool isMla() const { return mla.kvLoraRank > 0; }

    bool operator==(const ModelArch &) const = default;
};

struct ParamCounts {
    double total = 0;              // every weight, embeddings included
    double active = 0;             // weights touched per token (MoE: top-k + shared experts)
    double embedding = 0;          // input embedding (+ untied output head)
    double perExpert = 0;          // one routed expert (all layers' share is perExpert * moeLayers)
    int moeLayers = 0;
};

ParamCounts countParams(const ModelArch &a);

// KV cache bytes per token for all layers at the given bytes per element.
// MHA/GQA: 2 · L · h_kv · d · b;  MLA: L · (kv_lora_rank + rope_dim) · b.
double kvBytesPerToken(const ModelArch &a, double bytesPerElement);

// KV cache bytes held for one sequence of `context` tokens: layers with a sliding window keep at
// most `slidingWindow` tokens (gpt-oss), the others keep all of them.
double kvBytesForContext(const ModelArch &a, double context, double bytesPerElement);

// Attention score+value FLOPs for one query token against `context` keys, all layers:
// 4 · L · H_q · d · context (QK^T and PV, 2 FLOPs per multiply-add). Sliding-window layers see at
// most `slidingWindow` keys; MLA uses its query/key width (nope + rope) and value width.
double attentionFlopsPerToken(const ModelArch &a, double context);

} // namespace tokenroute
