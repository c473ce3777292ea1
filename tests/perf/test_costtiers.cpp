// Hand-computed checks of the cost model, the memory-tier choice (load a cached prefix or recompute
// it) and evaluate() on a small hand-built plan.
#include <QtTest>

#include "core/cost/costmodel.h"
#include "core/perf/evaluation.h"
#include "core/perf/memorytiers.h"
#include "core/plan/plan.h"
#include "toymodels.h"

using namespace tokenroute;

namespace {

bool near(double a, double b, double rel = 1e-6) { return std::abs(a - b) <= rel * std::abs(b) + 1e-15; }

#define QNEAR(actual, expected) \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("%1 vs expected %2").arg((actual), 0, 'g', 10).arg((expected), 0, 'g', 10)))

MemoryTierSpec tier(const std::string &id, TierKind kind, double gbs, double latencyUs, double pj)
{
    MemoryTierSpec t;
    t.id = id;
    t.kind = kind;
    t.bandwidthGBs = gbs;
    t.latencyUs = latencyUs;
    t.energyPjPerBit = pj;
    return t;
}

} // namespace

class TestCostTiers : public QObject {
    Q_OBJECT
private slots:
    void ownedDevices();
    void cloudDevices();
    void serversAndEdge();
    void perToken();
    void loadOrRecompute();
    void deviceMemoryIsTheDevicesOwn();
    void evaluateSmallPlan();
    void evaluateReportsProblems();
    void modelTooLargeForOnePoolIsRoutedAround();
};

void TestCostTiers::ownedDevices()
{
    const Accelerator d = toy::gpu();
    CostInputs in;
    in.amortisationYears = 4;
    in.electricityUsdPerKwh = 0.1;
    in.pue = 1.5;
    const PoolCost c = devicesCost(d, 8, in);
    // $80,000 over 4 · 8766 h = $2.2816/h; 8 kW · 1.5 · $0.1 = $1.20/h.
    QNEAR(c.capexUsd, 80000.0);
    QNEAR(c.capexUsdPerHour, 80000 / (4 * 8766.0));
    QNEAR(c.itPowerW, 8000.0);
    QNEAR(c.facilityPowerW, 12000.0);
    QNEAR(c.energyUsdPerHour, 1.2);
    QNEAR(c.usdPerHour, 80000 / (4 * 8766.0) + 1.2);
    QVERIFY(!c.cloud);
}

void TestCostTiers::cloudDevices()
{
    const Accelerator d = toy::gpu();
    CostInputs in;
    in.useCloudPrices = true;
    const PoolCost c = devicesCost(d, 8, in);
    QVERIFY(c.cloud);
    QNEAR(c.usdPerHour, 16.0);  // 8 × $2/h
    Accelerator noPrice = d;
    noPrice.cloudUsdPerHour = 0;  // no public price: fall back to owning it
    QVERIFY(!devicesCost(noPrice, 8, in).cloud);
}

void TestCostTiers::serversAndEdge()
{
    const Accelerator d = toy::gpu();
    ServerSpec s;
    s.id = "toy-server";
    s.acceleratorId = d.id;
    s.acceleratorsPerNode = 8;
    s.powerW = 10000;
    s.priceUsd = 300000;
    CostInputs in;  // 4 years, $0.08/kWh, PUE 1.3
    const PoolCost c = serversCost(s, &d, 2, in);
    // 2 × $300k / (4 · 8766 h) = $17.11/h; 20 kW · 1.3 · $0.08 = $2.08/h.
    QNEAR(c.usdPerHour, 600000 / (4 * 8766.0) + 2.08);
    // Edge: 1000 devices of 1 kW, no PUE.
    const PoolCost e = edgeCost(d, 1000, in);
    QNEAR(e.facilityPowerW, 1e6);
    QNEAR(e.energyUsdPerHour, 80.0);
}

void TestCostTiers::perToken()
{
    // $36/h at 10,000 tokens/s = $36 / 36 M tokens = $1 per million.
    QNEAR(usdPerMillionTokens(36, 10000), 1.0);
    QNEAR(joulesPerToken(700, 1400), 0.5);
    QCOMPARE(usdPerMillionTokens(36, 0), 0.0);
}

