#include "core/sim/cachesweep.h"

#include <algorithm>

namespace tokenroute {

long long blockTokensAt(int inputTokens, int blockTokens, int i)
{
    const long long rest = static_cast<long long>(inputTokens) - static_cast<long long>(i) * blockTokens;
    return std::clamp<long long>(rest, 0, blockTokens);
}

std::vector<CacheSweepPoint> cacheSweep(RequestSource &source, const std::vector<long long> &capacities,
                                        CachePolicy policy)
{
    std::vector<PrefixCache> caches;
    caches.reserve(capacities.size());
    std::vector<CacheSweepPoint> points(capacities.size());
    for (std::size_t i = 0; i < capacities.size(); ++i) {
        caches.emplace_back(std::vector<CacheTierConfig>{{"cache", capacities[i]}}, policy);
        points[i].capacityBlocks = capacities[i];
    }
    TraceRequest r;
    while (source.next(r)) {
        for (std::size_t i = 0; i < caches.size(); ++i) {
            auto &p = points[i];
            const int hit = caches[i].lookup(r.blocks);
            p.blockLookups += static_cast<long long>(r.blocks.size());
            p.hitBlocks += hit;
            p.promptTokens += r.inputTokens;
            for (int b = 0; b < hit; ++b)
                p.cachedTokens += blockTokensAt(r.inputTokens, r.blockTokens, b);
            caches[i].insert(r.blocks);
        }
    }
    for (auto &p : points) {
        p.blockHitRatio = p.blockLookups > 0 ? static_cast<double>(p.hitBlocks) / static_cast<double>(p.blockLookups) : 0;
        p.tokenHitRatio = p.promptTokens > 0 ? static_cast<double>(p.cachedTokens) / static_cast<double>(p.promptTokens) : 0;
    }
    return points;
}

} // namespace tokenroute
