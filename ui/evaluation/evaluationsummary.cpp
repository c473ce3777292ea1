#include "ui/evaluation/evaluationsummary.h"

#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"

namespace tokenroute::ui {

EvaluationSummary::EvaluationSummary(LiveEvaluation *evaluation, QWidget *parent)
    : QLabel(parent), m_evaluation(evaluation)
{
    setObjectName(QStringLiteral("evaluationSummary"));
    setTextFormat(Qt::RichText);
    connect(evaluation, &LiveEvaluation::updated, this, &EvaluationSummary::refresh);
    refresh();
}

void EvaluationSummary::refresh()
{
    const PlanOutlook &o = m_evaluation->current();
    QStringList parts;
    if (o.routing && o.usdPerMillionOutput > 0)
        parts << tr("$%1/M output tokens").arg(formatNumber(o.usdPerMillionOutput, 2));
    parts << tr("%1 kW").arg(formatNumber(o.itPowerKw, 1));
    if (o.routing)
        parts << tr("%1 % unserved").arg(formatNumber(o.unservedFraction * 100, 1));
    parts << (o.sloViolations == 1 ? tr("1 SLO violation") : tr("%1 SLO violations").arg(o.sloViolations));
    QString text = parts.join(QStringLiteral(" · ")).toHtmlEscaped();
    const int problems = int(o.issues.size()) + (o.routingError.isEmpty() ? 0 : 1);
    if (problems > 0 || o.sloViolations > 0)
        text = QStringLiteral("<span style=\"color:#d55e00\">⚠</span> ") + text;
    setText(text);

    QStringList tip = o.issues;
    if (!o.routingError.isEmpty())
        tip.prepend(tr("Routing failed: %1").arg(o.routingError));
    const auto list = [](const QStringList &lines) {
        QStringList escaped;
        for (const QString &line : lines)
            escaped << line.toHtmlEscaped();
        return QStringLiteral("<ul><li>%1</li></ul>").arg(escaped.join(QStringLiteral("</li><li>")));
    };
    QString html = tip.isEmpty() ? tr("No problems found (evaluated in %1 ms).").arg(formatNumber(o.elapsedMs, 1)).toHtmlEscaped()
                                 : list(tip);
    if (!o.notes.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Routed around, not problems:").toHtmlEscaped()) + list(o.notes);
    setToolTip(html);
}

} // namespace tokenroute::ui
