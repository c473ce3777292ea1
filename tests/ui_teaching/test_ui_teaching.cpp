// Teaching mode on the demo plan, driven offscreen: one request followed phase by phase.

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/plandocument.h"
#include "ui/routing/routingview.h"
#include "ui/teaching/routingpage.h"
#include "ui/teaching/teachingview.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

// Phase boundaries are sums of a few hundred step times: a relative 1e-9 is far above the
// rounding of those sums and far below any visible difference.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

const RouteShare *largestShare(const PlanRouting &routing, int workloadId)
{
    const RouteShare *best = nullptr;
    for (const WorkloadRouting &w : routing.result.workloads)
        if (w.workloadId == workloadId)
            for (const RouteShare &s : w.routes)
                if (!best || s.share > best->share)
                    best = &s;
    return best;
}

const WorkloadOnPool *onPool(const Evaluation &ev, int workloadId, int poolId)
{
    for (const WorkloadEvaluation &we : ev.workloads)
        if (we.workloadId == workloadId)
            for (const WorkloadOnPool &p : we.pools)
                if (p.poolId == poolId)
                    return &p;
    return nullptr;
}

} // namespace

class TestUiTeaching : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void phasesFollowTheRouterTimes_data();
    void phasesFollowTheRouterTimes();
    void stepGoesThroughPhasesInOrder();
    void decodeStepIsTheModelsStep();
    void playAdvancesInSlowMotion();
    void keysPlayAndStep();
    void flowSelectionPicksTheWorkload();
    void captionsNameTheModelsFigures();
    void labelsDoNotOverlap_data();
    void labelsDoNotOverlap();
    void framesMoveAsDecodeAdvances();
    void hiddenViewRebuildsWhenShown();
    void teachingScreenshot();

private:
    Catalog m_catalog;
    Plan m_demo;
    PlanRouting m_routing;
    Evaluation m_evaluation;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<LiveEvaluation> m_live;
    std::unique_ptr<TeachingView> m_view;
};

void TestUiTeaching::initTestCase()
{
    tokenroute::initResources();
    applyAppStyle(*qApp);
    const QString data = QStringLiteral(TOKENROUTE_DATA_DIR);
    m_catalog = loadCatalog((data + QStringLiteral("/catalog")).toStdString());
    m_demo = loadPlan((data + QStringLiteral("/plans/demo.json")).toStdString());
    // The core's own figures, computed here afresh, are what the view must show.
    m_routing = routePlan(m_demo, m_catalog);
    m_evaluation = evaluate(m_demo, m_catalog);
    m_document = std::make_unique<PlanDocument>();
    m_document->reset(m_demo);
    m_live = std::make_unique<LiveEvaluation>(m_document.get(), &m_catalog);
    m_view = std::make_unique<TeachingView>(m_document.get(), &m_catalog, m_live.get());
    m_view->resize(1280, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_view->timeline().valid);
}

void TestUiTeaching::phasesFollowTheRouterTimes_data()
{
    QTest::addColumn<int>("workloadId");
    for (const Workload &w : m_demo.workloads)
        QTest::newRow(w.name.c_str()) << w.id;
}

