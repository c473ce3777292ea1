#include "core/sim/latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace tokenroute {

namespace {
constexpr double kFloorS = 1e-6;      // 1 µs: below any latency a serving system reports
constexpr double kGrowth = 1.01;      // 1 % buckets: the error bound on every percentile
constexpr int kBuckets = 2900;        // 1e-6 · 1.01^2900 ≈ 3.4e6 s (≈ 40 days); longer values share the last
const double kLogGrowth = std::log(kGrowth);
} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(kBuckets, 0)
{
}

void LatencyHistogram::add(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    if (m_count == 0) {
        m_min = m_max = seconds;
    } else {
        m_min = std::min(m_min, seconds);
        m_max = std::max(m_max, seconds);
    }
    ++m_count;
    m_sum += seconds;
    if (seconds < kFloorS) {
        ++m_zeros;
        return;
    }
    const int b = std::min(kBuckets - 1, static_cast<int>(std::log(seconds / kFloorS) / kLogGrowth));
    ++m_buckets[static_cast<std::size_t>(b)];
}

double LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return 0;
    // Rank of the q-th value (nearest-rank definition), 1-based.
    const auto rank = std::max<long long>(1, static_cast<long long>(std::ceil(q * static_cast<double>(m_count))));
    long long seen = m_zeros;
    if (seen >= rank)
        return m_min;
    for (int b = 0; b < kBuckets; ++b) {
        seen += m_buckets[static_cast<std::size_t>(b)];
        if (seen >= rank) {
            const double centre = kFloorS * std::pow(kGrowth, b + 0.5);
            return std::clamp(centre, m_min, m_max);
        }
    }
    return m_max;
}

Percentiles LatencyHistogram::summary() const
{
    Percentiles p;
    p.count = m_count;
    p.mean = mean();
    p.min = m_min;
    p.max = m_max;
    p.p50 = quantile(0.50);
    p.p90 = quantile(0.90);
    p.p99 = quantile(0.99);
    return p;
}

std::vector<CdfPoint> LatencyHistogram::cdf() const
{
    std::vector<CdfPoint> out;
    if (m_count == 0)
        return out;
    std::vector<double> fractions;
    for (int i = 0; i <= 50; ++i)
        fractions.push_back(i / 50.0);
    for (double q : {0.95, 0.97, 0.99, 0.995, 0.999})
        fractions.push_back(q);
    std::sort(fractions.begin(), fractions.end());
    for (double q : fractions)
        out.push_back({quantile(q), q});
    return out;
}

} // namespace tokenroute
