#include "ui/routing/sankeylayout.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace tokenroute::ui {

namespace {

int baseColumn(FlowNodeKind kind)
{
    switch (kind) {
    case FlowNodeKind::Workload: return 0;
    case FlowNodeKind::PrefillPool: return 1;
    case FlowNodeKind::Link: return 2;
    case FlowNodeKind::DecodePool: return 3;
    }
    return 0;
}

double nodeFlow(const SankeyNode &n)
{
    return std::max(n.inTokensPerS, n.outTokensPerS);
}

// The largest scale at which every column, with its small nodes raised to the minimum height,
// still fits the area. A few rounds settle which nodes are raised.
double fitScale(const std::vector<std::vector<int>> &columns, const std::vector<SankeyNode> &nodes,
                const SankeyGeometry &g)
{
    double scale = 1e300;
    for (const std::vector<int> &col : columns) {
        if (col.empty())
            continue;
        const double room = g.area.height() - g.gap * double(col.size() - 1);
        double s = 1e300;
        for (int round = 0; round < 8; ++round) {
            double fixed = 0, flow = 0;
            for (int i : col) {
                const double f = nodeFlow(nodes[size_t(i)]);
                if (s < 1e299 && f * s < g.minNodeHeight)
                    fixed += g.minNodeHeight;
                else if (s >= 1e299 && f <= 0)
                    fixed += g.minNodeHeight;
                else
                    flow += f;
            }
            const double next = flow > 0 ? std::max(0.0, room - fixed) / flow : 1e300;
            if (next == s)
                break;
            s = next;
        }
        scale = std::min(scale, s);
    }
    return scale >= 1e299 ? 0 : scale;
}

} // namespace

int SankeyLayout::nodeIndex(FlowNodeKind kind, int id) const
{
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == kind && nodes[i].id == id)
            return int(i);
    return -1;
}

