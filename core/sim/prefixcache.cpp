#include "core/sim/prefixcache.h"

#include <algorithm>

#include "core/util/error.h"

namespace tokenroute {

namespace {

std::uint64_t hashKey(std::uint64_t x)
{
    // SplitMix64 finaliser: hash ids from traces are small consecutive integers, which would
    // cluster badly under linear probing without mixing.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

std::string toString(CachePolicy p)
{
    return p == CachePolicy::Lru ? "lru" : "s3fifo";
}

std::optional<CachePolicy> cachePolicyFromString(const std::string &s)
{
    if (s == "lru")
        return CachePolicy::Lru;
    if (s == "s3fifo" || s == "s3-fifo")
        return CachePolicy::S3Fifo;
    return std::nullopt;
}

PrefixCache::PrefixCache(std::vector<CacheTierConfig> tiers, CachePolicy policy)
    : m_tiers(std::move(tiers))
    , m_policy(policy)
{
    if (m_tiers.empty())
        throw InputError("<prefix cache>", "tiers", "expected at least one tier");
    for (const auto &t : m_tiers)
        if (t.capacityBlocks < 0)
            throw InputError("<prefix cache>", "tiers." + t.name, "capacity must be ≥ 0 blocks");
    m_lists.resize(m_tiers.size() * 2 + 1);
    m_stats.resize(m_tiers.size());
    for (const auto &t : m_tiers)
        // S3-FIFO's small queue is 10 % of the cache (the paper's default).
        m_smallTarget.push_back(t.capacityBlocks > 0 ? std::max<long long>(1, t.capacityBlocks / 10) : 0);
    m_ghostCapacity = std::max<long long>(0, m_tiers.back().capacityBlocks - m_smallTarget.back());
    m_slots.assign(1024, 0);
}

PrefixCache::List &PrefixCache::list(int tier, Segment s)
{
    if (s == Ghost)
        return m_lists.back();
    return m_lists[static_cast<std::size_t>(tier) * 2 + s];
}

void PrefixCache::pushFront(List &l, std::uint32_t n)
{
    Node &node = m_nodes[n];
    node.prev = kNone;
    node.next = l.head;
    if (l.head != kNone)
        m_nodes[l.head].prev = n;
    l.head = n;
    if (l.tail == kNone)
        l.tail = n;
    ++l.size;
}

void PrefixCache::unlink(List &l, std::uint32_t n)
{
    Node &node = m_nodes[n];
    if (node.prev != kNone) m_nodes[node.prev].next = node.next; else l.head = node.next;
    if (node.next != kNone) m_nodes[node.next].prev = node.prev; else l.tail = node.prev;
    node.prev = node.next = kNone;
    --l.size;
}

std::uint32_t PrefixCache::allocate(std::uint64_t key)
{
    std::uint32_t n;
    if (!m_free.empty()) {
        n = m_free.back();
        m_free.pop_back();
        m_nodes[n] = Node{};
    } else {
        n = static_cast<std::uint32_t>(m_nodes.size());
        m_nodes.emplace_back();
    }
    m_nodes[n].key = key;
    tableInsert(n);
    return n;
}

void PrefixCache::release(std::uint32_t n)
{
    tableErase(m_nodes[n].key);
    m_nodes[n].tier = -1;
    m_free.push_back(n);
}

std::uint32_t PrefixCache::find(std::uint64_t key) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hashKey(key) & mask;; i = (i + 1) & mask) {
        const std::uint32_t s = m_slots[i];
        if (s == 0)
            return kNone;
        if (m_nodes[s - 1].key == key)
            return s - 1;
    }
}

void PrefixCache::tableInsert(std::uint32_t node)
{
    // Keep the load factor at or below one half so probes stay short.
    if ((m_used + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashKey(m_nodes[node].key) & mask;
    while (m_slots[i] != 0)
        i = (i + 1) & mask;
    m_slots[i] = node + 1;
    ++m_used;
}

void PrefixCache::tableErase(std::uint64_t key)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashKey(key) & mask;
    while (m_slots[i] != 0 && m_nodes[m_slots[i] - 1].key != key)
        i = (i + 1) & mask;
    if (m_slots[i] == 0)
        return;
    // Backward-shift deletion: pull later entries of the probe run into the hole so that no
    // tombstones accumulate over a long replay.
    std::size_t j = i;
    while (true) {
        j = (j + 1) & mask;
        if (m_slots[j] == 0)
            break;
        const std::size_t home = hashKey(m_nodes[m_slots[j] - 1].key) & mask;
        const bool between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!between) {
            m_slots[i] = m_slots[j];
            i = j;
        }
    }
    m_slots[i] = 0;
    --m_used;
}

void PrefixCache::grow()
{
    std::vector<std::uint32_t> old(m_slots.size() * 2, 0);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (std::uint32_t s : old) {
        if (s == 0)
            continue;
        std::size_t i = hashKey(m_nodes[s - 1].key) & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

int PrefixCache::peek(std::span<const std::uint64_t> ids, std::span<int> perTier) const
{
    std::fill(perTier.begin(), perTier.end(), 0);
    int run = 0;
    for (std::uint64_t id : ids) {
        const std::uint32_t n = find(id);
        if (n == kNone || m_nodes[n].tier < 0)
            break;
        if (!perTier.empty())
            ++perTier[static_cast<std::size_t>(m_nodes[n].tier)];
        ++run;
    }
    return run;
}

int PrefixCache::lookup(std::span<const std::uint64_t> ids, std::span<int> perTier)
{
    std::vector<int> local;
    if (perTier.empty()) {
        local.assign(m_tiers.size(), 0);
        perTier = local;
    }
    const int run = peek(ids, perTier);
    m_lookups += static_cast<long long>(ids.size());
    for (std::size_t t = 0; t < m_tiers.size(); ++t)
        m_stats[t].hitBlocks += perTier[t];
    return run;
}

void PrefixCache::place(std::uint32_t n, int tier, Segment s)
{
    m_nodes[n].tier = static_cast<std::int16_t>(s == Ghost ? -1 : tier);
    m_nodes[n].segment = s;
    pushFront(list(tier, s), n);
}

void PrefixCache::touch(std::uint32_t n)
{
    Node &node = m_nodes[n];
    const int tier = node.tier;
    if (m_policy == CachePolicy::Lru) {
        unlink(list(tier, Main), n);
        if (tier > 0)
            ++m_stats[static_cast<std::size_t>(tier)].promotions;
        place(n, 0, Main);
        return;
    }
    if (tier == 0) {
        node.freq = static_cast<std::uint8_t>(std::min(node.freq + 1, 3));
        return;
    }
    // A hit below the top tier proved reuse: promote straight into the top tier's main FIFO.
    unlink(list(tier, node.segment), n);
    ++m_stats[static_cast<std::size_t>(tier)].promotions;
    node.freq = 0;
    place(n, 0, Main);
}

void PrefixCache::insert(std::span<const std::uint64_t> ids)
{
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
        std::uint32_t n = find(*it);
        if (n != kNone && m_nodes[n].tier >= 0) {
            touch(n);
        } else if (n != kNone) {
            // A ghost: evicted recently and back already, so it skips the probation queue.
            unlink(list(0, Ghost), n);
            m_nodes[n].freq = 0;
            place(n, 0, Main);
        } else {
            n = allocate(*it);
            place(n, 0, m_policy == CachePolicy::Lru ? Main : Small);
        }
    }
    evict();
}

void PrefixCache::evict()
{
    for (int t = 0; t < tierCount(); ++t) {
        const long long cap = m_tiers[static_cast<std::size_t>(t)].capacityBlocks;
        while (size(t) > cap) {
            if (m_policy == CachePolicy::Lru)
                evictLru(t);
            else
                evictS3(t);
        }
    }
}

void PrefixCache::evictLru(int tier)
{
    List &l = list(tier, Main);
    const std::uint32_t n = l.tail;
    unlink(l, n);
    demote(n, tier, Main);
}

void PrefixCache::evictS3(int tier)
{
    List &small = list(tier, Small);
    List &main = list(tier, Main);
    while (true) {
        if (small.size > m_smallTarget[static_cast<std::size_t>(tier)] || main.size == 0) {
            const std::uint32_t n = small.tail;
            unlink(small, n);
            if (m_nodes[n].freq > 0) {
                // Touched while on probation: it earns a place in main instead of leaving.
                m_nodes[n].freq = 0;
                place(n, tier, Main);
                continue;
            }
            demote(n, tier, Small);
            return;
        }
        const std::uint32_t n = main.tail;
        unlink(main, n);
        if (m_nodes[n].freq > 0) {
            --m_nodes[n].freq;
            place(n, tier, Main);
            continue;
        }
        demote(n, tier, Main);
        return;
    }
}

void PrefixCache::demote(std::uint32_t n, int fromTier, Segment s)
{
    auto &stats = m_stats[static_cast<std::size_t>(fromTier)];
    if (fromTier + 1 < tierCount()) {
        ++stats.demotions;
        m_nodes[n].freq = 0;
        place(n, fromTier + 1, s);
        return;
    }
    ++stats.evictions;
    if (m_policy == CachePolicy::S3Fifo && s == Small && m_ghostCapacity > 0) {
        place(n, 0, Ghost);
        List &ghost = list(0, Ghost);
        while (ghost.size > m_ghostCapacity) {
            const std::uint32_t g = ghost.tail;
            unlink(ghost, g);
            release(g);
        }
        return;
    }
    release(n);
}

long long PrefixCache::size(int tier) const
{
    const auto t = static_cast<std::size_t>(tier);
    return m_lists[t * 2 + Main].size + m_lists[t * 2 + Small].size;
}

int PrefixCache::tierOf(std::uint64_t id) const
{
    const std::uint32_t n = find(id);
    return n == kNone ? -1 : m_nodes[n].tier;
}

long long PrefixCache::hitBlocks() const
{
    long long s = 0;
    for (const auto &t : m_stats)
        s += t.hitBlocks;
    return s;
}

void PrefixCache::resetStats()
{
    for (auto &t : m_stats)
        t = CacheTierStats{};
    m_lookups = 0;
}

} // namespace tokenroute
