// report: the plan as a multi-page PDF, one PNG per chart (SVG on request) and the tables as CSV,
// written without a window. Built only with the GUI libraries (TOKENROUTE_BUILD_GUI), since the
// charts are drawn by the same Qt Charts code as the window's. Qt is started here and only here,
// so every other command keeps running on a machine with no Qt platform at all.

#include <iostream>
#include <memory>
#include <string>

#include <QApplication>
#include <QByteArray>
#include <QDir>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/plan/planio.h"
#include "core/util/error.h"
#include "resources/resources.h"
#include "ui/headless.h"
#include "ui/report/planreport.h"

namespace tokenroute::cli {

namespace {

struct ReportOptions {
    std::string plan;
    std::string out;
    bool svg = false;
    bool noCsv = false;
    bool json = false;
};

void runReport(const ReportOptions &o, Context &ctx)
{
    const Plan plan = loadPlan(o.plan);   // InputError names the file and field
    const Catalog &catalog = ctx.catalog();

    // Headless by default; a platform the user chose (QT_QPA_PLATFORM) is respected.
    ui::chooseHeadlessPlatform();
    static int argc = 1;
    static char name[] = "tokenroute-cli";
    static char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    tokenroute::initResources();

    const QString dir = QString::fromStdString(o.out);
    if (!QDir().mkpath(dir))
        throw InputError(o.out, "--out", "a directory that can be created and written");
    std::cerr << "rendering the report of " << o.plan << "...\n";
    ui::PlanReport report(plan, catalog, QString::fromStdString(o.plan));

    QString error;
    const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
    QStringList images, tables;
    if (!report.writePdf(pdf, &error) || !report.writeChartImages(dir, o.svg, &images, &error) ||
        (!o.noCsv && !report.writeTables(dir, &tables, &error))) {
        std::cerr << "error: " << error.toStdString() << '\n';
        ctx.exitCode = 1;
        return;
    }
    if (o.json) {
        nlohmann::json j{{"pdf", pdf.toStdString()}, {"images", nlohmann::json::array()}, {"tables", nlohmann::json::array()}};
        for (const QString &p : images)
            j["images"].push_back(p.toStdString());
        for (const QString &p : tables)
            j["tables"].push_back(p.toStdString());
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << pdf.toStdString() << '\n';
    for (const QString &p : images + tables)
        std::cout << p.toStdString() << '\n';
}

CommandRegistration reg{95, [](CLI::App &app, Context &ctx) {
    auto o = std::make_shared<ReportOptions>();
    auto *cmd = app.add_subcommand("report", "Write the plan's PDF report, one PNG per chart and the tables as CSV");
    cmd->add_option("PLAN", o->plan, "plan file (SQLite or JSON); a SQLite plan's stored simulation and benchmark "
                                     "runs feed the latency, roofline and memory charts")
        ->required();
    cmd->add_option("--out", o->out, "directory to write report.pdf, CHART.png and TABLE.csv into (created if missing)")
        ->required();
    cmd->add_flag("--svg", o->svg, "also write each chart as SVG");
    cmd->add_flag("--no-csv", o->noCsv, "leave out the CSV tables");
    cmd->add_flag("--json", o->json, "print the written paths as JSON");
    cmd->footer("Example: tokenroute-cli report data/plans/demo.json --out demo-report\n"
                "  writes demo-report/report.pdf, demo-report/cost-by-workload.png, ... and demo-report/racks.csv, ...\n"
                "  Runs without a display (offscreen) unless QT_QPA_PLATFORM says otherwise.");
    cmd->callback([o, &ctx] { runReport(*o, ctx); });
}};

} // namespace

} // namespace tokenroute::cli
