#pragma once
// The plan's pools as a list beside the racks: each row shows the pool's role colour, name and
// how many racked servers it holds, and accepts servers dropped onto it (the drop assigns them
// to that pool through the RackEditor, as the context menu does). The last row, "No pool", takes
// servers out of their pools.

#include <QAbstractListModel>

namespace tokenroute::ui {

class RackEditor;
struct PlanChange;

class PoolListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PoolListModel)

public:
    enum Role { PoolIdRole = Qt::UserRole + 1 };

    explicit PoolListModel(RackEditor *editor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    int poolIdAt(int row) const;

private:
    void onChanged(const PlanChange &change);

    RackEditor *m_editor;
};

} // namespace tokenroute::ui
