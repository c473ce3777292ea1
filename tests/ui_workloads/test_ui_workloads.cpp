// The workload editor on the demo plan, offscreen, through the calls the mouse and keyboard make:
// setData for typed values, clicks on the tag chips where the chips are drawn, the tool bar's
// add/duplicate/delete. Every edit is checked against the plan itself (Plan ==), so undo and redo
// are compared exactly; the live evaluation, save/reopen and crash recovery are checked end to end.

#include <algorithm>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "core/route/tags.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/document/planrecovery.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/mainwindow.h"
#include "ui/plandocument.h"
#include "ui/translations.h"
#include "ui/workloads/tagchipdelegate.h"
#include "ui/workloads/workloadeditor.h"
#include "ui/workloads/workloadtablemodel.h"
#include "ui/workloads/workloadvalidator.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

// Demo workload ids (data/plans/demo.json).
constexpr int CodingAgent = 301;
constexpr int SupportChat = 302;
constexpr int Summarisation = 303;
constexpr int VoiceAssistant = 304;

int rowOf(const Plan &plan, int id)
{
    for (std::size_t i = 0; i < plan.workloads.size(); ++i)
        if (plan.workloads[i].id == id)
            return int(i);
    return -1;
}

} // namespace

class TestUiWorkloads : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void modelPassesTester();
    void tableShowsThePlan();
    void refusesNonsense_data();
    void refusesNonsense();
    void acceptsValidEditAsOneUndoStep();
    void dialledValuesMergeIntoOneStep();
    void tagsDerivedWithReasons();
    void tagChipClickOverridesThenReturns();
    void undoRedoRestoresExactPlan();
    void importedModelIsKeptWithThePlan();
    void liveEvaluationFollowsEdits();
    void warnedOnlyWhenNoPoolHoldsTheModel();
    void titleShowsModifiedMarker();
    void saveThenReopenIsEqual();
    void crashRecoveryFileIsRestored();
    void liveWindowsFileIsNotOffered();
    void screenshot();

private:
    WorkloadTableModel *model() const { return m_window->workloadEditor()->model(); }
    const Plan &plan() const { return m_window->document()->plan(); }
    QModelIndex cell(int id, int column) const { return model()->index(rowOf(plan(), id), column); }
    void clickChip(int row, TagAxis axis);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_work;
    Catalog m_catalog;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiWorkloads::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_work.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    // Recovery files go to a throwaway AppDataLocation, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_workloads"));
    // Leftovers of an earlier run that was killed would be offered as crashes; start empty.
    QDir(PlanRecovery::defaultDirectory()).removeRecursively();
    tokenroute::initResources();
    installTranslations(*qApp);
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    QVERIFY(!m_catalog.presets.empty());
}

void TestUiWorkloads::init()
{
    // A fresh window on the demo plan for every case: no case sees another's edits.
    // One window for the run, the demo plan reopened for every case: no case sees another's edits.
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(&m_catalog, dataDir());
        m_window->setInteractive(false);
        m_window->resize(1600, 1000);
    }
    QVERIFY(m_window->openDemoPlan());
    m_window->views()->setCurrentWidget(m_window->workloadEditor());
    QVERIFY(m_window->workloadEditor());
}

void TestUiWorkloads::cleanupTestCase()
{
    m_window.reset();
}

void TestUiWorkloads::modelPassesTester()
{
    QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model()->rowCount(), int(plan().workloads.size()));
    QVERIFY(model()->addFromPreset(QStringLiteral("rag-long-doc")) >= 0);
    QVERIFY(model()->duplicate(0) == 1);
    QVERIFY(model()->setData(model()->index(0, WorkloadTableModel::RateColumn), 7.5));
    model()->toggleTag(0, TagAxis::Latency);
    model()->remove({1, 2});
    QUndoStack *stack = m_window->document()->undoStack();
    while (stack->canUndo())
        stack->undo();
    while (stack->canRedo())
        stack->redo();
    QVERIFY(m_window->openDemoPlan());
    QCOMPARE(model()->rowCount(), 4);
}

