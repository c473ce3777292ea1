#include "ui/workloads/tagchipdelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include "ui/palette.h"
#include "ui/workloads/workloadtablemodel.h"

namespace tokenroute::ui {

namespace {
// Spacing in units of the font's height, so chips scale with the projector font.
constexpr double PadX = 0.45;
constexpr double Gap = 0.3;

QVariantList chips(const QModelIndex &index)
{
    return index.data(WorkloadTableModel::TagChipsRole).toList();
}
} // namespace

TagChipDelegate::TagChipDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QList<QRect> TagChipDelegate::chipRects(const QRect &cell, const QFont &font, const QModelIndex &index)
{
    const QFontMetrics fm(font);
    const int h = fm.height() + fm.height() / 3;
    const int padX = int(fm.height() * PadX);
    const int gap = int(fm.height() * Gap);
    QList<QRect> rects;
    int x = cell.left() + gap;
    const int y = cell.top() + (cell.height() - h) / 2;
    for (const QVariant &v : chips(index)) {
        const QVariantMap chip = v.toMap();
        QString text = chip.value(QStringLiteral("name")).toString();
        int w = fm.horizontalAdvance(text) + 2 * padX;
        if (chip.value(QStringLiteral("overridden")).toBool())
            w += fm.height() / 2 + padX / 2; // room for the pin mark
        rects.append(QRect(x, y, w, h));
        x += w + gap;
    }
    return rects;
}

void TagChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QVariantList list = chips(index);
    const QList<QRect> rects = chipRects(option.rect, option.font, index);
    const QFontMetrics fm(option.font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    for (int i = 0; i < rects.size(); ++i) {
        const QVariantMap chip = list[i].toMap();
        const QColor colour = chip.value(QStringLiteral("colour")).value<QColor>();
        const bool overridden = chip.value(QStringLiteral("overridden")).toBool();
        const QRectF r = QRectF(rects[i]).adjusted(0.5, 0.5, -0.5, -0.5);
        const qreal radius = r.height() / 2;
        painter->setPen(overridden ? QPen(option.palette.color(QPalette::Text), 2) : QPen(colour.darker(115), 1));
        painter->setBrush(colour);
        painter->drawRoundedRect(r, radius, radius);
        painter->setPen(textColourOn(colour));
        QRect textRect = rects[i].adjusted(int(fm.height() * PadX), 0, 0, 0);
        if (overridden) {
            // A small filled dot before the name: "set by hand".
            const int d = fm.height() / 3;
            const QPointF centre(textRect.left() + d / 2.0, r.center().y());
            painter->setBrush(textColourOn(colour));
            painter->drawEllipse(centre, d / 2.0, d / 2.0);
            textRect.setLeft(textRect.left() + fm.height() / 2 + int(fm.height() * PadX / 2));
        }
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, chip.value(QStringLiteral("name")).toString());
    }
    painter->restore();
}

QSize TagChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QList<QRect> rects = chipRects(QRect(0, 0, 10000, option.fontMetrics.height() * 2), option.font, index);
    const int width = rects.isEmpty() ? 0 : rects.last().right() + int(option.fontMetrics.height() * Gap);
    return {width, option.fontMetrics.height() * 2};
}

bool TagChipDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    auto *workloads = qobject_cast<WorkloadTableModel *>(model);
    if (!workloads)
        return false;
    const QList<QRect> rects = chipRects(option.rect, option.font, index);
    const QVariantList list = chips(index);
    for (int i = 0; i < rects.size(); ++i) {
        if (rects[i].contains(mouse->position().toPoint())) {
            workloads->toggleTag(index.row(), TagAxis(list[i].toMap().value(QStringLiteral("axis")).toInt()));
            return true;
        }
    }
    return false;
}

bool TagChipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // The tooltip names the chip under the pointer and why it holds.
    const QList<QRect> rects = chipRects(option.rect, option.font, index);
    const QVariantList list = chips(index);
    for (int i = 0; i < rects.size(); ++i) {
        if (rects[i].contains(event->pos())) {
            const QVariantMap chip = list[i].toMap();
            QString tip = chip.value(QStringLiteral("reason")).toString();
            tip += QLatin1Char('\n') + (chip.value(QStringLiteral("overridden")).toBool() ? tr("Click to return to the derived tag.")
                                                                                          : tr("Click to override."));
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace tokenroute::ui
