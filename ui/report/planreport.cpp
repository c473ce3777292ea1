#include "ui/reasontext.h"
#include "ui/report/planreport.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

#include "core/route/reasons.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/costsview.h"
#include "ui/charts/planchartview.h"
#include "ui/charts/tablecsv.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/palette.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tokenroute::ui::PlanReport", text, disambiguation, n);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString num(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString htmlTable(const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return {};
    QString h = QStringLiteral("<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>");
    for (const QString &c : rows.first())
        h += QStringLiteral("<th bgcolor='#dde6ee' align='left'>%1</th>").arg(esc(c));
    h += QStringLiteral("</tr>");
    for (qsizetype i = 1; i < rows.size(); ++i) {
        h += QStringLiteral("<tr>");
        for (const QString &c : rows[i])
            h += QStringLiteral("<td>%1</td>").arg(esc(c));
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

// Sections start on a new page; the title page stands alone.
const QString kPageBreak = QStringLiteral("<div style='page-break-before: always'></div>");

// A4 landscape at 96 dpi: the HTML is laid out in the same pixels a screen uses, so the chart
// images keep their proportions; 15 mm margins leave about 1010 x 680 px of page.
constexpr int kPdfDpi = 96;
constexpr int kChartImageWidth = 960;
constexpr int kChartImageHeight = 560;
const QSize kChartRenderSize{1600, 930};   // rendered larger and scaled down: crisp in print

QString poolName(const Plan &plan, int id)
{
    const Pool *p = plan.pool(id);
    return p ? qs(p->name) : tr("pool %1").arg(id);
}

} // namespace

PlanReport::PlanReport(const Plan &plan, const Catalog &catalog, const QString &planPath)
    : m_catalog(catalog),
      m_planPath(planPath),
      m_document(std::make_unique<PlanDocument>())
{
    // reset(), not open(): the private document has no native file, so nothing it does can write
    // to the plan; the path only tells the charts where the stored runs are.
    m_document->reset(plan, planPath);
    m_evaluation = std::make_unique<LiveEvaluation>(m_document.get(), &m_catalog);
    m_costs = std::make_unique<CostsView>(m_document.get(), &m_catalog, m_evaluation.get());
    m_charts = std::make_unique<ChartsView>(m_document.get(), &m_catalog, m_evaluation.get());
    m_costs->resize(1600, 1000);
    m_charts->resize(1600, 1000);
    m_costs->refresh();
    m_charts->refresh();
}

PlanReport::~PlanReport() = default;

const Plan &PlanReport::plan() const
{
    return m_document->plan();
}

const PlanOutlook &PlanReport::outlook() const
{
    return m_evaluation->current();
}

QList<ReportChart> PlanReport::charts() const
{
    QList<ReportChart> out{{QStringLiteral("cost-by-workload"), m_costs->workloadCostView()},
                           {QStringLiteral("cost-by-pool"), m_costs->poolCostView()},
                           {QStringLiteral("operating-curves"), m_costs->curvesView()}};
    const auto views = m_charts->chartViews();
    for (int i = 0; i < views.size() && i < m_charts->charts().size(); ++i)
        out.append({m_charts->charts()[i].id, views[i]});
    return out;
}

QList<QStringList> PlanReport::rackTable() const
{
    QList<QStringList> rows{{tr("Rack"), tr("Units used"), tr("Units"), tr("IT power (kW)"), tr("Budget (kW)"),
                             tr("Cooling")}};
    for (const RackEvaluation &r : outlook().evaluation.racks) {
        const Rack *rack = plan().rack(r.rackId);
        rows.append({rack ? qs(rack->name) : tr("rack %1").arg(r.rackId), QString::number(r.unitsUsed),
                     QString::number(r.units), num(r.powerKw), num(r.budgetKw),
                     rack ? (rack->cooling == Cooling::Liquid ? tr("liquid") : tr("air")) : QString()});
    }
    return rows;
}

QList<QStringList> PlanReport::itemTable() const
{
    QList<QStringList> rows{{tr("Rack"), tr("U"), tr("Item"), tr("Catalogue id"), tr("Pool")}};
    for (const Rack &rack : plan().racks)
        for (const PlacedItem &item : plan().items)
            if (item.rackId == rack.id)
                rows.append({qs(rack.name), QString::number(item.uPosition), qs(item.name), qs(item.catalogId),
                             item.poolId ? poolName(plan(), item.poolId) : QString()});
    return rows;
}

