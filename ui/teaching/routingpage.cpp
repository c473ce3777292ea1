#include "ui/teaching/routingpage.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/routing/routingview.h"
#include "ui/teaching/teachingview.h"

namespace tokenroute::ui {

RoutingPage::RoutingPage(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent)
    , m_flow(new RoutingView(document, catalog, this))
    , m_teaching(new TeachingView(document, catalog, evaluation, this))
    , m_stack(new QStackedWidget(this))
    , m_flowButton(new QToolButton(this))
    , m_teachButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("routingPage"));
    m_flowButton->setText(tr("Flow of all workloads"));
    m_teachButton->setText(tr("Teaching mode: follow one request"));
    m_teachButton->setObjectName(QStringLiteral("teachingModeButton"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *b : {m_flowButton, m_teachButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        group->addButton(b);
    }
    m_flowButton->setChecked(true);
    connect(m_teachButton, &QToolButton::toggled, this, &RoutingPage::setTeaching);

    auto *modes = new QHBoxLayout;
    modes->setContentsMargins(8, 4, 8, 0);
    modes->addWidget(m_flowButton);
    modes->addWidget(m_teachButton);
    modes->addStretch(1);
    m_stack->addWidget(m_flow);
    m_stack->addWidget(m_teaching);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(modes);
    layout->addWidget(m_stack, 1);

    // A band clicked in the flow is the workload a teacher wants to follow next.
    connect(m_flow, &RoutingView::selectionChanged, m_teaching, [this](int workloadId, int) {
        if (workloadId != 0)
            m_teaching->setWorkload(workloadId);
    });
}

bool RoutingPage::isTeaching() const
{
    return m_stack->currentWidget() == m_teaching;
}

void RoutingPage::setTeaching(bool on)
{
    m_stack->setCurrentWidget(on ? static_cast<QWidget *>(m_teaching) : m_flow);
    m_teachButton->setChecked(on);
    m_flowButton->setChecked(!on);
    if (on)
        m_teaching->setFocus();
    else
        m_teaching->pause();
}

} // namespace tokenroute::ui
