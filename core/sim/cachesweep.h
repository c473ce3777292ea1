#pragma once
// Hit ratio against cache capacity for a trace: the chart that sizes a KV tier. One streaming pass
// feeds every request to one single-tier cache per capacity, so memory is bounded by the
// capacities, not the trace, and each capacity costs one set of hash probes per block.
// Requests are processed atomically at arrival (look up, then insert), with no concurrency: the
// timing-free replay the reference statistics define, and an upper bound for what the full
// simulation can reach at the same capacity.

#include <vector>

#include "core/sim/prefixcache.h"
#include "core/sim/trace.h"

namespace tokenroute {

struct CacheSweepPoint {
    long long capacityBlocks = 0;
    long long blockLookups = 0;
    long long hitBlocks = 0;
    long long promptTokens = 0;
    long long cachedTokens = 0;   // hit blocks weighted by the tokens they cover (last block partial)
    double blockHitRatio = 0;
    double tokenHitRatio = 0;
};

// Tokens covered by block i of a prompt of inputTokens split into blocks of blockTokens.
long long blockTokensAt(int inputTokens, int blockTokens, int i);

std::vector<CacheSweepPoint> cacheSweep(RequestSource &source, const std::vector<long long> &capacities,
                                        CachePolicy policy = CachePolicy::Lru);

} // namespace tokenroute
