// The window shell, driven offscreen: the demo plan opens and its trees match the plan file, the
// catalogue browser matches the catalogue files, the item models pass QAbstractItemModelTester,
// a bad plan is reported without touching anything, Save As and JSON export read back equal,
// settings persist, and a screenshot of the window is written into the build directory.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QLabel>

#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/catalogbrowser.h"
#include "ui/catalogmodel.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/placeholderview.h"
#include "ui/plandocument.h"
#include "ui/planstructuremodel.h"
#include "ui/plansummary.h"
#include "ui/recentfiles.h"
#include "ui/specsheet.h"
#include "ui/translations.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int childCount(const QAbstractItemModel &model, const QModelIndex &parent)
{
    return model.rowCount(parent);
}

} // namespace

class TestUiShell : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void opensDemoPlanFast();
    void structureTreeMatchesPlanFile();
    void poolsCarryRoleColours();
    void structureTreeKeepsExpansionThroughEdits();
    void catalogueModelMatchesCatalogueFiles();
    void itemModelsPassTester();
    void specSheetsShowEverySource_data();
    void specSheetsShowEverySource();
    void statusBarSummarisesPlan();
    void placeholdersAreHonest();
    void badPlanIsReportedAndChangesNothing_data();
    void badPlanIsReportedAndChangesNothing();
    void saveAsThenReopenIsEqual();
    void exportJsonThenImportIsEqual();
    void propertiesEditIsUndoableAndMarksTitle();
    void newPlanIsEmptyAndClean();
    void droppedFileOpens();
    void settingsRestoreGeometry();
    void recentFilesKeepOrderAndLimit();
    void projectorModeScalesFont();
    void paletteIsDistinctAndReadable();
    void screenshotIsWritten();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_work;
    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiShell::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_work.isValid());
    // Keep the user's real settings out of the test and the test's out of theirs.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_shell"));
    tokenroute::initResources();
    QVERIFY(installTranslations(*qApp) >= 1);
    applyAppStyle(*qApp);

    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    QVERIFY(!m_catalog.accelerators.empty());
}

void TestUiShell::cleanupTestCase()
{
    m_window.reset();
}

void TestUiShell::opensDemoPlanFast()
{
    // Start-up budget is < 1 s to the first painted window; measured here (construct, show, open
    // the demo, first expose) and printed, not asserted, since a loaded test machine varies.
    QElapsedTimer timer;
    timer.start();
    m_window = std::make_unique<MainWindow>(&m_catalog, dataDir());
    m_window->setInteractive(false);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(m_window->openDemoPlan());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    qInfo("window constructed, shown and demo plan opened in %lld ms", timer.elapsed());

    QVERIFY(m_window->lastError().isEmpty());
    QCOMPARE(m_window->document()->sourcePath(), QFileInfo(m_window->demoPlanPath()).absoluteFilePath());
    // The demo is JSON: Save must ask for a .trplan, never overwrite the bundled file.
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(!m_window->document()->isModified());
    const QString name = readJson(m_window->demoPlanPath()).value(QStringLiteral("name")).toString();
    QVERIFY(!name.isEmpty());
    QVERIFY(m_window->windowTitle().startsWith(name));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(!m_window->isWindowModified());
}