void TestUiWorkloads::tableShowsThePlan()
{
    const Plan expected = loadPlan((dataDir() + QStringLiteral("/plans/demo.json")).toStdString());
    QCOMPARE(model()->rowCount(), int(expected.workloads.size()));
    for (int row = 0; row < model()->rowCount(); ++row) {
        const Workload &w = expected.workloads[std::size_t(row)];
        QCOMPARE(model()->index(row, WorkloadTableModel::NameColumn).data().toString(), QString::fromStdString(w.name));
        QCOMPARE(model()->index(row, WorkloadTableModel::ModelColumn).data(Qt::EditRole).toString(), QString::fromStdString(w.modelId));
        QCOMPARE(model()->index(row, WorkloadTableModel::RateColumn).data(Qt::EditRole).toDouble(), w.ratePerS);
        QCOMPARE(model()->index(row, WorkloadTableModel::InputP90Column).data(Qt::EditRole).toDouble(), w.inputP90);
        QCOMPARE(model()->index(row, WorkloadTableModel::ReuseColumn).data(Qt::EditRole).toDouble(), w.prefixReuse);
        QCOMPARE(model()->index(row, WorkloadTableModel::EdgeColumn).data(Qt::CheckStateRole).toInt(), int(w.edge ? Qt::Checked : Qt::Unchecked));
    }
}

void TestUiWorkloads::refusesNonsense_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expectedWord");
    QTest::newRow("negative rate") << int(WorkloadTableModel::RateColumn) << QVariant(-1.0) << QStringLiteral("negative");
    QTest::newRow("input p90 below mean") << int(WorkloadTableModel::InputP90Column) << QVariant(100.0) << QStringLiteral("p90");
    QTest::newRow("input mean above p90") << int(WorkloadTableModel::InputMeanColumn) << QVariant(5000.0) << QStringLiteral("p90");
    QTest::newRow("output p90 below mean") << int(WorkloadTableModel::OutputP90Column) << QVariant(10.0) << QStringLiteral("p90");
    QTest::newRow("reuse above one") << int(WorkloadTableModel::ReuseColumn) << QVariant(1.5) << QStringLiteral("between 0 and 1");
    QTest::newRow("reuse below zero") << int(WorkloadTableModel::ReuseColumn) << QVariant(-0.1) << QStringLiteral("between 0 and 1");
    QTest::newRow("zero TTFT SLO") << int(WorkloadTableModel::TtftColumn) << QVariant(0.0) << QStringLiteral("TTFT");
    QTest::newRow("negative TPOT SLO") << int(WorkloadTableModel::TpotColumn) << QVariant(-5.0) << QStringLiteral("TPOT");
    QTest::newRow("not a number") << int(WorkloadTableModel::RateColumn) << QVariant(QStringLiteral("fast")) << QStringLiteral("not a number");
    QTest::newRow("empty name") << int(WorkloadTableModel::NameColumn) << QVariant(QStringLiteral("  ")) << QStringLiteral("name");
    QTest::newRow("unknown model") << int(WorkloadTableModel::ModelColumn) << QVariant(QStringLiteral("gpt-9")) << QStringLiteral("gpt-9");
}

void TestUiWorkloads::refusesNonsense()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(QString, expectedWord);
    const Plan before = plan();
    const int steps = m_window->document()->undoStack()->count();
    QSignalSpy refused(model(), &WorkloadTableModel::editRefused);
    // Support chat: input 1155 mean / 2735 p90, output 211 / 424.
    QVERIFY(!model()->setData(cell(SupportChat, column), value));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.first().first().toString().contains(expectedWord, Qt::CaseInsensitive), qPrintable(refused.first().first().toString()));
    QCOMPARE(m_window->workloadEditor()->message(), refused.first().first().toString());
    QVERIFY(plan() == before);
    QCOMPARE(m_window->document()->undoStack()->count(), steps);
    QVERIFY(!m_window->document()->isModified());
}

void TestUiWorkloads::acceptsValidEditAsOneUndoStep()
{
    const Plan before = plan();
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::InputP90Column), 3000.0));
    QCOMPARE(plan().workload(SupportChat)->inputP90, 3000.0);
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    QVERIFY(m_window->workloadEditor()->message().isEmpty());
    // Setting the value it already has is no step.
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::InputP90Column), 3000.0));
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    m_window->document()->undoStack()->undo();
    QVERIFY(plan() == before);
}

