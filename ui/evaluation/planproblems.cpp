#include "ui/evaluation/planproblems.h"

#include <algorithm>

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

#include "ui/evaluation/liveevaluation.h"
#include "ui/palette.h"

namespace tokenroute::ui {

namespace {

void add(QHash<int, QStringList> &into, int id, const QString &reason)
{
    QStringList &list = into[id];
    if (!list.contains(reason))
        list.append(reason);
}

// Paints the badge into whatever rectangle the view gives, so it stays sharp at any size and
// device pixel ratio instead of scaling one bitmap.
class ProblemBadgeEngine final : public QIconEngine {
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const double side = std::min(rect.width(), rect.height());
        const QRectF disc(rect.x() + (rect.width() - side) / 2 + side * 0.06, rect.y() + (rect.height() - side) / 2 + side * 0.06,
                          side * 0.88, side * 0.88);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        QColor fill = QColor::fromRgb(okabeIto::Vermillion);
        if (mode == QIcon::Disabled)
            fill.setAlphaF(0.45);
        painter->setPen(QPen(fill.darker(130), std::max(1.0, side / 16)));
        painter->setBrush(fill);
        painter->drawEllipse(disc);
        // The exclamation mark: a tapered bar and a dot, in white for contrast on vermillion.
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        const double cx = disc.center().x();
        const double w = disc.width();
        const double top = disc.top() + w * 0.2;
        const double bottom = disc.top() + w * 0.6;
        QPolygonF bar;
        bar << QPointF(cx - w * 0.085, top) << QPointF(cx + w * 0.085, top) << QPointF(cx + w * 0.05, bottom)
            << QPointF(cx - w * 0.05, bottom);
        painter->drawPolygon(bar);
        painter->drawEllipse(QPointF(cx, disc.top() + w * 0.76), w * 0.075, w * 0.075);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ProblemBadgeEngine; }
};

} // namespace

PlanProblems problemsByEntity(const PlanOutlook &outlook, const Plan &plan)
{
    PlanProblems problems;
    for (const EvaluationIssue &issue : outlook.evaluation.issues) {
        const QString reason = describeIssue(issue, plan);
        switch (issue.code) {
        case EvaluationIssueCode::RackOverPower:
        case EvaluationIssueCode::RackOverUnits:
            add(problems.racks, issue.rackId, reason);
            break;
        case EvaluationIssueCode::UnknownAccelerator:
        case EvaluationIssueCode::UnknownTier:
        case EvaluationIssueCode::MixedDevices:
        case EvaluationIssueCode::EmptyPool:
        case EvaluationIssueCode::InvalidLayout:
            add(problems.pools, issue.poolId, reason);
            break;
        case EvaluationIssueCode::ModelDoesNotFit:
            if (!isRoutedAround(issue, outlook.evaluation))
                add(problems.pools, issue.poolId, reason);
            break;
        case EvaluationIssueCode::UnknownModel:
        case EvaluationIssueCode::NoPoolMeetsSlo:
            add(problems.workloads, issue.workloadId, reason);
            break;
        case EvaluationIssueCode::UnknownServer:
            // The issue names the catalogue id; every item of that id carries it.
            for (const PlacedItem &item : plan.items)
                if (item.catalogId == issue.text)
                    add(problems.items, item.id, reason);
            break;
        }
    }
    // Unserved demand is the router's finding, not evaluate()'s: a workload may have pools that
    // meet its SLOs and still be short of capacity for its whole rate. The threshold is the one
    // the status bar counts SLO violations by, so badge and count agree.
    for (const auto &[id, workload] : outlook.workloads)
        if (workload.unservedFraction > 1e-6)
            if (const Workload *w = plan.workload(id); w && w->ratePerS > 0)
                add(problems.workloads, id, describeUnserved(workload.unservedFraction));
    return problems;
}

QIcon problemBadgeIcon()
{
    return QIcon(new ProblemBadgeEngine);
}

} // namespace tokenroute::ui
