#pragma once
// The plan as something to hand over: a multi-page PDF (title page with the plan's summary, racks,
// routing with the router's reasons, costs, then every chart), one picture per chart (PNG, and SVG
// when asked), and the tables as CSV. The same report is written by File > Export in the window and
// by `tokenroute-cli report` without a display.
//
// The report builds its own offscreen views (the Costs charts and the Charts page) over a private
// document holding the plan, so what it shows is exactly what the window shows for the same plan
// and runs, and writing a report never changes the plan file. Every file is written beside its
// final name and renamed into place on success.

#include <memory>

#include <QList>
#include <QString>
#include <QStringList>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

class QChartView;

namespace tokenroute::ui {

class CostsView;
class ChartsView;
class LiveEvaluation;
class PlanDocument;
struct PlanOutlook;

struct ReportChart {
    QString id;            // the file's base name: "cost-by-workload", "ttft-cdf", ...
    QChartView *view = nullptr;
};

class PlanReport final {
public:
    // planPath: where the plan was read from; its stored runs feed the charts (may be empty).
    PlanReport(const Plan &plan, const Catalog &catalog, const QString &planPath);
    ~PlanReport();
    PlanReport(const PlanReport &) = delete;
    PlanReport &operator=(const PlanReport &) = delete;

    QList<ReportChart> charts() const;
    const ChartsView *chartsView() const { return m_charts.get(); }
    const PlanOutlook &outlook() const;

    // The tables, each a header row and data rows: racks, items, routes, pool costs.
    QList<QStringList> rackTable() const;
    QList<QStringList> itemTable() const;
    QList<QStringList> routeTable() const;
    QList<QStringList> poolCostTable() const;

    // The report as HTML pages (page breaks between sections), with chart images as resources
    // named "chart:ID"; exposed for tests that read the text.
    QString html() const;

    // Each returns false and sets *error (translated) when a file cannot be written.
    bool writePdf(const QString &path, QString *error) const;
    bool writeChartImages(const QString &dir, bool svg, QStringList *written, QString *error) const;
    bool writeTables(const QString &dir, QStringList *written, QString *error) const;

private:
    const Plan &plan() const;

    const Catalog &m_catalog;
    QString m_planPath;
    std::unique_ptr<PlanDocument> m_document;
    std::unique_ptr<LiveEvaluation> m_evaluation;
    std::unique_ptr<CostsView> m_costs;
    std::unique_ptr<ChartsView> m_charts;
};

} // namespace tokenroute::ui
