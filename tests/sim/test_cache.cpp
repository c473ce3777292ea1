// The tiered prefix cache against an independently written, deliberately plain LRU (a std::list
// scanned linearly), against the reference hit ratios of the public Mooncake traces, and on small
// cases worked by hand.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <list>
#include <random>

#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/sim/cachesweep.h"
#include "core/sim/prefixcache.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

using namespace tokenroute;

namespace {

std::string fixture(const char *name)
{
    return std::string(TOKENROUTE_TEST_DATA) + "/sim/" + name;
}

std::string sharedDir()
{
    if (const char *env = std::getenv("TOKENROUTE_SHARED_DIR"))
        return env;
    return std::string(TOKENROUTE_TEST_DATA) + "/../../../shared";
}

// The rule written out the slow, obvious way: front of the list = most recently used. A hit in
// "tier t" means the block's position in the one list lies in [C0+..+C(t-1), C0+..+Ct).
struct PlainLru {
    std::list<std::uint64_t> order;
    std::vector<long long> capacities;
    std::vector<long long> hits;
    long long total() const
    {
        long long s = 0;
        for (long long c : capacities)
            s += c;
        return s;
    }
    int request(const std::vector<std::uint64_t> &ids)
    {
        int run = 0;
        for (std::uint64_t id : ids) {
            auto it = std::find(order.begin(), order.end(), id);
            if (it == order.end())
                break;
            const long long pos = std::distance(order.begin(), it);
            long long edge = 0;
            for (std::size_t t = 0; t < capacities.size(); ++t) {
                edge += capacities[t];
                if (pos < edge) {
                    ++hits[t];
                    break;
                }
            }
            ++run;
        }
        for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
            order.remove(*id);
            order.push_front(*id);
        }
        while (static_cast<long long>(order.size()) > total())
            order.pop_back();
        return run;
    }
};

// Random requests that share prefixes the way real ones do: a few popular roots, sessions that
// extend earlier prompts, and one-off noise.
std::vector<std::vector<std::uint64_t>> randomTrace(std::uint64_t seed, int requests)
{
    std::mt19937_64 rng(seed);
    std::vector<std::vector<std::uint64_t>> out, sessions;
    std::uint64_t nextId = 1000;
    for (int i = 0; i < requests; ++i) {
        std::vector<std::uint64_t> r;
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind < 5 && !sessions.empty()) {
            auto &s = sessions[std::uniform_int_distribution<std::size_t>(0, sessions.size() - 1)(rng)];
            r = s;
            for (int k = std::uniform_int_distribution<int>(1, 4)(rng); k > 0; --k)
                r.push_back(nextId++);
            s = r;
        } else {
            r.push_back(std::uniform_int_distribution<std::uint64_t>(0, 4)(rng));  // popular roots
            for (int k = std::uniform_int_distribution<int>(1, 8)(rng); k > 0; --k)
                r.push_back(nextId++);
            if (kind < 8)
                sessions.push_back(r);
        }
        out.push_back(r);
    }
    return out;
}

} // namespace

class TestCache : public QObject {
    Q_OBJECT

private slots:
    void singleTierMatchesPlainLru_data();
    void singleTierMatchesPlainLru();
    void tiersMatchOneRecencyList_data();
    void tiersMatchOneRecencyList();
    void promotionAndDemotionByHand();
    void hitsAreTheLeadingRunOnly();
    void sweepByHand_data();
    void sweepByHand();
    void referenceHitRatios_data();
    void referenceHitRatios();
    void s3FifoKeepsTheHotSetThroughScans();
    void s3FifoRespectsCapacities();
    void rejectsBadTiers();
};

void TestCache::singleTierMatchesPlainLru_data()
{
    QTest::addColumn<qulonglong>("seed");
    QTest::addColumn<long long>("capacity");
    QTest::newRow("tiny cache") << qulonglong(1) << 3LL;
    QTest::newRow("smaller than one request") << qulonglong(2) << 5LL;
    QTest::newRow("mid") << qulonglong(3) << 60LL;
    QTest::newRow("large") << qulonglong(4) << 400LL;
    QTest::newRow("empty") << qulonglong(5) << 0LL;
}

void TestCache::singleTierMatchesPlainLru()
{
    QFETCH(qulonglong, seed);
    QFETCH(long long, capacity);
    const auto trace = randomTrace(seed, 1500);
    PrefixCache cache({{"hbm", capacity}});
    PlainLru plain{{}, {capacity}, {0}};
    long long a = 0, b = 0;
    for (const auto &r : trace) {
        const int ra = cache.lookup(r);
        const int rb = plain.request(r);
        QCOMPARE(ra, rb);
        a += ra;
        b += rb;
        cache.insert(r);
        QVERIFY(cache.size(0) <= capacity);
    }
    QCOMPARE(a, b);
    QCOMPARE(cache.hitBlocks(), b);
    QVERIFY(capacity == 0 || a > 0);
}

