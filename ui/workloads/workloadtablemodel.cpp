#include "ui/reasontext.h"
#include "ui/workloads/workloadtablemodel.h"

#include <algorithm>
#include <exception>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStyle>

#include "core/model/hfconfig.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/workloads/workloadcommands.h"
#include "ui/workloads/workloadvalidator.h"

namespace tokenroute::ui {

Tag otherTag(Tag tag)
{
    switch (tag) {
    case Tag::PrefillHeavy: return Tag::DecodeHeavy;
    case Tag::DecodeHeavy: return Tag::PrefillHeavy;
    case Tag::LongContext: return Tag::ShortContext;
    case Tag::ShortContext: return Tag::LongContext;
    case Tag::Interactive: return Tag::Batch;
    case Tag::Batch: return Tag::Interactive;
    // The size axis has three values; a click moves between "fits one device" and "large", the
    // distinction a user overrides (SRAM residence follows from the weights, not from intent).
    case Tag::SmallModel:
    case Tag::SramResident: return Tag::LargeModel;
    case Tag::LargeModel: return Tag::SmallModel;
    case Tag::Edge: return Tag::DataCentre;
    case Tag::DataCentre: return Tag::Edge;
    }
    return tag;
}

TagAxis axisOf(Tag tag)
{
    switch (tag) {
    case Tag::PrefillHeavy:
    case Tag::DecodeHeavy: return TagAxis::Phase;
    case Tag::LongContext:
    case Tag::ShortContext: return TagAxis::Context;
    case Tag::Interactive:
    case Tag::Batch: return TagAxis::Latency;
    case Tag::SmallModel:
    case Tag::SramResident:
    case Tag::LargeModel: return TagAxis::ModelSize;
    case Tag::Edge:
    case Tag::DataCentre: return TagAxis::Placement;
    }
    return TagAxis::Phase;
}

WorkloadTableModel::WorkloadTableModel(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_catalog(catalog), m_evaluation(evaluation),
      m_rows(int(document->plan().workloads.size()))
{
    connect(document, &PlanDocument::changed, this, &WorkloadTableModel::documentChanged);
    if (evaluation) {
        connect(evaluation, &LiveEvaluation::updated, this, [this] {
            if (m_rows > 0) {
                emit dataChanged(index(0, NameColumn), index(m_rows - 1, NameColumn), {Qt::DecorationRole, Qt::ToolTipRole, HasProblemRole});
                emit dataChanged(index(0, EstimateColumn), index(m_rows - 1, EstimateColumn));
            }
        });
    }
}

int WorkloadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int WorkloadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Workload &WorkloadTableModel::workloadAt(int row) const
{
    return m_document->plan().workloads[std::size_t(row)];
}

WorkloadTags WorkloadTableModel::tags(int row) const
{
    return deriveTags(workloadAt(row), m_document->plan(), *m_catalog);
}

void WorkloadTableModel::documentChanged(const PlanChange &change)
{
    const int rows = int(m_document->plan().workloads.size());
    // Rows in or out: the document reports after the plan has changed, so the model cannot
    // announce an insertion or removal before it happens (as beginInsertRows requires); a count
    // change resets. Edits in place (the common case, one cell) update only the changed rows; a
    // change of an imported model or a reset re-reads everything.
    if (change.kind == PlanChange::Kind::Reset || rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (change.kind != PlanChange::Kind::Workloads || m_rows == 0)
        return;
    for (int row = 0; row < m_rows; ++row)
        if (change.ids.isEmpty() || change.ids.contains(workloadAt(row).id))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

namespace {

QString modelLabel(const Plan &plan, const Catalog &catalog, const std::string &id)
{
    if (const ModelSpec *m = findModel(plan, catalog, id))
        return QString::fromStdString(m->name.empty() ? m->id : m->name);
    return QString::fromStdString(id);
}

QString ms(double v)
{
    return v >= 10000 ? QCoreApplication::translate("tokenroute::ui::WorkloadTableModel", "%1 s").arg(formatNumber(v / 1000, 0))
                      : QCoreApplication::translate("tokenroute::ui::WorkloadTableModel", "%1 ms").arg(formatNumber(v, v < 10 ? 1 : 0));
}

} // namespace

QVariant WorkloadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Workload &w = workloadAt(index.row());
    const int column = index.column();
    if (role == WorkloadIdRole)
        return w.id;

    const WorkloadOutlook *outlook = nullptr;
    if (m_evaluation && (column == NameColumn || column == EstimateColumn))
        outlook = m_evaluation->current().workload(w.id);

    if (role == HasProblemRole)
        return outlook && !outlook->problems.isEmpty();

    if (role == Qt::CheckStateRole) {
        if (column == InteractiveColumn)
            return w.interactive ? Qt::Checked : Qt::Unchecked;
        if (column == EdgeColumn)
            return w.edge ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (column >= RateColumn && column <= TpotColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == TagChipsRole && column == TagsColumn) {
        const WorkloadTags t = tags(index.row());
        QVariantList chips;
        for (std::size_t i = 0; i < t.tags.size(); ++i) {
            const TagReason &r = t.reasons[i];
            QVariantMap chip;
            chip[QStringLiteral("axis")] = int(r.axis);
            chip[QStringLiteral("tag")] = int(t.tags[i]);
            chip[QStringLiteral("name")] = tagName(t.tags[i]);
            chip[QStringLiteral("colour")] = tagColour(t.tags[i]);
            chip[QStringLiteral("overridden")] = r.code == TagReasonCode::Overridden;
            chip[QStringLiteral("reason")] = reasonText(r);
            chips.append(chip);
        }
        return chips;
    }
    if (role == Qt::DecorationRole && column == NameColumn && outlook && !outlook->problems.isEmpty())
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (role == Qt::ToolTipRole) {
        if (column == NameColumn && outlook && !outlook->problems.isEmpty())
            return outlook->problems.join(QLatin1Char('\n'));
        if (column == TagsColumn) {
            QStringList lines;
            const WorkloadTags t = tags(index.row());
            for (const TagReason &r : t.reasons)
                lines << reasonText(r);
            return lines.join(QLatin1Char('\n'));
        }
        if (column == EstimateColumn && outlook && outlook->routed)
            return tr("Best route: %1\nTTFT %2 (%3–%4), TPOT %5 (%6–%7): the range is the model's error band for such cases.\n$%8 per million tokens")
                .arg(outlook->route, ms(outlook->ttftMs), ms(outlook->ttftLowMs), ms(outlook->ttftHighMs), ms(outlook->tpotMs),
                     ms(outlook->tpotLowMs), ms(outlook->tpotHighMs), formatNumber(outlook->usdPerMillionTokens, 3));
        return {};
    }
    if (role == DetailRole && column == EstimateColumn) {
        if (!outlook || !outlook->routed)
            return {};
        QString line = tr("TTFT %1 (%2–%3) · TPOT %4 (%5–%6) · $%7/M")
                           .arg(ms(outlook->ttftMs), ms(outlook->ttftLowMs), ms(outlook->ttftHighMs), ms(outlook->tpotMs),
                                ms(outlook->tpotLowMs), ms(outlook->tpotHighMs), formatNumber(outlook->usdPerMillionTokens, 2));
        if (outlook->unservedFraction > 1e-6)
            line += tr(" · %1 % unserved").arg(formatNumber(outlook->unservedFraction * 100, 0));
        return line;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};

    const bool edit = role == Qt::EditRole;
    switch (column) {
    case NameColumn: return QString::fromStdString(w.name);
    case ModelColumn: return edit ? QString::fromStdString(w.modelId) : modelLabel(m_document->plan(), *m_catalog, w.modelId);
    case RateColumn: return edit ? QVariant(w.ratePerS) : QVariant(formatNumber(w.ratePerS, 2));
    case InputMeanColumn: return edit ? QVariant(w.inputMean) : QVariant(formatNumber(w.inputMean, 0));
    case InputP90Column: return edit ? QVariant(w.inputP90) : QVariant(formatNumber(w.inputP90, 0));
    case OutputMeanColumn: return edit ? QVariant(w.outputMean) : QVariant(formatNumber(w.outputMean, 0));
    case OutputP90Column: return edit ? QVariant(w.outputP90) : QVariant(formatNumber(w.outputP90, 0));
    case ReuseColumn: return edit ? QVariant(w.prefixReuse) : QVariant(tr("%1 %").arg(formatNumber(w.prefixReuse * 100, 0)));
    case TtftColumn: return edit ? QVariant(w.ttftSloMs) : QVariant(ms(w.ttftSloMs));
    case TpotColumn: return edit ? QVariant(w.tpotSloMs) : QVariant(ms(w.tpotSloMs));
    case InteractiveColumn: return edit ? QVariant(w.interactive) : QVariant(w.interactive ? tr("Interactive") : tr("Batch"));
    case EdgeColumn: return edit ? QVariant(w.edge) : QVariant(w.edge ? tr("Edge") : tr("Data centre"));
    case TagsColumn: {
        QStringList names;
        for (Tag t : tags(index.row()).tags)
            names << tagName(t);
        return names.join(QStringLiteral(", "));
    }
    case EstimateColumn:
        if (!outlook)
            return {};
        return outlook->routed ? outlook->route : tr("No route");
    default: return {};
    }
}

QVariant WorkloadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RateColumn: return tr("Arrival rate, requests per second");
        case InputMeanColumn: return tr("Mean prompt length, tokens");
        case InputP90Column: return tr("90th percentile prompt length, tokens");
        case OutputMeanColumn: return tr("Mean output length, tokens");
        case OutputP90Column: return tr("90th percentile output length, tokens");
        case ReuseColumn: return tr("Share of prompt tokens expected to be served from a cached prefix");
        case TtftColumn: return tr("Time-to-first-token SLO");
        case TpotColumn: return tr("Time-per-output-token SLO");
        case TagsColumn: return tr("Derived tags; click a tag to override it, click again to return to the derived value");
        case EstimateColumn: return tr("The router's main route for this workload and its estimate, with the error band");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Workload");
    case ModelColumn: return tr("Model");
    case RateColumn: return tr("Rate (req/s)");
    case InputMeanColumn: return tr("In mean");
    case InputP90Column: return tr("In p90");
    case OutputMeanColumn: return tr("Out mean");
    case OutputP90Column: return tr("Out p90");
    case ReuseColumn: return tr("Reuse");
    case TtftColumn: return tr("TTFT SLO");
    case TpotColumn: return tr("TPOT SLO");
    case InteractiveColumn: return tr("Latency");
    case EdgeColumn: return tr("Placement");
    case TagsColumn: return tr("Tags");
    case EstimateColumn: return tr("Best route and estimate");
    default: return {};
    }
}

Qt::ItemFlags WorkloadTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    switch (index.column()) {
    case TagsColumn:
    case EstimateColumn: return f;
    case InteractiveColumn:
    case EdgeColumn: return f | Qt::ItemIsUserCheckable;
    default: return f | Qt::ItemIsEditable;
    }
}

bool WorkloadTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int column = index.column();
    if (role == Qt::CheckStateRole && (column == InteractiveColumn || column == EdgeColumn))
        return pushEdit(index.row(), column, value.toInt() == Qt::Checked);
    if (role != Qt::EditRole)
        return false;
    return pushEdit(index.row(), column, value);
}

