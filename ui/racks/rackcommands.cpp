#include "ui/racks/rackcommands.h"

#include <QCoreApplication>

#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

QString trCommand(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::RackCommands", text);
}

int linkIndex(const Plan &plan, int id)
{
    for (std::size_t i = 0; i < plan.links.size(); ++i)
        if (plan.links[i].id == id)
            return int(i);
    return -1;
}

int itemIndex(const Plan &plan, int id)
{
    for (std::size_t i = 0; i < plan.items.size(); ++i)
        if (plan.items[i].id == id)
            return int(i);
    return -1;
}

} // namespace

AddPlacedItem::AddPlacedItem(PlanDocument *document, PlacedItem item, QUndoCommand *parent)
    : QUndoCommand(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Add %1")).arg(QString::fromStdString(item.name)), parent)
    , m_document(document)
    , m_item(std::move(item))
{
}

void AddPlacedItem::redo()
{
    m_document->insertItem(int(m_document->plan().items.size()), m_item);
}

void AddPlacedItem::undo()
{
    // Added last, so it is last again whenever this undo runs (later commands were undone first).
    const int index = itemIndex(m_document->plan(), m_item.id);
    Q_ASSERT(index >= 0);
    m_item = m_document->takeItem(index);
}

RemovePlacedItem::RemovePlacedItem(PlanDocument *document, int itemId, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_itemId(itemId)
{
    const PlacedItem *item = document->plan().item(itemId);
    setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Delete %1"))
                .arg(item ? QString::fromStdString(item->name) : QString::number(itemId)));
}

void RemovePlacedItem::redo()
{
    const Plan &plan = m_document->plan();
    m_links.clear();
    for (std::size_t i = 0; i < plan.links.size(); ++i)
        if (plan.links[i].fromItem == m_itemId || plan.links[i].toItem == m_itemId)
            m_links.append({int(i), plan.links[i]});
    // Remove from the back so the recorded indices stay valid; undo re-inserts from the front.
    for (auto it = m_links.crbegin(); it != m_links.crend(); ++it)
        m_document->takeLink(it->first);
    m_index = itemIndex(m_document->plan(), m_itemId);
    Q_ASSERT(m_index >= 0);
    m_item = m_document->takeItem(m_index);
}

void RemovePlacedItem::undo()
{
    m_document->insertItem(m_index, m_item);
    for (const auto &[index, link] : std::as_const(m_links))
        m_document->insertLink(index, link);
}

ChangePlacedItem::ChangePlacedItem(PlanDocument *document, PlacedItem changed, What what, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_other(std::move(changed))
{
    const QString name = QString::fromStdString(m_other.name);
    switch (what) {
    case What::Move:
        setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Move %1")).arg(name));
        break;
    case What::Pool:
        setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Change Pool of %1")).arg(name));
        break;
    case What::Rename:
        setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Rename %1")).arg(name));
        break;
    }
}

void ChangePlacedItem::redo()
{
    swap();
}

void ChangePlacedItem::undo()
{
    swap();
}

void ChangePlacedItem::swap()
{
    const PlacedItem *current = m_document->plan().item(m_other.id);
    Q_ASSERT(current);
    PlacedItem next = std::exchange(m_other, *current);
    m_document->replaceItem(next);
}

AddRack::AddRack(PlanDocument *document, Rack rack, QUndoCommand *parent)
    : QUndoCommand(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Add %1")).arg(QString::fromStdString(rack.name)), parent)
    , m_document(document)
    , m_rack(std::move(rack))
{
}

void AddRack::redo()
{
    m_document->insertRack(int(m_document->plan().racks.size()), m_rack);
}

void AddRack::undo()
{
    const auto &racks = m_document->plan().racks;
    for (std::size_t i = 0; i < racks.size(); ++i)
        if (racks[i].id == m_rack.id) {
            m_rack = m_document->takeRack(int(i));
            return;
        }
}

RemoveRack::RemoveRack(PlanDocument *document, int rackId, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_rackId(rackId)
{
    const Rack *rack = document->plan().rack(rackId);
    setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Delete %1"))
                .arg(rack ? QString::fromStdString(rack->name) : QString::number(rackId)));
    for (const PlacedItem &item : document->plan().items)
        if (item.rackId == rackId)
            new RemovePlacedItem(document, item.id, this);
}

void RemoveRack::redo()
{
    QUndoCommand::redo(); // the items first
    const auto &racks = m_document->plan().racks;
    for (std::size_t i = 0; i < racks.size(); ++i)
        if (racks[i].id == m_rackId) {
            m_index = int(i);
            m_rack = m_document->takeRack(m_index);
            return;
        }
}

void RemoveRack::undo()
{
    m_document->insertRack(m_index, m_rack);
    QUndoCommand::undo(); // then the items, in reverse
}

ChangeRack::ChangeRack(PlanDocument *document, Rack changed, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_other(std::move(changed))
{
    const Rack *current = document->plan().rack(m_other.id);
    setText(trCommand(QT_TRANSLATE_NOOP("tokenroute::ui::RackCommands", "Change %1"))
                .arg(QString::fromStdString(current ? current->name : m_other.name)));
}

void ChangeRack::redo()
{
    swap();
}

void ChangeRack::undo()
{
    swap();
}

void ChangeRack::swap()
{
    const Rack *current = m_document->plan().rack(m_other.id);
    Q_ASSERT(current);
    Rack next = std::exchange(m_other, *current);
    m_document->replaceRack(next);
}

AddLink::AddLink(PlanDocument *document, Link link, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_link(std::move(link))
{
}

void AddLink::redo()
{
    m_document->insertLink(int(m_document->plan().links.size()), m_link);
}

void AddLink::undo()
{
    const int index = linkIndex(m_document->plan(), m_link.id);
    Q_ASSERT(index >= 0);
    m_link = m_document->takeLink(index);
}

RemoveLink::RemoveLink(PlanDocument *document, int linkId, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_linkId(linkId)
{
}

void RemoveLink::redo()
{
    m_index = linkIndex(m_document->plan(), m_linkId);
    Q_ASSERT(m_index >= 0);
    m_link = m_document->takeLink(m_index);
}

void RemoveLink::undo()
{
    m_document->insertLink(m_index, m_link);
}

} // namespace tokenroute::ui
