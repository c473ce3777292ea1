#include "ui/racks/poollistmodel.h"

#include <QIcon>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackmime.h"

namespace tokenroute::ui {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 2));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(3, 3, 26, 26), 6, 6);
    return QIcon(pixmap);
}

} // namespace

PoolListModel::PoolListModel(RackEditor *editor, QObject *parent)
    : QAbstractListModel(parent)
    , m_editor(editor)
{
    connect(editor->document(), &PlanDocument::changed, this, &PoolListModel::onChanged);
}

void PoolListModel::onChanged(const PlanChange &change)
{
    switch (change.kind) {
    case PlanChange::Kind::Reset:
    case PlanChange::Kind::Pools:
        beginResetModel();
        endResetModel();
        break;
    case PlanChange::Kind::Items:
        // Server counts change; the rows stay.
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
        break;
    default:
        break;
    }
}

int PoolListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_editor->document()->plan().pools.size()) + 1;
}

int PoolListModel::poolIdAt(int row) const
{
    const Plan &plan = m_editor->document()->plan();
    return row >= 0 && row < int(plan.pools.size()) ? plan.pools[std::size_t(row)].id : 0;
}

QVariant PoolListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Plan &plan = m_editor->document()->plan();
    const bool none = index.row() == int(plan.pools.size());
    const Pool *pool = none ? nullptr : &plan.pools[std::size_t(index.row())];
    int servers = 0;
    for (const PlacedItem &item : plan.items)
        if (item.poolId == (pool ? pool->id : 0)) {
            const ServerSpec *spec = m_editor->catalog()->server(item.catalogId);
            if (spec && (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem))
                ++servers;
        }
    switch (role) {
    case Qt::DisplayRole:
        if (!pool)
            return tr("No pool · %n server(s)", "", servers);
        if (pool->role == PoolRole::Edge)
            return tr("%1 · %2 devices in the field").arg(QString::fromStdString(pool->name)).arg(pool->edgeDeviceCount);
        return tr("%1 · %n server(s)", "", servers).arg(QString::fromStdString(pool->name));
    case Qt::DecorationRole:
        return pool ? swatch(roleColour(pool->role)) : swatch(QColor(0xc9, 0xcd, 0xd3));
    case Qt::ToolTipRole:
        if (!pool)
            return tr("Drop servers here to take them out of their pools.");
        return tr("%1 pool. Drop servers here to assign them to it.").arg(roleName(pool->role));
    case PoolIdRole:
        return pool ? pool->id : 0;
    default:
        return {};
    }
}

Qt::ItemFlags PoolListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
}

QStringList PoolListModel::mimeTypes() const
{
    return {PlacedItemsMime};
}

Qt::DropActions PoolListModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction | Qt::LinkAction;
}

bool PoolListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent) const
{
    // Only onto a row: dropping between rows has no pool to join.
    return row == -1 && parent.isValid() && placedItemsFrom(data).has_value();
}

bool PoolListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    m_editor->assignPool(placedItemsFrom(data)->ids, poolIdAt(parent.row()));
    // The drag's source must not delete anything, whatever the outcome: report "not moved".
    return false;
}

} // namespace tokenroute::ui
