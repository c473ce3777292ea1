// The plan structure tree's problem badges, driven through the same editor calls the rack designer
// uses: a rack pushed over its power budget gains a badge with the reason in its tooltip and loses
// it on undo; a pool that cannot hold its workload's model and a workload with unserved demand are
// badged too; the model stays consistent under QAbstractItemModelTester throughout. Its last case
// takes the Workloads screenshot: the main window on the demo plan, where the tree's badges and
// the workload table's tag chips are seen together.

#include <algorithm>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QIcon>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "resources/resources.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/appstyle.h"
#include "ui/evaluation/planproblems.h"
#include "ui/mainwindow.h"
#include "ui/plandocument.h"
#include "ui/planstructuremodel.h"
#include "ui/racks/rackeditor.h"
#include "ui/translations.h"
#include "ui/workloads/workloadeditor.h"
#include "ui/workloads/workloadtablemodel.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

// Demo plan ids (data/plans/demo.json): rack 3 is 42U, 30 kW, air-cooled, with six LPU nodes
// (3.8 kW each), a ToR switch and a PDU — 24.5 kW, under its budget.
constexpr int Rack3 = 3;
constexpr int LpuPool = 12;

QModelIndex childWithId(const QAbstractItemModel &model, const QModelIndex &parent, int id, int column = 0)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, column, parent);
        if (index.data(PlanStructureModel::EntityIdRole).toInt() == id)
            return index;
    }
    return {};
}

} // namespace

class TestUiStructure : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void demoRacksHaveNoBadge();
    void rackOverPowerBadgedUntilUndo();
    void poolThatCannotHoldItsModelBadged();
    void workloadWithUnservedDemandBadged();
    void noEvaluationNoBadges();
    void mainWindowTreeShowsBadges();
    void screenshotWorkloads();

private:
    QModelIndex rackIndex(int column = 0) const
    {
        return childWithId(*m_model, m_model->groupIndex(PlanStructureModel::NodeKind::RacksGroup), Rack3, column);
    }

    QTemporaryDir m_settingsDir;
    Catalog m_catalog;
    Plan m_demo;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<LiveEvaluation> m_evaluation;
    std::unique_ptr<PlanStructureModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<RackEditor> m_editor;
};

void TestUiStructure::initTestCase()
{
    // The main window cases read and write settings and recovery files: keep them out of the user's.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_structure"));
    tokenroute::initResources();
    installTranslations(*qApp);
    applyAppStyle(*qApp);
    m_catalog = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    m_demo = loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json");
}

void TestUiStructure::init()
{
    m_document = std::make_unique<PlanDocument>();
    m_document->reset(m_demo);
    m_evaluation = std::make_unique<LiveEvaluation>(m_document.get(), &m_catalog);
    m_model = std::make_unique<PlanStructureModel>(m_document.get(), &m_catalog);
    m_model->setEvaluation(m_evaluation.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_editor = std::make_unique<RackEditor>(m_document.get(), &m_catalog);
}

void TestUiStructure::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_editor.reset();
    m_evaluation.reset();
    m_document.reset();
}

void TestUiStructure::demoRacksHaveNoBadge()
{
    const QModelIndex racks = m_model->groupIndex(PlanStructureModel::NodeKind::RacksGroup);
    QCOMPARE(m_model->rowCount(racks), 3);
    for (int row = 0; row < m_model->rowCount(racks); ++row) {
        const QModelIndex rack = m_model->index(row, PlanStructureModel::DetailColumn, racks);
        QVERIFY2(rack.data(PlanStructureModel::ProblemsRole).toStringList().isEmpty(), qPrintable(rack.data().toString()));
        QVERIFY(!rack.data(Qt::DecorationRole).isValid());
    }
}

