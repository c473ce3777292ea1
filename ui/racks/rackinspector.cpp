#include "ui/racks/rackinspector.h"

#include <QGraphicsItem>

#include "core/plan/placement.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/plandocument.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackitems.h"
#include "ui/racks/rackscene.h"

namespace tokenroute::ui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding:2px 12px 2px 0; color:palette(mid)'>%1</td><td style='padding:2px 0'>%2</td></tr>")
        .arg(label, value);
}

QString chip(const QColor &colour, const QString &text)
{
    return QStringLiteral("<span style='background:%1; color:%2'>&nbsp;%3&nbsp;</span>")
        .arg(colour.name(), textColourOn(colour).name(), text);
}

QString levelText(double used, double limit, const QString &text)
{
    const LoadLevel level = loadLevel(used, limit);
    if (level == LoadLevel::Ok)
        return text;
    const QString word = level == LoadLevel::Over ? RackInspector::tr("over limit") : RackInspector::tr("near limit");
    return QStringLiteral("%1 %2").arg(text, chip(levelColour(level), word));
}

// Links the inspector's text offers; RackInspector turns a click into a request.
QString editRackLink(int rackId)
{
    return QStringLiteral("<a href='rack:%1'>%2</a>").arg(rackId).arg(RackInspector::tr("Edit…"));
}

QString kw(double watts)
{
    return RackInspector::tr("%1 kW").arg(formatNumber(watts / 1000, 1));
}

QString itemHtml(const Plan &plan, const Catalog &catalog, const PlacedItem &item)
{
    const ServerSpec *spec = catalog.server(item.catalogId);
    const Rack *rack = plan.rack(item.rackId);
    const Pool *pool = plan.pool(item.poolId);
    const int height = unitHeightOf(catalog, item.catalogId);
    QString html = QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(qs(item.name));
    html += QStringLiteral("<p style='margin-top:0'>%1 · <code>%2</code></p>")
                .arg(spec ? qs(spec->name) : RackInspector::tr("Not in the catalogue"), qs(item.catalogId));
    html += QStringLiteral("<table>");
    html += row(RackInspector::tr("Rack"), rack ? QStringLiteral("%1 · %2").arg(qs(rack->name), editRackLink(rack->id)) : QStringLiteral("—"));
    html += row(RackInspector::tr("Position"), height > 1 ? RackInspector::tr("U%1–U%2 (%3U)").arg(item.uPosition).arg(item.uPosition + height - 1).arg(height)
                                                          : RackInspector::tr("U%1 (1U)").arg(item.uPosition));
    if (pool)
        html += row(RackInspector::tr("Pool"), QStringLiteral("%1 %2").arg(qs(pool->name), chip(roleColour(pool->role), roleName(pool->role))));
    else if (spec && (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem))
        html += row(RackInspector::tr("Pool"), RackInspector::tr("none — right-click or drop on a pool to assign"));
    if (spec) {
        if (spec->acceleratorsPerNode > 0) {
            const Accelerator *acc = catalog.accelerator(spec->acceleratorId);
            QString accText = QStringLiteral("%1 × %2").arg(spec->acceleratorsPerNode).arg(acc ? qs(acc->name) : qs(spec->acceleratorId));
            html += row(RackInspector::tr("Accelerators"), accText);
            if (acc) {
                html += row(RackInspector::tr("Memory per device"),
                            RackInspector::tr("%1 GB %2 at %3 TB/s").arg(formatNumber(acc->memoryGb, 0), qs(acc->memoryType), formatNumber(acc->memoryBandwidthTBs, 2)));
                const auto fp8 = acc->peakTflops.find(Precision::FP8);
                if (fp8 != acc->peakTflops.end())
                    html += row(RackInspector::tr("FP8 dense per device"), RackInspector::tr("%1 TFLOP/s").arg(formatNumber(fp8->second, 0)));
            }
        }
        html += row(RackInspector::tr("Power (max)"), kw(spec->powerW));
        html += row(RackInspector::tr("Weight"), RackInspector::tr("%1 kg").arg(formatNumber(spec->weightKg, 1)));
        if (spec->hostDramGb > 0)
            html += row(RackInspector::tr("Host memory"), RackInspector::tr("%1 GB").arg(formatNumber(spec->hostDramGb, 0)));
        if (spec->nvmeTb > 0)
            html += row(RackInspector::tr("NVMe"), RackInspector::tr("%1 TB").arg(formatNumber(spec->nvmeTb, 1)));
        if (spec->nics > 0)
            html += row(RackInspector::tr("Network"), RackInspector::tr("%1 × %2 Gb/s").arg(spec->nics).arg(formatNumber(spec->nicGbps, 0)));
        if (spec->switchPorts > 0)
            html += row(RackInspector::tr("Ports"), RackInspector::tr("%1 × %2 Gb/s").arg(spec->switchPorts).arg(formatNumber(spec->portGbps, 0)));
        if (spec->priceUsd > 0)
            html += row(RackInspector::tr("Price"), RackInspector::tr("$%1").arg(formatNumber(spec->priceUsd, 0)));
    }
    html += QStringLiteral("</table>");

    QStringList links;
    for (const Link &link : plan.links) {
        if (link.fromItem != item.id && link.toItem != item.id)
            continue;
        const PlacedItem *other = plan.item(link.fromItem == item.id ? link.toItem : link.fromItem);
        const LinkType *type = catalog.link(link.linkTypeId);
        links << RackInspector::tr("%1: %2 × %3, %4 GB/s")
                     .arg(other ? qs(other->name) : QStringLiteral("?"))
                     .arg(link.lanes)
                     .arg(type ? qs(type->name) : qs(link.linkTypeId))
                     .arg(formatNumber((type ? type->bandwidthGBs : 0) * link.lanes, 0));
    }
    if (!links.isEmpty())
        html += RackInspector::tr("<h3>Links</h3>") + QStringLiteral("<ul style='margin-left:-20px'><li>%1</li></ul>").arg(links.join(QStringLiteral("</li><li>")));
    return html;
}

