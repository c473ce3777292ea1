// The rack designer, driven offscreen. Drops are sent to the scene as the drag-and-drop events a
// mouse drag ends in, keys go to the view, pool drops go through the pool list's model: the same
// code paths the user's gestures take. Every edit is checked against the plan, every undo and redo
// against the exact plan it should restore.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/placement.h"
#include "core/plan/planio.h"
#include "resources/resources.h"
#include "tests/support/sampleplans.h"
#include "ui/appstyle.h"
#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/racks/poollistmodel.h"
#include "ui/racks/rackdesigner.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/linkdialog.h"
#include "ui/racks/rackinspector.h"
#include "ui/racks/rackitems.h"
#include "ui/racks/rackmime.h"
#include "ui/racks/rackpalette.h"
#include "ui/racks/rackpropertiesdialog.h"
#include "ui/racks/rackscene.h"
#include "ui/racks/rackview.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

// Demo plan ids (data/plans/demo.json): rack 3 is 42U with LPU nodes (4U) at U1, 5, ..., 21, a
// ToR switch at U39 and a PDU at U41; rack 1 is 48U with CPX nodes at U1..U32, ToR U45, PDU U47.
constexpr int Rack1 = 1;
constexpr int Rack2 = 2;
constexpr int Rack3 = 3;
constexpr int H200One = 111;
constexpr int LpuOne = 118;
constexpr int LpuFive = 122;
constexpr int LpuSix = 123;
constexpr int Rack1Tor = 109;
constexpr int H200Two = 112;
constexpr int Rack2Pdu = 117;
constexpr int Rack3Tor = 124;
constexpr int DecodePool = 11;
constexpr int EdgePool = 13;

// Drops `mime` on the scene at `pos` as the end of a drag would: a GraphicsSceneDrop event.
void dropOnScene(RackScene *scene, QMimeData *mime, const QPointF &pos)
{
    QGraphicsSceneDragDropEvent event(QEvent::GraphicsSceneDrop);
    event.setScenePos(pos);
    event.setMimeData(mime);
    event.setPossibleActions(Qt::CopyAction | Qt::MoveAction);
    event.setProposedAction(Qt::MoveAction);
    QCoreApplication::sendEvent(scene, &event);
    delete mime;
}

// The MIME data the palette's drag carries for a catalogue id, produced by the palette itself.
QMimeData *paletteDrag(RackPalette *palette, const QString &catalogId)
{
    QTreeWidgetItem *entry = palette->entry(catalogId);
    if (!entry)
        return nullptr;
    const QModelIndex index = palette->model()->index(entry->parent()->indexOfChild(entry), 0,
                                                      palette->model()->index(palette->indexOfTopLevelItem(entry->parent()), 0));
    return palette->model()->mimeData({index});
}

// Fills in the modal dialog of type T that the next call opens, as a user would: `handle` gets it
// once it is on screen. A dialog the handler leaves open is cancelled, so a failed check cannot
// leave the test waiting on a modal loop.
template <typename T, typename Handler>
void whenDialogOpens(Handler handle)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, handle] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        poll->deleteLater();
        handle(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    poll->start();
}

const Link *findLink(const Plan &plan, int id)
{
    for (const Link &link : plan.links)
        if (link.id == id)
            return &link;
    return nullptr;
}

int countOf(const QList<QGraphicsItem *> &items, int type)
{
    return int(std::count_if(items.begin(), items.end(), [type](QGraphicsItem *i) { return i->type() == type; }));
}

} // namespace

class TestUiRacks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void placementRules_data();
    void placementRules();
    void loadLevels_data();
    void loadLevels();
    void rackTotalsMatchCatalogue();

    void dropFromPalettePlacesServer();
    void dropOnOccupiedUnitsRefused();
    void dropOutOfRackRefused();
    void wholeRackSystemTooTallRefused();
    void dragMovesBetweenRacks();
    void moveOntoAnotherItemRefused();
    void keyboardNudgeDuplicateDelete();
    void deleteTakesLinksAndUndoRestoresThem();
    void poolAssignedByDropOnPoolList();
    void undoRedoRestoresExactPlan();
    void addAndRemoveRacks();
    void editRackUndoRedo();
    void shrinkingBelowAnOccupiedUnitRefused();
    void frameBadgedOverItsBudget();
    void editRackThroughDialog();
    void connectTwoItemsThroughDialog();
    void connectRefusals_data();
    void connectRefusals();
    void connectShortcutExplainsRefusal();
    void deleteLinkWithKeyAndUndo();
    void linksDrawnWithTypeAndBandwidth();
    void inspectorShowsSelection();
    void zoomToFitAndWheel();
    void renderTwentyFullRacks();
    void screenshot();

private:
    Catalog m_catalog;
    Plan m_demo;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<RackDesigner> m_designer;
};

void TestUiRacks::initTestCase()
{
    tokenroute::initResources();
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    m_demo = loadPlan((dataDir() + QStringLiteral("/plans/demo.json")).toStdString());
    QVERIFY(m_demo.rack(Rack3) && m_demo.rack(Rack3)->units == 42);
    QVERIFY(m_demo.item(LpuSix) && m_demo.item(LpuSix)->uPosition == 21);
}

void TestUiRacks::init()
{
    m_document = std::make_unique<PlanDocument>();
    m_document->reset(m_demo);
    m_designer = std::make_unique<RackDesigner>(m_document.get(), &m_catalog);
    m_designer->resize(1600, 1000);
}

