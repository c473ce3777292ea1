#pragma once
// The routing as flows for the UI's Sankey diagram: tokens/s along workload → prefill pool →
// link(s) → decode pool → back to the workload (its output), and KV bytes/s on every link. Edges
// with the same ends and workload are merged, so a band's width is a sum the router guarantees:
// the prompt tokens into a prefill pool equal the workload's served rate × its mean prompt.

#include <vector>

#include "core/route/routeproblem.h"
#include "core/route/router.h"

namespace tokenroute {

enum class FlowNodeKind { Workload, PrefillPool, Link, DecodePool };

struct FlowEdge {
    FlowNodeKind fromKind = FlowNodeKind::Workload;
    int fromId = 0;                  // workload, pool or link id
    FlowNodeKind toKind = FlowNodeKind::PrefillPool;
    int toId = 0;
    int workloadId = 0;              // whose tokens these are
    double tokensPerS = 0;           // prompt tokens up to the decode pool; output tokens back to the workload
    double kvBytesPerS = 0;          // KV moved on this hop (0 when colocated or not a transfer)
};

struct RouteFlows {
    std::vector<FlowEdge> edges;
    std::vector<LinkLoad> links;     // KV bytes/s per link and direction
};

RouteFlows routeFlows(const RouteProblem &problem, const RoutingResult &result);

} // namespace tokenroute