void TestUiShell::structureTreeMatchesPlanFile()
{
    // Expectations come from the JSON text itself, not from loadPlan, so a loader bug cannot hide.
    const QJsonObject plan = readJson(m_window->demoPlanPath());
    const QJsonArray racks = plan.value(QStringLiteral("racks")).toArray();
    const QJsonArray pools = plan.value(QStringLiteral("pools")).toArray();
    const QJsonArray items = plan.value(QStringLiteral("items")).toArray();
    const QJsonArray workloads = plan.value(QStringLiteral("workloads")).toArray();
    QVERIFY(!racks.isEmpty());

    const PlanStructureModel &model = *m_window->structureModel();
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex racksGroup = model.groupIndex(PlanStructureModel::NodeKind::RacksGroup);
    const QModelIndex poolsGroup = model.groupIndex(PlanStructureModel::NodeKind::PoolsGroup);
    const QModelIndex workloadsGroup = model.groupIndex(PlanStructureModel::NodeKind::WorkloadsGroup);
    QCOMPARE(childCount(model, racksGroup), racks.size());
    QCOMPARE(childCount(model, poolsGroup), pools.size());
    QCOMPARE(childCount(model, workloadsGroup), workloads.size());

    for (int r = 0; r < racks.size(); ++r) {
        const QJsonObject rack = racks[r].toObject();
        const QModelIndex rackIndex = model.index(r, 0, racksGroup);
        QCOMPARE(rackIndex.data().toString(), rack.value(QStringLiteral("name")).toString());
        int expected = 0;
        int topU = -1;
        for (const QJsonValue &item : items)
            if (item.toObject().value(QStringLiteral("rack_id")).toInt() == rack.value(QStringLiteral("id")).toInt()) {
                ++expected;
                topU = std::max(topU, item.toObject().value(QStringLiteral("u_position")).toInt());
            }
        QCOMPARE(model.rowCount(rackIndex), expected);
        // Top of the rack first: the first child is the item at the highest U.
        if (expected > 0) {
            const int firstId = model.index(0, 0, rackIndex).data(PlanStructureModel::EntityIdRole).toInt();
            const PlacedItem *first = m_window->document()->plan().item(firstId);
            QVERIFY(first);
            QCOMPARE(first->uPosition, topU);
        }
    }
    for (int p = 0; p < pools.size(); ++p) {
        const QJsonObject pool = pools[p].toObject();
        const QModelIndex poolIndex = model.index(p, 0, poolsGroup);
        QCOMPARE(poolIndex.data().toString(), pool.value(QStringLiteral("name")).toString());
        int members = 0;
        for (const QJsonValue &item : items)
            members += item.toObject().value(QStringLiteral("pool_id")).toInt() == pool.value(QStringLiteral("id")).toInt();
        QCOMPARE(model.rowCount(poolIndex), members);
    }
    for (int w = 0; w < workloads.size(); ++w)
        QCOMPARE(model.index(w, 0, workloadsGroup).data().toString(), workloads[w].toObject().value(QStringLiteral("name")).toString());

    // The dock's tree shows this model, with the three groups open.
    QCOMPARE(m_window->structureTree()->model(), m_window->structureModel());
    QVERIFY(m_window->structureTree()->isExpanded(racksGroup));
}

void TestUiShell::poolsCarryRoleColours()
{
    const PlanStructureModel &model = *m_window->structureModel();
    const QModelIndex poolsGroup = model.groupIndex(PlanStructureModel::NodeKind::PoolsGroup);
    const Plan &plan = m_window->document()->plan();
    QCOMPARE(model.rowCount(poolsGroup), int(plan.pools.size()));
    for (int p = 0; p < model.rowCount(poolsGroup); ++p) {
        const QModelIndex index = model.index(p, 0, poolsGroup);
        const Pool *pool = plan.pool(index.data(PlanStructureModel::EntityIdRole).toInt());
        QVERIFY(pool);
        QCOMPARE(index.data(PlanStructureModel::RoleColourRole).value<QColor>(), roleColour(pool->role));
        QVERIFY(index.sibling(p, PlanStructureModel::DetailColumn).data().toString().startsWith(roleName(pool->role)));
    }
}

