// The event loop against queueing theory (M/D/1 waiting time, Little's law), against timings
// worked by hand on a deterministic service model, and for reproducibility.

#include <cmath>

#include <QtTest>

#include "core/sim/cachesweep.h"
#include "core/sim/generator.h"
#include "core/plan/planio.h"
#include "core/sim/simplan.h"
#include "core/sim/simulator.h"
#include "core/util/error.h"

using namespace tokenroute;

namespace {

std::string fixture(const char *name)
{
    return std::string(TOKENROUTE_TEST_DATA) + "/sim/" + name;
}

std::shared_ptr<const ServiceModel> linear(LinearServiceModel::Coefficients c)
{
    return std::make_shared<LinearServiceModel>(c);
}

// Prefill 10 ms + 10 µs per token; decode step 5 ms + 1 ms per sequence + 1 µs per context token;
// 1000 bytes of KV per token (1 MB per thousand-token prompt, 1 ms over a 1 GB/s path).
LinearServiceModel::Coefficients handModel(long long kvTokens = 1000000)
{
    LinearServiceModel::Coefficients c;
    c.prefillFixedS = 0.01;
    c.prefillPerTokenS = 1e-5;
    c.decodeFixedS = 0.005;
    c.decodePerSequenceS = 0.001;
    c.decodePerContextTokenS = 1e-6;
    c.kvCapacityTokens = kvTokens;
    c.kvBytesPerToken = 1000;
    return c;
}

SimConfig disaggregated(long long decodeKv = 1000000)
{
    SimConfig cfg;
    SimPool p{"prefill", SimPoolKind::Prefill, 1, linear(handModel()), 4096, 256, {}, CachePolicy::Lru, 1};
    SimPool d{"decode", SimPoolKind::Decode, 1, linear(handModel(decodeKv)), 4096, 256, {}, CachePolicy::Lru, 1};
    cfg.pools = {p, d};
    cfg.paths = {SimPath{0, 1, 1.0, 100}};
    return cfg;
}

// A source of requests given in the test.
class ListSource final : public RequestSource {
public:
    explicit ListSource(std::vector<TraceRequest> reqs) : m_reqs(std::move(reqs)) {}
    bool next(TraceRequest &out) override
    {
        if (m_i >= m_reqs.size())
            return false;
        out = m_reqs[m_i];
        out.id = static_cast<long long>(m_i++);
        return true;
    }

private:
    std::vector<TraceRequest> m_reqs;
    std::size_t m_i = 0;
};

TraceRequest req(double t, int in, int out)
{
    TraceRequest r;
    r.arrivalS = t;
    r.inputTokens = in;
    r.outputTokens = out;
    return r;
}

std::vector<RequestRecord> runRecords(const SimConfig &cfg, RequestSource &src, SimResult *result = nullptr)
{
    std::vector<RequestRecord> recs;
    SimCallbacks cb;
    cb.onRequest = [&](const RequestRecord &r) { recs.push_back(r); };
    const SimResult res = simulate(cfg, src, cb);
    if (result)
        *result = res;
    std::sort(recs.begin(), recs.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return recs;
}

bool sameRecords(const std::vector<RequestRecord> &a, const std::vector<RequestRecord> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id || a[i].ttftS != b[i].ttftS || a[i].e2eS != b[i].e2eS || a[i].tpotS != b[i].tpotS
            || a[i].cachedTokens != b[i].cachedTokens || a[i].prefillPool != b[i].prefillPool
            || a[i].decodePool != b[i].decodePool)
            return false;
    }
    return true;
}

