#include "ui/racks/rackeditor.h"

#include <algorithm>
#include <cmath>
#include <map>
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

// The kind of an item in a sentence: "a PDU has no network ports".
QString kindName(ServerKind kind)
{
    switch (kind) {
    case ServerKind::Server:
        return RackEditor::tr("server");
    case ServerKind::RackSystem:
        return RackEditor::tr("rack system");
    case ServerKind::Switch:
        return RackEditor::tr("switch");
    case ServerKind::Pdu:
        return RackEditor::tr("PDU");
    case ServerKind::Blank:
        return RackEditor::tr("blanking panel");
    }
    return {};
}

QString linkSummary(const Catalog &catalog, const Link &link)
{
    const LinkType *type = catalog.link(link.linkTypeId);
    return RackEditor::tr("%1 × %2 (%3 GB/s)")
        .arg(link.lanes)
        .arg(type ? qs(type->name) : qs(link.linkTypeId))
        .arg(type ? type->bandwidthGBs * link.lanes : 0.0, 0, 'f', 0);
}

} // namespace

bool takesLinks(const ServerSpec *spec)
{
    return spec && (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem || spec->kind == ServerKind::Switch);
}

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

QString RackEditor::previewRackChange(const Rack &changed) const
{
    const Plan &plan = m_document->plan();
    const Rack *rack = plan.rack(changed.id);
    if (!rack)
        return tr("There is no such rack.");
    if (QString::fromStdString(changed.name).trimmed().isEmpty())
        return tr("A rack needs a name.");
    // A size outside the offered ones may come from a file; it stays as long as it is not changed.
    if (changed.units != rack->units && std::find(RackSizes.begin(), RackSizes.end(), changed.units) == RackSizes.end())
        return tr("Racks come in 42U or 48U.");
    if (!std::isfinite(changed.powerBudgetKw) || changed.powerBudgetKw < 0)
        return tr("A power budget cannot be negative (0 means none stated).");
    // The item reaching highest decides whether the rack can shrink; it is named so the user knows
    // what to move.
    const PlacedItem *highest = nullptr;
    int highestTop = 0;
    for (const PlacedItem &item : plan.items) {
        if (item.rackId != changed.id)
            continue;
        const int top = item.uPosition + unitHeightOf(*m_catalog, item.catalogId) - 1;
        if (top > highestTop) {
            highestTop = top;
            highest = &item;
        }
    }
    if (highest && highestTop > changed.units)
        return tr("%1 reaches U%2 of %3, but a %4U rack ends at U%4. Move it down or out first.")
            .arg(qs(highest->name))
            .arg(highestTop)
            .arg(qs(rack->name))
            .arg(changed.units);
    return {};
}

bool RackEditor::changeRack(const Rack &changed)
{
    const QString reason = previewRackChange(changed);
    if (!reason.isEmpty()) {
        refuse(reason);
        return false;
    }
    Rack next = changed;
    next.name = QString::fromStdString(changed.name).trimmed().toStdString();
    if (*m_document->plan().rack(changed.id) == next)
        return true;
    m_document->undoStack()->push(new ChangeRack(m_document, next));
    emit done(tr("%1: %2U, %3 kW, %4 cooling")
                  .arg(qs(next.name))
                  .arg(next.units)
                  .arg(next.powerBudgetKw, 0, 'g', 4)
                  .arg(next.cooling == Cooling::Liquid ? tr("liquid") : tr("air")));
    return true;
}

QString RackEditor::previewEndpoints(int fromId, int toId) const
{
    const Plan &plan = m_document->plan();
    const PlacedItem *from = plan.item(fromId);
    const PlacedItem *to = plan.item(toId);
    if (!from || !to)
        return tr("Select two items to connect: click one, then Ctrl+click the other.");
    if (fromId == toId)
        return tr("A link joins two different items; %1 cannot be linked to itself.").arg(qs(from->name));
    for (const PlacedItem *item : {from, to}) {
        const ServerSpec *spec = m_catalog->server(item->catalogId);
        if (!spec)
            return tr("%1 is “%2”, which is not in the catalogue, so its ports are unknown.").arg(qs(item->name), qs(item->catalogId));
        if (!takesLinks(spec))
            return tr("%1 is a %2 and has no network ports; only servers, rack systems and switches take links.")
                .arg(qs(item->name), kindName(spec->kind));
    }
    return {};
}

QString RackEditor::previewConnect(int fromId, int toId, const QString &linkTypeId, int lanes) const
{
    if (const QString reason = previewEndpoints(fromId, toId); !reason.isEmpty())
        return reason;
    const Plan &plan = m_document->plan();
    const PlacedItem *from = plan.item(fromId);
    const PlacedItem *to = plan.item(toId);
    const LinkType *type = m_catalog->link(linkTypeId.toStdString());
    if (!type)
        return tr("“%1” is not a link type in the catalogue.").arg(linkTypeId);
    if (lanes < 1)
        return tr("A link needs at least one lane.");
    for (const Link &link : plan.links) {
        const bool samePair = (link.fromItem == fromId && link.toItem == toId) || (link.fromItem == toId && link.toItem == fromId);
        if (samePair && link.linkTypeId == type->id)
            return tr("%1 and %2 are already linked by %3; delete that link to change its lanes.")
                .arg(qs(from->name), qs(to->name), linkSummary(*m_catalog, link));
    }
    return {};
}

