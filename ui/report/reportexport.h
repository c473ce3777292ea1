#pragma once
// File > Export in the window: the report as PDF, every chart as PNG and SVG, the tables as CSV.
// Each asks for a destination, builds the report of the plan as it stands (unsaved edits included)
// and says in a message box what it wrote or why it could not.

#include <QString>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

class QMenu;
class QWidget;

namespace tokenroute::ui {

class PlanDocument;

enum class ReportExport { Pdf, ChartImages, Tables };

void exportReportInteractively(ReportExport what, const PlanDocument &document, const Catalog &catalog, QWidget *parent);

// The Export submenu: Report (PDF)…, Charts (PNG and SVG)…, Tables (CSV)…
QMenu *createReportExportMenu(const PlanDocument *document, const Catalog *catalog, QWidget *parent);

} // namespace tokenroute::ui
