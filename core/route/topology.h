#pragma once
// The plan's network as a Boost.Graph: racks, the items placed in them (servers, switches) and the
// links between items, each link's bandwidth (type × lanes, per direction) and latency. From it the
// router gets, for every ordered pair of pools, the path the KV cache takes: the widest path
// (largest bottleneck bandwidth; among equally wide ones the lowest latency), because an engine
// moves one request's KV over one path and its speed is set by the narrowest hop. Pools that no
// path joins are reported, and given routed KV traffic per link it says which links are
// oversubscribed.
//
// Racks are vertices joined to their items by containment edges that carry no traffic; they keep
// the graph a faithful picture of the floor (the UI draws it) without letting KV "flow through a
// rack". Only switches — and the items of the two pools concerned — may be transit hops: a server
// of a third pool does not forward another pool's KV.

#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/route/reasons.h"
#include "core/route/routeproblem.h"

namespace tokenroute {

enum class TopologyNodeKind { Rack, Server, Switch, Other };

struct TopologyNode {
    TopologyNodeKind kind = TopologyNodeKind::Server;
    int id = 0;                     // item id, or rack id for racks
    std::string name;
    int rackId = 0;
    int poolId = 0;
};

struct TopologyEdge {
    bool containment = false;       // rack → item; never carries traffic
    int linkId = 0;
    int fromItem = 0;               // as written in the plan, to tell the direction of a flow
    int toItem = 0;
    std::string linkTypeId;
    double bandwidthBytesPerS = 0;  // per direction, all lanes
    double latencyMs = 0;
};

using TopologyGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TopologyNode, TopologyEdge>;

class Topology final {
public:
    // Items of unknown server kinds become "Other" nodes; links of unknown types or to missing
    // items are left out and reported in findings().
    Topology(const Plan &plan, const Catalog &catalog);

    const TopologyGraph &graph() const { return m_graph; }
    const std::vector<Finding> &findings() const { return m_findings; }

    // Widest path from any item of fromPool to any item of toPool (reachable = false when none).
    RoutePath path(int fromPool, int toPool) const;

    // Every ordered pair of distinct pools that have items, with its path.
    std::vector<RoutePath> paths() const;
    // The links as the router sees them.
    std::vector<RouteLink> links() const;

    // Ordered pairs (prefill-capable → decode-capable pools, at least one of them dedicated) with
    // no path, as PoolsUnreachable findings.
    std::vector<Finding> unreachablePools() const;

private:
    const Plan *m_plan = nullptr;
    TopologyGraph m_graph;
    std::vector<Finding> m_findings;
};

// Per-link KV traffic in each direction (bytes/s) for routes given as (path, bytes/s) pairs.
struct LinkTraffic {
    int linkId = 0;
    double forwardBytesPerS = 0;
    double backwardBytesPerS = 0;
};
std::vector<LinkTraffic> linkTraffic(const std::vector<std::pair<RoutePath, double>> &flows);

// Links whose busier direction carries more than `threshold` × bandwidth, as LinkOversubscribed
// findings (value = bytes/s routed, limit = bandwidth).
std::vector<Finding> oversubscribedLinks(const std::vector<RouteLink> &links, const std::vector<LinkTraffic> &traffic,
                                         double threshold = 1.0);

} // namespace tokenroute