void TestUiRacks::cleanup()
{
    m_designer.reset();
    m_document.reset();
}

void TestUiRacks::placementRules_data()
{
    QTest::addColumn<QString>("catalogId");
    QTest::addColumn<int>("rackId");
    QTest::addColumn<int>("u");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("otherItem");

    QTest::newRow("8U into the free gap above the LPUs") << "hgx-h200" << Rack3 << 25 << int(PlacementProblem::None) << 0;
    QTest::newRow("8U reaching into LPU node 5 and 6") << "hgx-h200" << Rack3 << 13 << int(PlacementProblem::Overlap) << 121;
    QTest::newRow("lowest clash is named") << "hgx-h200" << Rack3 << 20 << int(PlacementProblem::Overlap) << LpuFive;
    QTest::newRow("8U past the top of a 42U rack") << "hgx-h200" << Rack3 << 36 << int(PlacementProblem::AboveTop) << 0;
    QTest::newRow("exactly up to the top") << "hgx-h200" << Rack3 << 31 << int(PlacementProblem::None) << 0;
    QTest::newRow("below U1") << "blank-1u" << Rack3 << 0 << int(PlacementProblem::BelowBottom) << 0;
    QTest::newRow("48U system in a 42U rack") << "gb200-nvl72" << Rack3 << 1 << int(PlacementProblem::AboveTop) << 0;
    QTest::newRow("1U on the switch") << "blank-1u" << Rack3 << 39 << int(PlacementProblem::Overlap) << 124;
    QTest::newRow("no such rack") << "blank-1u" << 99 << 1 << int(PlacementProblem::UnknownRack) << 0;
    QTest::newRow("no such catalogue item") << "no-such-server" << Rack3 << 30 << int(PlacementProblem::UnknownCatalogItem) << 0;
}

void TestUiRacks::placementRules()
{
    QFETCH(QString, catalogId);
    QFETCH(int, rackId);
    QFETCH(int, u);
    QFETCH(int, problem);
    QFETCH(int, otherItem);
    const PlacementCheck check = checkPlacement(m_demo, m_catalog, catalogId.toStdString(), rackId, u);
    QCOMPARE(int(check.problem), problem);
    QCOMPARE(check.otherItemId, otherItem);
    // A moving item never collides with itself.
    const PlacementCheck self = checkPlacement(m_demo, m_catalog, "groq-lpu-node", Rack3, 22, {LpuSix});
    QVERIFY(self.ok());
}

void TestUiRacks::loadLevels_data()
{
    QTest::addColumn<double>("used");
    QTest::addColumn<double>("limit");
    QTest::addColumn<int>("level");
    QTest::newRow("79 % is fine") << 79.0 << 100.0 << int(LoadLevel::Ok);
    QTest::newRow("80 % is near") << 80.0 << 100.0 << int(LoadLevel::Near);
    QTest::newRow("at the limit is near") << 100.0 << 100.0 << int(LoadLevel::Near);
    QTest::newRow("over the limit") << 100.5 << 100.0 << int(LoadLevel::Over);
    QTest::newRow("no limit stated") << 5000.0 << 0.0 << int(LoadLevel::Ok);
}

void TestUiRacks::loadLevels()
{
    QFETCH(double, used);
    QFETCH(double, limit);
    QFETCH(int, level);
    QCOMPARE(int(loadLevel(used, limit)), level);
}

void TestUiRacks::rackTotalsMatchCatalogue()
{
    // Rack 1 by hand: eight Rubin CPX nodes, one InfiniBand switch, one PDU.
    const ServerSpec *cpx = m_catalog.server("rubin-cpx-node");
    const ServerSpec *ib = m_catalog.server("ib-ndr-switch");
    const ServerSpec *pdu = m_catalog.server("pdu-3ph");
    QVERIFY(cpx && ib && pdu);
    const RackLoad load = rackLoad(m_demo, m_catalog, Rack1);
    QCOMPARE(load.unitsUsed, 8 * cpx->unitHeight + ib->unitHeight + pdu->unitHeight);
    QCOMPARE(load.unitsUsed, 34);
    QCOMPARE(load.units, 48);
    QCOMPARE(load.powerW, 8 * cpx->powerW + ib->powerW + pdu->powerW);
    QCOMPARE(load.powerBudgetW, 120000.0);
    QCOMPARE(load.weightKg, 8 * cpx->weightKg + ib->weightKg + pdu->weightKg);
    QCOMPARE(load.unknownItems, 0);

    // Adding a server through the designer moves the totals by exactly its figures.
    const ServerSpec *h200 = m_catalog.server("hgx-h200");
    const RackLoad before = rackLoad(m_document->plan(), m_catalog, Rack3);
    QVERIFY(m_designer->editor()->placeNew(QStringLiteral("hgx-h200"), Rack3, 25));
    const RackLoad after = rackLoad(m_document->plan(), m_catalog, Rack3);
    QCOMPARE(after.unitsUsed, before.unitsUsed + 8);
    QCOMPARE(after.powerW, before.powerW + h200->powerW);
    QCOMPARE(after.weightKg, before.weightKg + h200->weightKg);
    // Rack 3: 30 kW budget; six LPU nodes + switch + PDU + an H200 node is over it.
    QCOMPARE(int(loadLevel(after.powerW, after.powerBudgetW)), int(LoadLevel::Over));
}