QString itemsHtml(const Plan &plan, const Catalog &catalog, const QList<int> &ids)
{
    double power = 0;
    double weight = 0;
    int units = 0;
    double price = 0;
    for (int id : ids) {
        const PlacedItem *item = plan.item(id);
        const ServerSpec *spec = item ? catalog.server(item->catalogId) : nullptr;
        if (!spec)
            continue;
        power += spec->powerW;
        weight += spec->weightKg;
        units += std::max(1, spec->unitHeight);
        price += spec->priceUsd;
    }
    QString html = RackInspector::tr("<h2>%n items selected</h2>", "", int(ids.size()));
    html += QStringLiteral("<table>");
    html += row(RackInspector::tr("Power (max)"), kw(power));
    html += row(RackInspector::tr("Weight"), RackInspector::tr("%1 kg").arg(formatNumber(weight, 0)));
    html += row(RackInspector::tr("Space"), RackInspector::tr("%1U").arg(units));
    if (price > 0)
        html += row(RackInspector::tr("Price"), RackInspector::tr("$%1").arg(formatNumber(price, 0)));
    html += QStringLiteral("</table>");
    return html;
}

QString linkHtml(const Plan &plan, const Catalog &catalog, const Link &link)
{
    const LinkType *type = catalog.link(link.linkTypeId);
    const PlacedItem *from = plan.item(link.fromItem);
    const PlacedItem *to = plan.item(link.toItem);
    QString html = QStringLiteral("<h2 style='margin-bottom:2px'>%1 → %2</h2>")
                       .arg(from ? qs(from->name) : QStringLiteral("?"), to ? qs(to->name) : QStringLiteral("?"));
    html += QStringLiteral("<p style='margin-top:0'>%1</p><table>").arg(type ? qs(type->name) : qs(link.linkTypeId));
    html += row(RackInspector::tr("Lanes"), QString::number(link.lanes));
    if (type) {
        html += row(RackInspector::tr("Per lane"), RackInspector::tr("%1 GB/s per direction").arg(formatNumber(type->bandwidthGBs, 1)));
        html += row(RackInspector::tr("Total"), RackInspector::tr("%1 GB/s per direction").arg(formatNumber(type->bandwidthGBs * link.lanes, 0)));
        html += row(RackInspector::tr("Latency"), RackInspector::tr("%1 µs").arg(formatNumber(type->latencyUs, 2)));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><a href='delete-link:%1'>%2</a></p>").arg(link.id).arg(RackInspector::tr("Delete this link (Del)"));
    return html;
}

QString racksHtml(const Plan &plan, const Catalog &catalog)
{
    QString html = RackInspector::tr("<h2>Racks</h2>");
    html += QStringLiteral("<table>");
    double power = 0;
    double budget = 0;
    for (const Rack &rack : plan.racks) {
        const RackLoad load = rackLoad(plan, catalog, rack.id);
        power += load.powerW;
        budget += load.powerBudgetW;
        html += row(qs(rack.name), levelText(load.powerW, load.powerBudgetW,
                                             RackInspector::tr("%1 of %2 · %3/%4U").arg(kw(load.powerW), kw(load.powerBudgetW))
                                                 .arg(load.unitsUsed).arg(load.units))
                                       + QStringLiteral(" · ") + editRackLink(rack.id));
    }
    html += row(RackInspector::tr("<b>All racks</b>"), RackInspector::tr("<b>%1 of %2</b>").arg(kw(power), kw(budget)));
    html += QStringLiteral("</table>");
    html += RackInspector::tr("<p>Bars turn amber from 80 % of a limit (the continuous-load margin for power "
                              "circuits) and red above it.</p>"
                              "<p>Drag items from the palette into a rack; drag servers between racks or onto a pool. "
                              "<b>Del</b> deletes, <b>Ctrl+D</b> duplicates, <b>Ctrl+L</b> links two selected items, "
                              "<b>↑/↓</b> move by one U, the wheel zooms, the middle button pans. Right-click a rack, or "
                              "<i>Edit…</i> above, to change its size, power budget and cooling.</p>");
    return html;
}

} // namespace

