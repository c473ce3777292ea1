#pragma once
// The performance model: how long prefill and decode take for a model on a group of devices, how
// much memory is left for the KV cache once an engine has taken its share, and what that means for
// a workload (TTFT, TPOT, throughput, the largest concurrency that fits, dollars per token).
//
// It is an analytical roofline per phase rather than a simulator: each phase is
// max(FLOPs / achieved compute, bytes / achieved bandwidth, communication / link bandwidth) plus a
// fixed per-step overhead, because that is what decides which resource binds and it costs
// microseconds to evaluate, so the router and the UI can call it thousands of times per edit.
// Every result carries the bound that decided it and an uncertainty band taken from the
// validation suite's spread for that kind of case, so no number is shown without its error.
//
// Conventions: times in seconds, sizes in bytes (decimal), rates per second. A "replica" is one
// copy of the model spread over tp × pp devices; a setup of `count` devices holds
// count / (tp × pp) replicas. Phase functions describe one replica; estimate() scales to all.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/model/modelarch.h"

namespace tokenroute {

// Which resource decided a phase's time.
enum class Bound { Compute, Memory, Interconnect, Overhead };
std::string toString(Bound b);

// A relative band around a predicted rate (tokens/s, requests/s): the measured rate is expected in
// [rate · (1 + low), rate · (1 + high)] (low ≤ 0 ≤ high). A time is the inverse of a rate, so a
// predicted time t lies in [t / (1 + high), t / (1 + low)]. Derived from the validation suite's
// errors for the same kind of case (see uncertaintyFor()).
struct Band {
    double low = 0;
    double high = 0;

    double lower(double rate) const { return rate * (1 + low); }
    double upper(double rate) const { return rate * (1 + high); }
    double lowerTime(double seconds) const { return seconds / (1 + high); }
    double upperTime(double seconds) const { return seconds / (1 + low); }
};

// Kinds of case the validation suite reports its error spread for; each prediction picks the one
// that matches it so its band reflects how well such cases were predicted.
enum class CaseKind { DenseDecode, DensePrefill, MoeDecode, MoePrefill, SramDecode, EdgeDecode, Throughput };
Band uncertaintyFor(CaseKind kind);

// Measured efficiency factors for one device, replacing the catalogue's defaults. A value of 0
// means "not measured": the catalogue's etaCompute / etaMemory is used instead.
struct Calibration {
    double prefillEtaCompute = 0;
    double prefillEtaMemory = 0;
    double decodeEtaCompute = 0;
    double decodeEtaMemory = 0;
    double stepOverheadUs = -1;    // < 0: the model's default per-step overhead for the device class
    std::string source;            // where the measurement came from ("kernels run 2026-11-30 on host x")
};

// How a requested precision runs on a device: natively, or as weight-only quantisation (stored at
// the requested width, multiplied at the next higher precision the device has, e.g. FP4 weights
// on H100 run at FP8 rate), or not at all.
enum class PrecisionPath { Native, WeightOnly, Unsupported };

struct PrecisionPlan {
    PrecisionPath path = PrecisionPath::Native;
    Precision compute = Precision::BF16;   // precision whose peak the matrix units run at
    double peakTflops = 0;                 // that peak, per device
    std::string note;                      // why a fallback was taken (empty when native)
};

PrecisionPlan resolvePrecision(const Accelerator &device, Precision weights);

// A group of identical devices serving one model.
struct DeviceSetup {
    const Accelerator *device = nullptr;
    int count = 1;                 // devices in the pool (all replicas)
    int tp = 1;                    // tensor parallel ways within a replica
    int pp = 1;                    // pipeline stages within a replica
    int ep = 1;                    // expert parallel ways (≤ tp · pp; experts split over that many devices)
    Precision weights = Precision::BF16;
    Precision kv = Precision::BF16;
    double memoryFraction = 0.9;   // share of device memory the engine may use (vLLM gpu_memory_utilization)
    double linkGBs = 0;            // per device per direction between a replica's devices; 0 = device scale-up
    double linkLatencyUs = 0;      // per collective or pipeline hop; 0 = default for the device class
    double acceptedTokensPerStep = 1;  // speculative decoding / MTP: mean tokens emitted per decode step (≥ 1)
    int maxBatchTokens = 8192;     // tokens per forward pass the engine sizes its activations for
    Calibration cal;