void TestUiShell::structureTreeKeepsExpansionThroughEdits()
{
    QVERIFY(m_window->openDemoPlan());
    QTreeView *tree = m_window->structureTree();
    const PlanStructureModel &model = *m_window->structureModel();
    const QModelIndex rack = model.index(0, 0, model.groupIndex(PlanStructureModel::NodeKind::RacksGroup));
    QVERIFY(!tree->isExpanded(rack));
    tree->expand(rack);

    // An edit that rebuilds the tree (an item changed) keeps what the user unfolded...
    const PlacedItem item = m_window->document()->plan().items.front();
    QSignalSpy resets(m_window->structureModel(), &QAbstractItemModel::modelReset);
    m_window->document()->replaceItem(item);
    QCOMPARE(resets.count(), 1);
    const QModelIndex rackAfter = model.index(0, 0, model.groupIndex(PlanStructureModel::NodeKind::RacksGroup));
    QVERIFY(tree->isExpanded(rackAfter));
    QVERIFY(tree->isExpanded(model.groupIndex(PlanStructureModel::NodeKind::PoolsGroup)));

    // ...and opening a plan starts again from the default: groups open, their contents folded.
    QVERIFY(m_window->openDemoPlan());
    QVERIFY(!tree->isExpanded(model.index(0, 0, model.groupIndex(PlanStructureModel::NodeKind::RacksGroup))));
    QVERIFY(tree->isExpanded(model.groupIndex(PlanStructureModel::NodeKind::RacksGroup)));
}

void TestUiShell::catalogueModelMatchesCatalogueFiles()
{
    const CatalogModel &model = *m_window->catalogModel();
    QCOMPARE(model.rowCount(), CatalogModel::GroupCount);
    const struct {
        CatalogModel::Group group;
        const char *file;
        const char *key;
    } groups[] = {
        {CatalogModel::Group::Devices, "accelerators.json", "accelerators"},
        {CatalogModel::Group::Servers, "servers.json", "servers"},
        {CatalogModel::Group::Links, "links.json", "links"},
        {CatalogModel::Group::MemoryTiers, "tiers.json", "tiers"},
        {CatalogModel::Group::Models, "models.json", "models"},
        {CatalogModel::Group::Presets, "presets.json", "presets"},
    };
    for (const auto &g : groups) {
        const QJsonArray entries = readJson(dataDir() + QStringLiteral("/catalog/") + QLatin1String(g.file))
                                       .value(QLatin1String(g.key))
                                       .toArray();
        QVERIFY2(!entries.isEmpty(), g.file);
        const QModelIndex group = model.groupIndex(g.group);
        QCOMPARE(model.rowCount(group), entries.size());
        for (int i = 0; i < entries.size(); ++i) {
            const QModelIndex entry = model.index(i, 0, group);
            QCOMPARE(entry.data(CatalogModel::EntryIdRole).toString(), entries[i].toObject().value(QStringLiteral("id")).toString());
            QCOMPARE(entry.data().toString(), entries[i].toObject().value(QStringLiteral("name")).toString());
            QVERIFY(!entry.sibling(i, CatalogModel::SummaryColumn).data().toString().isEmpty());
        }
    }
    QVERIFY(model.findEntry(CatalogModel::Group::Devices, QStringLiteral("h200")).isValid());
    QVERIFY(!model.findEntry(CatalogModel::Group::Devices, QStringLiteral("no-such-device")).isValid());
}

