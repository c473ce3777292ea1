// Parameter counts, KV-cache size and attention FLOPs of a ModelArch.
//
// Conventions, chosen where publishers differ:
//  - "active" parameters are the weights one token's forward pass multiplies by: attention, the
//    dense FFN or the top-k routed plus shared experts, the routers, and the output head. The input
//    embedding is a table lookup (one row is read), so it is not active unless it doubles as the
//    output head (tied embeddings). This is how OpenAI counts gpt-oss ("unembedding parameters are
//    counted towards active, but not embeddings", gpt-oss model card, table 1) and how DeepSeek's
//    README_WEIGHTS.md arrives at 36.6 B active for V3; Mistral (Mixtral 12.9 B) and Qwen
//    (Qwen1.5-MoE 2.7 B) include the table, which the tests account for.
//  - A dense model's active count is therefore its total minus the input embedding.
//  - DeepSeek-V3's multi-token-prediction module (num_nextn_predict_layers) is not part of the
//    main model and is not counted: 671 B, not the 685 B of the published checkpoint.

#include "core/model/modelarch.h"

#include <algorithm>

#include "core/model/paramtally.h"

namespace tokenroute {

namespace {

// Matrices of one attention block, biases and latent norms excluded.
double attentionMatrices(const ModelArch &a)
{
    const double h = a.hidden;
    if (a.isMla()) {
        const MlaShape &m = a.mla;
        const double qkHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
        // Queries: a low-rank down/up pair when q_lora_rank is set, one full projection otherwise.
        const double q = m.qLoraRank > 0 ? h * m.qLoraRank + double(m.qLoraRank) * a.heads * qkHead
                                         : h * a.heads * qkHead;
        // Keys and values: down-projection to the cached latent plus the shared rope key, then the
        // per-head up-projection of the latent into no-rope keys and values.
        const double kvDown = h * (m.kvLoraRank + m.qkRopeHeadDim);
        const double kvUp = double(m.kvLoraRank) * a.heads * (m.qkNopeHeadDim + m.vHeadDim);
        const double o = double(a.heads) * m.vHeadDim * h;
        return q + kvDown + kvUp + o;
    }
    const double qDim = double(a.heads) * a.headDim;
    const double kvDim = double(a.kvHeads) * a.headDim;
    return h * qDim + 2 * h * kvDim + qDim * h;
}

double attentionBiases(const ModelArch &a)
{
    if (!a.attentionBias || a.isMla())
        return 0;
    return double(a.heads) * a.headDim + 2.0 * a.kvHeads * a.headDim + a.hidden;
}

// Norm weights of one layer: the two pre-norms, plus MLA's norms on the query and KV latents.
double layerNorms(const ModelArch &a)
{
    double n = 2.0 * a.hidden;
    if (a.isMla())
        n += a.mla.kvLoraRank + a.mla.qLoraRank;
    return n;
}

double ffnMatrices(const ModelArch &a, double width)
{
    return (a.gatedFfn ? 3.0 : 2.0) * a.hidden * width;
}

} // namespace

// Qwen's rule ((i + 1) % step == 0) for the step; DeepSeek writes i % moe_layer_freq == 0 instead,
// but every published DeepSeek config has moe_layer_freq 1, where the two agree.
bool isMoeLayer(const ModelArch &a, int layer)
{
    if (!a.isMoe() || layer < a.moe.firstDenseLayers)
        return false;
    const int step = std::max(1, a.moe.moeLayerStep);
    return (layer + 1) % step == 0;
}

ParamTally tallyParams(const ModelArch &a)
{
    ParamTally t;
    t.inputEmbedding = double(a.vocab) * a.hidden;
    t.outputHead = a.tiedEmbeddings ? 0.0 : double(a.vocab) * a.hidden;

    for (int i = 0; i < a.layers; ++i)
        isMoeLayer(a, i) ? ++t.moeLayers : ++t.denseLayers;

    t.attention = a.layers * attentionMatrices(a);
    t.attentionBias = a.layers * attentionBiases(a);
    t.norms = a.layers * layerNorms(a) + a.hidden; // + the final norm before the head
    t.denseFfn = t.denseLayers * ffnMatrices(a, a.intermediate);
    if (a.isMoe()) {
        t.perExpert = ffnMatrices(a, a.moe.expertIntermediate);
        t.routedExperts = double(t.moeLayers) * a.moe.numExperts * t.perExpert;
        t.routedActive = double(t.moeLayers) * a.moe.expertsPerToken * t.perExpert;
        t.sharedExperts = t.moeLayers * ffnMatrices(a, a.moe.sharedIntermediate);
        t.routers = double(t.moeLayers) * a.hidden * a.moe.numExperts;
    }
    return t;
}

ParamCounts countParams(const ModelArch &a)
{
    const ParamTally t = tallyParams(a);
    ParamCounts c;
    c.total = t.total();
    c.embedding = t.embeddings();
    c.active = c.total - (t.routedExperts - t.routedActive);
    if (!a.tiedEmbeddings)
        c.active -= t.inputEmbedding;
    c.perExpert = t.perExpert;
    c.moeLayers = t.moeLayers;
    return c;
}

double kvBytesPerToken(const ModelArch &a, double bytesPerElement)
{
    // MLA caches one compressed latent and one shared rope key per layer, not per head.
    if (a.isMla())
        return double(a.layers) * (a.mla.kvLoraRank + a.mla.qkRopeHeadDim) * bytesPerElement;
    return 2.0 * a.layers * a.kvHeads * a.headDim * bytesPerElement;
}

double kvBytesForContext(const ModelArch &a, double context, double bytesPerElement)
{
    if (context <= 0)
        return 0;
    const double perLayerToken = kvBytesPerToken(a, bytesPerElement) / std::max(1, a.layers);
    const int windowed = a.slidingWindow > 0 ? std::clamp(a.slidingWindowLayers, 0, a.layers) : 0;
    const double windowTokens = std::min(context, double(a.slidingWindow));
    return perLayerToken * ((a.layers - windowed) * context + windowed * windowTokens);
}

double attentionFlopsPerToken(const ModelArch &a, double context)
{
    if (context <= 0)
        return 0;
    // QK^T over the query/key head width and PV over the value head width, 2 FLOPs per
    // multiply-add. For MLA this is the per-head (non-absorbed) form: keys are 192 wide, values 128.
    const double qk = a.isMla() ? a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim : a.headDim;
    const double v = a.isMla() ? a.mla.vHeadDim : a.headDim;
    const double perKey = 2.0 * a.heads * (qk + v);
    // Layers with a sliding window see at most `window` keys however long the context grows.
    const int windowed = a.slidingWindow > 0 ? std::clamp(a.slidingWindowLayers, 0, a.layers) : 0;
    const double windowKeys = std::min(context, double(a.slidingWindow));
    return perKey * ((a.layers - windowed) * context + windowed * windowKeys);
}

} // namespace tokenroute
