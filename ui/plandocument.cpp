#include "ui/plandocument.h"

#include <algorithm>
#include <utility>

#include <QCoreApplication>
#include <QFileInfo>

#include "core/plan/planio.h"

namespace tokenroute::ui {

PlanDocument::PlanDocument(QObject *parent)
    : QObject(parent)
{
    m_plan.name = tr("Untitled plan").toStdString();
}

QString PlanDocument::displayName() const
{
    if (!m_plan.name.empty())
        return QString::fromStdString(m_plan.name);
    if (!m_sourcePath.isEmpty())
        return QFileInfo(m_sourcePath).completeBaseName();
    return tr("Untitled plan");
}

void PlanDocument::open(const QString &path)
{
    // loadPlan throws before anything here is touched, so a bad file leaves the open plan as it was.
    Plan plan = loadPlan(path.toStdString());
    const bool native = isSqliteFile(path.toStdString());
    reset(std::move(plan), path);
    if (native) {
        m_filePath = QFileInfo(path).absoluteFilePath();
        emit filePathChanged(m_filePath);
    }
}

void PlanDocument::reset(Plan plan, const QString &sourcePath)
{
    m_plan = std::move(plan);
    m_sourcePath = sourcePath.isEmpty() ? QString() : QFileInfo(sourcePath).absoluteFilePath();
    m_filePath.clear();
    m_undoStack.clear();
    m_undoStack.setClean();
    emit filePathChanged(m_filePath);
    emit changed(PlanChange{PlanChange::Kind::Reset, {}});
}

void PlanDocument::saveAs(const QString &path)
{
    savePlanSqlite(m_plan, path.toStdString());
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_sourcePath = m_filePath;
    m_undoStack.setClean();
    emit filePathChanged(m_filePath);
}

void PlanDocument::exportJson(const QString &path) const
{
    savePlanJson(m_plan, path.toStdString());
}

void PlanDocument::setProperties(const std::string &name, const std::string &description)
{
    m_plan.name = name;
    m_plan.description = description;
    emit changed(PlanChange{PlanChange::Kind::Properties, {}});
}

void PlanDocument::insertItem(int index, const PlacedItem &item)
{
    index = std::clamp(index, 0, int(m_plan.items.size()));
    m_plan.items.insert(m_plan.items.begin() + index, item);
    emit changed(PlanChange{PlanChange::Kind::Items, {item.id}});
}

PlacedItem PlanDocument::takeItem(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_plan.items.size()));
    PlacedItem item = m_plan.items[std::size_t(index)];
    m_plan.items.erase(m_plan.items.begin() + index);
    emit changed(PlanChange{PlanChange::Kind::Items, {item.id}});
    return item;
}

void PlanDocument::replaceItem(const PlacedItem &item)
{
    for (PlacedItem &existing : m_plan.items) {
        if (existing.id == item.id) {
            existing = item;
            emit changed(PlanChange{PlanChange::Kind::Items, {item.id}});
            return;
        }
    }
    Q_ASSERT_X(false, "PlanDocument::replaceItem", "no item with that id");
}

void PlanDocument::insertLink(int index, const Link &link)
{
    index = std::clamp(index, 0, int(m_plan.links.size()));
    m_plan.links.insert(m_plan.links.begin() + index, link);
    emit changed(PlanChange{PlanChange::Kind::Links, {link.id}});
}

Link PlanDocument::takeLink(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_plan.links.size()));
    Link link = m_plan.links[std::size_t(index)];
    m_plan.links.erase(m_plan.links.begin() + index);
    emit changed(PlanChange{PlanChange::Kind::Links, {link.id}});
    return link;
}

void PlanDocument::insertRack(int index, const Rack &rack)
{
    index = std::clamp(index, 0, int(m_plan.racks.size()));
    m_plan.racks.insert(m_plan.racks.begin() + index, rack);
    emit changed(PlanChange{PlanChange::Kind::Racks, {rack.id}});
}

Rack PlanDocument::takeRack(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_plan.racks.size()));
    Rack rack = m_plan.racks[std::size_t(index)];
    m_plan.racks.erase(m_plan.racks.begin() + index);
    emit changed(PlanChange{PlanChange::Kind::Racks, {rack.id}});
    return rack;
}

void PlanDocument::replaceRack(const Rack &rack)
{
    for (Rack &existing : m_plan.racks) {
        if (existing.id == rack.id) {
            existing = rack;
            emit changed(PlanChange{PlanChange::Kind::Racks, {rack.id}});
            return;
        }
    }
    Q_ASSERT_X(false, "PlanDocument::replaceRack", "no rack with that id");
}

void PlanDocument::insertWorkload(int index, const Workload &workload)
{
    index = std::clamp(index, 0, int(m_plan.workloads.size()));
    m_plan.workloads.insert(m_plan.workloads.begin() + index, workload);
    emit changed(PlanChange{PlanChange::Kind::Workloads, {workload.id}});
}

Workload PlanDocument::takeWorkload(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_plan.workloads.size()));
    Workload workload = m_plan.workloads[std::size_t(index)];
    m_plan.workloads.erase(m_plan.workloads.begin() + index);
    emit changed(PlanChange{PlanChange::Kind::Workloads, {workload.id}});
    return workload;
}

void PlanDocument::replaceWorkload(const Workload &workload)
{
    for (Workload &existing : m_plan.workloads) {
        if (existing.id == workload.id) {
            existing = workload;
            emit changed(PlanChange{PlanChange::Kind::Workloads, {workload.id}});
            return;
        }
    }
    Q_ASSERT_X(false, "PlanDocument::replaceWorkload", "no workload with that id");
}

void PlanDocument::insertImportedModel(int index, const ModelSpec &model)
{
    index = std::clamp(index, 0, int(m_plan.importedModels.size()));
    m_plan.importedModels.insert(m_plan.importedModels.begin() + index, model);
    // Workloads name imported models, so their tags and estimates may change with the set.
    emit changed(PlanChange{PlanChange::Kind::Workloads, {}});
}

ModelSpec PlanDocument::takeImportedModel(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_plan.importedModels.size()));
    ModelSpec model = m_plan.importedModels[std::size_t(index)];
    m_plan.importedModels.erase(m_plan.importedModels.begin() + index);
    emit changed(PlanChange{PlanChange::Kind::Workloads, {}});
    return model;
}

SetPlanProperties::SetPlanProperties(PlanDocument *document, std::string name, std::string description)
    : QUndoCommand(QCoreApplication::translate("tokenroute::ui::SetPlanProperties", "Change Plan Properties"))
    , m_document(document)
    , m_name(std::move(name))
    , m_description(std::move(description))
{
}

void SetPlanProperties::undo()
{
    swap();
}

void SetPlanProperties::redo()
{
    swap();
}

void SetPlanProperties::swap()
{
    // Undo and redo are the same exchange: the command holds whichever values are not current.
    const Plan &plan = m_document->plan();
    std::string name = std::exchange(m_name, plan.name);
    std::string description = std::exchange(m_description, plan.description);
    m_document->setProperties(name, description);
}

} // namespace tokenroute::ui
