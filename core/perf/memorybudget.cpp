#include "core/perf/perfmodel.h"

#include <algorithm>
#include <cmath>

#include "core/perf/modelshape.h"

namespace tokenroute {

using namespace perfdetail;

namespace {

// Memory an engine holds outside weights and KV on every device, bytes: the CUDA context and
// library workspaces (~0.5 GB), NCCL buffers and captured CUDA graphs (vLLM logs 0.5–2 GiB for
// graph capture). 1.5 GB per GPU is an estimate in the middle of that range. CPUs and SoCs keep
// only runtime buffers (0.5 GB); an SRAM engine's program is compiled in, nothing is reserved.
double runtimeBytesPerDevice(const Accelerator &d)
{
    switch (d.category) {
    case DeviceCategory::SramEngine: return 0;
    case DeviceCategory::Cpu:
    case DeviceCategory::EdgeSoc: return 0.5e9;
    default: return 1.5e9;
    }
}

// Peak activation memory of one forward pass of maxBatchTokens tokens, the way vLLM measures it
// with a profiling run: the widest intermediate (gate+up output, 2·I/tp per token, or k routed
// experts' worth for MoE) plus a handful of hidden-sized buffers, in 16 bit; plus FP32 logits for
// up to 256 sequences (the default max_num_seqs) at sampling.
double activationPeakBytes(const ModelArch &a, const DeviceSetup &s)
{
    if (s.device->weightsInSram)
        return 0;  // streamed through the chips' pipeline, nothing is staged per pass
    const double moeWidth = a.isMoe() ? double(a.moe.expertsPerToken) * a.moe.expertIntermediate + a.moe.sharedIntermediate : 0;
    const double width = std::max<double>(a.intermediate, moeWidth);
    const double tokens = s.maxBatchTokens;
    const double perDevice = tokens * (2.0 * width / s.tp + 4.0 * a.hidden) * 2.0;
    const double logits = std::min(tokens, 256.0) * a.vocab * 4.0;
    return perDevice * s.tp * s.pp + logits;
}

} // namespace

MemoryBudget memoryBudget(const ModelArch &a, const DeviceSetup &s)
{
    MemoryBudget b;
    const Accelerator &d = *s.device;
    const int devices = s.tp * s.pp;
    b.tier = deviceTier(d);
    b.deviceBytes = devices * d.memoryGb * 1e9;
    b.usableBytes = b.deviceBytes * s.memoryFraction;
    b.weightBytes = storedWeightBytes(a, s.weights);
    b.activationPeakBytes = activationPeakBytes(a, s);
    b.runtimeBytes = devices * runtimeBytesPerDevice(d);
    b.kvBytesPerToken = kvReplication(a, s.tp) * kvBytesPerToken(a, kvElementBytes(s.kv));
    const double blockBytes = b.blockTokens * b.kvBytesPerToken;
    const double free = b.usableBytes - b.weightBytes - b.activationPeakBytes - b.runtimeBytes;
    b.kvBlocks = (free > 0 && blockBytes > 0) ? (long long)std::floor(free / blockBytes) : 0;
    b.kvCapacityBytes = b.kvBlocks * blockBytes;
    b.kvTokens = b.kvBlocks * b.blockTokens;
    b.fits = b.kvBlocks >= 1;
    b.requiredBytesPerDevice = (b.weightBytes + b.activationPeakBytes + b.runtimeBytes + blockBytes) /
                               (devices * s.memoryFraction);
    b.minDevices = minDevicesFor(a, d, s.weights, s.kv, s.memoryFraction);
    return b;
}

int minDevicesFor(const ModelArch &a, const Accelerator &device, Precision weights, Precision kv, double memoryFraction)
{
    DeviceSetup s;
    s.device = &device;
    s.weights = weights;
    s.kv = kv;
    s.memoryFraction = memoryFraction;
    // A request of a few thousand tokens must fit besides the weights; otherwise the count is
    // useless however much it "holds" the weights.
    constexpr double kHeadroomTokens = 4096;
    // SRAM engines chain chips as pipeline stages (no KV replication); GPUs shard by tensor parallelism.
    auto fitsWith = [&](int n) {
        s.tp = device.weightsInSram ? 1 : n;
        s.pp = device.weightsInSram ? n : 1;
        s.count = n;
        const double free = device.memoryGb * 1e9 * n * memoryFraction - storedWeightBytes(a, weights) -
                            activationPeakBytes(a, s) - n * runtimeBytesPerDevice(device);
        return free >= kHeadroomTokens * kvReplication(a, s.tp) * kvBytesPerToken(a, kvElementBytes(kv));
    };
    if (device.memoryGb <= 0)
        return 0;
    if (device.weightsInSram) {
        // Chips are added one at a time: the count is ceil(model bytes / SRAM per chip) and up.
        int n = std::max(1, int(std::ceil(storedWeightBytes(a, weights) / (device.memoryGb * 1e9 * memoryFraction))));
        for (int limit = n * 4 + 64; n <= limit; ++n)
            if (fitsWith(n))
                return n;
        return 0;
    }
    // GPUs shard by powers of two (attention heads and hidden sizes divide by them).
    for (int n = 1; n <= 4096; n *= 2)
        if (fitsWith(n))
            return n;
    return 0;
}

} // namespace tokenroute

namespace tokenroute {

DeviceSetup chooseSetup(const ModelArch &a, const Accelerator &device, int devices, Precision weights, Precision kv,
                        int tp, int pp, int ep, double memoryFraction)
{
    DeviceSetup s;
    s.device = &device;
    s.weights = weights;
    s.kv = kv;
    s.memoryFraction = memoryFraction;
    s.pp = std::max(1, pp);
    if (tp > 0) {
        s.tp = tp;
    } else {
        int n = minDevicesFor(a, device, weights, kv, memoryFraction);
        if (n <= 0)
            n = std::max(1, devices);
        const int domain = std::max(1, device.scaleUpDomain);
        if (device.weightsInSram) {
            // One layer per stage at most: beyond that, chips share a layer tensor-parallel.
            s.tp = (n + a.layers - 1) / a.layers;
            s.pp = (n + s.tp - 1) / s.tp;
        } else if (n <= domain) {
            s.tp = n;
        } else {
            int t = 1;
            while (t * 2 <= domain)
                t *= 2;
            s.tp = t;
            s.pp = (n + t - 1) / t;
        }
    }
    const int replica = s.tp * s.pp;
    s.count = replica > 0 ? (devices / replica) * replica : 0;
    s.ep = (a.isMoe() && ep > 1 && a.moe.numExperts % ep == 0 && ep <= replica) ? ep : 1;
    return s;
}

} // namespace tokenroute
