#pragma once
// The tiered prefix cache of one pool: KV blocks keyed by prefix hash id, spread over tiers from the
// fastest (SRAM / HBM) down to the largest (host DRAM, flash, remote), each with a capacity in blocks.
//
// Semantics (the contract the tests and the reference statistics check):
//   * lookup: a request's cached blocks are the longest leading run of its hash ids present in any
//     tier (a prefix cache can only reuse a contiguous prefix); each hit block is counted in the
//     tier it was found in. Block hit ratio = hit blocks / block look-ups.
//   * insert (after prefill): all of the request's blocks are touched or inserted, last block first,
//     so the head of a shared prefix ends up most recently used (the order vLLM returns a finished
//     request's blocks to its free queue). A block hit in a lower tier is promoted to the top tier.
//   * eviction runs once the whole request is inserted: while a tier holds more than its capacity,
//     its victim is demoted to the next tier down; the last tier's victims leave the cache.
// With LRU this makes the tiers one recency list cut at the capacities: the union behaves exactly
// like a single LRU of the summed capacity, and tier t holds recency ranks [C0+..+Ct-1, +Ct).
//
// The second policy is S3-FIFO (Yang et al., SOSP'23): per tier a small FIFO (10 % of the tier)
// for new blocks and a main FIFO, a 2-bit access counter per block, and a ghost list of blocks
// recently evicted from the bottom tier's small FIFO so that a quick return goes straight to main.
// It resists scans (one-off long prompts) better than LRU.
//
// Blocks are nodes in one array linked into per-tier lists and found through an open-addressing
// hash table, so a look-up or touch costs a probe and a few index writes; a million-request replay
// stays within the simulation's time budget and memory is bounded by the capacities.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tokenroute {

enum class CachePolicy { Lru, S3Fifo };
std::string toString(CachePolicy p);
std::optional<CachePolicy> cachePolicyFromString(const std::string &s);

struct CacheTierConfig {
    std::string name;              // "hbm", "host-dram", ...
    long long capacityBlocks = 0;
};

struct CacheTierStats {
    long long hitBlocks = 0;       // matched blocks found in this tier
    long long promotions = 0;      // blocks moved up to the top tier on a hit
    long long demotions = 0;       // blocks moved down from this tier to the next
    long long evictions = 0;       // blocks that left the cache from this tier
};

class PrefixCache {
public:
    PrefixCache(std::vector<CacheTierConfig> tiers, CachePolicy policy = CachePolicy::Lru);

    // Length of the longest leading run of ids present; perTier (size tierCount(), may be empty)
    // receives how many of those blocks sit in each tier. Changes nothing.
    int peek(std::span<const std::uint64_t> ids, std::span<int> perTier = {}) const;
    // peek() and count the look-up in the statistics.
    int lookup(std::span<const std::uint64_t> ids, std::span<int> perTier = {});
    // Touch or insert every id, last first, promote lower-tier hits, then evict down to capacity.
    void insert(std::span<const std::uint64_t> ids);

    int tierCount() const { return static_cast<int>(m_tiers.size()); }
    const CacheTierConfig &tier(int t) const { return m_tiers[static_cast<std::size_t>(t)]; }
    long long size(int tier) const;            // resident blocks in a tier
    int tierOf(std::uint64_t id) const;        // -1 when not resident
    CachePolicy policy() const { return m_policy; }

    const CacheTierStats &stats(int tier) const { return m_stats[static_cast<std::size_t>(tier)]; }
    long long blockLookups() const { return m_lookups; }
    long long hitBlocks() const;
    void resetStats();

private:
    // Each tier has a small and a main list (LRU uses main only); the ghost list hangs off the bottom tier.
    enum Segment : std::uint8_t { Main = 0, Small = 1, Ghost = 2 };
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    struct Node {
        std::uint64_t key = 0;
        std::uint32_t prev = kNone, next = kNone;
        std::int16_t tier = -1;    // -1 for ghosts and free nodes
        Segment segment = Main;
        std::uint8_t freq = 0;
    };
    struct List {
        std::uint32_t head = kNone, tail = kNone;  // head = most recent / newest
        long long size = 0;
    };

    List &list(int tier, Segment s);
    void pushFront(List &l, std::uint32_t n);
    void unlink(List &l, std::uint32_t n);
    std::uint32_t allocate(std::uint64_t key);
    void release(std::uint32_t n);

    // Hash table: slots hold node index + 1 (0 = empty); linear probing, backward-shift deletion.
    std::uint32_t find(std::uint64_t key) const;
    void tableInsert(std::uint32_t node);
    void tableErase(std::uint64_t key);
    void grow();

    void touch(std::uint32_t n);
    void place(std::uint32_t n, int tier, Segment s);
    void evict();
    void evictLru(int tier);
    void evictS3(int tier);
    void demote(std::uint32_t n, int fromTier, Segment s);

    std::vector<CacheTierConfig> m_tiers;
    CachePolicy m_policy;
    std::vector<List> m_lists;     // tier * 2 + segment (Main / Small), then one ghost list
    std::vector<long long> m_smallTarget;
    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_free;
    std::vector<std::uint32_t> m_slots;
    std::size_t m_used = 0;
    long long m_ghostCapacity = 0;
    std::vector<CacheTierStats> m_stats;
    long long m_lookups = 0;
};

} // namespace tokenroute