void TestUiRacks::dropFromPalettePlacesServer()
{
    RackScene *scene = m_designer->scene();
    QMimeData *mime = paletteDrag(m_designer->palette(), QStringLiteral("hgx-h200"));
    QVERIFY(mime);
    QCOMPARE(catalogItemFrom(mime).value_or(QString()), QStringLiteral("hgx-h200"));
    const std::size_t before = m_document->plan().items.size();
    // The pointer holds the item by its top unit: pointing at U32 puts an 8U node at U25..U32.
    dropOnScene(scene, mime, scene->unitCentre(Rack3, 32));
    const Plan &plan = m_document->plan();
    QCOMPARE(plan.items.size(), before + 1);
    const PlacedItem &added = plan.items.back();
    QCOMPARE(added.catalogId, std::string("hgx-h200"));
    QCOMPARE(added.rackId, Rack3);
    QCOMPARE(added.uPosition, 25);
    QCOMPARE(added.poolId, 0);
    QVERIFY(!m_demo.item(added.id));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(scene->graphicFor(added.id));
    QCOMPARE(scene->selectedItemIds(), QList<int>{added.id});
    QVERIFY(scene->graphicFor(added.id)->sceneBoundingRect().intersects(scene->rackInterior(Rack3)));
}

void TestUiRacks::dropOnOccupiedUnitsRefused()
{
    RackScene *scene = m_designer->scene();
    QSignalSpy refused(m_designer->editor(), &RackEditor::refused);
    // Top at U27 puts the bottom at U20, inside LPU node 5 (U17..U20).
    dropOnScene(scene, paletteDrag(m_designer->palette(), QStringLiteral("hgx-h200")), scene->unitCentre(Rack3, 27));
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(refused.count(), 1);
    QVERIFY2(m_designer->message().contains(QStringLiteral("LPU node 5")), qPrintable(m_designer->message()));
    QVERIFY(m_designer->message().contains(QStringLiteral("overlap")));

    // While dragging, the scene shows the same reason before the drop.
    QSignalSpy hints(scene, &RackScene::hint);
    std::unique_ptr<QMimeData> mime(catalogItemMime(QStringLiteral("hgx-h200")));
    QGraphicsSceneDragDropEvent move(QEvent::GraphicsSceneDragMove);
    move.setScenePos(scene->unitCentre(Rack3, 27));
    move.setMimeData(mime.get());
    move.setPossibleActions(Qt::CopyAction);
    QCoreApplication::sendEvent(scene, &move);
    QVERIFY(move.isAccepted());
    QCOMPARE(hints.count(), 1);
    QVERIFY(hints.first().at(0).toString().contains(QStringLiteral("LPU node 5")));
    QCOMPARE(hints.first().at(1).toBool(), true);
    move.setScenePos(scene->unitCentre(Rack3, 32));
    QCoreApplication::sendEvent(scene, &move);
    QCOMPARE(hints.last().at(1).toBool(), false);
    QCOMPARE(m_document->plan(), m_demo);

    QVERIFY(scene->dropPreview(mime.get(), scene->unitCentre(Rack3, 27)).contains(QStringLiteral("LPU node 5")));
    QVERIFY(scene->dropPreview(mime.get(), scene->unitCentre(Rack3, 32)).isEmpty());
}

void TestUiRacks::dropOutOfRackRefused()
{
    RackScene *scene = m_designer->scene();
    // Pointing two units above the top of rack 3 (in its header) would need U37..U44.
    dropOnScene(scene, catalogItemMime(QStringLiteral("hgx-h200")), scene->unitCentre(Rack3, 44));
    QCOMPARE(m_document->plan(), m_demo);
    QVERIFY2(m_designer->message().contains(QStringLiteral("ends at U42")), qPrintable(m_designer->message()));
    // Between racks there is no rack to drop into.
    const QRectF r3 = scene->rackInterior(Rack3);
    dropOnScene(scene, catalogItemMime(QStringLiteral("blank-1u")), QPointF(r3.right() + rackgeometry::RackGap / 2, r3.center().y()));
    QCOMPARE(m_document->plan(), m_demo);
    QVERIFY(m_designer->message().contains(QStringLiteral("onto a rack")));
}

void TestUiRacks::wholeRackSystemTooTallRefused()
{
    RackScene *scene = m_designer->scene();
    dropOnScene(scene, catalogItemMime(QStringLiteral("gb200-nvl72")), scene->unitCentre(Rack3, 40));
    QCOMPARE(m_document->plan(), m_demo);
    QVERIFY2(m_designer->message().contains(QStringLiteral("only 42U")), qPrintable(m_designer->message()));
}

void TestUiRacks::dragMovesBetweenRacks()
{
    RackScene *scene = m_designer->scene();
    // H200 1 held by its lowest unit and dropped on U33 of rack 1: U33..U40, free above CPX 8.
    PlacedItemsDrag drag{{H200One}, H200One, 0};
    dropOnScene(scene, placedItemsMime(drag), scene->unitCentre(Rack1, 33));
    const PlacedItem *moved = m_document->plan().item(H200One);
    QCOMPARE(moved->rackId, Rack1);
    QCOMPARE(moved->uPosition, 33);
    QCOMPARE(m_document->undoStack()->count(), 1);
    // Held by its fourth unit (grab 3), the pointer on U36 of rack 2 puts the bottom at U33.
    drag.grabUnit = 3;
    dropOnScene(scene, placedItemsMime(drag), scene->unitCentre(Rack2, 36));
    moved = m_document->plan().item(H200One);
    QCOMPARE(moved->rackId, Rack2);
    QCOMPARE(moved->uPosition, 33);
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);
}

