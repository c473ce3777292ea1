#pragma once
// How many bytes a model's weights take when stored at a given precision.
//
// Quantised checkpoints do not store every tensor at the headline precision: the embedding table
// and the output head stay at 16 bit (they are a small share of large models and quantise badly),
// and so do norms, biases and routers. Only the matrices of attention and the FFN/experts take the
// chosen precision, and block-scaled 4-bit formats add their scales on top. This is the rule the
// perf model uses for "model bytes", so an FP4 deployment is not credited with halving the
// embeddings too. (gpt-oss goes further and keeps attention at bf16; a config's own
// quantization_config is not read here — the plan chooses the precision.)

#include "core/catalog/catalog.h"
#include "core/model/modelarch.h"

namespace tokenroute {

// Bytes of all weights with the attention/FFN matrices at `weights` and the rest at 16 bit (or at
// `weights` when that is wider, e.g. FP32).
//  - FP4 is counted as MXFP4: one 8-bit shared scale per block of 32 values (OCP Microscaling
//    spec; the format of the gpt-oss checkpoints), i.e. 4.25 bits per weight.
//  - INT4 is counted as group-wise quantisation with one 16-bit scale per 128 weights (the
//    default group size of GPTQ and AWQ), i.e. 4.125 bits per weight.
//  - FP8 scales (per tensor, or per 128x128 block as in DeepSeek-V3) are under 0.03 % and ignored.
double weightBytes(const ModelArch &a, Precision weights);

// Bytes per weight of the attention/FFN matrices at a precision, block scales included.
double matrixBytesPerWeight(Precision weights);

} // namespace tokenroute
