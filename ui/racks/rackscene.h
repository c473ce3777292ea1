#pragma once
// The rack elevations as a graphics scene: one frame per rack (header, rails with U numbers, bars
// for power, weight and units against the rack's limits), one box per placed item at its U
// position, and the links between items. The scene holds no plan of its own: it is rebuilt from the
// PlanDocument whenever the document announces a change, and every edit a gesture asks for goes to
// the RackEditor, which pushes an undo command or refuses with a reason.

#include <optional>

#include <QGraphicsScene>
#include <QHash>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

class QGraphicsRectItem;
class QMimeData;
class QGraphicsSimpleTextItem;

namespace tokenroute::ui {

class PlacedItemGraphic;
class RackEditor;
class PlanDocument;
struct PlanChange;

// Sizes in scene units (pixels at 100 % zoom). The unit height and the interior width keep the
// real proportions of a 19-inch rack: 1U is 44.45 mm and the rails are 450 mm apart (EIA-310), so
// the interior is 450 / 44.45 ≈ 10.1 units wide.
namespace rackgeometry {
inline constexpr double UnitPx = 20;
inline constexpr double InteriorWidth = UnitPx * 450.0 / 44.45;
inline constexpr double LeftRail = 30;    // carries the U numbers
inline constexpr double RightRail = 12;
inline constexpr double RackWidth = LeftRail + InteriorWidth + RightRail;
inline constexpr double HeaderHeight = 64;
inline constexpr double FrameBottom = 10;
inline constexpr double BarsHeight = 100;
inline constexpr double RackGap = 190;    // room for link labels between racks
inline constexpr double RowGap = 80;
} // namespace rackgeometry

struct RackSlot {
    int rackId = 0;
    int u = 0;           // the unit under the point; may lie outside 1..units (refused with a reason)
};

class RackScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackScene)

public:
    RackScene(RackEditor *editor, QObject *parent = nullptr);
    ~RackScene() override;

    RackEditor *editor() const { return m_editor; }
    const Plan &plan() const;
    const Catalog &catalog() const;

    // The scene rectangle of a rack's mounting space (all its units), and of one item.
    QRectF rackInterior(int rackId) const;
    QRectF itemRect(const PlacedItem &item) const;
    QPointF unitCentre(int rackId, int u) const;   // where a pointer over unit u of a rack is
    std::optional<RackSlot> slotAt(const QPointF &scenePos) const;

    PlacedItemGraphic *graphicFor(int itemId) const { return m_items.value(itemId); }
    QList<int> selectedItemIds() const;
    QList<int> selectedLinkIds() const;
    void selectItems(const QList<int> &ids);
    int selectedRackId() const;        // the rack of the selection, or of the last click on a frame

    bool linksShown() const { return m_showLinks; }
    void setLinksShown(bool shown);

    // The drop handling behind dropEvent(), reachable without a drag in flight (tests, scripts).
    bool dropMime(const QMimeData *mime, const QPointF &scenePos);
    // What a drop here would do: empty when accepted, otherwise the reason.
    QString dropPreview(const QMimeData *mime, const QPointF &scenePos, int *rackId = nullptr, int *bottomU = nullptr,
                        int *height = nullptr) const;

    // Rebuild from the document (called on every change; cheap enough at hundreds of items).
    void rebuild();
    // While an item's drag runs, the item is on the call stack: a change then rebuilds once the
    // drag has returned instead of deleting the item under its own feet.
    void setDragInProgress(bool on);

signals:
    // A line for the designer's message bar: why a drop is refused, or what it will do.
    void hint(const QString &text, bool refused);
    // Gestures that need a dialog, which the designer owns: link the two selected items, or edit
    // a rack's size, budget and cooling.
    void connectRequested();
    void editRackRequested(int rackId);

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void onChanged(const PlanChange &change);
    void layoutRacks();
    void addLinks();
    void showGhost(const QMimeData *mime, const QPointF &scenePos);
    void hideGhost();

    RackEditor *m_editor;
    QHash<int, QPointF> m_rackOrigin;         // top-left of each rack's frame (header included)
    QHash<int, PlacedItemGraphic *> m_items;
    QGraphicsRectItem *m_ghost = nullptr;
    QGraphicsSimpleTextItem *m_ghostText = nullptr;
    bool m_showLinks = true;
    int m_clickedRackId = 0;
    bool m_rebuilding = false;
    bool m_dragInProgress = false;
    bool m_rebuildPending = false;
};

} // namespace tokenroute::ui
