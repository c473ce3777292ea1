#pragma once
// The graphics items of the rack scene. Each is drawn from a copy of the plain values it shows
// (a Rack and its load, a PlacedItem and its catalogue entry, a Link), taken when the scene is
// rebuilt, so painting never reaches back into the document.

#include <QGraphicsItem>
#include <QGraphicsPathItem>

#include "core/catalog/catalog.h"
#include "core/plan/placement.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

// Colours of what the palette does not cover: items that are not in a pool, switches, PDUs,
// blanks, link kinds, and the bars' three levels.
QColor itemFill(const ServerSpec *spec, const Pool *pool);
QColor linkColour(LinkKind kind);
QColor levelColour(LoadLevel level);

class RackFrameItem final : public QGraphicsItem {
public:
    RackFrameItem(const Rack &rack, const RackLoad &load);
    int rackId() const { return m_rack.id; }
    // Power, weight or units over the rack's limit: the header carries the problem badge.
    bool overLimit() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

private:
    void paintBar(QPainter *painter, const QRectF &rect, const QString &label, double used, double limit,
                  const QString &text) const;

    Rack m_rack;
    RackLoad m_load;
};

class PlacedItemGraphic final : public QGraphicsItem {
public:
    // spec may be null (an id the catalogue does not know: drawn as a 1U box with the id).
    PlacedItemGraphic(const PlacedItem &item, const ServerSpec *spec, const Pool *pool, QSizeF size);
    int itemId() const { return m_item.id; }
    const PlacedItem &item() const { return m_item; }
    QColor fill() const { return m_fill; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;

private:
    PlacedItem m_item;
    QString m_title;
    QString m_detail;
    QColor m_fill;
    bool m_blank = false;
    QSizeF m_size;
    QPointF m_pressPos;
};

// A link as a curve with its type and bandwidth written beside it.
class LinkGraphic final : public QGraphicsPathItem {
public:
    LinkGraphic(const Link &link, const LinkType *type, const QPainterPath &path, QPointF labelAt, bool labelLeft);
    int linkId() const { return m_link.id; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    enum { Type = UserType + 3 };
    int type() const override { return Type; }

private:
    QRectF labelRect() const;

    Link m_link;
    QString m_label;
    QColor m_colour;
    QPointF m_labelAt;
    bool m_labelLeft;
};

} // namespace tokenroute::ui