void TestUiWorkloads::dialledValuesMergeIntoOneStep()
{
    // A spin box turned through 41, 42, 43 req/s commits each value; undo takes all back at once.
    const Plan before = plan();
    QUndoStack *stack = m_window->document()->undoStack();
    for (double rate : {41.0, 42.0, 43.0})
        QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::RateColumn), rate));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(plan().workload(SupportChat)->ratePerS, 43.0);
    // A different field starts a new step.
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::TpotColumn), 45.0));
    QCOMPARE(stack->count(), 2);
    stack->undo();
    stack->undo();
    QVERIFY(plan() == before);
    // Turned away and back to where it began: no step at all.
    stack->clear();
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::RateColumn), 41.0));
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::RateColumn), 40.0));
    QCOMPARE(stack->count(), 0);
    QVERIFY(plan() == before);
}

void TestUiWorkloads::tagsDerivedWithReasons()
{
    for (int row = 0; row < model()->rowCount(); ++row) {
        const WorkloadTags expected = deriveTags(plan().workloads[std::size_t(row)], plan(), m_catalog);
        const QVariantList chips = model()->index(row, WorkloadTableModel::TagsColumn).data(WorkloadTableModel::TagChipsRole).toList();
        QCOMPARE(chips.size(), qsizetype(expected.tags.size()));
        for (int i = 0; i < chips.size(); ++i) {
            const QVariantMap chip = chips[i].toMap();
            QCOMPARE(chip.value(QStringLiteral("tag")).toInt(), int(expected.tags[std::size_t(i)]));
            QCOMPARE(chip.value(QStringLiteral("reason")).toString(), QString::fromStdString(describe(expected.reasons[std::size_t(i)])));
            QVERIFY(!chip.value(QStringLiteral("reason")).toString().isEmpty());
        }
    }
    // The coding agent's prompts are ~100x its outputs: prefill-heavy, derived, not overridden.
    const WorkloadTags agent = model()->tags(rowOf(plan(), CodingAgent));
    QVERIFY(agent.has(Tag::PrefillHeavy));
    QVERIFY(agent.reasons[std::size_t(TagAxis::Phase)].code != TagReasonCode::Overridden);
    // The demo pins the summarisation job prefill-heavy: shown as an override.
    const WorkloadTags summary = model()->tags(rowOf(plan(), Summarisation));
    QVERIFY(summary.reasons[std::size_t(TagAxis::Phase)].code == TagReasonCode::Overridden);
}

void TestUiWorkloads::clickChip(int row, TagAxis axis)
{
    QTableView *table = m_window->workloadEditor()->table();
    const QModelIndex index = model()->index(row, WorkloadTableModel::TagsColumn);
    table->scrollTo(index);
    const QList<QRect> rects = TagChipDelegate::chipRects(table->visualRect(index), table->font(), index);
    const QVariantList chips = index.data(WorkloadTableModel::TagChipsRole).toList();
    for (int i = 0; i < rects.size(); ++i) {
        if (chips[i].toMap().value(QStringLiteral("axis")).toInt() == int(axis)) {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rects[i].center());
            return;
        }
    }
    QFAIL("no chip on that axis");
}

void TestUiWorkloads::tagChipClickOverridesThenReturns()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const int row = rowOf(plan(), SupportChat);
    const Plan before = plan();
    const WorkloadTags derived = model()->tags(row);
    QVERIFY(derived.has(Tag::Interactive));

    // Click: the latency axis is overridden to its other value, batch.
    clickChip(row, TagAxis::Latency);
    const Workload *w = plan().workload(SupportChat);
    QCOMPARE(w->tagOverrides.size(), std::size_t(1));
    QVERIFY(w->tagOverrides.at(TagAxis::Latency) == Tag::Batch);
    const WorkloadTags overridden = model()->tags(row);
    QVERIFY(overridden.has(Tag::Batch));
    QVERIFY(overridden.reasons[std::size_t(TagAxis::Latency)].code == TagReasonCode::Overridden);
    QVERIFY(overridden.reasons[std::size_t(TagAxis::Latency)].derived == Tag::Interactive);
    QVERIFY(model()->index(row, WorkloadTableModel::TagsColumn).data(WorkloadTableModel::TagChipsRole).toList()
                [int(TagAxis::Latency)].toMap().value(QStringLiteral("overridden")).toBool());

    // Second click: back to derived, the plan exactly as before; two undo steps were recorded.
    clickChip(row, TagAxis::Latency);
    QVERIFY(plan().workload(SupportChat)->tagOverrides.empty());
    QVERIFY(model()->tags(row).has(Tag::Interactive));
    QVERIFY(plan() == before);
    QCOMPARE(m_window->document()->undoStack()->count(), 2);

    // The size axis has three values: an SRAM-resident or small model overrides to large.
    clickChip(row, TagAxis::ModelSize);
    QVERIFY(plan().workload(SupportChat)->tagOverrides.at(TagAxis::ModelSize) == Tag::LargeModel);
    m_window->document()->undoStack()->undo();
    QVERIFY(plan() == before);
}

