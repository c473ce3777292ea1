// The Memory tab on the demo plan, driven offscreen: the ladder's figures against the core's.

#include <QApplication>
#include <QDir>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/perf/memorytiers.h"
#include "core/plan/planio.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/memory/memoryview.h"
#include "ui/plandocument.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

QStringList sceneTexts(QGraphicsScene *scene)
{
    QStringList out;
    for (QGraphicsItem *item : scene->items())
        if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            out << t->text();
        else if (auto *w = dynamic_cast<QGraphicsTextItem *>(item))
            out << w->toPlainText();
    return out;
}

bool shows(QGraphicsScene *scene, const QString &needle)
{
    for (const QString &t : sceneTexts(scene))
        if (t.contains(needle))
            return true;
    return false;
}

} // namespace

class TestUiMemory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ladderEqualsCore_data();
    void ladderEqualsCore();
    void rungsThePoolLacksAreMarked();
    void hitRatiosOnlyFromAStoredRun();
    void labelsDoNotOverlap_data();
    void labelsDoNotOverlap();
    void memoryScreenshot();

private:
    Catalog m_catalog;
    Plan m_demo;
    Evaluation m_evaluation;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<LiveEvaluation> m_live;
    std::unique_ptr<MemoryView> m_view;
};

void TestUiMemory::initTestCase()
{
    tokenroute::initResources();
    applyAppStyle(*qApp);
    const QString data = QStringLiteral(TOKENROUTE_DATA_DIR);
    m_catalog = loadCatalog((data + QStringLiteral("/catalog")).toStdString());
    m_demo = loadPlan((data + QStringLiteral("/plans/demo.json")).toStdString());
    m_evaluation = evaluate(m_demo, m_catalog);
    m_document = std::make_unique<PlanDocument>();
    m_document->reset(m_demo);
    m_live = std::make_unique<LiveEvaluation>(m_document.get(), &m_catalog);
    m_view = std::make_unique<MemoryView>(m_document.get(), &m_catalog, m_live.get());
    m_view->resize(1280, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_view->ladder().valid);
}

void TestUiMemory::ladderEqualsCore_data()
{
    // Every pool with every workload the core evaluates on it.
    QTest::addColumn<int>("poolId");
    QTest::addColumn<int>("workloadId");
    for (const WorkloadEvaluation &we : m_evaluation.workloads)
        for (const WorkloadOnPool &wp : we.pools)
            if (wp.fits)
                QTest::addRow("%s on %s", we.name.c_str(), m_demo.pool(wp.poolId)->name.c_str()) << wp.poolId << we.workloadId;
}

