#pragma once
// Draws a workload's tags as coloured chips (the palette's tag colours, so a tag looks the same
// in every view) and turns a click on a chip into WorkloadTableModel::toggleTag. An overridden tag
// is drawn with a solid outline and a pin mark, so derived and user-set tags read apart at a
// glance. The chip geometry is computed in one place (chipRects) for painting, hit-testing and
// the tests, which click where the user would.

#include <QStyledItemDelegate>

namespace tokenroute::ui {

class TagChipDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagChipDelegate)

public:
    explicit TagChipDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index) override;

    // One rectangle per chip, in the order of the model's TagChipsRole list.
    static QList<QRect> chipRects(const QRect &cell, const QFont &font, const QModelIndex &index);
};

} // namespace tokenroute::ui
