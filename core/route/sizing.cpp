#include "core/route/sizing.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <glpk.h>

#include "core/cost/costmodel.h"
#include "core/perf/perfmodel.h"
#include "core/route/routebuilder.h"
#include "core/route/tags.h"
#include "core/util/error.h"

namespace tokenroute {

namespace {

constexpr double kSecondsPerHour = 3600;
// Stop branch and bound once within 0.01 % of the bound: a cent on a $100/h fleet.
constexpr double kMipGap = 1e-4;
// Wall-clock limit for one MIP (ms); the demo and the benchmark finish far inside it.
constexpr int kMipTimeLimitMs = 20000;

bool within(double v, double slo) { return slo <= 0 || v <= slo * (1 + 1e-9); }

struct Route {
    int w = 0;
    int prefill = 0;   // index into problem.devices
    int decode = 0;
    bool colocated = false;
    double ttftMs = 0, tpotMs = 0;
};

struct GlpProblem {
    glp_prob *p = glp_create_prob();
    ~GlpProblem() { glp_delete_prob(p); }
    GlpProblem() = default;
    GlpProblem(const GlpProblem &) = delete;
    GlpProblem &operator=(const GlpProblem &) = delete;
};

std::vector<Route> sizingRoutes(const SizingProblem &pr, const std::vector<int> &devs, bool aggregatedOnly)
{
    std::vector<Route> out;
    for (int w = 0; w < static_cast<int>(pr.workloads.size()); ++w) {
        const RouteWorkload &wl = pr.workloads[w];
        const double transfer = pr.transferLatencyMs + wl.kvTransferBytes / pr.transferBandwidthBytesPerS * 1e3;
        for (int t : devs) {
            const RouteOffer &o = pr.devices[t].offers[w];
            if (o.fits && o.canCombined && within(o.combinedTtftMs, wl.ttftSloMs) && within(o.combinedTpotMs, wl.tpotSloMs))
                out.push_back({w, t, t, true, o.combinedTtftMs, o.combinedTpotMs});
            if (aggregatedOnly || !o.fits || !o.canPrefill)
                continue;
            for (int u : devs) {
                const RouteOffer &d = pr.devices[u].offers[w];
                if (!d.fits || !d.canDecode)
                    continue;
                const double ttft = o.ttftMs + transfer;
                if (within(ttft, wl.ttftSloMs) && within(d.tpotMs, wl.tpotSloMs))
                    out.push_back({w, t, u, false, ttft, d.tpotMs});
            }
        }
    }
    return out;
}

// One device type's offer for one workload: each role's operating point, as device time per
// request per device and KV byte-seconds per request (Little's law: residence = concurrency /
// rate), with KV capacity per device. Replicas from the smallest that holds the model up to the
// scale-up domain (doubling) are tried and each role takes its cheapest that meets the SLOs: a
// long prompt may need more tensor-parallel devices to meet TTFT than the weights need to fit.
// Throws InputError when the performance model rejects a setup.
void fillSizingOffer(SizingDevice &d, RouteOffer &o, RouteWorkload &rw, const ModelSpec &spec, const Accelerator &acc,
                     const Workload &w, Precision weights, Precision kv)
{
    const int smallest = minDevicesFor(spec.arch, acc, weights, kv);
    if (smallest <= 0)
        return;
    const double input = std::max(1.0, w.inputMean), output = std::max(1.0, w.outputMean);
    struct Point {
        bool ok = false;
        int devices = 0;
        double work = 0, ttftMs = 0, tpotMs = 0, kvByteSeconds = 0, kvPerDevice = 0;
    };
    Point best[3];   // prefill, decode, combined
    const ServingRole roles[] = {ServingRole::Prefill, ServingRole::Decode, ServingRole::Combined};
    // Doubling stops at the scale-up domain (or 8 times the smallest replica for parts without one).
    const int largest = std::max(smallest, std::min(acc.scaleUpDomain > 1 ? acc.scaleUpDomain : smallest * 8, 1024));
    for (int replica = smallest; replica <= largest; replica *= 2) {
        // The smallest replica takes the automatic layout; larger ones ask for it explicitly
        // (tensor-parallel within the scale-up domain, pipelined beyond), or chooseSetup would
        // fill them with several small replicas instead.
        const int domain = std::max(1, acc.scaleUpDomain);
        const int tp = replica == smallest ? 0 : std::min(replica, domain);
        const int pp = replica == smallest ? 1 : std::max(1, replica / std::min(replica, domain));
        const DeviceSetup setup = chooseSetup(spec.arch, acc, replica, weights, kv, tp, pp);
        if (setup.count <= 0)
            continue;
        const MemoryBudget mb = memoryBudget(spec.arch, setup);
        if (!mb.fits)
            continue;
        for (int k = 0; k < 3; ++k) {
            const PoolCapacity c =
                capacityAtSlo(spec.arch, setup, roles[k], input, output, w.ttftSloMs / 1000, w.tpotSloMs / 1000);
            if (!c.fits || !c.meetsSlo || c.maxRequestsPerS <= 0)
                continue;
            Point p;
            p.ok = true;
            p.devices = setup.count;
            p.work = setup.count / c.maxRequestsPerS;
            p.ttftMs = c.ttftS * 1000;
            p.tpotMs = c.tpotS * 1000;
            const double held = roles[k] == ServingRole::Prefill ? input : input + output / 2;
            p.kvByteSeconds = held * mb.kvBytesPerToken * c.concurrency / c.maxRequestsPerS;
            p.kvPerDevice = mb.kvCapacityBytes / setup.count;
            if (!best[k].ok || p.work < best[k].work)
                best[k] = p;
        }
    }
    const Point &pf = best[0], &dc = best[1], &co = best[2];
    if (!pf.ok && !dc.ok && !co.ok)
        return;
    for (const Point &p : best)
        if (p.ok)
            d.replicaDevices = std::max(d.replicaDevices, p.devices);
    // One KV capacity per device and workload: the least of the chosen layouts (the conservative one).
    o.kvCapacityBytes = 0;
    for (const Point &p : best)
        if (p.ok && (o.kvCapacityBytes == 0 || p.kvPerDevice < o.kvCapacityBytes))
            o.kvCapacityBytes = p.kvPerDevice;
    o.canPrefill = pf.ok;
    o.prefillWork = pf.work;
    o.ttftMs = pf.ttftMs;
    o.prefillKvByteSeconds = pf.kvByteSeconds;
    o.canDecode = dc.ok;
    o.decodeWork = dc.work;
    o.tpotMs = dc.tpotMs;
    o.decodeKvByteSeconds = dc.kvByteSeconds;
    o.canCombined = co.ok;
    o.combinedWork = co.work;
    o.combinedTtftMs = co.ttftMs;
    o.combinedTpotMs = co.tpotMs;
    o.combinedKvByteSeconds = co.kvByteSeconds;
    o.fits = true;
    rw.kvTransferBytes = std::max(rw.kvTransferBytes, input * kvBytesPerToken(spec.arch, bytesPer(kv)));
}

// The server the catalogue sells this accelerator in (the one with the most of them), when it has a price.
const ServerSpec *pricedServer(const Catalog &catalog, const Accelerator &acc)
{
    const ServerSpec *best = nullptr;
    for (const ServerSpec &s : catalog.servers)
        if (s.acceleratorId == acc.id && s.acceleratorsPerNode > 0 && s.priceUsd > 0 &&
            (!best || s.acceleratorsPerNode > best->acceleratorsPerNode))
            best = &s;
    return best;
}

// A device's hour including its share of the server around it (chassis, CPUs, NICs, power), so
// that parts sold only as systems compare fairly with parts that have a card price.
double usdPerDeviceHour(const Catalog &catalog, const Accelerator &acc, const CostInputs &costIn)
{
    if (const ServerSpec *s = pricedServer(catalog, acc))
        return serversCost(*s, &acc, 1, costIn).usdPerHour / s->acceleratorsPerNode;
    return devicesCost(acc, 1, costIn).usdPerHour;
}

} // namespace

SizingSolution solveSizing(const SizingProblem &pr, const std::vector<int> &devs, bool aggregatedOnly,
                           const std::string &label)
{
    SizingSolution sol;
    sol.label = label;
    const std::vector<Route> routes = sizingRoutes(pr, devs, aggregatedOnly);
    const int nw = static_cast<int>(pr.workloads.size());

    GlpProblem lp;
    glp_set_obj_dir(lp.p, GLP_MIN);
    std::vector<int> demandRow(nw);
    for (int w = 0; w < nw; ++w) {
        demandRow[w] = glp_add_rows(lp.p, 1);
        const double rate = std::max(0.0, pr.workloads[w].ratePerS);
        glp_set_row_bnds(lp.p, demandRow[w], GLP_FX, rate, rate);
    }
    std::map<int, int> computeRow, kvRow, countCol;
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    auto put = [&](int r, int c, double v) {
        if (v == 0)
            return;
        ia.push_back(r);
        ja.push_back(c);
        ar.push_back(v);
    };
    for (int t : devs) {
        const SizingDevice &d = pr.devices[t];
        computeRow[t] = glp_add_rows(lp.p, 1);
        glp_set_row_bnds(lp.p, computeRow[t], GLP_UP, 0, 0);
        kvRow[t] = glp_add_rows(lp.p, 1);
        glp_set_row_bnds(lp.p, kvRow[t], GLP_UP, 0, 0);
        int c = glp_add_cols(lp.p, 1);
        countCol[t] = c;
        glp_set_col_kind(lp.p, c, GLP_IV);
        glp_set_col_bnds(lp.p, c, GLP_DB, 0, pr.maxReplicasPerType);
        glp_set_obj_coef(lp.p, c, d.usdPerDeviceHour * d.replicaDevices);
        put(computeRow[t], c, -d.replicaDevices);
        put(kvRow[t], c, -d.replicaDevices);
    }
    std::vector<int> unservedCol(nw);
    for (int w = 0; w < nw; ++w) {
        const RouteWorkload &wl = pr.workloads[w];
        int c = glp_add_cols(lp.p, 1);
        unservedCol[w] = c;
        const double rate = std::max(0.0, wl.ratePerS);
        glp_set_col_bnds(lp.p, c, rate > 0 ? GLP_DB : GLP_FX, 0, rate);
        glp_set_obj_coef(lp.p, c, pr.unservedUsdPerMTok * wl.tokensPerRequest() / 1e6 * kSecondsPerHour);
        put(demandRow[w], c, 1);
    }
    std::vector<int> routeCol;
    for (const Route &r : routes) {
        int c = glp_add_cols(lp.p, 1);
        routeCol.push_back(c);
        glp_set_col_bnds(lp.p, c, GLP_LO, 0, 0);
        put(demandRow[r.w], c, 1);
        const RouteOffer &o = pr.devices[r.prefill].offers[r.w];
        const RouteOffer &d = pr.devices[r.decode].offers[r.w];
        auto kvShare = [](double bs, double cap) { return cap > 0 ? bs / cap : 0.0; };
        if (r.colocated) {
            put(computeRow[r.prefill], c, o.combinedWork);
            put(kvRow[r.prefill], c, kvShare(o.combinedKvByteSeconds, o.kvCapacityBytes));
        } else if (r.prefill == r.decode) {
            put(computeRow[r.prefill], c, o.prefillWork + d.decodeWork);
            put(kvRow[r.prefill], c,
                kvShare(o.prefillKvByteSeconds, o.kvCapacityBytes) + kvShare(d.decodeKvByteSeconds, d.kvCapacityBytes));
        } else {
            put(computeRow[r.prefill], c, o.prefillWork);
            put(computeRow[r.decode], c, d.decodeWork);
            put(kvRow[r.prefill], c, kvShare(o.prefillKvByteSeconds, o.kvCapacityBytes));
            put(kvRow[r.decode], c, kvShare(d.decodeKvByteSeconds, d.kvCapacityBytes));
        }
    }
    glp_load_matrix(lp.p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());

    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.mip_gap = kMipGap;
    parm.tm_lim = kMipTimeLimitMs;
    const int rc = glp_intopt(lp.p, &parm);
    const int status = glp_mip_status(lp.p);
    sol.solved = (rc == 0 || rc == GLP_ETMLIM || rc == GLP_EMIPGAP) && (status == GLP_OPT || status == GLP_FEAS);
    if (!sol.solved)
        return sol;

    // Device time per type and phase, from the route rates.
    std::map<int, double> prefillUse, decodeUse, combinedUse;
    double servedTokens = 0, demandTokens = 0, unservedTokens = 0;
    for (std::size_t k = 0; k < routes.size(); ++k) {
        const Route &r = routes[k];
        const double x = glp_mip_col_val(lp.p, routeCol[k]);
        if (x <= 1e-9)
            continue;
        const RouteOffer &o = pr.devices[r.prefill].offers[r.w];
        const RouteOffer &d = pr.devices[r.decode].offers[r.w];
        if (r.colocated) {
            combinedUse[r.prefill] += x * o.combinedWork;
        } else {
            prefillUse[r.prefill] += x * o.prefillWork;
            decodeUse[r.decode] += x * d.decodeWork;
        }
        SizedRoute sr;
        sr.workload = pr.workloads[r.w].name;
        sr.prefillDevice = pr.devices[r.prefill].id;
        sr.decodeDevice = pr.devices[r.decode].id;
        sr.colocated = r.colocated;
        sr.share = pr.workloads[r.w].ratePerS > 0 ? x / pr.workloads[r.w].ratePerS : 0;
        sr.ttftMs = r.ttftMs;
        sr.tpotMs = r.tpotMs;
        sol.routes.push_back(sr);
    }
    for (int w = 0; w < nw; ++w) {
        const RouteWorkload &wl = pr.workloads[w];
        const double u = glp_mip_col_val(lp.p, unservedCol[w]);
        demandTokens += wl.ratePerS * wl.tokensPerRequest();
        unservedTokens += u * wl.tokensPerRequest();
    }
    servedTokens = demandTokens - unservedTokens;
    for (int t : devs) {
        const SizingDevice &d = pr.devices[t];
        const int replicas = static_cast<int>(std::lround(glp_mip_col_val(lp.p, countCol[t])));
        if (replicas <= 0)
            continue;
        SizedPool p;
        p.deviceId = d.id;
        p.name = d.name;
        p.replicas = replicas;
        p.devices = replicas * d.replicaDevices;
        p.usdPerHour = p.devices * d.usdPerDeviceHour;
        const double used = prefillUse[t] + decodeUse[t] + combinedUse[t];
        p.utilisation = p.devices > 0 ? used / p.devices : 0;
        // The KV row holds use − devices bought, so use = row value + devices.
        p.kvUtilisation = p.devices > 0 ? (glp_mip_row_val(lp.p, kvRow[t]) + p.devices) / p.devices : 0;
        if (used > 0) {
            p.prefillShare = prefillUse[t] / used;
            p.decodeShare = decodeUse[t] / used;
            p.combinedShare = combinedUse[t] / used;
        }
        p.role = p.combinedShare > 0 || (p.prefillShare > 0 && p.decodeShare > 0) ? PoolRole::Combined
                 : p.prefillShare > 0                                            ? PoolRole::Prefill
                                                                                 : PoolRole::Decode;
        sol.usdPerHour += p.usdPerHour;
        sol.devices += p.devices;
        sol.pools.push_back(p);
    }
    sol.unservedTotal = demandTokens > 0 ? unservedTokens / demandTokens : 0;
    sol.usdPerMillionTokens = servedTokens > 0 ? sol.usdPerHour / (servedTokens * kSecondsPerHour) * 1e6 : 0;
    return sol;
}

SizingResult size(const SizingProblem &pr)
{
    SizingResult out;
    std::vector<int> all;
    for (int t = 0; t < static_cast<int>(pr.devices.size()); ++t)
        all.push_back(t);
    out.mixed = solveSizing(pr, all, false, "disaggregated");
    for (int t : all) {
        if (!pr.devices[t].homogeneousCandidate)
            continue;
        out.homogeneous.push_back(solveSizing(pr, {t}, true, "homogeneous " + pr.devices[t].id));
    }
    // The best baseline: least unserved first (a cheap fleet that serves nothing is no baseline),
    // then lowest $/h.
    for (int i = 0; i < static_cast<int>(out.homogeneous.size()); ++i) {
        const SizingSolution &h = out.homogeneous[i];
        if (!h.solved)
            continue;
        if (out.bestHomogeneous < 0) {
            out.bestHomogeneous = i;
            continue;
        }
        const SizingSolution &b = out.homogeneous[out.bestHomogeneous];
        if (h.unservedTotal < b.unservedTotal - 1e-9 ||
            (std::fabs(h.unservedTotal - b.unservedTotal) <= 1e-9 && h.usdPerHour < b.usdPerHour))
            out.bestHomogeneous = i;
    }
    if (out.bestHomogeneous >= 0 && out.mixed.solved) {
        const SizingSolution &b = out.homogeneous[out.bestHomogeneous];
        out.savingUsdPerHour = b.usdPerHour - out.mixed.usdPerHour;
        out.savingFraction = b.usdPerHour > 0 ? out.savingUsdPerHour / b.usdPerHour : 0;
    }
    out.findings = pr.findings;
    // Workloads no device type can serve within the SLOs.
    for (int w = 0; w < static_cast<int>(pr.workloads.size()); ++w) {
        bool fits = false;
        for (const SizingDevice &d : pr.devices)
            fits = fits || d.offers[w].fits;
        bool any = std::any_of(out.mixed.routes.begin(), out.mixed.routes.end(),
                               [&](const SizedRoute &r) { return r.workload == pr.workloads[w].name; });
        if (!fits || !any) {
            const std::vector<Route> routes = sizingRoutes(pr, all, false);
            bool admissible = std::any_of(routes.begin(), routes.end(), [&](const Route &r) { return r.w == w; });
            if (admissible)
                continue;
            const bool unknown = std::any_of(pr.findings.begin(), pr.findings.end(), [&](const Finding &g) {
                return g.code == FindingCode::UnknownModel && g.workload == pr.workloads[w].name;
            });
            if (unknown)
                continue;   // already said: its model is unknown
            Finding f;
            f.code = fits ? FindingCode::NoRouteMeetsSlo : FindingCode::ModelFitsNowhere;
            f.workload = pr.workloads[w].name;
            f.text = "sizing";
            out.findings.push_back(f);
        }
    }
    return out;
}

SizingProblem buildSizingProblem(const Plan &plan, const Catalog &catalog, const std::vector<std::string> &deviceIds)
{
    SizingProblem pr;
    const CostInputs costIn = costInputs(plan.policies);
    if (const LinkType *ib = catalog.link("ib-ndr-400")) {
        // One NDR port per device between pools: the usual rail-optimised disaggregated fabric.
        pr.transferBandwidthBytesPerS = ib->bandwidthGBs * 1e9;
        pr.transferLatencyMs = ib->latencyUs / 1000;
    }

    std::vector<std::string> ids = deviceIds;
    if (ids.empty()) {
        Plan poolsOnly = plan;   // only the pools' devices are needed
        poolsOnly.workloads.clear();
        const Evaluation ev = evaluate(poolsOnly, catalog);
        for (const PoolEvaluation &p : ev.pools)
            if (p.device && p.role != PoolRole::Edge &&
                std::find(ids.begin(), ids.end(), p.device->id) == ids.end())
                ids.push_back(p.device->id);
    }

    std::vector<const ModelSpec *> models;
    for (const Workload &w : plan.workloads) {
        RouteWorkload rw;
        rw.id = w.id;
        rw.name = w.name;
        rw.ratePerS = w.ratePerS;
        rw.inputTokens = w.inputMean;
        rw.outputTokens = w.outputMean;
        rw.ttftSloMs = w.ttftSloMs;
        rw.tpotSloMs = w.tpotSloMs;
        const ModelSpec *m = findModel(plan, catalog, w.modelId);
        rw.tags = deriveTags(w, m ? &m->arch : nullptr).tags;
        if (!m) {
            Finding f;
            f.code = FindingCode::UnknownModel;
            f.workload = w.name;
            f.text = w.modelId;
            pr.findings.push_back(f);
        }
        models.push_back(m);
        pr.workloads.push_back(rw);
    }

    for (const std::string &id : ids) {
        const Accelerator *acc = catalog.accelerator(id);
        if (!acc)
            throw InputError("--devices", id, "an accelerator id from the catalogue (e.g. h100-sxm, h200, groq-lpu)");
        SizingDevice d;
        d.id = acc->id;
        d.name = acc->name;
        d.usdPerDeviceHour = usdPerDeviceHour(catalog, *acc, costIn);
        if (acc->priceUsd <= 0 && !(costIn.useCloudPrices && acc->cloudUsdPerHour > 0) && !pricedServer(catalog, *acc)) {
            Finding f;
            f.code = FindingCode::PriceMissing;
            f.text = acc->id;
            f.value = d.usdPerDeviceHour;
            pr.findings.push_back(f);
        }
        d.traits = poolTraits(*acc, PoolRole::Combined);
        d.homogeneousCandidate = acc->category == DeviceCategory::DatacenterGpu;
        const bool fp8 = acc->peakTflops.count(Precision::FP8) > 0;
        const Precision weights = fp8 ? Precision::FP8 : Precision::BF16;
        const Precision kv = fp8 ? Precision::FP8 : Precision::BF16;
        d.offers.resize(plan.workloads.size());
        for (std::size_t i = 0; i < plan.workloads.size(); ++i) {
            const ModelSpec *m = models[i];
            if (!m)
                continue;
            const Workload &w = plan.workloads[i];
            try {
                fillSizingOffer(d, d.offers[i], pr.workloads[i], *m, *acc, w, weights, kv);
            } catch (const InputError &) {
                d.offers[i] = RouteOffer{};   // the performance model rejects every setup of this model here
            }
        }
        pr.devices.push_back(d);
    }
    return pr;
}

} // namespace tokenroute
