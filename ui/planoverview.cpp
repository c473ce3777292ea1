#include "ui/planoverview.h"

#include <QEvent>

#include "ui/format.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

PlanOverview::PlanOverview(PlanDocument *document, QWidget *parent)
    : QTextBrowser(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("planOverview"));
    setOpenLinks(false);
    connect(document, &PlanDocument::changed, this, [this](const PlanChange &change) {
        if (change.kind == PlanChange::Kind::Reset || change.kind == PlanChange::Kind::Properties
            || change.kind == PlanChange::Kind::Policies)
            refresh();
    });
    refresh();
}

void PlanOverview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refresh();
    QTextBrowser::changeEvent(event);
}

void PlanOverview::refresh()
{
    const Plan &plan = m_document->plan();
    const Policies &p = plan.policies;
    document()->setDefaultStyleSheet(
        QStringLiteral("h3 { margin-bottom: 2px; } p.policies { color: %1; }").arg(palette().color(QPalette::PlaceholderText).name()));

    QString policy;
    switch (p.routePolicy) {
    case RoutePolicy::Cost:
        policy = tr("cost");
        break;
    case RoutePolicy::Latency:
        policy = tr("latency");
        break;
    case RoutePolicy::Rules:
        policy = tr("rules");
        break;
    }
    QString html = QStringLiteral("<h3>%1</h3>").arg(m_document->displayName().toHtmlEscaped());
    if (!plan.description.empty())
        html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(plan.description).toHtmlEscaped());
    QStringList policies{tr("Routing policy: %1").arg(policy), tr("Capex over %1 years").arg(formatNumber(p.amortisationYears, 1)),
                         tr("Electricity $%1/kWh").arg(formatNumber(p.electricityUsdPerKwh, 3)),
                         tr("PUE %1").arg(formatNumber(p.pue, 2))};
    if (p.costCapUsdPerHour > 0)
        policies << tr("Cost cap $%1/h").arg(formatNumber(p.costCapUsdPerHour, 0));
    if (p.useCloudPrices)
        policies << tr("Cloud prices");
    html += QStringLiteral("<p class=\"policies\">%1</p>").arg(policies.join(QStringLiteral(" · ")).toHtmlEscaped());
    setHtml(html);
}

} // namespace tokenroute::ui