QList<QStringList> PlanReport::routeTable() const
{
    QList<QStringList> rows{{tr("Workload"), tr("Prefill pool"), tr("Decode pool"), tr("Share"), tr("Requests/s"),
                             tr("$ per M tokens"), tr("TTFT (ms)"), tr("TPOT (ms)")}};
    if (!outlook().routing)
        return rows;
    for (const WorkloadRouting &w : outlook().routing->result.workloads)
        for (const RouteShare &r : w.routes)
            rows.append({qs(w.name), qs(r.prefillName), r.colocated ? tr("(same pool)") : qs(r.decodeName),
                         QStringLiteral("%1 %").arg(num(r.share * 100, 1)), num(r.ratePerS, 3),
                         num(r.usdPerMillionTokens, 3), num(r.ttftMs, 1), num(r.tpotMs, 2)});
    return rows;
}

QList<QStringList> PlanReport::poolCostTable() const
{
    QList<QStringList> rows{{tr("Pool"), tr("Role"), tr("Device"), tr("Devices"), tr("Capex ($/h)"),
                             tr("Energy ($/h)"), tr("Cloud ($/h)"), tr("Total ($/h)"), tr("IT power (kW)")}};
    for (const PoolEvaluation &p : outlook().evaluation.pools)
        rows.append({qs(p.name), roleName(p.role), p.device ? qs(p.device->name) : QString(), QString::number(p.devices),
                     num(p.cost.capexUsdPerHour), num(p.cost.energyUsdPerHour), num(p.cost.cloudUsdPerHour),
                     num(p.cost.usdPerHour), num(p.cost.itPowerW / 1000.0)});
    return rows;
}

QString PlanReport::html() const
{
    const PlanOutlook &o = outlook();
    const Plan &p = plan();
    int devices = 0;
    for (const PoolEvaluation &pe : o.evaluation.pools)
        devices += pe.devices;

    QString h = QStringLiteral("<html><body style='font-family: sans-serif; font-size: 11pt'>");
    // ---- title page
    h += QStringLiteral("<h1 style='font-size: 26pt'>%1</h1>").arg(esc(qs(p.name)));
    if (!p.description.empty())
        h += QStringLiteral("<p style='font-size: 13pt'>%1</p>").arg(esc(qs(p.description)));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Inference plan report · generated %1 by TokenRoute %2")
                          .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                               QStringLiteral(TOKENROUTE_VERSION))));
    if (!m_planPath.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("Plan file: %1").arg(QFileInfo(m_planPath).fileName())));
    QList<QStringList> summary{{tr("Figure"), tr("Value")}};
    summary.append({tr("Racks"), QString::number(p.racks.size())});
    summary.append({tr("Pools"), QString::number(p.pools.size())});
    summary.append({tr("Accelerators"), QString::number(devices)});
    summary.append({tr("Workloads"), QString::number(p.workloads.size())});
    summary.append({tr("Cost of all pools ($/h)"), num(o.evaluation.usdPerHour)});
    summary.append({tr("IT power, all racks (kW)"), num(o.evaluation.itPowerKw, 1)});
    summary.append({tr("Device time per million output tokens ($)"), num(o.usdPerMillionOutput, 3)});
    summary.append({tr("Demand left unserved"), QStringLiteral("%1 %").arg(num(o.unservedFraction * 100, 1))});
    summary.append({tr("Workloads missing their SLOs"), QString::number(o.sloViolations)});
    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Summary"))) + htmlTable(summary);
    if (!o.issues.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Issues")));
        for (const QString &issue : o.issues)
            h += QStringLiteral("<li>%1</li>").arg(esc(issue));
        h += QStringLiteral("</ul>");
    }
    if (!o.notes.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Routed around")));
        for (const QString &note : o.notes)
            h += QStringLiteral("<li>%1</li>").arg(esc(note));
        h += QStringLiteral("</ul>");
    }

    // ---- racks
    h += kPageBreak + QStringLiteral("<h2>%1</h2>").arg(esc(tr("Racks")));
    h += htmlTable(rackTable());
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Equipment"))) + htmlTable(itemTable());

    // ---- routing, with the router's reasons
    h += kPageBreak + QStringLiteral("<h2>%1</h2>").arg(esc(tr("Routing")));
    if (!o.routing) {
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("The plan could not be routed: %1").arg(o.routingError)));
    } else {
        h += htmlTable(routeTable());
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Why")));
        for (const WorkloadRouting &w : o.routing->result.workloads) {
            h += QStringLiteral("<p><b>%1</b><br>%2").arg(esc(qs(w.name)), esc(reasonText(w.binding, w.name)));
            if (w.alternative.exists)
                h += QStringLiteral("<br>%1").arg(esc(reasonText(w.alternative, w.name)));
            for (const Finding &f : o.routing->result.findings)
                if (f.workload == w.name)
                    h += QStringLiteral("<br>• %1").arg(esc(reasonText(f)));
            h += QStringLiteral("</p>");
        }
        QStringList general;
        for (const Finding &f : o.routing->result.findings)
            if (f.workload.empty())
                general.append(reasonText(f));
        if (!general.isEmpty()) {
            h += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Findings about the plan")));
            for (const QString &g : general)
                h += QStringLiteral("<li>%1</li>").arg(esc(g));
            h += QStringLiteral("</ul>");
        }
    }

    // ---- costs
    h += kPageBreak + QStringLiteral("<h2>%1</h2>").arg(esc(tr("Costs")));
    h += htmlTable(poolCostTable());
    const QList<ReportChart> all = charts();
    // ---- charts, one per page
    for (int i = 0; i < all.size(); ++i) {
        h += kPageBreak;
        h += QStringLiteral("<p align='center'><img src='chart:%1' width='%2' height='%3'></p>")
                 .arg(all[i].id)
                 .arg(kChartImageWidth)
                 .arg(kChartImageHeight);
    }
    h += QStringLiteral("</body></html>");
    return h;
}

