// The router against hand-made problems (bindings, duals, infeasible demand, policies) and against
// an independent brute-force solver on random small instances: every vertex of the feasible
// polytope is enumerated and the best objective compared with GLPK's.

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <QtTest>

#include "core/plan/planio.h"
#include "core/route/reasons.h"
#include "core/route/routebuilder.h"
#include "core/route/router.h"
#include "core/util/error.h"

using namespace tokenroute;

namespace {

RouteOffer combinedOffer(double work, double ttft, double tpot, double kvBs = 0, double kvCap = 1e12)
{
    RouteOffer o;
    o.fits = true;
    o.canCombined = true;
    o.combinedWork = work;
    o.combinedTtftMs = ttft;
    o.combinedTpotMs = tpot;
    o.combinedKvByteSeconds = kvBs;
    o.kvCapacityBytes = kvCap;
    return o;
}

RouteOffer prefillOffer(double work, double ttft, double kvBs = 0, double kvCap = 1e12)
{
    RouteOffer o;
    o.fits = true;
    o.canPrefill = true;
    o.prefillWork = work;
    o.ttftMs = ttft;
    o.prefillKvByteSeconds = kvBs;
    o.kvCapacityBytes = kvCap;
    return o;
}

RouteOffer decodeOffer(double work, double tpot, double kvBs = 0, double kvCap = 1e12)
{
    RouteOffer o;
    o.fits = true;
    o.canDecode = true;
    o.decodeWork = work;
    o.tpotMs = tpot;
    o.decodeKvByteSeconds = kvBs;
    o.kvCapacityBytes = kvCap;
    return o;
}

RoutePool makePool(int id, const char *name, PoolRole role, double devices, double usdPerHour)
{
    RoutePool p;
    p.id = id;
    p.name = name;
    p.role = role;
    p.devices = devices;
    p.usdPerHour = usdPerHour;
    return p;
}

RouteWorkload makeWorkload(int id, const char *name, double rate, double ttftSlo, double tpotSlo)
{
    RouteWorkload w;
    w.id = id;
    w.name = name;
    w.ratePerS = rate;
    w.inputTokens = 1000;
    w.outputTokens = 200;
    w.ttftSloMs = ttftSlo;
    w.tpotSloMs = tpotSlo;
    w.kvTransferBytes = 1e8;
    return w;
}

void addPath(RouteProblem &p, int from, int to, int linkId, double bw, double latencyMs)
{
    RoutePath path;
    path.fromPool = from;
    path.toPool = to;
    path.reachable = true;
    path.bandwidthBytesPerS = bw;
    path.latencyMs = latencyMs;
    path.links.push_back({linkId, true});
    p.paths.push_back(path);
}

// ---- brute force ---------------------------------------------------------------------------
// Written from the problem's raw numbers, not from the router's candidate list, so that a wrong
// route enumeration or a wrong coefficient in the router shows up as a different optimum.

struct BruteColumn {
    int w;
    int prefill, decode;            // pool indices
    bool colocated;
    double cost;                    // objective per request/s, penalty already subtracted
    double ttft, tpot, usd;
};

bool meets(double v, double slo) { return slo <= 0 || v <= slo * (1 + 1e-9); }

std::vector<BruteColumn> bruteColumns(const RouteProblem &pr, RoutePolicy policy)
{
    std::vector<BruteColumn> cols;
    for (int w = 0; w < static_cast<int>(pr.workloads.size()); ++w) {
        const RouteWorkload &wl = pr.workloads[w];
        double penaltyCost = pr.unservedUsdPerMTok * wl.tokensPerRequest() / 1e6 * 3600;
        double penaltyLatency = wl.latencyWeight * 2000;
        auto add = [&](int i, int j, bool colo, double usdPerReqS, double ttft, double tpot) {
            if (!meets(ttft, wl.ttftSloMs) || !meets(tpot, wl.tpotSloMs))
                return;
            double cost = usdPerReqS - penaltyCost;
            if (policy == RoutePolicy::Latency)
                cost = wl.latencyWeight * (ttft / (wl.ttftSloMs > 0 ? wl.ttftSloMs : 1000) +
                                           tpot / (wl.tpotSloMs > 0 ? wl.tpotSloMs : 100)) +
                       1e-6 * usdPerReqS - penaltyLatency;
            cols.push_back({w, i, j, colo, cost, ttft, tpot, usdPerReqS});
        };
        for (int i = 0; i < static_cast<int>(pr.pools.size()); ++i) {
            const RoutePool &p = pr.pools[i];
            const RouteOffer &o = p.offers[w];
            double pc = p.usdPerHour / p.devices;
            if (o.fits && o.canCombined)
                add(i, i, true, pc * o.combinedWork, o.combinedTtftMs, o.combinedTpotMs);
            for (int j = 0; j < static_cast<int>(pr.pools.size()); ++j) {
                const RoutePool &q = pr.pools[j];
                const RouteOffer &d = q.offers[w];
                if (i == j || !o.fits || !o.canPrefill || !d.fits || !d.canDecode)
                    continue;
                const RoutePath *path = pr.path(p.id, q.id);
                if (!path)
                    continue;
                double transfer = path->latencyMs + wl.kvTransferBytes / path->bandwidthBytesPerS * 1e3;
                add(i, j, false, pc * o.prefillWork + q.usdPerHour / q.devices * d.decodeWork, o.ttftMs + transfer,
                    d.tpotMs);
            }
        }
    }
    return cols;
}

// Minimum of c·x over {A x ≤ b, x ≥ 0} by enumerating every vertex (n tight constraints).
double bruteMinimum(const std::vector<std::vector<double>> &A, const std::vector<double> &b,
                    const std::vector<double> &c)
{
    const int n = static_cast<int>(c.size());
    const int m = static_cast<int>(A.size());
    // All constraints as rows g·x ≤ h, the bounds x ≥ 0 as −x_i ≤ 0.
    std::vector<std::vector<double>> G = A;
    std::vector<double> h = b;
    for (int i = 0; i < n; ++i) {
        std::vector<double> row(n, 0);
        row[i] = -1;
        G.push_back(row);
        h.push_back(0);
    }
    const int total = m + n;
    double best = 0;   // x = 0 is always feasible here (b ≥ 0)
    std::vector<int> pick(n);
    for (int i = 0; i < n; ++i)
        pick[i] = i;
    if (n == 0)
        return 0;
    while (true) {
        // Solve G[pick] x = h[pick] by Gaussian elimination with partial pivoting.
        std::vector<std::vector<double>> M(n, std::vector<double>(n + 1));
        for (int r = 0; r < n; ++r) {
            for (int k = 0; k < n; ++k)
                M[r][k] = G[pick[r]][k];
            M[r][n] = h[pick[r]];
        }
        bool singular = false;
        for (int col = 0; col < n && !singular; ++col) {
            int piv = col;
            for (int r = col + 1; r < n; ++r)
                if (std::fabs(M[r][col]) > std::fabs(M[piv][col]))
                    piv = r;
            if (std::fabs(M[piv][col]) < 1e-12) {
                singular = true;
                break;
            }
            std::swap(M[piv], M[col]);
            for (int r = 0; r < n; ++r) {
                if (r == col)
                    continue;
                double f = M[r][col] / M[col][col];
                for (int k = col; k <= n; ++k)
                    M[r][k] -= f * M[col][k];
            }
        }
        if (!singular) {
            std::vector<double> x(n);
            for (int i = 0; i < n; ++i)
                x[i] = M[i][n] / M[i][i];
            bool feasible = true;
            for (int r = 0; r < total && feasible; ++r) {
                double s = 0;
                for (int k = 0; k < n; ++k)
                    s += G[r][k] * x[k];
                feasible = s <= h[r] + 1e-7 * (1 + std::fabs(h[r]));
            }
            if (feasible) {
                double v = 0;
                for (int k = 0; k < n; ++k)
                    v += c[k] * x[k];
                best = std::min(best, v);
            }
        }
        // Next combination of n out of total.
        int i = n - 1;
        while (i >= 0 && pick[i] == total - n + i)
            --i;
        if (i < 0)
            break;
        ++pick[i];
        for (int k = i + 1; k < n; ++k)
            pick[k] = pick[k - 1] + 1;
    }
    return best;
}

// The router's LP, rewritten with the unserved slack eliminated: objective
// Σ penalty·rate + Σ (c − penalty)·x, subject to Σx ≤ rate, pool device time, pool KV share,
// link bandwidth per direction and (latency policy) the cost cap.
double bruteOptimum(const RouteProblem &pr, RoutePolicy policy, int *columns = nullptr)
{
    std::vector<BruteColumn> cols = bruteColumns(pr, policy);
    const int n = static_cast<int>(cols.size());
    if (columns)
        *columns = n;
    std::vector<std::vector<double>> A;
    std::vector<double> b;
    auto row = [&](auto &&coef, double rhs) {
        std::vector<double> r(n);
        bool any = false;
        for (int k = 0; k < n; ++k) {
            r[k] = coef(cols[k]);
            any = any || r[k] != 0;
        }
        if (any) {
            A.push_back(r);
            b.push_back(rhs);
        }
    };
    double constant = 0;
    for (int w = 0; w < static_cast<int>(pr.workloads.size()); ++w) {
        const RouteWorkload &wl = pr.workloads[w];
        constant += wl.ratePerS * (policy == RoutePolicy::Latency ? wl.latencyWeight * 2000
                                                                  : pr.unservedUsdPerMTok * wl.tokensPerRequest() / 1e6 * 3600);
        row([&](const BruteColumn &c) { return c.w == w ? 1.0 : 0.0; }, wl.ratePerS);
    }
    for (int i = 0; i < static_cast<int>(pr.pools.size()); ++i) {
        const RoutePool &p = pr.pools[i];
        row(
            [&](const BruteColumn &c) {
                const RouteOffer &o = p.offers[c.w];
                if (c.colocated)
                    return c.prefill == i ? o.combinedWork : 0.0;
                return (c.prefill == i ? o.prefillWork : 0.0) + (c.decode == i ? o.decodeWork : 0.0);
            },
            p.devices);
        row(
            [&](const BruteColumn &c) {
                const RouteOffer &o = p.offers[c.w];
                double bs = 0;
                if (c.colocated)
                    bs = c.prefill == i ? o.combinedKvByteSeconds : 0.0;
                else
                    bs = (c.prefill == i ? o.prefillKvByteSeconds : 0.0) + (c.decode == i ? o.decodeKvByteSeconds : 0.0);
                return bs / o.kvCapacityBytes;
            },
            1.0);
    }
    for (const RouteLink &l : pr.links)
        for (bool fwd : {true, false})
            row(
                [&](const BruteColumn &c) {
                    if (c.colocated)
                        return 0.0;
                    const RoutePath *path = pr.path(pr.pools[c.prefill].id, pr.pools[c.decode].id);
                    double s = 0;
                    for (const LinkUse &u : path->links)
                        if (u.linkId == l.id && u.forward == fwd)
                            s += pr.workloads[c.w].kvTransferBytes / 1e9;
                    return s;
                },
                l.bandwidthBytesPerS / 1e9);
    if (policy == RoutePolicy::Latency && pr.costCapUsdPerHour > 0)
        row([&](const BruteColumn &c) { return c.usd; }, pr.costCapUsdPerHour);
    std::vector<double> c(n);
    for (int k = 0; k < n; ++k)
        c[k] = cols[k].cost;
    return constant + bruteMinimum(A, b, c);
}

// A random small instance: 2–3 pools of random roles, 1–3 workloads, 0–2 links.
RouteProblem randomProblem(std::mt19937 &rng)
{
    std::uniform_real_distribution<double> U(0, 1);
    auto between = [&](double a, double b) { return a + (b - a) * U(rng); };
    RouteProblem pr;
    int np = 2 + static_cast<int>(U(rng) * 2);
    int nw = 1 + static_cast<int>(U(rng) * 3);
    int nl = static_cast<int>(U(rng) * 3);
    for (int l = 0; l < nl; ++l)
        pr.links.push_back({100 + l, "link" + std::to_string(l), between(0.5e9, 20e9), between(0.001, 0.05)});
    const PoolRole roles[] = {PoolRole::Prefill, PoolRole::Decode, PoolRole::Combined};
    for (int i = 0; i < np; ++i) {
        RoutePool p = makePool(i + 1, "", roles[static_cast<int>(U(rng) * 3)], std::round(between(1, 16)),
                               between(2, 100));
        p.name = "pool" + std::to_string(i + 1);
        pr.pools.push_back(p);
    }
    for (int w = 0; w < nw; ++w) {
        RouteWorkload wl = makeWorkload(w + 1, "w", between(0.5, 30), between(200, 3000), between(20, 150));
        wl.name = "w" + std::to_string(w + 1);
        wl.inputTokens = std::round(between(100, 8000));
        wl.outputTokens = std::round(between(20, 1000));
        wl.kvTransferBytes = between(1e6, 2e9);
        wl.latencyWeight = between(0.5, 2);
        pr.workloads.push_back(wl);
        for (RoutePool &p : pr.pools) {
            RouteOffer o;
            o.fits = U(rng) < 0.9;
            o.kvCapacityBytes = between(1e10, 5e11);
            bool prefill = p.role == PoolRole::Prefill || p.role == PoolRole::Combined;
            bool decode = p.role == PoolRole::Decode || p.role == PoolRole::Combined;
            o.canPrefill = prefill;
            o.prefillWork = between(0.01, 1.5);
            o.ttftMs = between(50, 2500);
            o.prefillKvByteSeconds = between(1e7, 5e9);
            o.canDecode = decode;
            o.decodeWork = between(0.05, 3);
            o.tpotMs = between(5, 160);
            o.decodeKvByteSeconds = between(1e8, 5e10);
            o.canCombined = p.role == PoolRole::Combined;
            o.combinedWork = o.prefillWork + o.decodeWork;
            o.combinedTtftMs = o.ttftMs * between(1, 1.5);
            o.combinedTpotMs = o.tpotMs * between(1, 1.3);
            o.combinedKvByteSeconds = o.prefillKvByteSeconds + o.decodeKvByteSeconds;
            p.offers.push_back(o);
        }
    }
    // Paths: between distinct pools, over a random subset of the links, sometimes none.
    for (const RoutePool &a : pr.pools)
        for (const RoutePool &b : pr.pools) {
            if (a.id == b.id || U(rng) < 0.15)
                continue;
            RoutePath path;
            path.fromPool = a.id;
            path.toPool = b.id;
            path.reachable = true;
            path.bandwidthBytesPerS = between(1e9, 50e9);
            path.latencyMs = between(0.001, 0.1);
            for (const RouteLink &l : pr.links)
                if (U(rng) < 0.6) {
                    path.links.push_back({l.id, U(rng) < 0.5});
                    path.bandwidthBytesPerS = std::min(path.bandwidthBytesPerS, l.bandwidthBytesPerS);
                }
            pr.paths.push_back(path);
        }
    pr.costCapUsdPerHour = U(rng) < 0.5 ? between(5, 200) : 0;
    return pr;
}

double tokensServed(const WorkloadRouting &w) { return w.demandPerS - w.unservedPerS; }

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void cheapestRouteWithinSlo();
    void capacityBindsAndDualPricesADevice();
    void infeasibleDemandIsReported();
    void noRouteMeetsSlo();
    void modelFitsNowhere();
    void unreachablePoolsAreFindings();
    void linkBandwidthBinds();
    void kvMemoryBinds();
    void latencyPolicyPrefersFastRoutes();
    void costCapLimitsLatencyPolicy();
    void rulesPolicySendsPrefillHeavyToComputeDense();
    void rulesAreRelaxedWhenNothingQualifies();
    void sharesSumToServedFraction();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void describeGivesSentences();
    void routesTheDemoPlan_data();
    void routesTheDemoPlan();
    void badPlanGivesFindingsNotAnEmptyTable();
};