void TestUiStructure::rackOverPowerBadgedUntilUndo()
{
    // An 8U H200 node (10.2 kW) into rack 3's free units takes it to 34.7 kW against 30.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_editor->placeNew(QStringLiteral("hgx-h200"), Rack3, 25));
    m_evaluation->current(); // what the zero-delay timer would run after the edit
    const QModelIndex detail = rackIndex(PlanStructureModel::DetailColumn);
    QVERIFY(detail.isValid());
    const QStringList problems = detail.data(PlanStructureModel::ProblemsRole).toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("Row A / Rack 3")) && problems.first().contains(QStringLiteral("34.7 kW"))
                 && problems.first().contains(QStringLiteral("30.0 kW budget")),
             qPrintable(problems.first()));
    const QIcon badge = detail.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!badge.isNull());
    QVERIFY(!badge.pixmap(16, 16).isNull());
    const QString tip = detail.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("over its 30.0 kW budget")), qPrintable(tip));
    QVERIFY(rackIndex().data(Qt::ToolTipRole).toString().contains(QStringLiteral("over its 30.0 kW budget")));
    // The name column keeps the rack's own icon; the badge does not replace it.
    QVERIFY(!rackIndex().data(Qt::DecorationRole).value<QIcon>().isNull());
    // The badge's row was announced, and not as a reset.
    bool announced = false;
    for (const QList<QVariant> &args : std::as_const(changed))
        announced = announced || args.at(0).value<QModelIndex>() == rackIndex();
    QVERIFY(announced);

    m_document->undoStack()->undo();
    m_evaluation->current();
    QVERIFY(rackIndex(PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList().isEmpty());
    QVERIFY(!rackIndex(PlanStructureModel::DetailColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!rackIndex().data(Qt::ToolTipRole).toString().contains(QStringLiteral("budget")));

    // Lowering the budget through the rack's properties badges it just the same.
    Rack lower = *m_demo.rack(Rack3);
    lower.powerBudgetKw = 20;
    QVERIFY(m_editor->changeRack(lower));
    m_evaluation->current();
    QVERIFY(rackIndex(PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList().join(QString()).contains(
        QStringLiteral("over its 20.0 kW budget")));
    m_document->undoStack()->undo();
    m_evaluation->current();
    QVERIFY(rackIndex(PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList().isEmpty());
}

void TestUiStructure::poolThatCannotHoldItsModelBadged()
{
    // The LPU pool keeps weights in on-chip SRAM: six nodes (48 LPUs) hold the 8B chat model but
    // not the 70B ones. That is the design (the router sends 70B elsewhere), so no badge...
    const QModelIndex pools = m_model->groupIndex(PlanStructureModel::NodeKind::PoolsGroup);
    const auto lpuProblems = [&] {
        return childWithId(*m_model, pools, LpuPool, PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList();
    };
    const PlanOutlook &demo = m_evaluation->current();
    QVERIFY(std::any_of(demo.evaluation.issues.begin(), demo.evaluation.issues.end(), [](const EvaluationIssue &i) {
        return i.code == EvaluationIssueCode::ModelDoesNotFit && i.poolId == LpuPool;
    }));
    QVERIFY(lpuProblems().isEmpty());

    // ...until every workload it could serve runs a model it cannot hold: then it is badged.
    Plan plan = m_demo;
    for (Workload &w : plan.workloads)
        if (!w.edge)
            w.modelId = "llama-3.1-405b";
    m_document->reset(plan);
    const PlanOutlook &outlook = m_evaluation->current();
    const PlanProblems expected = problemsByEntity(outlook, m_document->plan());
    QVERIFY(expected.pools.contains(LpuPool));
    const QStringList problems = lpuProblems();
    QCOMPARE(problems, expected.pools.value(LpuPool));
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("cannot hold the model of")), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(childWithId(*m_model, pools, LpuPool, PlanStructureModel::DetailColumn).data(Qt::DecorationRole).isValid());
}

void TestUiStructure::workloadWithUnservedDemandBadged()
{
    // A thousand times the demo's chat rate is more than its pools can carry within the SLOs.
    Plan plan = m_demo;
    plan.workloads.front().ratePerS *= 1000;
    const int id = plan.workloads.front().id;
    m_document->reset(plan);
    const PlanOutlook &outlook = m_evaluation->current();
    const WorkloadOutlook *workload = outlook.workload(id);
    QVERIFY(workload && workload->unservedFraction > 0.5);
    const QModelIndex workloads = m_model->groupIndex(PlanStructureModel::NodeKind::WorkloadsGroup);
    const QModelIndex row = childWithId(*m_model, workloads, id, PlanStructureModel::DetailColumn);
    const QString problems = row.data(PlanStructureModel::ProblemsRole).toStringList().join(QLatin1Char('\n'));
    QVERIFY2(problems.contains(QStringLiteral("of the demand has no route within the SLOs")), qPrintable(problems));
    QVERIFY(row.data(Qt::DecorationRole).isValid());
}

void TestUiStructure::noEvaluationNoBadges()
{
    QVERIFY(m_editor->placeNew(QStringLiteral("hgx-h200"), Rack3, 25));
    m_evaluation->current();
    QVERIFY(!rackIndex(PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList().isEmpty());
    m_model->setEvaluation(nullptr);
    QVERIFY(rackIndex(PlanStructureModel::DetailColumn).data(PlanStructureModel::ProblemsRole).toStringList().isEmpty());
    QVERIFY(!rackIndex(PlanStructureModel::DetailColumn).data(Qt::DecorationRole).isValid());
}

void TestUiStructure::mainWindowTreeShowsBadges()
{
    // The window wires its tree to its own live evaluation: a change made there shows up as a badge.
    MainWindow window(&m_catalog, QStringLiteral(TOKENROUTE_DATA_DIR));
    window.setInteractive(false);
    QVERIFY(window.openDemoPlan());
    RackEditor editor(window.document(), &m_catalog);
    QVERIFY(editor.placeNew(QStringLiteral("hgx-h200"), Rack3, 25));
    window.liveEvaluation()->current();
    const PlanStructureModel *model = window.structureModel();
    const QModelIndex rack = childWithId(*model, model->groupIndex(PlanStructureModel::NodeKind::RacksGroup), Rack3,
                                         PlanStructureModel::DetailColumn);
    QVERIFY(rack.data(Qt::DecorationRole).isValid());
    QVERIFY(rack.data(Qt::ToolTipRole).toString().contains(QStringLiteral("over its 30.0 kW budget")));
}

void TestUiStructure::screenshotWorkloads()
{
    // The Workloads tab on the demo plan at the size of a common projector (1280x720 unless
    // TOKENROUTE_SCREENSHOT_SIZE says WxH), the chat workload selected, written to the build
    // directory and, when TOKENROUTE_SCREENSHOT_DIR is set (installer/screenshot-workloads.sh),
    // to that folder.
    QSize size(1280, 720);
    const QStringList wh = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_SIZE").split(QLatin1Char('x'));
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        size = QSize(wh[0].toInt(), wh[1].toInt());
    MainWindow window(&m_catalog, QStringLiteral(TOKENROUTE_DATA_DIR));
    window.setInteractive(false);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemoPlan());
    window.views()->setCurrentWidget(window.workloadEditor());
    QTableView *table = window.workloadEditor()->table();
    // The editor places the tag chips, the point of the picture, beside the model so they are in
    // view at projector width.
    QCOMPARE(table->horizontalHeader()->visualIndex(WorkloadTableModel::TagsColumn), WorkloadTableModel::ModelColumn + 1);
    constexpr int SupportChat = 302; // data/plans/demo.json
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (window.document()->plan().workloads[std::size_t(row)].id == SupportChat)
            table->selectRow(row);
    window.liveEvaluation()->current();
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), size);
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/workloads.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("workloads.png"))));
}

QTEST_MAIN(TestUiStructure)
#include "test_ui_structure.moc"
