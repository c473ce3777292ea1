#pragma once
// The plan's workloads as a table: one row per workload in plan order, one column per field the
// user edits, then the derived tags and the live estimate of the workload's best route. The model
// keeps no copy of the plan: it reads PlanDocument on every data() call and turns the document's
// change events into the smallest dataChanged or row insertion/removal. setData validates the
// edited workload (workloadProblem) and pushes an undo command; a refused edit leaves the plan as
// it was and says why through editRefused().

#include <QAbstractTableModel>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/route/tags.h"

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;
struct PlanChange;

class WorkloadTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadTableModel)

public:
    enum Column {
        NameColumn,
        ModelColumn,
        RateColumn,
        InputMeanColumn,
        InputP90Column,
        OutputMeanColumn,
        OutputP90Column,
        ReuseColumn,
        TtftColumn,
        TpotColumn,
        InteractiveColumn,
        EdgeColumn,
        TagsColumn,
        EstimateColumn,
        ColumnCount
    };
    enum Role {
        WorkloadIdRole = Qt::UserRole + 1,
        // TagsColumn: QVariantList of QVariantMap {axis, tag, name, colour, overridden, reason}.
        TagChipsRole,
        // EstimateColumn: a second line (bands) under the route.
        DetailRole,
        HasProblemRole,
    };

    // evaluation may be null (no estimate column values).
    WorkloadTableModel(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    WorkloadTags tags(int row) const;
    // A click on a chip: override the axis to its other value; a click on an overridden chip
    // returns the axis to its derived value. One undo step each.
    void toggleTag(int row, TagAxis axis);

    // Structural edits, each one undo step. Return the new row, or -1 when refused.
    int addFromPreset(const QString &presetId);
    int duplicate(int row);
    void remove(const QList<int> &rows);
    // Import a Hugging Face config.json and point the workload at it (one step). Returns false
    // and reports through editRefused() when the file cannot be read.
    bool importModel(int row, const QString &configPath);

    // The model ids offered in the model column: catalogue models, then the plan's imported ones.
    QStringList modelChoices() const;

signals:
    void editRefused(const QString &message);

private:
    void documentChanged(const PlanChange &change);
    const Workload &workloadAt(int row) const;
    bool pushEdit(int row, int column, const QVariant &value);

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    int m_rows = 0;
};

// The other value of a tag's axis: prefill-heavy ↔ decode-heavy, long ↔ short, interactive ↔ batch,
// small or SRAM-resident ↔ large, edge ↔ data centre.
Tag otherTag(Tag tag);
TagAxis axisOf(Tag tag);

} // namespace tokenroute::ui