// Two combined pools: the cheaper one meets the SLOs, a still cheaper one misses TPOT.
void TestRouter::cheapestRouteWithinSlo()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "chat", 2, 1000, 50));
    RoutePool fast = makePool(1, "fast", PoolRole::Combined, 8, 80);     // $10 per device-hour
    fast.offers.push_back(combinedOffer(1.0, 300, 30));
    RoutePool slow = makePool(2, "slow", PoolRole::Combined, 8, 16);     // $2 per device-hour
    slow.offers.push_back(combinedOffer(1.0, 300, 70));                  // misses the 50 ms TPOT
    RoutePool mid = makePool(3, "mid", PoolRole::Combined, 8, 40);       // $5 per device-hour
    mid.offers.push_back(combinedOffer(1.0, 400, 45));
    pr.pools = {fast, slow, mid};

    RoutingResult r = route(pr, RoutePolicy::Cost);
    QVERIFY(r.solved);
    QCOMPARE(r.workloads.size(), size_t(1));
    const WorkloadRouting &w = r.workloads[0];
    QCOMPARE(w.routes.size(), size_t(1));
    QCOMPARE(w.routes[0].prefillName, std::string("mid"));
    QCOMPARE(w.routes[0].share, 1.0);
    // $5/device-hour × 1 device-second per request / 3600 / 1200 tokens × 1e6.
    QVERIFY(std::fabs(w.routes[0].usdPerMillionTokens - 5.0 / 3600 / 1200 * 1e6) < 1e-9);
    QCOMPARE(w.routes[0].tpotMarginMs, 5.0);
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::Slo));
    QCOMPARE(w.binding.cheaperPrefill, std::string("slow"));
    QCOMPARE(w.binding.missedMs, 70.0);
    QVERIFY(w.alternative.exists);
    QCOMPARE(w.alternative.prefillPool, std::string("fast"));
    QVERIFY(w.alternative.meetsSlo);
    QVERIFY(std::fabs(w.alternative.deltaUsdPerMillionTokens - 5.0 / 3600 / 1200 * 1e6) < 1e-9);
    QCOMPARE(r.unservedTotal, 0.0);
    QVERIFY(std::fabs(r.usdPerHour - 2 * 5.0) < 1e-9);   // 2 req/s × 1 device-second × $5/device-hour
}

