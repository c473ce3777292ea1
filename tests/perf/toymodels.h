#pragma once
// Small, round-numbered models and devices for hand-computed checks of the performance model.
// The numbers are chosen so that every expected value in the tests can be worked out on paper.

#include "core/catalog/catalog.h"
#include "core/model/modelarch.h"

namespace tokenroute::toy {

// 2 layers, hidden 1024, 8 query heads of 128, FFN 4096 (gated), vocab 32000, untied embeddings.
// Per layer: attention 4·1024² = 4,194,304; FFN 3·1024·4096 = 12,582,912.
inline ModelArch dense()
{
    ModelArch a;
    a.family = "llama";
    a.layers = 2;
    a.hidden = 1024;
    a.heads = 8;
    a.kvHeads = 8;
    a.headDim = 128;
    a.intermediate = 4096;
    a.vocab = 32000;
    a.tiedEmbeddings = false;
    a.gatedFfn = true;
    a.maxContext = 8192;
    return a;
}

// The same with 2 KV heads (grouped-query attention, 4 queries per KV head).
inline ModelArch gqa()
{
    ModelArch a = dense();
    a.kvHeads = 2;
    return a;
}

// The dense model with every FFN replaced by 8 routed experts of width 1024, top-2.
inline ModelArch moe()
{
    ModelArch a = dense();
    a.family = "mixtral";
    a.moe.numExperts = 8;
    a.moe.expertsPerToken = 2;
    a.moe.expertIntermediate = 1024;
    return a;
}

// The dense model with DeepSeek-style multi-head latent attention: latent 512, rope key 64.
inline ModelArch mla()
{
    ModelArch a = dense();
    a.family = "deepseek_v3";
    a.mla.kvLoraRank = 512;
    a.mla.qLoraRank = 0;
    a.mla.qkNopeHeadDim = 128;
    a.mla.qkRopeHeadDim = 64;
    a.mla.vHeadDim = 128;
    return a;
}

// A GPU with round numbers: 100 TFLOP/s BF16, 200 FP8, 10 GB at 1 TB/s, 100 GB/s links, η = 0.5.
inline Accelerator gpu()
{
    Accelerator d;
    d.id = "toy-gpu";
    d.category = DeviceCategory::DatacenterGpu;
    d.peakTflops = {{Precision::BF16, 100.0}, {Precision::FP8, 200.0}};
    d.memoryType = "HBM3";
    d.memoryGb = 10;
    d.memoryBandwidthTBs = 1;
    d.scaleUpGBs = 100;
    d.scaleUpDomain = 8;
    d.tdpW = 1000;
    d.priceUsd = 10000;
    d.cloudUsdPerHour = 2;
    d.etaCompute = 0.5;
    d.etaMemory = 0.5;
    return d;
}

// An SRAM engine: 0.1 GB of on-chip SRAM at 10 TB/s, weights must stay on chip.
inline Accelerator sram()
{
    Accelerator d = gpu();
    d.id = "toy-sram";
    d.category = DeviceCategory::SramEngine;
    d.memoryType = "SRAM";
    d.memoryGb = 0.1;
    d.memoryBandwidthTBs = 10;
    d.weightsInSram = true;
    return d;
}

} // namespace tokenroute::toy
