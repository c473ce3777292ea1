#pragma once
// Synthetic request streams for when no trace fits the question: Poisson or bursty (gamma) arrivals,
// optionally modulated by a diurnal rate, lengths from fixed / uniform / lognormal / empirical
// distributions, and agent sessions whose turns extend the previous prompt so that later turns
// share a KV prefix with earlier ones. Everything is drawn from one seeded engine, so a spec and a
// seed give the same stream on every run of the same build.
//
// The generator is a RequestSource like the trace readers: it produces requests lazily in arrival
// order and keeps only the sessions that are still open, so a million-request run costs no memory
// beyond that. Block hash ids are made the way the Mooncake traces define them (one id per block,
// equal ids iff equal content up to and including that block): a block of the shared system prompt
// has the same id everywhere, a full block of a session's history keeps its id across turns, and a
// partial last block gets an id of its own because the next turn will fill it differently.

#include <cstdint>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "core/sim/trace.h"

namespace tokenroute {

struct LengthDistribution {
    enum class Kind { Fixed, Uniform, Lognormal, Empirical };
    Kind kind = Kind::Fixed;
    double a = 0;                 // fixed: value; uniform: low; lognormal: mean
    double b = 0;                 // uniform: high; lognormal: sigma of the underlying normal
    std::vector<int> samples;     // empirical: values to draw from uniformly

    int sample(std::mt19937_64 &rng) const;
    double mean() const;

    // "fixed:N", "uniform:LO:HI", "lognormal:MEAN:SIGMA" or "empirical:TRACE" (the trace's input
    // lengths when input is true, else its output lengths; at most 100 000 kept by reservoir
    // sampling). field names the spec key in error messages.
    static LengthDistribution parse(const std::string &text, const std::string &field, bool input,
                                    std::uint64_t seed = 1);
};

struct ArrivalProcess {
    enum class Kind { Poisson, Gamma };
    Kind kind = Kind::Poisson;
    double ratePerS = 1;          // mean arrivals per second (sessions per second when turns > 1)
    double cv = 1;                // gamma: coefficient of variation of the gaps (> 1 is burstier than Poisson)
    double diurnalAmplitude = 0;  // rate(t) = rate · (1 + A · sin(2πt / period)), 0 ≤ A < 1
    double diurnalPeriodS = 86400;
};

struct GeneratorSpec {
    ArrivalProcess arrival;
    LengthDistribution input{LengthDistribution::Kind::Fixed, 1024, 0, {}};
    LengthDistribution output{LengthDistribution::Kind::Fixed, 256, 0, {}};
    long long requests = 0;       // stop after this many requests (0 = no count limit)
    double durationS = 0;         // stop at this arrival time (0 = no time limit)
    int turns = 1;                // > 1: agent sessions of this many turns
    double thinkS = 0;            // mean gap (exponential) between a turn's arrival and the next's
    int systemTokens = 0;         // prompt prefix shared by every request
    int maxContext = 131072;      // a session ends when its next prompt would exceed this
    int blockTokens = kMooncakeBlockTokens;
    std::uint64_t seed = 1;

    // Parses "key=value,key=value": rate, requests, duration, arrival (poisson|gamma), cv, diurnal,
    // period, input, output (distributions as above), turns, think, system, maxcontext, block, seed.
    // Throws InputError naming the key.
    static GeneratorSpec parse(const std::string &spec);
};

class RequestGenerator final : public RequestSource {
public:
    explicit RequestGenerator(GeneratorSpec spec);

    bool next(TraceRequest &out) override;
    const GeneratorSpec &spec() const { return m_spec; }

private:
    struct Turn {
        double arrivalS = 0;
        std::uint64_t session = 0;
        int turn = 0;
        int historyTokens = 0;    // tokens of conversation so far (prompt + answer of the last turn)
        bool operator>(const Turn &o) const
        {
            return arrivalS != o.arrivalS ? arrivalS > o.arrivalS : session > o.session;
        }
    };

    double nextSessionArrival();
    double cumulativeRate(double t) const;
    double invertCumulativeRate(double target, double from) const;
    void fillBlocks(TraceRequest &out, std::uint64_t session, int turn);

    GeneratorSpec m_spec;
    std::mt19937_64 m_rng;
    double m_operational = 0;     // arrivals drawn in "operational time" (unit rate), then mapped to clock time
    double m_lastClock = 0;
    std::uint64_t m_sessions = 0;
    long long m_emitted = 0;
    double m_pendingSession = 0;
    bool m_sessionsExhausted = false;
    std::priority_queue<Turn, std::vector<Turn>, std::greater<Turn>> m_open;
};

} // namespace tokenroute
