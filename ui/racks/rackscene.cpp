#include "ui/racks/rackscene.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QApplication>
#include <QGraphicsRectItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QMenu>
#include <QMimeData>
#include <QPalette>

#include "core/plan/placement.h"
#include "ui/icons.h"
#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackitems.h"
#include "ui/racks/rackmime.h"

namespace tokenroute::ui {

using namespace rackgeometry;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

RackScene::RackScene(RackEditor *editor, QObject *parent)
    : QGraphicsScene(parent)
    , m_editor(editor)
{
    // Hundreds of static boxes: the BSP index makes hit tests and partial repaints cheap.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(editor->document(), &PlanDocument::changed, this, &RackScene::onChanged);
    rebuild();
}

RackScene::~RackScene()
{
    // ~QGraphicsScene clears the items, which announces a selection change; the inspector would
    // then read a plan through an editor that its designer has already destroyed.
    blockSignals(true);
}

const Plan &RackScene::plan() const
{
    return m_editor->document()->plan();
}

const Catalog &RackScene::catalog() const
{
    return *m_editor->catalog();
}

void RackScene::onChanged(const PlanChange &change)
{
    if (change.kind == PlanChange::Kind::Properties || change.kind == PlanChange::Kind::Workloads
        || change.kind == PlanChange::Kind::Policies)
        return;
    if (m_dragInProgress) {
        m_rebuildPending = true;
        return;
    }
    rebuild();
}

void RackScene::setDragInProgress(bool on)
{
    m_dragInProgress = on;
    if (!on && m_rebuildPending) {
        m_rebuildPending = false;
        QMetaObject::invokeMethod(this, &RackScene::rebuild, Qt::QueuedConnection);
    }
}

void RackScene::layoutRacks()
{
    // Rows top to bottom, racks left to right by position; every rack stands on its row's floor,
    // so a 42U rack beside a 48U one is shorter at the top, as on the data-centre floor.
    m_rackOrigin.clear();
    std::map<int, std::vector<const Rack *>> rows;
    for (const Rack &rack : plan().racks)
        rows[rack.row].push_back(&rack);
    double rowTop = 0;
    for (auto &[row, racks] : rows) {
        std::stable_sort(racks.begin(), racks.end(), [](const Rack *a, const Rack *b) { return a->position < b->position; });
        int tallest = 0;
        for (const Rack *rack : racks)
            tallest = std::max(tallest, rack->units);
        for (std::size_t i = 0; i < racks.size(); ++i) {
            const double x = double(i) * (RackWidth + RackGap);
            const double y = rowTop + (tallest - racks[i]->units) * UnitPx;
            m_rackOrigin.insert(racks[i]->id, QPointF(x, y));
        }
        rowTop += HeaderHeight + tallest * UnitPx + FrameBottom + BarsHeight + RowGap;
    }
}

QRectF RackScene::rackInterior(int rackId) const
{
    const Rack *rack = plan().rack(rackId);
    if (!rack || !m_rackOrigin.contains(rackId))
        return {};
    const QPointF origin = m_rackOrigin.value(rackId);
    return QRectF(origin.x() + LeftRail, origin.y() + HeaderHeight, InteriorWidth, rack->units * UnitPx);
}

QRectF RackScene::itemRect(const PlacedItem &item) const
{
    const QRectF interior = rackInterior(item.rackId);
    const Rack *rack = plan().rack(item.rackId);
    if (!rack)
        return {};
    const int height = unitHeightOf(catalog(), item.catalogId);
    const double top = interior.top() + (rack->units - (item.uPosition + height - 1)) * UnitPx;
    return QRectF(interior.left(), top, interior.width(), height * UnitPx);
}

QPointF RackScene::unitCentre(int rackId, int u) const
{
    const QRectF interior = rackInterior(rackId);
    const Rack *rack = plan().rack(rackId);
    if (!rack)
        return {};
    return QPointF(interior.center().x(), interior.top() + (rack->units - u + 0.5) * UnitPx);
}

std::optional<RackSlot> RackScene::slotAt(const QPointF &scenePos) const
{
    for (const Rack &rack : plan().racks) {
        const QPointF origin = m_rackOrigin.value(rack.id);
        const QRectF column(origin.x(), origin.y(), RackWidth, HeaderHeight + rack.units * UnitPx + FrameBottom);
        if (!column.contains(scenePos))
            continue;
        const QRectF interior = rackInterior(rack.id);
        const int fromTop = int(std::floor((scenePos.y() - interior.top()) / UnitPx));
        return RackSlot{rack.id, rack.units - fromTop};
    }
    return std::nullopt;
}

QList<int> RackScene::selectedItemIds() const
{
    QList<int> ids;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == PlacedItemGraphic::Type)
            ids.append(static_cast<PlacedItemGraphic *>(item)->itemId());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<int> RackScene::selectedLinkIds() const
{
    QList<int> ids;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == LinkGraphic::Type)
            ids.append(static_cast<LinkGraphic *>(item)->linkId());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void RackScene::selectItems(const QList<int> &ids)
{
    clearSelection();
    for (int id : ids)
        if (PlacedItemGraphic *graphic = m_items.value(id))
            graphic->setSelected(true);
    if (!ids.isEmpty())
        if (PlacedItemGraphic *graphic = m_items.value(ids.last()))
            setFocusItem(graphic);
}

int RackScene::selectedRackId() const
{
    const QList<int> ids = selectedItemIds();
    if (!ids.isEmpty())
        if (const PlacedItem *item = plan().item(ids.first()))
            return item->rackId;
    return plan().rack(m_clickedRackId) ? m_clickedRackId : 0;
}

void RackScene::setLinksShown(bool shown)
{
    if (m_showLinks == shown)
        return;
    m_showLinks = shown;
    rebuild();
}

void RackScene::rebuild()
{
    const QList<int> selected = selectedItemIds();
    QList<int> selectedLinks;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == LinkGraphic::Type)
            selectedLinks.append(static_cast<LinkGraphic *>(item)->linkId());