void TestCache::tiersMatchOneRecencyList_data()
{
    QTest::addColumn<qulonglong>("seed");
    QTest::addColumn<QList<long long>>("capacities");
    QTest::newRow("sram hbm dram flash") << qulonglong(11) << QList<long long>{4, 20, 60, 200};
    QTest::newRow("two tiers") << qulonglong(12) << QList<long long>{30, 120};
    QTest::newRow("empty top tier") << qulonglong(13) << QList<long long>{0, 50};
    QTest::newRow("empty middle tier") << qulonglong(14) << QList<long long>{10, 0, 40};
}

void TestCache::tiersMatchOneRecencyList()
{
    QFETCH(qulonglong, seed);
    QFETCH(QList<long long>, capacities);
    std::vector<CacheTierConfig> tiers;
    PlainLru plain;
    for (int i = 0; i < capacities.size(); ++i) {
        tiers.push_back({std::string("t").append(std::to_string(i)), capacities[i]});
        plain.capacities.push_back(capacities[i]);
        plain.hits.push_back(0);
    }
    PrefixCache cache(tiers);
    std::vector<int> perTier(tiers.size());
    for (const auto &r : randomTrace(seed, 1500)) {
        QCOMPARE(cache.lookup(r, perTier), plain.request(r));
        cache.insert(r);
        for (std::size_t t = 0; t < tiers.size(); ++t)
            QVERIFY(cache.size(static_cast<int>(t)) <= capacities[static_cast<int>(t)]);
    }
    for (std::size_t t = 0; t < tiers.size(); ++t)
        QCOMPARE(cache.stats(static_cast<int>(t)).hitBlocks, plain.hits[t]);
}

void TestCache::promotionAndDemotionByHand()
{
    PrefixCache cache({{"hbm", 2}, {"dram", 2}});
    cache.insert(std::vector<std::uint64_t>{1, 2});      // hbm: 1 2
    cache.insert(std::vector<std::uint64_t>{3, 4});      // hbm: 3 4, dram: 1 2
    QCOMPARE(cache.tierOf(1), 1);
    QCOMPARE(cache.tierOf(3), 0);
    QCOMPARE(cache.stats(0).demotions, 2LL);
    int perTier[2];
    QCOMPARE(cache.lookup(std::vector<std::uint64_t>{1, 2, 9}, perTier), 2);
    QCOMPARE(perTier[1], 2);
    // Last block first: 9 is new, 2 and 1 are promoted; hbm then holds 1 2 9 3 4 and demotes
    // 4, 3, 9 in that order, so dram (2 blocks) keeps 9 3 and evicts 4.
    cache.insert(std::vector<std::uint64_t>{1, 2, 9});
    QCOMPARE(cache.tierOf(1), 0);
    QCOMPARE(cache.tierOf(2), 0);
    QCOMPARE(cache.tierOf(9), 1);
    QCOMPARE(cache.tierOf(3), 1);
    QCOMPARE(cache.tierOf(4), -1);
    QCOMPARE(cache.stats(1).promotions, 2LL);
    QCOMPARE(cache.stats(0).demotions, 5LL);
    QCOMPARE(cache.stats(1).evictions, 1LL);
    QCOMPARE(cache.size(0), 2LL);
    QCOMPARE(cache.size(1), 2LL);
}

void TestCache::hitsAreTheLeadingRunOnly()
{
    PrefixCache cache({{"hbm", 100}});
    cache.insert(std::vector<std::uint64_t>{1, 2, 3});
    QCOMPARE(cache.peek(std::vector<std::uint64_t>{1, 2, 3}), 3);
    QCOMPARE(cache.peek(std::vector<std::uint64_t>{5, 2, 3}), 0);  // 2 and 3 present but not a prefix
    QCOMPARE(cache.peek(std::vector<std::uint64_t>{1, 7, 3}), 1);
    QCOMPARE(cache.blockLookups(), 0LL);  // peek does not count
}

void TestCache::sweepByHand_data()
{
    QTest::addColumn<long long>("capacity");
    QTest::addColumn<long long>("hits");
    QTest::addColumn<long long>("cachedTokens");
    // mooncake_small.jsonl: 16 block look-ups, 6996 prompt tokens. Unlimited: requests 2, 3, 4, 6
    // hit 2, 1, 3, 3 blocks = 1024 + 512 + 1536 + 1536 tokens. Three blocks: worked step by step
    // in the order the contract defines (last block touched first, evict after the request).
    QTest::newRow("unlimited") << 1000000LL << 9LL << 4608LL;
    QTest::newRow("three blocks") << 3LL << 7LL << 1024LL + 512 + 1024 + 1024;
}

