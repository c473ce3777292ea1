#include "ui/racks/rackitems.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QDrag>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include "ui/appstyle.h"
#include "ui/evaluation/planproblems.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/racks/rackmime.h"
#include "ui/racks/rackscene.h"

namespace tokenroute::ui {

using namespace rackgeometry;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Frame colours are fixed rather than taken from the system palette: a rack is black steel in
// both light and dark mode, and the role colours were chosen to read on it.
const QColor FrameColour(0x2a, 0x2e, 0x35);
const QColor InteriorColour(0x17, 0x19, 0x1d);
const QColor UnitLineColour(0x2c, 0x30, 0x38);
const QColor RailTextColour(0xa9, 0xb0, 0xba);

} // namespace

QColor itemFill(const ServerSpec *spec, const Pool *pool)
{
    if (pool)
        return roleColour(pool->role);
    if (!spec)
        return QColor(0x80, 0x80, 0x80);
    switch (spec->kind) {
    case ServerKind::Server:
    case ServerKind::RackSystem:
        return QColor(0xc9, 0xcd, 0xd3); // unassigned compute: neutral, so pooled servers stand out
    case ServerKind::Switch:
        return QColor(0x4a, 0x55, 0x62);
    case ServerKind::Pdu:
        return QColor(0x6b, 0x5d, 0x3f);
    case ServerKind::Blank:
        return QColor(0x3a, 0x3e, 0x45);
    }
    return QColor(0x80, 0x80, 0x80);
}

QColor linkColour(LinkKind kind)
{
    switch (kind) {
    case LinkKind::NvLink:
        return QColor(0x76, 0xb9, 0x00);
    case LinkKind::InfiniBand:
        return QColor::fromRgb(okabeIto::SkyBlue);
    case LinkKind::Ethernet:
        return QColor::fromRgb(okabeIto::Orange);
    case LinkKind::ChipToChip:
        return QColor::fromRgb(okabeIto::ReddishPurple);
    case LinkKind::Pcie:
        return QColor(0x99, 0x99, 0x99);
    }
    return QColor(0x99, 0x99, 0x99);
}

QColor levelColour(LoadLevel level)
{
    switch (level) {
    case LoadLevel::Ok:
        return QColor::fromRgb(okabeIto::BluishGreen);
    case LoadLevel::Near:
        return QColor(0xf0, 0xa2, 0x02); // amber
    case LoadLevel::Over:
        return QColor(0xd7, 0x26, 0x1e); // red
    }
    return Qt::gray;
}

// ---------------------------------------------------------------------------------------------

RackFrameItem::RackFrameItem(const Rack &rack, const RackLoad &load)
    : m_rack(rack)
    , m_load(load)
{
    setZValue(-10);
    // Frames and items repaint only when they change or the zoom does: pans, selection and drag
    // previews then cost a pixmap copy per item.
    setCacheMode(DeviceCoordinateCache);
    setToolTip(QObject::tr("%1\n%2U, %3 cooling, %4 kW budget").arg(qs(rack.name)).arg(rack.units)
                   .arg(rack.cooling == Cooling::Liquid ? QObject::tr("liquid") : QObject::tr("air"))
                   .arg(formatNumber(rack.powerBudgetKw, 1)));
}

bool RackFrameItem::overLimit() const
{
    return loadLevel(m_load.powerW, m_load.powerBudgetW) == LoadLevel::Over
           || loadLevel(m_load.weightKg, m_load.maxWeightKg) == LoadLevel::Over
           || loadLevel(m_load.unitsUsed, m_load.units) == LoadLevel::Over;
}

QRectF RackFrameItem::boundingRect() const
{
    return QRectF(0, 0, RackWidth, HeaderHeight + m_rack.units * UnitPx + FrameBottom + BarsHeight);
}

void RackFrameItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing, true);

    // Header: name (after the plan tree's problem badge when a limit is exceeded, so the rack at
    // fault is found on the drawing too), size and budget, cooling chip.
    double nameLeft = 0;
    if (overLimit()) {
        constexpr double Badge = 20;
        problemBadgeIcon().paint(painter, QRect(0, 2, int(Badge), int(Badge)));
        nameLeft = Badge + 5;
    }
    painter->setPen(palette.color(QPalette::WindowText));
    painter->setFont(pixelFont(16, true));
    const QRectF nameRect(nameLeft, 0, RackWidth - nameLeft, 24);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(painter->font()).elidedText(qs(m_rack.name), Qt::ElideRight, nameRect.width()));
    painter->setFont(pixelFont(12.5));
    QColor secondary = palette.color(QPalette::WindowText);
    secondary.setAlphaF(0.7);
    painter->setPen(secondary);
    painter->drawText(QRectF(0, 24, RackWidth, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      QObject::tr("%1U · %2 kW budget").arg(m_rack.units).arg(formatNumber(m_rack.powerBudgetKw, 1)));
    const bool liquid = m_rack.cooling == Cooling::Liquid;
    const QString cooling = liquid ? QObject::tr("Liquid") : QObject::tr("Air");
    painter->setFont(pixelFont(11, true));
    const double chipWidth = QFontMetricsF(painter->font()).horizontalAdvance(cooling) + 14;
    const QRectF chip(RackWidth - chipWidth, 27, chipWidth, 17);
    painter->setPen(Qt::NoPen);
    painter->setBrush(liquid ? QColor::fromRgb(okabeIto::SkyBlue) : QColor(0xb8, 0xbd, 0xc4));
    painter->drawRoundedRect(chip, 8.5, 8.5);
    painter->setPen(QColor(0x10, 0x10, 0x10));
    painter->drawText(chip, Qt::AlignCenter, cooling);

    // Frame and mounting space.
    const double interiorTop = HeaderHeight;
    const double interiorHeight = m_rack.units * UnitPx;
    const QRectF frame(0, interiorTop - 8, RackWidth, interiorHeight + 8 + FrameBottom);
    painter->setPen(Qt::NoPen);
    painter->setBrush(FrameColour);
    painter->drawRoundedRect(frame, 4, 4);
    const QRectF interior(LeftRail, interiorTop, InteriorWidth, interiorHeight);
    painter->setBrush(InteriorColour);
    painter->drawRect(interior);

    // Unit lines and numbers, skipped when zoomed so far out that they would only be noise.
    const double scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(UnitLineColour, 0));
    for (int u = 1; u < m_rack.units; ++u) {
        const double y = interiorTop + u * UnitPx;
        painter->drawLine(QPointF(LeftRail, y), QPointF(LeftRail + InteriorWidth, y));
    }
    // Numbers under 9 px tall cannot be read; drawing them would only cost time.
    if (scale * UnitPx >= 9) {
        painter->setFont(pixelFont(11));
        painter->setPen(RailTextColour);
        for (int u = 1; u <= m_rack.units; ++u) {
            const double y = interiorTop + (m_rack.units - u) * UnitPx;
            painter->drawText(QRectF(0, y, LeftRail - 5, UnitPx), Qt::AlignRight | Qt::AlignVCenter, QString::number(u));
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, true);

    // Bars: power against budget, weight against the floor limit, units against the rack height.
    double y = interiorTop + interiorHeight + FrameBottom + 10;
    paintBar(painter, QRectF(0, y, RackWidth, 28), QObject::tr("Power"), m_load.powerW, m_load.powerBudgetW,
             m_load.powerBudgetW > 0 ? QObject::tr("%1 / %2 kW").arg(formatNumber(m_load.powerW / 1000, 1),
                                                                       formatNumber(m_load.powerBudgetW / 1000, 1))
                                     : QObject::tr("%1 kW, no budget").arg(formatNumber(m_load.powerW / 1000, 1)));
    y += 30;
    paintBar(painter, QRectF(0, y, RackWidth, 28), QObject::tr("Weight"), m_load.weightKg, m_load.maxWeightKg,
             m_load.maxWeightKg > 0 ? QObject::tr("%1 / %2 kg").arg(formatNumber(m_load.weightKg, 0), formatNumber(m_load.maxWeightKg, 0))
                                    : QObject::tr("%1 kg").arg(formatNumber(m_load.weightKg, 0)));
    y += 30;
    paintBar(painter, QRectF(0, y, RackWidth, 28), QObject::tr("Space"), m_load.unitsUsed, m_load.units,
             QObject::tr("%1 / %2 U").arg(m_load.unitsUsed).arg(m_load.units));
}

void RackFrameItem::paintBar(QPainter *painter, const QRectF &rect, const QString &label, double used, double limit,
                             const QString &text) const
{
    const QPalette palette = QApplication::palette();
    const LoadLevel level = loadLevel(used, limit);
    painter->setFont(pixelFont(12, level != LoadLevel::Ok));
    QColor textColour = palette.color(QPalette::WindowText);
    painter->setPen(textColour);
    const QRectF textRow(rect.left(), rect.top(), rect.width(), 16);
    painter->drawText(textRow, Qt::AlignLeft | Qt::AlignVCenter, label);
    if (level != LoadLevel::Ok)
        painter->setPen(levelColour(level).darker(level == LoadLevel::Near ? 130 : 100));
    painter->drawText(textRow, Qt::AlignRight | Qt::AlignVCenter, text);

    if (limit <= 0)
        return; // nothing to measure against: the figure alone, no empty track that reads as zero
    const QRectF track(rect.left(), rect.top() + 18, rect.width(), 8);
    QColor trackColour = palette.color(QPalette::WindowText);
    trackColour.setAlphaF(0.12);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, 4, 4);
    // Without a limit the bar shows nothing to compare with, so it stays an empty track.
    if (limit > 0 && used > 0) {
        const double fraction = std::min(1.0, used / limit);
        painter->setBrush(levelColour(level));
        painter->drawRoundedRect(QRectF(track.left(), track.top(), std::max(8.0, track.width() * fraction), track.height()), 4, 4);
    }
}

