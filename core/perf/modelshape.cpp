#include "core/perf/modelshape.h"

#include "core/model/weights.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace tokenroute::perfdetail {

ModelShape ModelShape::of(const ModelArch &a)
{
    const ParamCounts pc = countParams(a);
    ModelShape s;
    s.headParams = double(a.vocab) * a.hidden;
    s.embeddingParams = pc.embedding;
    s.moeLayers = a.isMoe() ? pc.moeLayers : 0;
    s.experts = a.isMoe() ? a.moe.numExperts : 0;
    s.topK = a.isMoe() ? std::max(1, a.moe.expertsPerToken) : 0;
    s.expertParams = a.isMoe() ? pc.perExpert : 0;
    const double body = std::max(0.0, pc.total - pc.embedding);
    const double routed = s.expertParams * s.experts * s.moeLayers;
    s.alwaysParams = std::max(0.0, body - routed);
    s.activeBodyParams = s.alwaysParams + s.expertParams * s.topK * s.moeLayers;
    return s;
}

double weightStorageBytes(Precision p)
{
    return matrixBytesPerWeight(p);
}

double embeddingStorageBytes(Precision weights)
{
    return std::max(2.0, weightStorageBytes(weights));
}

double kvElementBytes(Precision kv)
{
    switch (kv) {
    case Precision::FP32: return 4.0;
    case Precision::BF16: return 2.0;
    case Precision::FP8: return 1.0;
    case Precision::FP4:
    case Precision::INT4: return 0.5;
    }
    return 2.0;
}

double kvReplication(const ModelArch &a, int tp)
{
    if (tp <= 1)
        return 1;
    if (a.isMla())
        return tp;
    if (a.kvHeads > 0 && tp > a.kvHeads)
        return double(tp) / a.kvHeads;
    return 1;
}

TierKind deviceTier(const Accelerator &device)
{
    if (device.weightsInSram)
        return TierKind::Sram;
    std::string t = device.memoryType;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (t.rfind("sram", 0) == 0)
        return TierKind::Sram;
    if (t.rfind("gddr", 0) == 0)
        return TierKind::Gddr;
    if (t.rfind("lpddr", 0) == 0)
        return TierKind::Lpddr;
    if (t.rfind("ddr", 0) == 0)
        return TierKind::HostDram;
    return TierKind::Hbm;
}

} // namespace tokenroute::perfdetail