    m_rebuilding = true;
    clear();
    m_items.clear();
    m_ghost = nullptr;
    m_ghostText = nullptr;
    layoutRacks();

    const Plan &p = plan();
    for (const Rack &rack : p.racks) {
        auto *frame = new RackFrameItem(rack, rackLoad(p, catalog(), rack.id));
        frame->setPos(m_rackOrigin.value(rack.id));
        addItem(frame);
    }
    for (const PlacedItem &item : p.items) {
        if (!p.rack(item.rackId))
            continue;
        const QRectF rect = itemRect(item);
        auto *graphic = new PlacedItemGraphic(item, catalog().server(item.catalogId), p.pool(item.poolId), rect.size());
        graphic->setPos(rect.topLeft());
        addItem(graphic);
        m_items.insert(item.id, graphic);
    }
    if (m_showLinks)
        addLinks();

    for (int id : std::as_const(selected))
        if (PlacedItemGraphic *graphic = m_items.value(id))
            graphic->setSelected(true);
    for (QGraphicsItem *item : items())
        if (item->type() == LinkGraphic::Type && selectedLinks.contains(static_cast<LinkGraphic *>(item)->linkId()))
            item->setSelected(true);
    setSceneRect(itemsBoundingRect().adjusted(-40, -30, 40, 30));
    m_rebuilding = false;
    emit selectionChanged();
}

void RackScene::addLinks()
{
    const Plan &p = plan();
    QHash<int, int> labelsAt; // item id -> labels already written beside it
    for (const Link &link : p.links) {
        const PlacedItem *from = p.item(link.fromItem);
        const PlacedItem *to = p.item(link.toItem);
        if (!from || !to || !m_rackOrigin.contains(from->rackId) || !m_rackOrigin.contains(to->rackId))
            continue;
        const QRectF a = itemRect(*from);
        const QRectF b = itemRect(*to);
        const QPointF originA = m_rackOrigin.value(from->rackId);
        const QPointF originB = m_rackOrigin.value(to->rackId);
        QPainterPath path;
        QPointF labelAt;
        bool centred = false;
        if (from->rackId == to->rackId) {
            // Within a rack the link bows out to the right, further the longer it runs, so the
            // curves of one switch's links nest instead of crossing.
            const double right = originA.x() + RackWidth;
            const QPointF p1(a.right(), a.center().y());
            const QPointF p2(b.right(), b.center().y());
            const double bulge = RightRail + 22 + std::min(90.0, std::abs(p2.y() - p1.y()) * 0.12);
            path.moveTo(p1);
            path.cubicTo(QPointF(right + bulge, p1.y()), QPointF(right + bulge, p2.y()), p2);
            const int n = labelsAt[from->id]++;
            labelAt = QPointF(right + 6, a.center().y() + (n == 0 ? 0 : (n % 2 ? 17 : -17) * ((n + 1) / 2)));
        } else {
            const bool leftToRight = originA.x() < originB.x();
            const bool sameRow = plan().rack(from->rackId)->row == plan().rack(to->rackId)->row;
            const double xa = leftToRight ? originA.x() + RackWidth : originA.x();
            const double xb = leftToRight ? originB.x() : originB.x() + RackWidth;
            const QPointF p1(xa, a.center().y());
            const QPointF p2(xb, b.center().y());
            path.moveTo(leftToRight ? a.right() : a.left(), p1.y());
            path.lineTo(p1);
            const bool adjacent = sameRow && std::abs(std::abs(originA.x() - originB.x()) - (RackWidth + RackGap)) < 1;
            if (adjacent) {
                const double dx = (p2.x() - p1.x()) / 2;
                path.cubicTo(QPointF(p1.x() + dx, p1.y()), QPointF(p2.x() - dx, p2.y()), p2);
            } else {
                // Not neighbours: go over the racks in between rather than through them.
                const double over = std::min(originA.y(), originB.y()) - 16;
                const double step = leftToRight ? 24 : -24;
                path.lineTo(p1.x() + step, p1.y());
                path.lineTo(p1.x() + step, over);
                path.lineTo(p2.x() - step, over);
                path.lineTo(p2.x() - step, p2.y());
                path.lineTo(p2);
            }
            path.lineTo(leftToRight ? b.left() : b.right(), p2.y());
            labelAt = path.pointAtPercent(0.5);
            centred = true;
        }
        addItem(new LinkGraphic(link, catalog().link(link.linkTypeId), path, labelAt, centred));
    }
}

