// Weight bytes per precision; the rule is explained in weights.h.

#include "core/model/weights.h"

#include <algorithm>

#include "core/model/paramtally.h"

namespace tokenroute {

double matrixBytesPerWeight(Precision weights)
{
    switch (weights) {
    case Precision::FP4:
        return bytesPer(weights) + 1.0 / 32.0; // one E8M0 scale byte per 32-value block
    case Precision::INT4:
        return bytesPer(weights) + 2.0 / 128.0; // one fp16 scale per group of 128
    default:
        return bytesPer(weights);
    }
}

double weightBytes(const ModelArch &a, Precision weights)
{
    const ParamTally t = tallyParams(a);
    // Tensors that no scheme quantises stay at 16 bit, unless the whole model is wider than that.
    const double kept = std::max(bytesPer(weights), bytesPer(Precision::BF16));
    return t.linear() * matrixBytesPerWeight(weights) + (t.embeddings() + t.small()) * kept;
}

} // namespace tokenroute
