#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include "core/util/error.h"
#include "ui/appstyle.h"
#include "ui/catalogbrowser.h"
#include "ui/catalogmodel.h"
#include "ui/bench/benchpanel.h"
#include "ui/charts/costsview.h"
#include "ui/compare/compareview.h"
#include "ui/charts/planchartview.h"
#include "ui/document/planrecovery.h"
#include "ui/evaluation/evaluationsummary.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/errortext.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/memory/memoryview.h"
#include "ui/placeholderview.h"
#include "ui/planoverview.h"
#include "ui/plandocument.h"
#include "ui/planstructuremodel.h"
#include "ui/plansummary.h"
#include "ui/racks/rackdesigner.h"
#include "ui/routing/routingview.h"
#include "ui/recentfiles.h"
#include "ui/report/reportexport.h"
#include "ui/sim/simulationview.h"
#include "ui/teaching/routingpage.h"
#include "ui/translations.h"
#include "ui/treeexpansion.h"
#include "ui/workloads/workloadeditor.h"

namespace tokenroute::ui {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString CatalogSplitterKey = QStringLiteral("window/catalogueSplitter");
const QString PlanSplitterKey = QStringLiteral("window/planSplitter");
const QString ProjectorKey = QStringLiteral("view/projectorMode");
const QString LastDirKey = QStringLiteral("files/lastDirectory");
// Bumped when the dock layout changes, so restoreState() ignores a layout saved by an older build.
constexpr int WindowStateVersion = 1;

QString nativeFilter()
{
    return QCoreApplication::translate("tokenroute::ui::MainWindow", "TokenRoute plans (*.trplan)");
}
QString jsonFilter()
{
    return QCoreApplication::translate("tokenroute::ui::MainWindow", "Plan as JSON (*.json)");
}
QString anyPlanFilter()
{
    return QCoreApplication::translate("tokenroute::ui::MainWindow", "Plans (*.trplan *.json);;All files (*)");
}
} // namespace

