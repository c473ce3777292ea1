#include "ui/racks/linkdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackitems.h"

namespace tokenroute::ui {

namespace {

// The most lanes one link may carry: twice the ports of the largest switch in the catalogue (64),
// so a bundle fits and a slipped digit does not.
constexpr int MaxLanes = 128;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

LinkDialog::LinkDialog(RackEditor *editor, int fromId, int toId, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_from(fromId)
    , m_to(toId)
    , m_type(new QComboBox(this))
    , m_lanes(new QSpinBox(this))
    , m_total(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("linkDialog"));
    const Plan &plan = editor->document()->plan();
    const PlacedItem *from = plan.item(fromId);
    const PlacedItem *to = plan.item(toId);
    const QString fromName = from ? qs(from->name) : QStringLiteral("?");
    const QString toName = to ? qs(to->name) : QStringLiteral("?");
    setWindowTitle(tr("Connect %1 and %2").arg(fromName, toName));

    for (const LinkType &type : editor->catalog()->links)
        m_type->addItem(colouredIcon(QStringLiteral("link"), linkColour(type.kind)),
                        tr("%1 — %2 GB/s per lane").arg(qs(type.name), formatNumber(type.bandwidthGBs, 1)), qs(type.id));
    setLinkTypeId(editor->suggestedLinkType(fromId, toId));
    m_lanes->setRange(1, MaxLanes);
    m_lanes->setValue(1);
    m_problem->setObjectName(QStringLiteral("linkProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), new QLabel(fromName, this));
    form->addRow(tr("To:"), new QLabel(toName, this));
    form->addRow(tr("Link &type:"), m_type);
    form->addRow(tr("&Lanes:"), m_lanes);
    form->addRow(tr("Total:"), m_total);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LinkDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LinkDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, &LinkDialog::update);
    connect(m_lanes, &QSpinBox::valueChanged, this, &LinkDialog::update);
    update();
}

QString LinkDialog::linkTypeId() const
{
    return m_type->currentData().toString();
}

void LinkDialog::setLinkTypeId(const QString &id)
{
    const int index = m_type->findData(id);
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

int LinkDialog::lanes() const
{
    return m_lanes->value();
}

QString LinkDialog::problem() const
{
    return m_editor->previewConnect(m_from, m_to, linkTypeId(), lanes());
}

void LinkDialog::update()
{
    const LinkType *type = m_editor->catalog()->link(linkTypeId().toStdString());
    m_total->setText(type ? tr("%1 GB/s per direction").arg(formatNumber(type->bandwidthGBs * lanes(), 0)) : QString());
    const QString reason = problem();
    m_problem->setText(reason);
    m_problem->setVisible(!reason.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

void LinkDialog::accept()
{
    m_created = m_editor->connectItems(m_from, m_to, linkTypeId(), lanes());
    if (m_created)
        QDialog::accept();
    else
        update();
}

} // namespace tokenroute::ui
