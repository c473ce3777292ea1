#include "core/sim/generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/util/error.h"

namespace tokenroute {

namespace {

const std::string kSpecFile = "<generate spec>";

std::string fmtCount(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// Reservoir size for empirical distributions: enough for smooth percentiles, small enough that a
// huge trace costs under half a megabyte.
constexpr std::size_t kEmpiricalKept = 100000;

double number(const std::string &text, const std::string &field)
{
    double v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v))
        throw InputError(kSpecFile, field, "expected a number, got '" + text + "'");
    return v;
}

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos)
            return out;
        start = pos + 1;
    }
}

// A 64-bit mix (the SplitMix64 finaliser) so block ids from (session, block, turn) are spread
// over the whole range and collide with negligible probability.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

int LengthDistribution::sample(std::mt19937_64 &rng) const
{
    switch (kind) {
    case Kind::Fixed:
        return static_cast<int>(a);
    case Kind::Uniform:
        return std::uniform_int_distribution<int>(static_cast<int>(a), static_cast<int>(b))(rng);
    case Kind::Lognormal: {
        // mean of a lognormal = exp(mu + sigma²/2), so mu follows from the stated mean.
        const double mu = std::log(a) - b * b / 2;
        const double v = std::lognormal_distribution<double>(mu, b)(rng);
        return static_cast<int>(std::clamp(std::round(v), 1.0, 1e9));
    }
    case Kind::Empirical:
        return samples[std::uniform_int_distribution<std::size_t>(0, samples.size() - 1)(rng)];
    }
    return 0;
}

double LengthDistribution::mean() const
{
    switch (kind) {
    case Kind::Fixed: return a;
    case Kind::Uniform: return (a + b) / 2;
    case Kind::Lognormal: return a;
    case Kind::Empirical: {
        double s = 0;
        for (int v : samples)
            s += v;
        return samples.empty() ? 0 : s / static_cast<double>(samples.size());
    }
    }
    return 0;
}

LengthDistribution LengthDistribution::parse(const std::string &text, const std::string &field, bool input,
                                             std::uint64_t seed)
{
    const auto parts = split(text, ':');
    LengthDistribution d;
    const std::string &k = parts[0];
    auto need = [&](std::size_t n, const char *form) {
        if (parts.size() != n)
            throw InputError(kSpecFile, field, std::string("expected ") + form + ", got '" + text + "'");
    };
    if (k == "fixed") {
        need(2, "fixed:TOKENS");
        d.kind = Kind::Fixed;
        d.a = number(parts[1], field);
        if (d.a < 0 || d.a != std::floor(d.a))
            throw InputError(kSpecFile, field, "fixed length must be a whole number ≥ 0");
    } else if (k == "uniform") {
        need(3, "uniform:LOW:HIGH");
        d.kind = Kind::Uniform;
        d.a = number(parts[1], field);
        d.b = number(parts[2], field);
        if (d.a < 0 || d.b < d.a)
            throw InputError(kSpecFile, field, "uniform needs 0 ≤ LOW ≤ HIGH");
    } else if (k == "lognormal") {
        need(3, "lognormal:MEAN:SIGMA");
        d.kind = Kind::Lognormal;
        d.a = number(parts[1], field);
        d.b = number(parts[2], field);
        if (d.a <= 0 || d.b < 0 || d.b > 5)
            throw InputError(kSpecFile, field, "lognormal needs MEAN > 0 and 0 ≤ SIGMA ≤ 5");
    } else if (k == "empirical") {
        if (parts.size() < 2)
            throw InputError(kSpecFile, field, "expected empirical:TRACE_FILE");
        // The path may itself contain ':' (rare); rejoin everything after the kind.
        std::string path = text.substr(text.find(':') + 1);
        d.kind = Kind::Empirical;
        TraceReader reader(path, detectTraceFormat(path));
        std::mt19937_64 rng(seed);
        TraceRequest r;
        long long seen = 0;
        while (reader.next(r)) {
            const int v = input ? r.inputTokens : r.outputTokens;
            if (d.samples.size() < kEmpiricalKept) {
                d.samples.push_back(v);
            } else {
                const auto j = std::uniform_int_distribution<long long>(0, seen)(rng);
                if (j < static_cast<long long>(kEmpiricalKept))
                    d.samples[static_cast<std::size_t>(j)] = v;
            }
            ++seen;
        }
        if (d.samples.empty())
            throw InputError(path, "", "the trace has no requests to draw lengths from");
    } else {
        throw InputError(kSpecFile, field,
                         "expected fixed:N, uniform:LO:HI, lognormal:MEAN:SIGMA or empirical:TRACE, got '" + text + "'");
    }
    return d;
}