// The cheap pool is full; the rest goes to the dear one. One more cheap device moves 1/work req/s
// from dear to cheap: saves (dear $/req/s − cheap $/req/s) / cheap work per request.
void TestRouter::capacityBindsAndDualPricesADevice()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "chat", 10, 0, 0));
    RoutePool cheap = makePool(1, "cheap", PoolRole::Combined, 2, 4);    // $2 per device-hour
    cheap.offers.push_back(combinedOffer(0.5, 100, 10));                 // serves 4 req/s
    RoutePool dear = makePool(2, "dear", PoolRole::Combined, 10, 100);   // $10 per device-hour
    dear.offers.push_back(combinedOffer(0.8, 100, 10));
    pr.pools = {cheap, dear};

    RoutingResult r = route(pr, RoutePolicy::Cost);
    QVERIFY(r.solved);
    const WorkloadRouting &w = r.workloads[0];
    QCOMPARE(w.routes.size(), size_t(2));
    QVERIFY(std::fabs(w.routes[0].share - 0.6) < 1e-9);   // 6 req/s on dear
    QCOMPARE(w.routes[0].prefillName, std::string("dear"));
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::PoolCompute));
    QCOMPARE(w.binding.pool, std::string("cheap"));
    // Per extra cheap device: 2 req/s more on cheap, 2 fewer on dear: 2×(10×0.8) − 2×(2×0.5) = 14 $/h.
    QVERIFY2(std::fabs(w.binding.savesUsdPerHour - 14.0) < 1e-6, std::to_string(w.binding.savesUsdPerHour).c_str());
    QCOMPARE(w.binding.servesTokensPerS, 0.0);
    QVERIFY(std::fabs(r.pools[0].deviceUtilisation - 1.0) < 1e-9);
    QVERIFY(std::fabs(r.pools[1].deviceUtilisation - 0.48) < 1e-9);
}