QString RackScene::dropPreview(const QMimeData *mime, const QPointF &scenePos, int *rackId, int *bottomU, int *height) const
{
    const std::optional<RackSlot> slot = slotAt(scenePos);
    const std::optional<QString> catalogId = catalogItemFrom(mime);
    const std::optional<PlacedItemsDrag> drag = placedItemsFrom(mime);
    if (!catalogId && !drag)
        return tr("Only catalogue items and placed items can be dropped here.");
    int h = 1;
    int bottom = 0;
    if (catalogId) {
        h = unitHeightOf(catalog(), catalogId->toStdString());
        // The pointer holds the item by its top unit, so it hangs from where the user points.
        bottom = slot ? slot->u - h + 1 : 0;
    } else if (const PlacedItem *anchor = plan().item(drag->anchorId)) {
        h = unitHeightOf(catalog(), anchor->catalogId);
        bottom = slot ? slot->u - drag->grabUnit : 0;
    }
    if (rackId)
        *rackId = slot ? slot->rackId : 0;
    if (bottomU)
        *bottomU = bottom;
    if (height)
        *height = h;
    if (catalogId)
        return m_editor->previewPlace(*catalogId, slot ? slot->rackId : 0, bottom);
    return m_editor->previewMove(drag->ids, drag->anchorId, slot ? slot->rackId : 0, bottom);
}

bool RackScene::dropMime(const QMimeData *mime, const QPointF &scenePos)
{
    hideGhost();
    int rackId = 0;
    int bottom = 0;
    dropPreview(mime, scenePos, &rackId, &bottom);
    if (const std::optional<QString> catalogId = catalogItemFrom(mime)) {
        const std::optional<int> id = m_editor->placeNew(*catalogId, rackId, bottom);
        if (id)
            selectItems({*id});
        return id.has_value();
    }
    if (const std::optional<PlacedItemsDrag> drag = placedItemsFrom(mime)) {
        const bool moved = m_editor->moveItems(drag->ids, drag->anchorId, rackId, bottom);
        if (moved)
            selectItems(drag->ids);
        return moved;
    }
    return false;
}

void RackScene::showGhost(const QMimeData *mime, const QPointF &scenePos)
{
    int rackId = 0;
    int bottom = 0;
    int height = 1;
    const QString reason = dropPreview(mime, scenePos, &rackId, &bottom, &height);
    const Rack *rack = plan().rack(rackId);
    if (!rack) {
        hideGhost();
        emit hint(reason, true);
        return;
    }
    if (!m_ghost) {
        m_ghost = addRect(QRectF());
        m_ghost->setZValue(20);
        m_ghostText = addSimpleText(QString());
        m_ghostText->setZValue(21);
        QFont font = QApplication::font();
        font.setPixelSize(13);
        font.setBold(true);
        m_ghostText->setFont(font);
    }
    const QRectF interior = rackInterior(rackId);
    const double top = interior.top() + (rack->units - (bottom + height - 1)) * UnitPx;
    const QRectF rect(interior.left(), top, interior.width(), height * UnitPx);
    const bool ok = reason.isEmpty();
    const QColor colour = ok ? QColor::fromRgb(okabeIto::BluishGreen) : QColor(0xd7, 0x26, 0x1e);
    QColor fill = colour;
    fill.setAlphaF(0.35);
    m_ghost->setRect(rect);
    m_ghost->setPen(QPen(colour, 2.5, Qt::DashLine));
    m_ghost->setBrush(fill);
    const QString text = ok ? tr("%1: U%2–U%3").arg(qs(rack->name)).arg(bottom).arg(bottom + height - 1) : reason;
    m_ghostText->setText(text);
    m_ghostText->setBrush(ok ? QApplication::palette().color(QPalette::WindowText) : colour);
    m_ghostText->setPos(rect.right() + RightRail + 8, rect.top() - 2);
    m_ghost->show();
    m_ghostText->show();
    emit hint(text, !ok);
}