void TestUiWorkloads::undoRedoRestoresExactPlan()
{
    QUndoStack *stack = m_window->document()->undoStack();
    std::vector<Plan> states{plan()};
    auto step = [&](auto &&edit) {
        edit();
        states.push_back(plan());
    };
    step([&] { QVERIFY(model()->setData(cell(CodingAgent, WorkloadTableModel::NameColumn), QStringLiteral("Agent fleet"))); });
    step([&] { QVERIFY(model()->setData(cell(CodingAgent, WorkloadTableModel::OutputMeanColumn), 200.0)); });
    step([&] { QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::EdgeColumn), Qt::Checked, Qt::CheckStateRole)); });
    step([&] { model()->toggleTag(rowOf(plan(), CodingAgent), TagAxis::Context); });
    step([&] { QVERIFY(model()->addFromPreset(QStringLiteral("code-completion")) >= 0); });
    step([&] { QVERIFY(model()->duplicate(0) == 1); });
    step([&] { model()->remove({0, 2}); });
    step([&] { QVERIFY(model()->setData(cell(Summarisation, WorkloadTableModel::ModelColumn), QStringLiteral("llama-3.1-8b"))); });
    QCOMPARE(stack->count(), int(states.size()) - 1);
    // Every intermediate state is distinct, so a skipped or doubled step would be seen.
    for (std::size_t i = 1; i < states.size(); ++i)
        QVERIFY(!(states[i] == states[i - 1]));

    for (std::size_t i = states.size() - 1; i > 0; --i) {
        stack->undo();
        QVERIFY2(plan() == states[i - 1], qPrintable(QStringLiteral("after undoing step %1").arg(i)));
        QCOMPARE(model()->rowCount(), int(plan().workloads.size()));
    }
    QVERIFY(!m_window->document()->isModified());
    for (std::size_t i = 1; i < states.size(); ++i) {
        stack->redo();
        QVERIFY2(plan() == states[i], qPrintable(QStringLiteral("after redoing step %1").arg(i)));
    }
}

void TestUiWorkloads::importedModelIsKeptWithThePlan()
{
    const Plan before = plan();
    const QString config = QStringLiteral(TOKENROUTE_TEST_DATA "/ui_workloads/my-small-llama/config.json");
    QVERIFY(QFile::exists(config));
    const int row = rowOf(plan(), SupportChat);
    QVERIFY(model()->importModel(row, config));
    QCOMPARE(plan().importedModels.size(), before.importedModels.size() + 1);
    QCOMPARE(plan().importedModels.back().id, std::string("my-small-llama"));
    QCOMPARE(plan().workload(SupportChat)->modelId, std::string("import:my-small-llama"));
    QCOMPARE(model()->index(row, WorkloadTableModel::ModelColumn).data().toString(), QStringLiteral("my-small-llama"));
    QVERIFY(model()->modelChoices().contains(QStringLiteral("import:my-small-llama")));
    // The model is found for tags: the size axis is not "unknown model".
    QVERIFY(model()->tags(row).reasons[std::size_t(TagAxis::ModelSize)].code != TagReasonCode::UnknownModel);
    // One step, undone whole.
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    m_window->document()->undoStack()->undo();
    QVERIFY(plan() == before);

    // A file that is not a config is refused with its name, and nothing changes.
    QSignalSpy refused(model(), &WorkloadTableModel::editRefused);
    QVERIFY(!model()->importModel(row, QStringLiteral(TOKENROUTE_DATA_DIR "/plans/demo.json")));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.first().first().toString().contains(QStringLiteral("demo.json")));
    QVERIFY(plan() == before);
}