// One combined replica serving 1000-token prompts with no output, one prompt per iteration:
// service time exactly 10 ms + 1000 × 10 µs = 20 ms.
SimConfig mdOne()
{
    LinearServiceModel::Coefficients c = handModel();
    SimConfig cfg;
    cfg.pools = {SimPool{"server", SimPoolKind::Combined, 1, linear(c), 1000, 256, {}, CachePolicy::Lru, 1}};
    return cfg;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT

private slots:
    void md1MeanWait_data();
    void md1MeanWait();
    void littlesLaw();
    void disaggregatedTimingsByHand();
    void decodeWaitsForKvMemory();
    void requestTooLargeIsRejected();
    void chunkedPrefill();
    void cacheHitsMatchTheTimingFreeReplay();
    void slowTierIsRecomputed();
    void kvAwareRoutingFindsTheCache();
    void sameSeedSameResults();
    void traceReplayedTwiceIsIdentical();
    void percentilesAndGoodput();
    void cdfFollowsThePercentiles();
    void badConfigurations();
    void progressCanCancel();
    void demoPlanBuildsAndRuns();
    void workloadSpecMatchesItsShape();
};

void TestSimulator::md1MeanWait_data()
{
    QTest::addColumn<double>("rate");
    QTest::newRow("rho 0.5") << 25.0;
    QTest::newRow("rho 0.8") << 40.0;
}

void TestSimulator::md1MeanWait()
{
    QFETCH(double, rate);
    const double d = 0.02, rho = rate * d;
    // Pollaczek–Khinchine for deterministic service: Wq = ρ / (2 μ (1 − ρ)).
    const double expected = rho / (2 * (1 / d) * (1 - rho));
    const auto spec = GeneratorSpec::parse("rate=" + std::to_string(rate)
                                           + ",requests=1000000,input=fixed:1000,output=fixed:0,seed=17");
    RequestGenerator gen(spec);
    const SimResult res = simulate(mdOne(), gen);
    QCOMPARE(res.completed, 1000000LL);
    const double wait = res.prefillWait.mean;
    QVERIFY2(std::abs(wait / expected - 1) < 0.02,
             qPrintable(QStringLiteral("mean wait %1 s, M/D/1 %2 s").arg(wait).arg(expected)));
    // Service is deterministic, so TTFT = wait + 20 ms exactly, on average too.
    QVERIFY(std::abs(res.ttft.mean - wait - d) < 1e-9);
}

void TestSimulator::littlesLaw()
{
    // A disaggregated plan under bursty traffic: L (time-average in system) = λ W.
    auto cfg = disaggregated();
    const auto spec = GeneratorSpec::parse("rate=8,requests=20000,arrival=gamma,cv=2,input=lognormal:1500:0.7,"
                                           "output=lognormal:60:0.8,seed=5");
    RequestGenerator gen(spec);
    const SimResult res = simulate(cfg, gen);
    QCOMPARE(res.completed, 20000LL);
    const double lambda = static_cast<double>(res.completed) / res.simSeconds;
    const double l = res.meanInSystem;
    QVERIFY2(std::abs(l / (lambda * res.e2e.mean) - 1) < 1e-6,
             qPrintable(QStringLiteral("L %1, lambda W %2").arg(l).arg(lambda * res.e2e.mean)));
    QVERIFY(l > 0.1);
    QVERIFY(res.pools[0].utilisation > 0 && res.pools[0].utilisation < 1);
}

void TestSimulator::disaggregatedTimingsByHand()
{
    ListSource src({req(0, 1000, 11)});
    SimResult res;
    const auto recs = runRecords(disaggregated(), src, &res);
    QCOMPARE(recs.size(), std::size_t(1));
    // Prefill 10 ms + 1000 × 10 µs = 20 ms; transfer 1 MB at 1 GB/s + 100 µs = 1.1 ms; ten decode
    // steps at 6 ms + 1 µs × context, context 1001 … 1010 (Σ 10055).
    const double ttft = 0.02, transfer = 0.0011, decode = 10 * 0.006 + 10055e-6;
    QVERIFY(std::abs(recs[0].ttftS - ttft) < 1e-12);
    QVERIFY(std::abs(recs[0].e2eS - (ttft + transfer + decode)) < 1e-12);
    QVERIFY(std::abs(recs[0].tpotS - (transfer + decode) / 10) < 1e-12);
    QCOMPARE(recs[0].prefillPool, 0);
    QCOMPARE(recs[0].decodePool, 1);
    QCOMPARE(res.links.size(), std::size_t(1));
    QCOMPARE(res.links[0].bytes, 1e6);
    QCOMPARE(res.pools[1].decodes, 1LL);
}