void TestUiShell::itemModelsPassTester()
{
    QAbstractItemModelTester catalogTester(m_window->catalogModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester structureTester(m_window->structureModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The browser's filter proxy too, while a filter narrows and widens it.
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(m_window->catalogBrowser()->tree()->model());
    QVERIFY(proxy);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->catalogBrowser()->setFilter(QStringLiteral("h200"));
    QVERIFY(proxy->rowCount() >= 1);
    QVERIFY(proxy->rowCount(proxy->index(int(CatalogModel::Group::Devices), 0)) >= 1);
    m_window->catalogBrowser()->setFilter(QString());
    QCOMPARE(proxy->rowCount(), CatalogModel::GroupCount);

    // A reset (another plan opened) keeps the structure model consistent.
    QVERIFY(m_window->openDemoPlan());
}

void TestUiShell::specSheetsShowEverySource_data()
{
    QTest::addColumn<int>("group");
    QTest::newRow("devices") << int(CatalogModel::Group::Devices);
    QTest::newRow("servers") << int(CatalogModel::Group::Servers);
    QTest::newRow("links") << int(CatalogModel::Group::Links);
    QTest::newRow("memory tiers") << int(CatalogModel::Group::MemoryTiers);
    QTest::newRow("models") << int(CatalogModel::Group::Models);
    QTest::newRow("presets") << int(CatalogModel::Group::Presets);
}

void TestUiShell::specSheetsShowEverySource()
{
    // Every number in the catalogue carries a source; the details pane must put each one on the
    // row of the figure it belongs to (none left over in "other sources"), and every row that is
    // not derived by TokenRoute must show one.
    QFETCH(int, group);
    const auto g = CatalogModel::Group(group);
    const int n = m_window->catalogModel()->entryCount(g);
    QVERIFY(n > 0);
    for (int row = 0; row < n; ++row) {
        const SpecSheet sheet = specSheet(m_catalog, g, row);
        QVERIFY(!sheet.title.isEmpty());
        QVERIFY(!sheet.rows.isEmpty());
        for (const auto &[field, p] : sheet.otherSources)
            QFAIL(qPrintable(QStringLiteral("%1: source for '%2' has no row").arg(sheet.title, field)));
        for (const SpecRow &r : sheet.rows) {
            if (r.derived || r.value.isEmpty())
                continue;
            const bool text = r.label == QLatin1String("Memory type") || r.label == QLatin1String("Weights")
                || r.label == QLatin1String("Model") || r.label == QLatin1String("Kind") || r.label == QLatin1String("Placement");
            if (!text)
                QVERIFY2(r.provenance.has_value(), qPrintable(QStringLiteral("%1: %2 has no source").arg(sheet.title, r.label)));
        }
        const QString html = specSheetHtml(sheet);
        QVERIFY(html.contains(sheet.title.toHtmlEscaped()));
    }
}

void TestUiShell::statusBarSummarisesPlan()
{
    const PlanSummary summary = summarise(m_window->document()->plan(), m_catalog);
    const QJsonObject plan = readJson(m_window->demoPlanPath());
    QCOMPARE(summary.racks, plan.value(QStringLiteral("racks")).toArray().size());
    QCOMPARE(summary.pools, plan.value(QStringLiteral("pools")).toArray().size());
    QCOMPARE(summary.workloads, plan.value(QStringLiteral("workloads")).toArray().size());
    QCOMPARE(summary.unknownItems, 0);
    int servers = 0, accelerators = 0;
    for (const QJsonValue &v : plan.value(QStringLiteral("items")).toArray()) {
        const ServerSpec *spec = m_catalog.server(v.toObject().value(QStringLiteral("catalog_id")).toString().toStdString());
        QVERIFY(spec);
        if (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem) {
            ++servers;
            accelerators += spec->acceleratorsPerNode;
        }
    }
    QCOMPARE(summary.servers, servers);
    QCOMPARE(summary.accelerators, accelerators);
    QVERIFY(servers > 0 && accelerators > servers);

    auto *label = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("planSummary"));
    QVERIFY(label);
    QCOMPARE(label->text(), summaryText(summary));
    QVERIFY(label->text().contains(QStringLiteral("%1 accelerators").arg(accelerators)));
    // Plural forms come from the English translation, not "(s)".
    QVERIFY2(!label->text().contains(QStringLiteral("(s)")), qPrintable(label->text()));
    PlanSummary one;
    one.racks = 1;
    QVERIFY(summaryText(one).startsWith(QStringLiteral("1 rack ")));
}

void TestUiShell::placeholdersAreHonest()
{
    const QStringList expected{QStringLiteral("Racks"),      QStringLiteral("Workloads"), QStringLiteral("Routing"),
                               QStringLiteral("Memory"),     QStringLiteral("Benchmarks"), QStringLiteral("Costs"),
                               QStringLiteral("Simulation"), QStringLiteral("Charts"),   QStringLiteral("Compare")};
    QTabWidget *views = m_window->views();
    QCOMPARE(views->count(), expected.size());
    QString cliSources;
    const QDir cli(dataDir() + QStringLiteral("/../app/cli"));
    for (const QString &file : cli.entryList({QStringLiteral("cmd_*.cpp")}, QDir::Files))
        cliSources += QString::fromUtf8(readBytes(cli.filePath(file)));
    QVERIFY(!cliSources.isEmpty());
    for (int i = 0; i < views->count(); ++i) {
        QCOMPARE(views->tabText(i), expected[i]);
        auto *page = qobject_cast<PlaceholderView *>(views->widget(i));
        // Built views (the rack designer, the workload editor) replace their placeholders and are
        // tested in their own areas.
        if (!page)
            continue;
        QVERIFY(!page->text().willShow.isEmpty());
        // Either a command that gives the data today, or a plain statement that none does.
        QVERIFY(page->text().command.startsWith(QStringLiteral("tokenroute-cli ")) || !page->text().commandNote.isEmpty());
        auto *body = page->findChild<QLabel *>(QStringLiteral("placeholderBody"));
        QVERIFY(body);
        QVERIFY(body->text().contains(QStringLiteral("not built yet")));
        if (page->text().command.contains(QStringLiteral("PLAN")))
            QVERIFY(body->text().contains(QStringLiteral("demo.json")));
        // The command named must exist: its subcommand is registered by one of the CLI's files.
        const QString subcommand = page->text().command.section(QLatin1Char(' '), 1, 1);
        QVERIFY2(cliSources.contains(QStringLiteral("add_subcommand(\"%1\"").arg(subcommand))
                     || cliSources.contains(QStringLiteral("\"%1\", \"").arg(subcommand)),
                 qPrintable(subcommand));
    }
}

void TestUiShell::badPlanIsReportedAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("malformed json") << QByteArray("{ \"format\": \"tokenroute-plan\", \"racks\": [ }") << QString();
    QTest::newRow("wrong type in a field")
        << QByteArray(R"({"format": "tokenroute-plan", "version": 2, "name": "x", "racks": [{"id": 1, "name": "r", "units": "many"}]})")
        << QStringLiteral("units");
    QTest::newRow("not a plan") << QByteArray("hello, this is not a plan\n") << QString();
    QTest::newRow("missing file") << QByteArray() << QString();
}