void TestRouter::infeasibleDemandIsReported()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "flood", 100, 0, 0));
    RoutePool p = makePool(1, "small", PoolRole::Combined, 4, 8);
    p.offers.push_back(combinedOffer(0.1, 100, 10));   // 40 req/s at most
    pr.pools = {p};
    RoutingResult r = route(pr, RoutePolicy::Cost);
    QVERIFY(r.solved);
    const WorkloadRouting &w = r.workloads[0];
    QVERIFY(std::fabs(w.unservedFraction - 0.6) < 1e-9);
    QVERIFY(std::fabs(w.routes[0].share - 0.4) < 1e-9);
    QVERIFY(std::fabs(r.unservedTotal - 0.6) < 1e-9);
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::PoolCompute));
    // One more device serves 10 req/s × 1200 tokens = 12000 tokens/s (minus nothing: device cost is
    // tiny against the penalty, so the estimate is within a fraction of a per cent).
    QVERIFY2(std::fabs(w.binding.servesTokensPerS - 12000) / 12000 < 1e-3,
             std::to_string(w.binding.servesTokensPerS).c_str());
    bool found = std::any_of(r.findings.begin(), r.findings.end(),
                             [](const Finding &f) { return f.code == FindingCode::DemandUnserved && f.value > 59; });
    QVERIFY(found);
}