    int replicaDevices() const { return tp * pp; }
    int replicas() const { return replicaDevices() > 0 ? count / replicaDevices() : 0; }
};

// Throws InputError (file "<setup>") when the setup is not usable: no device, non-positive sizes,
// count not a multiple of tp · pp, ep not dividing the experts, unsupported precision.
void validate(const ModelArch &model, const DeviceSetup &setup);

// One phase (a prefill pass or a decode step) on one replica.
struct PhaseResult {
    double timeS = 0;              // wall time of the phase
    double computeS = 0;           // FLOPs / achieved compute
    double memoryS = 0;            // bytes / achieved bandwidth
    double interconnectS = 0;      // TP all-reduces, PP hand-offs, EP all-to-all
    double overheadS = 0;          // fixed per-step cost (launches, scheduler, sampling)
    double flops = 0;
    double weightBytes = 0;        // weight bytes read (MoE: only the experts touched)
    double kvReadBytes = 0;
    double kvWriteBytes = 0;
    double activationBytes = 0;
    double linkBytes = 0;          // bytes each device sends over the scale-up link
    TierKind memoryTier = TierKind::Hbm;  // tier the weights and KV were read from (Sram for SRAM parts)
    Bound bound = Bound::Compute;
    Band band;
    PrecisionPlan precision;
};

// One prompt in a prefill batch: newTokens are computed, cachedTokens are already in the KV cache
// (prefix cache hit or earlier chunks of a chunked prefill) and only attended to.
struct PrefillItem {
    int newTokens = 0;
    int cachedTokens = 0;
};

struct PrefillResult : PhaseResult {
    double tokens = 0;             // new tokens computed
};

struct DecodeStepResult : PhaseResult {
    int batch = 0;
    double meanContext = 0;
    double expertsTouched = 0;     // per MoE layer, expected distinct routed experts (0 for dense)
    double tokensPerStep = 1;      // per sequence, with speculative acceptance
};

PrefillResult prefill(const ModelArch &model, const DeviceSetup &setup, std::span<const PrefillItem> batch);
PrefillResult prefill(const ModelArch &model, const DeviceSetup &setup, int prompts, int promptTokens);
DecodeStepResult decodeStep(const ModelArch &model, const DeviceSetup &setup, int batch, double meanContext);

// Expected distinct experts a batch of `tokens` touches in one MoE layer with top-k of E routed
// experts, assuming uniform independent routing: E · (1 − (1 − k/E)^tokens).
double expectedExpertsTouched(int experts, int topK, double tokens);

// Memory of one replica as an engine lays it out.
struct MemoryBudget {
    int blockTokens = 16;          // KV block size (vLLM / SGLang default page)
    double deviceBytes = 0;        // all devices of the replica
    double usableBytes = 0;        // × memoryFraction
    double weightBytes = 0;
    double activationPeakBytes = 0;
    double runtimeBytes = 0;       // CUDA context, graphs, engine buffers (documented estimate)
    double kvBytesPerToken = 0;
    double kvCapacityBytes = 0;    // whole blocks only
    long long kvBlocks = 0;
    long long kvTokens = 0;
    bool fits = false;             // weights + activations + runtime leave room for at least one block
    double requiredBytesPerDevice = 0;  // what a device would need at this tp · pp to fit one block
    int minDevices = 0;            // smallest tp · pp (power of two, or chip count for SRAM parts) that fits
    TierKind tier = TierKind::Hbm; // where the weights and KV live
};

MemoryBudget memoryBudget(const ModelArch &model, const DeviceSetup &setup);

// Bytes of weights stored per replica at the setup's precision, block scales included; the
// embedding and output head stay at 16 bit (common quantisation recipes leave them unquantised).
double storedWeightBytes(const ModelArch &model, Precision weights);

// Smallest device count (replica size) that holds the model with room for KV, for --count's default.
int minDevicesFor(const ModelArch &model, const Accelerator &device, Precision weights, Precision kv,
                  double memoryFraction = 0.9);

// The setup a pool of `devices` devices gets for a model. tp = 0 chooses automatically: the
// smallest replica that holds the model (minDevicesFor), tensor-parallel inside the scale-up
// domain and pipelined beyond it; SRAM engines chain their chips as pipeline stages (each chip
// streams its layers from its own SRAM as the token passes), and split a layer tensor-parallel
// only when there are more chips than layers. count is the devices the replicas use (a multiple of tp · pp,
// 0 when one replica needs more devices than the pool has). ep falls back to 1 for a dense model
// or when it does not divide the experts.
DeviceSetup chooseSetup(const ModelArch &model, const Accelerator &device, int devices, Precision weights, Precision kv,
                        int tp = 0, int pp = 1, int ep = 1, double memoryFraction = 0.9);

// Economics of running the setup, filled by estimate() from the cost model's inputs.
struct CostInputs {
    double amortisationYears = 4;
    double electricityUsdPerKwh = 0.08;
    double pue = 1.3;
    bool useCloudPrices = false;
};

// Steady-state serving of one workload shape at a given concurrency on the whole setup, with
// continuous batching in every replica (prefill and decode sharing the devices).
struct Estimate {
    bool fits = false;
    MemoryBudget memory;
    int replicas = 0;
    int devices = 0;
    int concurrency = 0;           // simultaneous requests, whole setup
    int maxConcurrency = 0;        // largest concurrency the KV capacity allows, whole setup
    double inputTokens = 0, outputTokens = 0;
    double kvBytesPerRequest = 0;  // at input + output tokens

