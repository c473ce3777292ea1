#include "core/route/router.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <glpk.h>

namespace tokenroute {

namespace {

constexpr double kSecondsPerHour = 3600;
// Link rows are written in GB/s so that their coefficients sit near the others' magnitude
// (device-seconds and fractions of KV memory are O(1e-3..1e2)); GLPK's scaling does the rest.
constexpr double kBytesPerGB = 1e9;
// A rate below this share of a workload's demand is solver noise, not a route.
constexpr double kShareEpsilon = 1e-7;
// Duals smaller than this (objective units per unit) are treated as zero: nothing binds.
constexpr double kDualEpsilon = 1e-7;
// Latency policy: reference scales when a workload states no SLO on a phase (a person notices a
// first token after about a second; 100 ms per token is about reading speed).
constexpr double kRefTtftMs = 1000;
constexpr double kRefTpotMs = 100;
// Latency policy: the cost term is a tie-breaker only, this many latency units per $/h.
constexpr double kLatencyCostTieBreak = 1e-6;

bool finite(double v) { return std::isfinite(v); }

bool within(double achieved, double slo)
{
    // A relative slack of 1e-9 keeps a route that meets its SLO exactly from being dropped by
    // rounding in the performance model.
    return slo <= 0 || achieved <= slo * (1 + 1e-9);
}

struct GlpProblem {
    glp_prob *p = glp_create_prob();
    ~GlpProblem() { glp_delete_prob(p); }
    GlpProblem() = default;
    GlpProblem(const GlpProblem &) = delete;
    GlpProblem &operator=(const GlpProblem &) = delete;
};

// Sparse matrix entries collected before loading, 1-based as GLPK wants.
struct Entries {
    std::vector<int> rows{0};
    std::vector<int> cols{0};
    std::vector<double> vals{0};
    void add(int r, int c, double v)
    {
        if (v == 0)
            return;
        rows.push_back(r);
        cols.push_back(c);
        vals.push_back(v);
    }
};

// Which rows a column touches, kept so that per-workload bindings can be attributed.
struct ColumnRef {
    int w = -1;
    int candidate = -1;             // index into the workload's candidate list; -1 for unserved slack
    std::vector<std::pair<int, double>> rows;
};

std::string poolName(const RouteProblem &problem, int id)
{
    const RoutePool *p = problem.pool(id);
    return p ? p->name : std::to_string(id);
}

} // namespace

namespace {

// Pool and path lookups by index: the candidate loop visits every (pool, pool) pair of every
// workload, so linear searches there would dominate a 50 × 20 routing.
struct ProblemIndex {
    std::vector<const RoutePath *> paths;   // [from index * n + to index]
    int n = 0;
    explicit ProblemIndex(const RouteProblem &problem)
    {
        n = static_cast<int>(problem.pools.size());
        paths.assign(std::size_t(n) * n, nullptr);
        std::map<int, int> index;
        for (int i = 0; i < n; ++i)
            index[problem.pools[i].id] = i;
        for (const RoutePath &p : problem.paths) {
            auto a = index.find(p.fromPool), b = index.find(p.toPool);
            if (a != index.end() && b != index.end() && !paths[std::size_t(a->second) * n + b->second])
                paths[std::size_t(a->second) * n + b->second] = &p;
        }
    }
};

std::vector<RouteCandidate> candidatesOf(const RouteProblem &problem, const ProblemIndex &index, int w);

} // namespace

std::vector<RouteCandidate> routeCandidates(const RouteProblem &problem, int w)
{
    return candidatesOf(problem, ProblemIndex(problem), w);
}

namespace {

std::vector<RouteCandidate> candidatesOf(const RouteProblem &problem, const ProblemIndex &index, int w)
{
    std::vector<RouteCandidate> out;
    const RouteWorkload &wl = problem.workloads[w];
    auto price = [&](RouteCandidate &c, const RoutePool *pp, const RoutePool *dp) {
        double usd = pp->usdPerDeviceHour() * c.work[0];
        if (!c.colocated)
            usd += dp->usdPerDeviceHour() * c.work[1];
        c.usdPerRequest = usd / kSecondsPerHour;
        c.usdPerMillionTokens = wl.tokensPerRequest() > 0 ? c.usdPerRequest / wl.tokensPerRequest() * 1e6 : 0;
        c.meetsSlo = c.reachable && within(c.ttftMs, wl.ttftSloMs) && within(c.tpotMs, wl.tpotSloMs);
        bool sane = finite(c.ttftMs) && finite(c.tpotMs) && finite(c.usdPerRequest) && finite(c.work[0]) &&
                    finite(c.work[1]) && finite(c.kvByteSeconds[0]) && finite(c.kvByteSeconds[1]) &&
                    c.work[0] >= 0 && c.work[1] >= 0;
        if (sane)
            out.push_back(c);
    };

    for (int pi = 0; pi < index.n; ++pi) {
        const RoutePool &p = problem.pools[pi];
        if (w >= static_cast<int>(p.offers.size()) || p.devices <= 0)
            continue;
        const RouteOffer &o = p.offers[w];
        if (!o.fits)
            continue;
        if (o.canCombined) {
            RouteCandidate c;
            c.prefillPool = c.decodePool = p.id;
            c.colocated = true;
            c.work[0] = o.combinedWork;
            c.kvByteSeconds[0] = o.combinedKvByteSeconds;
            c.kvCapacity[0] = o.kvCapacityBytes;
            c.ttftMs = o.combinedTtftMs;
            c.tpotMs = o.combinedTpotMs;
            price(c, &p, &p);
        }
        if (!o.canPrefill)
            continue;
        for (int qi = 0; qi < index.n; ++qi) {
            const RoutePool &q = problem.pools[qi];
            if (qi == pi || w >= static_cast<int>(q.offers.size()) || q.devices <= 0)
                continue;
            const RouteOffer &d = q.offers[w];
            if (!d.fits || !d.canDecode)
                continue;
            RouteCandidate c;
            c.prefillPool = p.id;
            c.decodePool = q.id;
            c.work[0] = o.prefillWork;
            c.work[1] = d.decodeWork;
            c.kvByteSeconds[0] = o.prefillKvByteSeconds;
            c.kvByteSeconds[1] = d.decodeKvByteSeconds;
            c.kvCapacity[0] = o.kvCapacityBytes;
            c.kvCapacity[1] = d.kvCapacityBytes;
            c.path = index.paths[std::size_t(pi) * index.n + qi];
            c.reachable = c.path && c.path->reachable && c.path->bandwidthBytesPerS > 0;
            if (c.reachable)
                c.transferMs = c.path->latencyMs + wl.kvTransferBytes / c.path->bandwidthBytesPerS * 1e3;
            c.ttftMs = o.ttftMs + c.transferMs;
            c.tpotMs = d.tpotMs;
            price(c, &p, &q);
        }
    }
    return out;
}

} // namespace

double unservedCoefficient(const RouteProblem &problem, int w, RoutePolicy policy)
{
    const RouteWorkload &wl = problem.workloads[w];
    if (policy != RoutePolicy::Latency)
        return problem.unservedUsdPerMTok * wl.tokensPerRequest() / 1e6 * kSecondsPerHour;
    // Latency units: an admissible route scores at most 2 per request/s (TTFT and TPOT each at most
    // their SLO); leaving a request unserved costs 1000 times that, weighted like the routes.
    return wl.latencyWeight * 2000;
}

double routeCoefficient(const RouteProblem &problem, int w, const RouteCandidate &c, RoutePolicy policy)
{
    double usdPerHour = c.usdPerRequest * kSecondsPerHour;   // $/h per request/s
    if (policy != RoutePolicy::Latency)
        return usdPerHour;
    const RouteWorkload &wl = problem.workloads[w];
    double ttftRef = wl.ttftSloMs > 0 ? wl.ttftSloMs : kRefTtftMs;
    double tpotRef = wl.tpotSloMs > 0 ? wl.tpotSloMs : kRefTpotMs;
    return wl.latencyWeight * (c.ttftMs / ttftRef + c.tpotMs / tpotRef) + kLatencyCostTieBreak * usdPerHour;
}

std::vector<Finding> applyRules(const RouteProblem &problem, int w, std::vector<RouteCandidate> &candidates)
{
    std::vector<Finding> relaxed;
    const RouteWorkload &wl = problem.workloads[w];
    auto traitsOf = [&](int id) { return problem.pool(id)->traits; };

    // One rule: a predicate on a candidate that must hold, applied only when the workload carries
    // the tag(s) and only if some SLO-meeting, still-allowed route satisfies it.
    auto apply = [&](bool applies, const std::string &tag, auto &&ok) {
        if (!applies)
            return;
        bool any = std::any_of(candidates.begin(), candidates.end(),
                               [&](const RouteCandidate &c) { return c.meetsSlo && c.allowedByRules && ok(c); });
        if (!any) {
            Finding f;
            f.code = FindingCode::RuleRelaxed;
            f.workload = wl.name;
            f.text = tag;
            relaxed.push_back(f);
            return;
        }
        for (RouteCandidate &c : candidates)
            if (!ok(c))
                c.allowedByRules = false;
    };

    apply(wl.has(Tag::Edge), "edge",
          [&](const RouteCandidate &c) { return traitsOf(c.prefillPool).edge && traitsOf(c.decodePool).edge; });
    apply(wl.has(Tag::DataCentre), "data-centre",
          [&](const RouteCandidate &c) { return !traitsOf(c.prefillPool).edge && !traitsOf(c.decodePool).edge; });
    apply(wl.has(Tag::LongContext), "long-context",
          [&](const RouteCandidate &c) { return traitsOf(c.decodePool).largeMemory; });
    apply(wl.has(Tag::PrefillHeavy), "prefill-heavy",
          [&](const RouteCandidate &c) { return traitsOf(c.prefillPool).computeDense; });
    apply(wl.has(Tag::Interactive) && (wl.has(Tag::SmallModel) || wl.has(Tag::SramResident)), "small interactive",
          [&](const RouteCandidate &c) { return traitsOf(c.decodePool).sramEngine; });
    return relaxed;
}

RoutingResult route(const RouteProblem &problem, RoutePolicy policy)
{
    RoutingResult result;
    result.policy = policy;
    const int nw = static_cast<int>(problem.workloads.size());

    // --- findings about the plan itself -------------------------------------------------------
    for (const RoutePool &p : problem.pools)
        if (p.devices <= 0) {
            Finding f;
            f.code = FindingCode::PoolEmpty;
            f.pool = p.name;
            result.findings.push_back(f);
        }
    for (const RoutePool &p : problem.pools) {
        if (p.role != PoolRole::Prefill && p.role != PoolRole::Combined)
            continue;
        for (const RoutePool &q : problem.pools) {
            if (q.id == p.id || (q.role != PoolRole::Decode && q.role != PoolRole::Combined))
                continue;
            if (p.role == PoolRole::Combined && q.role == PoolRole::Combined)
                continue;   // two combined pools need not exchange KV
            const RoutePath *path = problem.path(p.id, q.id);
            if (!path || !path->reachable) {
                Finding f;
                f.code = FindingCode::PoolsUnreachable;
                f.pool = p.name;
                f.otherPool = q.name;
                result.findings.push_back(f);
            }
        }
    }

    // --- candidates per workload --------------------------------------------------------------
    std::vector<std::vector<RouteCandidate>> cands(nw);
    const ProblemIndex index(problem);
    for (int w = 0; w < nw; ++w) {
        cands[w] = candidatesOf(problem, index, w);
        if (policy == RoutePolicy::Rules) {
            auto relaxed = applyRules(problem, w, cands[w]);
            result.findings.insert(result.findings.end(), relaxed.begin(), relaxed.end());
        }
    }

    // --- rows ---------------------------------------------------------------------------------
    GlpProblem lp;
    glp_set_obj_dir(lp.p, GLP_MIN);
    int nextRow = 0;
    auto newRow = [&](int type, double lb, double ub) {
        int r = glp_add_rows(lp.p, 1);
        glp_set_row_bnds(lp.p, r, type, lb, ub);
        nextRow = r;
        return r;
    };
    std::vector<int> demandRow(nw);
    for (int w = 0; w < nw; ++w)
        demandRow[w] = newRow(GLP_FX, std::max(0.0, problem.workloads[w].ratePerS),
                              std::max(0.0, problem.workloads[w].ratePerS));
    std::map<int, int> computeRow, kvRow;      // pool id -> row
    for (const RoutePool &p : problem.pools) {
        if (p.devices <= 0)
            continue;
        computeRow[p.id] = newRow(GLP_UP, 0, p.devices);
        kvRow[p.id] = newRow(GLP_UP, 0, 1);    // share of the pool's KV memory
    }
    std::map<std::pair<int, bool>, int> linkRow; // (link id, forward) -> row
    for (const RouteLink &l : problem.links)
        for (bool fwd : {true, false})
            linkRow[{l.id, fwd}] = newRow(GLP_UP, 0, std::max(0.0, l.bandwidthBytesPerS) / kBytesPerGB);
    int capRow = 0;
    const bool capped = policy == RoutePolicy::Latency && problem.costCapUsdPerHour > 0;
    if (capped)
        capRow = newRow(GLP_UP, 0, problem.costCapUsdPerHour);
    (void)nextRow;

    // --- columns ------------------------------------------------------------------------------
    Entries e;
    std::vector<ColumnRef> refs{ColumnRef{}}; // 1-based
    auto newCol = [&](double cost, double ub) {
        int c = glp_add_cols(lp.p, 1);
        glp_set_col_bnds(lp.p, c, ub > 0 ? GLP_DB : GLP_FX, 0, std::max(0.0, ub));
        glp_set_obj_coef(lp.p, c, cost);
        refs.emplace_back();
        return c;
    };
    for (int w = 0; w < nw; ++w) {
        const RouteWorkload &wl = problem.workloads[w];
        double rate = std::max(0.0, wl.ratePerS);
        int u = newCol(unservedCoefficient(problem, w, policy), rate);
        refs[u].w = w;
        e.add(demandRow[w], u, 1);
        for (int k = 0; k < static_cast<int>(cands[w].size()); ++k) {
            const RouteCandidate &c = cands[w][k];
            if (!c.meetsSlo || !c.allowedByRules)
                continue;
            int col = newCol(routeCoefficient(problem, w, c, policy), rate);
            glp_set_col_bnds(lp.p, col, GLP_LO, 0, 0);
            ColumnRef &ref = refs[col];
            ref.w = w;
            ref.candidate = k;
            auto put = [&](int row, double v) {
                if (row == 0 || v == 0)
                    return;
                e.add(row, col, v);
                ref.rows.emplace_back(row, v);
            };
            put(demandRow[w], 1);
            if (c.colocated) {
                put(computeRow[c.prefillPool], c.work[0]);
                if (c.kvCapacity[0] > 0)
                    put(kvRow[c.prefillPool], c.kvByteSeconds[0] / c.kvCapacity[0]);
            } else {
                // Prefill and decode pools are distinct here, so the two contributions never share a row.
                put(computeRow[c.prefillPool], c.work[0]);
                put(computeRow[c.decodePool], c.work[1]);
                if (c.kvCapacity[0] > 0)
                    put(kvRow[c.prefillPool], c.kvByteSeconds[0] / c.kvCapacity[0]);
                if (c.kvCapacity[1] > 0)
                    put(kvRow[c.decodePool], c.kvByteSeconds[1] / c.kvCapacity[1]);
                if (c.path)
                    for (const LinkUse &lu : c.path->links) {
                        auto it = linkRow.find({lu.linkId, lu.forward});
                        if (it != linkRow.end())
                            put(it->second, wl.kvTransferBytes / kBytesPerGB);
                    }
            }
            if (capped)
                put(capRow, c.usdPerRequest * kSecondsPerHour);
        }
    }
    int ne = static_cast<int>(e.rows.size()) - 1;
    if (ne > 0)
        glp_load_matrix(lp.p, ne, e.rows.data(), e.cols.data(), e.vals.data());

    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;   // the duals are needed, which presolve does not keep on every status
    int rc = glp_get_num_cols(lp.p) > 0 ? glp_simplex(lp.p, &parm) : 0;
    int status = glp_get_num_cols(lp.p) > 0 ? glp_get_status(lp.p) : GLP_OPT;
    if (rc != 0 || status != GLP_OPT) {
        Finding f;
        f.code = FindingCode::SolverFailed;
        f.value = rc != 0 ? rc : status;
        result.findings.push_back(f);
    }
    result.solved = rc == 0 && status == GLP_OPT;
    result.objective = glp_get_num_cols(lp.p) > 0 ? glp_get_obj_val(lp.p) : 0;

    auto colValue = [&](int c) { return result.solved ? glp_get_col_prim(lp.p, c) : 0.0; };
    auto rowDual = [&](int r) { return result.solved && r > 0 ? glp_get_row_dual(lp.p, r) : 0.0; };

    // --- per-workload results -----------------------------------------------------------------
    std::vector<std::vector<double>> rates(nw);
    std::vector<double> unserved(nw, 0);
    for (int w = 0; w < nw; ++w)
        rates[w].assign(cands[w].size(), 0);
    for (int col = 1; col < static_cast<int>(refs.size()); ++col) {
        const ColumnRef &ref = refs[col];
        if (ref.candidate < 0)
            unserved[ref.w] = colValue(col);
        else
            rates[ref.w][ref.candidate] = colValue(col);
    }
    if (!result.solved)
        for (int w = 0; w < nw; ++w)
            unserved[w] = std::max(0.0, problem.workloads[w].ratePerS);

    const double penaltyPerTokenPerS = problem.unservedUsdPerMTok / 1e6 * kSecondsPerHour;
    // Rows that a workload with unserved demand could use: their duals carry the unserved penalty,
    // so they are reported as tokens/s that one more unit would serve, not as dollars.
    std::set<int> starvedRows;
    for (int col = 1; col < static_cast<int>(refs.size()); ++col) {
        const ColumnRef &ref = refs[col];
        if (ref.candidate >= 0 && unserved[ref.w] > kShareEpsilon * std::max(problem.workloads[ref.w].ratePerS, 1e-12))
            for (auto [row, v] : ref.rows)
                starvedRows.insert(row);
    }
    double demandTokens = 0, unservedTokens = 0;
    for (int w = 0; w < nw; ++w) {
        const RouteWorkload &wl = problem.workloads[w];
        WorkloadRouting out;
        out.workloadId = wl.id;
        out.name = wl.name;
        out.tags = wl.tags;
        out.demandPerS = std::max(0.0, wl.ratePerS);
        out.unservedPerS = std::clamp(unserved[w], 0.0, out.demandPerS);
        out.unservedFraction = out.demandPerS > 0 ? out.unservedPerS / out.demandPerS : 0;
        demandTokens += out.demandPerS * wl.tokensPerRequest();
        unservedTokens += out.unservedPerS * wl.tokensPerRequest();

        double servedRate = 0, servedUsd = 0;
        for (size_t k = 0; k < cands[w].size(); ++k) {
            double r = rates[w][k];
            if (r <= kShareEpsilon * std::max(out.demandPerS, 1e-12))
                continue;
            const RouteCandidate &c = cands[w][k];
            RouteShare s;
            s.prefillPool = c.prefillPool;
            s.decodePool = c.decodePool;
            s.prefillName = poolName(problem, c.prefillPool);
            s.decodeName = poolName(problem, c.decodePool);
            s.colocated = c.colocated;
            s.ratePerS = r;
            s.share = out.demandPerS > 0 ? r / out.demandPerS : 0;
            s.usdPerMillionTokens = c.usdPerMillionTokens;
            s.ttftMs = c.ttftMs;
            s.tpotMs = c.tpotMs;
            s.transferMs = c.transferMs;
            s.ttftMarginMs = wl.ttftSloMs > 0 ? wl.ttftSloMs - c.ttftMs : 0;
            s.tpotMarginMs = wl.tpotSloMs > 0 ? wl.tpotSloMs - c.tpotMs : 0;
            out.routes.push_back(s);
            servedRate += r;
            servedUsd += r * c.usdPerMillionTokens;
        }
        std::sort(out.routes.begin(), out.routes.end(),
                  [](const RouteShare &a, const RouteShare &b) { return a.share > b.share; });
        out.usdPerMillionTokens = servedRate > 0 ? servedUsd / servedRate : 0;

        // Findings: nothing holds the model, or nothing meets the SLOs, or demand left over.
        bool anyFits = false;
        for (const RoutePool &p : problem.pools)
            if (w < static_cast<int>(p.offers.size()) && p.offers[w].fits && p.devices > 0)
                anyFits = true;
        bool anyAdmissible = std::any_of(cands[w].begin(), cands[w].end(),
                                         [](const RouteCandidate &c) { return c.meetsSlo; });
        if (!anyFits) {
            Finding f;
            f.code = FindingCode::ModelFitsNowhere;
            f.workload = wl.name;
            result.findings.push_back(f);
        } else if (!anyAdmissible) {
            Finding f;
            f.code = FindingCode::NoRouteMeetsSlo;
            f.workload = wl.name;
            // The route closest to its SLOs, for the message: smallest worst ratio.
            double best = std::numeric_limits<double>::infinity();
            for (const RouteCandidate &c : cands[w]) {
                if (!c.reachable)
                    continue;
                double rt = wl.ttftSloMs > 0 ? c.ttftMs / wl.ttftSloMs : 0;
                double rp = wl.tpotSloMs > 0 ? c.tpotMs / wl.tpotSloMs : 0;
                double worst = std::max(rt, rp);
                if (worst < best) {
                    best = worst;
                    bool ttftWorse = rt >= rp;
                    f.pool = poolName(problem, c.prefillPool);
                    f.otherPool = poolName(problem, c.decodePool);
                    f.text = ttftWorse ? "ttft" : "tpot";
                    f.value = ttftWorse ? c.ttftMs : c.tpotMs;
                    f.limit = ttftWorse ? wl.ttftSloMs : wl.tpotSloMs;
                }
            }
            result.findings.push_back(f);
        }
        if (out.unservedPerS > kShareEpsilon * std::max(out.demandPerS, 1e-12) && anyAdmissible) {
            Finding f;
            f.code = FindingCode::DemandUnserved;
            f.workload = wl.name;
            f.value = out.unservedPerS;
            f.limit = out.demandPerS;
            result.findings.push_back(f);
        }

        // Binding: the row that charges this workload's routes the most (dual × coefficient),
        // over the routes it uses and those that would be cheaper in the objective.
        if (!anyAdmissible) {
            out.binding.kind = BindingKind::NoRoute;
        } else {
            double usedMax = -std::numeric_limits<double>::infinity();
            for (size_t k = 0; k < cands[w].size(); ++k)
                if (rates[w][k] > 0)
                    usedMax = std::max(usedMax, routeCoefficient(problem, w, cands[w][k], policy));
            if (out.unservedPerS > 0)
                usedMax = std::numeric_limits<double>::infinity();
            int bestRow = 0;
            double bestCharge = kDualEpsilon;
            for (int col = 1; col < static_cast<int>(refs.size()); ++col) {
                const ColumnRef &ref = refs[col];
                if (ref.w != w || ref.candidate < 0)
                    continue;
                double coef = routeCoefficient(problem, w, cands[w][ref.candidate], policy);
                if (rates[w][ref.candidate] <= 0 && coef > usedMax)
                    continue;
                for (auto [row, v] : ref.rows) {
                    if (row == demandRow[w])
                        continue;
                    double charge = -rowDual(row) * v;
                    if (charge > bestCharge) {
                        bestCharge = charge;
                        bestRow = row;
                    }
                }
            }
            if (bestRow != 0) {
                Binding &b = out.binding;
                double shadow = -rowDual(bestRow);
                double perUnit = shadow;
                for (auto &[id, r] : computeRow)
                    if (r == bestRow) {
                        b.kind = BindingKind::PoolCompute;
                        b.pool = poolName(problem, id);
                        b.unit = "device";
                    }
                for (auto &[id, r] : kvRow)
                    if (r == bestRow) {
                        b.kind = BindingKind::KvMemory;
                        b.pool = poolName(problem, id);
                        b.unit = "GB";
                        const RoutePool *p = problem.pool(id);
                        double cap = p && w < static_cast<int>(p->offers.size()) ? p->offers[w].kvCapacityBytes : 0;
                        perUnit = cap > 0 ? shadow / (cap / kBytesPerGB) : 0;
                    }
                for (auto &[key, r] : linkRow)
                    if (r == bestRow) {
                        b.kind = BindingKind::LinkBandwidth;
                        const RouteLink *l = problem.link(key.first);
                        b.link = l ? l->name : std::to_string(key.first);
                        b.unit = "GB/s";
                    }
                if (bestRow == capRow && capped) {
                    b.kind = BindingKind::CostCap;
                    b.unit = "$/h";
                }
                b.shadowPerUnit = perUnit;
                if (policy != RoutePolicy::Latency) {
                    if (starvedRows.count(bestRow))
                        b.servesTokensPerS = penaltyPerTokenPerS > 0 ? perUnit / penaltyPerTokenPerS : 0;
                    else
                        b.savesUsdPerHour = perUnit;
                }
            } else {
                // Nothing charges the routes: either the cheapest route is used, or cheaper ones miss the SLOs.
                double usedUsd = out.usdPerMillionTokens;
                const RouteCandidate *cheaper = nullptr;
                for (const RouteCandidate &c : cands[w])
                    if (!c.meetsSlo && c.reachable && c.allowedByRules && c.usdPerMillionTokens < usedUsd &&
                        (!cheaper || c.usdPerMillionTokens < cheaper->usdPerMillionTokens))
                        cheaper = &c;
                if (cheaper && policy != RoutePolicy::Latency) {
                    Binding &b = out.binding;
                    b.kind = BindingKind::Slo;
                    b.cheaperPrefill = poolName(problem, cheaper->prefillPool);
                    b.cheaperDecode = poolName(problem, cheaper->decodePool);
                    bool ttftMissed = !within(cheaper->ttftMs, wl.ttftSloMs);
                    b.sloMs = ttftMissed ? wl.ttftSloMs : wl.tpotSloMs;
                    b.missedMs = ttftMissed ? cheaper->ttftMs : cheaper->tpotMs;
                    b.unit = ttftMissed ? "ttft" : "tpot";
                }
            }
        }

        // Alternative: the cheapest SLO-meeting route not used; else the cheapest that misses.
        const RouteCandidate *alt = nullptr;
        for (size_t k = 0; k < cands[w].size(); ++k) {
            const RouteCandidate &c = cands[w][k];
            if (!c.meetsSlo || rates[w][k] > kShareEpsilon * std::max(out.demandPerS, 1e-12))
                continue;
            if (!alt || c.usdPerMillionTokens < alt->usdPerMillionTokens)
                alt = &c;
        }
        if (!alt)
            for (const RouteCandidate &c : cands[w])
                if (c.reachable && !c.meetsSlo && (!alt || c.usdPerMillionTokens < alt->usdPerMillionTokens))
                    alt = &c;
        if (alt) {
            Alternative &a = out.alternative;
            a.exists = true;
            a.prefillPool = poolName(problem, alt->prefillPool);
            a.decodePool = poolName(problem, alt->decodePool);
            a.usdPerMillionTokens = alt->usdPerMillionTokens;
            a.deltaUsdPerMillionTokens = alt->usdPerMillionTokens - out.usdPerMillionTokens;
            a.meetsSlo = alt->meetsSlo;
            a.allowedByRules = alt->allowedByRules;
            a.ttftMs = alt->ttftMs;
            a.tpotMs = alt->tpotMs;
        }
        result.workloads.push_back(std::move(out));
    }
    result.unservedTotal = demandTokens > 0 ? unservedTokens / demandTokens : 0;

    // --- pools and links ----------------------------------------------------------------------
    for (const RoutePool &p : problem.pools) {
        PoolLoad pl;
        pl.poolId = p.id;
        pl.name = p.name;
        auto cr = computeRow.find(p.id);
        if (cr != computeRow.end() && result.solved) {
            double used = glp_get_row_prim(lp.p, cr->second);
            pl.deviceUtilisation = p.devices > 0 ? used / p.devices : 0;
            pl.usdPerHourUsed = used * p.usdPerDeviceHour();
            pl.kvUtilisation = glp_get_row_prim(lp.p, kvRow[p.id]);
            pl.computeShadowUsdPerHour = policy != RoutePolicy::Latency ? std::max(0.0, -rowDual(cr->second)) : 0;
        }
        result.usdPerHour += pl.usdPerHourUsed;
        result.pools.push_back(pl);
    }
    for (const RouteLink &l : problem.links) {
        LinkLoad ll;
        ll.linkId = l.id;
        ll.name = l.name;
        ll.bandwidthBytesPerS = l.bandwidthBytesPerS;
        if (result.solved) {
            ll.forwardBytesPerS = glp_get_row_prim(lp.p, linkRow[{l.id, true}]) * kBytesPerGB;
            ll.backwardBytesPerS = glp_get_row_prim(lp.p, linkRow[{l.id, false}]) * kBytesPerGB;
        }
        ll.utilisation = l.bandwidthBytesPerS > 0
                             ? std::max(ll.forwardBytesPerS, ll.backwardBytesPerS) / l.bandwidthBytesPerS
                             : 0;
        result.links.push_back(ll);
    }
    if (capped && -rowDual(capRow) > kDualEpsilon) {
        Finding f;
        f.code = FindingCode::CostCapBinds;
        f.value = glp_get_row_prim(lp.p, capRow);
        f.limit = problem.costCapUsdPerHour;
        result.findings.push_back(f);
    }
    return result;
}

} // namespace tokenroute