void TestRouter::noRouteMeetsSlo()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "strict", 1, 100, 5));
    RoutePool p = makePool(1, "gpu", PoolRole::Combined, 8, 80);
    p.offers.push_back(combinedOffer(0.1, 250, 20));
    pr.pools = {p};
    RoutingResult r = route(pr, RoutePolicy::Cost);
    const WorkloadRouting &w = r.workloads[0];
    QCOMPARE(w.unservedFraction, 1.0);
    QVERIFY(w.routes.empty());
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::NoRoute));
    auto it = std::find_if(r.findings.begin(), r.findings.end(),
                           [](const Finding &f) { return f.code == FindingCode::NoRouteMeetsSlo; });
    QVERIFY(it != r.findings.end());
    QCOMPARE(it->text, std::string("tpot"));   // 20/5 is further over than 250/100
    QCOMPARE(it->value, 20.0);
    QVERIFY(w.alternative.exists);
    QVERIFY(!w.alternative.meetsSlo);
}

void TestRouter::modelFitsNowhere()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "huge", 1, 0, 0));
    RoutePool p = makePool(1, "edge", PoolRole::Combined, 8, 80);
    RouteOffer o = combinedOffer(0.1, 100, 10);
    o.fits = false;
    p.offers.push_back(o);
    pr.pools = {p};
    RoutingResult r = route(pr, RoutePolicy::Cost);
    QCOMPARE(r.workloads[0].unservedFraction, 1.0);
    QVERIFY(std::any_of(r.findings.begin(), r.findings.end(),
                        [](const Finding &f) { return f.code == FindingCode::ModelFitsNowhere && f.workload == "huge"; }));
}

void TestRouter::unreachablePoolsAreFindings()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "w", 1, 0, 0));
    RoutePool pf = makePool(1, "prefill", PoolRole::Prefill, 4, 40);
    pf.offers.push_back(prefillOffer(0.1, 100));
    RoutePool dc = makePool(2, "decode", PoolRole::Decode, 4, 40);
    dc.offers.push_back(decodeOffer(0.1, 10));
    pr.pools = {pf, dc};
    RoutingResult r = route(pr, RoutePolicy::Cost);
    QVERIFY(std::any_of(r.findings.begin(), r.findings.end(), [](const Finding &f) {
        return f.code == FindingCode::PoolsUnreachable && f.pool == "prefill" && f.otherPool == "decode";
    }));
    QCOMPARE(r.workloads[0].unservedFraction, 1.0);
    QCOMPARE(toString(r.workloads[0].binding.kind), toString(BindingKind::NoRoute));

    addPath(pr, 1, 2, 7, 50e9, 0.01);
    pr.links.push_back({7, "ib", 50e9, 0.01});
    r = route(pr, RoutePolicy::Cost);
    QCOMPARE(r.workloads[0].unservedFraction, 0.0);
    QCOMPARE(r.workloads[0].routes[0].prefillName, std::string("prefill"));
    QCOMPARE(r.workloads[0].routes[0].decodeName, std::string("decode"));
    // 1e8 bytes over 50 GB/s = 2 ms, plus 0.01 ms latency.
    QVERIFY(std::fabs(r.workloads[0].routes[0].transferMs - 2.01) < 1e-9);
    QVERIFY(std::fabs(r.links[0].forwardBytesPerS - 1e8) < 1);
}

