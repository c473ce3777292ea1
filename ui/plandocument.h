#pragma once
// The open plan as the front end sees it: the plain core Plan plus what only a window needs — the
// file it came from, whether that file may be written back, and the undo stack every edit goes
// through. Views never hold their own copy of the plan; they read it here and listen to changed(),
// which says what kind of thing changed so each view can update no more than it must.

#include <QObject>
#include <QString>
#include <QUndoStack>

#include "core/plan/plan.h"

namespace tokenroute::ui {

// What an edit touched. Reset means "everything" (a new plan was opened).
struct PlanChange {
    enum class Kind { Reset, Properties, Racks, Items, Pools, Links, Workloads, Policies };
    Kind kind = Kind::Reset;
    QList<int> ids;   // ids of the entities touched; empty = all of that kind
};

class PlanDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanDocument)

public:
    explicit PlanDocument(QObject *parent = nullptr);

    const Plan &plan() const { return m_plan; }
    QUndoStack *undoStack() { return &m_undoStack; }

    // The native file (SQLite) that Save writes to. Empty for a new plan and for a plan read from
    // JSON or from the bundled demo: those are saved with Save As, so a JSON source is never
    // silently replaced by a database.
    QString filePath() const { return m_filePath; }
    // Where the plan was read from (any form); shown in the title and kept in Open Recent.
    QString sourcePath() const { return m_sourcePath; }
    bool isModified() const { return !m_undoStack.isClean(); }
    QString displayName() const;

    // Replace the document. Throws InputError (from the core) and leaves the document untouched
    // when the file cannot be read.
    void open(const QString &path);
    void reset(Plan plan, const QString &sourcePath = {});

    // Write the native form and adopt the path. Throws on failure; the previous file is intact.
    void saveAs(const QString &path);
    void exportJson(const QString &path) const;

    // Used by undo commands only: replace one part and announce it.
    void setProperties(const std::string &name, const std::string &description);
    // Used by the rack designer's undo commands: one item or link in or out at a position in the
    // plan's vector (so undo puts it back exactly where it was), or one item changed in place
    // (moved, re-pooled, renamed). Each announces the one id it touched.
    void insertItem(int index, const PlacedItem &item);
    PlacedItem takeItem(int index);
    void replaceItem(const PlacedItem &item);
    void insertLink(int index, const Link &link);
    Link takeLink(int index);
    void insertRack(int index, const Rack &rack);
    Rack takeRack(int index);
    // One rack changed in place (size, budget, cooling, name); announces the rack's id.
    void replaceRack(const Rack &rack);
    // Used by the workload editor's undo commands, in the same shape: one workload in or out at a
    // position, or changed in place; and an imported model config added or taken back.
    void insertWorkload(int index, const Workload &workload);
    Workload takeWorkload(int index);
    void replaceWorkload(const Workload &workload);
    void insertImportedModel(int index, const ModelSpec &model);
    ModelSpec takeImportedModel(int index);

signals:
    void changed(const tokenroute::ui::PlanChange &change);
    void filePathChanged(const QString &path);

private:
    Plan m_plan;
    QString m_filePath;
    QString m_sourcePath;
    QUndoStack m_undoStack;
};

// Rename the plan and change its description; one undoable step.
class SetPlanProperties final : public QUndoCommand {
public:
    SetPlanProperties(PlanDocument *document, std::string name, std::string description);
    void undo() override;
    void redo() override;

private:
    void swap();

    PlanDocument *m_document;
    std::string m_name;
    std::string m_description;
};

} // namespace tokenroute::ui

Q_DECLARE_METATYPE(tokenroute::ui::PlanChange)