void TestUiRacks::moveOntoAnotherItemRefused()
{
    RackScene *scene = m_designer->scene();
    PlacedItemsDrag drag{{LpuOne}, LpuOne, 0};
    dropOnScene(scene, placedItemsMime(drag), scene->unitCentre(Rack3, 3));
    QCOMPARE(m_document->plan(), m_demo);
    QVERIFY(m_designer->message().contains(QStringLiteral("overlap")));
    // Dropped where it already is: accepted, nothing pushed.
    dropOnScene(scene, placedItemsMime(drag), scene->unitCentre(Rack3, 1));
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestUiRacks::keyboardNudgeDuplicateDelete()
{
    RackScene *scene = m_designer->scene();
    RackView *view = m_designer->view();
    scene->selectItems({LpuOne});
    QTest::keyClick(view, Qt::Key_Down); // below U1
    QCOMPARE(m_document->plan(), m_demo);
    QVERIFY(m_designer->message().contains(QStringLiteral("below U1")));
    QTest::keyClick(view, Qt::Key_Up); // into LPU node 2
    QCOMPARE(m_document->plan(), m_demo);

    scene->selectItems({LpuSix});
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(m_document->plan().item(LpuSix)->uPosition, 22);
    QCOMPARE(scene->selectedItemIds(), QList<int>{LpuSix});
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(m_document->plan().item(LpuSix)->uPosition, 21);

    QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_document->plan().items.size(), m_demo.items.size() + 1);
    const PlacedItem copy = m_document->plan().items.back();
    QCOMPARE(copy.catalogId, std::string("groq-lpu-node"));
    QCOMPARE(copy.rackId, Rack3);
    QCOMPARE(copy.uPosition, 25); // the gap right above the original
    QCOMPARE(copy.poolId, m_demo.item(LpuSix)->poolId);
    QCOMPARE(scene->selectedItemIds(), QList<int>{copy.id});

    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(m_document->undoStack()->count(), 4);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan().items.back(), copy);
}

void TestUiRacks::deleteTakesLinksAndUndoRestoresThem()
{
    const auto linksOf = [](const Plan &plan, int id) {
        return int(std::count_if(plan.links.begin(), plan.links.end(), [id](const Link &l) { return l.fromItem == id || l.toItem == id; }));
    };
    QCOMPARE(linksOf(m_demo, Rack1Tor), 9);
    m_designer->scene()->selectItems({Rack1Tor});
    QTest::keyClick(m_designer->view(), Qt::Key_Delete);
    QVERIFY(!m_document->plan().item(Rack1Tor));
    QCOMPARE(linksOf(m_document->plan(), Rack1Tor), 0);
    QCOMPARE(m_document->plan().links.size(), m_demo.links.size() - 9);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);
}

void TestUiRacks::poolAssignedByDropOnPoolList()
{
    PoolListModel *pools = m_designer->poolModel();
    QAbstractItemModelTester tester(pools, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int decodeRow = -1;
    for (int row = 0; row < pools->rowCount(); ++row)
        if (pools->poolIdAt(row) == DecodePool)
            decodeRow = row;
    QVERIFY(decodeRow >= 0);
    // Take LPU node 1 out of its pool by dropping it on "No pool", then into the H200 decode pool.
    std::unique_ptr<QMimeData> mime(placedItemsMime({{LpuOne}, LpuOne, 0}));
    const QModelIndex none = pools->index(pools->rowCount() - 1);
    QVERIFY(pools->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, none));
    pools->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, none);
    QCOMPARE(m_document->plan().item(LpuOne)->poolId, 0);
    QCOMPARE(m_designer->scene()->graphicFor(LpuOne)->fill(), itemFill(m_catalog.server("groq-lpu-node"), nullptr));
    pools->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, pools->index(decodeRow));
    QCOMPARE(m_document->plan().item(LpuOne)->poolId, DecodePool);
    QCOMPARE(m_designer->scene()->graphicFor(LpuOne)->fill(), roleColour(PoolRole::Decode));

    // A switch serves in no pool, and an edge pool takes no racked server.
    QSignalSpy refused(m_designer->editor(), &RackEditor::refused);
    std::unique_ptr<QMimeData> tor(placedItemsMime({{Rack1Tor}, Rack1Tor, 0}));
    pools->dropMimeData(tor.get(), Qt::MoveAction, -1, -1, pools->index(decodeRow));
    QCOMPARE(m_document->plan().item(Rack1Tor)->poolId, 0);
    QVERIFY(m_designer->editor()->assignPool({H200One}, EdgePool) == false);
    QCOMPARE(refused.count(), 2);
    QCOMPARE(m_document->plan().item(H200One)->poolId, DecodePool);
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestUiRacks::undoRedoRestoresExactPlan()
{
    RackScene *scene = m_designer->scene();
    RackEditor *editor = m_designer->editor();
    QList<Plan> states{m_document->plan()};
    auto step = [&](const char *what, auto &&edit) {
        edit();
        QVERIFY2(!(m_document->plan() == states.last()), what);
        states.append(m_document->plan());
    };
    step("place", [&] { dropOnScene(scene, catalogItemMime(QStringLiteral("l40s-8gpu")), scene->unitCentre(Rack2, 36)); });
    const int added = m_document->plan().items.back().id;
    step("move", [&] { dropOnScene(scene, placedItemsMime({{added}, added, 0}), scene->unitCentre(Rack1, 33)); });
    step("pool", [&] { editor->assignPool({added}, DecodePool); });
    step("duplicate", [&] { editor->duplicate({added, H200One}); });
    step("nudge", [&] { editor->nudge({m_document->plan().items.back().id}, 1); });
    step("delete two", [&] { editor->deleteItems({H200One, Rack1Tor}); });
    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), int(states.size()) - 1);
    for (int i = stack->count(); i >= 0; --i) {
        stack->setIndex(i);
        QVERIFY2(m_document->plan() == states[i], qPrintable(QStringLiteral("after undo to step %1").arg(i)));
    }
    for (int i = 0; i <= stack->count(); ++i) {
        stack->setIndex(i);
        QVERIFY2(m_document->plan() == states[i], qPrintable(QStringLiteral("after redo to step %1").arg(i)));
    }
    // The scene follows the document through all of it.
    QCOMPARE(countOf(scene->items(), PlacedItemGraphic::Type), int(m_document->plan().items.size()));
}

