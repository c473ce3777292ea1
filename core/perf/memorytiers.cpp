#include "core/perf/memorytiers.h"

#include <cmath>

#include "core/perf/modelshape.h"

namespace tokenroute {

using namespace perfdetail;

double moveEnergyJ(double bytes, double pjPerBit)
{
    return bytes * 8.0 * pjPerBit * 1e-12;
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

} // namespace tokenroute
