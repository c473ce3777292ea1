#pragma once
// The numbers behind the Charts page and the report, computed from the engine and the runs stored
// with the plan, never typed in: latency CDFs of the latest simulation run, the prefix-cache hit
// ratio against capacity for each workload's traffic with each memory tier marked, a roofline of
// the plan's devices with the kernels a benchmark run measured, the memory hierarchy from the
// benchmark's memory probe (or the catalogue's tiers when no probe was stored), and power per rack
// against its budget.
//
// Every chart is one PlanChart value: titles, axes, series of points and, when there is nothing to
// draw, the sentence that says how to produce the data. One shape for every chart lets one piece
// of code draw them, export them, write their CSV and store their series in the plan file with the
// run they came from; each builder is a pure function so a test can compare it with the engine.

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/evaluation.h"
#include "core/plan/plan.h"
#include "core/plan/planio.h"

namespace tokenroute::ui {

enum class ChartSeriesKind { Line, Scatter, Bar };

struct ChartSeries {
    QString name;
    ChartSeriesKind kind = ChartSeriesKind::Line;
    QList<QPointF> points;     // Bar: x is the category index

    bool operator==(const ChartSeries &) const = default;
};

struct PlanChart {
    QString id;                // stable file-name-safe key: "ttft-cdf", "roofline", ...
    QString title;
    QString xTitle;
    QString yTitle;
    bool logX = false;
    bool logY = false;
    QStringList categories;    // bar charts: one label per x index
    QList<ChartSeries> series;
    QString note;              // a caveat shown under the title (where the data come from)
    QString emptyText;         // shown instead of the chart when series is empty: how to get data
    QString sourceKind;        // the stored result it came from: "simulation", "benchmark", or "plan"
    long long sourceRunId = 0; // that result's id in the plan file; 0 when computed from the plan itself

    bool isEmpty() const { return series.isEmpty(); }
    bool operator==(const PlanChart &) const = default;
};

// Every stored result of `kind`, oldest first; empty for a JSON plan (which stores none) or a file
// that cannot be read (the window reports the file's problem elsewhere).
std::vector<StoredResult> storedResults(const QString &planPath, const char *kind);

// The newest stored result of `kind`, or nullopt.
std::optional<StoredResult> latestStoredResult(const QString &planPath, const char *kind);

// CDF of TTFT (or TPOT) from a stored simulation document: the sampled CDF when the run stored one
// ("ttft_cdf_ms" / "tpot_cdf_ms"), otherwise the stored percentiles (p50, p90, p99, max) as a coarse
// CDF, said so in the note. The workload's SLO is a vertical line.
PlanChart latencyCdfChart(const std::optional<StoredResult> &simulation, bool tpot);

// Hit ratio as prompt tokens served from cache (what saves prefill time) for each workload's own
// generated traffic, swept in doublings up to the traffic's total blocks plus each serving pool's
// tiers at their cumulative capacity, so the tier markers lie on the curve. A workload that never
// hits (its shared prefix is shorter than a block) is named in the note instead of drawn.
inline constexpr int kCacheSweepRequests = 2000;   // enough for every generated prefix to recur
PlanChart cacheHitChart(const Plan &plan, const Catalog &catalog, int requests = kCacheSweepRequests);

// Rooflines min(peak, intensity x bandwidth) of each distinct device in the plan's pools (its
// highest native dense precision up to 16 bits), of the machine a stored benchmark measured, and
// that run's correct kernel results as points.
PlanChart rooflineChart(const Evaluation &evaluation, const std::optional<StoredResult> &benchmark);

// Bandwidth (GB/s) against size (GB): the stored memory probe's read sweep when the benchmark run
// holds one; each pool's device memory and named tiers from the catalogue (capacity per device
// against bandwidth) always, and the note says which is which.
PlanChart memoryHierarchyChart(const Evaluation &evaluation, const std::optional<StoredResult> &benchmark);

// IT power per rack and the rack's budget, in kW, from the evaluation.
PlanChart rackPowerChart(const Plan &plan, const Evaluation &evaluation);

// Every chart above for one plan, in page order, drawn from the given simulation and benchmark
// runs (either may be absent).
QList<PlanChart> planCharts(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                            const std::optional<StoredResult> &simulation, const std::optional<StoredResult> &benchmark);
// The same from the newest runs stored in planPath (may be empty).
QList<PlanChart> planCharts(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                            const QString &planPath);

// JSON form of a chart, as stored in the plan file (result kind "chart", label = chart id).
nlohmann::json chartToJson(const PlanChart &chart);
PlanChart chartFromJson(const nlohmann::json &j);   // throws nlohmann::json::exception on a bad document

// Stores each chart that came from a stored run and is not stored yet for that run; returns how
// many were stored. Charts computed from the plan alone are stored only when `all` is set (a
// report records what it showed). Does nothing for a JSON plan.
int storeChartSeries(const QString &planPath, const QList<PlanChart> &charts, bool all = false);

// The newest stored series of each chart id, newest first, read back from the plan file.
QList<PlanChart> storedChartSeries(const QString &planPath);

// The chart's points as a table: a header row, then one row per point (series, x, y) or, for bar
// charts, one row per category with a column per series.
QList<QStringList> chartTable(const PlanChart &chart);

} // namespace tokenroute::ui