void TestUiTeaching::phasesFollowTheRouterTimes()
{
    QFETCH(int, workloadId);
    m_view->setWorkload(workloadId);
    const TeachingTimeline &t = m_view->timeline();
    QVERIFY2(t.valid, qPrintable(t.problem));
    const RouteShare *route = largestShare(m_routing, workloadId);
    QVERIFY(route);
    QCOMPARE(t.prefillPoolId, route->prefillPool);
    QCOMPARE(t.decodePoolId, route->decodePool);

    // TTFT (transfer included), transfer and TPOT are the router's for the route.
    QVERIFY(near(t.ttftS() * 1000, route->ttftMs));
    QVERIFY(near(t.tpotS * 1000, route->tpotMs));
    const Workload *w = m_demo.workload(workloadId);
    const int output = int(std::lround(w->outputMean));
    std::size_t i = 0;
    QVERIFY(t.phases[i].kind == TeachingPhaseKind::Prefill);
    QCOMPARE(t.phases[i].startS, 0.0);
    QVERIFY(near(t.phases[i].endS * 1000, route->ttftMs - (route->colocated ? 0 : route->transferMs)));
    ++i;
    if (!route->colocated) {
        QVERIFY(t.phases[i].kind == TeachingPhaseKind::Transfer);
        QVERIFY(near((t.phases[i].endS - t.phases[i].startS) * 1000, route->transferMs));
        QVERIFY(near(t.phases[i].endS * 1000, route->ttftMs));
        ++i;
    }
    for (int k = 1; k < output; ++k, ++i) {
        QVERIFY(t.phases[i].kind == TeachingPhaseKind::Decode);
        QCOMPARE(t.phases[i].step, k);
        QVERIFY(near(t.phases[i].startS, t.phases[i - 1].endS));
        QVERIFY(near((t.phases[i].endS - t.phases[i].startS) * 1000, route->tpotMs));
    }
    QVERIFY(t.phases[i].kind == TeachingPhaseKind::Done);
    QCOMPARE(i + 1, t.phases.size());
    // End to end as the performance model defines it: TTFT, then a TPOT per further token.
    QVERIFY(near(t.totalS() * 1000, route->ttftMs + (output - 1) * route->tpotMs));

    // Where the evaluation prices the workload on both pools in their own roles (it leaves an edge
    // workload's data-centre fallback to the router), its operating points give the same times.
    const Evaluation &ev = m_evaluation;
    const WorkloadOnPool *pre = onPool(ev, workloadId, route->prefillPool);
    const WorkloadOnPool *dec = onPool(ev, workloadId, route->decodePool);
    QVERIFY((pre && dec) || w->edge);
    if (pre && dec && !route->colocated) {
        QVERIFY(std::abs(t.prefillS - pre->capacity.ttftS) <= 1e-9);
        QVERIFY(std::abs(t.tpotS - dec->capacity.tpotS) <= 1e-9);
    }
    if (!route->colocated) {
        // The KV bytes the request moves and the time they take over the router's path.
        const RoutePath *path = m_routing.problem.path(route->prefillPool, route->decodePool);
        QVERIFY(path && path->bandwidthBytesPerS > 0);
        QVERIFY(t.transferBytes > 0);
        QVERIFY(near(t.transferS, path->latencyMs / 1000 + t.transferBytes / path->bandwidthBytesPerS));
    }
}

void TestUiTeaching::stepGoesThroughPhasesInOrder()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    const TeachingTimeline &t = m_view->timeline();
    const RouteShare *route = largestShare(m_routing, t.workloadId);
    QVERIFY(route && !route->colocated);
    m_view->setTime(0);
    QVERIFY(t.phases[std::size_t(m_view->currentPhase())].kind == TeachingPhaseKind::Prefill);

    // Each press lands on the next boundary: prefill → transfer → every decode step → done.
    std::vector<TeachingPhaseKind> seen{TeachingPhaseKind::Prefill};
    std::vector<double> times{0};
    for (int press = 0; press < 10000 && seen.back() != TeachingPhaseKind::Done; ++press) {
        m_view->step();
        QVERIFY(!m_view->isPlaying());
        seen.push_back(t.phases[std::size_t(m_view->currentPhase())].kind);
        times.push_back(m_view->time());
        QVERIFY(times.back() > times[times.size() - 2]);
    }
    QVERIFY(seen[1] == TeachingPhaseKind::Transfer);
    QVERIFY(near(times[1] * 1000, route->ttftMs - route->transferMs));
    QVERIFY(seen[2] == TeachingPhaseKind::Decode);
    QVERIFY(near(times[2] * 1000, route->ttftMs));
    const int output = int(std::lround(m_demo.workloads.front().outputMean));
    QCOMPARE(int(seen.size()), 2 + output);   // prefill, transfer, output − 1 steps, done
    for (int k = 2; k < int(seen.size()) - 1; ++k) {
        QVERIFY(seen[std::size_t(k)] == TeachingPhaseKind::Decode);
        QVERIFY(near((times[std::size_t(k) + 1] - times[std::size_t(k)]) * 1000, route->tpotMs));
        // One token per step: the first came with the TTFT.
        QCOMPARE(t.tokensEmittedAt(times[std::size_t(k)]), k - 1);
    }
    QVERIFY(seen.back() == TeachingPhaseKind::Done);
    QCOMPARE(t.tokensEmittedAt(m_view->time()), output);
    // Stepping at the end stays at the end.
    m_view->step();
    QCOMPARE(m_view->time(), t.totalS());
}

