#include "core/route/topology.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>

namespace tokenroute {

namespace {

using Vertex = boost::graph_traits<TopologyGraph>::vertex_descriptor;

constexpr double kBytesPerGB = 1e9;
// Bandwidths closer than this (relative) count as equal, so that the latency tie-break is not
// defeated by rounding in lane multiplication.
constexpr double kWidthTolerance = 1e-9;

bool wider(double a, double b) { return a > b * (1 + kWidthTolerance); }
bool sameWidth(double a, double b) { return !wider(a, b) && !wider(b, a); }

} // namespace

Topology::Topology(const Plan &plan, const Catalog &catalog)
    : m_plan(&plan)
{
    std::map<int, Vertex> rackVertex, itemVertex;
    for (const Rack &r : plan.racks) {
        TopologyNode n;
        n.kind = TopologyNodeKind::Rack;
        n.id = r.id;
        n.name = r.name;
        n.rackId = r.id;
        rackVertex[r.id] = boost::add_vertex(n, m_graph);
    }
    for (const PlacedItem &it : plan.items) {
        TopologyNode n;
        n.id = it.id;
        n.name = it.name;
        n.rackId = it.rackId;
        n.poolId = it.poolId;
        const ServerSpec *spec = catalog.server(it.catalogId);
        if (!spec)
            n.kind = TopologyNodeKind::Other;
        else if (spec->kind == ServerKind::Switch)
            n.kind = TopologyNodeKind::Switch;
        else if (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem)
            n.kind = TopologyNodeKind::Server;
        else
            n.kind = TopologyNodeKind::Other;
        Vertex v = boost::add_vertex(n, m_graph);
        itemVertex[it.id] = v;
        auto rv = rackVertex.find(it.rackId);
        if (rv != rackVertex.end()) {
            TopologyEdge e;
            e.containment = true;
            boost::add_edge(rv->second, v, e, m_graph);
        }
    }
    for (const Link &l : plan.links) {
        const LinkType *type = catalog.link(l.linkTypeId);
        auto a = itemVertex.find(l.fromItem), b = itemVertex.find(l.toItem);
        if (!type || a == itemVertex.end() || b == itemVertex.end() || l.lanes < 1 || type->bandwidthGBs <= 0) {
            Finding f;
            f.code = FindingCode::LinkIgnored;
            f.link = std::to_string(l.id);
            f.text = !type ? "unknown link type " + l.linkTypeId
                           : (a == itemVertex.end() || b == itemVertex.end()) ? "it joins an item that is not in the plan"
                                                                               : "it has no bandwidth or no lanes";
            m_findings.push_back(f);
            continue;
        }
        TopologyEdge e;
        e.linkId = l.id;
        e.fromItem = l.fromItem;
        e.toItem = l.toItem;
        e.linkTypeId = l.linkTypeId;
        e.bandwidthBytesPerS = type->bandwidthGBs * kBytesPerGB * l.lanes;
        e.latencyMs = type->latencyUs / 1000.0;
        boost::add_edge(a->second, b->second, e, m_graph);
    }
}

RoutePath Topology::path(int fromPool, int toPool) const
{
    RoutePath out;
    out.fromPool = fromPool;
    out.toPool = toPool;
    const auto n = boost::num_vertices(m_graph);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> width(n, 0), latency(n, inf);
    std::vector<Vertex> parent(n);
    std::vector<bool> done(n, false), isTarget(n, false);
    std::vector<boost::graph_traits<TopologyGraph>::edge_descriptor> parentEdge(n);

    // Widest path first, lowest latency among equally wide: Dijkstra on the pair
    // (bottleneck width, latency), which is monotone along a path in both components.
    using Entry = std::tuple<double, double, Vertex>;   // width, -latency, vertex: max-heap
    std::priority_queue<Entry> queue;
    bool anySource = false, anyTarget = false;
    for (Vertex v = 0; v < n; ++v) {
        const TopologyNode &node = m_graph[v];
        if (node.kind == TopologyNodeKind::Rack)
            continue;
        if (node.poolId == fromPool) {
            width[v] = inf;
            latency[v] = 0;
            queue.emplace(inf, 0.0, v);
            anySource = true;
        }
        if (node.poolId == toPool) {
            isTarget[v] = true;
            anyTarget = true;
        }
    }
    if (!anySource || !anyTarget || fromPool == toPool)
        return out;

    Vertex found = n;
    while (!queue.empty()) {
        auto [w, negLat, v] = queue.top();
        queue.pop();
        if (done[v])
            continue;
        done[v] = true;
        if (isTarget[v]) {
            found = v;
            break;
        }
        // Transit only through switches or the two pools' own items.
        const TopologyNode &node = m_graph[v];
        bool source = node.poolId == fromPool && node.kind != TopologyNodeKind::Switch;
        if (!source && node.kind != TopologyNodeKind::Switch)
            continue;
        for (auto [ei, eend] = boost::out_edges(v, m_graph); ei != eend; ++ei) {
            const TopologyEdge &e = m_graph[*ei];
            if (e.containment)
                continue;
            Vertex u = boost::target(*ei, m_graph);
            if (done[u])
                continue;
            double nw = std::min(width[v], e.bandwidthBytesPerS);
            double nl = latency[v] + e.latencyMs;
            if (wider(nw, width[u]) || (sameWidth(nw, width[u]) && nl < latency[u])) {
                width[u] = nw;
                latency[u] = nl;
                parent[u] = v;
                parentEdge[u] = *ei;
                queue.emplace(nw, -nl, u);
            }
        }
    }
    if (found == n)
        return out;
    out.reachable = true;
    out.bandwidthBytesPerS = width[found];
    out.latencyMs = latency[found];
    // Sources start infinitely wide and are never relaxed, so the walk back stops at one.
    for (Vertex v = found; width[v] != inf; v = parent[v]) {
        const TopologyEdge &e = m_graph[parentEdge[v]];
        // Forward when the flow goes the way the plan wrote the link (fromItem → toItem).
        out.links.push_back({e.linkId, m_graph[parent[v]].id == e.fromItem});
    }
    std::reverse(out.links.begin(), out.links.end());
    return out;
}

std::vector<RoutePath> Topology::paths() const
{
    std::vector<RoutePath> out;
    for (const Pool &a : m_plan->pools)
        for (const Pool &b : m_plan->pools)
            if (a.id != b.id)
                out.push_back(path(a.id, b.id));
    return out;
}

std::vector<RouteLink> Topology::links() const
{
    std::vector<RouteLink> out;
    for (auto [ei, eend] = boost::edges(m_graph); ei != eend; ++ei) {
        const TopologyEdge &e = m_graph[*ei];
        if (e.containment)
            continue;
        RouteLink l;
        l.id = e.linkId;
        const TopologyNode &a = m_graph[boost::source(*ei, m_graph)];
        const TopologyNode &b = m_graph[boost::target(*ei, m_graph)];
        l.name = a.name + " – " + b.name + " (" + e.linkTypeId + ")";
        l.bandwidthBytesPerS = e.bandwidthBytesPerS;
        l.latencyMs = e.latencyMs;
        out.push_back(l);
    }
    return out;
}

std::vector<Finding> Topology::unreachablePools() const
{
    std::vector<Finding> out;
    auto prefills = [](PoolRole r) { return r == PoolRole::Prefill || r == PoolRole::Combined; };
    auto decodes = [](PoolRole r) { return r == PoolRole::Decode || r == PoolRole::Combined; };
    for (const Pool &a : m_plan->pools)
        for (const Pool &b : m_plan->pools) {
            if (a.id == b.id || !prefills(a.role) || !decodes(b.role))
                continue;
            if (a.role == PoolRole::Combined && b.role == PoolRole::Combined)
                continue;
            if (!path(a.id, b.id).reachable) {
                Finding f;
                f.code = FindingCode::PoolsUnreachable;
                f.pool = a.name;
                f.otherPool = b.name;
                out.push_back(f);
            }
        }
    return out;
}

std::vector<LinkTraffic> linkTraffic(const std::vector<std::pair<RoutePath, double>> &flows)
{
    std::map<int, LinkTraffic> acc;
    for (const auto &[path, bytesPerS] : flows)
        for (const LinkUse &u : path.links) {
            LinkTraffic &t = acc[u.linkId];
            t.linkId = u.linkId;
            (u.forward ? t.forwardBytesPerS : t.backwardBytesPerS) += bytesPerS;
        }
    std::vector<LinkTraffic> out;
    for (auto &[id, t] : acc)
        out.push_back(t);
    return out;
}

std::vector<Finding> oversubscribedLinks(const std::vector<RouteLink> &links, const std::vector<LinkTraffic> &traffic,
                                         double threshold)
{
    std::vector<Finding> out;
    for (const LinkTraffic &t : traffic) {
        auto it = std::find_if(links.begin(), links.end(), [&](const RouteLink &l) { return l.id == t.linkId; });
        if (it == links.end())
            continue;
        double busier = std::max(t.forwardBytesPerS, t.backwardBytesPerS);
        if (busier > threshold * it->bandwidthBytesPerS * (1 + 1e-9)) {
            Finding f;
            f.code = FindingCode::LinkOversubscribed;
            f.link = it->name;
            f.value = busier;
            f.limit = it->bandwidthBytesPerS;
            out.push_back(f);
        }
    }
    return out;
}

} // namespace tokenroute
