#pragma once
// Two plans side by side, reduced to numbers: what each costs, draws and delivers, and the change
// from the first to the second. PlanFigures is read off the core's evaluation and routing of one
// plan (plus its latest simulation run per workload, when the plan file holds any); comparePlans()
// is a pure function of two PlanFigures, so that what the Compare tab shows can be checked against
// the core's own numbers without a window.
//
// Every figure says whether lower or higher is better, so a change can be called better or worse
// in one place rather than by each reader of the table.

#include <optional>
#include <string>
#include <vector>

#include <QString>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/plan.h"
#include "core/route/routebuilder.h"

namespace tokenroute::ui {

// Latency percentiles of one simulation run (milliseconds), as the plan file stores them.
struct SimulatedLatency {
    double ttftP50Ms = 0, ttftP90Ms = 0, ttftP99Ms = 0;
    double tpotP50Ms = 0, tpotP90Ms = 0, tpotP99Ms = 0;
    double goodputShare = 0;           // requests within both SLOs / requests completed
};

struct WorkloadFigures {
    std::string name;                  // workloads are matched across plans by name
    bool routed = false;               // some of its demand has a route
    double ttftMs = 0;                 // of the route carrying the largest share
    double tpotMs = 0;
    double usdPerMillionTokens = 0;
    double unservedFraction = 1;       // of its demand (requests); 1 when the plan could not be routed
    std::optional<SimulatedLatency> simulated;
};

struct PlanFigures {
    QString label;
    bool routed = false;               // the router ran; routing figures are meaningful
    double usdPerMillionOutput = 0;    // routed device time per million output tokens served
    double usdPerHour = 0;             // every pool, whether busy or not
    double capexUsd = 0;
    double powerUsdPerHour = 0;        // electricity at the facility (IT power × PUE × price)
    double itPowerKw = 0;
    int devices = 0;
    double sloAttainment = 0;          // share of demanded requests served within their SLOs
    double unservedTokenFraction = 1;  // share of demanded tokens left unserved
    std::vector<WorkloadFigures> workloads;

    const WorkloadFigures *workload(const std::string &name) const;
};

// The figures of one plan. routing may be null (the router could not run): the routing figures then
// stay at "nothing served". simulated maps a workload name to its latest run.
PlanFigures planFigures(const QString &label, const Plan &plan, const Evaluation &evaluation, const PlanRouting *routing,
                        const std::vector<std::pair<std::string, SimulatedLatency>> &simulated = {});

// The latest finished simulation run per workload stored in a .trplan file; empty for JSON plans.
std::vector<std::pair<std::string, SimulatedLatency>> storedSimulations(const QString &planPath);

// Which way is better for a figure.
enum class Better { Lower, Higher };
enum class Verdict { Same, Better, Worse, NotComparable };

// One row of the comparison: a figure of the plan or of one workload in both plans.
struct ComparisonRow {
    enum class Group { Cost, Power, Service, Latency, Simulated };
    Group group = Group::Cost;
    std::string key;                   // stable, untranslated: "capex", "ttft_ms", "ttft_p99_ms", …
    QString metric;                    // translated: "Capex", "TTFT", "TTFT p99 (simulated)"
    QString workload;                  // empty for plan-wide figures
    QString unit;                      // "$", "$/h", "kW", "ms", "%"
    int decimals = 2;                  // how many the figure carries
    std::optional<double> a;           // absent when the plan does not have the figure
    std::optional<double> b;
    std::optional<double> delta;       // b − a when both are present
    std::optional<double> deltaFraction; // delta / |a| when a is non-zero
    Better better = Better::Lower;
    Verdict verdict = Verdict::NotComparable;
};

// Rows for b against a: plan-wide cost, power and service first, then each workload's latency
// (workloads of a in their order, then those only in b), then simulated percentiles for the
// workloads that have a run in both plans.
std::vector<ComparisonRow> comparePlans(const PlanFigures &a, const PlanFigures &b);

// The change as text with an explicit sign (so it reads without colour): "+1,234.5", "−12 %".
QString formatDelta(double delta, int decimals);
QString formatDeltaFraction(double fraction);

} // namespace tokenroute::ui