void TestUiShell::badPlanIsReportedAndChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QVERIFY(m_window->openDemoPlan());
    const Plan before = m_window->document()->plan();
    const QString titleBefore = m_window->windowTitle();

    const QString path = m_work.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))
                                         + QStringLiteral(".json"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    QVERIFY(!m_window->openPlan(path));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().first().toString();
    QCOMPARE(message, m_window->lastError());
    QVERIFY2(message.contains(QFileInfo(path).fileName()), qPrintable(message));
    QVERIFY2(message.contains(QLatin1Char('\n')), qPrintable(message)); // what failed, then why
    if (!mentions.isEmpty())
        QVERIFY2(message.contains(mentions), qPrintable(message));

    // Nothing changed: the open plan, the title, and the bad file itself.
    QCOMPARE(m_window->document()->plan(), before);
    QCOMPARE(m_window->windowTitle(), titleBefore);
    QVERIFY(!m_window->document()->isModified());
    if (!content.isEmpty())
        QCOMPARE(readBytes(path), content);
    else
        QVERIFY(!QFile::exists(path));
}

void TestUiShell::saveAsThenReopenIsEqual()
{
    QVERIFY(m_window->openDemoPlan());
    const Plan original = m_window->document()->plan();
    const QByteArray demoBytes = readBytes(m_window->demoPlanPath());
    const QString path = m_work.filePath(QStringLiteral("saved.trplan"));

    QVERIFY(m_window->saveAs(path));
    QVERIFY(isSqliteFile(path.toStdString()));
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(RecentFiles::list().value(0), QFileInfo(path).absoluteFilePath());
    QCOMPARE(readBytes(m_window->demoPlanPath()), demoBytes); // the source JSON is untouched

    MainWindow second(&m_catalog, dataDir());
    second.setInteractive(false);
    QVERIFY(second.openPlan(path));
    QCOMPARE(second.document()->plan(), original);
    QCOMPARE(second.document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(second.summaryText(), m_window->summaryText());

    // Saving over a directory fails with a message and leaves the document as it was.
    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    QVERIFY(!m_window->saveAs(m_work.path()));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
}

void TestUiShell::exportJsonThenImportIsEqual()
{
    QVERIFY(m_window->openDemoPlan());
    const Plan original = m_window->document()->plan();
    const QString path = m_work.filePath(QStringLiteral("exported.json"));
    QVERIFY(m_window->exportJson(path));
    QVERIFY(!isSqliteFile(path.toStdString()));
    QVERIFY(!readJson(path).isEmpty());

    m_window->newPlan();
    QVERIFY(m_window->importJson(path));
    QCOMPARE(m_window->document()->plan(), original);
    // An imported JSON plan has no native file yet: Save asks where the .trplan goes.
    QVERIFY(m_window->document()->filePath().isEmpty());
    QCOMPARE(m_window->document()->sourcePath(), QFileInfo(path).absoluteFilePath());
}

void TestUiShell::propertiesEditIsUndoableAndMarksTitle()
{
    QVERIFY(m_window->openDemoPlan());
    PlanDocument *document = m_window->document();
    const std::string name = document->plan().name;
    const std::string description = document->plan().description;
    QSignalSpy changes(document, &PlanDocument::changed);

    document->undoStack()->push(new SetPlanProperties(document, "Renamed plan", "New description"));
    QCOMPARE(document->plan().name, std::string("Renamed plan"));
    QCOMPARE(document->plan().description, std::string("New description"));
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.first().first().value<PlanChange>().kind, PlanChange::Kind::Properties);
    QVERIFY(document->isModified());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Renamed plan")));

    document->undoStack()->undo();
    QCOMPARE(document->plan().name, name);
    QCOMPARE(document->plan().description, description);
    QVERIFY(!document->isModified());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(QString::fromStdString(name)));

    document->undoStack()->redo();
    QCOMPARE(document->plan().name, std::string("Renamed plan"));
    QVERIFY(m_window->isWindowModified());

    // Saving marks the document clean again.
    QVERIFY(m_window->saveAs(m_work.filePath(QStringLiteral("renamed.trplan"))));
    QVERIFY(!m_window->isWindowModified());
    Plan reread = loadPlan(m_work.filePath(QStringLiteral("renamed.trplan")).toStdString());
    QCOMPARE(reread.name, std::string("Renamed plan"));
}