GeneratorSpec GeneratorSpec::parse(const std::string &spec)
{
    GeneratorSpec g;
    std::string inputText, outputText;
    for (const auto &item : split(spec, ',')) {
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw InputError(kSpecFile, item, "expected key=value");
        const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
        auto positive = [&](double v) {
            if (!(v > 0))
                throw InputError(kSpecFile, key, "expected a positive number, got '" + value + "'");
            return v;
        };
        auto whole = [&](double v, double lo) {
            if (v < lo || v != std::floor(v) || v > 2e9)
                throw InputError(kSpecFile, key, "expected a whole number ≥ " + std::to_string(int(lo)) + ", got '" + value + "'");
            return v;
        };
        if (key == "rate") g.arrival.ratePerS = positive(number(value, key));
        else if (key == "requests") g.requests = static_cast<long long>(whole(number(value, key), 1));
        else if (key == "duration") g.durationS = positive(number(value, key));
        else if (key == "arrival") {
            if (value == "poisson") g.arrival.kind = ArrivalProcess::Kind::Poisson;
            else if (value == "gamma") g.arrival.kind = ArrivalProcess::Kind::Gamma;
            else throw InputError(kSpecFile, key, "expected poisson or gamma, got '" + value + "'");
        } else if (key == "cv") g.arrival.cv = positive(number(value, key));
        else if (key == "diurnal") {
            g.arrival.diurnalAmplitude = number(value, key);
            if (g.arrival.diurnalAmplitude < 0 || g.arrival.diurnalAmplitude >= 1)
                throw InputError(kSpecFile, key, "expected an amplitude in [0, 1)");
        } else if (key == "period") g.arrival.diurnalPeriodS = positive(number(value, key));
        else if (key == "input") inputText = value;
        else if (key == "output") outputText = value;
        else if (key == "turns") g.turns = static_cast<int>(whole(number(value, key), 1));
        else if (key == "think") {
            g.thinkS = number(value, key);
            if (g.thinkS < 0)
                throw InputError(kSpecFile, key, "expected seconds ≥ 0");
        } else if (key == "system") g.systemTokens = static_cast<int>(whole(number(value, key), 0));
        else if (key == "maxcontext") g.maxContext = static_cast<int>(whole(number(value, key), 1));
        else if (key == "block") g.blockTokens = static_cast<int>(whole(number(value, key), 1));
        else if (key == "seed") g.seed = static_cast<std::uint64_t>(whole(number(value, key), 0));
        else
            throw InputError(kSpecFile, key,
                             "unknown key (expected rate, requests, duration, arrival, cv, diurnal, period, input, "
                             "output, turns, think, system, maxcontext, block or seed)");
    }
    if (!inputText.empty())
        g.input = LengthDistribution::parse(inputText, "input", true, g.seed);
    if (!outputText.empty())
        g.output = LengthDistribution::parse(outputText, "output", false, g.seed);
    if (g.requests == 0 && g.durationS == 0)
        throw InputError(kSpecFile, "requests", "give requests=N or duration=SECONDS so the stream ends");
    // A stream is simulated one request at a time (tens of thousands per second), so a count far
    // beyond this would run for days; rate=1e9,duration=3600 asks for 3.6e12 and is refused by name.
    constexpr double kMaxRequests = 1e9;
    if (g.requests > kMaxRequests)
        throw InputError(kSpecFile, "requests", "at most 1e9 requests in one stream, got " + std::to_string(g.requests));
    const double expected = g.arrival.ratePerS * g.durationS * g.turns;
    if (g.requests == 0 && !(expected <= kMaxRequests))
        throw InputError(kSpecFile, "duration",
                         "at most 1e9 requests in one stream; rate × duration × turns asks for about " +
                             fmtCount(expected) + " (give requests=N to cap it)");
    return g;
}

RequestGenerator::RequestGenerator(GeneratorSpec spec)
    : m_spec(std::move(spec))
    , m_rng(m_spec.seed)
{
    if (!(m_spec.arrival.ratePerS > 0))
        throw InputError(kSpecFile, "rate", "expected a positive rate");
    if (m_spec.blockTokens <= 0)
        throw InputError(kSpecFile, "block", "expected a positive block size");
    m_pendingSession = nextSessionArrival();
}

double RequestGenerator::cumulativeRate(double t) const
{
    const auto &a = m_spec.arrival;
    const double w = 2 * std::numbers::pi / a.diurnalPeriodS;
    return a.ratePerS * (t + a.diurnalAmplitude / w * (1 - std::cos(w * t)));
}

