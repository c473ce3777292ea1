// Frame time of teaching mode and re-layout time of the routing Sankey, on the demo plan at
// 1280x720 (a projector's resolution).
//
// What is timed:
//   - TeachingFrame: one animation frame — the items moved to the next request time (a quarter of a
//     decode step on) and the whole scene rendered into a QImage through QGraphicsScene::render,
//     every item painted from scratch (an upper bound on the view's repaint, which redraws only
//     what moved);
//   - TeachingFrameUpdate: the item updates of a frame alone, without painting;
//   - TeachingRebuild: the timeline rebuilt from the evaluation and the scene re-made (a workload
//     chosen, or an edit to the plan);
//   - SankeyLayout: layoutSankey() alone on the router's flows (the pure geometry);
//   - SankeyRelayout: the Sankey scene rebuilt from the current routing (a resize);
//   - SankeyRouteAndRelayout: route the plan again and rebuild the scene (what an edit costs);
//   - ImageFill: a fill of a QImage of the same size, the floor any frame stands on, so the figures
//     above can be read as multiples of it on whatever machine runs this.
//
// Qt's raster engine spreads large fills and blends over its own thread pool, so each benchmark
// measures wall time and the CPU time of the whole process, every thread included: the main
// thread's CPU time alone would leave that work out.

#include <benchmark/benchmark.h>

#include <memory>

#include <QImage>
#include <QPainter>

#include "core/catalog/catalog.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "tests/support/guibenchmain.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/plandocument.h"
#include "ui/routing/routingview.h"
#include "ui/routing/sankeylayout.h"
#include "ui/teaching/teachingview.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

constexpr int FrameWidth = 1280;
constexpr int FrameHeight = 720;

struct Demo {
    Catalog catalog = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    Plan plan = loadPlan(TOKENROUTE_DATA_DIR "/plans/demo.json");
    PlanDocument document;
    std::unique_ptr<LiveEvaluation> live;
    std::unique_ptr<TeachingView> teaching;
    std::unique_ptr<RoutingView> routing;

    Demo()
    {
        document.reset(plan);
        live = std::make_unique<LiveEvaluation>(&document, &catalog);
        teaching = std::make_unique<TeachingView>(&document, &catalog, live.get());
        teaching->resize(FrameWidth, FrameHeight);
        teaching->show();
        routing = std::make_unique<RoutingView>(&document, &catalog);
        routing->resize(FrameWidth, FrameHeight);
        routing->show();
        QCoreApplication::processEvents();
    }
};

// Made on first use and destroyed in main() before the QApplication, which its widgets need.
std::unique_ptr<Demo> &demoSlot()
{
    static std::unique_ptr<Demo> d;
    return d;
}

Demo &demo()
{
    if (!demoSlot())
        demoSlot() = std::make_unique<Demo>();
    return *demoSlot();
}

void TeachingFrame(benchmark::State &state)
{
    TeachingView &view = *demo().teaching;
    const TeachingTimeline &t = view.timeline();
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    double at = t.ttftS();
    for (auto _ : state) {
        at += t.tpotS * 0.25;
        if (at > t.totalS())
            at = t.ttftS();
        view.setTime(at);
        QPainter painter(&image);
        view.renderFrame(&painter, QRectF(0, 0, FrameWidth, FrameHeight));
    }
    benchmark::DoNotOptimize(image.constBits());
}
BENCHMARK(TeachingFrame)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

void TeachingFrameUpdate(benchmark::State &state)
{
    TeachingView &view = *demo().teaching;
    const TeachingTimeline &t = view.timeline();
    double at = t.ttftS();
    for (auto _ : state) {
        at += t.tpotS * 0.25;
        if (at > t.totalS())
            at = t.ttftS();
        view.setTime(at);
    }
}
BENCHMARK(TeachingFrameUpdate)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMicrosecond);

void TeachingRebuild(benchmark::State &state)
{
    TeachingView &view = *demo().teaching;
    for (auto _ : state)
        view.refresh();
}
BENCHMARK(TeachingRebuild)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

void SankeyLayout(benchmark::State &state)
{
    const RoutingView &view = *demo().routing;
    std::vector<int> ids;
    for (const Workload &w : demo().plan.workloads)
        ids.push_back(w.id);
    SankeyGeometry g;
    g.area = QRectF(250, 60, FrameWidth - 500, FrameHeight - 110);
    for (auto _ : state)
        benchmark::DoNotOptimize(layoutSankey(view.routing().flows, ids, g));
}
BENCHMARK(SankeyLayout)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMicrosecond);

void SankeyRelayout(benchmark::State &state)
{
    RoutingView &view = *demo().routing;
    for (auto _ : state)
        view.relayout();
}
BENCHMARK(SankeyRelayout)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

void SankeyRouteAndRelayout(benchmark::State &state)
{
    RoutingView &view = *demo().routing;
    for (auto _ : state)
        view.refresh();
}
BENCHMARK(SankeyRouteAndRelayout)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

void ImageFill(benchmark::State &state)
{
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    unsigned colour = 0;
    for (auto _ : state) {
        image.fill(QColor::fromRgb(colour++ & 0xffffff));
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(ImageFill)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    return tokenroute::testsupport::runGuiBenchmarks(argc, argv, [] { demoSlot().reset(); });
}