void TestSimulator::decodeWaitsForKvMemory()
{
    // Decode memory for 1500 tokens: the second request (1011 reserved) waits for the first.
    ListSource src({req(0, 1000, 11), req(0, 1000, 11)});
    const auto recs = runRecords(disaggregated(1500), src);
    QCOMPARE(recs.size(), std::size_t(2));
    // The engine starts on the first prompt as soon as it arrives (20 ms); the second follows.
    QVERIFY(std::abs(recs[0].ttftS - 0.02) < 1e-12);
    QVERIFY(std::abs(recs[1].ttftS - 0.04) < 1e-12);
    const double decode = 10 * 0.006 + 10055e-6;
    const double first = 0.02 + 0.0011 + decode;
    QVERIFY(std::abs(recs[0].e2eS - first) < 1e-12);
    // The second reaches the decode replica at 41.1 ms but starts only when the first finishes
    // and frees its reservation.
    QVERIFY2(std::abs(recs[1].e2eS - (first + decode)) < 1e-12, qPrintable(QString::number(recs[1].e2eS, 'g', 12)));
}

void TestSimulator::requestTooLargeIsRejected()
{
    ListSource src({req(0, 1000, 11), req(0.5, 1400, 200)});
    SimResult res;
    const auto recs = runRecords(disaggregated(1500), src, &res);
    QCOMPARE(res.completed, 1LL);
    QCOMPARE(res.rejected, 1LL);
    QCOMPARE(recs.size(), std::size_t(2));
    QVERIFY(recs[1].rejected);
}

void TestSimulator::chunkedPrefill()
{
    // 10 000 prompt tokens with a 4096-token budget: three iterations, three fixed costs.
    ListSource src({req(0, 10000, 0)});
    const auto recs = runRecords(mdOne(), src);  // mdOne's budget is 1000 tokens: ten chunks
    QVERIFY(std::abs(recs[0].ttftS - (10 * 0.01 + 0.1)) < 1e-12);
    auto cfg = mdOne();
    cfg.pools[0].maxBatchTokens = 4096;
    ListSource again({req(0, 10000, 0)});
    const auto r2 = runRecords(cfg, again);
    QVERIFY(std::abs(r2[0].ttftS - (3 * 0.01 + 0.1)) < 1e-12);
}

void TestSimulator::cacheHitsMatchTheTimingFreeReplay()
{
    SimConfig cfg = mdOne();
    cfg.pools[0].maxBatchTokens = 8192;
    cfg.pools[0].tiers = {SimTier{"hbm", 1000, 0, 0, 0}};
    // Arrivals 100 s apart so each request ends before the next: the timing-free contract holds.
    std::vector<TraceRequest> spaced;
    {
        TraceReader reader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake);
        TraceRequest r;
        while (reader.next(r)) {
            r.arrivalS = 100.0 * static_cast<double>(spaced.size());
            spaced.push_back(r);
        }
    }
    ListSource src(spaced);
    SimResult res;
    const auto recs = runRecords(cfg, src, &res);
    QCOMPARE(res.blockLookups, 16LL);
    QCOMPARE(res.hitBlocks, 9LL);
    QCOMPARE(res.pools[0].tiers[0].hitBlocks, 9LL);
    // 4608 tokens hit; the last request is entirely cached, and one token is always recomputed.
    QCOMPARE(res.cachedTokens, 4607LL);
    QCOMPARE(res.promptTokens, 6996LL);
    QCOMPARE(recs[3].hitBlocks[0], 3);
    QVERIFY(recs[3].ttftS < recs[0].ttftS + 1e-12);

    // All six at once: prefills overlap, blocks in flight are not shared, hits can only go down.
    TraceReadOptions burst;
    burst.timeScale = 1e-9;
    TraceReader together(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake, burst);
    const SimResult res2 = simulate(cfg, together);
    QVERIFY(res2.hitBlocks <= 9);
}

