#include "ui/charts/costsview.h"

#include <QApplication>
#include <QEvent>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/appstyle.h"
#include "ui/charts/chartexport.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/palette.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

// The series of one chart are replaced wholesale; axes go with them.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A log axis needs bounds on powers of ten around the data to label cleanly.
void fitLogAxis(QLogValueAxis *axis, double lo, double hi)
{
    axis->setRange(std::pow(10.0, std::floor(std::log10(lo))), std::pow(10.0, std::ceil(std::log10(hi))));
}

} // namespace

CostsView::CostsView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_catalog(catalog),
      m_evaluation(evaluation ? evaluation : new LiveEvaluation(document, catalog, this)),
      m_workloadView(new QChartView(new QChart, this)),
      m_poolView(new QChartView(new QChart, this)),
      m_curvesView(new QChartView(new QChart, this))
{
    setObjectName(QStringLiteral("costsView"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(framed(m_workloadView, QStringLiteral("cost-by-workload")), 0, 0);
    layout->addWidget(framed(m_poolView, QStringLiteral("cost-by-pool")), 0, 1);
    layout->addWidget(framed(m_curvesView, QStringLiteral("operating-curves")), 1, 0, 1, 2);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(1, 1);
    for (QChartView *view : {m_workloadView, m_poolView, m_curvesView}) {
        view->setRenderHint(QPainter::Antialiasing);
        styleChart(view->chart());
    }
    // LiveEvaluation re-runs after every change to the document; the charts follow it.
    connect(m_evaluation, &LiveEvaluation::updated, this, &CostsView::refresh);
    refresh();
}

QWidget *CostsView::framed(QChartView *view, const QString &baseName)
{
    addChartExportMenu(view, baseName);
    return chartWithExportButton(view, [baseName] { return baseName; }, baseName + QStringLiteral("-export"), this);
}

void CostsView::styleChart(QChart *chart) const
{
    chart->setTitleFont(scaledAppFont(1.8, true));
    chart->legend()->setFont(scaledAppFont(1.5));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
}

void CostsView::changeEvent(QEvent *event)
{
    // Projector mode changes the application font; the charts take their text sizes from it.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) {
        for (QChartView *view : {m_workloadView, m_poolView, m_curvesView})
            styleChart(view->chart());
        refresh();
    }
    QWidget::changeEvent(event);
}

void CostsView::refresh()
{
    const PlanOutlook &outlook = m_evaluation->current();
    const Plan &plan = m_document->plan();
    m_costs = costBreakdown(plan, outlook);
    m_curves = operatingCurves(plan, *m_catalog, outlook);
    const QString noRoute = outlook.routing ? tr("No workload is routed yet: add pools that can serve the workloads")
                                            : tr("The plan could not be routed: %1").arg(outlook.routingError);
    drawCosts(m_workloadView->chart(), m_costs.byWorkload, tr("$ per million tokens, by workload"), noRoute);
    drawCosts(m_poolView->chart(), m_costs.byPool, tr("$ per million tokens, by pool"), noRoute);
    drawCurves();
}

void CostsView::drawCosts(QChart *chart, const QList<CostBar> &bars, const QString &title, const QString &emptyText)
{
    clearChart(chart);
    const bool any = std::any_of(bars.begin(), bars.end(), [](const CostBar &b) { return b.served; });
    // Network gear is not priced by the cost model; the subtitle says so rather than drawing a zero.
    chart->setTitle(any ? tr("%1<br><span style='font-size:small; font-weight:normal'>input + output tokens · "
                             "network not modelled</span>").arg(title)
                        : tr("%1<br><span style='font-size:small; font-weight:normal'>%2</span>").arg(title, emptyText));
    if (bars.isEmpty())
        return;

    auto *capex = new QBarSet(tr("Capex (amortised)"));
    auto *power = new QBarSet(tr("Power (at PUE)"));
    auto *cloud = new QBarSet(tr("Cloud rental"));
    capex->setColor(QColor(okabeIto::Blue));
    power->setColor(QColor(okabeIto::Orange));
    cloud->setColor(QColor(okabeIto::ReddishPurple));
    QStringList categories;
    double top = 0;
    for (const CostBar &b : bars) {
        capex->append(b.capex);
        power->append(b.power);
        cloud->append(b.cloud);
        categories << (b.served ? b.label : tr("%1 (idle)").arg(b.label));
        top = std::max(top, b.total());
    }
    auto *series = new QStackedBarSeries;
    series->append(capex);
    series->append(power);
    if (m_costs.anyCloud)
        series->append(cloud);
    else
        delete cloud;
    series->setBarWidth(0.6);
    series->setLabelsVisible(false);
    chart->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsFont(scaledAppFont(1.4));
    auto *y = new QValueAxis;
    y->setTitleText(tr("$ / million tokens"));
    y->setTitleFont(scaledAppFont(1.4));
    y->setLabelsFont(scaledAppFont(1.4));
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->applyNiceNumbers();
    // Enough decimals that neighbouring ticks differ (a few cents per million tokens is common).
    const double step = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    const int decimals = step > 0 ? std::clamp(int(std::ceil(-std::log10(step))), 0, 6) : 2;
    y->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void CostsView::drawCurves()
{
    QChart *chart = m_curvesView->chart();
    clearChart(chart);
    const QString title = tr("Operating curves: throughput per device against speed per user");
    if (m_curves.isEmpty()) {
        chart->setTitle(tr("%1<br><span style='font-size:small; font-weight:normal'>No pool can serve a workload yet: "
                           "add a pool whose devices hold a workload's model</span>").arg(title));
        return;
    }
    chart->setTitle(tr("%1<br><span style='font-size:small; font-weight:normal'>swept over concurrency for the "
                       "workload each pool carries most · dots: the plan's operating point at the SLOs</span>").arg(title));

    auto *x = new QLogValueAxis;
    auto *y = new QLogValueAxis;
    x->setTitleText(tr("output tokens/s per user (log)"));
    y->setTitleText(tr("output tokens/s per device (log)"));
    for (QLogValueAxis *axis : {x, y}) {
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setTitleFont(scaledAppFont(1.4));
        axis->setLabelsFont(scaledAppFont(1.4));
        axis->setMinorTickCount(8);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    const QList<QRgb> colours = {okabeIto::Blue, okabeIto::Vermillion, okabeIto::BluishGreen, okabeIto::ReddishPurple,
                                 okabeIto::Orange, okabeIto::SkyBlue, okabeIto::Black};
    double xlo = 1e300, xhi = 0, ylo = 1e300, yhi = 0;
    auto extend = [&](QPointF p) {
        xlo = std::min(xlo, p.x());
        xhi = std::max(xhi, p.x());
        ylo = std::min(ylo, p.y());
        yhi = std::max(yhi, p.y());
    };
    for (int i = 0; i < m_curves.size(); ++i) {
        const OperatingCurveData &c = m_curves[i];
        const QColor colour(colours[i % colours.size()]);
        auto *line = new QLineSeries;
        line->setName(c.label);
        line->append(c.points);
        QPen pen(colour);
        pen.setWidthF(3);
        line->setPen(pen);
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        for (const QPointF &p : c.points)
            extend(p);
        if (c.hasOperatingPoint) {
            auto *dot = new QScatterSeries;
            dot->setName(tr("%1 at %2 concurrent").arg(c.label).arg(c.operatingConcurrency));
            dot->append(c.operatingPoint);
            dot->setMarkerSize(20);
            dot->setColor(colour);
            dot->setBorderColor(Qt::black);
            chart->addSeries(dot);
            dot->attachAxis(x);
            dot->attachAxis(y);
            extend(c.operatingPoint);
            // One legend entry per pool: the line names it, the dot shares its colour.
            for (QLegendMarker *m : chart->legend()->markers(dot))
                m->setVisible(false);
        }
    }
    fitLogAxis(x, xlo, xhi);
    fitLogAxis(y, ylo, yhi);
}

} // namespace tokenroute::ui
