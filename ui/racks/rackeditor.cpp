#include "ui/racks/rackeditor.h"

#include <algorithm>
#include <set>

#include "ui/plandocument.h"
#include "ui/racks/rackcommands.h"

namespace tokenroute::ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString specName(const Catalog &catalog, const std::string &catalogId)
{
    const ServerSpec *spec = catalog.server(catalogId);
    return spec ? qs(spec->name) : qs(catalogId);
}

bool joinsPools(const ServerSpec *spec)
{
    return spec && (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem);
}

} // namespace

QString describePlacement(const PlacementCheck &check, const Plan &plan, const Catalog &catalog,
                          const std::string &catalogId, int rackId, int uPosition)
{
    const QString what = specName(catalog, catalogId);
    const Rack *rack = plan.rack(rackId);
    const QString where = rack ? qs(rack->name) : QString();
    switch (check.problem) {
    case PlacementProblem::None:
        return {};
    case PlacementProblem::UnknownRack:
        return RackEditor::tr("Drop %1 onto a rack.").arg(what);
    case PlacementProblem::UnknownCatalogItem:
        return RackEditor::tr("“%1” is not in the catalogue.").arg(qs(catalogId));
    case PlacementProblem::BelowBottom:
        return RackEditor::tr("%1 would start below U1 of %2.").arg(what, where);
    case PlacementProblem::AboveTop:
        if (check.itemHeight > check.rackUnits)
            return RackEditor::tr("%1 is %2U tall; %3 has only %4U.").arg(what).arg(check.itemHeight).arg(where).arg(check.rackUnits);
        return RackEditor::tr("%1 needs %2U from U%3, but %4 ends at U%5.")
            .arg(what)
            .arg(check.itemHeight)
            .arg(uPosition)
            .arg(where)
            .arg(check.rackUnits);
    case PlacementProblem::Overlap: {
        const PlacedItem *other = plan.item(check.otherItemId);
        return RackEditor::tr("%1 would overlap %2 at U%3 of %4.")
            .arg(what, other ? qs(other->name) : QString::number(check.otherItemId))
            .arg(check.firstClashU)
            .arg(where);
    }
    }
    return {};
}

