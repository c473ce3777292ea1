#pragma once
// The live evaluation's findings sorted by what they are about, so the plan tree (or any view that
// lists racks, pools, workloads and items) can put a badge on the right row with the reasons in its
// tooltip: a rack over its power budget or its units, a pool that can hold none of the plan's
// models or cannot run one with its layout, a workload with demand no route serves within its SLOs, an item the
// catalogue does not know. Each reason is the same translated sentence the status bar uses.

#include <QHash>
#include <QIcon>
#include <QStringList>

#include "core/plan/plan.h"

namespace tokenroute::ui {

struct PlanOutlook;

struct PlanProblems {
    QHash<int, QStringList> racks;
    QHash<int, QStringList> pools;
    QHash<int, QStringList> workloads;
    QHash<int, QStringList> items;

    bool operator==(const PlanProblems &) const = default;
};

PlanProblems problemsByEntity(const PlanOutlook &outlook, const Plan &plan);

// The badge: a vermillion disc with a white exclamation mark, drawn at every size a view asks
// for. The shape, not only the colour, says "problem", so it reads without colour vision.
QIcon problemBadgeIcon();

} // namespace tokenroute::ui
