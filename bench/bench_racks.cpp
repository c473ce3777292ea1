// Frame time of the rack designer with 20 full racks (issue: "the frame time of the rack view with
// 20 racks full"). The plan is 20 42U racks in two rows, each holding five 8U HGX H200 nodes, a
// ToR switch and a PDU (the first rack a spine switch instead), with every node linked to its ToR
// and every ToR to the spine: 140 items and 120 links, more than a planning session draws.
//
// What is timed, all at 1920x1080 (a full-HD projector):
//   - SceneRender: the whole scene fitted into a QImage through QGraphicsScene::render, every item
//     painted from scratch (what a print or an export costs);
//   - ViewFrameWarm / ViewFrameZoomed: the view's viewport rendered into a QImage, first with the
//     items' device-coordinate caches warm (a pan or a selection change), then after a zoom step
//     that invalidates them (a wheel notch); ViewFrameWarmNoLinks is the warm frame with the links
//     hidden, to split the frame between racks and links;
//   - SceneRebuild: the scene rebuilt from the plan, which every edit triggers;
//   - ImageFill and ImageCopy: a fill and a deep copy of a QImage of the same size, the floor that
//     any frame on this machine stands on, so the figures above can be read as multiples of it on
//     whatever machine runs this.
//
// Qt's raster engine spreads large fills and blends over its own thread pool, so each benchmark
// measures wall time and the CPU time of the whole process, every thread included: the main
// thread's CPU time alone would leave that work out.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include <QImage>
#include <QPainter>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "tests/support/guibenchmain.h"
#include "tests/support/sampleplans.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackscene.h"
#include "ui/racks/rackview.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

constexpr int FrameWidth = 1920;
constexpr int FrameHeight = 1080;

const Catalog &catalog()
{
    static const Catalog c = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    return c;
}

// One designer's worth of objects: the document, the editor, the scene and a full-HD view.
struct Designer {
    PlanDocument document;
    std::unique_ptr<RackEditor> editor;
    std::unique_ptr<RackScene> scene;
    std::unique_ptr<RackView> view;

    Designer()
    {
        document.reset(testsupport::twentyFullRacks());
        editor = std::make_unique<RackEditor>(&document, &catalog());
        scene = std::make_unique<RackScene>(editor.get());
        view = std::make_unique<RackView>(scene.get());
        view->resize(FrameWidth, FrameHeight);
        view->show();
        QCoreApplication::processEvents();
        view->zoomToFit();
    }
};

void counters(benchmark::State &state, const Designer &d)
{
    state.counters["items"] = double(d.document.plan().items.size());
    state.counters["links"] = double(d.document.plan().links.size());
}

void BM_SceneRender(benchmark::State &state)
{
    Designer d;
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        d.scene->render(&painter, QRectF(0, 0, FrameWidth, FrameHeight), d.scene->sceneRect(), Qt::KeepAspectRatio);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    counters(state, d);
}

void BM_ViewFrameWarm(benchmark::State &state)
{
    Designer d;
    QImage image(d.view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    d.view->viewport()->render(&image); // fills the items' caches at this zoom
    for (auto _ : state) {
        image.fill(Qt::white);
        d.view->viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["zoom"] = d.view->zoom();
    counters(state, d);
}

// The same frame with the links hidden (the designer's Links toggle): the difference is what the
// 120 antialiased link curves and their labels cost.
void BM_ViewFrameWarmNoLinks(benchmark::State &state)
{
    Designer d;
    d.scene->setLinksShown(false);
    QImage image(d.view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    d.view->viewport()->render(&image);
    for (auto _ : state) {
        image.fill(Qt::white);
        d.view->viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    counters(state, d);
}

void BM_ViewFrameZoomed(benchmark::State &state)
{
    Designer d;
    QImage image(d.view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const double fitted = d.view->zoom();
    bool up = false;
    for (auto _ : state) {
        // Alternate between two zooms a hair apart: each frame finds every cache stale, as after a
        // wheel notch, while the picture stays the same size.
        d.view->setZoom(up ? fitted * 1.001 : fitted);
        up = !up;
        image.fill(Qt::white);
        d.view->viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    counters(state, d);
}

void BM_SceneRebuild(benchmark::State &state)
{
    Designer d;
    for (auto _ : state)
        d.scene->rebuild();
    counters(state, d);
}

void BM_ImageFill(benchmark::State &state)
{
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::white);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.SetBytesProcessed(state.iterations() * image.sizeInBytes());
}

void BM_ImageCopy(benchmark::State &state)
{
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    for (auto _ : state) {
        QImage copy = image.copy();
        benchmark::DoNotOptimize(copy.constBits());
    }
    state.SetBytesProcessed(state.iterations() * image.sizeInBytes());
}

} // namespace

BENCHMARK(BM_SceneRender)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ViewFrameWarm)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ViewFrameWarmNoLinks)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ViewFrameZoomed)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SceneRebuild)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImageFill)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImageCopy)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return tokenroute::testsupport::runGuiBenchmarks(argc, argv, [] {});
}
