#include "ui/planstructuremodel.h"

#include <algorithm>

#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/palette.h"

namespace tokenroute::ui {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
constexpr int GroupCount = 3;
} // namespace

PlanStructureModel::PlanStructureModel(PlanDocument *document, const Catalog *catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_catalog(catalog)
{
    rebuild();
    connect(document, &PlanDocument::changed, this, &PlanStructureModel::onChanged);
}

void PlanStructureModel::setCatalog(const Catalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    rebuild();
    endResetModel();
}

void PlanStructureModel::setEvaluation(LiveEvaluation *evaluation)
{
    if (m_evaluation)
        disconnect(m_evaluation, nullptr, this, nullptr);
    m_evaluation = evaluation;
    if (evaluation)
        connect(evaluation, &LiveEvaluation::updated, this, &PlanStructureModel::onEvaluated);
    onEvaluated();
}

void PlanStructureModel::onEvaluated()
{
    PlanProblems next;
    if (m_evaluation)
        next = problemsByEntity(m_evaluation->current(), m_document->plan());
    if (next == m_problems)
        return;
    // Only rows whose reasons changed are announced, each as its own row range: they sit under
    // different parents, and a badge appearing on one rack should not repaint the tree.
    std::vector<QStringList> before(m_nodes.size());
    for (std::size_t i = GroupCount; i < m_nodes.size(); ++i)
        before[i] = problems(m_nodes[i]);
    m_problems = std::move(next);
    for (std::size_t i = GroupCount; i < m_nodes.size(); ++i) {
        if (problems(m_nodes[i]) == before[i])
            continue;
        const QModelIndex first = createIndex(m_nodes[i].row, NameColumn, quintptr(i));
        emit dataChanged(first, first.siblingAtColumn(DetailColumn), {Qt::DecorationRole, Qt::ToolTipRole, ProblemsRole});
    }
}

QStringList PlanStructureModel::problems(const Node &n) const
{
    switch (n.kind) {
    case NodeKind::Rack:
        return m_problems.racks.value(n.entityId);
    case NodeKind::Pool:
        return m_problems.pools.value(n.entityId);
    case NodeKind::Workload:
        return m_problems.workloads.value(n.entityId);
    case NodeKind::RackItem:
    case NodeKind::PoolMember:
        return m_problems.items.value(n.entityId);
    default:
        return {};
    }
}

void PlanStructureModel::onChanged(const PlanChange &change)
{
    switch (change.kind) {
    case PlanChange::Kind::Properties:
    case PlanChange::Kind::Links:
        return; // neither the plan's name nor its links appear in this tree
    case PlanChange::Kind::Policies:
        return;
    default:
        break;
    }
    // The structure may have changed shape (rows added, moved between racks or pools): a reset is
    // the honest signal. Views keep their expansion by re-expanding after modelReset.
    beginResetModel();
    rebuild();
    endResetModel();
}

int PlanStructureModel::addNode(NodeKind kind, int entityId, int parent)
{
    const int index = int(m_nodes.size());
    Node n{kind, entityId, parent, 0, {}};
    if (parent >= 0) {
        n.row = int(m_nodes[parent].children.size());
        m_nodes[parent].children.push_back(index);
    }
    m_nodes.push_back(std::move(n));
    return index;
}

void PlanStructureModel::rebuild()
{
    m_nodes.clear();
    const Plan &plan = m_document->plan();
    const int racks = addNode(NodeKind::RacksGroup, 0, -1);
    const int pools = addNode(NodeKind::PoolsGroup, 0, -1);
    const int workloads = addNode(NodeKind::WorkloadsGroup, 0, -1);
    m_nodes[pools].row = 1;
    m_nodes[workloads].row = 2;

    for (const Rack &rack : plan.racks) {
        const int rackNode = addNode(NodeKind::Rack, rack.id, racks);
        std::vector<const PlacedItem *> items;
        for (const PlacedItem &item : plan.items) {
            if (item.rackId == rack.id)
                items.push_back(&item);
        }
        // Top of the rack first, the way an elevation drawing is read.
        std::stable_sort(items.begin(), items.end(), [](const PlacedItem *a, const PlacedItem *b) { return a->uPosition > b->uPosition; });
        for (const PlacedItem *item : items)
            addNode(NodeKind::RackItem, item->id, rackNode);
    }
    for (const Pool &pool : plan.pools) {
        const int poolNode = addNode(NodeKind::Pool, pool.id, pools);
        for (const PlacedItem &item : plan.items) {
            if (item.poolId == pool.id)
                addNode(NodeKind::PoolMember, item.id, poolNode);
        }
    }
    for (const Workload &workload : plan.workloads)
        addNode(NodeKind::Workload, workload.id, workloads);
}

const PlanStructureModel::Node *PlanStructureModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() >= m_nodes.size())
        return nullptr;
    return &m_nodes[index.internalId()];
}

