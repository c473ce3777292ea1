#pragma once
// The handful of counts that describe a plan at a glance (status bar, window tooltip, tests).

#include <QString>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

struct PlanSummary {
    int racks = 0;
    int servers = 0;        // placed items that compute: servers and whole-rack systems
    int accelerators = 0;   // accelerators in those servers (edge devices in the field excluded)
    int pools = 0;
    int workloads = 0;
    int unknownItems = 0;   // placed items whose catalogue id the catalogue does not know

    bool operator==(const PlanSummary &) const = default;
};

PlanSummary summarise(const Plan &plan, const Catalog &catalog);
QString summaryText(const PlanSummary &summary);

} // namespace tokenroute::ui
