#include "ui/bench/benchpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <nlohmann/json.hpp>

#include "core/plan/planio.h"
#include "kernels/benchjson.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

// Thrown from the progress callback to leave runBenchmarks between cases. It is deliberately not
// a std::exception, so the runner's per-case guard does not turn it into a failed result.
struct RunCancelled {};

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString figure(const nlohmann::json &j, const char *key, double scale, int decimals)
{
    if (!j.contains(key) || !j[key].is_number())
        return QStringLiteral("—");
    const double v = j[key].get<double>() * scale;
    return v > 0 ? QString::number(v, 'f', decimals) : QStringLiteral("—");
}

QString text(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
}

} // namespace

BenchPanel::BenchPanel(PlanDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_runner(kernels::runBenchmarks)
{
    setObjectName(QStringLiteral("benchPanel"));
    auto *kernelsBox = new QGroupBox(tr("Kernels"), this);
    auto *kernelsRow = new QHBoxLayout(kernelsBox);
    m_prefill = new QCheckBox(tr("Prefill (GEMM)"), kernelsBox);
    m_decode = new QCheckBox(tr("Decode (GEMV)"), kernelsBox);
    m_attention = new QCheckBox(tr("Attention"), kernelsBox);
    m_memory = new QCheckBox(tr("Memory"), kernelsBox);
    for (QCheckBox *box : {m_prefill, m_decode, m_attention, m_memory}) {
        box->setChecked(true);
        kernelsRow->addWidget(box);
    }
    m_device = new QComboBox(this);
    m_device->addItem(tr("Auto"), int(kernels::BenchDevice::Auto));
    m_device->addItem(tr("CPU"), int(kernels::BenchDevice::Cpu));
    m_device->addItem(tr("CUDA"), int(kernels::BenchDevice::Cuda));
    m_quick = new QCheckBox(tr("Quick"), this);
    m_quick->setChecked(true);
    m_quick->setToolTip(tr("Smaller shapes and fewer repeats: seconds instead of minutes"));
    m_runButton = new QPushButton(tr("Run"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_saveButton = new QPushButton(tr("Save to plan"), this);
    m_calibrateButton = new QPushButton(tr("Use as calibration"), this);
    m_calibrateButton->setToolTip(tr("Store this run with the plan as its latest benchmark: "
                                     "'tokenroute-cli estimate --calibration PLAN' uses its efficiency factors"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(kernelsBox);
    controls->addWidget(new QLabel(tr("Device"), this));
    controls->addWidget(m_device);
    controls->addWidget(m_quick);
    controls->addStretch();
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(tr("Not run yet."), this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_results = new QTableWidget(0, 8, this);
    m_results->setHorizontalHeaderLabels({tr("Kernel"), tr("Shape"), tr("Precision"), tr("Median ms"), tr("GFLOP/s"),
                                          tr("GB/s"), tr("Ratio to reference"), tr("Correct")});
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_results->verticalHeader()->hide();
    m_results->setAlternatingRowColors(true);

    m_history = new QTableWidget(0, 3, this);
    m_history->setHorizontalHeaderLabels({tr("Stored"), tr("Label"), tr("Failed")});
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *historyBox = new QGroupBox(tr("History in this plan"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_results);
    split->addWidget(historyBox);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_saveButton);
    actions->addWidget(m_calibrateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    layout->addLayout(actions);

    connect(m_runButton, &QPushButton::clicked, this, &BenchPanel::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &BenchPanel::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, &BenchPanel::saveToPlan);
    connect(m_calibrateButton, &QPushButton::clicked, this, &BenchPanel::useAsCalibration);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &BenchPanel::onFinished);
    connect(m_history, &QTableWidget::cellClicked, this, [this](int row, int) { showStored(row); });
    connect(this, &BenchPanel::progressLine, m_status, &QLabel::setText);
    if (m_document)
        connect(m_document, &PlanDocument::filePathChanged, this, &BenchPanel::reloadHistory);
    reloadHistory();
    updateButtons();
}

BenchPanel::~BenchPanel()
{
    // The worker must not outlive the widget it reports to.
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished();
}

kernels::BenchOptions BenchPanel::options() const
{
    kernels::BenchOptions o;
    o.prefill = m_prefill->isChecked();
    o.decode = m_decode->isChecked();
    o.attention = m_attention->isChecked();
    o.memory = m_memory->isChecked();
    o.device = static_cast<kernels::BenchDevice>(m_device->currentData().toInt());
    o.quick = m_quick->isChecked();
    return o;
}

bool BenchPanel::isRunning() const
{
    return m_watcher.isRunning();
}

void BenchPanel::run()
{
    if (isRunning())
        return;
    kernels::BenchOptions o = options();
    if (!o.prefill && !o.decode && !o.attention && !o.memory) {
        m_status->setText(tr("Choose at least one kernel."));
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    QPointer<BenchPanel> self(this);
    o.progress = [cancelFlag, self](const std::string &line) {
        if (*cancelFlag)
            throw RunCancelled{};
        const QString text = QString::fromStdString(line);
        QMetaObject::invokeMethod(self, [self, text] {
            if (self)
                emit self->progressLine(text);
        }, Qt::QueuedConnection);
    };
    m_progress->setRange(0, 0);   // the runner does not say how many cases come: a busy bar
    m_status->setText(tr("Running…"));
    Runner runner = m_runner;
    m_watcher.setFuture(QtConcurrent::run([runner, o, cancelFlag]() -> std::optional<kernels::BenchReport> {
        try {
            kernels::BenchReport r = runner(o);
            if (*cancelFlag)
                return std::nullopt;
            return r;
        } catch (const RunCancelled &) {
            return std::nullopt;
        }
    }));
    updateButtons();
}

void BenchPanel::cancel()
{
    if (!isRunning())
        return;
    *m_cancel = true;
    m_status->setText(tr("Cancelling after the current case…"));
    m_cancelButton->setEnabled(false);
}

void BenchPanel::onFinished()
{
    m_progress->setRange(0, 1);
    std::optional<kernels::BenchReport> r;
    QString error;
    try {
        r = m_watcher.result();
    } catch (const std::exception &e) {   // the request itself could not be met (no CUDA device)
        error = QString::fromUtf8(e.what());
    }
    const bool cancelled = !r && error.isEmpty();
    if (r) {
        m_progress->setValue(1);
        m_report = std::move(r);
        m_reportSaved = false;
        showReport(*m_report);
        m_status->setText(tr("%n result(s), %1 failed.", nullptr, int(m_report->results.size())).arg(m_report->failedCount()));
    } else {
        m_progress->setValue(0);
        m_status->setText(cancelled ? tr("Cancelled; nothing was stored.") : tr("Could not run: %1").arg(error));
    }
    updateButtons();
    emit finished(cancelled);
}

void BenchPanel::showReport(const kernels::BenchReport &report)
{
    m_results->setRowCount(0);
    for (const kernels::KernelResult &k : report.results) {
        const nlohmann::json j = kernels::toJson(k);
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        m_results->setItem(row, 0, cell(text(j, "kernel") + (k.variant.empty() ? QString() : QStringLiteral(" · ") + QString::fromStdString(k.variant))));
        m_results->setItem(row, 1, cell(text(j, "shape")));
        m_results->setItem(row, 2, cell(text(j, "precision")));
        m_results->setItem(row, 3, cell(figure(j, "median_ms", 1, 3), true));
        m_results->setItem(row, 4, cell(figure(j, "flops_per_s", 1e-9, 1), true));
        m_results->setItem(row, 5, cell(figure(j, "bytes_per_s", 1e-9, 1), true));
        m_results->setItem(row, 6, cell(k.ratioToReference ? QString::number(*k.ratioToReference, 'f', 2) + QStringLiteral(" × ") +
                                                                 QString::fromStdString(k.reference->name)
                                                           : QStringLiteral("—")));
        m_results->setItem(row, 7, cell(k.failed ? tr("failed: %1").arg(QString::fromStdString(k.error))
                                                 : (k.correct ? tr("yes") : tr("no"))));
    }
}

void BenchPanel::showStored(int row)
{
    if (!m_document || m_document->filePath().isEmpty())
        return;
    const auto stored = listResults(m_document->filePath().toStdString(), "benchmark");
    if (row < 0 || row >= int(stored.size()))
        return;
    const nlohmann::json doc = nlohmann::json::parse(stored[row].json, nullptr, false);
    if (!doc.is_object() || !doc.contains("results"))
        return;
    m_results->setRowCount(0);
    for (const nlohmann::json &j : doc["results"]) {
        const int r = m_results->rowCount();
        m_results->insertRow(r);
        m_results->setItem(r, 0, cell(text(j, "kernel") + (text(j, "variant").isEmpty() ? QString() : QStringLiteral(" · ") + text(j, "variant"))));
        m_results->setItem(r, 1, cell(text(j, "shape")));
        m_results->setItem(r, 2, cell(text(j, "precision")));
        m_results->setItem(r, 3, cell(figure(j, "median_ms", 1, 3), true));
        m_results->setItem(r, 4, cell(figure(j, "flops_per_s", 1e-9, 1), true));
        m_results->setItem(r, 5, cell(figure(j, "bytes_per_s", 1e-9, 1), true));
        m_results->setItem(r, 6, cell(figure(j, "ratio_to_reference", 1, 2), true));
        m_results->setItem(r, 7, cell(text(j, "status") == QStringLiteral("failed") ? tr("failed")
                                                                                  : (j.value("correct", false) ? tr("yes") : tr("no"))));
    }
    m_status->setText(tr("Showing the run stored %1.").arg(QString::fromStdString(stored[row].createdAt)));
}

bool BenchPanel::saveToPlan()
{
    if (!m_report)
        return false;
    const QString path = m_document ? m_document->filePath() : QString();
    if (path.isEmpty()) {
        m_status->setText(tr("Save the plan as a .trplan file first: results are stored inside it."));
        return false;
    }
    if (m_reportSaved)
        return true;
    try {
        const std::string label = (m_report->quick ? "quick run " : "run ") + m_report->startedAt;
        appendResult(path.toStdString(), "benchmark", label, kernels::toJson(*m_report).dump());
    } catch (const std::exception &e) {
        m_status->setText(tr("Could not store the run: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_reportSaved = true;
    m_status->setText(tr("Stored with %1.").arg(QFileInfo(path).fileName()));
    reloadHistory();
    updateButtons();
    return true;
}

void BenchPanel::useAsCalibration()
{
    if (!m_report || m_report->calibrations.empty()) {
        m_status->setText(tr("This run measured no calibration (run prefill or decode)."));
        return;
    }
    // The plan's calibration is its latest stored benchmark: store this run if it is not yet.
    if (!saveToPlan())
        return;
    const kernels::MeasuredEfficiency &e = m_report->calibrations.front();
    m_status->setText(tr("Calibration for %1: prefill η compute %2, decode η memory %3. "
                         "'estimate --calibration %4 --device %5' applies it.")
                          .arg(QString::fromStdString(e.deviceName))
                          .arg(e.prefillEtaCompute, 0, 'f', 2)
                          .arg(e.decodeEtaMemory, 0, 'f', 2)
                          .arg(QFileInfo(m_document->filePath()).fileName(), QString::fromStdString(e.deviceId)));
}

void BenchPanel::reloadHistory()
{
    m_history->setRowCount(0);
    const QString path = m_document ? m_document->filePath() : QString();
    if (path.isEmpty())
        return;
    std::vector<StoredResult> stored;
    try {
        stored = listResults(path.toStdString(), "benchmark");
    } catch (const std::exception &) {
        return;   // a plan without a results table has no history
    }
    for (const StoredResult &s : stored) {
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        const nlohmann::json doc = nlohmann::json::parse(s.json, nullptr, false);
        m_history->setItem(row, 0, cell(QString::fromStdString(s.createdAt)));
        m_history->setItem(row, 1, cell(QString::fromStdString(s.label)));
        m_history->setItem(row, 2, cell(doc.is_object() ? QString::number(doc.value("failed", 0)) : tr("unreadable"), true));
    }
}

void BenchPanel::updateButtons()
{
    const bool running = isRunning();
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_saveButton->setEnabled(!running && m_report && !m_reportSaved);
    m_calibrateButton->setEnabled(!running && m_report && !m_report->calibrations.empty());
}

} // namespace tokenroute::ui
