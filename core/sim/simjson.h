#pragma once
// The figures of a simulation run as JSON, in milliseconds, the same for the CLI's --json output,
// a run stored in a plan file, and the views that read stored runs back.

#include <vector>

#include <nlohmann/json.hpp>

#include "core/sim/latencyhistogram.h"

namespace tokenroute {

// {"p50", "p90", "p99", "mean", "max"} in ms, and "count".
nlohmann::json percentilesMsJson(const Percentiles &p);

// [[ms, fraction], ...] in increasing order.
nlohmann::json cdfMsJson(const std::vector<CdfPoint> &cdf);

} // namespace tokenroute
