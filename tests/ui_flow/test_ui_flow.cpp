// The routing Sankey (and the memory-tiers view) on the demo plan, driven offscreen.

#include <QApplication>
#include <QDir>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <map>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/plandocument.h"
#include "ui/routing/routingview.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QString dataDir()
{
    return QStringLiteral(TOKENROUTE_DATA_DIR);
}

std::vector<SankeyBandItem *> bands(QGraphicsScene *scene)
{
    std::vector<SankeyBandItem *> out;
    for (QGraphicsItem *item : scene->items())
        if (item->type() == SankeyBandItem::Type)
            out.push_back(static_cast<SankeyBandItem *>(item));
    return out;
}

void saveScreenshot(const QImage &image, const QString &name)
{
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/") + name));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(name)));
}

} // namespace

class TestUiFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bandWidthsMatchRouterFlows();
    void workloadBandsCarryServedPrompts();
    void clickingBandSelectsWorkloadAndPool();
    void labelsDoNotOverlap();
    void relayoutFollowsEdit();
    void flowScreenshot();

private:
    Catalog m_catalog;
    Plan m_demo;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<RoutingView> m_routing;
};

void TestUiFlow::initTestCase()
{
    tokenroute::initResources();
    applyAppStyle(*qApp);
    m_catalog = loadCatalog((dataDir() + QStringLiteral("/catalog")).toStdString());
    m_demo = loadPlan((dataDir() + QStringLiteral("/plans/demo.json")).toStdString());
    m_document = std::make_unique<PlanDocument>();
    m_document->reset(m_demo);
    m_routing = std::make_unique<RoutingView>(m_document.get(), &m_catalog);
    m_routing->resize(1280, 720);
    m_routing->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_routing.get()));
    m_routing->relayout();
    QVERIFY(m_routing->routing().result.solved);
}

void TestUiFlow::bandWidthsMatchRouterFlows()
{
    // Every forward flow the router reports (the core's own routePlan, called here afresh) is one
    // band whose width is its tokens/s on the view's single scale, and no band is invented.
    const PlanRouting fresh = routePlan(m_demo, m_catalog);
    const double scale = m_routing->layout().pixelsPerToken;
    QVERIFY(scale > 0);
    std::map<std::tuple<int, int, int, int, int>, double> expected;
    for (const FlowEdge &e : fresh.flows.edges)
        if (e.toKind != FlowNodeKind::Workload && e.tokensPerS > 0)
            expected[{int(e.fromKind), e.fromId, int(e.toKind), e.toId, e.workloadId}] = e.tokensPerS;
    QVERIFY(expected.size() >= 4);
    const auto items = bands(m_routing->scene());
    QCOMPARE(items.size(), expected.size());
    for (SankeyBandItem *item : items) {
        const FlowEdge &e = item->band().edge;
        const auto it = expected.find({int(e.fromKind), e.fromId, int(e.toKind), e.toId, e.workloadId});
        QVERIFY2(it != expected.end(), "a band with no matching flow");
        QVERIFY(std::abs(item->band().width - it->second * scale) < 1e-6 * std::max(1.0, it->second * scale));
        // The drawn path spans at least the band's width at its ends.
        QVERIFY(item->path().boundingRect().height() >= item->band().width - 1e-6);
    }
}

void TestUiFlow::workloadBandsCarryServedPrompts()
{
    // Independent of the flows: the bands leaving a workload add up to the rate the router served
    // times the workload's mean prompt, on the same scale.
    const PlanRouting &r = m_routing->routing();
    const double scale = m_routing->layout().pixelsPerToken;
    int checked = 0;
    for (const WorkloadRouting &w : r.result.workloads) {
        const Workload *pw = m_demo.workload(w.workloadId);
        QVERIFY(pw);
        double served = 0;
        for (const RouteShare &s : w.routes)
            served += s.ratePerS;
        double width = 0;
        for (SankeyBandItem *b : bands(m_routing->scene()))
            if (b->band().edge.fromKind == FlowNodeKind::Workload && b->workloadId() == w.workloadId)
                width += b->band().width;
        QVERIFY2(std::abs(width - served * pw->inputMean * scale) < 1e-6 * std::max(1.0, width), qPrintable(QString::fromStdString(w.name)));
        if (served > 0)
            ++checked;
    }
    QVERIFY(checked >= 2);
}

