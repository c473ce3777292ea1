#pragma once
// Where each node and band of the routing Sankey goes, computed from the router's flows alone so
// that it can be tested without a scene: columns workloads → prefill pools → KV links → decode
// pools, one vertical scale (pixels per token/s) for every band, so a band's width is its flow
// times that scale and the tests can check it against the router. Nodes are at least one label
// tall and separated by a gap, which is what keeps the labels from overlapping; a node taller
// than its flow simply leaves white space under its bands.

#include <QRectF>
#include <QString>

#include <vector>

#include "core/route/flows.h"

namespace tokenroute::ui {

struct SankeyNode {
    FlowNodeKind kind = FlowNodeKind::Workload;
    int id = 0;
    int column = 0;
    QRectF rect;
    double inTokensPerS = 0;
    double outTokensPerS = 0;
};

struct SankeyBand {
    FlowEdge edge;
    int fromNode = 0;                 // index into SankeyLayout::nodes
    int toNode = 0;
    double width = 0;                 // tokensPerS × SankeyLayout::pixelsPerToken
    double y0 = 0;                    // top of the band where it leaves its source
    double y1 = 0;                    // top of the band where it enters its target
};

struct SankeyLayout {
    std::vector<SankeyNode> nodes;
    std::vector<SankeyBand> bands;
    double pixelsPerToken = 0;        // vertical pixels per token/s, the same for every band
    int columns = 0;

    int nodeIndex(FlowNodeKind kind, int id) const;
};

struct SankeyGeometry {
    QRectF area;                      // where the nodes go (labels sit beside them, inside area)
    double nodeWidth = 18;
    double minNodeHeight = 46;        // two lines of label
    double gap = 14;                  // between nodes of a column
};

// Lays out the forward flows (workload → … → decode pool); the output tokens returned to the
// workload are not drawn as bands (they would cross the whole figure) but are summed into the
// decode pool's outTokensPerS for its label. workloadIds lists every workload in plan order so
// that an unserved workload still gets a node.
SankeyLayout layoutSankey(const RouteFlows &flows, const std::vector<int> &workloadIds, const SankeyGeometry &geometry);

} // namespace tokenroute::ui
