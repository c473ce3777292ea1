#pragma once
// Parameter counts of a ModelArch, broken down by the part of the network that holds them.
//
// Two answers are built on this one tally: how many parameters a model has (countParams: total and
// active per token) and how many bytes its weights take at a chosen precision (weightBytes, where
// embeddings, matrices and the small vectors are stored differently in practice). Keeping the
// arithmetic in one place means the two can never disagree about what a layer contains.
//
// What is counted: every matrix of attention (standard, GQA or MLA), of the dense FFN, of every
// routed and shared expert and of the routers; the embedding table and an untied output head; the
// normalisation weights; attention biases when the config says so. Left out, each under 0.05 % of
// any model here: MLP and output-head biases (GPT-J, gpt-oss experts), Qwen's shared-expert gate
// and q/k norms, gpt-oss's attention sinks.

#include "core/model/modelarch.h"

namespace tokenroute {

struct ParamTally {
    double inputEmbedding = 0;   // vocab x hidden lookup table
    double outputHead = 0;       // untied LM head (0 when tied to the input embedding)
    double attention = 0;        // attention projection matrices, all layers
    double attentionBias = 0;    // attention biases, all layers
    double denseFfn = 0;         // FFN matrices of the dense (non-MoE) layers
    double routedExperts = 0;    // every routed expert of every MoE layer
    double routedActive = 0;     // the top-k routed experts one token uses, all MoE layers
    double sharedExperts = 0;    // always-on experts, all MoE layers
    double routers = 0;          // expert-selection matrices, all MoE layers
    double norms = 0;            // RMSNorm/LayerNorm weights (MLA's latent norms included)

    double perExpert = 0;        // one routed expert in one layer
    int moeLayers = 0;
    int denseLayers = 0;

    // Matrices that quantisation schemes store at the reduced precision.
    double linear() const { return attention + denseFfn + routedExperts + sharedExperts; }
    // Small tensors kept at 16 bit by every scheme in use (norms, biases, routers).
    double small() const { return attentionBias + routers + norms; }
    double embeddings() const { return inputEmbedding + outputHead; }
    double total() const { return embeddings() + linear() + small(); }
};

ParamTally tallyParams(const ModelArch &a);

// Whether layer `layer` (0-based) has a routed-expert FFN.
bool isMoeLayer(const ModelArch &a, int layer);

} // namespace tokenroute