MainWindow::MainWindow(const Catalog *catalog, QString dataDir, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_dataDir(std::move(dataDir))
    , m_document(new PlanDocument(this))
    , m_catalogModel(new CatalogModel(catalog, this))
    , m_structureModel(new PlanStructureModel(m_document, catalog, this))
    , m_evaluation(new LiveEvaluation(m_document, catalog, this))
    , m_recovery(new PlanRecovery(m_document, {}, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokenroute.svg")));
    // The plan tree badges racks, pools and workloads from the same evaluation as the status bar.
    m_structureModel->setEvaluation(m_evaluation);
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    createActions();
    createViews();
    createDocks();
    createMenus();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    statusBar()->addPermanentWidget(m_summary);
    statusBar()->addPermanentWidget(new EvaluationSummary(m_evaluation, this));
    // After the event loop starts, so the window is up before the question is asked.
    QTimer::singleShot(0, this, [this] {
        if (m_interactive)
            offerRecovery();
    });

    connect(m_document, &PlanDocument::changed, this, [this](const PlanChange &change) {
        if (change.kind == PlanChange::Kind::Reset)
            planReplaced();
        updateTitle();
        updateSummary();
    });
    connect(m_document, &PlanDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    planReplaced();
    updateTitle();
    updateSummary();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &icon, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, this);
        if (!icon.isEmpty())
            action->setIcon(themedIcon(icon));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        return action;
    };
    m_newAction = make(tr("&New"), QStringLiteral("new"), QKeySequence::New, tr("Start an empty plan"));
    m_openAction = make(tr("&Open…"), QStringLiteral("open"), QKeySequence::Open, tr("Open a plan (.trplan or JSON)"));
    m_saveAction = make(tr("&Save"), QStringLiteral("save"), QKeySequence::Save, tr("Save the plan"));
    m_saveAsAction = make(tr("Save &As…"), QStringLiteral("save-as"), QKeySequence::SaveAs, tr("Save the plan to a new .trplan file"));
    m_importAction = make(tr("&Import JSON…"), QStringLiteral("import"), QKeySequence(), tr("Open a plan from its JSON form"));
    m_exportAction = make(tr("&Export JSON…"), QStringLiteral("export"), QKeySequence(), tr("Write the plan as JSON for review or version control"));
    m_quitAction = make(tr("&Quit"), QString(), QKeySequence::Quit, tr("Quit TokenRoute"));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(themedIcon(QStringLiteral("undo")));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(themedIcon(QStringLiteral("redo")));
    m_propertiesAction = make(tr("Plan &Properties…"), QString(), QKeySequence(), tr("Rename the plan and edit its description"));

    m_projectorAction = make(tr("&Projector Mode"), QStringLiteral("projector"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                             tr("Large text for presenting"));
    m_projectorAction->setCheckable(true);
    m_aboutAction = make(tr("&About TokenRoute"), QString(), QKeySequence(), tr("Version and licence"));
    m_aboutAction->setMenuRole(QAction::AboutRole);

    connect(m_newAction, &QAction::triggered, this, [this] {
        if (confirmDiscard())
            newPlan();
    });
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAsWithDialog);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importWithDialog);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportWithDialog);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_propertiesAction, &QAction::triggered, this, &MainWindow::editProperties);
    connect(m_projectorAction, &QAction::toggled, this, &MainWindow::setProjectorMode);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    // Compare With…: a second plan file beside this one in the Compare tab.
    if (auto *compare = m_views->findChild<CompareView *>()) {
        QAction *compareWith = file->addAction(themedIcon(QStringLiteral("compare")), tr("Compare &With…"));
        compareWith->setStatusTip(tr("Compare this plan with another plan file (.trplan or JSON)"));
        connect(compareWith, &QAction::triggered, this, [this, compare] {
            m_views->setCurrentWidget(compare);
            compare->chooseFile();
        });
    }
    file->addMenu(createReportExportMenu(m_document, m_catalog, this));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_propertiesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_structureDock->toggleViewAction());
    view->addAction(m_catalogDock->toggleViewAction());
    view->addSeparator();
    for (int i = 0; i < m_views->count(); ++i) {
        auto *action = view->addAction(m_views->tabIcon(i), m_views->tabText(i));
        // Alt+1…7 jump between the views, the way a presenter moves through a story.
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_views->setCurrentIndex(i); });
    }
    view->addSeparator();
    view->addAction(m_projectorAction);
    view->addMenu(createLanguageMenu(this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("File"));
    toolbar->setObjectName(QStringLiteral("fileToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_saveAction);
    toolbar->addSeparator();
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    toolbar->addSeparator();
    toolbar->addAction(m_projectorAction);
}

void MainWindow::createDocks()
{
    m_structureTree = new QTreeView(this);
    m_structureTree->setObjectName(QStringLiteral("planStructureTree"));
    m_structureTree->setModel(m_structureModel);
    m_structureTree->setUniformRowHeights(true);
    m_structureTree->setAlternatingRowColors(true);
    m_structureTree->header()->setSectionResizeMode(PlanStructureModel::NameColumn, QHeaderView::ResizeToContents);
    m_structureTree->header()->setStretchLastSection(true);
    // A fresh plan shows its racks, pools and workloads at once; the items inside stay folded, and
    // what the user unfolds stays unfolded through edits.
    m_structureExpansion = new TreeExpansion(m_structureTree, PlanStructureModel::NodeKeyRole, 0);

    m_planSplitter = new QSplitter(Qt::Vertical, this);
    m_planSplitter->addWidget(m_structureTree);
    m_planSplitter->addWidget(new PlanOverview(m_document, this));
    m_planSplitter->setStretchFactor(0, 3);
    m_planSplitter->setStretchFactor(1, 2);
    m_planSplitter->setChildrenCollapsible(false);

    m_structureDock = new QDockWidget(tr("Plan"), this);
    m_structureDock->setObjectName(QStringLiteral("planDock"));
    m_structureDock->setWidget(m_planSplitter);
    m_structureDock->toggleViewAction()->setText(tr("&Plan Structure"));
    addDockWidget(Qt::LeftDockWidgetArea, m_structureDock);

    m_catalogBrowser = new CatalogBrowser(m_catalogModel, this);
    m_catalogDock = new QDockWidget(tr("Catalogue"), this);
    m_catalogDock->setObjectName(QStringLiteral("catalogueDock"));
    m_catalogDock->setWidget(m_catalogBrowser);
    m_catalogDock->toggleViewAction()->setText(tr("&Catalogue"));
    addDockWidget(Qt::LeftDockWidgetArea, m_catalogDock);

    // The catalogue shares the left column with the plan, behind its own tab: the rack designer has
    // its own catalogue palette, and a projector's 1280 px leave no room for a second side column.
    tabifyDockWidget(m_structureDock, m_catalogDock);
    m_structureDock->raise();
    resizeDocks({m_structureDock}, {320}, Qt::Horizontal);
}

void MainWindow::createViews()
{
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);

    struct Page {
        QString icon;
        PlaceholderText text;
    };
    const QList<Page> pages = {
        {QStringLiteral("rack"),
         {tr("Racks"),
          tr("Rack elevations drawn to scale: every server, switch and PDU at its U position, coloured by the "
             "role of its pool, with power and weight against each rack's budget."),
          QStringLiteral("tokenroute-cli plan show PLAN"), tr("prints each rack's units used and power against its budget.")}},
        {QStringLiteral("workload"),
         {tr("Workloads"),
          tr("A table of the plan's workloads — model, arrival rate, prompt and output lengths, prefix reuse and "
             "latency targets — with the tags derived from them (prefill-heavy, long context, interactive, …)."),
          QStringLiteral("tokenroute-cli route PLAN"), tr("prints each workload with its derived tags and the reasons for them; "
                                                         "'plan show PLAN' lists the workloads' figures.")}},
        {QStringLiteral("routing"),
         {tr("Routing"),
          tr("Which pool computes each workload's prefill and which its decode, why, and the KV cache transfer "
             "between them, drawn as a flow from workloads to pools."),
          QStringLiteral("tokenroute-cli route PLAN"), tr("prints each workload's routes with their share, cost and latency, "
                                                         "why they were chosen, and the KV traffic on the links.")}},
        {QStringLiteral("memory"),
         {tr("Memory"),
          tr("Where each pool keeps its KV cache across SRAM, HBM, host DRAM and flash: capacity per tier, the "
             "tokens that fit, and what a hit in each tier costs against recomputing the prefill."),
          QStringLiteral("tokenroute-cli estimate --model llama-3.1-70b --device h200 --weights fp8 --kv fp8"),
          tr("prints the memory a model needs on a device: weights, activations, and the KV cache that fits in the "
             "rest; 'route PLAN' prints each pool's KV cache use.")}},
        {QStringLiteral("benchmark"),
         {tr("Benchmarks"),
          tr("The prefill, decode and memory microkernels measured on this machine, placed on a roofline next to "
             "the catalogue's peak figures for its devices."),
          QStringLiteral("tokenroute-cli bench --quick"), tr("runs the microkernels and prints achieved FLOP/s and bandwidth.")}},
        {QStringLiteral("cost"),
         {tr("Costs"),
          tr("Dollars per million input and output tokens for each workload, dollars per hour per pool, energy "
             "per token and kilowatts per rack."),
          QStringLiteral("tokenroute-cli route PLAN"), tr("prints dollars per million tokens for each route and dollars per hour "
                                                         "for each pool.")}},
        {QStringLiteral("simulation"),
         {tr("Simulation"),
          tr("Requests from a trace or a generator run through the routed plan: time-to-first-token, time per "
             "output token and end-to-end latency distributions, goodput, and prefix-cache hits per memory tier."),
          QStringLiteral("tokenroute-cli simulate PLAN --generate workload,requests=10000"),
          tr("replays generated traffic (or a trace, with --trace) through the routed plan and prints the percentiles.")}},
    };
    for (const Page &page : pages) {
        if (page.icon == QStringLiteral("rack")) {
            m_views->addTab(new RackDesigner(m_document, m_catalog, m_views), themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("workload")) {
            m_workloadEditor = new WorkloadEditor(m_document, m_catalog, m_evaluation, m_views);
            m_views->addTab(m_workloadEditor, themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("routing")) {
            // The Routing tab holds the flow and, as its second mode, teaching mode.
            auto *routingPage = new RoutingPage(m_document, m_catalog, m_evaluation, m_views);
            auto *routing = routingPage->flow();
            connect(routing, &RoutingView::selectionChanged, this, [this](int workloadId, int poolId) {
                const Workload *w = m_document->plan().workload(workloadId);
                const Pool *p = m_document->plan().pool(poolId);
                if (w)
                    statusBar()->showMessage(tr("Selected %1 on %2").arg(QString::fromStdString(w->name),
                                                                        p ? QString::fromStdString(p->name) : tr("its KV links")));
            });
            m_views->addTab(routingPage, themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("memory")) {
            m_views->addTab(new MemoryView(m_document, m_catalog, m_evaluation, m_views), themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("benchmark")) {
            m_views->addTab(new BenchPanel(m_document, m_views), themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("simulation")) {
            m_views->addTab(new SimulationView(m_document, m_catalog, m_views), themedIcon(page.icon), page.text.title);
            continue;
        }
        if (page.icon == QStringLiteral("cost")) {
            m_views->addTab(new CostsView(m_document, m_catalog, nullptr, m_views), themedIcon(page.icon), page.text.title);
            continue;
        }
        auto *view = new PlaceholderView(page.icon, page.text, m_views);
        m_placeholders.append(view);
        m_views->addTab(view, themedIcon(page.icon), page.text.title);
    }
    // Latency CDFs, cache hits, roofline, memory hierarchy and rack power, from the engine and stored runs.
    m_views->addTab(new ChartsView(m_document, m_catalog, m_evaluation, m_views), themedIcon(QStringLiteral("cost")),
                    tr("Charts"));
    // Compare: this plan beside its one-GPU-pool variant or another plan file.
    m_views->addTab(new CompareView(m_document, m_catalog, m_evaluation, m_views), themedIcon(QStringLiteral("compare")), tr("Compare"));
    setCentralWidget(m_views);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1600, 1000);
    restoreState(settings.value(StateKey).toByteArray(), WindowStateVersion);
    m_catalogBrowser->splitter()->restoreState(settings.value(CatalogSplitterKey).toByteArray());
    m_planSplitter->restoreState(settings.value(PlanSplitterKey).toByteArray());
    m_projectorAction->setChecked(settings.value(ProjectorKey, false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(WindowStateVersion));
    settings.setValue(CatalogSplitterKey, m_catalogBrowser->splitter()->saveState());
    settings.setValue(PlanSplitterKey, m_planSplitter->saveState());
    settings.setValue(ProjectorKey, m_projectorAction->isChecked());
}

QString MainWindow::demoPlanPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("plans/demo.json"));
}

bool MainWindow::openPlan(const QString &path)
{
    try {
        m_document->open(path);
    } catch (const std::exception &e) {
        reportError(describeFailure(FileAction::Open, path, e));
        return false;
    }
    RecentFiles::add(path);
    statusBar()->showMessage(tr("Opened %1").arg(displayPath(path)), 5000);
    return true;
}

bool MainWindow::openDemoPlan()
{
    return openPlan(demoPlanPath());
}

void MainWindow::newPlan()
{
    Plan plan;
    plan.name = tr("Untitled plan").toStdString();
    m_document->reset(std::move(plan));
}

bool MainWindow::saveAs(const QString &path)
{
    try {
        m_document->saveAs(path);
    } catch (const std::exception &e) {
        reportError(describeFailure(FileAction::Save, path, e));
        return false;
    }
    RecentFiles::add(path);
    statusBar()->showMessage(tr("Saved %1").arg(displayPath(path)), 5000);
    return true;
}

bool MainWindow::exportJson(const QString &path)
{
    try {
        m_document->exportJson(path);
    } catch (const std::exception &e) {
        reportError(describeFailure(FileAction::Export, path, e));
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(displayPath(path)), 5000);
    return true;
}

bool MainWindow::importJson(const QString &path)
{
    // Import reads the JSON form into an unsaved document: Save then asks where the .trplan goes,
    // so the JSON file is never replaced by a database.
    return openPlan(path);
}

QString MainWindow::summaryText() const
{
    return ui::summaryText(summarise(m_document->plan(), *m_catalog));
}

void MainWindow::setProjectorMode(bool on)
{
    ui::setProjectorMode(on);
    if (m_projectorAction->isChecked() != on)
        m_projectorAction->setChecked(on);
    const int icon = on ? 32 : 20;
    setIconSize(QSize(icon, icon));
}

void MainWindow::reportError(const QString &message)
{
    m_lastError = message;
    emit errorReported(message);
    if (m_interactive)
        QMessageBox::critical(this, tr("TokenRoute"), message);
}

bool MainWindow::confirmDiscard()
{
    if (!m_document->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("TokenRoute"), tr("“%1” has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::planReplaced()
{
    if (m_structureExpansion)
        m_structureExpansion->resetToDefault();
    const QString path = m_document->sourcePath();
    for (PlaceholderView *view : std::as_const(m_placeholders))
        view->setPlanPath(path.isEmpty() ? QStringLiteral("PLAN") : displayPath(path));
}

void MainWindow::updateTitle()
{
    // [*] is where Qt shows the modified marker; setWindowModified follows the undo stack's clean state.
    setWindowTitle(tr("%1[*] — TokenRoute").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->sourcePath());
}

void MainWindow::updateSummary()
{
    m_summary->setText(summaryText());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentFiles::list();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        auto *action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("No recent plans"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!paths.isEmpty());
    connect(clear, &QAction::triggered, this, [] { RecentFiles::clear(); });
}

void MainWindow::openWithDialog()
{
    if (!confirmDiscard())
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Plan"), settings.value(LastDirKey, QDir::homePath()).toString(),
                                                      anyPlanFilter());
    if (path.isEmpty())
        return;
    settings.setValue(LastDirKey, QFileInfo(path).absolutePath());
    openPlan(path);
}

void MainWindow::openRecent(const QString &path)
{
    if (confirmDiscard())
        openPlan(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAsWithDialog();
    return saveAs(m_document->filePath());
}

bool MainWindow::saveAsWithDialog()
{
    QSettings settings;
    const QString start = QDir(settings.value(LastDirKey, QDir::homePath()).toString())
                              .filePath(m_document->displayName() + QStringLiteral(".trplan"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Plan As"), start, nativeFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".trplan");
    settings.setValue(LastDirKey, QFileInfo(path).absolutePath());
    return saveAs(path);
}

void MainWindow::importWithDialog()
{
    if (!confirmDiscard())
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Plan from JSON"), settings.value(LastDirKey, QDir::homePath()).toString(),
                                                      jsonFilter());
    if (!path.isEmpty())
        importJson(path);
}

void MainWindow::exportWithDialog()
{
    QSettings settings;
    const QString start = QDir(settings.value(LastDirKey, QDir::homePath()).toString())
                              .filePath(m_document->displayName() + QStringLiteral(".json"));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Plan as JSON"), start, jsonFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    exportJson(path);
}

void MainWindow::editProperties()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Plan Properties"));
    auto *name = new QLineEdit(QString::fromStdString(m_document->plan().name), &dialog);
    auto *description = new QPlainTextEdit(QString::fromStdString(m_document->plan().description), &dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Description:"), description);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string newName = name->text().trimmed().toStdString();
    const std::string newDescription = description->toPlainText().toStdString();
    if (newName == m_document->plan().name && newDescription == m_document->plan().description)
        return; // no step on the undo stack for an edit that changes nothing
    m_document->undoStack()->push(new SetPlanProperties(m_document, newName, newDescription));
}

void MainWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About TokenRoute"));
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/tokenroute.svg")).pixmap(64, 64));
    box.setText(tr("<h3>TokenRoute %1</h3>").arg(QStringLiteral(TOKENROUTE_VERSION)));
    box.setInformativeText(tr("Plans disaggregated LLM inference: where every token is computed, what it costs, "
                              "and why there.<br><br>Catalogue: %1 devices, %2 servers, %3 models, every figure with its source.<br>"
                              "Data folder: %4")
                               .arg(m_catalog->accelerators.size())
                               .arg(m_catalog->servers.size())
                               .arg(m_catalog->models.size())
                               .arg(QDir::toNativeSeparators(m_dataDir).toHtmlEscaped()));
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    if (m_interactive)
        saveSettings();
    m_recovery->discard();
    event->accept();
}

bool MainWindow::offerRecovery()
{
    const QStringList orphans = m_recovery->orphans();
    if (orphans.isEmpty())
        return false;
    const QString path = orphans.first();
    if (m_interactive) {
        const auto answer = QMessageBox::question(
            this, tr("TokenRoute"),
            tr("TokenRoute did not close normally. A plan with unsaved changes was kept from %1. Recover it?")
                .arg(QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return false;
    }
    try {
        m_recovery->recover(path);
    } catch (const std::exception &e) {
        reportError(tr("Could not recover the plan: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    statusBar()->showMessage(tr("Recovered the unsaved plan; save it to keep it."), 8000);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    if (confirmDiscard())
        openPlan(urls.first().toLocalFile());
}

} // namespace tokenroute::ui