// Two workloads share one 10 GB/s link; the KV of 150 req/s × 0.1 GB does not fit, so part goes to
// the combined pool (dearer, no transfer).
void TestRouter::linkBandwidthBinds()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "w", 150, 0, 0));
    RoutePool pf = makePool(1, "prefill", PoolRole::Prefill, 100, 100);
    pf.offers.push_back(prefillOffer(0.1, 100));
    RoutePool dc = makePool(2, "decode", PoolRole::Decode, 100, 100);
    dc.offers.push_back(decodeOffer(0.1, 10));
    RoutePool co = makePool(3, "combined", PoolRole::Combined, 100, 300);
    co.offers.push_back(combinedOffer(0.2, 100, 10));
    pr.pools = {pf, dc, co};
    pr.links.push_back({7, "ib", 10e9, 0.01});
    addPath(pr, 1, 2, 7, 10e9, 0.01);
    RoutingResult r = route(pr, RoutePolicy::Cost);
    const WorkloadRouting &w = r.workloads[0];
    QCOMPARE(w.unservedFraction, 0.0);
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::LinkBandwidth));
    QCOMPARE(w.binding.link, std::string("ib"));
    QVERIFY(std::fabs(r.links[0].utilisation - 1.0) < 1e-9);
    // 100 req/s disaggregated ($0.2/h per req/s), 50 combined ($0.6/h per req/s): one more GB/s
    // moves 10 req/s: saves 10 × 0.4 = 4 $/h.
    QVERIFY2(std::fabs(w.binding.savesUsdPerHour - 4.0) < 1e-6, std::to_string(w.binding.savesUsdPerHour).c_str());
}

void TestRouter::kvMemoryBinds()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "long", 10, 0, 0));
    RoutePool a = makePool(1, "small-mem", PoolRole::Combined, 100, 100);
    a.offers.push_back(combinedOffer(0.1, 100, 10, 10e9, 50e9));   // 10 GB·s per request of 50 GB: 5 req/s
    RoutePool b = makePool(2, "big-mem", PoolRole::Combined, 100, 200);
    b.offers.push_back(combinedOffer(0.1, 100, 10, 10e9, 500e9));
    pr.pools = {a, b};
    RoutingResult r = route(pr, RoutePolicy::Cost);
    const WorkloadRouting &w = r.workloads[0];
    QCOMPARE(toString(w.binding.kind), toString(BindingKind::KvMemory));
    QCOMPARE(w.binding.pool, std::string("small-mem"));
    QVERIFY(std::fabs(r.pools[0].kvUtilisation - 1.0) < 1e-9);
    QVERIFY(std::fabs(w.routes[0].share - 0.5) < 1e-9);
    // One more GB holds 0.1 req/s more on small-mem: saves 0.1 × (0.2 − 0.1) = 0.01 $/h.
    QVERIFY2(std::fabs(w.binding.savesUsdPerHour - 0.01) < 1e-8, std::to_string(w.binding.savesUsdPerHour).c_str());
}

void TestRouter::latencyPolicyPrefersFastRoutes()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "chat", 2, 1000, 100));
    RoutePool fast = makePool(1, "fast", PoolRole::Combined, 8, 80);
    fast.offers.push_back(combinedOffer(1.0, 200, 20));
    RoutePool cheap = makePool(2, "cheap", PoolRole::Combined, 8, 8);
    cheap.offers.push_back(combinedOffer(1.0, 800, 80));
    pr.pools = {fast, cheap};
    RoutingResult byCost = route(pr, RoutePolicy::Cost);
    RoutingResult byLatency = route(pr, RoutePolicy::Latency);
    QCOMPARE(byCost.workloads[0].routes[0].prefillName, std::string("cheap"));
    QCOMPARE(byLatency.workloads[0].routes[0].prefillName, std::string("fast"));
    QVERIFY(byLatency.usdPerHour > byCost.usdPerHour);
}

void TestRouter::costCapLimitsLatencyPolicy()
{
    RouteProblem pr;
    pr.workloads.push_back(makeWorkload(1, "chat", 2, 1000, 100));
    RoutePool fast = makePool(1, "fast", PoolRole::Combined, 8, 80);    // $10/h per req/s
    fast.offers.push_back(combinedOffer(1.0, 200, 20));
    RoutePool cheap = makePool(2, "cheap", PoolRole::Combined, 8, 8);   // $1/h per req/s
    cheap.offers.push_back(combinedOffer(1.0, 800, 80));
    pr.pools = {fast, cheap};
    pr.costCapUsdPerHour = 11;   // 1 req/s fast ($10) + 1 req/s cheap ($1)
    RoutingResult r = route(pr, RoutePolicy::Latency);
    QCOMPARE(r.workloads[0].routes.size(), size_t(2));
    QVERIFY(std::fabs(r.usdPerHour - 11) < 1e-6);
    QCOMPARE(r.workloads[0].unservedFraction, 0.0);
    QCOMPARE(toString(r.workloads[0].binding.kind), toString(BindingKind::CostCap));
    QVERIFY(std::any_of(r.findings.begin(), r.findings.end(),
                        [](const Finding &f) { return f.code == FindingCode::CostCapBinds; }));
}

