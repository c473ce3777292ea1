#include "ui/report/reportexport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include "ui/plandocument.h"
#include "ui/report/planreport.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tokenroute::ui::ReportExport", text, disambiguation, n);
}

const QString kLastExportDir = QStringLiteral("export/lastDir");

} // namespace

void exportReportInteractively(ReportExport what, const PlanDocument &document, const Catalog &catalog, QWidget *parent)
{
    QSettings settings;
    const QString startDir = settings.value(kLastExportDir, QDir::homePath()).toString();
    QString target;
    if (what == ReportExport::Pdf) {
        target = QFileDialog::getSaveFileName(parent, tr("Export Report"),
                                              QDir(startDir).filePath(document.displayName() + QStringLiteral(".pdf")),
                                              tr("PDF document (*.pdf)"));
        if (!target.isEmpty() && QFileInfo(target).suffix().isEmpty())
            target += QStringLiteral(".pdf");
    } else {
        target = QFileDialog::getExistingDirectory(
            parent, what == ReportExport::Tables ? tr("Export Tables to Folder") : tr("Export Charts to Folder"), startDir);
    }
    if (target.isEmpty())
        return;
    settings.setValue(kLastExportDir, what == ReportExport::Pdf ? QFileInfo(target).absolutePath() : target);

    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString planPath = !document.filePath().isEmpty() ? document.filePath() : document.sourcePath();
    const PlanReport report(document.plan(), catalog, planPath);
    QString error;
    QStringList written;
    bool ok = false;
    switch (what) {
    case ReportExport::Pdf:
        ok = report.writePdf(target, &error);
        written.append(target);
        break;
    case ReportExport::ChartImages:
        ok = report.writeChartImages(target, true, &written, &error);
        break;
    case ReportExport::Tables:
        ok = report.writeTables(target, &written, &error);
        break;
    }
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(parent, tr("Export"), error);
        return;
    }
    QMessageBox::information(parent, tr("Export"),
                             tr("Wrote %n file(s) to %1.", "", int(written.size())).arg(QDir::toNativeSeparators(
                                 what == ReportExport::Pdf ? QFileInfo(target).absolutePath() : target)));
}

QMenu *createReportExportMenu(const PlanDocument *document, const Catalog *catalog, QWidget *parent)
{
    auto *menu = new QMenu(tr("E&xport"), parent);
    const auto add = [&](const QString &text, const QString &tip, ReportExport what) {
        QAction *a = menu->addAction(text);
        a->setStatusTip(tip);
        QObject::connect(a, &QAction::triggered, parent,
                         [document, catalog, parent, what] { exportReportInteractively(what, *document, *catalog, parent); });
    };
    add(tr("&Report (PDF)…"), tr("A multi-page PDF of the plan: summary, racks, routing with reasons, costs, charts"),
        ReportExport::Pdf);
    add(tr("&Charts (PNG and SVG)…"), tr("Every chart as a PNG image and an SVG drawing, into a folder"),
        ReportExport::ChartImages);
    add(tr("&Tables (CSV)…"), tr("Racks, equipment, routes, costs and each chart's data as CSV, into a folder"),
        ReportExport::Tables);
    return menu;
}

} // namespace tokenroute::ui