// ---------------------------------------------------------------------------------------------

PlacedItemGraphic::PlacedItemGraphic(const PlacedItem &item, const ServerSpec *spec, const Pool *pool, QSizeF size)
    : m_item(item)
    , m_fill(itemFill(spec, pool))
    , m_blank(spec && spec->kind == ServerKind::Blank)
    , m_size(size)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setCacheMode(DeviceCoordinateCache);
    m_title = qs(item.name);
    if (!spec) {
        m_detail = QObject::tr("unknown: %1").arg(qs(item.catalogId));
    } else if (spec->acceleratorsPerNode > 0) {
        m_detail = QObject::tr("%1U · %2 kW").arg(spec->unitHeight).arg(formatNumber(spec->powerW / 1000, 1));
    } else if (spec->kind == ServerKind::Switch) {
        m_detail = QObject::tr("%1 × %2G").arg(spec->switchPorts).arg(formatNumber(spec->portGbps, 0));
    } else if (spec->kind != ServerKind::Blank) {
        m_detail = qs(spec->name);
    }
    QString tip = QStringLiteral("<b>%1</b><br>%2<br>").arg(m_title.toHtmlEscaped(), spec ? qs(spec->name).toHtmlEscaped() : m_detail);
    const int height = spec ? std::max(1, spec->unitHeight) : 1;
    tip += QObject::tr("U%1–U%2").arg(item.uPosition).arg(item.uPosition + height - 1);
    if (pool)
        tip += QObject::tr("<br>Pool: %1 (%2)").arg(qs(pool->name).toHtmlEscaped(), roleName(pool->role));
    setToolTip(tip);
}

QRectF PlacedItemGraphic::boundingRect() const
{
    return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6));
}

void PlacedItemGraphic::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF box = QRectF(QPointF(0, 0), m_size).adjusted(1, 1, -1, -1);
    painter->setPen(QPen(m_fill.darker(150), 1));
    painter->setBrush(m_fill);
    painter->drawRoundedRect(box, 3, 3);
    if (m_blank) {
        painter->setBrush(QBrush(m_fill.lighter(140), Qt::BDiagPattern));
        painter->drawRoundedRect(box, 3, 3);
    }

    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (scale >= 0.4 && !m_blank) { // below that the text is under 5 px
        const QColor text = textColourOn(m_fill);
        painter->setPen(text);
        const QRectF inner = box.adjusted(8, 0, -8, 0);
        const bool oneLine = m_size.height() < 2 * UnitPx;
        if (oneLine) {
            painter->setFont(pixelFont(12, true));
            const QFontMetricsF titleMetrics(painter->font());
            const double titleWidth = std::min(titleMetrics.horizontalAdvance(m_title), inner.width() * 0.6);
            painter->drawText(QRectF(inner.left(), inner.top(), titleWidth + 1, inner.height()), Qt::AlignLeft | Qt::AlignVCenter,
                              titleMetrics.elidedText(m_title, Qt::ElideRight, titleWidth + 1));
            painter->setFont(pixelFont(11));
            const QRectF rest(inner.left() + titleWidth + 8, inner.top(), inner.width() - titleWidth - 8, inner.height());
            painter->drawText(rest, Qt::AlignRight | Qt::AlignVCenter,
                              QFontMetricsF(painter->font()).elidedText(m_detail, Qt::ElideRight, rest.width()));
        } else {
            const double top = inner.top() + std::max(2.0, (inner.height() - 34) / 2);
            painter->setFont(pixelFont(13, true));
            painter->drawText(QRectF(inner.left(), top, inner.width(), 17), Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(painter->font()).elidedText(m_title, Qt::ElideRight, inner.width()));
            painter->setFont(pixelFont(11.5));
            painter->drawText(QRectF(inner.left(), top + 17, inner.width(), 16), Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(painter->font()).elidedText(m_detail, Qt::ElideRight, inner.width()));
        }
    }

    if (isSelected()) {
        // Yellow reads against every role colour and the black frame alike.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor::fromRgb(okabeIto::Yellow), 3));
        painter->drawRoundedRect(box.adjusted(-0.5, -0.5, 0.5, 0.5), 4, 4);
    }
}

