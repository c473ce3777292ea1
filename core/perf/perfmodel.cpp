#include "core/perf/perfmodel.h"

#include <algorithm>
#include <cmath>

#include "core/model/weights.h"
#include "core/perf/modelshape.h"
#include "core/util/error.h"

namespace tokenroute {

using namespace perfdetail;

namespace {

// Bytes per activation element on the wire and in the residual stream: engines keep activations
// in 16 bit between layers even when the GEMMs run in FP8/FP4.
constexpr double kActivationBytes = 2.0;

// Kernels one transformer layer launches in a decode step (norm, QKV, RoPE+attention, output
// projection, norm, gate/up, activation, down): each costs a fixed launch-and-drain time even
// when CUDA graphs remove the CPU launch cost.
constexpr double kKernelsPerLayer = 8;

// Fixed costs of one engine step by device class, in µs: per kernel (launch latency and the
// grid's ramp and tail, ~2 µs on current GPUs under CUDA graphs) and per step (sampling,
// scheduler bookkeeping, graph launch, ~150 µs in vLLM/TensorRT-LLM step profiles). SRAM engines
// are statically scheduled: no launches, no dynamic scheduler. Estimates; calibration replaces them.
struct StepOverhead {
    double perKernelUs;
    double perStepUs;
};

StepOverhead overheadFor(const Accelerator &d)
{
    switch (d.category) {
    case DeviceCategory::SramEngine: return {0.0, 20.0};
    case DeviceCategory::Cpu:
    case DeviceCategory::EdgeSoc: return {3.0, 200.0};
    default: return {2.0, 150.0};
    }
}

// Latency of one collective or pipeline hop, µs: NCCL small-message all-reduce inside an NVLink
// domain is ~5–10 µs and TensorRT-LLM's one-shot all-reduce a few µs (5 taken); over PCIe with no
// scale-up fabric ~15 µs; an SRAM engine's chip-to-chip hop is statically scheduled, ~1 µs.
double defaultLinkLatencyUs(const Accelerator &d)
{
    if (d.category == DeviceCategory::SramEngine)
        return 1.0;
    if (d.scaleUpGBs <= 0)
        return 15.0;
    return 5.0;
}

// A replica larger than the scale-up domain talks over the scale-out network: one 400 Gb/s NIC
// per accelerator (50 GB/s, the rail-optimised InfiniBand NDR / 400 GbE design of GPU clusters).
constexpr double kScaleOutGBs = 50;

bool beyondScaleUp(const DeviceSetup &s)
{
    return s.replicaDevices() > std::max(1, s.device->scaleUpDomain) && s.device->scaleUpGBs > 0;
}

double linkGBs(const DeviceSetup &s)
{
    if (s.linkGBs > 0)
        return s.linkGBs;
    if (beyondScaleUp(s))
        return kScaleOutGBs;
    if (s.device->scaleUpGBs > 0)
        return s.device->scaleUpGBs;
    // Without a scale-up fabric devices talk through the host (PCIe); 25 GB/s is what a PCIe 4 x16
    // path sustains when the catalogue states nothing.
    return s.device->hostLinkGBs > 0 ? s.device->hostLinkGBs : 25.0;
}

double linkLatencyS(const DeviceSetup &s)
{
    // Collectives across the scale-out network cost ~10 µs more per call (NIC and switch hops).
    const double extra = (s.linkLatencyUs <= 0 && beyondScaleUp(s)) ? 10.0 : 0.0;
    return 1e-6 * (s.linkLatencyUs > 0 ? s.linkLatencyUs : defaultLinkLatencyUs(*s.device) + extra);
}

double etaOr(double measured, double fallback) { return measured > 0 ? measured : fallback; }

// Block-scaled 4-bit GEMMs (NVFP4, MXFP4) run the tensor math at the FP4 rate but apply a scale
// to every 16- or 32-element block and quantise activations on the fly, so they do not reach the
// FP4 roofline at the efficiency FP8/BF16 GEMMs reach theirs. The validation suite's FP4 rows
// (MLPerf v4.1-v5.1 and TensorRT-LLM on B200/GB200) sit between the FP8 and FP4 rooflines, at
// about 0.7 of the FP4 one; one factor for the format, applied wherever FP4 runs natively.
constexpr double kBlockScaledEfficiency = 0.7;

double computeEfficiency(const PrecisionPlan &p, double eta)
{
    return p.compute == Precision::FP4 ? eta * kBlockScaledEfficiency : eta;
}

// Peak for attention: FP8 attention kernels exist where the device has FP8 and the KV is FP8;
// otherwise attention runs at 16 bit.
double attentionPeak(const Accelerator &d, Precision kv, const PrecisionPlan &linear)
{
    if (kv == Precision::FP8) {
        if (auto it = d.peakTflops.find(Precision::FP8); it != d.peakTflops.end())
            return it->second;
    }
    if (auto it = d.peakTflops.find(Precision::BF16); it != d.peakTflops.end())
        return it->second;
    return linear.peakTflops;
}

// Interconnect time of one pass of `tokens` tokens through all layers of a replica: two TP
// all-reduces per layer (ring: each device sends 2·(tp−1)/tp of the buffer), pipeline hand-offs
// between stages, and for MoE with EP the dispatch and combine all-to-alls (each token's hidden
// state to k experts, (ep−1)/ep of them remote, spread over ep devices).
struct Comm {
    double seconds = 0;
    double bytesPerDevice = 0;
};

Comm communication(const ModelArch &a, const ModelShape &m, const DeviceSetup &s, double tokens, double passes)
{
    Comm c;
    const double bw = linkGBs(s) * 1e9;
    const double lat = linkLatencyS(s);
    const double buffer = tokens * a.hidden * kActivationBytes;
    if (s.tp > 1) {
        const double perAllReduce = 2.0 * (s.tp - 1) / s.tp * buffer;
        const double calls = 2.0 * a.layers;
        c.bytesPerDevice += calls * perAllReduce;
        c.seconds += calls * (perAllReduce / bw) + calls * passes * lat;
    }
    if (s.pp > 1) {
        const double hops = s.pp - 1;
        c.bytesPerDevice += buffer;
        c.seconds += hops * (buffer / bw) + hops * passes * lat;
    }
    if (s.ep > 1 && m.moeLayers > 0) {
        const double perDevice = 2.0 * tokens * m.topK * a.hidden * kActivationBytes * (s.ep - 1) / s.ep / s.ep;
        c.bytesPerDevice += m.moeLayers * perDevice;
        c.seconds += m.moeLayers * (perDevice / bw + 2 * passes * lat);
    }
    return c;
}

// The kernels of a step run one after another: the linear layers (weights against activations)
// and attention (KV against queries) each take the longer of their compute and memory times, and
// the element-wise kernels between them (norms, RoPE, activation function, residual adds) stream
// activations. Summing per kernel class rather than taking one max over the whole step is what
// keeps a step whose GEMMs are compute-bound and whose attention is KV-bound from being credited
// with overlapping the two.
struct KernelTimes {
    double linearC = 0, linearM = 0;
    double attentionC = 0, attentionM = 0;
    double elementwiseM = 0;
};

void settle(PhaseResult &r, const KernelTimes &k)
{
    r.computeS = k.linearC + k.attentionC;
    r.memoryS = k.linearM + k.attentionM + k.elementwiseM;
    const double computeLimited = (k.linearC > k.linearM ? k.linearC : 0) + (k.attentionC > k.attentionM ? k.attentionC : 0);
    const double memoryLimited = (k.linearC > k.linearM ? 0 : k.linearM) + (k.attentionC > k.attentionM ? 0 : k.attentionM) +
                                 k.elementwiseM;
    r.timeS = std::max(k.linearC, k.linearM) + std::max(k.attentionC, k.attentionM) + k.elementwiseM + r.interconnectS +
              r.overheadS;
    const double parts[4] = {computeLimited, memoryLimited, r.interconnectS, r.overheadS};
    const Bound kinds[4] = {Bound::Compute, Bound::Memory, Bound::Interconnect, Bound::Overhead};
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (parts[i] > parts[best])
            best = i;
    r.bound = kinds[best];
}

// Activation bytes the element-wise kernels move per token per layer, in 16 bit: two norms and
// two residual adds (read and write the hidden state: 8·h), and the gated activation reading the
// gate and up projections and writing their product (3·width). Fused kernels save some of this;
// the rest is what a step pays between its GEMMs.
double elementwiseBytesPerToken(const ModelArch &a)
{
    const double moeWidth = a.isMoe() ? double(a.moe.expertsPerToken) * a.moe.expertIntermediate + a.moe.sharedIntermediate : 0;
    const double width = a.isMoe() ? moeWidth : a.intermediate;
    return a.layers * (8.0 * a.hidden + 3.0 * width) * kActivationBytes;
}

CaseKind decodeKind(const ModelArch &a, const Accelerator &d)
{
    if (d.weightsInSram)
        return CaseKind::SramDecode;
    if (d.category == DeviceCategory::EdgeSoc || d.category == DeviceCategory::Cpu)
        return CaseKind::EdgeDecode;
    return a.isMoe() ? CaseKind::MoeDecode : CaseKind::DenseDecode;
}

} // namespace

std::string toString(Bound b)
{
    switch (b) {
    case Bound::Compute: return "compute";
    case Bound::Memory: return "memory";
    case Bound::Interconnect: return "interconnect";
    case Bound::Overhead: return "overhead";
    }
    return "compute";
}

PrecisionPlan resolvePrecision(const Accelerator &device, Precision weights)
{
    PrecisionPlan plan;
    if (auto it = device.peakTflops.find(weights); it != device.peakTflops.end() && it->second > 0) {
        plan.compute = weights;
        plan.peakTflops = it->second;
        return plan;
    }
    // Weight-only quantisation multiplies at a wider precision the device has. INT4 (AWQ/GPTQ)
    // kernels dequantise to 16 bit (W4A16); FP4 and FP8 go to the next wider float the device runs.
    std::vector<Precision> wider;
    switch (weights) {
    case Precision::FP4: wider = {Precision::FP8, Precision::BF16, Precision::FP32}; break;
    case Precision::INT4: wider = {Precision::BF16, Precision::FP32}; break;
    case Precision::FP8: wider = {Precision::BF16, Precision::FP32}; break;
    case Precision::BF16: wider = {Precision::FP32}; break;
    case Precision::FP32: break;
    }
    for (Precision p : wider) {
        auto it = device.peakTflops.find(p);
        if (it == device.peakTflops.end() || it->second <= 0)
            continue;
        plan.path = PrecisionPath::WeightOnly;
        plan.compute = p;
        plan.peakTflops = it->second;
        plan.note = toString(weights) + " is not native on " + device.id + ": weights are stored at " +
                    toString(weights) + " (weight-only quantisation) and multiplied at " + toString(p) + " rate";
        return plan;
    }
    plan.path = PrecisionPath::Unsupported;
    plan.note = device.id + " has no " + toString(weights) + " nor any wider precision to compute it in";
    return plan;
}

void validate(const ModelArch &model, const DeviceSetup &s)
{
    const std::string file = "<setup>";
    if (!s.device)
        throw InputError(file, "device", "a device is required");
    if (model.layers <= 0 || model.hidden <= 0)
        throw InputError(file, "model", "a model with positive layers and hidden size");
    if (s.count <= 0)
        throw InputError(file, "count", "a positive device count, got " + std::to_string(s.count));
    if (s.tp <= 0 || s.pp <= 0 || s.ep <= 0)
        throw InputError(file, "tp/pp/ep", "positive parallel degrees");
    if (s.count % (s.tp * s.pp) != 0)
        throw InputError(file, "count", "a multiple of tp x pp = " + std::to_string(s.tp * s.pp) + ", got " +
                                            std::to_string(s.count));
    if (s.ep > s.tp * s.pp)
        throw InputError(file, "ep", "at most tp x pp = " + std::to_string(s.tp * s.pp));
    if (s.ep > 1 && (!model.isMoe() || model.moe.numExperts % s.ep != 0))
        throw InputError(file, "ep", model.isMoe() ? "a divisor of the " + std::to_string(model.moe.numExperts) + " experts"
                                                   : "1 for a dense model");
    if (model.layers < s.pp)
        throw InputError(file, "pp", "at most the model's " + std::to_string(model.layers) + " layers");
    if (!(s.memoryFraction > 0 && s.memoryFraction <= 1))
        throw InputError(file, "memoryFraction", "a fraction in (0, 1]");
    if (s.acceptedTokensPerStep < 1)
        throw InputError(file, "acceptedTokensPerStep", "at least 1 token per step");
    if (s.maxBatchTokens <= 0)
        throw InputError(file, "maxBatchTokens", "a positive token count");
    if (s.kv != Precision::BF16 && s.kv != Precision::FP8 && s.kv != Precision::FP32)
        throw InputError(file, "kv", "bf16 or fp8 for the KV cache, got " + toString(s.kv));
    if (s.device->memoryGb <= 0 || s.device->memoryBandwidthTBs <= 0)
        throw InputError(file, "device", s.device->id + " has no memory capacity or bandwidth in the catalogue");
    const PrecisionPlan plan = resolvePrecision(*s.device, s.weights);
    if (plan.path == PrecisionPath::Unsupported)
        throw InputError(file, "weights", plan.note);
}

double expectedExpertsTouched(int experts, int topK, double tokens)
{
    if (experts <= 0 || topK <= 0 || tokens <= 0)
        return 0;
    const double miss = 1.0 - double(std::min(topK, experts)) / experts;
    return experts * (1.0 - std::pow(miss, tokens));
}

double storedWeightBytes(const ModelArch &model, Precision weights)
{
    return weightBytes(model, weights);
}

PrefillResult prefill(const ModelArch &a, const DeviceSetup &s, std::span<const PrefillItem> batch)
{
    PrefillResult r;
    const Accelerator &d = *s.device;
    const ModelShape m = ModelShape::of(a);
    r.precision = resolvePrecision(d, s.weights);
    r.memoryTier = deviceTier(d);
    r.band = uncertaintyFor(a.isMoe() ? CaseKind::MoePrefill : CaseKind::DensePrefill);

    double tokens = 0, attention = 0, cached = 0;
    for (const PrefillItem &item : batch) {
        if (item.newTokens <= 0)
            continue;
        tokens += item.newTokens;
        cached += item.cachedTokens;
        attention += item.newTokens * attentionFlopsPerToken(a, item.cachedTokens + item.newTokens / 2.0);
    }
    const int prompts = int(std::count_if(batch.begin(), batch.end(), [](const PrefillItem &i) { return i.newTokens > 0; }));
    r.tokens = tokens;
    if (tokens <= 0)
        return r;

    // The engine runs the batch as passes of at most maxBatchTokens; each pass reads the weights
    // (MoE: the experts its tokens touch) once.
    const double passes = std::ceil(tokens / s.maxBatchTokens);
    const double tokensPerPass = tokens / passes;
    const double touched = expectedExpertsTouched(m.experts, m.topK, tokensPerPass);
    const double bw = weightStorageBytes(s.weights), be = embeddingStorageBytes(s.weights);
    const double kvb = kvElementBytes(s.kv);
    const double kvRep = kvReplication(a, s.tp);

    const double linear = 2.0 * m.activeBodyParams * tokens + 2.0 * m.headParams * prompts;
    r.flops = linear + attention;
    r.weightBytes = passes * ((m.alwaysParams + m.moeLayers * touched * m.expertParams) * bw + m.headParams * be);
    r.kvWriteBytes = kvRep * kvBytesPerToken(a, kvb) * tokens;
    r.kvReadBytes = kvRep * kvBytesPerToken(a, kvb) * cached;
    r.activationBytes = tokens * elementwiseBytesPerToken(a);

    const int devices = s.tp * s.pp;
    const double etaC = etaOr(s.cal.prefillEtaCompute, d.etaCompute);
    const double etaM = etaOr(s.cal.prefillEtaMemory, d.etaMemory);
    const double attnPeak = attentionPeak(d, s.kv, r.precision);
    const double bandwidth = devices * d.memoryBandwidthTBs * 1e12 * etaM;
    // Pipeline fill: with m prompts (or passes) in flight over pp stages the batch takes
    // (m + pp − 1) / m of the fully pipelined time; one prompt crosses every stage in turn.
    const double inFlight = std::max<double>(1, std::max<double>(prompts, passes));
    const double fill = (inFlight + s.pp - 1) / inFlight;
    KernelTimes k;
    k.linearC = fill * linear / (r.precision.peakTflops * 1e12 * devices * computeEfficiency(r.precision, etaC));
    k.linearM = fill * r.weightBytes / bandwidth;
    k.attentionC = fill * attention / (attnPeak * 1e12 * devices * etaC);
    k.attentionM = fill * (r.kvWriteBytes + r.kvReadBytes) / bandwidth;
    k.elementwiseM = fill * r.activationBytes / bandwidth;
    const Comm comm = communication(a, m, s, tokens, passes);
    r.interconnectS = comm.seconds;
    r.linkBytes = comm.bytesPerDevice;
    const StepOverhead oh = overheadFor(d);
    const double perPass = oh.perStepUs + a.layers * kKernelsPerLayer * oh.perKernelUs;
    r.overheadS = passes * 1e-6 * (s.cal.stepOverheadUs >= 0 ? s.cal.stepOverheadUs : perPass);
    settle(r, k);
    return r;
}

PrefillResult prefill(const ModelArch &model, const DeviceSetup &setup, int prompts, int promptTokens)
{
    std::vector<PrefillItem> items(std::max(0, prompts), PrefillItem{promptTokens, 0});
    return prefill(model, setup, std::span<const PrefillItem>(items));
}

DecodeStepResult decodeStep(const ModelArch &a, const DeviceSetup &s, int batch, double meanContext)
{
    DecodeStepResult r;
    const Accelerator &d = *s.device;
    const ModelShape m = ModelShape::of(a);
    r.precision = resolvePrecision(d, s.weights);
    r.memoryTier = deviceTier(d);
    r.band = uncertaintyFor(decodeKind(a, d));
    r.batch = batch;
    r.meanContext = meanContext;
    r.tokensPerStep = s.acceptedTokensPerStep;
    if (batch <= 0)
        return r;

    // Speculative decoding / MTP: each step verifies and, on average, emits acceptedTokensPerStep
    // tokens per sequence, so compute scales with them while the weights are read once.
    const double tokens = batch * s.acceptedTokensPerStep;
    r.expertsTouched = expectedExpertsTouched(m.experts, m.topK, tokens);
    const double bw = weightStorageBytes(s.weights), be = embeddingStorageBytes(s.weights);
    const double kvb = kvElementBytes(s.kv);
    const double kvRep = kvReplication(a, s.tp);

    const double linear = 2.0 * (m.activeBodyParams + m.headParams) * tokens;
    const double attention = tokens * attentionFlopsPerToken(a, meanContext);
    r.flops = linear + attention;
    r.weightBytes = (m.alwaysParams + m.moeLayers * r.expertsTouched * m.expertParams) * bw + m.headParams * be;
    r.kvReadBytes = kvRep * batch * kvBytesForContext(a, meanContext, kvb);
    r.kvWriteBytes = kvRep * tokens * kvBytesPerToken(a, kvb);
    r.activationBytes = tokens * elementwiseBytesPerToken(a);

    // With pp stages the engine splits the batch into pp micro-batches; a token's step crosses
    // every stage, each stage re-reading its weights per micro-batch, so weights stream at tp
    // devices' bandwidth while KV and FLOPs spread over all tp · pp devices.
    const double etaC = etaOr(s.cal.decodeEtaCompute, d.etaCompute);
    const double etaM = etaOr(s.cal.decodeEtaMemory, d.etaMemory);
    const double attnPeak = attentionPeak(d, s.kv, r.precision);
    const int devices = s.tp * s.pp;
    const double bandwidth = d.memoryBandwidthTBs * 1e12 * etaM;
    KernelTimes k;
    k.linearC = linear / (r.precision.peakTflops * 1e12 * devices * computeEfficiency(r.precision, etaC));
    k.linearM = r.weightBytes / (s.tp * bandwidth);
    k.attentionC = attention / (attnPeak * 1e12 * devices * etaC);
    k.attentionM = (r.kvReadBytes + r.kvWriteBytes) / (devices * bandwidth);
    k.elementwiseM = r.activationBytes / (devices * bandwidth);
    // A micro-batch carries tokens / pp tokens, but never less than one token.
    const Comm comm = communication(a, m, s, std::max(std::min(tokens, 1.0), tokens / s.pp), 1);
    r.interconnectS = comm.seconds;
    r.linkBytes = comm.bytesPerDevice;
    const StepOverhead oh = overheadFor(d);
    r.overheadS = 1e-6 * (s.cal.stepOverheadUs >= 0 ? s.cal.stepOverheadUs
                                                    : oh.perStepUs + a.layers * kKernelsPerLayer * oh.perKernelUs);
    settle(r, k);
    return r;
}

} // namespace tokenroute
