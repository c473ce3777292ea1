#include "core/route/tags.h"

#include <algorithm>
#include <limits>

#include "core/model/modelarch.h"

namespace tokenroute {

namespace {

constexpr double kBytesPerGB = 1e9;

// Share of a request's FLOPs spent in prefill: 2·Pa per token for the matrices plus causal
// attention (a prompt token attends on average to half the prompt; an output token to the prompt
// plus half the output). Without a model, tokens stand in for FLOPs.
double prefillFlopShare(const Workload &w, const ModelArch *model)
{
    const double in = std::max(0.0, w.inputMean), out = std::max(0.0, w.outputMean);
    if (in + out <= 0)
        return 0;
    if (!model)
        return in / (in + out);
    const double active = countParams(*model).active;
    const double prefill = 2 * active * in + in * attentionFlopsPerToken(*model, in / 2);
    const double decode = 2 * active * out + out * attentionFlopsPerToken(*model, in + out / 2);
    return prefill + decode > 0 ? prefill / (prefill + decode) : 0;
}

TagReason phaseReason(const Workload &w, const ModelArch *model, const TagThresholds &t)
{
    TagReason r;
    r.axis = TagAxis::Phase;
    r.code = TagReasonCode::TokenRatio;
    r.value = w.outputMean > 0 ? w.inputMean / w.outputMean : std::numeric_limits<double>::infinity();
    r.limit = t.prefillHeavyRatio;
    r.extra = prefillFlopShare(w, model);
    r.tag = r.value >= t.prefillHeavyRatio ? Tag::PrefillHeavy : Tag::DecodeHeavy;
    return r;
}

TagReason contextReason(const Workload &w, const TagThresholds &t)
{
    TagReason r;
    r.axis = TagAxis::Context;
    r.code = TagReasonCode::ContextLength;
    // The tail matters for KV memory: a pool must hold the p90 prompt plus what decode adds.
    const double prompt = w.inputP90 > 0 ? w.inputP90 : w.inputMean;
    r.value = prompt + std::max(0.0, w.outputMean);
    r.limit = t.longContextTokens;
    r.tag = r.value >= t.longContextTokens ? Tag::LongContext : Tag::ShortContext;
    return r;
}

TagReason latencyReason(const Workload &w, const TagThresholds &t)
{
    TagReason r;
    r.axis = TagAxis::Latency;
    if (w.ttftSloMs <= 0 && w.tpotSloMs <= 0) {
        r.code = TagReasonCode::NoSloFlag;
        r.tag = w.interactive ? Tag::Interactive : Tag::Batch;
        return r;
    }
    if (w.ttftSloMs > 0 && w.ttftSloMs <= t.interactiveTtftMs) {
        r.code = TagReasonCode::TightSlo;
        r.text = "ttft";
        r.value = w.ttftSloMs;
        r.limit = t.interactiveTtftMs;
        r.tag = Tag::Interactive;
        return r;
    }
    if (w.tpotSloMs > 0 && w.tpotSloMs <= t.interactiveTpotMs) {
        r.code = TagReasonCode::TightSlo;
        r.text = "tpot";
        r.value = w.tpotSloMs;
        r.limit = t.interactiveTpotMs;
        r.tag = Tag::Interactive;
        return r;
    }
    r.code = TagReasonCode::LooseSlo;
    r.value = w.ttftSloMs;
    r.limit = t.interactiveTtftMs;
    r.extra = w.tpotSloMs;
    r.extraLimit = t.interactiveTpotMs;
    r.tag = Tag::Batch;
    return r;
}

TagReason sizeReason(const ModelArch *model, const TagThresholds &t)
{
    TagReason r;
    r.axis = TagAxis::ModelSize;
    if (!model) {
        r.code = TagReasonCode::UnknownModel;
        r.tag = Tag::LargeModel;   // the cautious default: assume it needs sharding
        return r;
    }
    r.value = countParams(*model).total * bytesPer(t.weightsPrecision) / kBytesPerGB;
    if (r.value <= t.sramResidentGb) {
        r.code = TagReasonCode::WeightsInSram;
        r.limit = t.sramResidentGb;
        r.tag = Tag::SramResident;
    } else if (r.value <= t.largeModelGb) {
        r.code = TagReasonCode::WeightsFitOneDevice;
        r.limit = t.largeModelGb;
        r.tag = Tag::SmallModel;
    } else {
        r.code = TagReasonCode::WeightsExceedDevice;
        r.limit = t.largeModelGb;
        r.tag = Tag::LargeModel;
    }
    return r;
}

TagReason placementReason(const Workload &w)
{
    TagReason r;
    r.axis = TagAxis::Placement;
    r.code = w.edge ? TagReasonCode::EdgeFlag : TagReasonCode::DataCentreFlag;
    r.tag = w.edge ? Tag::Edge : Tag::DataCentre;
    return r;
}

} // namespace

std::string toString(TagReasonCode c)
{
    switch (c) {
    case TagReasonCode::TokenRatio: return "token-ratio";
    case TagReasonCode::ContextLength: return "context-length";
    case TagReasonCode::TightSlo: return "tight-slo";
    case TagReasonCode::LooseSlo: return "loose-slo";
    case TagReasonCode::NoSloFlag: return "no-slo-flag";
    case TagReasonCode::WeightsInSram: return "weights-in-sram";
    case TagReasonCode::WeightsFitOneDevice: return "weights-fit-one-device";
    case TagReasonCode::WeightsExceedDevice: return "weights-exceed-device";
    case TagReasonCode::UnknownModel: return "unknown-model";
    case TagReasonCode::EdgeFlag: return "edge-flag";
    case TagReasonCode::DataCentreFlag: return "data-centre-flag";
    case TagReasonCode::Overridden: return "overridden";
    }
    return "unknown";
}

bool WorkloadTags::has(Tag t) const { return std::find(tags.begin(), tags.end(), t) != tags.end(); }

WorkloadTags deriveTags(const Workload &w, const ModelArch *model, const TagThresholds &t)
{
    WorkloadTags out;
    out.reasons = {phaseReason(w, model, t), contextReason(w, t), latencyReason(w, t), sizeReason(model, t),
                   placementReason(w)};
    for (TagReason &r : out.reasons) {
        auto it = w.tagOverrides.find(r.axis);
        if (it != w.tagOverrides.end()) {
            // Keep the numbers so the UI can show what the override replaced.
            r.derived = r.tag;
            r.tag = it->second;
            r.code = TagReasonCode::Overridden;
        }
        out.tags.push_back(r.tag);
    }
    return out;
}

const ModelSpec *findModel(const Plan &plan, const Catalog &catalog, const std::string &modelId)
{
    if (const ModelSpec *m = catalog.model(modelId))
        return m;
    const std::string bare = modelId.rfind("import:", 0) == 0 ? modelId.substr(7) : modelId;
    for (const ModelSpec &m : plan.importedModels)
        if (m.id == modelId || m.id == bare)
            return &m;
    return nullptr;
}

WorkloadTags deriveTags(const Workload &w, const Plan &plan, const Catalog &catalog, const TagThresholds &t)
{
    const ModelSpec *m = findModel(plan, catalog, w.modelId);
    return deriveTags(w, m ? &m->arch : nullptr, t);
}

} // namespace tokenroute