void TestUiMemory::ladderEqualsCore()
{
    QFETCH(int, poolId);
    QFETCH(int, workloadId);
    m_view->setPool(poolId);
    m_view->setWorkload(workloadId);
    const MemoryLadder &l = m_view->ladder();
    QVERIFY2(l.valid, qPrintable(l.problem));
    QCOMPARE(l.poolId, poolId);
    QCOMPARE(l.workloadId, workloadId);
    QCOMPARE(l.rungs.size(), std::size_t(5));

    const WorkloadOnPool *wp = nullptr;
    for (const WorkloadEvaluation &we : m_evaluation.workloads)
        if (we.workloadId == workloadId)
            for (const WorkloadOnPool &p : we.pools)
                if (p.poolId == poolId)
                    wp = &p;
    QVERIFY(wp);
    const ModelSpec *model = m_catalog.model(m_demo.workload(workloadId)->modelId);
    QVERIFY(model);
    // Every tier the core lists for the workload on the pool is one rung holding KV, with the
    // core's capacity, tokens and break-even prefix, and the scene shows the capacity and tokens.
    QVERIFY(!wp->prefixTiers.empty());
    int kvRungs = 0;
    for (const MemoryRung &r : l.rungs)
        kvRungs += r.holdsKv ? 1 : 0;
    QCOMPARE(std::size_t(kvRungs), wp->prefixTiers.size());
    for (const TierChoice &c : wp->prefixTiers) {
        const MemoryRung *rung = nullptr;
        for (const MemoryRung &r : l.rungs)
            if (r.holdsKv && r.tier && r.tier->id == c.tier->id)
                rung = &r;
        QVERIFY2(rung, c.tier->id.c_str());
        // The device's rung reads at the device's own bandwidth, not at its memory type's first entry.
        for (const PoolEvaluation &pe : m_evaluation.pools)
            if (pe.poolId == poolId && c.tier == pe.deviceMemory.get())
                QCOMPARE(rung->tier->bandwidthGBs, pe.device->memoryBandwidthTBs * 1000.0);
        QCOMPARE(rung->capacityBytes, c.capacityBytes);
        QCOMPARE(rung->kvTokens, c.kvTokens);
        QVERIFY(rung->prefix);
        QCOMPARE(rung->prefix->loadS, c.loadS);
        QCOMPARE(rung->prefix->recomputeS, c.recomputeS);
        const PrefixBreakEven b = prefixBreakEven(model->arch, wp->setup, *c.tier, model->arch.maxContext);
        QVERIFY(rung->breakEven);
        QCOMPARE(rung->breakEven->recomputeFromTokens, b.recomputeFromTokens);
        QCOMPARE(rung->breakEven->recomputeToTokens, b.recomputeToTokens);
        if (c.capacityBytes > 0)
            QVERIFY2(shows(m_view->scene(), formatBytes(c.capacityBytes)), qPrintable(formatBytes(c.capacityBytes)));
        QVERIFY2(shows(m_view->scene(), formatCount(double(c.kvTokens))), qPrintable(formatCount(double(c.kvTokens))));
        // The interval is what its name says: recomputing wins inside it, fetching outside.
        auto recomputes = [&](long long n) {
            return kvTierChoices(model->arch, wp->setup, {{c.tier, c.capacityBytes}}, double(n)).front().recompute;
        };
        if (b.fetchAlwaysWins()) {
            QVERIFY(!recomputes(1) && !recomputes(b.maxTokens));
        } else {
            QVERIFY(recomputes(b.recomputeFromTokens) && recomputes(b.recomputeToTokens));
            if (b.recomputeFromTokens > 1)
                QVERIFY(!recomputes(b.recomputeFromTokens - 1));
            if (b.recomputeToTokens < b.maxTokens)
                QVERIFY(!recomputes(b.recomputeToTokens + 1));
        }
    }
}

void TestUiMemory::rungsThePoolLacksAreMarked()
{
    // H200 decode: HBM on the devices, host DRAM and NVMe in the servers, no remote tier; the
    // GPU's on-chip SRAM is there but holds no KV.
    const Pool *pool = nullptr;
    for (const Pool &p : m_demo.pools)
        if (p.name == "H200 decode")
            pool = &p;
    QVERIFY(pool);
    m_view->setPool(pool->id);
    const MemoryLadder &l = m_view->ladder();
    QVERIFY(l.valid);
    const PoolEvaluation *pe = nullptr;
    for (const PoolEvaluation &p : m_evaluation.pools)
        if (p.poolId == pool->id)
            pe = &p;
    QVERIFY(pe && pe->device);
    const MemoryRung &sram = l.rungs[0];
    QVERIFY(sram.kind == RungKind::Sram);
    QVERIFY(sram.inPool && !sram.holdsKv);
    QCOMPARE(sram.capacityBytes, pe->device->sramMb * 1e6 * pe->devices);
    // The H200's L2, not the catalogue's LPU SRAM tier: no bandwidth or price is claimed for it.
    QVERIFY(sram.deviceCache && !sram.tier);
    QVERIFY(shows(m_view->scene(), QStringLiteral("the device's on-chip cache")));
    QVERIFY(l.rungs[1].holdsKv && l.rungs[2].holdsKv && l.rungs[3].holdsKv);
    const MemoryRung &remote = l.rungs[4];
    QVERIFY(remote.kind == RungKind::Remote);
    QVERIFY(!remote.inPool && !remote.holdsKv && remote.capacityBytes == 0);
    QVERIFY(remote.tier);   // the catalogue's figures still shown
    QVERIFY(shows(m_view->scene(), QStringLiteral("not in this pool")));
    // Host DRAM and NVMe capacities are the servers' (the core's PoolEvaluation::tiers).
    QCOMPARE(l.rungs[2].capacityBytes, pe->tiers[0].capacityBytes);
    QCOMPARE(l.rungs[3].capacityBytes, pe->tiers[1].capacityBytes);
}

