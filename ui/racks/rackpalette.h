#pragma once
// The catalogue's rack-mountable items, grouped by kind, ready to drag into a rack. Double-click
// (or Enter) puts the item into the selected rack at its lowest free position, for keyboard users.

#include <QTreeWidget>

#include "core/catalog/catalog.h"

namespace tokenroute::ui {

class RackPalette final : public QTreeWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackPalette)

public:
    enum { CatalogIdRole = Qt::UserRole + 1 };

    explicit RackPalette(const Catalog *catalog, QWidget *parent = nullptr);

    QTreeWidgetItem *entry(const QString &catalogId) const;

signals:
    void placeRequested(const QString &catalogId);

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;

private:
    const Catalog *m_catalog;
};

} // namespace tokenroute::ui
