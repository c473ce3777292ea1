#pragma once
// The dialog that edits one rack: name, size (42U or 48U), power budget and cooling. It checks
// every value against the RackEditor as the user types, so a size that would cut off an item is
// explained before OK is pressed, and OK hands the whole change to the editor as one undo step.

#include <QDialog>

#include "core/plan/plan.h"

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace tokenroute::ui {

class RackEditor;

class RackPropertiesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackPropertiesDialog)

public:
    RackPropertiesDialog(RackEditor *editor, int rackId, QWidget *parent = nullptr);

    int rackId() const { return m_original.id; }
    // The rack as the fields now describe it.
    Rack rack() const;
    // Why OK is refused now; empty when the values are acceptable.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *sizeBox() const { return m_size; }
    QDoubleSpinBox *budgetBox() const { return m_budget; }
    QComboBox *coolingBox() const { return m_cooling; }

    void accept() override;

private:
    void update();

    RackEditor *m_editor;
    Rack m_original;
    QLineEdit *m_name;
    QComboBox *m_size;
    QDoubleSpinBox *m_budget;
    QComboBox *m_cooling;
    QLabel *m_load;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace tokenroute::ui