void TestRouter::rulesPolicySendsPrefillHeavyToComputeDense()
{
    RouteProblem pr;
    RouteWorkload w = makeWorkload(1, "summarise", 1, 0, 0);
    w.tags = {Tag::PrefillHeavy};
    pr.workloads.push_back(w);
    RoutePool dense = makePool(1, "dense-prefill", PoolRole::Prefill, 8, 80);
    dense.traits.computeDense = true;
    dense.offers.push_back(prefillOffer(0.2, 100));
    RoutePool plain = makePool(2, "plain-prefill", PoolRole::Prefill, 8, 40);
    plain.offers.push_back(prefillOffer(0.2, 100));
    RoutePool dec = makePool(3, "decode", PoolRole::Decode, 8, 40);
    dec.offers.push_back(decodeOffer(0.2, 10));
    pr.pools = {dense, plain, dec};
    pr.links.push_back({9, "eth", 50e9, 0.01});
    addPath(pr, 1, 3, 9, 50e9, 0.01);
    addPath(pr, 2, 3, 9, 50e9, 0.01);
    RoutingResult byCost = route(pr, RoutePolicy::Cost);
    RoutingResult byRules = route(pr, RoutePolicy::Rules);
    QCOMPARE(byCost.workloads[0].routes[0].prefillName, std::string("plain-prefill"));
    QCOMPARE(byRules.workloads[0].routes[0].prefillName, std::string("dense-prefill"));
    QCOMPARE(byRules.workloads[0].routes[0].decodeName, std::string("decode"));
}

void TestRouter::rulesAreRelaxedWhenNothingQualifies()
{
    RouteProblem pr;
    RouteWorkload w = makeWorkload(1, "voice", 1, 0, 0);
    w.tags = {Tag::Edge, Tag::Interactive, Tag::SmallModel};
    pr.workloads.push_back(w);
    RoutePool p = makePool(1, "gpu", PoolRole::Combined, 8, 80);
    p.offers.push_back(combinedOffer(0.2, 100, 10));
    pr.pools = {p};
    RoutingResult r = route(pr, RoutePolicy::Rules);
    QCOMPARE(r.workloads[0].unservedFraction, 0.0);
    int relaxed = static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(),
                                                 [](const Finding &f) { return f.code == FindingCode::RuleRelaxed; }));
    QCOMPARE(relaxed, 2);   // edge and small interactive
}

void TestRouter::sharesSumToServedFraction()
{
    std::mt19937 rng(7);
    for (int i = 0; i < 30; ++i) {
        RouteProblem pr = randomProblem(rng);
        RoutingResult r = route(pr, RoutePolicy::Cost);
        QVERIFY(r.solved);
        for (const WorkloadRouting &w : r.workloads) {
            double sum = w.unservedFraction;
            for (const RouteShare &s : w.routes)
                sum += s.share;
            QVERIFY2(std::fabs(sum - 1) < 1e-6, std::to_string(sum).c_str());
            QVERIFY(tokensServed(w) >= -1e-9);
        }
        for (const PoolLoad &p : r.pools)
            QVERIFY(p.deviceUtilisation <= 1 + 1e-6 && p.kvUtilisation <= 1 + 1e-6);
        for (const LinkLoad &l : r.links)
            QVERIFY(l.utilisation <= 1 + 1e-6);
    }
}

void TestRouter::matchesBruteForce_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("seed");
    QTest::newRow("cost policy, 120 instances") << int(RoutePolicy::Cost) << 11;
    QTest::newRow("latency policy with cost caps, 40 instances") << int(RoutePolicy::Latency) << 23;
}

void TestRouter::matchesBruteForce()
{
    QFETCH(int, policy);
    QFETCH(int, seed);
    const RoutePolicy pol = static_cast<RoutePolicy>(policy);
    const int wanted = pol == RoutePolicy::Cost ? 120 : 40;
    std::mt19937 rng(seed);
    int compared = 0, withUnserved = 0, withBinding = 0;
    while (compared < wanted) {
        RouteProblem pr = randomProblem(rng);
        int columns = 0;
        bruteColumns(pr, pol);
        // Vertex enumeration grows as C(m + n, n): keep instances where it stays small.
        columns = static_cast<int>(bruteColumns(pr, pol).size());
        if (columns > 7)
            continue;
        double brute = bruteOptimum(pr, pol);
        RoutingResult r = route(pr, pol);
        QVERIFY(r.solved);
        double tol = 1e-6 * std::max(1.0, std::fabs(brute));
        QVERIFY2(std::fabs(r.objective - brute) <= tol,
                 qPrintable(QStringLiteral("instance %1: router %2, brute force %3")
                                .arg(compared)
                                .arg(r.objective, 0, 'g', 12)
                                .arg(brute, 0, 'g', 12)));
        for (const WorkloadRouting &w : r.workloads) {
            withUnserved += w.unservedFraction > 1e-9 ? 1 : 0;
            withBinding += w.binding.kind != BindingKind::None && w.binding.kind != BindingKind::NoRoute ? 1 : 0;
        }
        ++compared;
    }
    // The instances must exercise the interesting cases, or the comparison proves little.
    QVERIFY(withUnserved > 5);
    QVERIFY(withBinding > 5);
}

