#include "ui/charts/planchartview.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
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

// Okabe-Ito order, black last: neighbouring series stay apart for colour-blind readers.
const QList<QRgb> kColours = {okabeIto::Blue,   okabeIto::Vermillion, okabeIto::BluishGreen, okabeIto::ReddishPurple,
                              okabeIto::Orange, okabeIto::SkyBlue,    okabeIto::Black};

QAbstractAxis *makeAxis(bool log, const QString &title, double lo, double hi, double textScale)
{
    QAbstractAxis *axis = nullptr;
    if (log) {
        auto *a = new QLogValueAxis;
        // Bounds on powers of the base around the data label cleanly; past four decades a tick per
        // decade crowds a small chart, so the ticks go every two or three (1e-06, 0.001, 1, 1000).
        const double decades = std::log10(hi / lo);
        const double base = decades > 8 ? 1000.0 : decades > 4 ? 100.0 : 10.0;
        a->setBase(base);
        a->setLabelFormat(QStringLiteral("%g"));
        a->setMinorTickCount(base > 10 ? 2 : 8);
        const auto power = [base](double e) { return std::pow(base, e); };
        a->setRange(power(std::floor(std::log(lo) / std::log(base) + 1e-9)), power(std::ceil(std::log(hi) / std::log(base) - 1e-9)));
        axis = a;
    } else {
        auto *a = new QValueAxis;
        a->setRange(lo, hi > lo ? hi : lo + 1);
        a->applyNiceNumbers();
        a->setLabelFormat(QStringLiteral("%g"));
        axis = a;
    }
    axis->setTitleText(title);
    axis->setTitleFont(scaledAppFont(1.1 * textScale));
    axis->setLabelsFont(scaledAppFont(1.0 * textScale));
    return axis;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString subtitled(const QString &title, const QString &sub)
{
    // A note's line breaks are kept: a second line says what did not fit the first.
    return sub.isEmpty() ? title
                         : QStringLiteral("%1<br><span style='font-size:small; font-weight:normal'>%2</span>")
                               .arg(title.toHtmlEscaped(), sub.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

void drawBars(QChart *chart, const PlanChart &data, double textScale)
{
    auto *series = new QBarSeries;
    double top = 0;
    for (int i = 0; i < data.series.size(); ++i) {
        const ChartSeries &s = data.series[i];
        auto *set = new QBarSet(s.name);
        set->setColor(QColor(kColours[i % kColours.size()]));
        for (const QPointF &p : s.points) {
            set->append(p.y());
            top = std::max(top, p.y());
        }
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    // Labels that all start alike ("Row A / Rack 1", "Row A / Rack 2") lose the shared part to the
    // axis title, so each fits under its bars.
    QStringList labels = data.categories;
    QString shared;
    const qsizetype cut = labels.first().lastIndexOf(QStringLiteral(" / "));
    if (labels.size() > 1 && cut > 0) {
        const QString prefix = labels.first().left(cut + 3);
        if (std::all_of(labels.begin(), labels.end(), [&](const QString &l) { return l.startsWith(prefix) && l.size() > prefix.size(); })) {
            shared = prefix.left(cut);
            for (QString &l : labels)
                l = l.mid(prefix.size());
        }
    }
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    if (!shared.isEmpty()) {
        x->setTitleText(QStringLiteral("%1 · %2").arg(data.xTitle, shared));
        x->setTitleFont(scaledAppFont(1.0 * textScale));
    }
    x->setLabelsFont(scaledAppFont(0.85 * textScale));
    QAbstractAxis *y = makeAxis(false, data.yTitle, 0, top > 0 ? top * 1.1 : 1, textScale);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void drawXy(QChart *chart, const PlanChart &data, double textScale)
{
    double xlo = 1e300, xhi = -1e300, ylo = 1e300, yhi = -1e300;
    for (const ChartSeries &s : data.series)
        for (const QPointF &p : s.points) {
            if ((data.logX && p.x() <= 0) || (data.logY && p.y() <= 0))
                continue;
            xlo = std::min(xlo, p.x());
            xhi = std::max(xhi, p.x());
            ylo = std::min(ylo, p.y());
            yhi = std::max(yhi, p.y());
        }
    if (xlo > xhi)
        return;
    // Fractions (CDFs, hit ratios) read best on their whole 0-1 range.
    const bool fraction = !data.logY && ylo >= 0 && yhi <= 1;
    QAbstractAxis *x = makeAxis(data.logX, data.xTitle, xlo, xhi, textScale);
    QAbstractAxis *y = makeAxis(data.logY, data.yTitle, fraction ? 0 : (data.logY ? ylo : std::min(0.0, ylo)),
                                fraction ? 1 : yhi * (data.logY ? 1 : 1.05), textScale);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int i = 0; i < data.series.size(); ++i) {
        const ChartSeries &s = data.series[i];
        const QColor colour(kColours[i % kColours.size()]);
        QXYSeries *series = nullptr;
        if (s.kind == ChartSeriesKind::Scatter) {
            auto *scatter = new QScatterSeries;
            scatter->setMarkerSize(12 * textScale);
            scatter->setColor(colour);
            scatter->setBorderColor(Qt::black);
            series = scatter;
        } else {
            auto *line = new QLineSeries;
            QPen pen(colour);
            pen.setWidthF(2.5);
            // A threshold drawn as a line (an SLO) is dashed so it is not read as data.
            const bool threshold = s.points.size() == 2 && s.points[0].x() == s.points[1].x();
            if (threshold)
                pen.setStyle(Qt::DashLine);
            line->setPen(pen);
            // A few points joined by straight lines (catalogue tiers, percentiles) show where the
            // figures are; a sampled curve needs no dots.
            line->setPointsVisible(!threshold && s.points.size() <= 12);
            series = line;
        }
        series->setName(s.name);
        for (const QPointF &p : s.points)
            if (!(data.logX && p.x() <= 0) && !(data.logY && p.y() <= 0))
                series->append(p);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

} // namespace

void drawPlanChart(QChart *chart, const PlanChart &data, double textScale)
{
    clearChart(chart);
    chart->setTitleFont(scaledAppFont(1.25 * textScale, true));
    chart->legend()->setFont(scaledAppFont(0.85 * textScale));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    if (data.isEmpty()) {
        chart->setTitle(subtitled(data.title, data.emptyText));
        chart->legend()->hide();
        return;
    }
    chart->setTitle(subtitled(data.title, data.note));
    chart->legend()->show();
    // Past four entries a legend under a small chart cuts its names; beside it, each gets a line.
    if (data.series.size() > 4)
        chart->legend()->setAlignment(Qt::AlignRight);
    if (!data.categories.isEmpty())
        drawBars(chart, data, textScale);
    else
        drawXy(chart, data, textScale);
}

ChartsView::ChartsView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_catalog(catalog),
      m_evaluation(evaluation ? evaluation : new LiveEvaluation(document, catalog, this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("chartsView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->addWidget(buildRunPickers());
    auto *grid = new QGridLayout;
    // Three columns by two rows: at 1280x720 each chart keeps about 420x300 pixels.
    constexpr int kCharts = 6, kColumns = 3;
    for (int i = 0; i < kCharts; ++i) {
        auto *view = new QChartView(new QChart, this);
        view->setRenderHint(QPainter::Antialiasing);
        m_views.append(view);
        grid->addWidget(framed(view, i), i / kColumns, i % kColumns);
    }
    outer->addLayout(grid, 1);
    m_status->setWordWrap(true);
    outer->addWidget(m_status);
    // The cache sweep replays each workload's traffic (tens of milliseconds on the demo): a hidden
    // page waits for showEvent instead of recomputing on every edit.
    const auto refreshIfShown = [this] {
        if (isVisible())
            refresh();
    };
    connect(m_evaluation, &LiveEvaluation::updated, this, refreshIfShown);
    connect(m_document, &PlanDocument::filePathChanged, this, [this, refreshIfShown] {
        m_simulationRunId = m_benchmarkRunId = 0;   // run ids belong to the file they came from
        refreshIfShown();
    });
    refresh();
}

QWidget *ChartsView::buildRunPickers()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const auto picker = [&](const QString &label, const QString &tip, long long &chosenId) {
        auto *text = new QLabel(label, bar);
        auto *box = new QComboBox(bar);
        box->setToolTip(tip);
        // A run's label can be long (a trace's path): the box keeps a steady width, the list shows all.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(32);
        text->setBuddy(box);
        row->addWidget(text);
        row->addWidget(box);
        connect(box, &QComboBox::activated, this, [this, box, &chosenId](int index) {
            chosenId = box->itemData(index).toLongLong();
            refresh();
        });
        return box;
    };
    m_simulationRuns = picker(tr("&Simulation run:"), tr("The stored simulation run the latency CDFs are drawn from"),
                              m_simulationRunId);
    row->addSpacing(16);
    m_benchmarkRuns = picker(tr("&Benchmark run:"), tr("The stored benchmark run the roofline and memory charts are drawn from"),
                             m_benchmarkRunId);
    row->addStretch(1);
    return bar;
}

std::optional<StoredResult> ChartsView::chooseRun(QComboBox *box, long long &chosenId, const std::vector<StoredResult> &runs)
{
    const QSignalBlocker quiet(box);
    box->clear();
    box->addItem(runs.empty() ? tr("none stored") : tr("Newest"), 0LL);
    std::optional<StoredResult> chosen;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        // "2026-11-30T13:05:00Z" reads as "2026-11-30 13:05".
        const QString when = QString::fromStdString(it->createdAt).left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
        box->addItem(tr("#%1 · %2 · %3").arg(it->id).arg(QString::fromStdString(it->label), when), it->id);
        if (it->id == chosenId)
            chosen = *it;
    }
    if (!chosen) {
        chosenId = 0;   // gone from the file (or never chosen): the newest
        if (!runs.empty())
            chosen = runs.back();
    }
    box->setCurrentIndex(std::max(0, box->findData(chosenId)));
    box->setEnabled(!runs.empty());
    return chosen;
}

QWidget *ChartsView::framed(QChartView *view, int index)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The page's charts are recomputed on each refresh: the name is the chart's id at the click.
    const auto baseName = [this, index] { return index < m_charts.size() ? m_charts[index].id : QStringLiteral("chart"); };
    return chartWithExportButton(view, baseName, QString(), this);
}

void ChartsView::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) && isVisible())
        refresh();
    QWidget::changeEvent(event);
}

void ChartsView::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void ChartsView::refresh()
{
    const PlanOutlook &outlook = m_evaluation->current();
    const QString path = !m_document->filePath().isEmpty() ? m_document->filePath() : m_document->sourcePath();
    const auto simulation = chooseRun(m_simulationRuns, m_simulationRunId, storedResults(path, "simulation"));
    const auto benchmark = chooseRun(m_benchmarkRuns, m_benchmarkRunId, storedResults(path, "benchmark"));
    m_charts = planCharts(m_document->plan(), *m_catalog, outlook.evaluation, simulation, benchmark);
    for (int i = 0; i < m_views.size() && i < m_charts.size(); ++i) {
        drawPlanChart(m_views[i]->chart(), m_charts[i]);
        m_views[i]->setObjectName(m_charts[i].id + QStringLiteral("-chart"));
    }
    // Charts drawn from a stored run keep their series in the plan file beside the run. Only the
    // saved native file is written to, and only results are appended: the plan itself is untouched.
    QString status;
    if (!m_document->filePath().isEmpty()) {
        try {
            const int stored = storeChartSeries(m_document->filePath(), m_charts);
            if (stored > 0)
                status = tr("Stored %n chart series with their runs in the plan file.", "", stored);
        } catch (const std::exception &e) {
            status = tr("Could not store the chart series: %1").arg(QString::fromUtf8(e.what()));
        }
    } else {
        status = tr("Save the plan (.trplan) to keep simulation and benchmark runs and their chart series with it.");
    }
    m_status->setText(status);
}

} // namespace tokenroute::ui
