#pragma once
// The "Connect…" dialog: a link type from the catalogue (with its bandwidth per lane) and a lane
// count between two selected items. It proposes the type the items most likely want, shows the
// total bandwidth and why a link would be refused as the user chooses, and OK hands the link to
// the RackEditor as one undo step.

#include <optional>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace tokenroute::ui {

class RackEditor;

class LinkDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkDialog)

public:
    LinkDialog(RackEditor *editor, int fromId, int toId, QWidget *parent = nullptr);

    QString linkTypeId() const;
    void setLinkTypeId(const QString &id);
    int lanes() const;
    QString problem() const;
    // The id of the link OK created; empty until then.
    std::optional<int> createdLinkId() const { return m_created; }

    QComboBox *typeBox() const { return m_type; }
    QSpinBox *lanesBox() const { return m_lanes; }

    void accept() override;

private:
    void update();

    RackEditor *m_editor;
    int m_from;
    int m_to;
    QComboBox *m_type;
    QSpinBox *m_lanes;
    QLabel *m_total;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    std::optional<int> m_created;
};

} // namespace tokenroute::ui