void TestUiTeaching::decodeStepIsTheModelsStep()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    const TeachingTimeline &t = m_view->timeline();
    // The step whose bytes and FLOPs are shown is the one whose time the router calls the TPOT.
    QVERIFY(std::abs(t.step.timeS - t.tpotS) <= 1e-12);
    QCOMPARE(t.step.batch, t.decodeBatch);
    QVERIFY(t.step.weightBytes > 0 && t.step.kvReadBytes > 0 && t.step.flops > 0);
    // Decode of a 70B model on H200s is memory-bound: far fewer FLOPs per byte than the device's balance.
    QVERIFY(t.step.bound == Bound::Memory);
    QVERIFY(t.stepFlopsPerByte() < t.ridgeFlopsPerByte());
    QVERIFY(t.step.memoryS > t.step.computeS);
    // And the prefill of its 15k-token prompt is compute-bound: the contrast the view draws.
    QVERIFY(t.prefill.bound == Bound::Compute);
}

void TestUiTeaching::playAdvancesInSlowMotion()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    m_view->setTime(0);
    m_view->setSpeed(4);
    QCOMPARE(m_view->speed(), 4.0);
    QElapsedTimer wall;
    wall.start();
    m_view->play();
    QVERIFY(m_view->isPlaying());
    QTest::qWait(300);
    m_view->pause();
    const double elapsed = double(wall.elapsed()) / 1000;
    const double t = m_view->time();
    // Request time = wall time × speed ÷ slow motion (frames stop at the last tick before pause).
    QVERIFY(t > 0);
    QVERIFY(t <= elapsed * 4 / m_view->slowMotion() + 1e-9);
    QVERIFY(t >= 0.3 * elapsed * 4 / m_view->slowMotion());
    QTest::qWait(50);
    QCOMPARE(m_view->time(), t);
    m_view->setSpeed(10);
    QCOMPARE(m_view->speed(), 4.0);
    m_view->setSpeed(0.1);
    QCOMPARE(m_view->speed(), 0.25);
    m_view->setSpeed(1);
}

void TestUiTeaching::keysPlayAndStep()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    m_view->setTime(0);
    m_view->activateWindow();
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(near(m_view->time(), m_view->timeline().prefillS));
    QTest::keyClick(m_view.get(), Qt::Key_Space);
    QVERIFY(m_view->isPlaying());
    QTest::keyClick(m_view.get(), Qt::Key_Space);
    QVERIFY(!m_view->isPlaying());
}

void TestUiTeaching::flowSelectionPicksTheWorkload()
{
    LiveEvaluation live(m_document.get(), &m_catalog);
    RoutingPage page(m_document.get(), &m_catalog, &live);
    page.resize(1280, 720);
    QVERIFY(!page.isTeaching());
    const int second = m_demo.workloads[1].id;
    page.flow()->select(second, 0);
    QCOMPARE(page.teaching()->workloadId(), second);
    page.setTeaching(true);
    QVERIFY(page.isTeaching());
    page.setTeaching(false);
    QVERIFY(!page.isTeaching());
}

void TestUiTeaching::captionsNameTheModelsFigures()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    const TeachingTimeline &t = m_view->timeline();
    m_view->setTime(0);
    const QString prefill = m_view->caption();
    m_view->setTime(t.prefillS + t.transferS / 2);
    const QString transfer = m_view->caption();
    m_view->setTime(t.ttftS() + t.tpotS * 1.5);
    const QString decode = m_view->caption();
    m_view->setTime(t.totalS());
    const QString done = m_view->caption();
    QVERIFY(prefill != transfer && transfer != decode && decode != done);
    QVERIFY(prefill.contains(t.prefillPool));
    QVERIFY(transfer.contains(t.decodePool));
    QVERIFY(decode.contains(QStringLiteral("memory-bound")));
    QVERIFY(done.contains(QString::number(t.outputTokens)));

    // Every phase of every workload has a whole sentence: no placeholder left unfilled.
    const QRegularExpression unfilled(QStringLiteral("%\\d"));
    for (const Workload &w : m_demo.workloads) {
        m_view->setWorkload(w.id);
        const TeachingTimeline &tw = m_view->timeline();
        QVERIFY2(tw.valid, qPrintable(tw.problem));
        for (double at : {0.0, tw.prefillS + tw.transferS / 2, tw.ttftS() + tw.tpotS / 2, tw.totalS()}) {
            m_view->setTime(at);
            QVERIFY2(!m_view->caption().contains(unfilled), qPrintable(m_view->caption()));
        }
    }
    m_view->setWorkload(m_demo.workloads.front().id);
}

void TestUiTeaching::labelsDoNotOverlap_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("fraction");   // of the request's time
    QTest::newRow("1280x720 prefill") << QSize(1280, 720) << 0.1;
    QTest::newRow("1280x720 decode") << QSize(1280, 720) << 0.5;
    QTest::newRow("1024x640 decode") << QSize(1024, 640) << 0.5;
}

