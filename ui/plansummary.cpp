#include "ui/plansummary.h"

#include <QCoreApplication>

namespace tokenroute::ui {

PlanSummary summarise(const Plan &plan, const Catalog &catalog)
{
    PlanSummary s;
    s.racks = int(plan.racks.size());
    s.pools = int(plan.pools.size());
    s.workloads = int(plan.workloads.size());
    for (const PlacedItem &item : plan.items) {
        const ServerSpec *spec = catalog.server(item.catalogId);
        if (!spec) {
            ++s.unknownItems;
            continue;
        }
        if (spec->kind == ServerKind::Server || spec->kind == ServerKind::RackSystem) {
            ++s.servers;
            s.accelerators += spec->acceleratorsPerNode;
        }
    }
    return s;
}

QString summaryText(const PlanSummary &s)
{
    // tr(text, disambiguation, n), the shape lupdate reads as a plural message.
    auto tr = [](const char *text, const char *disambiguation, int n) {
        return QCoreApplication::translate("tokenroute::ui::PlanSummary", text, disambiguation, n);
    };
    QStringList parts{tr("%n rack(s)", nullptr, s.racks), tr("%n server(s)", nullptr, s.servers),
                      tr("%n accelerator(s)", nullptr, s.accelerators), tr("%n pool(s)", nullptr, s.pools),
                      tr("%n workload(s)", nullptr, s.workloads)};
    if (s.unknownItems > 0)
        parts << tr("%n item(s) not in the catalogue", nullptr, s.unknownItems);
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace tokenroute::ui