void TestRouter::describeGivesSentences()
{
    Binding b;
    b.kind = BindingKind::PoolCompute;
    b.pool = "decode-h200";
    b.unit = "device";
    b.savesUsdPerHour = 3.456;
    QCOMPARE(describe(b, "chat"),
             std::string("chat is limited by the device time of pool decode-h200: one more device in decode-h200 "
                         "would save $3.46/h."));
    Alternative a;
    a.exists = true;
    a.prefillPool = "p";
    a.decodePool = "d";
    a.usdPerMillionTokens = 1.5;
    a.deltaUsdPerMillionTokens = 0.25;
    QCOMPARE(describe(a, "chat"),
             std::string("The best alternative for chat is p → d at $1.50 per million tokens ($0.250 more)."));
    Finding f;
    f.code = FindingCode::PoolsUnreachable;
    f.pool = "a";
    f.otherPool = "b";
    QVERIFY(describe(f).find("cannot send KV cache") != std::string::npos);
}

namespace {

bool loadDemo(Plan &plan, Catalog &catalog)
{
    try {
        catalog = loadCatalog(std::string(TOKENROUTE_DATA_DIR) + "/catalog");
        plan = loadPlan(std::string(TOKENROUTE_DATA_DIR) + "/plans/demo.json");
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

} // namespace

void TestRouter::routesTheDemoPlan_data()
{
    QTest::addColumn<int>("policy");
    QTest::newRow("cost") << int(RoutePolicy::Cost);
    QTest::newRow("latency") << int(RoutePolicy::Latency);
    QTest::newRow("rules") << int(RoutePolicy::Rules);
}

// End to end on the bundled demo plan: every workload in the table, shares and unserved adding
// up, the flows carrying exactly the routed tokens, no link over its bandwidth.
void TestRouter::routesTheDemoPlan()
{
    QFETCH(int, policy);
    Plan plan;
    Catalog catalog;
    if (!loadDemo(plan, catalog))
        QSKIP("demo plan or catalogue not loadable");
    PlanRouting pr = routePlan(plan, catalog, static_cast<RoutePolicy>(policy));
    QVERIFY(pr.result.solved);
    QCOMPARE(pr.result.workloads.size(), plan.workloads.size());
    QCOMPARE(pr.tags.size(), plan.workloads.size());
    for (const WorkloadRouting &w : pr.result.workloads) {
        double sum = w.unservedFraction;
        for (const RouteShare &s : w.routes)
            sum += s.share;
        QVERIFY2(std::fabs(sum - 1) < 1e-6, w.name.c_str());
        QVERIFY(!describe(w.binding, w.name).empty());
        const RouteWorkload *rw = nullptr;
        for (const RouteWorkload &x : pr.problem.workloads)
            if (x.id == w.workloadId)
                rw = &x;
        QVERIFY(rw);
        double prompt = 0;
        for (const FlowEdge &e : pr.flows.edges)
            if (e.fromKind == FlowNodeKind::Workload && e.fromId == w.workloadId)
                prompt += e.tokensPerS;
        const double served = w.demandPerS - w.unservedPerS;
        QVERIFY2(std::fabs(prompt - served * rw->inputTokens) <= 1e-6 * std::max(1.0, prompt), w.name.c_str());
    }
    for (const LinkLoad &l : pr.result.links)
        QVERIFY(l.utilisation <= 1 + 1e-6);
}

// Links removed, one model unknown, one SLO impossible: findings say so and the table still lists
// every workload.
void TestRouter::badPlanGivesFindingsNotAnEmptyTable()
{
    Plan plan;
    Catalog catalog;
    if (!loadDemo(plan, catalog) || plan.workloads.size() < 2)
        QSKIP("demo plan or catalogue not loadable");
    plan.links.clear();
    plan.workloads[0].modelId = "no-such-model";
    plan.workloads[1].tpotSloMs = 0.001;
    PlanRouting pr = routePlan(plan, catalog, RoutePolicy::Cost);
    QCOMPARE(pr.result.workloads.size(), plan.workloads.size());
    auto has = [&](FindingCode code, const std::string &workload) {
        return std::any_of(pr.result.findings.begin(), pr.result.findings.end(), [&](const Finding &f) {
            return f.code == code && (workload.empty() || f.workload == workload);
        });
    };
    QVERIFY(has(FindingCode::UnknownModel, plan.workloads[0].name));
    QVERIFY(!has(FindingCode::ModelFitsNowhere, plan.workloads[0].name));
    QVERIFY(has(FindingCode::NoRouteMeetsSlo, plan.workloads[1].name));
    const bool disaggregated = std::any_of(plan.pools.begin(), plan.pools.end(),
                                           [](const Pool &p) { return p.role == PoolRole::Prefill; });
    if (disaggregated)
        QVERIFY(has(FindingCode::PoolsUnreachable, ""));
    QCOMPARE(pr.result.workloads[0].unservedFraction, 1.0);
    QCOMPARE(pr.result.workloads[1].unservedFraction, 1.0);
    for (const Finding &f : pr.result.findings)
        QVERIFY(!describe(f).empty());
}

QTEST_APPLESS_MAIN(TestRouter)
#include "test_router.moc"