QString inspectorHtml(const Plan &plan, const Catalog &catalog, const QList<int> &itemIds, const QList<int> &linkIds)
{
    if (itemIds.size() == 1)
        if (const PlacedItem *item = plan.item(itemIds.first()))
            return itemHtml(plan, catalog, *item);
    if (itemIds.size() > 1)
        return itemsHtml(plan, catalog, itemIds);
    if (linkIds.size() == 1)
        for (const Link &link : plan.links)
            if (link.id == linkIds.first())
                return linkHtml(plan, catalog, link);
    return racksHtml(plan, catalog);
}

RackInspector::RackInspector(RackScene *scene, QWidget *parent)
    : QTextBrowser(parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("rackInspector"));
    setOpenLinks(false);
    connect(scene, &QGraphicsScene::selectionChanged, this, &RackInspector::refresh);
    connect(this, &QTextBrowser::anchorClicked, this, &RackInspector::follow);
    refresh();
}

void RackInspector::refresh()
{
    setHtml(inspectorHtml(m_scene->plan(), m_scene->catalog(), m_scene->selectedItemIds(), m_scene->selectedLinkIds()));
}

void RackInspector::follow(const QUrl &url)
{
    bool ok = false;
    const int id = url.path().toInt(&ok);
    if (!ok)
        return;
    if (url.scheme() == QLatin1String("rack"))
        emit editRackRequested(id);
    else if (url.scheme() == QLatin1String("delete-link"))
        emit deleteLinkRequested(id);
}

} // namespace tokenroute::ui
