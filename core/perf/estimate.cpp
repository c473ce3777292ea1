#include "core/perf/perfmodel.h"

#include <algorithm>
#include <cmath>

#include "core/cost/costmodel.h"
#include "core/perf/modelshape.h"

namespace tokenroute {

using namespace perfdetail;

namespace {

// Steady state of one replica serving `perReplica` concurrent requests with continuous batching:
// per unit time it prefills r requests (each costing its share of a batched prefill pass) and runs
// decode steps of the whole batch; r · prefill + r · output · step / (batch · a) = 1 gives r, and
// Little's law gives the time each request spends, hence TPOT.
struct SteadyState {
    PrefillResult single;        // one prompt alone: the TTFT path
    PrefillResult batched;       // the batch of prompts the engine prefills together
    double prefillPerRequestS = 0;
    DecodeStepResult step;
    double requestsPerS = 0;     // per replica
    double ttftS = 0, tpotS = 0, e2eS = 0;
    double prefillShare = 0;     // fraction of the replica's time spent prefilling
};

SteadyState steadyState(const ModelArch &a, const DeviceSetup &s, double input, double output, int perReplica)
{
    SteadyState st;
    const int in = std::max(1, int(std::lround(input)));
    st.single = prefill(a, s, 1, in);
    const int together = std::clamp(s.maxBatchTokens / in, 1, std::max(1, perReplica));
    st.batched = prefill(a, s, together, in);
    st.prefillPerRequestS = st.batched.timeS / together;
    st.step = decodeStep(a, s, perReplica, input + output / 2.0);
    const double tokensPerStep = perReplica * s.acceptedTokensPerStep;
    const double decodePerRequestS = output * st.step.timeS / tokensPerStep;
    st.requestsPerS = 1.0 / (st.prefillPerRequestS + decodePerRequestS);
    st.prefillShare = st.requestsPerS * st.prefillPerRequestS;
    // A new request waits on average half a decode step before its prefill is scheduled.
    st.ttftS = st.single.timeS + 0.5 * st.step.timeS;
    // Decode steps are stretched by the prefills interleaved with them.
    st.tpotS = st.step.timeS / s.acceptedTokensPerStep / std::max(1e-9, 1.0 - st.prefillShare);
    st.e2eS = st.ttftS + std::max(0.0, output - 1) * st.tpotS;
    return st;
}

long long blocksPerRequest(const ModelArch &a, const DeviceSetup &s, const MemoryBudget &mb, double tokens)
{
    const double bytes = kvReplication(a, s.tp) * kvBytesForContext(a, tokens, kvElementBytes(s.kv));
    const double block = mb.blockTokens * mb.kvBytesPerToken;
    return block > 0 ? std::max<long long>(1, (long long)std::ceil(bytes / block - 1e-9)) : 1;
}

double usdPerMillion(double usdPerHour, double tokensPerS)
{
    return tokensPerS > 0 ? usdPerHour / (tokensPerS * 3600.0) * 1e6 : 0;
}

} // namespace

Estimate estimate(const ModelArch &a, const DeviceSetup &s, double input, double output, int concurrency,
                  const CostInputs &cost)
{
    validate(a, s);
    Estimate e;
    e.inputTokens = input;
    e.outputTokens = output;
    e.replicas = s.replicas();
    e.devices = s.count;
    e.memory = memoryBudget(a, s);
    e.kvBytesPerRequest = kvReplication(a, s.tp) * kvBytesForContext(a, input + output, kvElementBytes(s.kv));
    const long long perReplicaMax = e.memory.fits ? e.memory.kvBlocks / blocksPerRequest(a, s, e.memory, input + output) : 0;
    e.maxConcurrency = int(std::min<long long>(perReplicaMax * e.replicas, 1 << 30));
    e.fits = perReplicaMax >= 1;

    const PoolCost pc = devicesCost(*s.device, s.count, cost);
    e.usdPerHour = pc.usdPerHour;
    e.powerW = pc.itPowerW;
    e.ttftBand = uncertaintyFor(a.isMoe() ? CaseKind::MoePrefill : CaseKind::DensePrefill);
    e.throughputBand = uncertaintyFor(CaseKind::Throughput);

    const int wanted = concurrency > 0 ? concurrency : e.maxConcurrency;
    e.concurrency = std::max(1, wanted);
    // Replicas share the requests evenly; with fewer requests than replicas some stay idle.
    const int active = std::min(e.replicas, e.concurrency);
    const int perReplica = (e.concurrency + active - 1) / std::max(1, active);
    const SteadyState st = steadyState(a, s, input, output, perReplica);
    e.prefill = st.single;
    e.decode = st.step;
    e.tpotBand = st.step.band;
    e.ttftS = st.ttftS;
    e.tpotS = st.tpotS;
    e.e2eS = st.e2eS;
    e.requestsPerS = active * st.requestsPerS;
    e.outputTokensPerS = e.requestsPerS * output;
    e.inputTokensPerS = e.requestsPerS * input;
    e.outputTokensPerSPerUser = st.tpotS > 0 ? 1.0 / st.tpotS : 0;
    e.prefillBound = st.single.bound;
    e.decodeBound = st.step.bound;
    // The hour is split between phases by the time each takes; each phase's share is charged to
    // the tokens it produces.
    const double busy = double(active) / std::max(1, e.replicas);
    e.usdPerMillionInput = usdPerMillion(e.usdPerHour * st.prefillShare * busy, e.inputTokensPerS);
    e.usdPerMillionOutput = usdPerMillion(e.usdPerHour * (1 - st.prefillShare * busy), e.outputTokensPerS);
    e.joulesPerOutputToken = e.outputTokensPerS > 0 ? e.powerW / e.outputTokensPerS : 0;
    return e;
}

Estimate estimate(const ModelSpec &model, const DeviceSetup &setup, double input, double output, int concurrency,
                  const CostInputs &cost)
{
    return estimate(model.arch, setup, input, output, concurrency, cost);
}

std::vector<CurvePoint> operatingCurve(const ModelArch &a, const DeviceSetup &s, double input, double output,
                                       const CostInputs &cost)
{
    std::vector<CurvePoint> curve;
    const Estimate top = estimate(a, s, input, output, 0, cost);
    if (!top.fits)
        return curve;
    const int replicas = std::max(1, top.replicas);
    const int maxPerReplica = top.maxConcurrency / replicas;
    std::vector<int> perReplica;
    for (int c = 1; c < maxPerReplica; c *= 2)
        perReplica.push_back(c);
    perReplica.push_back(maxPerReplica);
    for (int c : perReplica) {
        const Estimate e = estimate(a, s, input, output, c * replicas, cost);
        CurvePoint p;
        p.concurrency = e.concurrency;
        p.outputTokensPerSPerDevice = e.outputTokensPerS / std::max(1, e.devices);
        p.outputTokensPerSPerUser = e.outputTokensPerSPerUser;
        p.ttftS = e.ttftS;
        p.tpotS = e.tpotS;
        p.usdPerMillionOutput = e.usdPerMillionOutput;
        p.decodeBound = e.decodeBound;
        curve.push_back(p);
    }
    return curve;
}

PoolCapacity capacityAtSlo(const ModelArch &a, const DeviceSetup &s, ServingRole role, double input, double output,
                           double ttftSloS, double tpotSloS)
{
    validate(a, s);
    PoolCapacity cap;
    const MemoryBudget mb = memoryBudget(a, s);
    const int replicas = std::max(1, s.replicas());
    const int in = std::max(1, int(std::lround(input)));
    const double kvTokensHeld = role == ServingRole::Prefill ? input : input + output;
    const long long maxPerReplica = mb.fits ? mb.kvBlocks / blocksPerRequest(a, s, mb, kvTokensHeld) : 0;
    cap.fits = maxPerReplica >= 1;
    if (!cap.fits)
        return cap;
    const int limit = int(std::min<long long>(maxPerReplica, 1 << 20));

    // Evaluates one operating point: (meets SLOs, requests/s per replica, ttft, tpot, bound).
    struct Point {
        bool ok = false;
        double rate = 0, ttft = 0, tpot = 0;
        Bound bound = Bound::Memory;
    };
    auto at = [&](int c) {
        Point p;
        if (role == ServingRole::Prefill) {
            // c prompts prefilled together; a request waits on average half a batch, then its own.
            const PrefillResult r = prefill(a, s, c, in);
            p.ttft = 1.5 * r.timeS;
            p.rate = c / r.timeS;
            p.bound = r.bound;
            p.ok = ttftSloS <= 0 || p.ttft <= ttftSloS;
        } else if (role == ServingRole::Decode) {
            const DecodeStepResult r = decodeStep(a, s, c, input + output / 2.0);
            p.tpot = r.timeS / s.acceptedTokensPerStep;
            p.rate = c * s.acceptedTokensPerStep / (output * r.timeS);
            p.bound = r.bound;
            p.ok = tpotSloS <= 0 || p.tpot <= tpotSloS;
        } else {
            const SteadyState st = steadyState(a, s, input, output, c);
            p.ttft = st.ttftS;
            p.tpot = st.tpotS;
            p.rate = st.requestsPerS;
            p.bound = (ttftSloS > 0 && p.ttft > ttftSloS) ? st.single.bound : st.step.bound;
            p.ok = (ttftSloS <= 0 || p.ttft <= ttftSloS) && (tpotSloS <= 0 || p.tpot <= tpotSloS);
        }
        return p;
    };

    Point best = at(1);
    if (!best.ok) {
        cap.ttftS = best.ttft;
        cap.tpotS = best.tpot;
        cap.limit = best.bound;
        cap.concurrency = 1;
        return cap;
    }
    // Latency grows with the batch: binary search the largest batch that still meets the SLOs.
    int lo = 1, hi = limit;
    Point atHi = at(hi);
    if (atHi.ok) {
        lo = hi;
        best = atHi;
        cap.limit = Bound::Memory;
    } else {
        cap.limit = atHi.bound;
        while (hi - lo > 1) {
            const int mid = lo + (hi - lo) / 2;
            const Point p = at(mid);
            if (p.ok) {
                lo = mid;
                best = p;
            } else {
                hi = mid;
                cap.limit = p.bound;
            }
        }
    }
    cap.meetsSlo = true;
    cap.concurrency = lo * replicas;
    cap.maxRequestsPerS = best.rate * replicas;
    cap.ttftS = best.ttft;
    cap.tpotS = best.tpot;
    return cap;
}

} // namespace tokenroute
