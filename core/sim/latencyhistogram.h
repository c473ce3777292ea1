#pragma once
// Percentiles of a latency stream in fixed memory: log-spaced buckets 1 % wide from 1 µs to about
// 100 days, so p50/p90/p99 are within 1 % of the exact order statistic however long the run, and
// a million requests cost the same 28 KB as ten. Mean, minimum and maximum are kept exactly.

#include <cstdint>
#include <vector>

namespace tokenroute {

struct Percentiles {
    long long count = 0;
    double mean = 0;
    double min = 0;
    double max = 0;
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
};

// One point of a latency CDF: this fraction of the values is at or below `seconds`.
struct CdfPoint {
    double seconds = 0;
    double fraction = 0;
};

class LatencyHistogram {
public:
    LatencyHistogram();

    void add(double seconds);
    long long count() const { return m_count; }
    double mean() const { return m_count ? m_sum / static_cast<double>(m_count) : 0; }
    // q in [0, 1]; the geometric centre of the bucket holding the q-th value, clamped to [min, max].
    double quantile(double q) const;
    Percentiles summary() const;
    // The CDF sampled at every 2 % and through the tail (p95, p97, p99, p99.5, p99.9): about 60
    // points draw a smooth curve and keep a stored run small. Empty when nothing was added.
    std::vector<CdfPoint> cdf() const;

private:
    std::vector<std::uint32_t> m_buckets;
    long long m_count = 0;
    long long m_zeros = 0;        // values below the first bucket (including exact zeros)
    double m_sum = 0;
    double m_min = 0, m_max = 0;
};

} // namespace tokenroute
