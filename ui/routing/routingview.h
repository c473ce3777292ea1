#pragma once
// The Routing tab: the router's flows as a Sankey diagram on a QGraphicsScene. Workloads (coloured
// by their phase tag, with a chip per tag) feed prefill pools, KV links and decode pools; a band is
// as wide as its tokens/s; hovering shows the numbers and the router's reasons; clicking a band
// selects its workload and pool and says so with selectionChanged(), which the main window forwards
// to the other views. The scene is laid out at the viewport's own size so labels stay at their
// point size (legible on a projector) and is rebuilt when the plan changes.

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QTimer>
#include <QWidget>

#include "core/catalog/catalog.h"
#include "core/route/routebuilder.h"
#include "ui/routing/sankeylayout.h"

namespace tokenroute::ui {

class PlanDocument;
struct PlanChange;

// One band of the Sankey; the tests find these in the scene to compare with the router's flows.
class SankeyBandItem final : public QGraphicsPathItem {
public:
    enum { Type = UserType + 801 };
    SankeyBandItem(const SankeyBand &band, int poolId, const QColor &colour);
    int type() const override { return Type; }

    const SankeyBand &band() const { return m_band; }
    int workloadId() const { return m_band.edge.workloadId; }
    int poolId() const { return m_poolId; }       // the pool at one end of the band (0 between links)
    QPointF clickPoint() const;                    // a point inside the band near its source, for clicks
    void setDimmed(bool dimmed);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    SankeyBand m_band;
    int m_poolId;
    QColor m_colour;
    bool m_dimmed = false;
};

class RoutingScene final : public QGraphicsScene {
    Q_OBJECT
public:
    using QGraphicsScene::QGraphicsScene;
signals:
    void bandClicked(int workloadId, int poolId);
    friend class SankeyBandItem;
};

class RoutingView final : public QWidget {
    Q_OBJECT

public:
    RoutingView(PlanDocument *document, const Catalog *catalog, QWidget *parent = nullptr);

    RoutingScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    const PlanRouting &routing() const { return m_routing; }
    const SankeyLayout &layout() const { return m_layout; }

    int selectedWorkload() const { return m_selectedWorkload; }
    int selectedPool() const { return m_selectedPool; }
    void select(int workloadId, int poolId);

    // Route the plan again and redraw (what an edit triggers, without the coalescing delay).
    void refresh();
    // Redraw from the current routing at the viewport's size.
    void relayout();

signals:
    void selectionChanged(int workloadId, int poolId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void documentChanged(const PlanChange &change);
    void addNode(const SankeyNode &node, double labelWidth, bool labelLeft);
    QString bandToolTip(const SankeyBand &band) const;
    QString nodeName(FlowNodeKind kind, int id) const;
    QColor workloadColour(int workloadId) const;
    void addLegend(double y);

    PlanDocument *m_document;
    const Catalog *m_catalog;
    RoutingScene *m_scene;
    QGraphicsView *m_view;
    QTimer m_rerouteTimer;
    PlanRouting m_routing;
    SankeyLayout m_layout;
    QString m_error;
    int m_selectedWorkload = 0;
    int m_selectedPool = 0;
    size_t m_colourAxis = 0;     // the tag axis that colours workloads: the one that tells them apart best
};

} // namespace tokenroute::ui