void TestCostTiers::loadOrRecompute()
{
    const Accelerator d = toy::gpu();
    DeviceSetup s;
    s.device = &d;
    const MemoryTierSpec fast = tier("host", TierKind::HostDram, 10, 10, 20);
    const MemoryTierSpec slow = tier("remote", TierKind::Remote, 1, 100, 60);
    const std::vector<TierCapacity> tiers{{&fast, 8192e6}, {&slow, 0}};
    const std::vector<TierChoice> c = kvTierChoices(toy::dense(), s, tiers, 1000);
    QCOMPARE(c.size(), std::size_t(2));
    // 1000 tokens · 8192 B = 8,192,000 B of KV. From 10 GB/s: 0.8192 ms + 10 µs = 0.8292 ms, cheaper
    // than recomputing (1.43 ms of prefill + overheads).
    QNEAR(c[0].prefixBytes, 8192000.0);
    QNEAR(c[0].loadS, 8192000 / 10e9 + 10e-6);
    QVERIFY(!c[0].recompute);
    QNEAR(c[0].chosenS, c[0].loadS);
    QCOMPARE(c[0].kvTokens, 1000000LL);  // 8192 MB / 8192 B
    // Energy: 8,192,000 B · 8 bit · 20 pJ = 1.31 mJ.
    QNEAR(c[0].loadEnergyJ, 8192000 * 8 * 20e-12);
    // From 1 GB/s: 8.19 ms + 0.1 ms; recomputing is cheaper.
    QNEAR(c[1].loadS, 8192000 / 1e9 + 100e-6);
    QVERIFY(c[1].recompute);
    QNEAR(c[1].chosenS, c[1].recomputeS);
    QNEAR(moveEnergyJ(1, 0.1), 0.8e-12);
}

namespace {

Catalog toyCatalog()
{
    Catalog c;
    c.accelerators = {toy::gpu()};
    ServerSpec s;
    s.id = "toy-server";
    s.kind = ServerKind::Server;
    s.unitHeight = 4;
    s.acceleratorId = "toy-gpu";
    s.acceleratorsPerNode = 8;
    s.powerW = 10000;
    s.priceUsd = 300000;
    s.hostDramGb = 1000;
    c.servers = {s};
    c.tiers = {tier("hbm3", TierKind::Hbm, 1000, 1, 4), tier("host-dram-ddr5", TierKind::HostDram, 50, 5, 20)};
    ModelSpec m;
    m.id = "toy-dense";
    m.arch = toy::dense();
    c.models = {m};
    return c;
}

Plan toyPlan()
{
    Plan p;
    p.racks = {Rack{1, "r1", 42, 15, Cooling::Air, 0, 0, 0}};
    p.items = {PlacedItem{2, "s1", "toy-server", 1, 1, 10}, PlacedItem{3, "s2", "toy-server", 1, 5, 10}};
    Pool pool;
    pool.id = 10;
    pool.name = "combined";
    pool.role = PoolRole::Combined;
    pool.tierIds = "host-dram-ddr5";
    p.pools = {pool};
    Workload w;
    w.id = 20;
    w.name = "chat";
    w.modelId = "toy-dense";
    w.inputMean = 1000;
    w.outputMean = 200;
    w.prefixReuse = 0.5;
    w.ttftSloMs = 500;
    w.tpotSloMs = 50;
    p.workloads = {w};
    return p;
}

} // namespace

// The device's memory rung takes latency, energy and price from the catalogue tier of its memory type
// and the bandwidth, with its source, from the device: an H200 reads HBM3E at 4.8 TB/s, not at the
// H100's 3.35 TB/s that the first HBM entry carries.
void TestCostTiers::deviceMemoryIsTheDevicesOwn()
{
    Catalog catalog;
    catalog.tiers = {tier("hbm3", TierKind::Hbm, 3350, 0.6, 3.4), tier("hbm3e", TierKind::Hbm, 4800, 0.7, 3.5),
                     tier("gddr7", TierKind::Gddr, 1792, 0.5, 7)};
    Accelerator h200;
    h200.memoryType = "HBM3e";
    h200.memoryBandwidthTBs = 4.8;
    h200.provenance["memory_bandwidth_tbs"] = Provenance{"h200 datasheet", false, {}};
    MemoryTierSpec t = deviceMemoryTier(catalog, h200);
    QCOMPARE(t.id, std::string("hbm3e"));
    QNEAR(t.bandwidthGBs, 4800.0);
    QNEAR(t.latencyUs, 0.7);
    QCOMPARE(t.provenance.at("bandwidth_gbs").source, std::string("h200 datasheet"));

    Accelerator mi300x;
    mi300x.memoryType = "HBM3";
    mi300x.memoryBandwidthTBs = 5.3;
    t = deviceMemoryTier(catalog, mi300x);
    QCOMPARE(t.id, std::string("hbm3"));
    QNEAR(t.bandwidthGBs, 5300.0);
    QVERIFY(!t.provenance.count("bandwidth_gbs"));

    // No tier of that exact type: the first of its kind lends its latency and energy.
    Accelerator hbm4;
    hbm4.memoryType = "HBM4";
    hbm4.memoryBandwidthTBs = 13;
    t = deviceMemoryTier(catalog, hbm4);
    QCOMPARE(t.id, std::string("hbm3"));
    QNEAR(t.bandwidthGBs, 13000.0);
    QNEAR(t.energyPjPerBit, 3.4);
}