void TestUiShell::newPlanIsEmptyAndClean()
{
    m_window->newPlan();
    const Plan &plan = m_window->document()->plan();
    QVERIFY(plan.racks.empty() && plan.items.empty() && plan.pools.empty() && plan.workloads.empty());
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(!m_window->isWindowModified());
    const PlanStructureModel &model = *m_window->structureModel();
    QCOMPARE(model.rowCount(), 3);
    for (int g = 0; g < 3; ++g)
        QCOMPARE(model.rowCount(model.index(g, 0)), 0);
}

void TestUiShell::droppedFileOpens()
{
    m_window->newPlan();
    const QString path = m_work.filePath(QStringLiteral("saved.trplan"));
    QVERIFY(QFile::exists(path));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!m_window->document()->plan().racks.empty());
}

void TestUiShell::settingsRestoreGeometry()
{
    MainWindow first(&m_catalog, dataDir());
    first.setInteractive(false);
    // An unusual size, but above whatever minimum the views ask for.
    const QSize wanted = first.minimumSizeHint().expandedTo(QSize(1234, 777)) + QSize(17, 11);
    first.resize(wanted);
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    first.saveSettings();
    first.close();

    MainWindow second(&m_catalog, dataDir());
    second.setInteractive(false);
    second.restoreSettings();
    QCOMPARE(second.size(), wanted);
    QVERIFY(!QSettings().value(QStringLiteral("window/state")).toByteArray().isEmpty());
}