void TestUiRacks::addAndRemoveRacks()
{
    RackEditor *editor = m_designer->editor();
    RackScene *scene = m_designer->scene();
    const int id = editor->addRack(42, 30, Cooling::Air);
    const Rack *rack = m_document->plan().rack(id);
    QVERIFY(rack);
    QCOMPARE(rack->name, std::string("Row A / Rack 4"));
    QCOMPARE(rack->position, 3);
    QCOMPARE(countOf(scene->items(), RackFrameItem::Type), 4);
    // The new rack takes drops at once.
    dropOnScene(scene, catalogItemMime(QStringLiteral("l40s-4gpu")), scene->unitCentre(id, 2));
    QCOMPARE(m_document->plan().items.back().rackId, id);
    QCOMPARE(m_document->plan().items.back().uPosition, 1);

    // Removing rack 3 takes its eight items and their twelve links; one undo brings all back.
    const Plan before = m_document->plan();
    QVERIFY(editor->removeRack(Rack3));
    QVERIFY(!m_document->plan().rack(Rack3));
    QCOMPARE(m_document->plan().items.size(), before.items.size() - 8);
    QCOMPARE(m_document->plan().links.size(), before.links.size() - 12);
    QCOMPARE(countOf(scene->items(), RackFrameItem::Type), 3);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), before);
    m_document->undoStack()->redo();
    QVERIFY(!m_document->plan().rack(Rack3));
    QVERIFY(!editor->removeRack(Rack3));
}

void TestUiRacks::editRackUndoRedo()
{
    RackEditor *editor = m_designer->editor();
    RackScene *scene = m_designer->scene();
    const Rack original = *m_demo.rack(Rack3);
    Rack changed = original;
    changed.units = 48;
    changed.powerBudgetKw = 45;
    changed.cooling = Cooling::Liquid;
    changed.name = "Row A / LPU rack";
    QVERIFY(editor->changeRack(changed));
    QCOMPARE(m_document->undoStack()->count(), 1); // all four values in one step
    QCOMPARE(*m_document->plan().rack(Rack3), changed);
    const Plan after = m_document->plan();
    // Only the rack changed; its items keep their units (counted from the bottom).
    Plan expected = m_demo;
    expected.racks[2] = changed;
    QCOMPARE(after, expected);
    // The elevation follows: the frame's tooltip carries the new size, cooling and budget.
    bool framed = false;
    for (QGraphicsItem *item : scene->items())
        if (item->type() == RackFrameItem::Type && static_cast<RackFrameItem *>(item)->rackId() == Rack3) {
            QVERIFY2(item->toolTip().contains(QStringLiteral("48U, liquid cooling")), qPrintable(item->toolTip()));
            framed = true;
        }
    QVERIFY(framed);
    QCOMPARE(scene->itemRect(*m_document->plan().item(LpuOne)).bottom(), scene->rackInterior(Rack3).bottom());

    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->plan(), after);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);

    // An unchanged rack pushes nothing; a negative budget and a size not offered are refused.
    QVERIFY(editor->changeRack(original));
    QCOMPARE(m_document->undoStack()->index(), 0);
    QSignalSpy refused(editor, &RackEditor::refused);
    Rack negative = original;
    negative.powerBudgetKw = -1;
    QVERIFY(!editor->changeRack(negative));
    Rack odd = original;
    odd.units = 45;
    QVERIFY(!editor->changeRack(odd));
    QCOMPARE(refused.count(), 2);
    QVERIFY(refused.at(1).at(0).toString().contains(QStringLiteral("42U or 48U")));
    QCOMPARE(m_document->plan(), m_demo);
}

