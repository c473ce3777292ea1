#include "ui/racks/rackpalette.h"

#include <QHeaderView>

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/racks/rackitems.h"
#include "ui/racks/rackmime.h"

namespace tokenroute::ui {

RackPalette::RackPalette(const Catalog *catalog, QWidget *parent)
    : QTreeWidget(parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("rackPalette"));
    setColumnCount(2);
    setHeaderLabels({tr("Item"), tr("Size")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);

    const std::pair<ServerKind, QString> groups[] = {
        {ServerKind::Server, tr("Servers")},     {ServerKind::RackSystem, tr("Rack systems")},
        {ServerKind::Switch, tr("Switches")},    {ServerKind::Pdu, tr("Power distribution")},
        {ServerKind::Blank, tr("Blanking panels")},
    };
    for (const auto &[kind, title] : groups) {
        auto *group = new QTreeWidgetItem(this, {title});
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const ServerSpec &spec : catalog->servers) {
            if (spec.kind != kind)
                continue;
            const QString size = spec.powerW >= 100 ? tr("%1U · %2 kW").arg(spec.unitHeight).arg(formatNumber(spec.powerW / 1000, 1))
                                                    : tr("%1U").arg(spec.unitHeight);
            auto *item = new QTreeWidgetItem(group, {QString::fromStdString(spec.name), size});
            item->setData(0, CatalogIdRole, QString::fromStdString(spec.id));
            item->setIcon(0, colouredIcon(spec.kind == ServerKind::Switch ? QStringLiteral("link") : QStringLiteral("server"),
                                          itemFill(&spec, nullptr)));
            item->setToolTip(0, tr("%1 (%2)\nDrag into a rack, or double-click to add it to the selected rack.")
                                    .arg(QString::fromStdString(spec.name), QString::fromStdString(spec.id)));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        group->setExpanded(true);
        if (group->childCount() == 0)
            delete group;
    }
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, CatalogIdRole).toString();
        if (!id.isEmpty())
            emit placeRequested(id);
    });
}

QTreeWidgetItem *RackPalette::entry(const QString &catalogId) const
{
    for (int g = 0; g < topLevelItemCount(); ++g)
        for (int i = 0; i < topLevelItem(g)->childCount(); ++i)
            if (topLevelItem(g)->child(i)->data(0, CatalogIdRole).toString() == catalogId)
                return topLevelItem(g)->child(i);
    return nullptr;
}

QStringList RackPalette::mimeTypes() const
{
    return {CatalogItemMime};
}

QMimeData *RackPalette::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    for (QTreeWidgetItem *item : items) {
        const QString id = item->data(0, CatalogIdRole).toString();
        if (!id.isEmpty())
            return catalogItemMime(id);
    }
    return nullptr;
}

} // namespace tokenroute::ui
