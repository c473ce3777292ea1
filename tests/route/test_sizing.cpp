// Sizing: a hand-computed mix of a prefill part and a decode part against homogeneous pools,
// integer rounding, the KV transfer's effect on TTFT, the MIP against enumeration of device counts
// (each count checked by the router's LP), and the builder on the real catalogue.

#include <cmath>
#include <random>

#include <QtTest>

#include "core/route/router.h"
#include "core/route/sizing.h"
#include "core/util/error.h"

using namespace tokenroute;

namespace {

RouteOffer offer(double prefillWork, double decodeWork, double ttft, double tpot)
{
    RouteOffer o;
    o.fits = o.canPrefill = o.canDecode = o.canCombined = true;
    o.prefillWork = prefillWork;
    o.decodeWork = decodeWork;
    o.combinedWork = prefillWork + decodeWork;
    o.ttftMs = ttft;
    o.tpotMs = tpot;
    o.combinedTtftMs = ttft;
    o.combinedTpotMs = tpot;
    o.kvCapacityBytes = 1e12;
    return o;
}

SizingDevice device(const char *id, double usd, std::vector<RouteOffer> offers, bool gpu = true)
{
    SizingDevice d;
    d.id = id;
    d.name = id;
    d.usdPerDeviceHour = usd;
    d.homogeneousCandidate = gpu;
    d.offers = std::move(offers);
    return d;
}

RouteWorkload workload(const char *name, double rate, double ttftSlo = 0, double tpotSlo = 0)
{
    RouteWorkload w;
    w.id = 1;
    w.name = name;
    w.ratePerS = rate;
    w.inputTokens = 1000;
    w.outputTokens = 100;
    w.ttftSloMs = ttftSlo;
    w.tpotSloMs = tpotSlo;
    w.kvTransferBytes = 1e8;
    return w;
}

const SizedPool *poolOf(const SizingSolution &s, const std::string &id)
{
    for (const SizedPool &p : s.pools)
        if (p.deviceId == id)
            return &p;
    return nullptr;
}

// The cheapest device counts (0..limit each) at which the router serves all demand.
double enumerateCheapest(const SizingProblem &sp, int limit)
{
    double best = -1;
    const int n = static_cast<int>(sp.devices.size());
    std::vector<int> k(n, 0);
    while (true) {
        RouteProblem rp;
        rp.workloads = sp.workloads;
        double cost = 0;
        for (int t = 0; t < n; ++t) {
            RoutePool p;
            p.id = t + 1;
            p.name = sp.devices[t].id;
            p.role = PoolRole::Combined;
            p.devices = k[t] * sp.devices[t].replicaDevices;
            p.usdPerHour = p.devices * sp.devices[t].usdPerDeviceHour;
            // Pool-wide KV capacity from the per-device figure.
            for (RouteOffer o : sp.devices[t].offers) {
                o.kvCapacityBytes *= p.devices;
                p.offers.push_back(o);
            }
            cost += p.usdPerHour;
            rp.pools.push_back(p);
        }
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b)
                if (a != b) {
                    RoutePath path;
                    path.fromPool = a + 1;
                    path.toPool = b + 1;
                    path.reachable = true;
                    path.bandwidthBytesPerS = sp.transferBandwidthBytesPerS;
                    path.latencyMs = sp.transferLatencyMs;
                    rp.paths.push_back(path);
                }
        RoutingResult r = route(rp, RoutePolicy::Cost);
        if (r.solved && r.unservedTotal < 1e-9 && (best < 0 || cost < best))
            best = cost;
        int i = 0;
        while (i < n && ++k[i] > limit)
            k[i++] = 0;
        if (i == n)
            break;
    }
    return best;
}

} // namespace

class TestSizing : public QObject {
    Q_OBJECT

private slots:
    void disaggregatedMixBeatsHomogeneous();
    void countsAreWholeReplicas();
    void transferCanBreakTheTtftSlo();
    void kvMemoryCanSetTheCount();
    void unservableWorkloadIsAFinding();
    void matchesEnumeration();
    void buildsFromTheCatalogue();
};