bool WorkloadTableModel::pushEdit(int row, int column, const QVariant &value)
{
    const Workload &current = workloadAt(row);
    Workload edited = current;
    bool ok = true;
    auto number = [&](double &field) {
        const double v = value.toDouble(&ok);
        if (ok)
            field = v;
    };
    switch (column) {
    case NameColumn: edited.name = value.toString().trimmed().toStdString(); break;
    case ModelColumn: edited.modelId = value.toString().toStdString(); break;
    case RateColumn: number(edited.ratePerS); break;
    case InputMeanColumn: number(edited.inputMean); break;
    case InputP90Column: number(edited.inputP90); break;
    case OutputMeanColumn: number(edited.outputMean); break;
    case OutputP90Column: number(edited.outputP90); break;
    case ReuseColumn: number(edited.prefixReuse); break;
    case TtftColumn: number(edited.ttftSloMs); break;
    case TpotColumn: number(edited.tpotSloMs); break;
    case InteractiveColumn: edited.interactive = value.toBool(); break;
    case EdgeColumn: edited.edge = value.toBool(); break;
    default: return false;
    }
    if (!ok) {
        emit editRefused(tr("“%1” is not a number.").arg(value.toString()));
        return false;
    }
    if (column == ModelColumn && !findModel(m_document->plan(), *m_catalog, edited.modelId)) {
        emit editRefused(tr("“%1” is neither a catalogue model nor an imported one.").arg(value.toString()));
        return false;
    }
    if (const QString problem = workloadProblem(edited); !problem.isEmpty()) {
        emit editRefused(problem);
        return false;
    }
    if (edited == current)
        return true;

    const QString text = tr("Change %1 of “%2”").arg(headerData(column, Qt::Horizontal).toString(), QString::fromStdString(current.name));
    QUndoStack *stack = m_document->undoStack();
    const int id = current.id;
    switch (column) {
    case NameColumn: stack->push(new ChangeWorkloadValue<std::string>(m_document, id, &Workload::name, edited.name, text, false)); break;
    case ModelColumn: stack->push(new ChangeWorkloadValue<std::string>(m_document, id, &Workload::modelId, edited.modelId, text, false)); break;
    case RateColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::ratePerS, edited.ratePerS, text)); break;
    case InputMeanColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::inputMean, edited.inputMean, text)); break;
    case InputP90Column: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::inputP90, edited.inputP90, text)); break;
    case OutputMeanColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::outputMean, edited.outputMean, text)); break;
    case OutputP90Column: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::outputP90, edited.outputP90, text)); break;
    case ReuseColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::prefixReuse, edited.prefixReuse, text)); break;
    case TtftColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::ttftSloMs, edited.ttftSloMs, text)); break;
    case TpotColumn: stack->push(new ChangeWorkloadValue<double>(m_document, id, &Workload::tpotSloMs, edited.tpotSloMs, text)); break;
    case InteractiveColumn: stack->push(new ChangeWorkloadValue<bool>(m_document, id, &Workload::interactive, edited.interactive, text, false)); break;
    case EdgeColumn: stack->push(new ChangeWorkloadValue<bool>(m_document, id, &Workload::edge, edited.edge, text, false)); break;
    default: return false;
    }
    return true;
}

