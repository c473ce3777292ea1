#pragma once
// The five labels a workload carries — prefill-heavy or decode-heavy, long or short context,
// interactive or batch, small (SRAM-resident as its own case) or large model, edge or data centre —
// derived from its numbers against thresholds that are data (TagThresholds), so the UI can show
// and change them, and each overridable per workload (Workload::tagOverrides). Every tag comes
// with the reason it holds as a code plus the numbers compared, so the router's rules and the UI
// can both explain "prefill-heavy because 8:1 input to output, 89 % of the FLOPs in prefill".
// describe() in reasons.cpp words them.

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute {

struct TagThresholds {
    // Prefill-heavy from 4 input tokens per output token: at that ratio a dense model spends
    // about 80 % of the request's FLOPs on the prompt, and prefill capacity sizes the fleet.
    double prefillHeavyRatio = 4;
    // Long context from 8192 tokens (prompt p90 + mean output): a Llama-3.1-70B request then holds
    // about 2.7 GB of BF16 KV (320 kB per token), so KV memory rather than weights limits the batch.
    double longContextTokens = 8192;
    // Interactive when a person waits: a TTFT SLO of at most 2 s (beyond which a chat feels stuck)...
    double interactiveTtftMs = 2000;
    // ...or a TPOT SLO of at most 200 ms (5 tokens/s, about silent reading speed).
    double interactiveTpotMs = 200;
    // SRAM-resident up to 14.72 GB of weights: 64 LPU-class chips (8 nodes of 8) at 230 MB of
    // on-chip SRAM each (Groq LPU datasheet figure), one rack of such chips.
    double sramResidentGb = 14.72;
    // Large model beyond 80 GB of weights: more than one H100/A100-80GB holds, so it must be sharded.
    double largeModelGb = 80;
    // Weights are sized at BF16, the precision published checkpoints ship in.
    Precision weightsPrecision = Precision::BF16;
};

enum class TagReasonCode {
    TokenRatio,            // value: input/output tokens, limit: threshold, extra: prefill FLOP share
    ContextLength,         // value: context tokens, limit: threshold
    TightSlo,              // value: the SLO (ms) under limit; text: "ttft" or "tpot"
    LooseSlo,              // value: TTFT SLO, extra: TPOT SLO, limits: thresholds (0 = none stated)
    NoSloFlag,             // no SLO stated: the workload's interactive flag decides
    WeightsInSram,         // value: weight GB, limit: SRAM threshold
    WeightsFitOneDevice,   // value: weight GB, limit: large-model threshold
    WeightsExceedDevice,   // value: weight GB, limit: large-model threshold
    UnknownModel,          // model not found: size axis defaults to large
    EdgeFlag,              // marked as running on field devices
    DataCentreFlag,
    Overridden,            // the user set this axis; derived holds what the numbers say
};
std::string toString(TagReasonCode c);

struct TagReason {
    TagAxis axis = TagAxis::Phase;
    Tag tag = Tag::DecodeHeavy;
    TagReasonCode code = TagReasonCode::TokenRatio;
    double value = 0;
    double limit = 0;
    double extra = 0;
    double extraLimit = 0;
    std::string text;
    Tag derived = Tag::DecodeHeavy;   // Overridden: the tag the numbers give
};

struct WorkloadTags {
    std::vector<Tag> tags;            // one per axis, in TagAxis order
    std::vector<TagReason> reasons;   // one per axis, same order

    bool has(Tag t) const;
};

// model may be null (unknown or unparsed): the phase split then uses tokens only and the size
// axis says the model is unknown.
WorkloadTags deriveTags(const Workload &w, const ModelArch *model, const TagThresholds &t = {});

// Looks the model up in the catalogue, then among the plan's imported configs ("import:<id>").
const ModelSpec *findModel(const Plan &plan, const Catalog &catalog, const std::string &modelId);
WorkloadTags deriveTags(const Workload &w, const Plan &plan, const Catalog &catalog, const TagThresholds &t = {});

std::string describe(const TagReason &r);

} // namespace tokenroute
