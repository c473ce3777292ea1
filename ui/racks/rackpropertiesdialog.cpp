#include "ui/racks/rackpropertiesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/plan/placement.h"
#include "ui/format.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"

namespace tokenroute::ui {

namespace {

// The largest budget the spin box takes: above three times the densest rack system in the
// catalogue (GB200 NVL72, 120 kW), which leaves room for denser racks without inviting typos.
constexpr double MaxBudgetKw = 400;

} // namespace

RackPropertiesDialog::RackPropertiesDialog(RackEditor *editor, int rackId, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_name(new QLineEdit(this))
    , m_size(new QComboBox(this))
    , m_budget(new QDoubleSpinBox(this))
    , m_cooling(new QComboBox(this))
    , m_load(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("rackPropertiesDialog"));
    const Plan &plan = editor->document()->plan();
    if (const Rack *rack = plan.rack(rackId))
        m_original = *rack;
    setWindowTitle(tr("Rack Properties — %1").arg(QString::fromStdString(m_original.name)));

    m_name->setText(QString::fromStdString(m_original.name));
    for (int units : RackSizes)
        m_size->addItem(tr("%1U").arg(units), units);
    // A size read from a file that the designer does not offer stays selectable, so editing the
    // budget does not force a new height.
    if (m_size->findData(m_original.units) < 0)
        m_size->addItem(tr("%1U").arg(m_original.units), m_original.units);
    m_size->setCurrentIndex(m_size->findData(m_original.units));
    m_budget->setRange(0, MaxBudgetKw);
    m_budget->setDecimals(1);
    m_budget->setSingleStep(5);
    m_budget->setSuffix(tr(" kW"));
    m_budget->setSpecialValueText(tr("none stated"));
    m_budget->setValue(m_original.powerBudgetKw);
    m_cooling->addItem(tr("Air"), int(Cooling::Air));
    m_cooling->addItem(tr("Liquid"), int(Cooling::Liquid));
    m_cooling->setCurrentIndex(m_cooling->findData(int(m_original.cooling)));

    const RackLoad load = rackLoad(plan, *editor->catalog(), rackId);
    m_load->setText(tr("Holds %1U of items drawing up to %2 kW.").arg(load.unitsUsed).arg(formatNumber(load.powerW / 1000, 1)));
    m_load->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("rackPropertiesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("&Power budget:"), m_budget);
    form->addRow(tr("&Cooling:"), m_cooling);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_load);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RackPropertiesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RackPropertiesDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &RackPropertiesDialog::update);
    connect(m_size, &QComboBox::currentIndexChanged, this, &RackPropertiesDialog::update);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &RackPropertiesDialog::update);
    connect(m_cooling, &QComboBox::currentIndexChanged, this, &RackPropertiesDialog::update);
    update();
}

Rack RackPropertiesDialog::rack() const
{
    Rack rack = m_original;
    rack.name = m_name->text().toStdString();
    rack.units = m_size->currentData().toInt();
    rack.powerBudgetKw = m_budget->value();
    rack.cooling = Cooling(m_cooling->currentData().toInt());
    return rack;
}

QString RackPropertiesDialog::problem() const
{
    return m_editor->previewRackChange(rack());
}

void RackPropertiesDialog::update()
{
    const QString reason = problem();
    m_problem->setText(reason);
    m_problem->setVisible(!reason.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

void RackPropertiesDialog::accept()
{
    if (m_editor->changeRack(rack()))
        QDialog::accept();
    else
        update();
}

} // namespace tokenroute::ui
