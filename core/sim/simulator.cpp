#include "core/sim/simulator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <limits>
#include <queue>
#include <random>

#include "core/sim/cachesweep.h"
#include "core/util/error.h"

namespace tokenroute {

std::string toString(SimPoolKind k)
{
    switch (k) {
    case SimPoolKind::Prefill: return "prefill";
    case SimPoolKind::Decode: return "decode";
    case SimPoolKind::Combined: return "combined";
    }
    return "combined";
}

std::string toString(RoutingMode m)
{
    return m == RoutingMode::Shares ? "shares" : "kv-aware";
}

namespace {

const std::string kConfigFile = "<simulation>";
constexpr std::uint32_t kNoRequest = 0xFFFFFFFFu;
// Utilisation windows kept per pool; a run longer than this many windows stops recording the
// series (the totals stay exact) so memory stays bounded.
constexpr std::size_t kMaxSeriesWindows = 100000;

enum class EventType : std::uint8_t { Arrival, IterationDone, TransferDone };

struct Event {
    double t;
    std::uint64_t seq;            // ties broken by creation order: deterministic replays
    EventType type;
    std::uint32_t index;          // instance for IterationDone, request for TransferDone
    bool operator>(const Event &o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

struct Request {
    long long id = 0;
    double arrivalS = 0;
    int input = 0;
    int output = 0;
    int blockTokens = kMooncakeBlockTokens;
    std::vector<std::uint64_t> blocks;
    int prefillPool = -1, prefillInstance = -1;
    int decodePool = -1, decodeInstance = -1;
    bool started = false;         // prefix looked up, first chunk scheduled
    int cached = 0;               // tokens taken from the cache (not recomputed)
    int toCompute = 0;            // new tokens the prefill must compute
    int computed = 0;
    int hitBlocks[kMaxCacheTiers] = {};
    double prefillStartS = 0;
    double firstTokenS = 0;
    long long reservedKv = 0;
    long long contextAtFinish = 0;
};

struct Instance {
    int pool = 0;
    std::deque<std::uint32_t> prefillQueue;
    long long queuedTokens = 0;   // prompt tokens waiting or in prefill here (for load balancing)
    std::deque<std::uint32_t> decodeWait;
    long long waitingKv = 0;
    // Running decodes ordered by the step at which they finish.
    std::priority_queue<std::pair<long long, std::uint32_t>, std::vector<std::pair<long long, std::uint32_t>>,
                        std::greater<>> running;
    long long kvUsed = 0;
    long long contextSum = 0;
    long long step = 0;
    bool busy = false;
    double iterationStartS = 0;
    std::vector<std::pair<std::uint32_t, int>> chunk;  // requests and tokens in the current iteration
    int decodeBatch = 0;
    int steps = 1;                // decode steps the current iteration stands for (see maybeStart)
};

struct PoolState {
    std::unique_ptr<PrefixCache> cache;
    std::vector<int> instances;
    SimPoolResult result;
    double linkBytes = 0;
};

class Simulation {
public:
    Simulation(const SimConfig &config, RequestSource &source, const SimCallbacks &callbacks)
        : m_config(config)
        , m_source(source)
        , m_callbacks(callbacks)
        , m_rng(config.seed)
    {
        validateConfig();
        for (std::size_t p = 0; p < m_config.pools.size(); ++p) {
            const SimPool &pool = m_config.pools[p];
            PoolState st;
            if (!pool.tiers.empty()) {
                std::vector<CacheTierConfig> tiers;
                for (const auto &t : pool.tiers)
                    tiers.push_back({t.name, t.capacityBlocks});
                st.cache = std::make_unique<PrefixCache>(tiers, pool.policy);
            }
            for (int r = 0; r < pool.replicas; ++r) {
                st.instances.push_back(static_cast<int>(m_instances.size()));
                Instance inst;
                inst.pool = static_cast<int>(p);
                m_instances.push_back(std::move(inst));
            }
            st.result.name = pool.name;
            st.result.kind = pool.kind;
            st.result.replicas = pool.replicas;
            st.result.kvCapacityTokens = pool.model ? pool.model->kvCapacityTokens() : 0;
            for (const auto &t : pool.tiers) {
                SimTierResult tr;
                tr.name = t.name;
                tr.capacityBlocks = t.capacityBlocks;
                st.result.tiers.push_back(tr);
            }
            m_pools.push_back(std::move(st));
            m_decodeWaiting.push_back(0);
            if (pool.kind != SimPoolKind::Decode)
                m_prefillPools.push_back(static_cast<int>(p));
            if (pool.kind == SimPoolKind::Decode)
                m_decodePools.push_back(static_cast<int>(p));
        }
    }

    SimResult run();

private:
    void validateConfig() const;
    void schedule(double t, EventType type, std::uint32_t index)
    {
        m_events.push(Event{t, m_seq++, type, index});
    }
    // Decode-only replicas' iterations go to their own queue, so the earliest event that could
    // bring them new work (everything else) can be read off the other queue's top.
    void scheduleDecode(double t, std::uint32_t instance)
    {
        m_decodeEvents.push(Event{t, m_seq++, EventType::IterationDone, instance});
    }
    void pullArrival();
    void onArrival();
    void onIterationDone(int instance);
    void onTransferDone(std::uint32_t req);
    void maybeStart(int instance);
    int choosePrefill(const Request &r);
    int chooseWeighted(const std::vector<int> &pools);
    int leastKvInstance(int pool) const;
    void startPrefill(Request &r, PoolState &ps, const SimPool &pool);
    void finishPrefill(std::uint32_t idx, int instance);
    void toDecode(std::uint32_t idx, int pool, int instance);
    void complete(std::uint32_t idx);
    void reject(Request &r);
    void advanceClock(double t);
    void addBusy(int pool, double from, double to);
    std::uint32_t allocate();
    void release(std::uint32_t idx);

    const SimConfig &m_config;
    RequestSource &m_source;
    const SimCallbacks &m_callbacks;
    std::mt19937_64 m_rng;
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> m_events;
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> m_decodeEvents;
    std::uint64_t m_seq = 0;
    std::vector<Request> m_requests;
    std::vector<std::uint32_t> m_free;
    std::vector<Instance> m_instances;
    std::vector<PoolState> m_pools;
    std::vector<int> m_prefillPools, m_decodePools;
    std::vector<long long> m_decodeWaiting;  // per pool, requests waiting for decode KV memory
    std::vector<SimLinkResult> m_links;
    std::vector<double> m_linkFreeS;  // each path carries one transfer at a time (FIFO) until then

    TraceRequest m_next;
    bool m_haveNext = false;
    double m_now = 0;
    double m_firstArrival = -1;
    double m_lastCompletion = 0;
    long long m_inSystem = 0;
    double m_area = 0;            // ∫ requests in system dt
    double m_lastT = 0;

    LatencyHistogram m_ttft, m_tpot, m_e2e, m_wait;
    SimResult m_result;
    long long m_good = 0;
    std::vector<PrefillWork> m_work;
    double m_pendingLoadS = 0;    // load time of cached blocks for the iteration being formed
};

void Simulation::validateConfig() const
{
    const auto &pools = m_config.pools;
    if (pools.empty())
        throw InputError(kConfigFile, "pools", "the plan has no pool to simulate");
    bool prefill = false, decode = false, split = false;
    for (std::size_t i = 0; i < pools.size(); ++i) {
        const auto &p = pools[i];
        const std::string where = "pools[" + std::to_string(i) + "] (" + p.name + ")";
        if (!p.model)
            throw InputError(kConfigFile, where, "no service model (the pool serves no model)");
        if (p.replicas <= 0)
            throw InputError(kConfigFile, where, "expected at least one replica");
        if (p.maxBatchTokens <= 0 || p.maxBatch <= 0)
            throw InputError(kConfigFile, where, "batch limits must be positive");
        if (static_cast<int>(p.tiers.size()) > kMaxCacheTiers)
            throw InputError(kConfigFile, where, "at most " + std::to_string(kMaxCacheTiers) + " cache tiers");
        if (!(p.share >= 0))
            throw InputError(kConfigFile, where, "share must be ≥ 0");
        prefill |= p.kind != SimPoolKind::Decode;
        decode |= p.kind == SimPoolKind::Decode;
        split |= p.kind == SimPoolKind::Prefill;
    }
    if (!prefill)
        throw InputError(kConfigFile, "pools", "no prefill or combined pool: nothing can serve a prompt");
    if (split && !decode)
        throw InputError(kConfigFile, "pools", "a prefill pool needs a decode pool to hand its requests to");
    if (m_config.defaultPathGBs <= 0)
        throw InputError(kConfigFile, "defaultPathGBs", "expected a positive bandwidth");
}

std::uint32_t Simulation::allocate()
{
    if (!m_free.empty()) {
        const std::uint32_t i = m_free.back();
        m_free.pop_back();
        return i;
    }
    m_requests.emplace_back();
    return static_cast<std::uint32_t>(m_requests.size() - 1);
}

void Simulation::release(std::uint32_t idx)
{
    auto blocks = std::move(m_requests[idx].blocks);
    blocks.clear();
    m_requests[idx] = Request{};
    m_requests[idx].blocks = std::move(blocks);   // keep the capacity for the next request
    m_free.push_back(idx);
}

void Simulation::advanceClock(double t)
{
    m_area += static_cast<double>(m_inSystem) * (t - m_lastT);
    m_lastT = t;
    m_now = t;
}

void Simulation::pullArrival()
{
    m_haveNext = m_source.next(m_next);
    if (m_haveNext)
        schedule(std::max(m_next.arrivalS, m_now), EventType::Arrival, 0);
}

int Simulation::chooseWeighted(const std::vector<int> &pools)
{
    if (pools.size() == 1)
        return pools[0];
    double total = 0;
    for (int p : pools)
        total += m_config.pools[static_cast<std::size_t>(p)].share;
    if (total <= 0)
        return pools[0];
    double u = std::uniform_real_distribution<double>(0, total)(m_rng);
    for (int p : pools) {
        u -= m_config.pools[static_cast<std::size_t>(p)].share;
        if (u < 0)
            return p;
    }
    return pools.back();
}

// Shares: a weighted draw of the pool, then the replica with the least queued prompt work.
// KV-aware: every replica of every prefill-capable pool is scored by the prompt tokens it would
// still have to compute (after its pool's cached prefix) plus the tokens already queued there —
// the overlap-versus-load trade serving routers make — and the lowest score wins.
int Simulation::choosePrefill(const Request &r)
{
    if (m_config.routing == RoutingMode::Shares) {
        const int pool = chooseWeighted(m_prefillPools);
        int best = -1;
        for (int i : m_pools[static_cast<std::size_t>(pool)].instances)
            if (best < 0 || m_instances[static_cast<std::size_t>(i)].queuedTokens < m_instances[static_cast<std::size_t>(best)].queuedTokens)
                best = i;
        return best;
    }
    int best = -1;
    double bestScore = std::numeric_limits<double>::infinity();
    for (int p : m_prefillPools) {
        if (m_config.pools[static_cast<std::size_t>(p)].share <= 0 && m_prefillPools.size() > 1)
            continue;
        const auto &ps = m_pools[static_cast<std::size_t>(p)];
        long long cachedTokens = 0;
        if (ps.cache) {
            const int run = ps.cache->peek(r.blocks);
            for (int b = 0; b < run; ++b)
                cachedTokens += blockTokensAt(r.input, r.blockTokens, b);
        }
        for (int i : ps.instances) {
            const double score = static_cast<double>(r.input - cachedTokens)
                + static_cast<double>(m_instances[static_cast<std::size_t>(i)].queuedTokens);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
    }
    return best;
}

int Simulation::leastKvInstance(int pool) const
{
    int best = -1;
    long long bestLoad = 0;
    for (int i : m_pools[static_cast<std::size_t>(pool)].instances) {
        const auto &inst = m_instances[static_cast<std::size_t>(i)];
        const long long load = inst.kvUsed + inst.waitingKv;
        if (best < 0 || load < bestLoad) {
            best = i;
            bestLoad = load;
        }
    }
    return best;
}

void Simulation::onArrival()
{
    const std::uint32_t idx = allocate();
    Request &r = m_requests[idx];
    r.id = m_next.id;
    r.arrivalS = m_now;
    r.input = std::max(1, m_next.inputTokens);
    r.output = std::max(0, m_next.outputTokens);
    r.blockTokens = m_next.blockTokens > 0 ? m_next.blockTokens : kMooncakeBlockTokens;
    r.blocks.assign(m_next.blocks.begin(), m_next.blocks.end());
    if (m_firstArrival < 0)
        m_firstArrival = m_now;
    ++m_result.arrived;
    ++m_inSystem;

    const int inst = choosePrefill(r);
    Instance &in = m_instances[static_cast<std::size_t>(inst)];
    r.prefillPool = in.pool;
    r.prefillInstance = inst;
    in.prefillQueue.push_back(idx);
    in.queuedTokens += r.input;
    maybeStart(inst);
    pullArrival();
}

void Simulation::startPrefill(Request &r, PoolState &ps, const SimPool &pool)
{
    r.started = true;
    r.prefillStartS = m_now;
    m_wait.add(m_now - r.arrivalS);
    const int tiers = static_cast<int>(pool.tiers.size());
    int perTier[kMaxCacheTiers] = {};
    int run = 0;
    if (ps.cache && !r.blocks.empty()) {
        run = ps.cache->lookup(r.blocks, std::span<int>(perTier, static_cast<std::size_t>(tiers)));
        ps.result.blockLookups += static_cast<long long>(r.blocks.size());
    } else {
        // A request without hash ids still looks up its blocks; none can hit.
        const long long n = (r.input + r.blockTokens - 1) / r.blockTokens;
        ps.result.blockLookups += n;
        m_result.blockLookups += n;
    }
    if (ps.cache && !r.blocks.empty())
        m_result.blockLookups += static_cast<long long>(r.blocks.size());
    // Tokens per tier: whole blocks, except that the last matched block may be partial.
    long long tierTokens[kMaxCacheTiers] = {};
    for (int t = 0; t < tiers; ++t)
        tierTokens[t] = static_cast<long long>(perTier[t]) * r.blockTokens;
    if (run > 0) {
        const long long lastTokens = blockTokensAt(r.input, r.blockTokens, run - 1);
        const int lastTier = ps.cache->tierOf(r.blocks[static_cast<std::size_t>(run - 1)]);
        if (lastTier >= 0)
            tierTokens[lastTier] -= r.blockTokens - lastTokens;
    }
    const ServiceModel &model = *pool.model;
    long long cached = 0;
    double loadS = 0;
    for (int t = 0; t < tiers; ++t) {
        if (perTier[t] == 0)
            continue;
        const SimTier &tier = pool.tiers[static_cast<std::size_t>(t)];
        auto &tr = ps.result.tiers[static_cast<std::size_t>(t)];
        r.hitBlocks[t] = perTier[t];
        m_result.hitBlocks += perTier[t];
        const double bytes = static_cast<double>(tierTokens[t]) * model.kvBytesPerToken();
        double load = 0;
        if (tier.bandwidthGBs > 0)
            load = bytes / (tier.bandwidthGBs * 1e9) + tier.latencyUs * 1e-6;
        if (load > 0 && m_config.recomputeWhenCheaper) {
            const PrefillWork w{static_cast<int>(tierTokens[t]), static_cast<int>(cached)};
            if (model.prefillSeconds(std::span<const PrefillWork>(&w, 1)) < load) {
                tr.recomputedBlocks += perTier[t];
                continue;
            }
        }
        cached += tierTokens[t];
        loadS += load;
        if (tier.bandwidthGBs > 0) {
            tr.loadedBytes += bytes;
            tr.loadEnergyJ += bytes * 8 * tier.energyPjPerBit * 1e-12;
        }
    }
    // At least one token is always computed: the last position's logits give the first token.
    r.cached = static_cast<int>(std::min<long long>(cached, r.input - 1));
    r.toCompute = r.input - r.cached;
    m_result.promptTokens += r.input;
    m_result.cachedTokens += r.cached;
    m_pendingLoadS += loadS;
}

void Simulation::maybeStart(int instance)
{
    Instance &in = m_instances[static_cast<std::size_t>(instance)];
    if (in.busy)
        return;
    const SimPool &pool = m_config.pools[static_cast<std::size_t>(in.pool)];
    PoolState &ps = m_pools[static_cast<std::size_t>(in.pool)];
    const ServiceModel &model = *pool.model;

    // Admit waiting decodes first come, first served while their reservation fits.
    while (!in.decodeWait.empty() && static_cast<int>(in.running.size()) < pool.maxBatch) {
        const std::uint32_t idx = in.decodeWait.front();
        Request &r = m_requests[idx];
        if (in.kvUsed + r.reservedKv > model.kvCapacityTokens())
            break;
        in.decodeWait.pop_front();
        --m_decodeWaiting[static_cast<std::size_t>(in.pool)];
        in.waitingKv -= r.reservedKv;
        in.kvUsed += r.reservedKv;
        in.contextSum += r.input + 1;
        // The prefill produced the first token; output − 1 steps remain.
        in.running.emplace(in.step + (r.output - 1), idx);
        ++ps.result.decodes;
    }
    in.decodeBatch = static_cast<int>(in.running.size());
    in.steps = 1;
    double t = 0;
    if (in.decodeBatch > 0)
        t += model.decodeStepSeconds(in.decodeBatch, in.contextSum);
    if (pool.kind == SimPoolKind::Decode && in.decodeBatch > 0) {
        // A decode-only replica changes its batch only when a request finishes or new work
        // reaches it, and new work can only come from an event in the other queue. Until the
        // earlier of the two, its steps are fixed, so they are taken as one event: the same
        // step times in the same order (context grows by the batch each step), without a
        // trip through the queue per token. A step that starts before the next outside event is
        // taken whole, exactly as the step-by-step loop would finish it before admitting anyone.
        const long long untilFinish = in.running.top().first - in.step;
        const double horizon = m_events.empty() ? std::numeric_limits<double>::infinity() : m_events.top().t;
        long long context = in.contextSum;
        while (in.steps < untilFinish && m_now + t < horizon) {
            context += in.decodeBatch;
            t += model.decodeStepSeconds(in.decodeBatch, context);
            ++in.steps;
        }
        in.busy = true;
        in.iterationStartS = m_now;
        in.chunk.clear();
        scheduleDecode(m_now + t, static_cast<std::uint32_t>(instance));
        return;
    }

    in.chunk.clear();
    m_work.clear();
    m_pendingLoadS = 0;
    if (pool.kind != SimPoolKind::Decode) {
        int budget = pool.maxBatchTokens - (pool.kind == SimPoolKind::Combined ? in.decodeBatch : 0);
        for (std::uint32_t idx : in.prefillQueue) {
            if (budget <= 0)
                break;
            Request &r = m_requests[idx];
            if (!r.started)
                startPrefill(r, ps, pool);
            const int take = std::min(budget, r.toCompute - r.computed);
            in.chunk.emplace_back(idx, take);
            m_work.push_back(PrefillWork{take, r.cached + r.computed});
            budget -= take;
        }
        if (!m_work.empty())
            t += model.prefillSeconds(m_work) + m_pendingLoadS;
    }
    if (in.decodeBatch == 0 && in.chunk.empty())
        return;
    in.busy = true;
    in.iterationStartS = m_now;
    schedule(m_now + t, EventType::IterationDone, static_cast<std::uint32_t>(instance));
}

void Simulation::addBusy(int pool, double from, double to)
{
    auto &res = m_pools[static_cast<std::size_t>(pool)].result;
    res.busySeconds += to - from;
    const double w = m_config.seriesWindowS;
    if (w <= 0 || m_firstArrival < 0)
        return;
    double a = from - m_firstArrival, b = to - m_firstArrival;
    while (a < b) {
        const auto win = static_cast<std::size_t>(std::max(0.0, std::floor(a / w)));
        if (win >= kMaxSeriesWindows)
            return;
        if (res.utilisationSeries.size() <= win)
            res.utilisationSeries.resize(win + 1, 0);
        const double end = std::min(b, static_cast<double>(win + 1) * w);
        res.utilisationSeries[win] += end - a;
        a = end;
    }
}

void Simulation::onIterationDone(int instance)
{
    Instance &in = m_instances[static_cast<std::size_t>(instance)];
    in.busy = false;
    addBusy(in.pool, in.iterationStartS, m_now);
    auto &ps = m_pools[static_cast<std::size_t>(in.pool)];

    if (in.decodeBatch > 0) {
        in.step += in.steps;
        m_result.decodeSteps += in.steps;
        in.contextSum += static_cast<long long>(in.decodeBatch) * in.steps;
        while (!in.running.empty() && in.running.top().first <= in.step) {
            const std::uint32_t idx = in.running.top().second;
            in.running.pop();
            Request &r = m_requests[idx];
            in.kvUsed -= r.reservedKv;
            in.contextSum -= static_cast<long long>(r.input) + r.output;
            complete(idx);
        }
    }
    for (const auto &[idx, take] : in.chunk) {
        Request &r = m_requests[idx];
        r.computed += take;
        ps.result.prefillTokens += take;
    }
    while (!in.prefillQueue.empty()) {
        const std::uint32_t idx = in.prefillQueue.front();
        const Request &r = m_requests[idx];
        if (!r.started || r.computed < r.toCompute)
            break;
        in.prefillQueue.pop_front();
        in.queuedTokens -= r.input;
        finishPrefill(idx, instance);
    }
    in.chunk.clear();
    maybeStart(instance);
}

void Simulation::finishPrefill(std::uint32_t idx, int instance)
{
    Request &r = m_requests[idx];
    auto &ps = m_pools[static_cast<std::size_t>(r.prefillPool)];
    ++ps.result.prefills;
    if (ps.cache && !r.blocks.empty())
        ps.cache->insert(r.blocks);
    r.firstTokenS = m_now;
    if (r.output <= 1) {
        complete(idx);
        return;
    }
    const SimPool &pool = m_config.pools[static_cast<std::size_t>(r.prefillPool)];
    if (pool.kind == SimPoolKind::Combined) {
        toDecode(idx, r.prefillPool, instance);
        return;
    }
    const int dpool = chooseWeighted(m_decodePools);
    const int dinst = leastKvInstance(dpool);
    r.decodePool = dpool;
    r.decodeInstance = dinst;
    // The KV cache of the whole prompt moves over the path between the two pools, one transfer at
    // a time: the path's bottleneck is shared by all the pool's replicas.
    bool found = false;
    double gbs = m_config.defaultPathGBs, latUs = m_config.defaultPathLatencyUs;
    std::size_t link = m_links.size();
    for (std::size_t i = 0; i < m_config.paths.size(); ++i) {
        const auto &p = m_config.paths[i];
        if (p.fromPool == r.prefillPool && p.toPool == dpool) {
            found = true;
            gbs = p.bandwidthGBs > 0 ? p.bandwidthGBs : gbs;
            latUs = p.latencyUs;
            break;
        }
    }
    if (!found)  // no stated path: every prefill replica has its own default NIC
        gbs *= m_config.pools[static_cast<std::size_t>(r.prefillPool)].replicas;
    for (std::size_t i = 0; i < m_links.size(); ++i)
        if (m_links[i].fromPool == r.prefillPool && m_links[i].toPool == dpool)
            link = i;
    if (link == m_links.size()) {
        m_links.push_back(SimLinkResult{r.prefillPool, dpool, 0, 0});
        m_linkFreeS.push_back(0);
    }
    const double bytes = static_cast<double>(r.input) * pool.model->kvBytesPerToken();
    const double start = std::max(m_now, m_linkFreeS[link]);
    const double wire = bytes / (gbs * 1e9);
    m_linkFreeS[link] = start + wire;
    m_links[link].transfers += 1;
    m_links[link].bytes += bytes;
    schedule(start + wire + latUs * 1e-6, EventType::TransferDone, idx);
}

void Simulation::onTransferDone(std::uint32_t idx)
{
    Request &r = m_requests[idx];
    toDecode(idx, r.decodePool, r.decodeInstance);
}

void Simulation::toDecode(std::uint32_t idx, int pool, int instance)
{
    Request &r = m_requests[idx];
    r.decodePool = pool;
    r.decodeInstance = instance;
    r.reservedKv = static_cast<long long>(r.input) + r.output;
    const ServiceModel &model = *m_config.pools[static_cast<std::size_t>(pool)].model;
    if (r.reservedKv > model.kvCapacityTokens()) {
        reject(r);
        release(idx);
        return;
    }
    Instance &in = m_instances[static_cast<std::size_t>(instance)];
    in.decodeWait.push_back(idx);
    in.waitingKv += r.reservedKv;
    auto &pr = m_pools[static_cast<std::size_t>(pool)].result;
    pr.peakDecodeWaiting = std::max(pr.peakDecodeWaiting, ++m_decodeWaiting[static_cast<std::size_t>(pool)]);
    maybeStart(instance);
}

void Simulation::reject(Request &r)
{
    ++m_result.rejected;
    --m_inSystem;
    if (m_callbacks.onRequest) {
        RequestRecord rec;
        rec.id = r.id;
        rec.arrivalS = r.arrivalS;
        rec.inputTokens = r.input;
        rec.outputTokens = r.output;
        rec.prefillPool = r.prefillPool;
        rec.decodePool = r.decodePool;
        rec.rejected = true;
        m_callbacks.onRequest(rec);
    }
}

void Simulation::complete(std::uint32_t idx)
{
    Request &r = m_requests[idx];
    const double ttft = r.firstTokenS - r.arrivalS;
    const double e2e = m_now - r.arrivalS;
    const double tpot = r.output > 1 ? (m_now - r.firstTokenS) / (r.output - 1) : 0;
    m_ttft.add(ttft);
    m_e2e.add(e2e);
    if (r.output > 1)
        m_tpot.add(tpot);
    ++m_result.completed;
    m_result.outputTokens += r.output;
    const bool ttftOk = m_config.ttftSloS <= 0 || ttft <= m_config.ttftSloS;
    const bool tpotOk = m_config.tpotSloS <= 0 || r.output <= 1 || tpot <= m_config.tpotSloS;
    if (ttftOk && tpotOk)
        ++m_good;
    --m_inSystem;
    m_lastCompletion = m_now;
    if (m_callbacks.onRequest) {
        RequestRecord rec;
        rec.id = r.id;
        rec.arrivalS = r.arrivalS;
        rec.ttftS = ttft;
        rec.tpotS = tpot;
        rec.e2eS = e2e;
        rec.inputTokens = r.input;
        rec.outputTokens = r.output;
        rec.cachedTokens = r.cached;
        std::copy(std::begin(r.hitBlocks), std::end(r.hitBlocks), std::begin(rec.hitBlocks));
        rec.prefillPool = r.prefillPool;
        rec.decodePool = r.decodePool;
        m_callbacks.onRequest(rec);
    }
    release(idx);
}

SimResult Simulation::run()
{
    const auto wall0 = std::chrono::steady_clock::now();
    pullArrival();
    while (!m_events.empty() || !m_decodeEvents.empty()) {
        const bool decodeFirst = !m_decodeEvents.empty()
            && (m_events.empty() || m_events.top() > m_decodeEvents.top());
        auto &queue = decodeFirst ? m_decodeEvents : m_events;
        const Event e = queue.top();
        queue.pop();
        advanceClock(e.t);
        ++m_result.events;
        switch (e.type) {
        case EventType::Arrival: onArrival(); break;
        case EventType::IterationDone: onIterationDone(static_cast<int>(e.index)); break;
        case EventType::TransferDone: onTransferDone(e.index); break;
        }
        if (m_callbacks.onProgress && m_callbacks.progressEvery > 0 && m_result.events % m_callbacks.progressEvery == 0
            && !m_callbacks.onProgress(m_result.arrived, m_now - std::max(0.0, m_firstArrival))) {
            m_result.cancelled = true;
            break;
        }
    }
    SimResult res = std::move(m_result);
    const double start = std::max(0.0, m_firstArrival);
    res.simSeconds = std::max(0.0, m_lastCompletion - start);
    res.ttft = m_ttft.summary();
    res.tpot = m_tpot.summary();
    res.ttftCdf = m_ttft.cdf();
    res.tpotCdf = m_tpot.cdf();
    res.e2e = m_e2e.summary();
    res.prefillWait = m_wait.summary();
    if (res.simSeconds > 0) {
        res.goodputRps = static_cast<double>(m_good) / res.simSeconds;
        res.throughputRps = static_cast<double>(res.completed) / res.simSeconds;
        res.meanInSystem = m_area / (m_lastT - start);
    }
    res.prefixHitRatio = res.promptTokens > 0 ? static_cast<double>(res.cachedTokens) / static_cast<double>(res.promptTokens) : 0;
    res.blockHitRatio = res.blockLookups > 0 ? static_cast<double>(res.hitBlocks) / static_cast<double>(res.blockLookups) : 0;
    for (std::size_t p = 0; p < m_pools.size(); ++p) {
        auto &ps = m_pools[p];
        auto pr = std::move(ps.result);
        const SimPool &pool = m_config.pools[p];
        const double span = res.simSeconds * pool.replicas;
        pr.utilisation = span > 0 ? pr.busySeconds / span : 0;
        for (auto &v : pr.utilisationSeries)
            v /= m_config.seriesWindowS * pool.replicas;
        pr.energyJ = pr.busySeconds * pool.model->busyPowerW()
            + std::max(0.0, span - pr.busySeconds) * pool.model->idlePowerW();
        for (std::size_t t = 0; t < pr.tiers.size(); ++t) {
            auto &tr = pr.tiers[t];
            if (ps.cache) {
                const auto &cs = ps.cache->stats(static_cast<int>(t));
                tr.hitBlocks = cs.hitBlocks;
                tr.demotions = cs.demotions;
                tr.evictions = cs.evictions;
            }
            tr.hitRatio = pr.blockLookups > 0 ? static_cast<double>(tr.hitBlocks) / static_cast<double>(pr.blockLookups) : 0;
            pr.energyJ += tr.loadEnergyJ;
        }
        res.energyJ += pr.energyJ;
        res.pools.push_back(std::move(pr));
    }
    res.links = m_links;
    res.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    return res;
}

} // namespace

SimResult simulate(const SimConfig &config, RequestSource &source, const SimCallbacks &callbacks)
{
    Simulation sim(config, source, callbacks);
    return sim.run();
}

} // namespace tokenroute
