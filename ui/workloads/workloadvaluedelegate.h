#pragma once
// Editors for the workload table's cells: spin boxes with the field's unit and a sensible step
// (a spin box turned with the wheel commits each value, so the estimate follows live and the undo
// stack folds the turn into one step), and for the model a list of the catalogue's and the
// plan's imported models ending in "Import Hugging Face config.json…", which asks for a file.

#include <QStyledItemDelegate>

namespace tokenroute::ui {

class WorkloadValueDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadValueDelegate)

public:
    explicit WorkloadValueDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

signals:
    // The user chose the import entry for this row.
    void importRequested(int row) const;
};

} // namespace tokenroute::ui