void WorkloadTableModel::toggleTag(int row, TagAxis axis)
{
    if (row < 0 || row >= m_rows)
        return;
    const Workload &w = workloadAt(row);
    std::map<TagAxis, Tag> overrides = w.tagOverrides;
    QString text;
    if (overrides.erase(axis) > 0) {
        text = tr("Return %1 of “%2” to Derived").arg(QString::fromStdString(toString(axis)), QString::fromStdString(w.name));
    } else {
        const WorkloadTags t = tags(row);
        const Tag derived = t.tags[std::size_t(axis)];
        overrides[axis] = otherTag(derived);
        text = tr("Mark “%1” %2").arg(QString::fromStdString(w.name), tagName(overrides[axis]));
    }
    m_document->undoStack()->push(
        new ChangeWorkloadValue<std::map<TagAxis, Tag>>(m_document, w.id, &Workload::tagOverrides, std::move(overrides), text, false));
}

int WorkloadTableModel::addFromPreset(const QString &presetId)
{
    const WorkloadPreset *p = m_catalog->preset(presetId.toStdString());
    if (!p) {
        emit editRefused(tr("There is no preset “%1”.").arg(presetId));
        return -1;
    }
    Workload w;
    w.id = m_document->plan().nextId();
    w.name = p->name;
    w.modelId = p->modelId;
    w.ratePerS = p->ratePerS;
    w.inputMean = p->inputMean;
    w.inputP90 = p->inputP90;
    w.outputMean = p->outputMean;
    w.outputP90 = p->outputP90;
    w.prefixReuse = p->prefixReuse;
    w.ttftSloMs = p->ttftSloMs;
    w.tpotSloMs = p->tpotSloMs;
    w.interactive = p->interactive;
    w.edge = p->edge;
    const int row = m_rows;
    m_document->undoStack()->push(new InsertWorkload(m_document, row, w, tr("Add Workload “%1”").arg(QString::fromStdString(w.name))));
    return row;
}