// Solves cumulativeRate(t) = target for t ≥ from. The rate is at least r·(1 − A) > 0, which
// bounds the bracket; Newton steps are kept inside it and bisection takes over when one leaves it.
double RequestGenerator::invertCumulativeRate(double target, double from) const
{
    const auto &a = m_spec.arrival;
    if (a.diurnalAmplitude == 0)
        return target / a.ratePerS;
    double lo = from, hi = from + (target - cumulativeRate(from)) / (a.ratePerS * (1 - a.diurnalAmplitude));
    double t = std::clamp(target / a.ratePerS, lo, hi);
    const double w = 2 * std::numbers::pi / a.diurnalPeriodS;
    for (int i = 0; i < 60; ++i) {
        const double f = cumulativeRate(t) - target;
        if (std::abs(f) < 1e-12 * std::max(1.0, target))
            break;
        if (f > 0) hi = t; else lo = t;
        const double slope = a.ratePerS * (1 + a.diurnalAmplitude * std::sin(w * t));
        double n = t - f / slope;
        if (!(n > lo && n < hi))
            n = (lo + hi) / 2;
        t = n;
    }
    return t;
}

// Gaps are drawn in operational time, where arrivals come at unit rate (exponential, or gamma of
// mean 1 with the stated CV), and mapped to clock time through the inverse cumulative rate: the standard time-rescaling construction,
// which gives a non-homogeneous process of the same burstiness.
double RequestGenerator::nextSessionArrival()
{
    const auto &a = m_spec.arrival;
    double gap;
    if (a.kind == ArrivalProcess::Kind::Poisson) {
        gap = std::exponential_distribution<double>(1.0)(m_rng);
    } else {
        const double shape = 1 / (a.cv * a.cv);
        gap = std::gamma_distribution<double>(shape, 1 / shape)(m_rng);
    }
    m_operational += gap;
    m_lastClock = invertCumulativeRate(m_operational, m_lastClock);
    return m_lastClock;
}

void RequestGenerator::fillBlocks(TraceRequest &out, std::uint64_t session, int turn)
{
    const int b = m_spec.blockTokens;
    const int n = (out.inputTokens + b - 1) / b;
    out.blocks.resize(static_cast<std::size_t>(n));
    out.blockTokens = b;
    const int systemFull = m_spec.systemTokens / b;
    const std::uint64_t sessionKey = mix(session + 1);
    for (int i = 0; i < n; ++i) {
        const auto index = static_cast<std::uint64_t>(i);
        std::uint64_t id;
        if (i < systemFull)
            id = mix(0x5157E3ULL ^ mix(index));        // the system prompt: same everywhere
        else if ((i + 1) * b <= out.inputTokens)
            id = mix(sessionKey ^ index);               // history is append-only: a full block never changes
        else
            id = mix(sessionKey ^ mix((index << 24) ^ static_cast<std::uint64_t>(turn + 1)) ^ 0xABCDULL);
        out.blocks[static_cast<std::size_t>(i)] = id;
    }
}

bool RequestGenerator::next(TraceRequest &out)
{
    if (m_spec.requests > 0 && m_emitted >= m_spec.requests)
        return false;
    Turn t;
    while (true) {
        if (!m_sessionsExhausted && m_spec.durationS > 0 && m_pendingSession > m_spec.durationS)
            m_sessionsExhausted = true;
        // Either the earliest open session's next turn, or a new session, whichever comes first.
        if (!m_sessionsExhausted && (m_open.empty() || m_pendingSession <= m_open.top().arrivalS)) {
            t = Turn{m_pendingSession, m_sessions++, 0, 0};
            m_pendingSession = nextSessionArrival();
        } else if (!m_open.empty()) {
            t = m_open.top();
            m_open.pop();
        } else {
            return false;
        }
        // Turns that fall after the end of the run are dropped, not replayed late.
        if (m_spec.durationS == 0 || t.arrivalS <= m_spec.durationS)
            break;
    }

    const int fresh = std::max(1, m_spec.input.sample(m_rng));
    const int prefix = t.turn == 0 ? m_spec.systemTokens : t.historyTokens;
    out.inputTokens = static_cast<int>(std::min<long long>(static_cast<long long>(prefix) + fresh, m_spec.maxContext));
    out.outputTokens = std::max(0, m_spec.output.sample(m_rng));
    out.arrivalS = t.arrivalS;
    out.id = m_emitted++;
    fillBlocks(out, t.session, t.turn);

    const long long nextHistory = static_cast<long long>(out.inputTokens) + out.outputTokens;
    if (t.turn + 1 < m_spec.turns && nextHistory + 1 < m_spec.maxContext) {
        const double think = m_spec.thinkS > 0 ? std::exponential_distribution<double>(1 / m_spec.thinkS)(m_rng) : 0;
        m_open.push(Turn{t.arrivalS + think, t.session, t.turn + 1, static_cast<int>(nextHistory)});
    }
    return true;
}

} // namespace tokenroute