void TestUiWorkloads::liveEvaluationFollowsEdits()
{
    LiveEvaluation *live = m_window->liveEvaluation();
    QElapsedTimer timer;
    timer.start();
    const PlanOutlook &first = live->current();
    qInfo("evaluate + route on the demo plan: %.2f ms", first.elapsedMs);
    QVERIFY2(first.routing.has_value(), qPrintable(first.routingError));
    QVERIFY(first.itPowerKw > 0);
    QVERIFY(first.usdPerMillionOutput > 0);
    // Every demo workload that is routed shows its route with bands around its times.
    int routed = 0;
    for (const Workload &w : plan().workloads) {
        const WorkloadOutlook *o = first.workload(w.id);
        QVERIFY(o);
        if (!o->routed)
            continue;
        ++routed;
        QVERIFY(o->ttftLowMs <= o->ttftMs && o->ttftMs <= o->ttftHighMs);
        QVERIFY(o->tpotLowMs <= o->tpotMs && o->tpotMs <= o->tpotHighMs);
        const QModelIndex estimate = cell(w.id, WorkloadTableModel::EstimateColumn);
        QCOMPARE(estimate.data().toString(), o->route);
        QVERIFY(estimate.data(WorkloadTableModel::DetailRole).toString().contains(QStringLiteral("TTFT")));
    }
    QVERIFY(routed >= 2);
    const int runs = live->runs();
    const double unservedBefore = first.unservedFraction;

    // A thousand times the chat traffic cannot all be served: unserved demand and an SLO
    // violation appear, the row carries a warning, and the status bar says so.
    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::RateColumn), 40000.0));
    const PlanOutlook &after = live->current();
    QCOMPARE(live->runs(), runs + 1);
    QVERIFY(after.unservedFraction > unservedBefore);
    QVERIFY(after.sloViolations >= 1);
    QVERIFY(cell(SupportChat, WorkloadTableModel::NameColumn).data(WorkloadTableModel::HasProblemRole).toBool());
    auto *summary = m_window->findChild<QLabel *>(QStringLiteral("evaluationSummary"));
    QVERIFY(summary);
    QCoreApplication::processEvents();
    QVERIFY2(summary->text().contains(QStringLiteral("unserved")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("kW")));
    QVERIFY(summary->text().contains(QStringLiteral("SLO violation")));
    // Back where it was: the evaluation follows undo too.
    m_window->document()->undoStack()->undo();
    QCOMPARE(live->current().unservedFraction, unservedBefore);
    qInfo("edit to refreshed outlook, three runs: %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestUiWorkloads::warnedOnlyWhenNoPoolHoldsTheModel()
{
    // The coding agent's 70B model does not fit the LPU pool (built for 8B), but the H200 pool
    // holds it: no warning. The voice assistant on 70B fits no edge device: warned, with why.
    LiveEvaluation *live = m_window->liveEvaluation();
    const PlanOutlook &demo = live->current();
    QVERIFY(std::any_of(demo.evaluation.issues.begin(), demo.evaluation.issues.end(), [](const EvaluationIssue &i) {
        return i.code == EvaluationIssueCode::ModelDoesNotFit && i.workloadId == CodingAgent;
    }));
    QVERIFY(!cell(CodingAgent, WorkloadTableModel::NameColumn).data(WorkloadTableModel::HasProblemRole).toBool());
    QVERIFY(!cell(VoiceAssistant, WorkloadTableModel::NameColumn).data(WorkloadTableModel::HasProblemRole).toBool());
    // The status bar has no warning sign for it, and lists it as routed around.
    auto *summary = m_window->findChild<QLabel *>(QStringLiteral("evaluationSummary"));
    QVERIFY(summary);
    QCoreApplication::processEvents();
    QVERIFY2(!summary->text().contains(QStringLiteral("⚠")), qPrintable(summary->text()));
    QVERIFY2(summary->toolTip().contains(QStringLiteral("Routed around")), qPrintable(summary->toolTip()));

    QVERIFY(model()->setData(cell(VoiceAssistant, WorkloadTableModel::ModelColumn), QStringLiteral("llama-3.1-70b")));
    live->current();
    const QModelIndex voice = cell(VoiceAssistant, WorkloadTableModel::NameColumn);
    QVERIFY(voice.data(WorkloadTableModel::HasProblemRole).toBool());
    const QString tip = voice.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Voice edge")), qPrintable(tip));
    QCoreApplication::processEvents();
    QVERIFY2(summary->text().contains(QStringLiteral("⚠")), qPrintable(summary->text()));
    m_window->document()->undoStack()->undo();
    live->current();
    QVERIFY(!cell(VoiceAssistant, WorkloadTableModel::NameColumn).data(WorkloadTableModel::HasProblemRole).toBool());
}

void TestUiWorkloads::titleShowsModifiedMarker()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(model()->setData(cell(CodingAgent, WorkloadTableModel::RateColumn), 5.0));
    QVERIFY(m_window->isWindowModified());
    m_window->document()->undoStack()->undo();
    QVERIFY(!m_window->isWindowModified());
}

