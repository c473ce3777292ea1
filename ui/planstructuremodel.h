#pragma once
// The plan's structure as a tree: racks with the items placed in them (top of the rack first, as
// an elevation reads), pools with their member servers (coloured by role), and workloads. The
// model observes a PlanDocument; it rebuilds its node table when the structure changes and emits
// dataChanged only for a change that leaves the structure as it was. Given the live evaluation, it
// badges the rows the evaluation finds a problem with (a rack over power, a pool that cannot hold
// its model, a workload with unserved demand): an icon in the details column and the reasons in
// the tooltip.

#include <vector>

#include <QAbstractItemModel>

#include "core/catalog/catalog.h"
#include "ui/evaluation/planproblems.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

class LiveEvaluation;

class PlanStructureModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanStructureModel)

public:
    enum class NodeKind { RacksGroup, PoolsGroup, WorkloadsGroup, Rack, RackItem, Pool, PoolMember, Workload };
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        NodeKindRole = Qt::UserRole + 1,   // int(NodeKind)
        EntityIdRole,                      // plan id of the rack, item, pool or workload; 0 on groups
        RoleColourRole,                    // QColor of the pool role, on pools and pooled items
        NodeKeyRole,                       // stable key across rebuilds: "<kind>:<entity id>" (QString)
        ProblemsRole,                      // QStringList: the live evaluation's reasons for a badge
    };

    PlanStructureModel(PlanDocument *document, const Catalog *catalog, QObject *parent = nullptr);

    void setCatalog(const Catalog *catalog);
    // Badges follow this evaluation from now on; null removes them.
    void setEvaluation(LiveEvaluation *evaluation);

    QModelIndex groupIndex(NodeKind group) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node {
        NodeKind kind;
        int entityId = 0;
        int parent = -1;            // node index; -1 for the three groups
        int row = 0;                // row under the parent
        std::vector<int> children;  // node indices
    };

    void onChanged(const PlanChange &change);
    void onEvaluated();
    QStringList problems(const Node &n) const;
    void rebuild();
    int addNode(NodeKind kind, int entityId, int parent);
    const Node *node(const QModelIndex &index) const;

    QString name(const Node &n) const;
    QString detail(const Node &n) const;
    QVariant decoration(const Node &n) const;
    QVariant roleColour(const Node &n) const;

    PlanDocument *m_document;
    const Catalog *m_catalog;
    std::vector<Node> m_nodes;      // the first three are the groups
    LiveEvaluation *m_evaluation = nullptr;
    PlanProblems m_problems;
};

} // namespace tokenroute::ui
