#pragma once
// main() of a benchmark that draws the front end's widgets: a QApplication with the application's
// style and resources, on the offscreen platform unless QT_QPA_PLATFORM says otherwise, so it runs
// on a machine with no display (as CTest's smoke run does).

#include <benchmark/benchmark.h>

#include <QApplication>

#include "resources/resources.h"
#include "ui/appstyle.h"

namespace tokenroute::testsupport {

// `beforeQuit` destroys what the benchmarks kept alive while the QApplication still exists.
template<typename BeforeQuit>
int runGuiBenchmarks(int argc, char **argv, BeforeQuit &&beforeQuit)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tokenroute::initResources();
    ui::applyAppStyle(app);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    beforeQuit();
    return 0;
}

} // namespace tokenroute::testsupport
