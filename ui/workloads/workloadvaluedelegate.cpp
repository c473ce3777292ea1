#include "ui/workloads/workloadvaluedelegate.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QTimer>

#include "ui/workloads/workloadtablemodel.h"

namespace tokenroute::ui {

namespace {
const QString ImportEntry = QStringLiteral("__import__");
}

WorkloadValueDelegate::WorkloadValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *WorkloadValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const WorkloadTableModel *>(index.model());
    if (index.column() == WorkloadTableModel::ModelColumn && model) {
        auto *combo = new QComboBox(parent);
        for (const QString &id : model->modelChoices())
            combo->addItem(id, id);
        combo->insertSeparator(combo->count());
        combo->addItem(tr("Import Hugging Face config.json…"), ImportEntry);
        return combo;
    }
    struct Range {
        double min, max, step;
        int decimals;
        QString suffix;
    };
    Range r{};
    switch (index.column()) {
    // Ranges allow what the validator accepts and a little beyond, so its message, not a silent
    // clamp, tells the user what is wrong (a p90 under its mean is only caught by the validator).
    case WorkloadTableModel::RateColumn: r = {0, 1e6, 0.5, 2, tr(" req/s")}; break;
    case WorkloadTableModel::InputMeanColumn:
    case WorkloadTableModel::InputP90Column:
    case WorkloadTableModel::OutputMeanColumn:
    case WorkloadTableModel::OutputP90Column: r = {1, 1e7, 64, 0, tr(" tokens")}; break;
    case WorkloadTableModel::ReuseColumn: r = {0, 1, 0.05, 2, QString()}; break;
    case WorkloadTableModel::TtftColumn:
    case WorkloadTableModel::TpotColumn: r = {0.1, 1e8, 10, 1, tr(" ms")}; break;
    default: return QStyledItemDelegate::createEditor(parent, option, index);
    }
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(r.min, r.max);
    spin->setSingleStep(r.step);
    spin->setDecimals(r.decimals);
    spin->setSuffix(r.suffix);
    spin->setAccelerated(true);
    spin->setKeyboardTracking(false);
    auto *self = const_cast<WorkloadValueDelegate *>(this);
    connect(spin, &QDoubleSpinBox::valueChanged, self, [self, spin] { emit self->commitData(spin); });
    return spin;
}

void WorkloadValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
        return;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        const QSignalBlocker block(spin);
        spin->setValue(index.data(Qt::EditRole).toDouble());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void WorkloadValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString id = combo->currentData().toString();
        if (id == ImportEntry) {
            // Ask for the file after the editor has closed, not from inside the commit.
            const int row = index.row();
            QTimer::singleShot(0, this, [this, row] { emit importRequested(row); });
            return;
        }
        model->setData(index, id);
        return;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        if (!model->setData(index, spin->value())) {
            // Refused: show the stored value again so the editor never displays what was not taken.
            const QSignalBlocker block(spin);
            spin->setValue(index.data(Qt::EditRole).toDouble());
        }
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace tokenroute::ui
