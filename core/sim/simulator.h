#pragma once
// The discrete-event simulation of a routed plan: requests arrive from a trace or a generator, are
// routed to a prefill-capable pool, look up their prefix in that pool's tiered cache, are
// prefilled in batches (chunked to a token budget), move their KV cache to a decode pool over a
// path (latency + bytes / bandwidth, one transfer at a time per path, FIFO), then decode with
// continuous batching, each step's time coming from the pool's ServiceModel for the current batch
// and total context. Combined pools run both phases on the same replicas, vLLM-style: every
// iteration is one decode step for the running batch plus a prefill chunk filling the rest of the
// token budget.
//
// Decisions the user should know about:
//   * Decode KV memory is reserved at admission for prompt + all output tokens; when it is full,
//     new requests WAIT (first come, first served). Nothing is preempted, so no work is redone and
//     a request's TPOT never includes a restart. A request that could not fit an empty replica is
//     rejected and counted.
//   * The prefix is looked up when the request's first chunk is scheduled and its blocks are
//     inserted when its prefill ends: in-flight blocks are not shared, so hit ratios can only be
//     at or below the timing-free replay of cachesweep.h.
//   * A block hit in a tier with bandwidth > 0 costs bytes / bandwidth + latency to load, added to
//     the iteration, unless recomputing those tokens is cheaper (then they are recomputed and the
//     choice is counted). Bandwidth 0 marks the tier that is the device memory itself: free.
//   * TTFT ends when the prefill that produces the first token ends; TPOT is the mean gap between
//     the remaining tokens, (E2E − TTFT) / (output − 1), the definition vLLM's benchmarks use.
//   * Percentiles come from fixed-memory histograms (1 % buckets); means are exact.
// Memory is bounded by the requests in flight: the source is pulled one request at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/sim/latencyhistogram.h"
#include "core/sim/prefixcache.h"
#include "core/sim/servicemodel.h"
#include "core/sim/trace.h"

namespace tokenroute {

inline constexpr int kMaxCacheTiers = 6;

enum class SimPoolKind { Prefill, Decode, Combined };
std::string toString(SimPoolKind k);

struct SimTier {
    std::string name;
    long long capacityBlocks = 0;
    double bandwidthGBs = 0;      // 0 = the device memory itself (no load cost)
    double latencyUs = 0;
    double energyPjPerBit = 0;
};

struct SimPool {
    std::string name;
    SimPoolKind kind = SimPoolKind::Combined;
    int replicas = 1;
    std::shared_ptr<const ServiceModel> model;
    int maxBatchTokens = 8192;    // tokens per iteration (prefill chunk budget; decode sequences count too)
    int maxBatch = 256;           // decode sequences per replica (vLLM max_num_seqs default)
    std::vector<SimTier> tiers;   // prefix-cache tiers, fastest first; empty = no prefix cache
    CachePolicy policy = CachePolicy::Lru;
    double share = 1;             // router share among the pools of the same phase
};

// KV transfer path from a prefill pool to a decode pool (indices into SimConfig::pools).
struct SimPath {
    int fromPool = 0;
    int toPool = 0;
    double bandwidthGBs = 0;      // the path's bottleneck, shared by the prefill pool's replicas
    double latencyUs = 0;
};

enum class RoutingMode { Shares, KvAware };
std::string toString(RoutingMode m);

struct SimConfig {
    std::vector<SimPool> pools;
    std::vector<SimPath> paths;
    double defaultPathGBs = 50;   // no stated path: a 400 Gb/s RDMA NIC per prefill replica
    double defaultPathLatencyUs = 10;
    RoutingMode routing = RoutingMode::Shares;
    bool recomputeWhenCheaper = true;
    double ttftSloS = 0;          // 0 = no SLO on that phase
    double tpotSloS = 0;
    std::uint64_t seed = 1;
    double seriesWindowS = 60;    // utilisation time-series resolution
};

// One finished (or rejected) request.
struct RequestRecord {
    long long id = 0;
    double arrivalS = 0;
    double ttftS = 0;
    double tpotS = 0;             // 0 when output ≤ 1
    double e2eS = 0;
    int inputTokens = 0;
    int outputTokens = 0;
    int cachedTokens = 0;         // prompt tokens served from the cache
    int hitBlocks[kMaxCacheTiers] = {};
    int prefillPool = -1;
    int decodePool = -1;
    bool rejected = false;
};

struct SimTierResult {
    std::string name;
    long long capacityBlocks = 0;
    long long hitBlocks = 0;
    double hitRatio = 0;          // hit blocks in this tier / block look-ups in the pool
    long long recomputedBlocks = 0;
    double loadedBytes = 0;
    double loadEnergyJ = 0;
    long long demotions = 0;
    long long evictions = 0;
};

struct SimPoolResult {
    std::string name;
    SimPoolKind kind = SimPoolKind::Combined;
    int replicas = 0;
    long long kvCapacityTokens = 0;  // per replica, from the service model
    long long peakDecodeWaiting = 0; // most requests waiting for decode KV memory at once, all replicas
    long long prefills = 0;
    long long decodes = 0;
    long long prefillTokens = 0;  // tokens computed (after cache hits)
    long long blockLookups = 0;
    double busySeconds = 0;       // replica-seconds
    double utilisation = 0;       // busy / (replicas × simulated time)
    double energyJ = 0;
    std::vector<SimTierResult> tiers;
    std::vector<double> utilisationSeries;  // per window of SimConfig::seriesWindowS
};

struct SimLinkResult {
    int fromPool = 0;
    int toPool = 0;
    long long transfers = 0;
    double bytes = 0;
};

struct SimResult {
    long long arrived = 0;
    long long completed = 0;
    long long rejected = 0;
    Percentiles ttft, tpot, e2e, prefillWait;
    std::vector<CdfPoint> ttftCdf, tpotCdf;   // sampled from the same histograms as the percentiles
    double goodputRps = 0;        // completed requests meeting both SLOs per simulated second
    double throughputRps = 0;
    long long promptTokens = 0;
    long long cachedTokens = 0;
    double prefixHitRatio = 0;    // cached prompt tokens / prompt tokens
    long long blockLookups = 0;
    long long hitBlocks = 0;
    double blockHitRatio = 0;
    long long outputTokens = 0;
    long long events = 0;         // events processed (decode steps of a decode-only replica between two
                                  // outside events count as one)
    long long decodeSteps = 0;    // batched decode steps simulated, all replicas
    double simSeconds = 0;        // first arrival to last completion
    double wallSeconds = 0;
    double meanInSystem = 0;      // time-average of requests in the system (Little's L)
    double energyJ = 0;
    std::vector<SimPoolResult> pools;
    std::vector<SimLinkResult> links;
    bool cancelled = false;
};

struct SimCallbacks {
    std::function<void(const RequestRecord &)> onRequest;  // every finished or rejected request
    // Called every progressEvery events with arrivals so far and simulated time; return false to cancel.
    std::function<bool(long long arrived, double simS)> onProgress;
    long long progressEvery = 100000;
};

// Throws InputError when the configuration cannot run (no prefill-capable pool, a split plan with no
// decode pool, a pool with no model or no replicas, more than kMaxCacheTiers tiers).
SimResult simulate(const SimConfig &config, RequestSource &source, const SimCallbacks &callbacks = {});

} // namespace tokenroute