void TestUiWorkloads::saveThenReopenIsEqual()
{
    QVERIFY(model()->setData(cell(CodingAgent, WorkloadTableModel::ReuseColumn), 0.75));
    model()->toggleTag(rowOf(plan(), SupportChat), TagAxis::Placement);
    QVERIFY(model()->importModel(rowOf(plan(), Summarisation), QStringLiteral(TOKENROUTE_TEST_DATA "/ui_workloads/my-small-llama/config.json")));
    const Plan edited = plan();
    const QString path = m_work.filePath(QStringLiteral("edited.trplan"));
    QVERIFY2(m_window->saveAs(path), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->openDemoPlan());
    QVERIFY(!(plan() == edited));
    QVERIFY2(m_window->openPlan(path), qPrintable(m_window->lastError()));
    QVERIFY(plan() == edited);
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
}

void TestUiWorkloads::crashRecoveryFileIsRestored()
{
    PlanRecovery *recovery = m_window->recovery();
    QVERIFY(recovery->recoveryPath().startsWith(recovery->directory()));
    // Clean plan: nothing to keep.
    QVERIFY(recovery->autosave());
    QVERIFY(!QFile::exists(recovery->recoveryPath()));

    QVERIFY(model()->setData(cell(SupportChat, WorkloadTableModel::RateColumn), 55.0));
    QVERIFY(model()->addFromPreset(QStringLiteral("agent")) >= 0);
    const Plan edited = plan();
    QVERIFY(recovery->autosave());
    QVERIFY(QFile::exists(recovery->recoveryPath()));

    // The crash: the process dies with the file on disk and no one holding its lock. Simulated by
    // moving the file aside, as a dead session's would be, and dropping the window uncleanly
    // (its own copy is gone with it).
    const QString crashed = QDir(recovery->directory()).filePath(QStringLiteral("autosave-crashed.trplan"));
    QFile::remove(crashed);
    QVERIFY(QFile::copy(recovery->recoveryPath(), crashed));

    // Next start: the window offers the file and, accepted, restores the plan as unsaved.
    init();
    QVERIFY(!(plan() == edited));
    QVERIFY(m_window->recovery()->orphans().contains(crashed));
    QVERIFY(m_window->offerRecovery());
    QVERIFY(plan() == edited);
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(m_window->recovery()->orphans().isEmpty());
    // Saved, the recovery copy goes.
    QVERIFY(m_window->saveAs(m_work.filePath(QStringLiteral("recovered.trplan"))));
    QVERIFY(!QFile::exists(m_window->recovery()->recoveryPath()));
}

void TestUiWorkloads::liveWindowsFileIsNotOffered()
{
    // Two windows at once: each sees the other's recovery file as live, not as a crash's.
    PlanDocument other;
    other.reset(plan());
    PlanRecovery otherRecovery(&other, m_window->recovery()->directory());
    other.undoStack()->push(new SetPlanProperties(&other, "Changed", ""));
    QVERIFY(otherRecovery.autosave());
    QVERIFY(QFile::exists(otherRecovery.recoveryPath()));
    QVERIFY(!m_window->recovery()->orphans().contains(otherRecovery.recoveryPath()));
    QVERIFY(!m_window->offerRecovery());
}

void TestUiWorkloads::screenshot()
{
    // The Workloads tab on the demo plan at 1600x1000, the chat workload selected; written to the
    // build directory and, when TOKENROUTE_SCREENSHOT_DIR is set (installer/screenshot-workloads.sh),
    // to that folder.
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->workloadEditor()->table()->selectRow(rowOf(plan(), SupportChat));
    m_window->liveEvaluation()->current();
    QCoreApplication::processEvents();
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 1000));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/workloads.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("workloads.png"))));
}

QTEST_MAIN(TestUiWorkloads)
#include "test_ui_workloads.moc"
