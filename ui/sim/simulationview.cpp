#include "ui/sim/simulationview.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QLogValueAxis>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "core/plan/planio.h"
#include "ui/errortext.h"
#include "ui/format.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

// What the worker thread and the view share: the cancel flag and progress go one way each, the
// outcome is read only after the future has finished.
struct SimulationView::Job {
    Plan plan;
    SimulationRequest request;
    std::atomic<bool> cancel{false};
    std::atomic<long long> arrived{0};
    SimulationOutcome outcome;
    QString error;
};

namespace {

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    return t;
}

double num(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
}

} // namespace

SimulationView::SimulationView(PlanDocument *document, const Catalog *catalog, QWidget *parent)
    : QWidget(parent), m_document(document), m_catalog(catalog)
{
    setObjectName(QStringLiteral("simulationView"));
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 1000});
    layout->addWidget(splitter);

    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &SimulationView::onFinished);
    connect(m_document, &PlanDocument::changed, this, [this] { refreshPlan(); });
    connect(m_document, &PlanDocument::filePathChanged, this, [this] { refreshPlan(); });
    refreshPlan();
    showRun({});
}

SimulationView::~SimulationView()
{
    if (m_job)
        m_job->cancel = true;
    m_watcher.waitForFinished();
}

QWidget *SimulationView::buildControls()
{
    auto *panel = new QWidget(this);
    auto *v = new QVBoxLayout(panel);

    auto *sourceBox = new QGroupBox(tr("Traffic"), panel);
    auto *form = new QFormLayout(sourceBox);
    m_workload = new QComboBox(sourceBox);
    m_workload->setObjectName(QStringLiteral("simWorkload"));
    form->addRow(tr("Workload"), m_workload);

    m_useGenerator = new QRadioButton(tr("Generate the workload's traffic"), sourceBox);
    m_useTrace = new QRadioButton(tr("Replay a trace file"), sourceBox);
    m_useGenerator->setChecked(true);
    auto *group = new QButtonGroup(sourceBox);
    group->addButton(m_useGenerator);
    group->addButton(m_useTrace);
    form->addRow(m_useGenerator);
    form->addRow(m_useTrace);

    auto *traceRow = new QWidget(sourceBox);
    auto *th = new QHBoxLayout(traceRow);
    th->setContentsMargins(0, 0, 0, 0);
    m_tracePath = new QLineEdit(traceRow);
    m_tracePath->setPlaceholderText(tr("trace.jsonl or .csv"));
    m_browse = new QPushButton(tr("Browse…"), traceRow);
    th->addWidget(m_tracePath, 1);
    th->addWidget(m_browse);
    form->addRow(tr("Trace"), traceRow);
    m_format = new QComboBox(sourceBox);
    m_format->addItem(tr("Detect from the file"), QString());
    m_format->addItem(QStringLiteral("Mooncake (jsonl)"), QStringLiteral("mooncake"));
    m_format->addItem(QStringLiteral("Azure LLM inference (csv)"), QStringLiteral("azure"));
    m_format->addItem(QStringLiteral("BurstGPT (csv)"), QStringLiteral("burstgpt"));
    form->addRow(tr("Format"), m_format);

    m_requests = new QSpinBox(sourceBox);
    m_requests->setRange(0, 100000000);
    m_requests->setGroupSeparatorShown(true);
    m_requests->setValue(2000);
    m_requests->setToolTip(tr("Generated requests; for a trace, stop after this many (0 = the whole trace)"));
    form->addRow(tr("Requests"), m_requests);
    m_seed = new QSpinBox(sourceBox);
    m_seed->setRange(0, 1000000000);
    m_seed->setValue(1);
    form->addRow(tr("Seed"), m_seed);
    v->addWidget(sourceBox);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Run"), panel);
    m_run->setObjectName(QStringLiteral("simRun"));
    m_cancel = new QPushButton(tr("Cancel"), panel);
    m_save = new QPushButton(tr("Save run to plan"), panel);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    v->addLayout(buttons);
    m_progress = new QProgressBar(panel);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    v->addWidget(m_progress);
    m_status = new QLabel(panel);
    m_status->setWordWrap(true);
    v->addWidget(m_status);

    auto *runsBox = new QGroupBox(tr("Runs stored in the plan"), panel);
    auto *rv = new QVBoxLayout(runsBox);
    m_runs = new QListWidget(runsBox);
    rv->addWidget(m_runs);
    v->addWidget(runsBox, 1);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a request trace"), QString(),
                                                          tr("Traces (*.jsonl *.csv);;All files (*)"));
        if (!path.isEmpty()) {
            m_tracePath->setText(path);
            m_useTrace->setChecked(true);
        }
    });
    connect(m_tracePath, &QLineEdit::textEdited, this, [this] { m_useTrace->setChecked(true); });
    connect(m_useTrace, &QRadioButton::toggled, this, [this] { updateEnabled(); });
    connect(m_run, &QPushButton::clicked, this, &SimulationView::run);
    connect(m_cancel, &QPushButton::clicked, this, &SimulationView::cancel);
    connect(m_save, &QPushButton::clicked, this, &SimulationView::saveToPlan);
    connect(m_runs, &QListWidget::currentRowChanged, this, &SimulationView::showStoredRun);
    return panel;
}

