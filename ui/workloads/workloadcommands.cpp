#include "ui/workloads/workloadcommands.h"

namespace tokenroute::ui {

namespace {
int indexOfWorkload(const Plan &plan, int id)
{
    for (std::size_t i = 0; i < plan.workloads.size(); ++i)
        if (plan.workloads[i].id == id)
            return int(i);
    return -1;
}
} // namespace

InsertWorkload::InsertWorkload(PlanDocument *document, int index, Workload workload, const QString &text)
    : QUndoCommand(text), m_document(document), m_index(index), m_workload(std::move(workload))
{
}

void InsertWorkload::redo()
{
    m_document->insertWorkload(m_index, m_workload);
}

void InsertWorkload::undo()
{
    const int index = indexOfWorkload(m_document->plan(), m_workload.id);
    if (index >= 0)
        m_document->takeWorkload(index);
}

RemoveWorkload::RemoveWorkload(PlanDocument *document, int index)
    : QUndoCommand(QCoreApplication::translate("tokenroute::ui::RemoveWorkload", "Delete Workload")), m_document(document),
      m_index(index)
{
}

void RemoveWorkload::redo()
{
    m_workload = m_document->takeWorkload(m_index);
}

void RemoveWorkload::undo()
{
    m_document->insertWorkload(m_index, m_workload);
}

AddImportedModel::AddImportedModel(PlanDocument *document, ModelSpec model, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("tokenroute::ui::AddImportedModel", "Import Model Config"), parent),
      m_document(document), m_index(int(document->plan().importedModels.size())), m_model(std::move(model))
{
}

void AddImportedModel::redo()
{
    m_document->insertImportedModel(m_index, m_model);
}

void AddImportedModel::undo()
{
    m_document->takeImportedModel(m_index);
}

} // namespace tokenroute::ui