void TestSimulator::slowTierIsRecomputed()
{
    auto run = [](double bandwidthGBs) {
        SimConfig cfg = mdOne();
        cfg.pools[0].maxBatchTokens = 8192;
        // A one-block top tier over a big lower tier; the lower tier's speed decides load or recompute.
        cfg.pools[0].tiers = {SimTier{"hbm", 1, 0, 0, 0}, SimTier{"flash", 1000, bandwidthGBs, 100, 5}};
        ListSource src({TraceRequest{0, 2048, 0, {1, 2, 3, 4}, 512, 0}, TraceRequest{10, 2048, 0, {1, 2, 3, 4}, 512, 0}});
        return runRecords(cfg, src);
    };
    // 3 blocks in flash (1536 tokens, 1.536 MB): at 1 GB/s the load costs 1.6 ms against 25 ms to
    // recompute; at 10 MB/s it costs 154 ms, so recomputing is chosen.
    const auto fast = run(1.0);
    QCOMPARE(fast[1].cachedTokens, 2047);
    QVERIFY(std::abs(fast[1].ttftS - (0.01 + 1e-5 + 1.536e-3 + 1e-4)) < 1e-9);
    const auto slow = run(0.01);
    QCOMPARE(slow[1].cachedTokens, 512);
    QVERIFY(std::abs(slow[1].ttftS - (0.01 + 1536e-5)) < 1e-9);
}

void TestSimulator::kvAwareRoutingFindsTheCache()
{
    auto run = [](RoutingMode mode) {
        SimConfig cfg;
        for (const char *name : {"a", "b", "c"})
            cfg.pools.push_back(SimPool{name, SimPoolKind::Combined, 1, linear(handModel()), 8192, 64,
                                        {SimTier{"hbm", 2000, 0, 0, 0}}, CachePolicy::Lru, 1});
        cfg.routing = mode;
        RequestGenerator gen(GeneratorSpec::parse("rate=2,requests=3000,turns=6,think=20,input=lognormal:800:0.5,"
                                                  "output=fixed:50,seed=8"));
        return simulate(cfg, gen);
    };
    const SimResult shares = run(RoutingMode::Shares), aware = run(RoutingMode::KvAware);
    QVERIFY2(aware.prefixHitRatio > shares.prefixHitRatio + 0.1,
             qPrintable(QStringLiteral("kv-aware %1, shares %2").arg(aware.prefixHitRatio).arg(shares.prefixHitRatio)));
}

void TestSimulator::sameSeedSameResults()
{
    auto cfg = disaggregated();
    cfg.pools.push_back(SimPool{"prefill-2", SimPoolKind::Prefill, 2, linear(handModel()), 4096, 256,
                                {SimTier{"hbm", 300, 0, 0, 0}, SimTier{"dram", 3000, 50, 5, 10}}, CachePolicy::Lru, 2});
    cfg.pools.push_back(SimPool{"decode-2", SimPoolKind::Decode, 3, linear(handModel(20000)), 4096, 64, {}, CachePolicy::Lru, 1});
    const auto spec = GeneratorSpec::parse("rate=30,requests=5000,arrival=gamma,cv=2,turns=3,think=5,"
                                           "input=lognormal:1200:0.8,output=lognormal:80:0.6,system=600,seed=3");
    auto once = [&](std::uint64_t seed, SimResult *res) {
        cfg.seed = seed;
        RequestGenerator gen(spec);
        return runRecords(cfg, gen, res);
    };
    SimResult a, b, c;
    const auto ra = once(1, &a), rb = once(1, &b), rc = once(2, &c);
    QVERIFY(sameRecords(ra, rb));
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.hitBlocks, b.hitBlocks);
    QCOMPARE(a.ttft.p99, b.ttft.p99);
    QVERIFY(!sameRecords(ra, rc));  // the seed drives the router's weighted draws
}