void TestUiShell::recentFilesKeepOrderAndLimit()
{
    RecentFiles::clear();
    for (int i = 0; i < RecentFiles::MaxCount + 3; ++i)
        RecentFiles::add(m_work.filePath(QStringLiteral("plan-%1.trplan").arg(i)));
    RecentFiles::add(m_work.filePath(QStringLiteral("plan-5.trplan"))); // re-opened: moves to the top, no duplicate
    const QStringList list = RecentFiles::list();
    QCOMPARE(list.size(), RecentFiles::MaxCount);
    QCOMPARE(list.first(), m_work.filePath(QStringLiteral("plan-5.trplan")));
    QCOMPARE(list.count(m_work.filePath(QStringLiteral("plan-5.trplan"))), 1);
    QCOMPARE(list.value(1), m_work.filePath(QStringLiteral("plan-%1.trplan").arg(RecentFiles::MaxCount + 2)));
}

void TestUiShell::projectorModeScalesFont()
{
    const QFont base = QApplication::font();
    m_window->setProjectorMode(true);
    QVERIFY(projectorMode());
    if (base.pointSizeF() > 0)
        QCOMPARE(QApplication::font().pointSizeF(), base.pointSizeF() * ProjectorScale);
    else
        QCOMPARE(QApplication::font().pixelSize(), qRound(base.pixelSize() * ProjectorScale));
    m_window->setProjectorMode(false);
    QVERIFY(!projectorMode());
    QCOMPARE(QApplication::font(), base);
}

void TestUiShell::paletteIsDistinctAndReadable()
{
    const QList<PoolRole> roles{PoolRole::Prefill, PoolRole::Decode, PoolRole::Combined, PoolRole::Edge};
    for (int i = 0; i < roles.size(); ++i) {
        QVERIFY(!roleName(roles[i]).isEmpty());
        for (int j = i + 1; j < roles.size(); ++j)
            QVERIFY(roleColour(roles[i]) != roleColour(roles[j]));
    }
    QCOMPARE(textColourOn(QColor::fromRgb(okabeIto::Yellow)), QColor(Qt::black));
    QCOMPARE(textColourOn(QColor::fromRgb(okabeIto::Blue)), QColor(Qt::white));
    QCOMPARE(tagColour(Tag::PrefillHeavy), roleColour(PoolRole::Prefill));
    QCOMPARE(tagColour(Tag::DecodeHeavy), roleColour(PoolRole::Decode));
}

void TestUiShell::screenshotIsWritten()
{
    QVERIFY(m_window->openDemoPlan());
    QVERIFY(m_window->catalogBrowser()->select(int(CatalogModel::Group::Devices), QStringLiteral("h200")));
    QVERIFY(m_window->catalogBrowser()->details()->toPlainText().contains(QStringLiteral("Memory bandwidth")));
    m_window->resize(1600, 1000);
    QTest::qWait(50);
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1600, 1000));
    const QString path = QStringLiteral(TOKENROUTE_BINARY_DIR "/ui-main-window.png");
    QFile::remove(path);
    QVERIFY(image.save(path, "PNG"));
    QVERIFY(QFileInfo(path).size() > 10000);

    // Not a blank frame: count distinct colours on a sparse grid.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

QTEST_MAIN(TestUiShell)
#include "test_ui_shell.moc"