RackEditor::RackEditor(PlanDocument *document, const Catalog *catalog, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_catalog(catalog)
{
}

QString RackEditor::refuse(const QString &reason)
{
    emit refused(reason);
    return reason;
}

QString RackEditor::uniqueName(const ServerSpec &spec) const
{
    // "HGX H200 3": the catalogue name and the first number not yet used, so names stay unique and
    // read in the order the user added them.
    std::set<std::string> names;
    for (const PlacedItem &item : m_document->plan().items)
        names.insert(item.name);
    for (int n = 1;; ++n) {
        const std::string name = spec.name + " " + std::to_string(n);
        if (!names.count(name))
            return qs(name);
    }
}

QString RackEditor::previewPlace(const QString &catalogId, int rackId, int uPosition) const
{
    const Plan &plan = m_document->plan();
    const PlacementCheck check = checkPlacement(plan, *m_catalog, catalogId.toStdString(), rackId, uPosition);
    return describePlacement(check, plan, *m_catalog, catalogId.toStdString(), rackId, uPosition);
}

std::optional<int> RackEditor::placeNew(const QString &catalogId, int rackId, int uPosition)
{
    const QString reason = previewPlace(catalogId, rackId, uPosition);
    if (!reason.isEmpty()) {
        refuse(reason);
        return std::nullopt;
    }
    const Plan &plan = m_document->plan();
    const ServerSpec *spec = m_catalog->server(catalogId.toStdString());
    PlacedItem item;
    item.id = plan.nextId();
    item.name = uniqueName(*spec).toStdString();
    item.catalogId = spec->id;
    item.rackId = rackId;
    item.uPosition = uPosition;
    m_document->undoStack()->push(new AddPlacedItem(m_document, item));
    emit done(tr("Added %1 to %2 at U%3").arg(qs(item.name), qs(plan.rack(rackId)->name)).arg(uPosition));
    return item.id;
}

QString RackEditor::planMove(const QList<int> &ids, int anchorId, int rackId, int uPosition, QList<PlacedItem> *moved) const
{
    const Plan &plan = m_document->plan();
    const PlacedItem *anchor = plan.item(anchorId);
    if (!anchor)
        return tr("Nothing to move.");
    if (!plan.rack(rackId))
        return describePlacement(PlacementCheck{PlacementProblem::UnknownRack}, plan, *m_catalog, anchor->catalogId, rackId, uPosition);
    const int delta = uPosition - anchor->uPosition;
    const bool changeRack = rackId != anchor->rackId;
    std::vector<int> moving;
    QList<PlacedItem> targets;
    for (int id : ids) {
        const PlacedItem *item = plan.item(id);
        // Moving into another rack takes the anchor's rack-mates along; items selected in other
        // racks stay where they are rather than landing somewhere the user did not point at.
        if (!item || (changeRack && item->rackId != anchor->rackId))
            continue;
        PlacedItem target = *item;
        if (changeRack)
            target.rackId = rackId;
        target.uPosition += delta;
        moving.push_back(id);
        targets.append(target);
    }
    if (std::find(moving.begin(), moving.end(), anchorId) == moving.end()) {
        moving.push_back(anchorId);
        PlacedItem target = *anchor;
        target.rackId = rackId;
        target.uPosition = uPosition;
        targets.append(target);
    }
    for (const PlacedItem &target : std::as_const(targets)) {
        const PlacementCheck check = checkPlacement(plan, *m_catalog, target.catalogId, target.rackId, target.uPosition, moving);
        if (check.problem == PlacementProblem::UnknownCatalogItem)
            continue; // an unknown item keeps its 1U footprint; the rest of the move is still checked
        if (!check.ok())
            return describePlacement(check, plan, *m_catalog, target.catalogId, target.rackId, target.uPosition);
    }
    if (moved)
        *moved = targets;
    return {};
}

QString RackEditor::previewMove(const QList<int> &ids, int anchorId, int rackId, int uPosition) const
{
    return planMove(ids, anchorId, rackId, uPosition, nullptr);
}

bool RackEditor::moveItems(const QList<int> &ids, int anchorId, int rackId, int uPosition)
{
    QList<PlacedItem> targets;
    const QString reason = planMove(ids, anchorId, rackId, uPosition, &targets);
    if (!reason.isEmpty()) {
        refuse(reason);
        return false;
    }
    const Plan &plan = m_document->plan();
    QList<PlacedItem> changed;
    for (const PlacedItem &target : std::as_const(targets))
        if (!(*plan.item(target.id) == target))
            changed.append(target);
    if (changed.isEmpty())
        return true; // dropped where it was: no step on the stack
    QUndoStack *stack = m_document->undoStack();
    if (changed.size() > 1)
        stack->beginMacro(tr("Move %n Item(s)", "", int(changed.size())));
    for (const PlacedItem &target : std::as_const(changed))
        stack->push(new ChangePlacedItem(m_document, target, ChangePlacedItem::What::Move));
    if (changed.size() > 1)
        stack->endMacro();
    const PlacedItem *anchor = m_document->plan().item(anchorId);
    emit done(tr("Moved %1 to %2, U%3").arg(qs(anchor->name), qs(m_document->plan().rack(anchor->rackId)->name)).arg(anchor->uPosition));
    return true;
}

bool RackEditor::nudge(const QList<int> &ids, int deltaU)
{
    const Plan &plan = m_document->plan();
    QList<PlacedItem> targets;
    std::vector<int> moving(ids.begin(), ids.end());
    for (int id : ids) {
        const PlacedItem *item = plan.item(id);
        if (!item)
            continue;
        PlacedItem target = *item;
        target.uPosition += deltaU;
        const PlacementCheck check = checkPlacement(plan, *m_catalog, target.catalogId, target.rackId, target.uPosition, moving);
        if (!check.ok() && check.problem != PlacementProblem::UnknownCatalogItem) {
            refuse(describePlacement(check, plan, *m_catalog, target.catalogId, target.rackId, target.uPosition));
            return false;
        }
        targets.append(target);
    }
    if (targets.isEmpty() || deltaU == 0)
        return false;
    QUndoStack *stack = m_document->undoStack();
    if (targets.size() > 1)
        stack->beginMacro(tr("Move %n Item(s)", "", int(targets.size())));
    for (const PlacedItem &target : std::as_const(targets))
        stack->push(new ChangePlacedItem(m_document, target, ChangePlacedItem::What::Move));
    if (targets.size() > 1)
        stack->endMacro();
    return true;
}

bool RackEditor::deleteItems(const QList<int> &ids)
{
    QList<int> present;
    for (int id : ids)
        if (m_document->plan().item(id))
            present.append(id);
    if (present.isEmpty())
        return false;
    QUndoStack *stack = m_document->undoStack();
    if (present.size() > 1)
        stack->beginMacro(tr("Delete %n Item(s)", "", int(present.size())));
    for (int id : std::as_const(present))
        stack->push(new RemovePlacedItem(m_document, id));
    if (present.size() > 1)
        stack->endMacro();
    emit done(tr("Deleted %n item(s)", "", int(present.size())));
    return true;
}

QList<int> RackEditor::duplicate(const QList<int> &ids)
{
    QList<int> created;
    QUndoStack *stack = m_document->undoStack();
    bool macro = false;
    for (int id : ids) {
        const Plan &plan = m_document->plan();
        const PlacedItem *original = plan.item(id);
        const ServerSpec *spec = original ? m_catalog->server(original->catalogId) : nullptr;
        if (!spec)
            continue;
        const int height = std::max(1, spec->unitHeight);
        // First the gap just above the original, then anywhere in its rack, then the other racks in
        // plan order: a copy lands as close to what it copies as the racks allow.
        std::optional<int> u = findFreeU(plan, *m_catalog, original->rackId, height, original->uPosition + height);
        int rackId = original->rackId;
        for (std::size_t r = 0; !u && r < plan.racks.size(); ++r) {
            rackId = plan.racks[r].id;
            u = findFreeU(plan, *m_catalog, rackId, height);
        }
        if (!u) {
            refuse(tr("No rack has %1U free for a copy of %2.").arg(height).arg(qs(original->name)));
            break;
        }
        if (!macro && ids.size() > 1) {
            stack->beginMacro(tr("Duplicate %n Item(s)", "", int(ids.size())));
            macro = true;
        }
        PlacedItem copy = *original;
        copy.id = plan.nextId();
        copy.name = uniqueName(*spec).toStdString();
        copy.rackId = rackId;
        copy.uPosition = *u;
        stack->push(new AddPlacedItem(m_document, copy));
        created.append(copy.id);
    }
    if (macro)
        stack->endMacro();
    if (!created.isEmpty())
        emit done(tr("Duplicated %n item(s)", "", int(created.size())));
    return created;
}

int RackEditor::addRack(int units, double powerBudgetKw, Cooling cooling, int row)
{
    const Plan &plan = m_document->plan();
    Rack rack;
    rack.id = plan.nextId();
    rack.units = units;
    rack.powerBudgetKw = powerBudgetKw;
    rack.cooling = cooling;
    rack.row = row;
    int position = 0;
    for (const Rack &other : plan.racks)
        if (other.row == row)
            position = std::max(position, other.position + 1);
    rack.position = position;
    // "Row A / Rack 4": the row's letter and the first rack number not yet used in the plan.
    std::set<std::string> names;
    for (const Rack &other : plan.racks)
        names.insert(other.name);
    const std::string prefix = std::string("Row ") + char('A' + std::clamp(row, 0, 25)) + " / Rack ";
    for (int n = int(plan.racks.size()) + 1;; ++n)
        if (!names.count(prefix + std::to_string(n))) {
            rack.name = prefix + std::to_string(n);
            break;
        }
    m_document->undoStack()->push(new AddRack(m_document, rack));
    emit done(tr("Added %1 (%2U, %3 kW)").arg(qs(rack.name)).arg(units).arg(powerBudgetKw));
    return rack.id;
}

bool RackEditor::removeRack(int rackId)
{
    const Rack *rack = m_document->plan().rack(rackId);
    if (!rack) {
        refuse(tr("Select a rack first: click it or an item in it."));
        return false;
    }
    const QString name = qs(rack->name);
    m_document->undoStack()->push(new RemoveRack(m_document, rackId));
    emit done(tr("Deleted %1 and everything in it").arg(name));
    return true;
}

bool RackEditor::assignPool(const QList<int> &ids, int poolId)
{
    const Plan &plan = m_document->plan();
    const Pool *pool = poolId ? plan.pool(poolId) : nullptr;
    if (poolId && !pool) {
        refuse(tr("There is no such pool."));
        return false;
    }
    if (pool && pool->role == PoolRole::Edge) {
        refuse(tr("%1 is an edge pool: it runs on devices in the field, not on racked servers.").arg(qs(pool->name)));
        return false;
    }
    QList<PlacedItem> changed;
    for (int id : ids) {
        const PlacedItem *item = plan.item(id);
        if (!item)
            continue;
        if (poolId && !joinsPools(m_catalog->server(item->catalogId))) {
            refuse(tr("%1 is a %2; only servers and rack systems serve in a pool.")
                       .arg(qs(item->name), qs(toString(m_catalog->server(item->catalogId)
                                                            ? m_catalog->server(item->catalogId)->kind
                                                            : ServerKind::Blank))));
            return false;
        }
        if (item->poolId == poolId)
            continue;
        PlacedItem target = *item;
        target.poolId = poolId;
        changed.append(target);
    }
    if (changed.isEmpty())
        return false;
    QUndoStack *stack = m_document->undoStack();
    if (changed.size() > 1)
        stack->beginMacro(pool ? tr("Assign %n Item(s) to %1", "", int(changed.size())).arg(qs(pool->name))
                               : tr("Take %n Item(s) out of Their Pools", "", int(changed.size())));
    for (const PlacedItem &target : std::as_const(changed))
        stack->push(new ChangePlacedItem(m_document, target, ChangePlacedItem::What::Pool));
    if (changed.size() > 1)
        stack->endMacro();
    emit done(pool ? tr("%n item(s) now in %1", "", int(changed.size())).arg(qs(pool->name))
                   : tr("%n item(s) taken out of their pools", "", int(changed.size())));
    return true;
}

} // namespace tokenroute::ui
