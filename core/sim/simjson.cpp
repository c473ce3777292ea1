#include "core/sim/simjson.h"

namespace tokenroute {

nlohmann::json percentilesMsJson(const Percentiles &p)
{
    return {{"p50", p.p50 * 1e3}, {"p90", p.p90 * 1e3}, {"p99", p.p99 * 1e3}, {"mean", p.mean * 1e3},
            {"max", p.max * 1e3}, {"count", p.count}};
}

nlohmann::json cdfMsJson(const std::vector<CdfPoint> &cdf)
{
    nlohmann::json points = nlohmann::json::array();
    for (const CdfPoint &p : cdf)
        points.push_back({p.seconds * 1e3, p.fraction});
    return points;
}

} // namespace tokenroute