// A: $1/device-hour, prefill 0.1 device-s per request, decode 1.0. B: $2, prefill 0.3, decode 0.2.
// 10 req/s: A prefill (1 device) + B decode (2 devices) = $5/h; homogeneous B = 5 devices = $10/h.
void TestSizing::disaggregatedMixBeatsHomogeneous()
{
    SizingProblem sp;
    sp.workloads = {workload("chat", 10)};
    sp.devices = {device("a", 1, {offer(0.1, 1.0, 100, 10)}), device("b", 2, {offer(0.3, 0.2, 100, 10)})};
    SizingResult r = size(sp);
    QVERIFY(r.mixed.solved);
    QCOMPARE(r.mixed.usdPerHour, 5.0);
    QCOMPARE(r.mixed.devices, 3);
    const SizedPool *a = poolOf(r.mixed, "a");
    const SizedPool *b = poolOf(r.mixed, "b");
    QVERIFY(a && b);
    QVERIFY(a->role == PoolRole::Prefill);
    QVERIFY(b->role == PoolRole::Decode);
    QCOMPARE(a->devices, 1);
    QCOMPARE(b->devices, 2);
    QCOMPARE(r.homogeneous.size(), size_t(2));
    QCOMPARE(r.homogeneous[r.bestHomogeneous].label, std::string("homogeneous b"));
    QCOMPARE(r.homogeneous[r.bestHomogeneous].usdPerHour, 10.0);
    QCOMPARE(r.savingUsdPerHour, 5.0);
    QCOMPARE(r.savingFraction, 0.5);
    // $5/h over 10 req/s × 1100 tokens.
    QVERIFY(std::fabs(r.mixed.usdPerMillionTokens - 5.0 / (11000 * 3600.0) * 1e6) < 1e-12);
}

// 10 req/s × 0.15 device-s = 1.5 devices of prefill; replicas of 2 devices → 2 devices.
void TestSizing::countsAreWholeReplicas()
{
    SizingProblem sp;
    sp.workloads = {workload("chat", 10)};
    SizingDevice a = device("a", 1, {offer(0.15, 0.05, 100, 10)});
    a.replicaDevices = 2;
    sp.devices = {a};
    SizingResult r = size(sp);
    QCOMPARE(r.mixed.devices, 2);
    QCOMPARE(r.mixed.pools[0].replicas, 1);
    QCOMPARE(r.mixed.pools[0].utilisation, 1.0);
    a.replicaDevices = 1;
    sp.devices = {a};
    sp.workloads[0].ratePerS = 11;   // 2.2 device-seconds per second → 3 devices
    QCOMPARE(size(sp).mixed.devices, 3);
}

// The mix needs a KV transfer (100 MB at 50 GB/s = 2 ms); with a TTFT SLO of 101 ms and a prefill
// TTFT of 100 ms only the colocated routes remain.
void TestSizing::transferCanBreakTheTtftSlo()
{
    SizingProblem sp;
    sp.workloads = {workload("chat", 10, 101, 0)};
    sp.devices = {device("a", 1, {offer(0.1, 1.0, 100, 10)}), device("b", 2, {offer(0.3, 0.2, 100, 10)})};
    SizingResult r = size(sp);
    QCOMPARE(r.mixed.usdPerHour, 10.0);
    for (const SizedRoute &route : r.mixed.routes)
        QVERIFY(route.colocated);
    sp.workloads[0].ttftSloMs = 103;
    QCOMPARE(size(sp).mixed.usdPerHour, 5.0);
}

// Each request holds 10 GB·s of KV and a device has 20 GB: 10 req/s needs 5 devices although
// device time alone would need 1.
void TestSizing::kvMemoryCanSetTheCount()
{
    SizingProblem sp;
    sp.workloads = {workload("long", 10)};
    RouteOffer o = offer(0.05, 0.05, 100, 10);
    o.combinedKvByteSeconds = 10e9;
    o.kvCapacityBytes = 20e9;
    o.canPrefill = o.canDecode = false;
    sp.devices = {device("a", 1, {o})};
    SizingResult r = size(sp);
    QCOMPARE(r.mixed.devices, 5);
    QVERIFY(std::fabs(r.mixed.pools[0].kvUtilisation - 1.0) < 1e-9);
}

void TestSizing::unservableWorkloadIsAFinding()
{
    SizingProblem sp;
    sp.workloads = {workload("strict", 1, 0, 5)};
    sp.devices = {device("a", 1, {offer(0.1, 0.1, 100, 10)})};
    SizingResult r = size(sp);
    QCOMPARE(r.mixed.unservedTotal, 1.0);
    QCOMPARE(r.mixed.devices, 0);
    QCOMPARE(r.findings.size(), size_t(1));
    QVERIFY(r.findings[0].code == FindingCode::NoRouteMeetsSlo);
}