void TestUiFlow::clickingBandSelectsWorkloadAndPool()
{
    QSignalSpy spy(m_routing.get(), &RoutingView::selectionChanged);
    int clicked = 0;
    for (SankeyBandItem *b : bands(m_routing->scene())) {
        if (b->band().width < 4 || b->poolId() == 0)
            continue;
        const int w = b->workloadId(), p = b->poolId();
        if (w == m_routing->selectedWorkload() && p == m_routing->selectedPool())
            continue;
        const QPoint at = m_routing->view()->mapFromScene(b->clickPoint());
        QTest::mouseClick(m_routing->view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_routing->selectedWorkload(), w);
        QCOMPARE(m_routing->selectedPool(), p);
        QVERIFY(!spy.isEmpty());
        QCOMPARE(spy.last().at(0).toInt(), w);
        QCOMPARE(spy.last().at(1).toInt(), p);
        // The other workloads' bands fade; this workload's stay.
        for (SankeyBandItem *o : bands(m_routing->scene()))
            QCOMPARE(o->brush().color().alphaF() < 0.3, o->workloadId() != w);
        ++clicked;
    }
    QVERIFY(clicked >= 3);
    m_routing->select(0, 0);
}

void TestUiFlow::labelsDoNotOverlap()
{
    for (QSize size : {QSize(1280, 720), QSize(1600, 1000)}) {
        m_routing->resize(size);
        m_routing->relayout();
        std::vector<QRectF> plates;
        for (QGraphicsItem *item : m_routing->scene()->items())
            if (item->data(0).toString() == QStringLiteral("label"))
                plates.push_back(item->sceneBoundingRect());
        QCOMPARE(int(plates.size()), int(m_routing->layout().nodes.size()));
        for (size_t i = 0; i < plates.size(); ++i) {
            QVERIFY(m_routing->scene()->sceneRect().contains(plates[i]));
            for (size_t j = i + 1; j < plates.size(); ++j)
                QVERIFY2(!plates[i].intersects(plates[j]), qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
        }
    }
    m_routing->resize(1280, 720);
    m_routing->relayout();
}

void TestUiFlow::relayoutFollowsEdit()
{
    // Doubling a workload's rate through the document re-routes and redraws without being asked.
    const Workload &first = m_document->plan().workloads.front();
    double before = 0;
    for (const FlowEdge &e : m_routing->routing().flows.edges)
        if (e.fromKind == FlowNodeKind::Workload && e.workloadId == first.id)
            before += e.tokensPerS;
    QVERIFY(before > 0);
    Workload edited = first;
    edited.ratePerS *= 0.5;
    m_document->replaceWorkload(edited);
    auto servedNow = [&] {
        double t = 0;
        for (const FlowEdge &e : m_routing->routing().flows.edges)
            if (e.fromKind == FlowNodeKind::Workload && e.workloadId == edited.id)
                t += e.tokensPerS;
        return t;
    };
    QTRY_VERIFY(std::abs(servedNow() - before * 0.5) < 1e-6 * before);
    m_document->reset(m_demo);
    m_routing->refresh();
}

void TestUiFlow::flowScreenshot()
{
    m_routing->resize(1280, 720);
    m_routing->relayout();
    QCoreApplication::processEvents();
    const QImage image = m_routing->grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 720));
    saveScreenshot(image, QStringLiteral("flow.png"));
}

QTEST_MAIN(TestUiFlow)
#include "test_ui_flow.moc"