void TestUiRacks::frameBadgedOverItsBudget()
{
    // Rack 3 draws 24.5 kW of 30: a 20 kW budget puts it over, and its frame carries the badge
    // (drawn pixels in the header's corner change); undo takes both away.
    RackScene *scene = m_designer->scene();
    const auto frame = [&]() -> RackFrameItem * {
        for (QGraphicsItem *item : scene->items())
            if (item->type() == RackFrameItem::Type && static_cast<RackFrameItem *>(item)->rackId() == Rack3)
                return static_cast<RackFrameItem *>(item);
        return nullptr;
    };
    const auto header = [&] {
        QImage image(40, 24, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        frame()->paint(&painter, nullptr, nullptr);
        return image;
    };
    QVERIFY(frame() && !frame()->overLimit());
    const QImage within = header();
    Rack lower = *m_demo.rack(Rack3);
    lower.powerBudgetKw = 20;
    QVERIFY(m_designer->editor()->changeRack(lower));
    QVERIFY(frame() && frame()->overLimit());
    const QImage badged = header();
    QVERIFY(badged != within);
    // The badge is the plan tree's vermillion disc.
    bool vermillion = false;
    for (int y = 0; y < badged.height() && !vermillion; ++y)
        for (int x = 0; x < badged.width() && !vermillion; ++x)
            vermillion = qRed(badged.pixel(x, y)) > 180 && qGreen(badged.pixel(x, y)) < 120 && qBlue(badged.pixel(x, y)) < 60;
    QVERIFY(vermillion);
    m_document->undoStack()->undo();
    QVERIFY(frame() && !frame()->overLimit());
    QCOMPARE(header(), within);
}

void TestUiRacks::shrinkingBelowAnOccupiedUnitRefused()
{
    RackEditor *editor = m_designer->editor();
    QSignalSpy refused(editor, &RackEditor::refused);
    // Rack 1 is 48U with its PDU at U47: a 42U rack would leave it in the air.
    Rack smaller = *m_demo.rack(Rack1);
    smaller.units = 42;
    QVERIFY(!editor->changeRack(smaller));
    QCOMPARE(refused.count(), 1);
    const QString reason = refused.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("Rack 1 PDU reaches U47")) && reason.contains(QStringLiteral("ends at U42")), qPrintable(reason));
    QCOMPARE(m_designer->message(), reason); // shown under the elevations
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(m_document->undoStack()->count(), 0);

    // Once the top items are moved down (here: deleted), the same shrink goes through.
    QVERIFY(editor->deleteItems({110, Rack1Tor}));
    QVERIFY(editor->changeRack(smaller));
    QCOMPARE(m_document->plan().rack(Rack1)->units, 42);
    // A rack just tall enough for its highest item may shrink to exactly that.
    Rack rack3 = *m_demo.rack(Rack3);
    rack3.units = 48;
    QVERIFY(editor->changeRack(rack3));
    rack3.units = 42;
    QVERIFY(editor->changeRack(rack3)); // the PDU reaches U41 of 42
}

void TestUiRacks::editRackThroughDialog()
{
    // The context menu, the toolbar and the inspector's "Edit…" all open this dialog; the
    // inspector's link is followed here.
    bool sawRefusal = false;
    whenDialogOpens<RackPropertiesDialog>([&](RackPropertiesDialog *dialog) {
        QCOMPARE(dialog->rackId(), Rack2);
        QDialogButtonBox *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        // 42U would cut off the spine, ToR and PDU: OK goes grey and the reason is shown.
        dialog->sizeBox()->setCurrentIndex(dialog->sizeBox()->findData(42));
        sawRefusal = !ok->isEnabled() && dialog->problem().contains(QStringLiteral("Rack 2 PDU"));
        dialog->sizeBox()->setCurrentIndex(dialog->sizeBox()->findData(48));
        dialog->budgetBox()->setValue(80);
        dialog->coolingBox()->setCurrentIndex(dialog->coolingBox()->findData(int(Cooling::Air)));
        QVERIFY(ok->isEnabled());
        ok->click();
    });
    m_designer->inspector()->follow(QUrl(QStringLiteral("rack:%1").arg(Rack2)));
    QVERIFY(sawRefusal);
    const Rack *rack = m_document->plan().rack(Rack2);
    QCOMPARE(rack->units, 48);
    QCOMPARE(rack->powerBudgetKw, 80.0);
    QVERIFY(rack->cooling == Cooling::Air);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);

    // Cancel changes nothing.
    whenDialogOpens<RackPropertiesDialog>([](RackPropertiesDialog *dialog) {
        dialog->budgetBox()->setValue(5);
        dialog->reject();
    });
    QVERIFY(!m_designer->editRack(Rack3));
    QCOMPARE(m_document->plan(), m_demo);
}

