#include "ui/catalogmodel.h"

#include "core/model/modelarch.h"
#include "ui/format.h"
#include "ui/icons.h"

namespace tokenroute::ui {

namespace {
// internalId 0 marks a group row; an entry row stores its group + 1, so parent() needs no lookup.
constexpr quintptr GroupMarker = 0;

QString groupIconName(CatalogModel::Group group)
{
    switch (group) {
    case CatalogModel::Group::Devices:
        return QStringLiteral("device");
    case CatalogModel::Group::Servers:
        return QStringLiteral("server");
    case CatalogModel::Group::Links:
        return QStringLiteral("link");
    case CatalogModel::Group::MemoryTiers:
        return QStringLiteral("memory");
    case CatalogModel::Group::Models:
        return QStringLiteral("model");
    case CatalogModel::Group::Presets:
        return QStringLiteral("preset");
    }
    return {};
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

CatalogModel::CatalogModel(const Catalog *catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
{
}

void CatalogModel::setCatalog(const Catalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    endResetModel();
}

QString CatalogModel::groupName(Group group)
{
    switch (group) {
    case Group::Devices:
        return tr("Devices");
    case Group::Servers:
        return tr("Servers");
    case Group::Links:
        return tr("Links");
    case Group::MemoryTiers:
        return tr("Memory tiers");
    case Group::Models:
        return tr("Models");
    case Group::Presets:
        return tr("Presets");
    }
    return {};
}

int CatalogModel::entryCount(Group group) const
{
    if (!m_catalog)
        return 0;
    switch (group) {
    case Group::Devices:
        return int(m_catalog->accelerators.size());
    case Group::Servers:
        return int(m_catalog->servers.size());
    case Group::Links:
        return int(m_catalog->links.size());
    case Group::MemoryTiers:
        return int(m_catalog->tiers.size());
    case Group::Models:
        return int(m_catalog->models.size());
    case Group::Presets:
        return int(m_catalog->presets.size());
    }
    return 0;
}

QModelIndex CatalogModel::groupIndex(Group group) const
{
    return index(int(group), 0);
}

QModelIndex CatalogModel::findEntry(Group group, const QString &id) const
{
    const int n = entryCount(group);
    for (int row = 0; row < n; ++row) {
        if (entryId(group, row) == id)
            return index(row, 0, groupIndex(group));
    }
    return {};
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, column, GroupMarker) : QModelIndex();
    if (parent.internalId() != GroupMarker)
        return {};
    if (row >= entryCount(Group(parent.row())))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupMarker)
        return {};
    return createIndex(int(child.internalId() - 1), 0, GroupMarker);
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return GroupCount;
    if (parent.column() != 0 || parent.internalId() != GroupMarker)
        return 0;
    return entryCount(Group(parent.row()));
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isGroup = index.internalId() == GroupMarker;
    const Group group = isGroup ? Group(index.row()) : Group(index.internalId() - 1);
    const int row = index.row();

    switch (role) {
    case Qt::DisplayRole:
        if (isGroup)
            return index.column() == NameColumn ? groupName(group)
                                                : tr("%n entries", "", entryCount(group));
        return index.column() == NameColumn ? entryName(group, row) : entrySummary(group, row);
    case Qt::ToolTipRole:
        if (isGroup)
            return {};
        return tr("%1 (id: %2)").arg(entryName(group, row), entryId(group, row));
    case Qt::DecorationRole:
        if (index.column() == NameColumn && isGroup)
            return themedIcon(groupIconName(group));
        return {};
    case GroupRole:
        return int(group);
    case EntryIdRole:
        return isGroup ? QVariant() : QVariant(entryId(group, row));
    case EntryRowRole:
        return isGroup ? -1 : row;
    default:
        return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SummaryColumn:
        return tr("Key figures");
    default:
        return {};
    }
}

Qt::ItemFlags CatalogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QString CatalogModel::entryName(Group group, int row) const
{
    switch (group) {
    case Group::Devices:
        return qs(m_catalog->accelerators[row].name);
    case Group::Servers:
        return qs(m_catalog->servers[row].name);
    case Group::Links:
        return qs(m_catalog->links[row].name);
    case Group::MemoryTiers:
        return qs(m_catalog->tiers[row].name);
    case Group::Models:
        return qs(m_catalog->models[row].name);
    case Group::Presets:
        return qs(m_catalog->presets[row].name);
    }
    return {};
}

QString CatalogModel::entryId(Group group, int row) const
{
    switch (group) {
    case Group::Devices:
        return qs(m_catalog->accelerators[row].id);
    case Group::Servers:
        return qs(m_catalog->servers[row].id);
    case Group::Links:
        return qs(m_catalog->links[row].id);
    case Group::MemoryTiers:
        return qs(m_catalog->tiers[row].id);
    case Group::Models:
        return qs(m_catalog->models[row].id);
    case Group::Presets:
        return qs(m_catalog->presets[row].id);
    }
    return {};
}

QString CatalogModel::entrySummary(Group group, int row) const
{
    // The two or three figures a planner compares first; the details pane has the rest.
    switch (group) {
    case Group::Devices: {
        const Accelerator &a = m_catalog->accelerators[row];
        // Memory type is left to the details pane: the tree keeps room for the device names.
        QString text = tr("%1 GB · %2 TB/s").arg(formatNumber(a.memoryGb, 1), formatNumber(a.memoryBandwidthTBs, 2));
        auto bf16 = a.peakTflops.find(Precision::BF16);
        if (bf16 != a.peakTflops.end())
            text += tr(" · %1 TFLOP/s BF16").arg(formatNumber(bf16->second, 0));
        return text;
    }
    case Group::Servers: {
        const ServerSpec &s = m_catalog->servers[row];
        if (s.kind == ServerKind::Switch)
            return tr("%1U · %2 × %3 Gb/s ports").arg(s.unitHeight).arg(s.switchPorts).arg(formatNumber(s.portGbps, 0));
        if (s.acceleratorsPerNode > 0) {
            const Accelerator *a = m_catalog->accelerator(s.acceleratorId);
            const QString device = a ? qs(a->name) : qs(s.acceleratorId);
            return tr("%1U · %2 × %3 · %4 kW")
                .arg(s.unitHeight)
                .arg(s.acceleratorsPerNode)
                .arg(device, formatNumber(s.powerW / 1000.0, 1));
        }
        return tr("%1U · %2 kW").arg(s.unitHeight).arg(formatNumber(s.powerW / 1000.0, 1));
    }
    case Group::Links: {
        const LinkType &l = m_catalog->links[row];
        return tr("%1 GB/s · %2 µs").arg(formatNumber(l.bandwidthGBs, 1), formatNumber(l.latencyUs, 2));
    }
    case Group::MemoryTiers: {
        const MemoryTierSpec &t = m_catalog->tiers[row];
        return tr("%1 GB/s · %2 µs").arg(formatNumber(t.bandwidthGBs, 1), formatNumber(t.latencyUs, 3));
    }
    case Group::Models: {
        const ModelSpec &m = m_catalog->models[row];
        const ParamCounts counts = countParams(m.arch);
        if (m.arch.isMoe())
            return tr("%1 params, %2 active").arg(formatCount(counts.total), formatCount(counts.active));
        return tr("%1 params").arg(formatCount(counts.total));
    }
    case Group::Presets: {
        const WorkloadPreset &p = m_catalog->presets[row];
        return tr("%1 · %2 → %3 tokens").arg(qs(p.modelId), formatNumber(p.inputMean, 0), formatNumber(p.outputMean, 0));
    }
    }
    return {};
}

} // namespace tokenroute::ui