// Random two-type instances: the MIP's cost equals the cheapest enumerated device counts that
// serve everything (each count's feasibility decided by the router's LP).
void TestSizing::matchesEnumeration()
{
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> U(0, 1);
    int compared = 0;
    for (int attempt = 0; attempt < 200 && compared < 30; ++attempt) {
        SizingProblem sp;
        const int nw = 1 + static_cast<int>(U(rng) * 2);
        for (int w = 0; w < nw; ++w) {
            RouteWorkload wl = workload("w", 1 + U(rng) * 6, U(rng) < 0.5 ? 300 : 0, U(rng) < 0.5 ? 40 : 0);
            wl.id = w + 1;
            wl.name = "w" + std::to_string(w + 1);
            sp.workloads.push_back(wl);
        }
        for (int t = 0; t < 2; ++t) {
            std::vector<RouteOffer> offers;
            for (int w = 0; w < nw; ++w) {
                RouteOffer o = offer(0.05 + U(rng) * 0.5, 0.05 + U(rng) * 0.8, 100 + U(rng) * 300, 10 + U(rng) * 50);
                o.prefillKvByteSeconds = U(rng) * 2e9;
                o.decodeKvByteSeconds = U(rng) * 2e10;
                o.combinedKvByteSeconds = o.prefillKvByteSeconds + o.decodeKvByteSeconds;
                o.kvCapacityBytes = 2e10 + U(rng) * 6e10;
                offers.push_back(o);
            }
            SizingDevice d = device(t == 0 ? "x" : "y", 1 + U(rng) * 4, offers);
            d.replicaDevices = 1 + static_cast<int>(U(rng) * 2);
            sp.devices.push_back(d);
        }
        const double brute = enumerateCheapest(sp, 12);
        if (brute < 0)
            continue;   // needs more than 12 replicas of a type: outside the enumeration
        SizingResult r = size(sp);
        QVERIFY(r.mixed.solved);
        QCOMPARE(r.mixed.unservedTotal, 0.0);
        // Within the MIP's relative gap.
        QVERIFY2(std::fabs(r.mixed.usdPerHour - brute) <= 1e-4 * brute + 1e-9,
                 qPrintable(QStringLiteral("instance %1: MIP %2, enumeration %3")
                                .arg(compared)
                                .arg(r.mixed.usdPerHour)
                                .arg(brute)));
        ++compared;
    }
    QVERIFY(compared >= 20);
}

void TestSizing::buildsFromTheCatalogue()
{
    Catalog catalog;
    try {
        catalog = loadCatalog(std::string(TOKENROUTE_DATA_DIR) + "/catalog");
    } catch (const InputError &e) {
        QSKIP(e.what());
    }
    Plan plan;
    Workload w;
    w.id = 1;
    w.name = "chat";
    w.modelId = "llama-3.1-8b";
    w.ratePerS = 20;
    w.inputMean = 1000;
    w.outputMean = 200;
    w.ttftSloMs = 1000;
    w.tpotSloMs = 50;
    plan.workloads = {w};
    SizingProblem sp = buildSizingProblem(plan, catalog, {"h100-sxm", "h200"});
    QCOMPARE(sp.devices.size(), size_t(2));
    QVERIFY(sp.devices[0].usdPerDeviceHour > 0);
    QVERIFY(sp.devices[0].offers[0].fits);
    QVERIFY(sp.workloads[0].kvTransferBytes > 0);
    SizingResult r = size(sp);
    QVERIFY(r.mixed.solved);
    QCOMPARE(r.mixed.unservedTotal, 0.0);
    QVERIFY(r.mixed.devices > 0);
    QVERIFY(r.bestHomogeneous >= 0);
    // Free choice can never cost more than either homogeneous pool.
    for (const SizingSolution &h : r.homogeneous)
        QVERIFY(r.mixed.usdPerHour <= h.usdPerHour * (1 + 1e-4) + 1e-9);
    QVERIFY_THROWS_EXCEPTION(InputError, buildSizingProblem(plan, catalog, {"warp-core"}));
}

QTEST_APPLESS_MAIN(TestSizing)
#include "test_sizing.moc"
