#pragma once
// The Workloads tab: a tool bar (add from a catalogue preset, duplicate, delete, import a Hugging
// Face config), the workload table with its chip and value delegates, and a message line that
// says why an edit was refused. It owns no data: the table reads the document, and every action
// goes through WorkloadTableModel, which pushes undo commands.

#include <QWidget>

#include "core/catalog/catalog.h"

class QLabel;
class QTableView;
class QToolButton;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;
class WorkloadTableModel;

class WorkloadEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadEditor)

public:
    WorkloadEditor(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    WorkloadTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString message() const;

    // Ask for a config.json and import it for row (the model column's import entry, the button).
    void importForRow(int row);

private:
    void showMessage(const QString &text);
    QList<int> selectedRows() const;
    void updateActions();

    const Catalog *m_catalog;
    WorkloadTableModel *m_model;
    QTableView *m_table;
    QLabel *m_message;
    QAction *m_duplicateAction;
    QAction *m_deleteAction;
    QAction *m_importAction;
};

} // namespace tokenroute::ui