void TestCache::sweepByHand()
{
    QFETCH(long long, capacity);
    QFETCH(long long, hits);
    QFETCH(long long, cachedTokens);
    TraceReader reader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake);
    const auto points = cacheSweep(reader, {capacity});
    QCOMPARE(points.size(), std::size_t(1));
    QCOMPARE(points[0].blockLookups, 16LL);
    QCOMPARE(points[0].promptTokens, 6996LL);
    QCOMPARE(points[0].hitBlocks, hits);
    QCOMPARE(points[0].cachedTokens, cachedTokens);
    QCOMPARE(points[0].blockHitRatio, double(hits) / 16);
}

void TestCache::referenceHitRatios_data()
{
    QTest::addColumn<QString>("trace");
    QTest::newRow("conversation") << "mooncake_fast25_conversation_trace.jsonl";
    QTest::newRow("synthetic") << "mooncake_fast25_synthetic_trace.jsonl";
}

void TestCache::referenceHitRatios()
{
    QFETCH(QString, trace);
    const std::string refPath = sharedDir() + "/research/trace_stats_reference.json";
    const std::string tracePath = sharedDir() + "/data/traces/" + trace.toStdString();
    if (!std::filesystem::exists(refPath) || !std::filesystem::exists(tracePath))
        QSKIP("the public traces and their reference statistics are not present beside the repository");
    std::ifstream in(refPath);
    const auto ref = nlohmann::json::parse(in);
    const nlohmann::json *entry = nullptr;
    for (const auto &e : ref)
        if (e.value("file", "") == trace.toStdString())
            entry = &e;
    QVERIFY(entry);
    std::vector<long long> caps;
    for (const auto &[k, v] : (*entry)["lru_prefix"].items())
        caps.push_back(std::stoll(k));
    caps.push_back(1LL << 40);  // unlimited: the ideal hit ratios
    TraceReader reader(tracePath, TraceFormat::Mooncake);
    const auto points = cacheSweep(reader, caps);
    for (const auto &p : points) {
        double expected;
        if (p.capacityBlocks == (1LL << 40)) {
            expected = (*entry)["ideal_hit_prefix"].get<double>();
            QVERIFY(std::abs(p.tokenHitRatio - (*entry)["ideal_hit_tokens"].get<double>()) < 1e-12);
        } else {
            expected = (*entry)["lru_prefix"][std::to_string(p.capacityBlocks)].get<double>();
        }
        // Same counts, so the ratios agree to rounding of the division.
        QVERIFY2(std::abs(p.blockHitRatio - expected) < 1e-12,
                 qPrintable(QStringLiteral("capacity %1: %2 vs %3").arg(p.capacityBlocks).arg(p.blockHitRatio).arg(expected)));
        QCOMPARE(p.blockLookups, (*entry)["total_block_refs"].get<long long>());
    }
}

void TestCache::s3FifoKeepsTheHotSetThroughScans()
{
    // A hot set of 30 single-block prompts read again and again, interleaved with scans of
    // one-off blocks. LRU lets each scan flush the hot set; S3-FIFO keeps the scans on probation.
    auto run = [](CachePolicy policy) {
        PrefixCache cache({{"hbm", 50}}, policy);
        std::uint64_t fresh = 1000;
        long long hotHits = 0;
        for (int round = 0; round < 200; ++round) {
            for (std::uint64_t h = 0; h < 30; ++h) {
                const std::vector<std::uint64_t> r{h};
                hotHits += cache.lookup(r);
                cache.insert(r);
            }
            for (int s = 0; s < 40; ++s) {
                const std::vector<std::uint64_t> r{fresh++};
                cache.lookup(r);
                cache.insert(r);
            }
        }
        return hotHits;
    };
    const long long lru = run(CachePolicy::Lru), s3 = run(CachePolicy::S3Fifo);
    QCOMPARE(lru, 0LL);            // 40 fresh blocks + 30 hot > 50: each scan pushes the hot set out
    QVERIFY2(s3 > 199 * 30 / 2, qPrintable(QString::number(s3)));
}

void TestCache::s3FifoRespectsCapacities()
{
    PrefixCache cache({{"hbm", 20}, {"dram", 50}}, CachePolicy::S3Fifo);
    long long hits = 0, refs = 0;
    for (const auto &r : randomTrace(21, 2000)) {
        hits += cache.lookup(r);
        refs += static_cast<long long>(r.size());
        cache.insert(r);
        QVERIFY(cache.size(0) <= 20);
        QVERIFY(cache.size(1) <= 50);
    }
    QVERIFY(hits > 0 && hits < refs);
    QCOMPARE(cache.stats(0).hitBlocks + cache.stats(1).hitBlocks, hits);
    QVERIFY(cachePolicyFromString("s3fifo") == CachePolicy::S3Fifo);
}

void TestCache::rejectsBadTiers()
{
    QVERIFY_THROWS_EXCEPTION(InputError, PrefixCache(std::vector<CacheTierConfig>{}));
    QVERIFY_THROWS_EXCEPTION(InputError, PrefixCache({{"hbm", -1}}));
}

QTEST_APPLESS_MAIN(TestCache)
#include "test_cache.moc"
