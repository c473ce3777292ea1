#pragma once
// Undo commands for rack edits. Each changes the plan only through PlanDocument's item and link
// API, so the document announces every change and the views redraw from it; each stores just
// enough to put the plan back exactly as it was (same values, same order in the plan's vectors),
// which is what the undo tests compare.

#include <QList>
#include <QUndoCommand>

#include "core/plan/plan.h"

namespace tokenroute::ui {

class PlanDocument;

// Put a new item into a rack (from the palette, or a duplicate).
class AddPlacedItem final : public QUndoCommand {
public:
    AddPlacedItem(PlanDocument *document, PlacedItem item, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    PlacedItem m_item;
};

// Take an item out of the plan, and the links that end at it (a link to nothing would not load).
class RemovePlacedItem final : public QUndoCommand {
public:
    RemovePlacedItem(PlanDocument *document, int itemId, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    int m_itemId;
    int m_index = -1;
    PlacedItem m_item;
    QList<std::pair<int, Link>> m_links; // (index in plan.links, link), ascending index
};

// Replace one item's values: a move (rack, U), a pool assignment or a rename. Undo and redo are
// the same exchange, so the command always holds the values that are not current.
class ChangePlacedItem final : public QUndoCommand {
public:
    enum class What { Move, Pool, Rename };
    ChangePlacedItem(PlanDocument *document, PlacedItem changed, What what, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void swap();

    PlanDocument *m_document;
    PlacedItem m_other;
};

// Put a new, empty rack into the plan.
class AddRack final : public QUndoCommand {
public:
    AddRack(PlanDocument *document, Rack rack, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    Rack m_rack;
};

// Take a rack out of the plan with everything in it: its items (and their links) go first, as
// child commands, so undo brings back the rack, then the items, then the links.
class RemoveRack final : public QUndoCommand {
public:
    RemoveRack(PlanDocument *document, int rackId, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    int m_rackId;
    int m_index = -1;
    Rack m_rack;
};

// Replace one rack's own values (name, size, power budget, cooling); items stay where they are.
// The same exchange for undo and redo, as for items.
class ChangeRack final : public QUndoCommand {
public:
    ChangeRack(PlanDocument *document, Rack changed, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void swap();

    PlanDocument *m_document;
    Rack m_other;
};

// Put a new link between two items at the end of the plan's links.
class AddLink final : public QUndoCommand {
public:
    AddLink(PlanDocument *document, Link link, const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    Link m_link;
};

// Take one link out; undo puts it back at the same index.
class RemoveLink final : public QUndoCommand {
public:
    RemoveLink(PlanDocument *document, int linkId, const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    PlanDocument *m_document;
    int m_linkId;
    int m_index = -1;
    Link m_link;
};

} // namespace tokenroute::ui