    double ttftS = 0;
    double tpotS = 0;
    double e2eS = 0;
    double outputTokensPerS = 0;   // whole setup
    double outputTokensPerSPerUser = 0;
    double inputTokensPerS = 0;
    double requestsPerS = 0;
    Bound prefillBound = Bound::Compute;
    Bound decodeBound = Bound::Memory;
    PrefillResult prefill;         // one request's prompt on one replica
    DecodeStepResult decode;       // one step at the per-replica batch

    Band ttftBand, tpotBand, throughputBand;

    double usdPerHour = 0;
    double powerW = 0;             // devices at full load (TDP), before PUE
    double usdPerMillionInput = 0;
    double usdPerMillionOutput = 0;
    double joulesPerOutputToken = 0;
};

// concurrency 0 = the largest that fits.
Estimate estimate(const ModelArch &model, const DeviceSetup &setup, double inputTokens, double outputTokens,
                  int concurrency = 0, const CostInputs &cost = {});
Estimate estimate(const ModelSpec &model, const DeviceSetup &setup, double inputTokens, double outputTokens,
                  int concurrency = 0, const CostInputs &cost = {});

// One point of the operating curve: throughput per device against speed per user.
struct CurvePoint {
    int concurrency = 0;           // whole setup
    double outputTokensPerSPerDevice = 0;
    double outputTokensPerSPerUser = 0;
    double ttftS = 0;
    double tpotS = 0;
    double usdPerMillionOutput = 0;
    Bound decodeBound = Bound::Memory;
};

// Concurrency swept in powers of two (and the maximum that fits) from 1 to the KV limit.
std::vector<CurvePoint> operatingCurve(const ModelArch &model, const DeviceSetup &setup, double inputTokens,
                                       double outputTokens, const CostInputs &cost = {});

// What a pool in a given role can sustain for a workload under its SLOs: the router's capacity.
enum class ServingRole { Prefill, Decode, Combined };

struct PoolCapacity {
    bool fits = false;
    bool meetsSlo = false;         // some concurrency meets both (applicable) SLOs
    double maxRequestsPerS = 0;    // whole setup, at the largest concurrency that meets the SLOs
    int concurrency = 0;
    double ttftS = 0;              // at that operating point
    double tpotS = 0;
    Bound limit = Bound::Memory;   // what stopped the sweep: memory (KV full), or the SLO's binding phase
};

// SLOs in seconds; 0 = no SLO on that phase.
PoolCapacity capacityAtSlo(const ModelArch &model, const DeviceSetup &setup, ServingRole role, double inputTokens,
                           double outputTokens, double ttftSloS, double tpotSloS);

} // namespace tokenroute