void PlacedItemGraphic::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPos = event->pos();
    QGraphicsItem::mousePressEvent(event);
}

void PlacedItemGraphic::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)
        || QLineF(event->screenPos(), event->buttonDownScreenPos(Qt::LeftButton)).length() < QApplication::startDragDistance())
        return;
    auto *rackScene = qobject_cast<RackScene *>(scene());
    if (!rackScene)
        return;
    PlacedItemsDrag payload;
    payload.anchorId = m_item.id;
    payload.ids = isSelected() ? rackScene->selectedItemIds() : QList<int>{m_item.id};
    if (!payload.ids.contains(m_item.id))
        payload.ids.append(m_item.id);
    // Which unit of the item the pointer holds, so the item keeps its place under the pointer.
    payload.grabUnit = std::clamp(int((m_size.height() - m_pressPos.y()) / UnitPx), 0, int(m_size.height() / UnitPx) - 1);

    auto *drag = new QDrag(event->widget());
    drag->setMimeData(placedItemsMime(payload));
    QPixmap pixmap(m_size.toSize());
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        QStyleOptionGraphicsItem option;
        paint(&painter, &option, nullptr);
    }
    drag->setPixmap(pixmap);
    drag->setHotSpot(m_pressPos.toPoint());
    // The drop may change the plan; the scene then rebuilds after exec() returns, and this item
    // must not be touched afterwards.
    rackScene->setDragInProgress(true);
    drag->exec(Qt::MoveAction | Qt::LinkAction, Qt::MoveAction);
    rackScene->setDragInProgress(false);
}

// ---------------------------------------------------------------------------------------------

LinkGraphic::LinkGraphic(const Link &link, const LinkType *type, const QPainterPath &path, QPointF labelAt, bool centred)
    : QGraphicsPathItem(path)
    , m_link(link)
    , m_colour(type ? linkColour(type->kind) : QColor(Qt::gray))
    , m_labelAt(labelAt)
    , m_labelLeft(centred)
{
    setFlags(ItemIsSelectable);
    setZValue(5);
    const double perLink = type ? type->bandwidthGBs : 0;
    const double total = perLink * std::max(1, link.lanes);
    m_label = QObject::tr("%1× %2 · %3 GB/s").arg(link.lanes).arg(qs(link.linkTypeId)).arg(formatNumber(total, 0));
    // Line weight grows with the bandwidth it carries, on a log scale so a 16-lane spine link does
    // not drown the rest: 50 GB/s (one NDR port) draws at 1.5 px.
    const double width = std::clamp(1.5 + 0.7 * std::log2(std::max(1.0, total / 50.0)), 1.5, 5.0);
    // Opaque on purpose: a translucent pen made the raster engine blend every antialiased span,
    // and 120 links took a full-HD frame from 11 ms to 50-90 ms (bench_racks, ViewFrameWarm).
    setPen(QPen(m_colour, width, Qt::SolidLine, Qt::RoundCap));
    setToolTip(QObject::tr("%1\n%2 lane(s) of %3\n%4 GB/s per direction")
                   .arg(m_label, QString::number(link.lanes), type ? qs(type->name) : qs(link.linkTypeId), formatNumber(total, 0)));
}

QRectF LinkGraphic::labelRect() const
{
    const QFontMetricsF metrics(pixelFont(11));
    const double w = metrics.horizontalAdvance(m_label) + 10;
    const double h = 16;
    if (m_labelLeft)
        return QRectF(m_labelAt.x() - w / 2, m_labelAt.y() - h / 2, w, h);
    return QRectF(m_labelAt.x(), m_labelAt.y() - h / 2, w, h);
}

QRectF LinkGraphic::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(labelRect()).adjusted(-4, -4, 4, 4);
}

QPainterPath LinkGraphic::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(6.0, pen().widthF() + 4));
    QPainterPath shape = stroker.createStroke(path());
    shape.addRect(labelRect());
    return shape;
}

void LinkGraphic::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen linePen = pen();
    if (isSelected())
        linePen.setWidthF(linePen.widthF() + 2.5);
    painter->setPen(linePen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.45)
        return; // labels would be unreadable specks
    const QRectF rect = labelRect();
    const QPalette palette = QApplication::palette();
    QColor background = palette.color(QPalette::Base);
    background.setAlphaF(0.92);
    painter->setPen(QPen(m_colour.darker(110), isSelected() ? 2 : 1));
    painter->setBrush(background);
    painter->drawRoundedRect(rect, 8, 8);
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(pixelFont(11));
    painter->drawText(rect, Qt::AlignCenter, m_label);
}

} // namespace tokenroute::ui
