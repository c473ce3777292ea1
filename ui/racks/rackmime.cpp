#include "ui/racks/rackmime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tokenroute::ui {

QMimeData *catalogItemMime(const QString &catalogId)
{
    auto *mime = new QMimeData;
    mime->setData(CatalogItemMime, catalogId.toUtf8());
    return mime;
}

std::optional<QString> catalogItemFrom(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(CatalogItemMime))
        return std::nullopt;
    const QString id = QString::fromUtf8(mime->data(CatalogItemMime)).trimmed();
    return id.isEmpty() ? std::nullopt : std::optional<QString>(id);
}

QMimeData *placedItemsMime(const PlacedItemsDrag &drag)
{
    QJsonArray ids;
    for (int id : drag.ids)
        ids.append(id);
    const QJsonObject object{{QStringLiteral("ids"), ids},
                             {QStringLiteral("anchor"), drag.anchorId},
                             {QStringLiteral("grab"), drag.grabUnit}};
    auto *mime = new QMimeData;
    mime->setData(PlacedItemsMime, QJsonDocument(object).toJson(QJsonDocument::Compact));
    return mime;
}

std::optional<PlacedItemsDrag> placedItemsFrom(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(PlacedItemsMime))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(mime->data(PlacedItemsMime)).object();
    PlacedItemsDrag drag;
    for (const QJsonValue &v : object.value(QStringLiteral("ids")).toArray())
        drag.ids.append(v.toInt());
    drag.anchorId = object.value(QStringLiteral("anchor")).toInt();
    drag.grabUnit = object.value(QStringLiteral("grab")).toInt();
    if (drag.ids.isEmpty() || drag.anchorId == 0)
        return std::nullopt;
    return drag;
}

} // namespace tokenroute::ui