std::optional<int> RackEditor::connectItems(int fromId, int toId, const QString &linkTypeId, int lanes)
{
    const QString reason = previewConnect(fromId, toId, linkTypeId, lanes);
    if (!reason.isEmpty()) {
        refuse(reason);
        return std::nullopt;
    }
    const Plan &plan = m_document->plan();
    Link link;
    link.id = plan.nextId();
    link.fromItem = fromId;
    link.toItem = toId;
    link.linkTypeId = linkTypeId.toStdString();
    link.lanes = lanes;
    const QString from = qs(plan.item(fromId)->name);
    const QString to = qs(plan.item(toId)->name);
    m_document->undoStack()->push(new AddLink(m_document, link, tr("Link %1 and %2").arg(from, to)));
    emit done(tr("Linked %1 and %2: %3").arg(from, to, linkSummary(*m_catalog, link)));
    return link.id;
}

QString RackEditor::suggestedLinkType(int fromId, int toId) const
{
    const Plan &plan = m_document->plan();
    // What the two items already use says what their ports are: a server on an InfiniBand fabric
    // wants another InfiniBand link, an LPU node its chip-to-chip cables.
    std::map<std::string, int> used;
    for (const Link &link : plan.links)
        if (link.fromItem == fromId || link.toItem == fromId || link.fromItem == toId || link.toItem == toId)
            if (m_catalog->link(link.linkTypeId))
                ++used[link.linkTypeId];
    if (!used.empty())
        return qs(std::max_element(used.begin(), used.end(), [](const auto &a, const auto &b) { return a.second < b.second; })->first);
    // Otherwise the network link nearest the port speed: a switch's port, else a server's NIC.
    double portGbps = 0;
    for (int id : {fromId, toId})
        if (const PlacedItem *item = plan.item(id))
            if (const ServerSpec *spec = m_catalog->server(item->catalogId))
                portGbps = std::max(portGbps, spec->kind == ServerKind::Switch ? spec->portGbps : spec->nicGbps);
    const LinkType *best = nullptr;
    for (const LinkType &type : m_catalog->links) {
        if (type.kind != LinkKind::InfiniBand && type.kind != LinkKind::Ethernet)
            continue;
        // GB/s per direction to Gbit/s: × 8.
        const auto distance = [portGbps](const LinkType &t) { return std::abs(t.bandwidthGBs * 8 - portGbps); };
        if (!best || distance(type) < distance(*best))
            best = &type;
    }
    if (best)
        return qs(best->id);
    return m_catalog->links.empty() ? QString() : qs(m_catalog->links.front().id);
}

bool RackEditor::deleteLinks(const QList<int> &linkIds)
{
    return deleteSelection({}, linkIds);
}

bool RackEditor::deleteSelection(const QList<int> &itemIds, const QList<int> &linkIds)
{
    const Plan &plan = m_document->plan();
    QList<int> items;
    for (int id : itemIds)
        if (plan.item(id))
            items.append(id);
    // A link that ends at a deleted item goes with the item (RemovePlacedItem takes it).
    QList<int> links;
    for (int id : linkIds)
        for (const Link &link : plan.links)
            if (link.id == id && !items.contains(link.fromItem) && !items.contains(link.toItem))
                links.append(id);
    const int count = int(items.size() + links.size());
    if (count == 0)
        return false;
    QUndoStack *stack = m_document->undoStack();
    if (count > 1)
        stack->beginMacro(items.isEmpty() ? tr("Delete %n Link(s)", "", int(links.size())) : tr("Delete %n Item(s)", "", count));
    for (int id : std::as_const(links)) {
        const Link *link = nullptr;
        for (const Link &l : m_document->plan().links)
            if (l.id == id)
                link = &l;
        const PlacedItem *from = m_document->plan().item(link->fromItem);
        const PlacedItem *to = m_document->plan().item(link->toItem);
        stack->push(new RemoveLink(m_document, id,
                                   tr("Delete Link %1–%2").arg(from ? qs(from->name) : QString(), to ? qs(to->name) : QString())));
    }
    for (int id : std::as_const(items))
        stack->push(new RemovePlacedItem(m_document, id));
    if (count > 1)
        stack->endMacro();
    if (items.isEmpty())
        emit done(tr("Deleted %n link(s)", "", int(links.size())));
    else
        emit done(tr("Deleted %n item(s)", "", int(items.size())));
    return true;
}

} // namespace tokenroute::ui
