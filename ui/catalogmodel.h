#pragma once
// The catalogue as a tree for the browser: six groups (devices, servers, links, memory tiers,
// models, workload presets), each listing its entries with a one-line summary. The model reads a
// Catalog it does not own and never changes it; the catalogue is loaded once at start-up.

#include <QAbstractItemModel>

#include "core/catalog/catalog.h"

namespace tokenroute::ui {

class CatalogModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogModel)

public:
    enum class Group { Devices, Servers, Links, MemoryTiers, Models, Presets };
    static constexpr int GroupCount = 6;

    enum Column { NameColumn, SummaryColumn, ColumnCount };

    enum Role {
        GroupRole = Qt::UserRole + 1,   // int(Group), on groups and entries
        EntryIdRole,                    // catalogue id (QString), entries only
        EntryRowRole,                   // index into the group's vector, entries only; -1 on groups
    };

    explicit CatalogModel(const Catalog *catalog, QObject *parent = nullptr);

    // Swap in another catalogue (after a reload); the pointer must outlive the model.
    void setCatalog(const Catalog *catalog);
    const Catalog *catalog() const { return m_catalog; }

    static QString groupName(Group group);
    int entryCount(Group group) const;
    QModelIndex groupIndex(Group group) const;
    QModelIndex findEntry(Group group, const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString entryName(Group group, int row) const;
    QString entryId(Group group, int row) const;
    QString entrySummary(Group group, int row) const;

    const Catalog *m_catalog;
};

} // namespace tokenroute::ui