void TestSimulator::traceReplayedTwiceIsIdentical()
{
    SimConfig cfg = disaggregated();
    cfg.pools[0].tiers = {SimTier{"hbm", 4, 0, 0, 0}, SimTier{"dram", 8, 20, 10, 10}};
    auto once = [&] {
        TraceReader reader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake);
        SimResult r;
        auto recs = runRecords(cfg, reader, &r);
        return std::make_pair(recs, r);
    };
    const auto [ra, a] = once();
    const auto [rb, b] = once();
    QCOMPARE(ra.size(), std::size_t(6));
    QVERIFY(sameRecords(ra, rb));
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.simSeconds, b.simSeconds);
}

void TestSimulator::percentilesAndGoodput()
{
    // Twenty requests at 1 s spacing on an idle server: every TTFT is exactly 20 ms.
    std::vector<TraceRequest> reqs;
    for (int i = 0; i < 20; ++i)
        reqs.push_back(req(i, 1000, 0));
    auto cfg = mdOne();
    cfg.ttftSloS = 0.019;  // just below: nothing meets it
    ListSource src(reqs);
    const SimResult res = simulate(cfg, src);
    QVERIFY(std::abs(res.ttft.p50 / 0.02 - 1) < 0.01);
    QVERIFY(std::abs(res.ttft.p99 / 0.02 - 1) < 0.01);
    QCOMPARE(res.goodputRps, 0.0);
    cfg.ttftSloS = 0.021;
    ListSource again(reqs);
    const SimResult ok = simulate(cfg, again);
    QVERIFY(std::abs(ok.goodputRps - 20 / 19.02) < 1e-9);
}

void TestSimulator::cdfFollowsThePercentiles()
{
    // A server 80 % busy (waits vary) so the TTFT CDF has a shape; prefill-only requests have no TPOT.
    RequestGenerator gen(GeneratorSpec::parse("rate=40,requests=3000,input=fixed:1000,output=fixed:0,seed=3"));
    const SimResult res = simulate(mdOne(), gen);
    QVERIFY(res.ttft.count > 1000);
    const std::vector<CdfPoint> &cdf = res.ttftCdf;
    QVERIFY(cdf.size() > 50);
    QCOMPARE(cdf.front().fraction, 0.0);
    QCOMPARE(cdf.back().fraction, 1.0);
    for (std::size_t i = 1; i < cdf.size(); ++i) {
        QVERIFY(cdf[i].fraction > cdf[i - 1].fraction);
        QVERIFY(cdf[i].seconds >= cdf[i - 1].seconds);
    }
    QVERIFY(cdf.front().seconds < cdf.back().seconds);
    const auto at = [&](double q) {
        for (const CdfPoint &p : cdf)
            if (std::abs(p.fraction - q) < 1e-12)
                return p.seconds;
        return -1.0;
    };
    QCOMPARE(at(0.5), res.ttft.p50);
    QCOMPARE(at(0.9), res.ttft.p90);
    QCOMPARE(at(0.99), res.ttft.p99);
    QCOMPARE(at(1.0), res.ttft.max);
    QCOMPARE(res.tpot.count, 0LL);
    QVERIFY(res.tpotCdf.empty());
}

void TestSimulator::badConfigurations()
{
    ListSource src({req(0, 10, 1)});
    QVERIFY_THROWS_EXCEPTION(InputError, simulate(SimConfig{}, src));
    SimConfig onlyPrefill = disaggregated();
    onlyPrefill.pools.pop_back();
    QVERIFY_THROWS_EXCEPTION(InputError, simulate(onlyPrefill, src));
    SimConfig noModel = mdOne();
    noModel.pools[0].model.reset();
    QVERIFY_THROWS_EXCEPTION(InputError, simulate(noModel, src));
    SimConfig tooManyTiers = mdOne();
    tooManyTiers.pools[0].tiers.assign(kMaxCacheTiers + 1, SimTier{"t", 1, 0, 0, 0});
    QVERIFY_THROWS_EXCEPTION(InputError, simulate(tooManyTiers, src));
}

