#include "ui/compare/comparisonmodel.h"

#include <QColor>
#include <QFont>

#include "ui/format.h"
#include "ui/palette.h"

namespace tokenroute::ui {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

// Tints rather than the full colours: dark text stays readable on them, light or dark theme.
QColor tint(QRgb colour)
{
    QColor c(colour);
    c.setAlpha(70);
    return c;
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent) : QAbstractTableModel(parent) {}

void ComparisonModel::setComparison(const QString &labelA, const QString &labelB, std::vector<ComparisonRow> rows)
{
    beginResetModel();
    m_labelA = labelA;
    m_labelB = labelB;
    m_rows = std::move(rows);
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ComparisonModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better: return tr("better");
    case Verdict::Worse: return tr("worse");
    case Verdict::Same: return tr("same");
    case Verdict::NotComparable: break;
    }
    return QString();
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ComparisonRow &r = m_rows[size_t(index.row())];
    const int column = index.column();
    const QString dash = QStringLiteral("—");
    if (role == Qt::DisplayRole) {
        switch (column) {
        case FigureColumn: return r.metric;
        case WorkloadColumn: return r.workload.isEmpty() ? tr("whole plan") : r.workload;
        case UnitColumn: return r.unit;
        case AColumn: return r.a ? formatNumber(*r.a, r.decimals) : dash;
        case BColumn: return r.b ? formatNumber(*r.b, r.decimals) : dash;
        case ChangeColumn: return r.delta ? formatDelta(*r.delta, r.decimals) : dash;
        case ChangePercentColumn: return r.deltaFraction ? formatDeltaFraction(*r.deltaFraction) : dash;
        case VerdictColumn: return verdictText(r.verdict);
        }
    }
    if (role == RawValueRole) {
        auto raw = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
        switch (column) {
        case AColumn: return raw(r.a);
        case BColumn: return raw(r.b);
        case ChangeColumn: return raw(r.delta);
        case ChangePercentColumn: return r.deltaFraction ? QVariant(*r.deltaFraction * 100) : QVariant();
        }
        return {};
    }
    if (role == VerdictRole)
        return int(r.verdict);
    if (role == Qt::TextAlignmentRole && column >= AColumn && column <= ChangePercentColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && column >= ChangeColumn) {
        if (r.verdict == Verdict::Better)
            return tint(okabeIto::BluishGreen);
        if (r.verdict == Verdict::Worse)
            return tint(okabeIto::Vermillion);
    }
    if (role == Qt::FontRole && column == VerdictColumn && (r.verdict == Verdict::Better || r.verdict == Verdict::Worse)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && column >= ChangeColumn && r.delta) {
        return r.better == Better::Lower ? tr("Lower is better for this figure.") : tr("Higher is better for this figure.");
    }
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && (section == AColumn || section == BColumn))
        return section == AColumn ? m_labelA : m_labelB;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FigureColumn: return tr("Figure");
    case WorkloadColumn: return tr("Workload");
    case UnitColumn: return tr("Unit");
    // Plan names can be long, and the view names A and B above the table: the header keeps the
    // letter (so the change and its verdict fit a projector's width), the tooltip the full name.
    case AColumn: return QStringLiteral("A");
    case BColumn: return QStringLiteral("B");
    case ChangeColumn: return tr("Change (B − A)");
    case ChangePercentColumn: return tr("Change %");
    case VerdictColumn: return tr("B is");
    }
    return {};
}

QList<QStringList> ComparisonModel::csvRows() const
{
    QList<QStringList> out;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    // A file has no view around it to say which plan is which: its header names them.
    header[AColumn] = tr("A: %1").arg(m_labelA);
    header[BColumn] = tr("B: %1").arg(m_labelB);
    // A last column of stable figure names, for scripts that read the file in any language.
    header << QStringLiteral("key");
    out << header;
    for (const ComparisonRow &r : m_rows) {
        auto raw = [](const std::optional<double> &v) { return v ? number(*v) : QString(); };
        out << QStringList{r.metric,
                           r.workload.isEmpty() ? tr("whole plan") : r.workload,
                           r.unit,
                           raw(r.a),
                           raw(r.b),
                           raw(r.delta),
                           r.deltaFraction ? number(*r.deltaFraction * 100) : QString(),
                           verdictText(r.verdict),
                           QString::fromStdString(r.key)};
    }
    return out;
}

} // namespace tokenroute::ui
