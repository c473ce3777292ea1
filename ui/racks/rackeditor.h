#pragma once
// The rack designer's edits as plain calls: put a catalogue item into a rack, move items, delete,
// duplicate, nudge by one U, assign a pool. The scene's mouse and drop handlers, the keyboard, the
// context menu and the tests all come through here, so a refusal (collision, out of the rack,
// unknown pool) is decided once, pushed nowhere, and reported with its reason through refused().
// Every accepted edit is one undo step on the document's stack (a macro when it touches several
// items).

#include <optional>

#include <QList>
#include <QObject>
#include <QString>

#include "core/catalog/catalog.h"
#include "core/plan/placement.h"

namespace tokenroute::ui {

class PlanDocument;

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
