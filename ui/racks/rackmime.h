#pragma once
// What travels in a drag inside the rack designer: a catalogue id from the palette, or placed items
// from the elevations (to another U, another rack, or onto a pool in the side list). Kept as small
// MIME payloads so the same drop code serves the mouse and the tests.

#include <optional>

#include <QList>
#include <QMimeData>
#include <QString>

namespace tokenroute::ui {

inline const QString CatalogItemMime = QStringLiteral("application/x-tokenroute-catalog-item");
inline const QString PlacedItemsMime = QStringLiteral("application/x-tokenroute-placed-items");

struct PlacedItemsDrag {
    QList<int> ids;      // every item dragged
    int anchorId = 0;    // the one under the pointer
    int grabUnit = 0;    // which of the anchor's units the pointer held, counted from its bottom (0-based)
};

QMimeData *catalogItemMime(const QString &catalogId);
std::optional<QString> catalogItemFrom(const QMimeData *mime);

QMimeData *placedItemsMime(const PlacedItemsDrag &drag);
std::optional<PlacedItemsDrag> placedItemsFrom(const QMimeData *mime);

} // namespace tokenroute::ui
