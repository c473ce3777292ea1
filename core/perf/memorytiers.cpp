#include "core/perf/memorytiers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "core/perf/modelshape.h"

namespace tokenroute {

using namespace perfdetail;

double moveEnergyJ(double bytes, double pjPerBit)
{
    return bytes * 8.0 * pjPerBit * 1e-12;
}

MemoryTierSpec deviceMemoryTier(const Catalog &catalog, const Accelerator &device)
{
    std::string type;
    for (unsigned char c : device.memoryType)
        if (std::isalnum(c))
            type += char(std::tolower(c));
    const TierKind kind = deviceTier(device);
    const MemoryTierSpec *base = catalog.tier(type);
    if (!base || base->kind != kind) {
        base = nullptr;
        for (const MemoryTierSpec &t : catalog.tiers)
            if (t.kind == kind) {
                base = &t;
                break;
            }
    }
    MemoryTierSpec out;
    if (base)
        out = *base;
    else {
        out.id = type;
        out.name = device.memoryType;
        out.kind = kind;
        out.provenance.clear();
    }
    if (device.memoryBandwidthTBs > 0) {
        out.bandwidthGBs = device.memoryBandwidthTBs * 1000.0;
        if (auto it = device.provenance.find("memory_bandwidth_tbs"); it != device.provenance.end())
            out.provenance["bandwidth_gbs"] = it->second;
        else
            out.provenance.erase("bandwidth_gbs");
    }
    return out;
}

std::vector<TierChoice> kvTierChoices(const ModelArch &model, const DeviceSetup &setup,
                                      const std::vector<TierCapacity> &tiers, double prefixTokens)
{
    std::vector<TierChoice> out;
    out.reserve(tiers.size());
    const double perToken = kvReplication(model, setup.tp) * kvBytesPerToken(model, kvElementBytes(setup.kv));
    const double prefixBytes = kvReplication(model, setup.tp) * kvBytesForContext(model, prefixTokens, kvElementBytes(setup.kv));
    // Recomputing the prefix is the same for every tier: one prefill of it on the pool's replica.
    const int tokens = int(std::lround(prefixTokens));
    const double recompute = tokens > 0 ? prefill(model, setup, 1, tokens).timeS : 0;
    for (const TierCapacity &t : tiers) {
        TierChoice c;
        c.tier = t.tier;
        c.capacityBytes = t.capacityBytes;
        c.kvTokens = perToken > 0 ? (long long)std::floor(t.capacityBytes / perToken) : 0;
        c.prefixBytes = prefixBytes;
        c.recomputeS = recompute;
        if (t.tier && t.tier->bandwidthGBs > 0 && tokens > 0) {
            c.loadS = prefixBytes / (t.tier->bandwidthGBs * 1e9) + t.tier->latencyUs * 1e-6;
            c.loadEnergyJ = moveEnergyJ(prefixBytes, t.tier->energyPjPerBit);
        } else {
            c.loadS = tokens > 0 ? INFINITY : 0;
        }
        c.recompute = recompute < c.loadS;
        c.chosenS = c.recompute ? recompute : c.loadS;
        out.push_back(c);
    }
    return out;
}

PrefixBreakEven prefixBreakEven(const ModelArch &model, const DeviceSetup &setup, const MemoryTierSpec &tier,
                                long long maxTokens)
{
    PrefixBreakEven out;
    out.maxTokens = std::max(1LL, maxTokens);
    const double perToken = kvReplication(model, setup.tp) * kvBytesPerToken(model, kvElementBytes(setup.kv));
    // True where recomputing a prefix of n tokens is the cheaper choice, by kvTierChoices' rule.
    auto recomputes = [&](long long n) {
        if (tier.bandwidthGBs <= 0)
            return true;
        const double load = double(n) * perToken / (tier.bandwidthGBs * 1e9) + tier.latencyUs * 1e-6;
        return prefill(model, setup, 1, int(std::min<long long>(n, 1 << 30))).timeS < load;
    };
    std::vector<long long> grid;
    for (double n = 1; n < double(out.maxTokens); n = std::max(n + 1, std::floor(n * 1.25)))
        grid.push_back((long long)n);
    grid.push_back(out.maxTokens);
    std::size_t first = grid.size(), last = grid.size();
    for (std::size_t i = 0; i < grid.size(); ++i)
        if (recomputes(grid[i])) {
            if (first == grid.size())
                first = i;
            last = i;
        }
    if (first == grid.size())
        return out;
    // Refine each end between its grid point and the neighbour outside the interval.
    long long from = grid[first];
    if (first > 0) {
        long long lo = grid[first - 1], hi = from;   // lo fetches, hi recomputes
        while (hi - lo > 1) {
            const long long mid = lo + (hi - lo) / 2;
            (recomputes(mid) ? hi : lo) = mid;
        }
        from = hi;
    }
    long long to = grid[last];
    if (last + 1 < grid.size()) {
        long long lo = to, hi = grid[last + 1];      // lo recomputes, hi fetches
        while (hi - lo > 1) {
            const long long mid = lo + (hi - lo) / 2;
            (recomputes(mid) ? lo : hi) = mid;
        }
        to = lo;
    }
    out.recomputeFromTokens = from;
    out.recomputeToTokens = to;
    return out;
}

} // namespace tokenroute