void TestSimulator::progressCanCancel()
{
    RequestGenerator gen(GeneratorSpec::parse("rate=10,requests=100000,seed=1"));
    SimCallbacks cb;
    long long calls = 0;
    cb.progressEvery = 1000;
    cb.onProgress = [&](long long, double) { return ++calls < 3; };
    const SimResult res = simulate(mdOne(), gen, cb);
    QVERIFY(res.cancelled);
    QCOMPARE(calls, 3LL);
    QVERIFY(res.arrived < 100000);
}

void TestSimulator::demoPlanBuildsAndRuns()
{
    const Catalog catalog = loadCatalog(std::string(TOKENROUTE_DATA_DIR) + "/catalog");
    const Plan plan = loadPlan(std::string(TOKENROUTE_DATA_DIR) + "/plans/demo.json");
    const PlanSimulation ps = buildPlanSimulation(plan, catalog, PlanSimOptions{});
    QCOMPARE(ps.workloadId, plan.workloads.front().id);
    QVERIFY(!ps.config.pools.empty());
    bool prefill = false;
    for (const SimPool &p : ps.config.pools) {
        QVERIFY(p.replicas > 0);
        QVERIFY(p.model->kvCapacityTokens() > 0);
        if (p.kind != SimPoolKind::Decode) {
            prefill = true;
            QVERIFY(!p.tiers.empty() && p.tiers[0].capacityBlocks > 0);
        }
    }
    QVERIFY(prefill);
    QCOMPARE(ps.config.ttftSloS, plan.workloads.front().ttftSloMs / 1000.0);
    RequestGenerator gen(workloadGeneratorSpec(plan.workloads.front(), "requests=2000,seed=4"));
    const SimResult res = simulate(ps.config, gen);
    QCOMPARE(res.completed + res.rejected, 2000LL);
    QVERIFY(res.ttft.p50 > 0 && res.ttft.p50 <= res.ttft.p99);
    QVERIFY(res.prefixHitRatio > 0);  // the workload states prefix reuse: a shared system prompt
    QVERIFY_THROWS_EXCEPTION(InputError, buildPlanSimulation(plan, catalog, PlanSimOptions{"no such workload"}));
}

void TestSimulator::workloadSpecMatchesItsShape()
{
    Workload w;
    w.ratePerS = 5;
    w.inputMean = 2000;
    w.inputP90 = 3500;
    w.outputMean = 300;
    w.outputP90 = 600;
    w.prefixReuse = 0.25;
    const GeneratorSpec spec = workloadGeneratorSpec(w, "requests=100000,seed=2");
    QCOMPARE(spec.systemTokens, 500);
    RequestGenerator gen(spec);
    TraceRequest r;
    std::vector<double> in, out;
    while (gen.next(r)) {
        in.push_back(r.inputTokens);
        out.push_back(r.outputTokens);
    }
    auto mean = [](const std::vector<double> &v) { double s = 0; for (double x : v) s += x; return s / v.size(); };
    auto p90 = [](std::vector<double> v) { std::sort(v.begin(), v.end()); return v[v.size() * 9 / 10]; };
    // Lognormal fitted to mean and p90: both within a few per cent on 100 000 draws.
    QVERIFY2(std::abs(mean(in) / 2000 - 1) < 0.02, qPrintable(QString::number(mean(in))));
    QVERIFY2(std::abs(p90(in) / 3500 - 1) < 0.05, qPrintable(QString::number(p90(in))));
    QVERIFY2(std::abs(mean(out) / 300 - 1) < 0.02, qPrintable(QString::number(mean(out))));
    QVERIFY2(std::abs(p90(out) / 600 - 1) < 0.05, qPrintable(QString::number(p90(out))));
}

QTEST_APPLESS_MAIN(TestSimulator)
#include "test_simulator.moc"