void TestCostTiers::evaluateSmallPlan()
{
    const Catalog c = toyCatalog();
    const Plan p = toyPlan();
    const Evaluation ev = evaluate(p, c);
    QCOMPARE(ev.pools.size(), std::size_t(1));
    const PoolEvaluation &pe = ev.pools[0];
    QCOMPARE(pe.servers, 2);
    QCOMPARE(pe.devices, 16);  // 2 servers × 8 accelerators
    QNEAR(pe.cost.usdPerHour, 600000 / (4 * 8766.0) + 20 * 1.3 * 0.08);
    QCOMPARE(pe.tiers.size(), std::size_t(1));
    QNEAR(pe.tiers[0].capacityBytes, 2000e9);  // 2 servers × 1000 GB host DRAM
    QCOMPARE(pe.setup.tp, 1);                  // the toy model fits one device: 16 replicas
    QCOMPARE(ev.workloads.size(), std::size_t(1));
    const WorkloadEvaluation &we = ev.workloads[0];
    QCOMPARE(we.pools.size(), std::size_t(1));
    const WorkloadOnPool &wp = we.pools[0];
    QVERIFY(wp.fits);
    QCOMPARE(wp.estimate.replicas, 16);
    QVERIFY(wp.capacity.meetsSlo);
    QVERIFY(wp.capacity.tpotS <= 0.05 && wp.capacity.ttftS <= 0.5);
    QVERIFY(wp.usdPerMillionOutput > 0);
    QCOMPARE(wp.prefixTiers.size(), std::size_t(2));  // device memory, then host DRAM
    QCOMPARE(ev.racks.size(), std::size_t(1));
    QNEAR(ev.racks[0].powerKw, 20.0);
    QCOMPARE(ev.racks[0].unitsUsed, 8);
    // 20 kW in a 15 kW rack.
    QVERIFY(std::any_of(ev.issues.begin(), ev.issues.end(),
                        [](const EvaluationIssue &i) { return i.code == EvaluationIssueCode::RackOverPower && near(i.value, 20.0); }));
}

void TestCostTiers::evaluateReportsProblems()
{
    const Catalog c = toyCatalog();
    Plan p = toyPlan();
    p.workloads[0].modelId = "no-such-model";
    p.items.push_back(PlacedItem{4, "ghost", "no-such-server", 1, 9, 10});
    p.pools[0].tierIds = "host-dram-ddr5, no-such-tier";
    const Evaluation ev = evaluate(p, c);
    auto has = [&](EvaluationIssueCode code, const std::string &text) {
        return std::any_of(ev.issues.begin(), ev.issues.end(),
                           [&](const EvaluationIssue &i) { return i.code == code && i.text == text; });
    };
    QVERIFY(has(EvaluationIssueCode::UnknownModel, "no-such-model"));
    QVERIFY(has(EvaluationIssueCode::UnknownServer, "no-such-server"));
    QVERIFY(has(EvaluationIssueCode::UnknownTier, "no-such-tier"));
    // A layout the model cannot run (four pipeline stages for a two-layer model) is reported, not thrown.
    Plan bad = toyPlan();
    bad.pools[0].tp = 3;
    bad.pools[0].pp = 4;
    const Evaluation ev2 = evaluate(bad, c);
    QVERIFY(std::any_of(ev2.issues.begin(), ev2.issues.end(),
                        [](const EvaluationIssue &i) { return i.code == EvaluationIssueCode::InvalidLayout; }));
}

void TestCostTiers::modelTooLargeForOnePoolIsRoutedAround()
{
    // Workload 1 (large) fits pool 10 only; workload 2 (small) fits both 10 and 20.
    Evaluation ev;
    const auto on = [](int pool, bool fits) {
        WorkloadOnPool p;
        p.poolId = pool;
        p.fits = fits;
        return p;
    };
    WorkloadEvaluation large, small;
    large.workloadId = 1;
    large.pools = {on(10, true), on(20, false)};
    small.workloadId = 2;
    small.pools = {on(10, true), on(20, true)};
    ev.workloads = {large, small};
    const EvaluationIssue tooLarge{EvaluationIssueCode::ModelDoesNotFit, 20, 1, 0, 8, "big"};
    QVERIFY(isRoutedAround(tooLarge, ev));
    // The same fact is a problem when the workload fits nowhere else...
    Evaluation nowhere = ev;
    nowhere.workloads[0].pools[0].fits = false;
    QVERIFY(!isRoutedAround(tooLarge, nowhere));
    // ...or when the pool holds no other workload.
    Evaluation idle = ev;
    idle.workloads[1].pools[1].fits = false;
    QVERIFY(!isRoutedAround(tooLarge, idle));
    // Other issues are always problems.
    const EvaluationIssue layout{EvaluationIssueCode::InvalidLayout, 20, 1, 0, 0, "tp"};
    QVERIFY(!isRoutedAround(layout, ev));
}

QTEST_APPLESS_MAIN(TestCostTiers)
#include "test_costtiers.moc"