void TestUiRacks::connectTwoItemsThroughDialog()
{
    RackScene *scene = m_designer->scene();
    scene->selectItems({H200Two, Rack3Tor});
    QString suggested;
    whenDialogOpens<LinkDialog>([&](LinkDialog *dialog) {
        suggested = dialog->linkTypeId();
        dialog->lanesBox()->setValue(2);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    // The menu item and Ctrl+L both trigger this action.
    const int before = m_document->undoStack()->count();
    m_designer->connectAction()->trigger();
    QCOMPARE(suggested, QStringLiteral("ib-ndr-400")); // what both already use
    QCOMPARE(m_document->undoStack()->count(), before + 1);
    QCOMPARE(m_document->plan().links.size(), m_demo.links.size() + 1);
    const Link created = m_document->plan().links.back();
    std::vector<Link> expected = m_demo.links;
    expected.push_back(Link{created.id, H200Two, Rack3Tor, "ib-ndr-400", 2});
    QCOMPARE(m_document->plan().links, expected);
    QVERIFY(!m_demo.item(created.id) && !m_demo.rack(created.id)); // a fresh id
    // Drawn with its type and bandwidth.
    bool drawn = false;
    for (QGraphicsItem *item : scene->items())
        if (item->type() == LinkGraphic::Type && static_cast<LinkGraphic *>(item)->linkId() == created.id) {
            QVERIFY2(item->toolTip().contains(QStringLiteral("2× ib-ndr-400 · 100 GB/s")), qPrintable(item->toolTip()));
            drawn = true;
        }
    QVERIFY(drawn);

    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(countOf(scene->items(), LinkGraphic::Type), int(m_demo.links.size()));
    m_document->undoStack()->redo();
    QCOMPARE(m_document->plan().links, expected);

    // The same link again is refused; another type between the same items is a second link.
    RackEditor *editor = m_designer->editor();
    QVERIFY(!editor->connectItems(Rack3Tor, H200Two, QStringLiteral("ib-ndr-400"), 1));
    const std::optional<int> ethernet = editor->connectItems(H200Two, Rack3Tor, QStringLiteral("eth-400g"), 1);
    QVERIFY(ethernet);
    QCOMPARE(findLink(m_document->plan(), *ethernet)->linkTypeId, std::string("eth-400g"));
}

void TestUiRacks::connectRefusals_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("to itself") << H200One << H200One << "ib-ndr-400" << 1 << "cannot be linked to itself";
    QTest::newRow("to a PDU") << H200One << Rack2Pdu << "ib-ndr-400" << 1 << "Rack 2 PDU is a PDU and has no network ports";
    QTest::newRow("from a PDU") << Rack2Pdu << H200One << "ib-ndr-400" << 1 << "Rack 2 PDU is a PDU and has no network ports";
    QTest::newRow("no such item") << H200One << 9999 << "ib-ndr-400" << 1 << "Select two items";
    QTest::newRow("unknown link type") << H200One << Rack3Tor << "carrier-pigeon" << 1 << "“carrier-pigeon” is not a link type";
    QTest::newRow("no lanes") << H200One << Rack3Tor << "ib-ndr-400" << 0 << "at least one lane";
    QTest::newRow("already linked") << H200One << 116 << "ib-ndr-400" << 1 << "already linked by 8 ×";
}

void TestUiRacks::connectRefusals()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, type);
    QFETCH(int, lanes);
    QFETCH(QString, reason);
    RackEditor *editor = m_designer->editor();
    QSignalSpy refused(editor, &RackEditor::refused);
    QVERIFY(!editor->connectItems(from, to, type, lanes));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.at(0).at(0).toString().contains(reason), qPrintable(refused.at(0).at(0).toString()));
    QCOMPARE(m_document->plan(), m_demo);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestUiRacks::connectShortcutExplainsRefusal()
{
    // Ctrl+L with a PDU in the selection: refused at once with the reason, no dialog to dismiss.
    m_designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
    m_designer->activateWindow();
    m_designer->view()->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_designer.get()));
    RackScene *scene = m_designer->scene();
    scene->selectItems({H200One, Rack2Pdu});
    QTest::keyClick(m_designer->view(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY2(m_designer->message().contains(QStringLiteral("no network ports")), qPrintable(m_designer->message()));
    scene->selectItems({H200One});
    QTest::keyClick(m_designer->view(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY2(m_designer->message().contains(QStringLiteral("Select two items")), qPrintable(m_designer->message()));
    QCOMPARE(m_document->plan(), m_demo);
}

void TestUiRacks::deleteLinkWithKeyAndUndo()
{
    RackScene *scene = m_designer->scene();
    // Link 219: LPU node 1 to LPU node 2 over chip-to-chip cables.
    for (QGraphicsItem *item : scene->items())
        if (item->type() == LinkGraphic::Type && static_cast<LinkGraphic *>(item)->linkId() == 219)
            item->setSelected(true);
    QCOMPARE(scene->selectedLinkIds(), QList<int>{219});
    QVERIFY(m_designer->inspector()->toPlainText().contains(QStringLiteral("Delete this link")));
    QTest::keyClick(m_designer->view(), Qt::Key_Delete);
    QVERIFY(!findLink(m_document->plan(), 219));
    QCOMPARE(m_document->plan().links.size(), m_demo.links.size() - 1);
    QCOMPARE(m_document->plan().items, m_demo.items); // the items it joined stay
    QCOMPARE(countOf(scene->items(), LinkGraphic::Type), int(m_demo.links.size()) - 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);

    // A link and an item selected together go in one step; a link at the item goes with it.
    scene->selectItems({Rack3Tor});
    for (QGraphicsItem *item : scene->items())
        if (item->type() == LinkGraphic::Type && (static_cast<LinkGraphic *>(item)->linkId() == 219
                                                  || static_cast<LinkGraphic *>(item)->linkId() == 213))
            item->setSelected(true);
    QTest::keyClick(m_designer->view(), Qt::Key_Delete);
    QVERIFY(!m_document->plan().item(Rack3Tor));
    QVERIFY(!findLink(m_document->plan(), 219) && !findLink(m_document->plan(), 213));
    QCOMPARE(m_document->undoStack()->count(), 1); // one step (the undone single deletion is gone)
    m_document->undoStack()->undo();
    QCOMPARE(m_document->plan(), m_demo);
    // The inspector's "Delete this link" does the same.
    m_designer->inspector()->follow(QUrl(QStringLiteral("delete-link:226")));
    QVERIFY(!findLink(m_document->plan(), 226));
}

void TestUiRacks::linksDrawnWithTypeAndBandwidth()
{
    RackScene *scene = m_designer->scene();
    QCOMPARE(countOf(scene->items(), LinkGraphic::Type), int(m_demo.links.size()));
    QCOMPARE(countOf(scene->items(), RackFrameItem::Type), int(m_demo.racks.size()));
    // Link 209: H200 1 to the rack 2 ToR, 8 lanes of 50 GB/s NDR.
    for (QGraphicsItem *item : scene->items()) {
        if (item->type() == LinkGraphic::Type && static_cast<LinkGraphic *>(item)->linkId() == 209)
            QVERIFY2(item->toolTip().contains(QStringLiteral("8× ib-ndr-400 · 400 GB/s")), qPrintable(item->toolTip()));
    }
    scene->setLinksShown(false);
    QCOMPARE(countOf(scene->items(), LinkGraphic::Type), 0);
    scene->setLinksShown(true);
    QCOMPARE(countOf(scene->items(), LinkGraphic::Type), int(m_demo.links.size()));
}

void TestUiRacks::inspectorShowsSelection()
{
    RackScene *scene = m_designer->scene();
    // A left click on the item, as the view delivers it to the scene, selects it.
    QGraphicsSceneMouseEvent press(QEvent::GraphicsSceneMousePress);
    press.setScenePos(scene->itemRect(*m_demo.item(H200One)).center());
    press.setButton(Qt::LeftButton);
    press.setButtons(Qt::LeftButton);
    QCoreApplication::sendEvent(scene, &press);
    QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
    release.setScenePos(press.scenePos());
    release.setButton(Qt::LeftButton);
    QCoreApplication::sendEvent(scene, &release);
    QCOMPARE(scene->selectedItemIds(), QList<int>{H200One});
    QCOMPARE(scene->selectedRackId(), Rack2);
    const QString html = m_designer->inspector()->toPlainText();
    QVERIFY2(html.contains(QStringLiteral("H200 1")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("Row A / Rack 2")));
    QVERIFY(html.contains(QStringLiteral("U1–U8 (8U)")));
    QVERIFY(html.contains(QStringLiteral("H200 decode")));
    QVERIFY(html.contains(QStringLiteral("8 × ")));
    scene->clearSelection();
    QVERIFY(m_designer->inspector()->toPlainText().contains(QStringLiteral("All racks")));
}

void TestUiRacks::zoomToFitAndWheel()
{
    m_designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
    RackView *view = m_designer->view();
    view->zoomToFit();
    const QRect mapped = view->mapFromScene(m_designer->scene()->sceneRect()).boundingRect();
    QVERIFY2(view->viewport()->rect().adjusted(-2, -2, 2, 2).contains(mapped), "the whole scene is in view");
    const double fitted = view->zoom();
    QWheelEvent wheel(QPointF(200, 200), view->viewport()->mapToGlobal(QPointF(200, 200)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(qAbs(view->zoom() - fitted * 1.2) < 1e-9);
}

void TestUiRacks::renderTwentyFullRacks()
{
    // The plan bench_racks times: every rack full, and every item and link drawn. Its frame time is
    // measured there, not here.
    const Plan plan = testsupport::twentyFullRacks();
    for (const Rack &rack : plan.racks)
        QCOMPARE(rackLoad(plan, m_catalog, rack.id).unitsUsed, 42);

    PlanDocument document;
    document.reset(plan);
    RackDesigner designer(&document, &m_catalog);
    RackScene *scene = designer.scene();
    QCOMPARE(countOf(scene->items(), PlacedItemGraphic::Type), 140);
    designer.resize(1600, 1000);
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    RackView *view = designer.view();
    view->zoomToFit();
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    view->viewport()->render(&image);
    // Fitted, the racks cover most of the viewport: count the pixels the frame painted.
    qsizetype painted = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            painted += image.pixel(x, y) != qRgb(255, 255, 255);
    const qsizetype sampled = qsizetype((image.height() + 3) / 4) * ((image.width() + 3) / 4);
    QVERIFY2(painted > sampled / 4, qPrintable(QStringLiteral("%1 of %2 sampled pixels painted").arg(painted).arg(sampled)));
    // Every edit rebuilds the scene; the rebuilt scene holds the same items.
    scene->rebuild();
    QCOMPARE(countOf(scene->items(), PlacedItemGraphic::Type), 140);
}

void TestUiRacks::screenshot()
{
    // The rack designer on the demo plan, 1600x1000 unless TOKENROUTE_SCREENSHOT_SIZE says WxH,
    // written to the build directory and, when TOKENROUTE_SCREENSHOT_DIR is set
    // (installer/screenshot-racks.sh), to that folder.
    QSize size(1600, 1000);
    const QStringList wh = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_SIZE").split(QLatin1Char('x'));
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        size = QSize(wh[0].toInt(), wh[1].toInt());
    m_designer->resize(size);
    m_designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
    m_designer->scene()->selectItems({H200One});
    m_designer->view()->zoomToFit();
    QCoreApplication::processEvents();
    const QImage image = m_designer->grab().toImage();
    QCOMPARE(image.size(), size);
    const QString buildPath = QStringLiteral(TOKENROUTE_BINARY_DIR "/racks.png");
    QVERIFY(image.save(buildPath));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("racks.png"))));
}

QTEST_MAIN(TestUiRacks)
#include "test_ui_racks.moc"