void TestUiMemory::hitRatiosOnlyFromAStoredRun()
{
    // The demo opened from JSON has no runs: no ratio is shown, and the view says how to get one.
    m_view->refresh();
    for (const MemoryRung &r : m_view->ladder().rungs)
        QVERIFY(!r.hitRatio);
    QVERIFY(m_view->ladder().hitSource.contains(QStringLiteral("Simulation tab")));

    // Saved as a plan file with a stored run, the run's per-tier ratios appear on their rungs.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo.trplan"));
    m_document->saveAs(path);
    const Pool *cpx = nullptr;
    for (const Pool &p : m_demo.pools)
        if (p.role == PoolRole::Prefill)
            cpx = &p;
    QVERIFY(cpx);
    m_view->setPool(cpx->id);
    const MemoryLadder &before = m_view->ladder();
    QVERIFY(before.rungs[1].holdsKv && before.rungs[1].tier);
    const std::string deviceTier = before.rungs[1].tier->id;
    nlohmann::json run;
    run["workload"] = m_demo.workload(before.workloadId)->name;
    run["source"] = {{"generator", "test"}};
    run["cache"] = nlohmann::json::array({{{"pool", cpx->name}, {"tier", deviceTier}, {"hit_ratio", 0.4375}}});
    appendResult(path.toStdString(), "simulation", "test run", run.dump());
    m_view->refresh();
    const MemoryLadder &after = m_view->ladder();
    QVERIFY(after.hitRatiosFromRun);
    QVERIFY(after.rungs[1].hitRatio);
    QCOMPARE(*after.rungs[1].hitRatio, 0.4375);
    QVERIFY(shows(m_view->scene(), formatNumber(43.75, 1) + QStringLiteral(" %")));
    for (std::size_t i = 0; i < after.rungs.size(); ++i)
        if (i != 1)
            QVERIFY(!after.rungs[i].hitRatio);
    m_document->reset(m_demo);
    m_view->refresh();
}

void TestUiMemory::labelsDoNotOverlap_data()
{
    QTest::addColumn<int>("poolId");
    for (const Pool &p : m_demo.pools)
        QTest::newRow(p.name.c_str()) << p.id;
}

void TestUiMemory::labelsDoNotOverlap()
{
    QFETCH(int, poolId);
    m_view->resize(1280, 720);
    m_view->setPool(poolId);
    std::vector<QRectF> rects;
    for (QGraphicsItem *item : m_view->scene()->items()) {
        if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item); t && !t->text().isEmpty())
            rects.push_back(t->sceneBoundingRect().adjusted(1, 1, -1, -1));
        // A wrapping text item's rectangle includes its document's 4 px margin on every side.
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item); t && !t->toPlainText().isEmpty())
            rects.push_back(t->sceneBoundingRect().adjusted(5, 5, -5, -5));
    }
    QVERIFY(rects.size() > 20);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        QVERIFY(m_view->scene()->sceneRect().contains(rects[i]));
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                     .arg(rects[i].x())
                                                                     .arg(rects[i].y())
                                                                     .arg(rects[i].width())
                                                                     .arg(rects[i].height())));
    }
}

void TestUiMemory::memoryScreenshot()
{
    m_view->resize(1280, 720);
    m_view->setPool(m_demo.pools[1].id);   // H200 decode: the deepest ladder of the demo
    m_view->setWorkload(m_demo.workloads.front().id);
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 720));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/memory.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("memory.png"))));
}

QTEST_MAIN(TestUiMemory)
#include "test_ui_memory.moc"