bool PlanReport::writePdf(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(kPdfDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 15, 15, 15),
                                         QPageLayout::Millimeter));
        writer.setTitle(tr("%1 — inference plan report").arg(qs(plan().name)));
        writer.setCreator(QStringLiteral("TokenRoute %1").arg(QStringLiteral(TOKENROUTE_VERSION)));

        QTextDocument doc;
        for (const ReportChart &c : charts()) {
            QImage image(kChartRenderSize, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QChart *chart = c.view->chart();
            const QRectF before = chart->geometry();
            chart->resize(kChartRenderSize);
            {
                QPainter painter(&image);
                painter.setRenderHint(QPainter::Antialiasing);
                chart->scene()->render(&painter, QRectF(QPointF(0, 0), kChartRenderSize), chart->geometry());
            }
            chart->setGeometry(before);
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:") + c.id), image);
        }
        doc.setHtml(html());
        doc.print(&writer);
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlanReport::writeChartImages(const QString &dir, bool svg, QStringList *written, QString *error) const
{
    QDir().mkpath(dir);
    for (const ReportChart &c : charts()) {
        const QString png = QDir(dir).filePath(c.id + QStringLiteral(".png"));
        if (!exportChartPng(c.view, png)) {
            if (error)
                *error = tr("Could not write %1.").arg(png);
            return false;
        }
        if (written)
            written->append(png);
        if (svg) {
            const QString s = QDir(dir).filePath(c.id + QStringLiteral(".svg"));
            if (!exportChartSvg(c.view, s)) {
                if (error)
                    *error = tr("Could not write %1.").arg(s);
                return false;
            }
            if (written)
                written->append(s);
        }
    }
    return true;
}

bool PlanReport::writeTables(const QString &dir, QStringList *written, QString *error) const
{
    QDir().mkpath(dir);
    QList<std::pair<QString, QList<QStringList>>> tables{{QStringLiteral("racks"), rackTable()},
                                                         {QStringLiteral("equipment"), itemTable()},
                                                         {QStringLiteral("routes"), routeTable()},
                                                         {QStringLiteral("pool-costs"), poolCostTable()}};
    QList<QStringList> costs{{tr("Workload"), tr("Capex ($/M tokens)"), tr("Power ($/M tokens)"),
                              tr("Cloud ($/M tokens)"), tr("Total ($/M tokens)")}};
    for (const CostBar &b : m_costs->costs().byWorkload)
        costs.append({b.label, QString::number(b.capex, 'g', 10), QString::number(b.power, 'g', 10),
                      QString::number(b.cloud, 'g', 10), QString::number(b.total(), 'g', 10)});
    tables.append({QStringLiteral("cost-by-workload"), costs});
    for (const PlanChart &c : m_charts->charts())
        if (!c.isEmpty())
            tables.append({c.id, chartTable(c)});
    for (const auto &[name, rows] : tables) {
        const QString path = QDir(dir).filePath(name + QStringLiteral(".csv"));
        if (!writeCsv(path, rows)) {
            if (error)
                *error = tr("Could not write %1.").arg(path);
            return false;
        }
        if (written)
            written->append(path);
    }
    return true;
}

} // namespace tokenroute::ui