QModelIndex PlanStructureModel::groupIndex(NodeKind group) const
{
    switch (group) {
    case NodeKind::RacksGroup:
        return index(0, 0);
    case NodeKind::PoolsGroup:
        return index(1, 0);
    case NodeKind::WorkloadsGroup:
        return index(2, 0);
    default:
        return {};
    }
}

QModelIndex PlanStructureModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, column, quintptr(row)) : QModelIndex();
    const Node *p = node(parent);
    if (!p || parent.column() != 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, quintptr(p->children[row]));
}

QModelIndex PlanStructureModel::parent(const QModelIndex &child) const
{
    const Node *n = node(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(m_nodes[n->parent].row, 0, quintptr(n->parent));
}

int PlanStructureModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return GroupCount;
    const Node *n = node(parent);
    if (!n || parent.column() != 0)
        return 0;
    return int(n->children.size());
}

int PlanStructureModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PlanStructureModel::data(const QModelIndex &index, int role) const
{
    const Node *n = node(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? name(*n) : detail(*n);
    case Qt::ToolTipRole: {
        const QString text = QStringLiteral("%1 — %2").arg(name(*n), detail(*n));
        const QStringList reasons = problems(*n);
        if (reasons.isEmpty())
            return text;
        return QStringLiteral("<p>%1</p><p><b>%2</b></p><ul><li>%3</li></ul>")
            .arg(text.toHtmlEscaped(), tr("Problems:"),
                 reasons.join(QStringLiteral("\n")).toHtmlEscaped().replace(QStringLiteral("\n"), QStringLiteral("</li><li>")));
    }
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return decoration(*n);
        // The badge sits at the start of the details, where the eye reads the figures it concerns.
        if (!problems(*n).isEmpty())
            return problemBadgeIcon();
        return {};
    case ProblemsRole:
        return problems(*n);
    case NodeKindRole:
        return int(n->kind);
    case EntityIdRole:
        return n->entityId;
    case RoleColourRole:
        return roleColour(*n);
    case NodeKeyRole:
        // A pooled item appears twice (in its rack and in its pool); the kind keeps the keys apart.
        return QStringLiteral("%1:%2").arg(int(n->kind)).arg(n->entityId);
    default:
        return {};
    }
}

QVariant PlanStructureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : section == DetailColumn ? tr("Details") : QVariant();
}

Qt::ItemFlags PlanStructureModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QString PlanStructureModel::name(const Node &n) const
{
    const Plan &plan = m_document->plan();
    switch (n.kind) {
    case NodeKind::RacksGroup:
        return tr("Racks");
    case NodeKind::PoolsGroup:
        return tr("Pools");
    case NodeKind::WorkloadsGroup:
        return tr("Workloads");
    case NodeKind::Rack:
        if (const Rack *r = plan.rack(n.entityId))
            return qs(r->name);
        break;
    case NodeKind::RackItem:
    case NodeKind::PoolMember:
        if (const PlacedItem *i = plan.item(n.entityId))
            return qs(i->name);
        break;
    case NodeKind::Pool:
        if (const Pool *p = plan.pool(n.entityId))
            return qs(p->name);
        break;
    case NodeKind::Workload:
        if (const Workload *w = plan.workload(n.entityId))
            return qs(w->name);
        break;
    }
    return {};
}