SankeyLayout layoutSankey(const RouteFlows &flows, const std::vector<int> &workloadIds, const SankeyGeometry &g)
{
    SankeyLayout out;
    std::map<std::pair<int, int>, int> index;
    auto node = [&](FlowNodeKind kind, int id) {
        auto [it, added] = index.try_emplace({int(kind), id}, int(out.nodes.size()));
        if (added) {
            SankeyNode n;
            n.kind = kind;
            n.id = id;
            n.column = baseColumn(kind);
            out.nodes.push_back(n);
        }
        return it->second;
    };
    for (int id : workloadIds)
        node(FlowNodeKind::Workload, id);
    for (const FlowEdge &e : flows.edges) {
        if (e.toKind == FlowNodeKind::Workload) {
            out.nodes[size_t(node(e.fromKind, e.fromId))].outTokensPerS += e.tokensPerS;
            continue;
        }
        if (e.tokensPerS <= 0)
            continue;
        SankeyBand b;
        b.edge = e;
        b.fromNode = node(e.fromKind, e.fromId);
        b.toNode = node(e.toKind, e.toId);
        out.nodes[size_t(b.fromNode)].outTokensPerS += e.tokensPerS;
        out.nodes[size_t(b.toNode)].inTokensPerS += e.tokensPerS;
        out.bands.push_back(b);
    }
    // A decode pool's out is its output tokens; its height follows what flows in (the prompts),
    // so that the bands fill it. Keep the output for the label only.
    auto drawnFlow = [&](const SankeyNode &n) {
        return n.kind == FlowNodeKind::DecodePool ? n.inTokensPerS : nodeFlow(n);
    };

    // A KV path of several links gets a column per hop: a link's column is one past the link
    // that feeds it, so bands always run left to right. Decode pools come after the last hop.
    bool moved = true;
    for (int round = 0; moved && round < 16; ++round) {
        moved = false;
        for (const SankeyBand &b : out.bands) {
            SankeyNode &to = out.nodes[size_t(b.toNode)];
            const int from = out.nodes[size_t(b.fromNode)].column;
            if (to.kind == FlowNodeKind::Link && to.column < from + 1 && from >= 2) {
                to.column = from + 1;
                moved = true;
            }
        }
    }
    int lastLink = 2;
    for (const SankeyNode &n : out.nodes)
        if (n.kind == FlowNodeKind::Link)
            lastLink = std::max(lastLink, n.column);
    for (SankeyNode &n : out.nodes)
        if (n.kind == FlowNodeKind::DecodePool)
            n.column = lastLink + 1;

    // Columns present, renumbered without gaps (no link column when every route is colocated).
    std::vector<bool> used(size_t(lastLink + 2), false);
    for (const SankeyNode &n : out.nodes)
        used[size_t(n.column)] = true;
    std::vector<int> remap(used.size(), 0);
    for (size_t c = 0; c < used.size(); ++c) {
        remap[c] = out.columns;
        if (used[c])
            ++out.columns;
    }
    std::vector<std::vector<int>> columns(size_t(out.columns));
    for (size_t i = 0; i < out.nodes.size(); ++i) {
        out.nodes[i].column = remap[size_t(out.nodes[i].column)];
        columns[size_t(out.nodes[i].column)].push_back(int(i));
    }

    // An empty plan (a new document, or one with no workloads) has nothing to lay out.
    if (columns.empty())
        return out;

    // Order each column after the first by the flow-weighted mean position of its sources, which
    // keeps bands from crossing where it can.
    std::vector<double> rank(out.nodes.size(), 0);
    for (size_t k = 0; k < columns[0].size(); ++k)
        rank[size_t(columns[0][k])] = double(k);
    for (size_t c = 1; c < columns.size(); ++c) {
        std::vector<double> sum(out.nodes.size(), 0), weight(out.nodes.size(), 0);
        for (const SankeyBand &b : out.bands) {
            sum[size_t(b.toNode)] += rank[size_t(b.fromNode)] * b.edge.tokensPerS;
            weight[size_t(b.toNode)] += b.edge.tokensPerS;
        }
        std::vector<int> &col = columns[c];
        auto key = [&](int i) { return weight[size_t(i)] > 0 ? sum[size_t(i)] / weight[size_t(i)] : 1e9 + i; };
        std::stable_sort(col.begin(), col.end(), [&](int a, int b) { return key(a) < key(b); });
        for (size_t k = 0; k < col.size(); ++k)
            rank[size_t(col[k])] = double(k);
    }

    // Scale and place.
    std::vector<SankeyNode> sized = out.nodes;
    for (SankeyNode &n : sized)
        n.inTokensPerS = n.outTokensPerS = drawnFlow(n);
    out.pixelsPerToken = fitScale(columns, sized, g);
    const double step = out.columns > 1 ? (g.area.width() - g.nodeWidth) / double(out.columns - 1) : 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        std::vector<double> heights;
        double total = 0;
        for (int i : columns[c]) {
            heights.push_back(std::max(g.minNodeHeight, drawnFlow(out.nodes[size_t(i)]) * out.pixelsPerToken));
            total += heights.back();
        }
        total += g.gap * double(std::max<size_t>(1, columns[c].size()) - 1);
        double y = g.area.top() + std::max(0.0, (g.area.height() - total) / 2);
        const double x = g.area.left() + step * double(c);
        for (size_t k = 0; k < columns[c].size(); ++k) {
            out.nodes[size_t(columns[c][k])].rect = QRectF(x, y, g.nodeWidth, heights[k]);
            y += heights[k] + g.gap;
        }
    }

    // Stack the bands on each side of each node in the order of the node at the other end.
    for (SankeyBand &b : out.bands)
        b.width = b.edge.tokensPerS * out.pixelsPerToken;
    std::vector<size_t> order(out.bands.size());
    std::iota(order.begin(), order.end(), 0);
    auto centreY = [&](int node) { return out.nodes[size_t(node)].rect.center().y(); };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return centreY(out.bands[a].toNode) < centreY(out.bands[b].toNode); });
    std::vector<double> outOffset(out.nodes.size(), 0), inOffset(out.nodes.size(), 0);
    for (size_t i : order) {
        SankeyBand &b = out.bands[i];
        b.y0 = out.nodes[size_t(b.fromNode)].rect.top() + outOffset[size_t(b.fromNode)];
        outOffset[size_t(b.fromNode)] += b.width;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return centreY(out.bands[a].fromNode) < centreY(out.bands[b].fromNode); });
    for (size_t i : order) {
        SankeyBand &b = out.bands[i];
        b.y1 = out.nodes[size_t(b.toNode)].rect.top() + inOffset[size_t(b.toNode)];
        inOffset[size_t(b.toNode)] += b.width;
    }
    return out;
}

} // namespace tokenroute::ui