void RackScene::hideGhost()
{
    if (m_ghost) {
        m_ghost->hide();
        m_ghostText->hide();
    }
}

void RackScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    const bool ours = event->mimeData()->hasFormat(CatalogItemMime) || event->mimeData()->hasFormat(PlacedItemsMime);
    event->setAccepted(ours);
    if (ours)
        showGhost(event->mimeData(), event->scenePos());
}

void RackScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    const bool ours = event->mimeData()->hasFormat(CatalogItemMime) || event->mimeData()->hasFormat(PlacedItemsMime);
    if (!ours) {
        event->ignore();
        return;
    }
    showGhost(event->mimeData(), event->scenePos());
    // Accept even a refused position: dropping there explains why instead of silently snapping back.
    event->setDropAction(event->mimeData()->hasFormat(CatalogItemMime) ? Qt::CopyAction : Qt::MoveAction);
    event->accept();
}

void RackScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    hideGhost();
    emit hint(QString(), false);
    event->accept();
}

void RackScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const bool ok = dropMime(event->mimeData(), event->scenePos());
    event->setDropAction(ok ? (event->mimeData()->hasFormat(CatalogItemMime) ? Qt::CopyAction : Qt::MoveAction) : Qt::IgnoreAction);
    event->accept();
}

void RackScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (const std::optional<RackSlot> slot = slotAt(event->scenePos()))
        m_clickedRackId = slot->rackId;
    QGraphicsScene::mousePressEvent(event);
}

void RackScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    PlacedItemGraphic *under = nullptr;
    LinkGraphic *link = nullptr;
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == PlacedItemGraphic::Type) {
            under = static_cast<PlacedItemGraphic *>(item);
            break;
        }
        if (!link && item->type() == LinkGraphic::Type)
            link = static_cast<LinkGraphic *>(item);
    }
    QMenu menu;
    if (!under && link) {
        // An item under the pointer wins over a link drawn across it; here only the link is there.
        const int linkId = link->linkId();
        QAction *remove = menu.addAction(tr("&Delete Link"));
        remove->setShortcut(QKeySequence::Delete);
        connect(remove, &QAction::triggered, this, [this, linkId] { m_editor->deleteLinks({linkId}); });
        menu.exec(event->screenPos());
        return;
    }
    if (!under) {
        // On a rack's frame, header or empty units: the rack's own actions.
        const std::optional<RackSlot> slot = slotAt(event->scenePos());
        if (!slot)
            return;
        m_clickedRackId = slot->rackId;
        const int rackId = slot->rackId;
        connect(menu.addAction(tr("Rack &Properties…")), &QAction::triggered, this, [this, rackId] { emit editRackRequested(rackId); });
        connect(menu.addAction(tr("Delete &Rack")), &QAction::triggered, this, [this, rackId] { m_editor->removeRack(rackId); });
        menu.exec(event->screenPos());
        return;
    }
    if (!under->isSelected())
        selectItems({under->itemId()});
    const QList<int> ids = selectedItemIds();

    QMenu *pools = menu.addMenu(themedIcon(QStringLiteral("pool")), tr("Assign to &Pool"));
    for (const Pool &pool : plan().pools) {
        if (pool.role == PoolRole::Edge)
            continue; // edge pools run on devices in the field, not on racked servers
        QAction *action = pools->addAction(colouredIcon(QStringLiteral("pool"), roleColour(pool.role)),
                                           tr("%1 (%2)").arg(qs(pool.name), roleName(pool.role)));
        const int poolId = pool.id;
        connect(action, &QAction::triggered, this, [this, ids, poolId] { m_editor->assignPool(ids, poolId); });
    }
    pools->addSeparator();
    connect(pools->addAction(tr("&No Pool")), &QAction::triggered, this, [this, ids] { m_editor->assignPool(ids, 0); });
    // Connecting needs two items; with another count the action stays, and says why it refuses.
    QAction *connectAction = menu.addAction(themedIcon(QStringLiteral("link")),
                                            ids.size() == 2 ? tr("&Connect…") : tr("&Connect… (select two items)"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(connectAction, &QAction::triggered, this, &RackScene::connectRequested);
    const int rackId = under->item().rackId;
    connect(menu.addAction(tr("Rack &Properties…")), &QAction::triggered, this, [this, rackId] { emit editRackRequested(rackId); });
    menu.addSeparator();
    QAction *duplicate = menu.addAction(tr("D&uplicate"));
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(duplicate, &QAction::triggered, this, [this, ids] { selectItems(m_editor->duplicate(ids)); });
    QAction *remove = menu.addAction(tr("&Delete"));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this, ids] { m_editor->deleteItems(ids); });
    menu.exec(event->screenPos());
}

} // namespace tokenroute::ui