int WorkloadTableModel::duplicate(int row)
{
    if (row < 0 || row >= m_rows)
        return -1;
    Workload w = workloadAt(row);
    w.id = m_document->plan().nextId();
    w.name = tr("%1 (copy)").arg(QString::fromStdString(w.name)).toStdString();
    m_document->undoStack()->push(new InsertWorkload(m_document, row + 1, w, tr("Duplicate Workload")));
    return row + 1;
}

void WorkloadTableModel::remove(const QList<int> &rows)
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    sorted.removeIf([this](int r) { return r < 0 || r >= m_rows; });
    if (sorted.isEmpty())
        return;
    QUndoStack *stack = m_document->undoStack();
    // Highest row first, so the rows still to remove keep their positions.
    stack->beginMacro(sorted.size() == 1 ? tr("Delete Workload") : tr("Delete %1 Workloads").arg(sorted.size()));
    for (int r : std::as_const(sorted))
        stack->push(new RemoveWorkload(m_document, r));
    stack->endMacro();
}

bool WorkloadTableModel::importModel(int row, const QString &configPath)
{
    if (row < 0 || row >= m_rows)
        return false;
    ModelSpec spec;
    try {
        spec.arch = loadHfConfig(configPath.toStdString());
    } catch (const std::exception &e) {
        emit editRefused(tr("Could not import %1: %2").arg(QDir::toNativeSeparators(configPath), QString::fromUtf8(e.what())));
        return false;
    }
    // Name the model after its folder (Hugging Face repositories keep config.json at the top),
    // or after the file when it has a name of its own; suffix a number if the plan has it already.
    const QFileInfo info(configPath);
    QString base = info.fileName() == QStringLiteral("config.json") ? info.dir().dirName() : info.completeBaseName();
    base = base.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    if (base.isEmpty())
        base = QStringLiteral("model");
    QString id = base;
    const Plan &plan = m_document->plan();
    for (int n = 2; std::any_of(plan.importedModels.begin(), plan.importedModels.end(),
                                [&](const ModelSpec &m) { return m.id == id.toStdString(); });
         ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    spec.id = id.toStdString();
    spec.name = id.toStdString();

    const Workload &w = workloadAt(row);
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(tr("Import %1 for “%2”").arg(id, QString::fromStdString(w.name)));
    stack->push(new AddImportedModel(m_document, spec));
    stack->push(new ChangeWorkloadValue<std::string>(m_document, w.id, &Workload::modelId, "import:" + spec.id, QString(), false));
    stack->endMacro();
    return true;
}

QStringList WorkloadTableModel::modelChoices() const
{
    QStringList ids;
    for (const ModelSpec &m : m_catalog->models)
        ids << QString::fromStdString(m.id);
    for (const ModelSpec &m : m_document->plan().importedModels)
        ids << QStringLiteral("import:%1").arg(QString::fromStdString(m.id));
    return ids;
}

} // namespace tokenroute::ui
