#pragma once
// The KV cache across memory tiers: how many tokens of cache each tier of a pool can hold, and,
// for a cached prefix found in a tier, whether loading it back is cheaper than recomputing it.
// Loading costs bytes / tier bandwidth + tier latency (and bytes × pJ/bit of energy); recomputing
// costs the prefill of those tokens on the pool's devices. The cheaper is chosen and reported, so
// the UI can show why a slow tier is still worth having (it usually is for long prefixes, and is
// not for short ones on a fast prefill part).

#include <vector>

#include "core/catalog/catalog.h"
#include "core/perf/perfmodel.h"

namespace tokenroute {

// One tier available to a pool and how much of it the pool has (the tier spec has no capacity;
// it comes from the servers: device memory left for KV, host DRAM, NVMe, remote).
struct TierCapacity {
    const MemoryTierSpec *tier = nullptr;
    double capacityBytes = 0;
};

struct TierChoice {
    const MemoryTierSpec *tier = nullptr;
    double capacityBytes = 0;
    long long kvTokens = 0;        // tokens of KV cache the tier holds
    double prefixBytes = 0;        // KV bytes of the prefix asked about
    double loadS = 0;              // bytes / bandwidth + latency
    double recomputeS = 0;         // prefill of the prefix on the pool
    bool recompute = false;        // true when recomputing is the cheaper choice
    double chosenS = 0;            // min(loadS, recomputeS)
    double loadEnergyJ = 0;        // bytes × 8 × pJ/bit
};

// For each tier (in the order given) the capacity in tokens and the load-versus-recompute choice for
// a prefix of prefixTokens tokens.
std::vector<TierChoice> kvTierChoices(const ModelArch &model, const DeviceSetup &setup,
                                      const std::vector<TierCapacity> &tiers, double prefixTokens);

// The prefix lengths, within [1, maxTokens], for which recomputing the prefix on the setup is faster
// than loading its KV from the tier; fetching wins at every other length. Loading is linear in the
// length (latency + bytes / bandwidth) and a prefill is convex in it (a weight-read floor, then
// compute that grows at least linearly), so their difference is convex and recomputing wins on at
// most one interval; it is reported from the first to the last length where recomputing wins on a
// geometric scan (25 % steps: an interval the scan could step over is narrower than the uncertainty
// of either time), each end refined by bisection to the token. An empty interval
// (recomputeFromTokens = 0) means fetching wins at every length; fetching from a tier with no
// bandwidth never wins (the interval is the whole range).
struct PrefixBreakEven {
    long long recomputeFromTokens = 0;
    long long recomputeToTokens = 0;
    long long maxTokens = 0;
    bool fetchAlwaysWins() const { return recomputeFromTokens == 0; }
};
PrefixBreakEven prefixBreakEven(const ModelArch &model, const DeviceSetup &setup, const MemoryTierSpec &tier,
                                long long maxTokens);

// A device's own memory as a tier. Latency, energy per bit and price per GB come from the catalogue's
// tier of the same memory type (matched by id, "HBM3e" -> "hbm3e", else the first tier of its kind);
// the bandwidth is the device's own, because one catalogue entry cannot carry every part's bus
// (HBM3 is 3.35 TB/s on an H100 SXM and 5.3 TB/s on an MI300X). The bandwidth's provenance is the
// device's. With no catalogue tier of the kind, only the bandwidth is known.
MemoryTierSpec deviceMemoryTier(const Catalog &catalog, const Accelerator &device);

// Energy of moving bytes through a tier: bytes · 8 · pJ/bit.
double moveEnergyJ(double bytes, double pjPerBit);

} // namespace tokenroute
