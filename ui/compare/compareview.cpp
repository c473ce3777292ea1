#include "ui/compare/compareview.h"

#include <exception>

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "ui/charts/tablecsv.h"
#include "ui/compare/comparisonmodel.h"
#include "ui/compare/planvariant.h"
#include "ui/errortext.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

const QString LastDirKey = QStringLiteral("files/lastDirectory");
// Edits arrive in bursts (typing a rate); the variant is re-sized once they settle.
constexpr int kRefreshDelayMs = 250;

QString acceleratorName(const Catalog &catalog, const QString &id)
{
    const Accelerator *a = catalog.accelerator(id.toStdString());
    return a ? QString::fromStdString(a->name) : id;
}

} // namespace

CompareView::CompareView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_catalog(catalog)
    , m_evaluation(evaluation)
    , m_mode(new QComboBox(this))
    , m_devices(new QComboBox(this))
    , m_choose(new QPushButton(tr("Choose Plan…"), this))
    , m_export(new QPushButton(themedIcon(QStringLiteral("export")), tr("Export CSV…"), this))
    , m_plans(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_note(new QLabel(this))
    , m_message(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_model(new ComparisonModel(this))
{
    setObjectName(QStringLiteral("compareView"));
    m_mode->setObjectName(QStringLiteral("compareAgainst"));
    m_mode->addItem(tr("All on one GPU pool"));
    m_mode->addItem(tr("Another plan file"));
    m_devices->setObjectName(QStringLiteral("compareDevice"));
    m_devices->setToolTip(tr("The GPU type of the single pool; its size comes from the sizing of the plan's workloads."));
    m_choose->setToolTip(tr("Pick the plan file (.trplan or JSON) to compare with"));
    m_export->setToolTip(tr("Write the comparison table as CSV"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Compare this plan with"), this));
    bar->addWidget(m_mode);
    bar->addWidget(m_devices);
    bar->addWidget(m_choose);
    bar->addStretch(1);
    bar->addWidget(m_export);

    m_plans->setObjectName(QStringLiteral("comparePlans"));
    m_plans->setTextFormat(Qt::PlainText);
    m_plans->setWordWrap(true);
    m_headline->setObjectName(QStringLiteral("compareHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont headline = m_headline->font();
    headline.setPointSizeF(headline.pointSizeF() * 1.15);
    headline.setBold(true);
    m_headline->setFont(headline);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Columns as wide as their contents, none stretched: the figure, its values and its change
    // stay together on a wide screen rather than far apart across it.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_plans);
    layout->addWidget(m_headline);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_note);

    rebuildDevices();
    m_choose->setVisible(false);

    connect(m_mode, &QComboBox::activated, this, [this](int index) {
        if (index == 0) {
            compareWithOnePool(m_devices->currentData().toString());
        } else if (m_planPath.isEmpty()) {
            chooseFile();
            if (m_planPath.isEmpty())
                m_mode->setCurrentIndex(0);
        } else {
            compareWithFile(m_planPath);
        }
    });
    connect(m_devices, &QComboBox::activated, this, [this] { compareWithOnePool(m_devices->currentData().toString()); });
    connect(m_choose, &QPushButton::clicked, this, &CompareView::chooseFile);
    connect(m_export, &QPushButton::clicked, this, &CompareView::exportWithDialog);
    connect(m_document, &PlanDocument::changed, this, [this](const PlanChange &change) {
        if (change.kind == PlanChange::Kind::Reset)
            rebuildDevices();
        scheduleRefresh();
    });
}

const std::vector<ComparisonRow> &CompareView::rows() const
{
    return m_model->comparison();
}

QString CompareView::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void CompareView::rebuildDevices()
{
    const QString chosen = m_device;
    m_devices->clear();
    m_devices->addItem(tr("Cheapest GPU (sizing)"), QString());
    for (const std::string &id : onePoolCandidates(m_document->plan(), *m_catalog))
        m_devices->addItem(acceleratorName(*m_catalog, QString::fromStdString(id)), QString::fromStdString(id));
    const int index = m_devices->findData(chosen);
    m_devices->setCurrentIndex(index >= 0 ? index : 0);
}

void CompareView::compareWithOnePool(const QString &deviceId)
{
    m_against = Against::OnePoolVariant;
    m_device = deviceId;
    m_mode->setCurrentIndex(0);
    const int index = m_devices->findData(deviceId);
    m_devices->setCurrentIndex(index >= 0 ? index : 0);
    m_devices->setVisible(true);
    m_choose->setVisible(false);
    refresh();
}

bool CompareView::compareWithFile(const QString &path)
{
    try {
        m_filePlan = loadPlan(path.toStdString());
    } catch (const std::exception &e) {
        m_filePlan.reset();
        m_planPath.clear();
        m_against = Against::PlanFile;
        m_mode->setCurrentIndex(1);
        showMessage(describeFailure(FileAction::Open, path, e));
        return false;
    }
    m_planPath = path;
    m_against = Against::PlanFile;
    m_mode->setCurrentIndex(1);
    m_mode->setItemText(1, tr("Plan file %1").arg(QFileInfo(path).fileName()));
    m_devices->setVisible(false);
    m_choose->setVisible(true);
    refresh();
    return true;
}

void CompareView::chooseFile()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With Plan"), settings.value(LastDirKey, QDir::homePath()).toString(),
                                                      tr("Plans (*.trplan *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(LastDirKey, QFileInfo(path).absolutePath());
    compareWithFile(path);
}

void CompareView::scheduleRefresh()
{
    m_dirty = true;
    if (isVisible())
        QTimer::singleShot(kRefreshDelayMs, this, [this] {
            if (m_dirty)
                refresh();
        });
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void CompareView::showMessage(const QString &text)
{
    m_model->setComparison(QString(), QString(), {});
    m_plans->clear();
    m_headline->clear();
    m_note->clear();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_export->setEnabled(false);
}

void CompareView::refresh()
{
    m_dirty = false;
    const Plan &plan = m_document->plan();
    if (m_against == Against::OnePoolVariant && plan.workloads.empty()) {
        showMessage(tr("This plan has no workloads yet. Add them in the Workloads tab to compare the plan with one GPU pool "
                       "serving them all, or compare with another plan file (File > Compare With…)."));
        return;
    }
    if (m_against == Against::PlanFile && !m_filePlan) {
        showMessage(tr("Choose a plan file to compare with (File > Compare With…)."));
        return;
    }
    const PlanOutlook &outlook = m_evaluation->current();
    m_a = planFigures(m_document->displayName(), plan, outlook.evaluation, outlook.routing ? &*outlook.routing : nullptr,
                      storedSimulations(m_document->filePath()));
    try {
        computeB();
    } catch (const std::exception &e) {
        showMessage(tr("Cannot build the plan to compare with: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_model->setComparison(m_a.label, m_b.label, comparePlans(m_a, m_b));
    m_stack->setCurrentWidget(m_table);
    m_export->setEnabled(true);
    updateHeadline();
}

void CompareView::computeB()
{
    Plan other;
    std::vector<std::pair<std::string, SimulatedLatency>> simulated;
    if (m_against == Against::OnePoolVariant) {
        const Plan &plan = m_document->plan();
        std::string device = m_device.toStdString();
        if (device.empty())
            device = cheapestOnePoolDevice(plan, *m_catalog);
        if (device.empty())
            throw std::runtime_error(tr("no GPU type in the catalogue can serve this plan's workloads as one pool.").toStdString());
        OnePoolVariant v = onePoolVariant(plan, *m_catalog, device);
        m_resolvedDevice = QString::fromStdString(device);
        const QString name = acceleratorName(*m_catalog, m_resolvedDevice);
        const ServerSpec *server = m_catalog->server(v.serverId);
        const int perServer = server ? server->acceleratorsPerNode : 0;
        const int sizedServers = v.servers - v.serversAddedForRouter;
        m_variantNote = tr("B serves A's workloads from one combined pool of %1 (prefill and decode on the same GPUs). The "
                           "sizing needs %2 GPUs, bought as %3 × %4 (%5 GPUs).")
                            .arg(name)
                            .arg(v.sizedDevices)
                            .arg(sizedServers)
                            .arg(server ? QString::fromStdString(server->name) : QString::fromStdString(v.serverId))
                            .arg(sizedServers * perServer);
        if (v.serversAddedForRouter > 0)
            m_variantNote += QLatin1Char(' ')
                             + tr("The router, which holds each workload to its SLOs, needed %n more server(s) to serve "
                                  "the same demand, so B has %1 GPUs.",
                                  "", v.serversAddedForRouter)
                                   .arg(v.servers * perServer);
        if (v.routedUnserved > v.sizedUnserved + 1e-4)
            m_variantNote += QLatin1Char(' ')
                             + tr("Even so, the router leaves %1 % of the demanded tokens unserved on this pool.")
                                   .arg(v.routedUnserved * 100, 0, 'f', 1);
        m_variantNote += QLatin1Char(' ') + tr("B has no simulation runs, so latency is compared as estimated.");
        other = std::move(v.plan);
        other.name = tr("All on one %1 pool").arg(name).toStdString();
    } else {
        other = *m_filePlan;
        simulated = storedSimulations(m_planPath);
        const bool both = !simulated.empty() && !storedSimulations(m_document->filePath()).empty();
        m_variantNote = both ? tr("Simulated percentiles are compared for the workloads simulated in both plans (their latest runs).")
                             : tr("Simulate the same workloads in both plans (Simulation tab, then save) to compare latency "
                                  "percentiles; until then latency is compared as estimated.");
    }
    const Evaluation evaluation = evaluate(other, *m_catalog);
    std::optional<PlanRouting> routing;
    try {
        routing = routePlan(other, *m_catalog);
    } catch (const std::exception &) {
        // The evaluation still stands; routing figures show as missing.
    }
    const QString label = m_against == Against::OnePoolVariant ? QString::fromStdString(other.name)
                                                               : QFileInfo(m_planPath).completeBaseName();
    m_b = planFigures(label, other, evaluation, routing ? &*routing : nullptr, simulated);
}

void CompareView::updateHeadline()
{
    // What a decision turns on: the price per token, the fleet's hourly cost, its power, and
    // whether it still serves everything.
    QStringList parts;
    for (const char *key : {"usd_per_m_output", "usd_per_hour", "it_power_kw", "unserved_pct"}) {
        for (const ComparisonRow &r : rows()) {
            if (r.key != key || !r.workload.isEmpty() || !r.delta)
                continue;
            if (r.key == "unserved_pct" && r.verdict == Verdict::Same)
                continue;
            const QString change = r.deltaFraction ? formatDeltaFraction(*r.deltaFraction)
                                                   : formatDelta(*r.delta, r.decimals) + QLatin1Char(' ') + r.unit;
            parts << tr("%1 %2 (%3)").arg(r.metric, change, ComparisonModel::verdictText(r.verdict));
        }
    }
    m_plans->setText(tr("A: %1").arg(m_a.label) + QLatin1Char('\n') + tr("B: %1").arg(m_b.label));
    m_headline->setText(tr("B against A: %1").arg(parts.join(QStringLiteral(" · "))));
    m_note->setText(m_variantNote);
}

bool CompareView::exportCsv(const QString &path) const
{
    return writeCsv(path, m_model->csvRows());
}

void CompareView::exportWithDialog()
{
    QSettings settings;
    const QString start = QDir(settings.value(LastDirKey, QDir::homePath()).toString())
                              .filePath(m_document->displayName() + QStringLiteral("-comparison.csv"));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), start, tr("CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    if (!exportCsv(path))
        QMessageBox::critical(this, tr("Export Comparison"), tr("Cannot write %1.").arg(displayPath(path)));
}

} // namespace tokenroute::ui
