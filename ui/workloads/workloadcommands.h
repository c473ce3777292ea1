#pragma once
// Undo commands for the workload editor. Every edit — typed into a cell, a click on a tag chip,
// an added, duplicated or removed row, an imported model config — is one of these on the
// document's QUndoStack; the commands change the plan only through PlanDocument's workload API,
// so every view hears of the change the same way.
//
// ChangeWorkloadValue is the one "change a value" command: it names a field by member pointer,
// swaps the value in on redo and out on undo, and folds a run of edits to the same field of the
// same workload (a spin box turned with the wheel) into one step, dropping the step when the run
// ends where it began.

#include <utility>

#include <QCoreApplication>
#include <QUndoCommand>

#include "core/plan/plan.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

// Merge ids for QUndoCommand::id(); distinct from other views' commands.
enum WorkloadCommandId { ChangeWorkloadValueId = 0x574c00 };

template <typename T>
class ChangeWorkloadValue final : public QUndoCommand {
public:
    // mergeable: whether a following edit of the same field may fold into this step. Discrete
    // actions (a chip click) are not; values being dialled in are.
    ChangeWorkloadValue(PlanDocument *document, int workloadId, T Workload::*field, T value, const QString &text,
                        bool mergeable = true)
        : QUndoCommand(text), m_document(document), m_workloadId(workloadId), m_field(field), m_value(std::move(value)),
          m_mergeable(mergeable)
    {
    }

    void redo() override { swap(); }
    void undo() override { swap(); }
    int id() const override { return m_mergeable ? ChangeWorkloadValueId : -1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ChangeWorkloadValue<T> *>(other);
        if (!next || !next->m_mergeable || next->m_workloadId != m_workloadId || next->m_field != m_field)
            return false;
        // This command keeps the value from before the run (it was swapped out on redo); the
        // workload now holds the run's last value. A run that ends where it began is no step.
        const Workload *current = m_document->plan().workload(m_workloadId);
        setObsolete(current && current->*m_field == m_value);
        return true;
    }

private:
    void swap()
    {
        const Workload *current = m_document->plan().workload(m_workloadId);
        if (!current)
            return;
        Workload changed = *current;
        std::swap(changed.*m_field, m_value);
        m_document->replaceWorkload(changed);
    }

    PlanDocument *m_document;
    int m_workloadId;
    T Workload::*m_field;
    T m_value;
    bool m_mergeable;
};

// One workload in at a position (add from preset, duplicate); undo takes it out again.
class InsertWorkload final : public QUndoCommand {
public:
    InsertWorkload(PlanDocument *document, int index, Workload workload, const QString &text);
    void redo() override;
    void undo() override;

private:
    PlanDocument *m_document;
    int m_index;
    Workload m_workload;
};

// One workload out; undo puts it back at the same position.
class RemoveWorkload final : public QUndoCommand {
public:
    RemoveWorkload(PlanDocument *document, int index);
    void redo() override;
    void undo() override;

private:
    PlanDocument *m_document;
    int m_index;
    Workload m_workload;
};

// An imported Hugging Face config added to the plan (kept with it, so the file is self-contained).
class AddImportedModel final : public QUndoCommand {
public:
    AddImportedModel(PlanDocument *document, ModelSpec model, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument *m_document;
    int m_index;
    ModelSpec m_model;
};

} // namespace tokenroute::ui
