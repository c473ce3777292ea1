// The rack designer, driven offscreen. Drops are sent to the scene as the drag-and-drop events a
// mouse drag ends in, keys go to the view, pool drops go through the pool list's model: the same
// code paths the user's gestures take. Every edit is checked against the plan, every undo and redo
// against the exact plan it should restore.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <ctime>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/placement.h"
#include "core/plan/planio.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/racks/poollistmodel.h"
#include "ui/racks/rackdesigner.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackinspector.h"
#include "ui/racks/rackitems.h"
#include "ui/racks/rackmime.h"
#include "ui/racks/rackpalette.h"
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
    // 20 racks of 42U, each full: five 8U H200 nodes, a ToR switch and a PDU; every node linked to
    // its ToR and every ToR to a spine in rack 1 (the spine takes one rack's PDU slot).
    Plan plan;
    plan.name = "Twenty full racks";
    int id = 1000;
    plan.pools.push_back(Pool{.id = 1, .name = "decode", .role = PoolRole::Decode});
    int spine = 0;
    for (int r = 0; r < 20; ++r) {
        Rack rack;
        rack.id = r + 1;
        rack.name = "Rack " + std::to_string(r + 1);
        rack.units = 42;
        rack.powerBudgetKw = 60;
        rack.row = r / 10;
        rack.position = r % 10;
        plan.racks.push_back(rack);
        const int tor = ++id;
        plan.items.push_back(PlacedItem{tor, "ToR " + std::to_string(r + 1), "ib-ndr-switch", rack.id, 41, 0});
        const int top = ++id;
        if (r == 0) {
            spine = top;
            plan.items.push_back(PlacedItem{top, "Spine", "ib-ndr-switch", rack.id, 42, 0});
        } else {
            plan.items.push_back(PlacedItem{top, "PDU " + std::to_string(r + 1), "pdu-3ph", rack.id, 42, 0});
        }
        for (int n = 0; n < 5; ++n) {
            const int node = ++id;
            plan.items.push_back(PlacedItem{node, "H200 " + std::to_string(r * 5 + n + 1), "hgx-h200", rack.id, 1 + 8 * n, 1});
            plan.links.push_back(Link{++id, node, tor, "ib-ndr-400", 8});
        }
        plan.links.push_back(Link{++id, tor, spine, "ib-ndr-400", 16});
    }
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
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    // A frame as the view paints it: the whole scene fitted, every rack, item, link and bar.
    // CPU time is reported beside wall time because the test machine is often shared.
    auto frame = [&] {
        image.fill(Qt::white);
        view->viewport()->render(&image);
    };
    const auto measure = [&](const char *what, auto &&before) {
        constexpr int Frames = 5;
        QElapsedTimer wall;
        qint64 wallNs = 0;
        const std::clock_t cpuStart = std::clock();
        for (int i = 0; i < Frames; ++i) {
            before();
            wall.start();
            frame();
            wallNs += wall.nsecsElapsed();
        }
        const double cpuMs = 1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC / Frames;
        qInfo("20 full racks (140 items, %d links), %s frame %dx%d at zoom %.2f: %.1f ms wall, %.1f ms CPU",
              int(plan.links.size()), what, image.width(), image.height(), view->zoom(), double(wallNs) / 1e6 / Frames, cpuMs);
    };
    // QBENCHMARK may run this function more than once; the detailed figures are printed once.
    static bool reported = false;
    view->zoomToFit();
    if (!reported) {
        reported = true;
        // Cold: the zoom changed, so every item repaints (what a wheel step costs).
        measure("cold (zoom changed)", [&] { view->zoomBy(1.0001); view->zoomToFit(); });
        // Warm: same zoom, items come from their caches (what a selection change or a pan costs).
        frame();
        measure("warm", [] {});
        view->setZoom(1.0);
        measure("cold at 100 %", [&] { view->setZoom(1.0001); view->setZoom(1.0); });
        view->zoomToFit();
    }
    QBENCHMARK {
        frame();
    }
    QElapsedTimer timer;
    // Also the cost of a rebuild, which every edit triggers.
    timer.restart();
    scene->rebuild();
    qInfo("scene rebuild after an edit: %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestUiRacks::screenshot()
{
    // The rack designer on the demo plan at 1600x1000, written to the build directory and, when
    // TOKENROUTE_SCREENSHOT_DIR is set (installer/screenshot-racks.sh), to that folder.
    m_designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_designer.get()));
    m_designer->scene()->selectItems({H200One});
    m_designer->view()->zoomToFit();
    QCoreApplication::processEvents();
    const QImage image = m_designer->grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 1000));
    const QString buildPath = QStringLiteral(TOKENROUTE_BINARY_DIR "/racks.png");
    QVERIFY(image.save(buildPath));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("racks.png"))));
}

QTEST_MAIN(TestUiRacks)
#include "test_ui_racks.moc"
