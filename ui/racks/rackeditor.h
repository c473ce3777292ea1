#pragma once
// The rack designer's edits as plain calls: put a catalogue item into a rack, move items, delete,
// duplicate, nudge by one U, assign a pool. The scene's mouse and drop handlers, the keyboard, the
// context menu and the tests all come through here, so a refusal (collision, out of the rack,
// unknown pool) is decided once, pushed nowhere, and reported with its reason through refused().
// Every accepted edit is one undo step on the document's stack (a macro when it touches several
// items).

#include <array>
#include <optional>

#include <QList>
#include <QObject>
#include <QString>

#include "core/catalog/catalog.h"
#include "core/plan/placement.h"

namespace tokenroute::ui {

class PlanDocument;

// The rack heights the designer offers: the two common full-height cabinets (42U is the classic
// 2 m enclosure; 48U is the taller one that liquid-cooled rack systems such as NVL72 are built into).
inline constexpr std::array<int, 2> RackSizes{42, 48};

// Whether an item takes network links: servers, rack systems and switches have ports; PDUs and
// blanking panels do not.
bool takesLinks(const ServerSpec *spec);

// The sentence a user reads for a refused placement, e.g. "HGX H200 needs 8U from U41, but Rack 3
// ends at U42".
QString describePlacement(const PlacementCheck &check, const Plan &plan, const Catalog &catalog,
                          const std::string &catalogId, int rackId, int uPosition);

class RackEditor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackEditor)

public:
    RackEditor(PlanDocument *document, const Catalog *catalog, QObject *parent = nullptr);

    PlanDocument *document() const { return m_document; }
    const Catalog *catalog() const { return m_catalog; }

    // Each returns the ids it created or touched (empty when refused) and emits refused(reason)
    // instead of pushing anything when the edit is not allowed.
    std::optional<int> placeNew(const QString &catalogId, int rackId, int uPosition);
    // Moves `ids` so that `anchorId` lands at (rackId, uPosition); the others keep their offsets
    // from it. Items from several racks move only when they stay in their own racks (nudge).
    bool moveItems(const QList<int> &ids, int anchorId, int rackId, int uPosition);
    bool nudge(const QList<int> &ids, int deltaU);
    bool deleteItems(const QList<int> &ids);
    QList<int> duplicate(const QList<int> &ids);
    // poolId 0 takes the items out of their pools. Only servers and rack systems join pools.
    bool assignPool(const QList<int> &ids, int poolId);

    // A new empty rack at the end of `row` (after its last rack); returns its id.
    int addRack(int units, double powerBudgetKw, Cooling cooling, int row = 0);
    // Removes the rack and everything in it, as one undo step.
    bool removeRack(int rackId);

    // Change a rack's name, size, power budget and cooling as one undo step. Refused when the new
    // size would leave an item above the top unit, for a size the designer does not offer, or for
    // a negative budget. An unchanged rack pushes nothing and returns true.
    bool changeRack(const Rack &changed);
    QString previewRackChange(const Rack &changed) const;

    // Links between two items, each one undo step. Refused for a link from an item to itself, to
    // an item without network ports, of a type the catalogue does not know, with no lanes, or
    // doubling a link of the same type between the same items.
    std::optional<int> connectItems(int fromId, int toId, const QString &linkTypeId, int lanes);
    QString previewConnect(int fromId, int toId, const QString &linkTypeId, int lanes) const;
    // The part of previewConnect that is about the two items alone, whatever the link.
    QString previewEndpoints(int fromId, int toId) const;
    // The link type a new link between the two items most likely wants: the one their existing
    // links use most, else the catalogue's network link closest to their port speed.
    QString suggestedLinkType(int fromId, int toId) const;
    bool deleteLinks(const QList<int> &linkIds);
    // Items and links together (the Delete key on a mixed selection), as one undo step.
    bool deleteSelection(const QList<int> &itemIds, const QList<int> &linkIds);

    // What a drop at (rackId, uPosition) would do, without doing it: empty when it would be
    // accepted, else the reason. Used for the live drag preview.
    QString previewPlace(const QString &catalogId, int rackId, int uPosition) const;
    QString previewMove(const QList<int> &ids, int anchorId, int rackId, int uPosition) const;

signals:
    void refused(const QString &reason);
    // Emitted after an accepted edit: a short line for a status bar ("Moved H200 1 to Rack 2, U9").
    void done(const QString &message);

private:
    QString planMove(const QList<int> &ids, int anchorId, int rackId, int uPosition, QList<PlacedItem> *moved) const;
    QString refuse(const QString &reason);
    QString uniqueName(const ServerSpec &spec) const;

    PlanDocument *m_document;
    const Catalog *m_catalog;
};

} // namespace tokenroute::ui
