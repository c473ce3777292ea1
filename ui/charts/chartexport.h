#pragma once
// Writing a chart out as a picture: PNG at a fixed pixel size (for slides and the report) and SVG
// through QSvgGenerator (for print, scales without blur). Both render the chart's scene afresh at
// the requested size rather than grabbing the screen, so the file does not depend on the window.

#include <functional>

#include <QSize>
#include <QString>

class QChartView;
class QWidget;

namespace tokenroute::ui {

inline constexpr QSize ChartExportSize{1600, 1000};

// Return false when the file cannot be written.
bool exportChartPng(QChartView *view, const QString &path, QSize size = ChartExportSize);
bool exportChartSvg(QChartView *view, const QString &path, QSize size = ChartExportSize);

// Adds "Export as PNG…" and "Export as SVG…" to the view's context menu, asking for a file name.
void addChartExportMenu(QChartView *view, const QString &baseName);

// Asks for a file and writes the chart in the format its suffix names (.png or .svg).
void exportChartInteractively(QChartView *view, const QString &baseName, QWidget *parent);

// A box holding the chart with an "Export…" button under it that does exportChartInteractively().
// baseName is asked at each click, so a page whose charts change suggests the current name; the
// button is named buttonName (for tests and style sheets) when that is not empty.
QWidget *chartWithExportButton(QChartView *view, const std::function<QString()> &baseName, const QString &buttonName,
                               QWidget *parent);

} // namespace tokenroute::ui