QWidget *SimulationView::buildResults()
{
    auto *panel = new QWidget(this);
    auto *v = new QVBoxLayout(panel);
    m_summary = new QLabel(panel);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    v->addWidget(m_summary);

    auto *tables = new QHBoxLayout;
    m_latency = makeTable({tr("Latency"), QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99")}, panel);
    m_cache = makeTable({tr("Pool"), tr("Cache tier"), tr("Capacity (blocks)"), tr("Hit ratio")}, panel);
    tables->addWidget(m_latency, 2);
    tables->addWidget(m_cache, 3);
    m_latency->setMaximumHeight(180);
    m_cache->setMaximumHeight(180);
    v->addLayout(tables, 0);

    auto *chart = new QChart;
    chart->setTitle(tr("Time to first token, cumulative distribution"));
    chart->legend()->hide();
    m_cdf = new QChartView(chart, panel);
    m_cdf->setRenderHint(QPainter::Antialiasing);
    m_cdf->setMinimumHeight(260);
    v->addWidget(m_cdf, 5);
    return panel;
}

bool SimulationView::isRunning() const
{
    return m_watcher.isRunning();
}

void SimulationView::updateEnabled()
{
    const bool running = isRunning();
    const bool trace = m_useTrace->isChecked();
    m_run->setEnabled(!running && m_workload->count() > 0);
    m_cancel->setEnabled(running);
    m_tracePath->setEnabled(!running && trace);
    m_browse->setEnabled(!running && trace);
    m_format->setEnabled(!running && trace);
    m_useGenerator->setEnabled(!running);
    m_useTrace->setEnabled(!running);
    m_workload->setEnabled(!running);
    m_requests->setEnabled(!running);
    m_seed->setEnabled(!running && !trace);
    const bool sqlite = isSqliteFile(m_document->filePath().toStdString());
    m_save->setEnabled(!running && m_shownIsFresh && !m_shown.is_null() && !m_shown.value("cancelled", false)
                       && sqlite);
    m_save->setToolTip(sqlite ? QString() : tr("Runs are stored in .trplan files: save the plan as one first"));
}

void SimulationView::refreshPlan()
{
    const QString current = m_workload->currentData().toString();
    m_workload->clear();
    for (const Workload &w : m_document->plan().workloads)
        m_workload->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(w.name), QString::fromStdString(w.modelId)),
                            QString::number(w.id));
    const int keep = m_workload->findData(current);
    if (keep >= 0)
        m_workload->setCurrentIndex(keep);

    m_runs->blockSignals(true);
    m_runs->clear();
    m_stored.clear();
    const std::string path = m_document->filePath().toStdString();
    if (!path.empty() && isSqliteFile(path)) {
        try {
            for (const StoredResult &r : listResults(path, "simulation")) {
                m_stored.push_back(nlohmann::json::parse(r.json, nullptr, false));
                m_runs->addItem(QStringLiteral("%1  %2").arg(QString::fromStdString(r.createdAt),
                                                             QString::fromStdString(r.label)));
            }
        } catch (const std::exception &e) {
            m_status->setText(tr("Stored runs could not be read: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    if (m_runs->count() == 0)
        m_runs->addItem(m_document->filePath().endsWith(QStringLiteral(".trplan"))
                            ? tr("No stored runs yet: run one and save it to the plan.")
                            : tr("Runs are stored in .trplan plan files."));
    m_runs->blockSignals(false);
    updateEnabled();
}

void SimulationView::run()
{
    if (isRunning() || m_workload->count() == 0)
        return;
    m_job = std::make_shared<Job>();
    m_job->plan = m_document->plan();
    m_job->request.workload = m_workload->currentData().toString().toStdString();
    if (m_useTrace->isChecked()) {
        m_job->request.tracePath = m_tracePath->text().trimmed().toStdString();
        m_job->request.traceFormat = m_format->currentData().toString().toStdString();
        if (m_job->request.tracePath.empty()) {
            m_status->setText(tr("Choose a trace file first."));
            return;
        }
    }
    m_job->request.requests = m_requests->value();
    m_job->request.seed = static_cast<std::uint64_t>(m_seed->value());
    const bool counted = m_job->request.requests > 0;
    m_progress->setRange(0, counted ? 1000 : 0);
    m_progress->setValue(0);
    m_status->setText(tr("Simulating…"));

    std::shared_ptr<Job> job = m_job;
    const Catalog *catalog = m_catalog;
    m_watcher.setFuture(QtConcurrent::run([job, catalog] {
        try {
            job->outcome = runPlanSimulation(job->plan, *catalog, job->request, [job](long long arrived, double) {
                job->arrived = arrived;
                return !job->cancel.load();
            });
        } catch (const std::exception &e) {
            job->error = QString::fromUtf8(e.what());
        }
    }));
    auto *timer = new QTimer(this);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [this, timer, job, counted] {
        if (job != m_job || !isRunning()) {
            timer->deleteLater();
            return;
        }
        if (counted)
            m_progress->setValue(static_cast<int>(std::min<long long>(
                1000, job->arrived.load() * 1000 / std::max<long long>(1, job->request.requests))));
        m_status->setText(tr("Simulating… %1 requests arrived").arg(formatCount(static_cast<double>(job->arrived.load()))));
    });
    timer->start();
    updateEnabled();
}

void SimulationView::cancel()
{
    if (m_job && isRunning()) {
        m_job->cancel = true;
        m_status->setText(tr("Cancelling…"));
    }
}

void SimulationView::onFinished()
{
    if (!m_job)
        return;
    m_progress->setRange(0, 1000);
    if (!m_job->error.isEmpty()) {
        m_progress->setValue(0);
        m_status->setText(tr("The simulation could not run: %1").arg(m_job->error));
    } else if (m_job->outcome.result.cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled after %1 requests; nothing was stored.")
                              .arg(formatCount(static_cast<double>(m_job->outcome.result.arrived))));
    } else {
        m_progress->setValue(1000);
        m_status->setText(tr("Finished: %1 requests in %2 s.")
                              .arg(formatCount(static_cast<double>(m_job->outcome.result.arrived)),
                                   formatNumber(m_job->outcome.result.wallSeconds, 2)));
        m_shownIsFresh = true;
        m_runs->setCurrentRow(-1);
        showRun(m_job->outcome.document);
    }
    updateEnabled();
    emit runFinished();
}

void SimulationView::saveToPlan()
{
    if (!m_shownIsFresh || m_shown.is_null())
        return;
    const std::string path = m_document->filePath().toStdString();
    try {
        appendResult(path, "simulation", simulationLabel(m_shown), m_shown.dump());
        m_shownIsFresh = false;
        refreshPlan();
        m_status->setText(tr("Run saved to %1.").arg(displayPath(m_document->filePath())));
    } catch (const std::exception &e) {
        m_status->setText(tr("The run could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
    updateEnabled();
}

void SimulationView::showStoredRun(int row)
{
    if (row < 0 || row >= static_cast<int>(m_stored.size()) || m_stored[static_cast<std::size_t>(row)].is_discarded())
        return;
    m_shownIsFresh = false;
    showRun(m_stored[static_cast<std::size_t>(row)]);
    updateEnabled();
}

void SimulationView::showRun(const nlohmann::json &doc)
{
    m_shown = doc;
    m_latency->setRowCount(0);
    m_cache->setRowCount(0);
    QChart *chart = m_cdf->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    if (doc.is_null() || !doc.is_object()) {
        m_summary->setText(tr("Run a simulation to see its latency percentiles, goodput and cache hits. "
                              "The same run from the command line: <code>tokenroute-cli simulate PLAN "
                              "--generate workload,requests=2000</code>"));
        return;
    }

    const double slTtft = doc.contains("slo") ? num(doc["slo"], "ttft_ms") : 0;
    const double slTpot = doc.contains("slo") ? num(doc["slo"], "tpot_ms") : 0;
    m_summary->setText(
        tr("<b>%1</b> (%2): <b>%3</b> requests completed, %4 rejected, over %5 s simulated.<br>"
           "Goodput <b>%6 req/s</b> of %7 req/s meeting TTFT ≤ %8 ms and TPOT ≤ %9 ms · "
           "prefix hit ratio <b>%10 %</b> of prompt tokens · block hit ratio %11 %")
            .arg(QString::fromStdString(doc.value("workload", std::string())),
                 QString::fromStdString(doc.value("model", std::string())),
                 QLocale().toString(static_cast<qlonglong>(num(doc, "requests"))),
                 QLocale().toString(static_cast<qlonglong>(num(doc, "rejected"))),
                 formatNumber(num(doc, "sim_seconds"), 1), formatNumber(num(doc, "goodput_rps"), 2),
                 formatNumber(num(doc, "throughput_rps"), 2), formatNumber(slTtft, 0), formatNumber(slTpot, 0))
            .arg(formatNumber(num(doc, "prefix_hit_ratio") * 100, 1), formatNumber(num(doc, "block_hit_ratio") * 100, 1)));

    const struct {
        const char *key;
        QString name;
    } rows[] = {{"ttft_ms", tr("TTFT (ms)")}, {"tpot_ms", tr("TPOT (ms)")}, {"e2e_ms", tr("End to end (ms)")}};
    for (const auto &row : rows) {
        if (!doc.contains(row.key))
            continue;
        const nlohmann::json &p = doc[row.key];
        const int r = m_latency->rowCount();
        m_latency->insertRow(r);
        m_latency->setItem(r, 0, cell(row.name, false));
        m_latency->setItem(r, 1, cell(formatNumber(num(p, "p50"), 1)));
        m_latency->setItem(r, 2, cell(formatNumber(num(p, "p90"), 1)));
        m_latency->setItem(r, 3, cell(formatNumber(num(p, "p99"), 1)));
    }
    for (const nlohmann::json &t : doc.value("cache", nlohmann::json::array())) {
        const int r = m_cache->rowCount();
        m_cache->insertRow(r);
        m_cache->setItem(r, 0, cell(QString::fromStdString(t.value("pool", std::string())), false));
        m_cache->setItem(r, 1, cell(QString::fromStdString(t.value("tier", std::string())), false));
        m_cache->setItem(r, 2, cell(formatCount(num(t, "capacity_blocks"))));
        m_cache->setItem(r, 3, cell(formatNumber(num(t, "hit_ratio") * 100, 1) + QStringLiteral(" %")));
    }

    const nlohmann::json cdf = doc.value("ttft_cdf_ms", nlohmann::json::array());
    if (cdf.empty())
        return;
    auto *series = new QLineSeries(chart);
    series->setName(tr("TTFT"));
    double lo = 0, hi = 0;
    for (const nlohmann::json &pt : cdf) {
        const double ms = pt[0].get<double>();
        series->append(ms, pt[1].get<double>() * 100);
        lo = lo == 0 ? ms : std::min(lo, ms);
        hi = std::max(hi, ms);
    }
    QPen pen = series->pen();
    pen.setWidthF(2.5);
    series->setPen(pen);
    chart->addSeries(series);
    auto *x = new QLogValueAxis(chart);
    x->setTitleText(tr("Time to first token (ms, log scale)"));
    x->setLabelFormat(QStringLiteral("%g"));
    x->setBase(10);
    x->setMinorTickCount(8);
    x->setRange(std::max(1e-3, lo * 0.8), std::max(lo * 1.25, hi * 1.25));
    auto *y = new QValueAxis(chart);
    y->setTitleText(tr("Requests (%)"));
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    if (slTtft > 0 && slTtft < hi * 1.25 && slTtft > lo * 0.8) {
        auto *slo = new QLineSeries(chart);
        slo->setName(tr("TTFT target"));
        slo->append(slTtft, 0);
        slo->append(slTtft, 100);
        QPen dashed(QColor(200, 60, 60));
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(1.5);
        slo->setPen(dashed);
        chart->addSeries(slo);
        slo->attachAxis(x);
        slo->attachAxis(y);
    }
}

} // namespace tokenroute::ui