void TestUiTeaching::labelsDoNotOverlap()
{
    QFETCH(QSize, size);
    QFETCH(double, fraction);
    m_view->setWorkload(m_demo.workloads.front().id);
    m_view->resize(size);
    QCoreApplication::processEvents();
    m_view->setTime(m_view->timeline().totalS() * fraction);
    std::vector<QRectF> rects;
    for (QGraphicsItem *item : m_view->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto *t = dynamic_cast<QGraphicsSimpleTextItem *>(item); t && !t->text().isEmpty())
            rects.push_back(t->sceneBoundingRect().adjusted(1, 1, -1, -1));
        // A wrapping text item's rectangle includes its document's 4 px margin on every side.
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item); t && !t->toPlainText().isEmpty())
            rects.push_back(t->sceneBoundingRect().adjusted(5, 5, -5, -5));
    }
    QVERIFY(rects.size() > 15);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        QVERIFY2(m_view->scene()->sceneRect().contains(rects[i]),
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(rects[i].x()).arg(rects[i].y()).arg(rects[i].width()).arg(rects[i].height())));
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].intersects(rects[j]),
                     qPrintable(QStringLiteral("%1,%2 and %3,%4").arg(rects[i].x()).arg(rects[i].y()).arg(rects[j].x()).arg(rects[j].y())));
    }
    m_view->resize(1280, 720);
    QCoreApplication::processEvents();
}

void TestUiTeaching::framesMoveAsDecodeAdvances()
{
    // Two frames a few decode steps apart differ (the token counter and the moving KV blocks), and a
    // frame redrawn at the same time is identical. bench_teaching times these frames.
    m_view->setWorkload(m_demo.workloads.front().id);
    const TeachingTimeline &t = m_view->timeline();
    const auto frameAt = [&](double at) {
        QImage image(1280, 720, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        m_view->setTime(at);
        QPainter painter(&image);
        m_view->renderFrame(&painter, QRectF(0, 0, 1280, 720));
        return image;
    };
    const double early = t.ttftS() + 2.5 * t.tpotS;
    const QImage a = frameAt(early);
    const QImage b = frameAt(early + 3 * t.tpotS);
    QVERIFY(a != b);
    QCOMPARE(frameAt(early), a);
}

void TestUiTeaching::hiddenViewRebuildsWhenShown()
{
    // While hidden, an edit leaves the timeline as it was and playback stops; shown again, the view
    // catches up with the edit.
    const int id = m_demo.workloads.front().id;
    m_view->setWorkload(id);
    const int before = m_view->timeline().outputTokens;
    m_view->play();
    m_view->hide();
    QVERIFY(!m_view->isPlaying());

    Plan edited = m_demo;
    edited.workloads.front().outputMean = before * 2;
    QSignalSpy updated(m_live.get(), &LiveEvaluation::updated);
    m_document->reset(edited);
    QVERIFY(updated.wait(5000));
    QCOMPARE(m_view->timeline().outputTokens, before);

    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QCOMPARE(m_view->timeline().outputTokens, before * 2);

    m_document->reset(m_demo);
    QVERIFY(updated.wait(5000));
    QCOMPARE(m_view->timeline().outputTokens, before);
}

void TestUiTeaching::teachingScreenshot()
{
    m_view->setWorkload(m_demo.workloads.front().id);
    m_view->resize(1280, 720);
    const TeachingTimeline &t = m_view->timeline();
    // The other phases go to the build folder only, for a look at each caption.
    for (const auto &[name, at] : {std::pair{"teaching-prefill.png", t.prefillS * 0.6},
                                   std::pair{"teaching-transfer.png", t.prefillS + t.transferS * 0.5},
                                   std::pair{"teaching-done.png", t.totalS()}}) {
        m_view->setTime(at);
        QCoreApplication::processEvents();
        QVERIFY(m_view->grab().toImage().save(QStringLiteral(TOKENROUTE_BINARY_DIR "/") + QString::fromLatin1(name)));
    }
    // Mid-animation in the decode phase: a third of the tokens out.
    m_view->setTime(t.ttftS() + (t.totalS() - t.ttftS()) * 0.37);
    QVERIFY(t.phases[std::size_t(m_view->currentPhase())].kind == TeachingPhaseKind::Decode);
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 720));
    QVERIFY(image.save(QStringLiteral(TOKENROUTE_BINARY_DIR "/teaching.png")));
    const QString dir = qEnvironmentVariable("TOKENROUTE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("teaching.png"))));
}

QTEST_MAIN(TestUiTeaching)
#include "test_ui_teaching.moc"