QString PlanStructureModel::detail(const Node &n) const
{
    const Plan &plan = m_document->plan();
    auto spec = [this](const PlacedItem &item) { return m_catalog ? m_catalog->server(item.catalogId) : nullptr; };
    switch (n.kind) {
    case NodeKind::RacksGroup:
        return tr("%n rack(s)", "", int(n.children.size()));
    case NodeKind::PoolsGroup:
        return tr("%n pool(s)", "", int(n.children.size()));
    case NodeKind::WorkloadsGroup:
        return tr("%n workload(s)", "", int(n.children.size()));
    case NodeKind::Rack: {
        const Rack *r = plan.rack(n.entityId);
        if (!r)
            return {};
        int usedU = 0;
        double powerW = 0;
        for (const PlacedItem &item : plan.items) {
            if (item.rackId != r->id)
                continue;
            if (const ServerSpec *s = spec(item)) {
                usedU += s->unitHeight;
                powerW += s->powerW;
            }
        }
        const QString cooling = r->cooling == Cooling::Liquid ? tr("liquid") : tr("air");
        if (r->powerBudgetKw > 0)
            return tr("%1 of %2U · %3 of %4 kW · %5 cooled")
                .arg(usedU)
                .arg(r->units)
                .arg(formatNumber(powerW / 1000.0, 1), formatNumber(r->powerBudgetKw, 1), cooling);
        return tr("%1 of %2U · %3 kW · %4 cooled").arg(usedU).arg(r->units).arg(formatNumber(powerW / 1000.0, 1), cooling);
    }
    case NodeKind::RackItem:
    case NodeKind::PoolMember: {
        const PlacedItem *i = plan.item(n.entityId);
        if (!i)
            return {};
        const ServerSpec *s = spec(*i);
        const QString model = s ? qs(s->name) : tr("%1 (not in the catalogue)").arg(qs(i->catalogId));
        const int height = s ? s->unitHeight : 1;
        const QString units = height > 1 ? tr("U%1–%2").arg(i->uPosition).arg(i->uPosition + height - 1) : tr("U%1").arg(i->uPosition);
        if (n.kind == NodeKind::PoolMember) {
            const Rack *r = plan.rack(i->rackId);
            return tr("%1 · %2 %3").arg(model, r ? qs(r->name) : QString(), units);
        }
        const Pool *p = plan.pool(i->poolId);
        return p ? tr("%1 · %2 · %3").arg(units, model, qs(p->name)) : tr("%1 · %2").arg(units, model);
    }
    case NodeKind::Pool: {
        const Pool *p = plan.pool(n.entityId);
        if (!p)
            return {};
        if (p->role == PoolRole::Edge && p->edgeDeviceCount > 0) {
            const Accelerator *a = m_catalog ? m_catalog->accelerator(p->edgeDeviceId) : nullptr;
            return tr("%1 · %2 × %3 in the field")
                .arg(roleName(p->role), formatNumber(p->edgeDeviceCount, 0), a ? qs(a->name) : qs(p->edgeDeviceId));
        }
        int accelerators = 0;
        QString device;
        for (const PlacedItem &item : plan.items) {
            if (item.poolId != p->id)
                continue;
            if (const ServerSpec *s = spec(item)) {
                accelerators += s->acceleratorsPerNode;
                if (device.isEmpty() && m_catalog)
                    if (const Accelerator *a = m_catalog->accelerator(s->acceleratorId))
                        device = qs(a->name);
            }
        }
        const QString weights = qs(toString(p->weights)).toUpper();
        if (accelerators > 0)
            return tr("%1 · %2 × %3 · %4 weights").arg(roleName(p->role)).arg(accelerators).arg(device, weights);
        return tr("%1 · %2 weights").arg(roleName(p->role), weights);
    }
    case NodeKind::Workload: {
        const Workload *w = plan.workload(n.entityId);
        if (!w)
            return {};
        return tr("%1 · %2 req/s · %3 → %4 tokens")
            .arg(qs(w->modelId), formatNumber(w->ratePerS, 2), formatNumber(w->inputMean, 0), formatNumber(w->outputMean, 0));
    }
    }
    return {};
}

QVariant PlanStructureModel::roleColour(const Node &n) const
{
    const Plan &plan = m_document->plan();
    if (n.kind == NodeKind::Pool) {
        if (const Pool *p = plan.pool(n.entityId))
            return ui::roleColour(p->role);
    }
    if (n.kind == NodeKind::RackItem || n.kind == NodeKind::PoolMember) {
        if (const PlacedItem *i = plan.item(n.entityId))
            if (const Pool *p = plan.pool(i->poolId))
                return ui::roleColour(p->role);
    }
    return {};
}

QVariant PlanStructureModel::decoration(const Node &n) const
{
    switch (n.kind) {
    case NodeKind::RacksGroup:
    case NodeKind::Rack:
        return themedIcon(QStringLiteral("rack"));
    case NodeKind::PoolsGroup:
        return themedIcon(QStringLiteral("pool"));
    case NodeKind::WorkloadsGroup:
    case NodeKind::Workload:
        return themedIcon(QStringLiteral("workload"));
    case NodeKind::Pool: {
        const QVariant colour = roleColour(n);
        return colour.isValid() ? colouredIcon(QStringLiteral("pool"), colour.value<QColor>()) : themedIcon(QStringLiteral("pool"));
    }
    case NodeKind::RackItem:
    case NodeKind::PoolMember: {
        const QVariant colour = roleColour(n);
        return colour.isValid() ? colouredIcon(QStringLiteral("server"), colour.value<QColor>()) : themedIcon(QStringLiteral("server"));
    }
    }
    return {};
}

} // namespace tokenroute::ui
