#include "ui/charts/planchartdata.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/sim/cachesweep.h"
#include "core/sim/generator.h"
#include "core/sim/simplan.h"
#include "core/util/error.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tokenroute::ui::PlanCharts", text, disambiguation, n);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

double number(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string text(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<nlohmann::json> parsed(const std::optional<StoredResult> &r)
{
    if (!r)
        return std::nullopt;
    nlohmann::json j = nlohmann::json::parse(r->json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    return j;
}

// Series grouped by a key (a tier, a kernel, a device), in the order each key first appears, which
// is the legend's order.
class KeyedSeries {
public:
    ChartSeries &at(const std::string &key, const QString &name, ChartSeriesKind kind)
    {
        const auto [it, added] = m_index.try_emplace(key, m_series.size());
        if (added)
            m_series.push_back(ChartSeries{name, kind, {}});
        return m_series[it->second];
    }
    std::vector<ChartSeries> &series() { return m_series; }

private:
    std::map<std::string, std::size_t> m_index;
    std::vector<ChartSeries> m_series;
};

// ---- latency CDFs ------------------------------------------------------------------------------

QList<QPointF> sampledCdf(const nlohmann::json &points)
{
    QList<QPointF> out;
    if (!points.is_array())
        return out;
    for (const nlohmann::json &p : points)
        if (p.is_array() && p.size() == 2 && p[0].is_number() && p[1].is_number())
            out.append(QPointF(p[0].get<double>(), p[1].get<double>()));
    return out;
}

// The percentiles a run always stores, read as points of its CDF. Mean is not a quantile and is
// left out; a zero count means the run measured nothing of this phase.
QList<QPointF> percentileCdf(const nlohmann::json &p)
{
    QList<QPointF> out;
    if (!p.is_object() || number(p, "count") <= 0)
        return out;
    const std::pair<const char *, double> quantiles[] = {{"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"max", 1.0}};
    for (const auto &[key, q] : quantiles)
        if (p.contains(key) && p[key].is_number())
            out.append(QPointF(p[key].get<double>(), q));
    return out;
}

// ---- roofline and memory ------------------------------------------------------------------------

// The precision a roofline is drawn at: the highest native dense precision of 16 bits or fewer
// that inference runs at, preferring BF16 (what the kernels and most serving stacks measure).
std::optional<std::pair<Precision, double>> rooflinePeak(const Accelerator &a)
{
    for (Precision p : {Precision::BF16, Precision::FP8, Precision::FP32, Precision::INT4, Precision::FP4}) {
        const auto it = a.peakTflops.find(p);
        if (it != a.peakTflops.end() && it->second > 0)
            return std::make_pair(p, it->second);
    }
    return std::nullopt;
}

QString precisionName(Precision p)
{
    switch (p) {
    case Precision::FP32: return QStringLiteral("FP32");
    case Precision::BF16: return QStringLiteral("BF16");
    case Precision::FP8: return QStringLiteral("FP8");
    case Precision::FP4: return QStringLiteral("FP4");
    case Precision::INT4: return QStringLiteral("INT4");
    }
    return {};
}

// Intensities from 1/16 to 4096 flop/byte: decode GEMV sits near 1, prefill GEMM in the hundreds,
// and every ridge point in the catalogue (a few to a few hundred) falls inside.
constexpr double kMinIntensity = 1.0 / 16;
constexpr double kMaxIntensity = 4096;

QList<QPointF> roofline(double peakTflops, double bandwidthTBs)
{
    QList<QPointF> out;
    const double ridge = peakTflops / bandwidthTBs;   // TFLOP/s over TB/s: flop per byte
    for (double x = kMinIntensity; x <= kMaxIntensity * 1.0001; x *= 2) {
        if (ridge > x / 2 && ridge < x)
            out.append(QPointF(ridge, peakTflops));   // the corner, exactly
        out.append(QPointF(x, std::min(peakTflops, x * bandwidthTBs)));
    }
    return out;
}

std::vector<const Accelerator *> planDevices(const Evaluation &evaluation)
{
    std::vector<const Accelerator *> out;
    for (const PoolEvaluation &p : evaluation.pools)
        if (p.device && std::find(out.begin(), out.end(), p.device) == out.end())
            out.push_back(p.device);
    return out;
}

QString benchmarkHint()
{
    return tr("Run a benchmark and store it with the plan: Benchmarks tab, or "
              "tokenroute-cli bench --quick --save PLAN.trplan");
}

} // namespace

std::vector<StoredResult> storedResults(const QString &planPath, const char *kind)
{
    if (planPath.isEmpty() || !isSqliteFile(planPath.toStdString()))
        return {};
    try {
        return listResults(planPath.toStdString(), kind);
    } catch (const std::exception &) {
        return {};
    }
}

std::optional<StoredResult> latestStoredResult(const QString &planPath, const char *kind)
{
    std::vector<StoredResult> results = storedResults(planPath, kind);
    if (results.empty())
        return std::nullopt;
    return std::move(results.back());
}

PlanChart latencyCdfChart(const std::optional<StoredResult> &simulation, bool tpot)
{
    PlanChart c;
    c.id = tpot ? QStringLiteral("tpot-cdf") : QStringLiteral("ttft-cdf");
    c.title = tpot ? tr("Time per output token, CDF") : tr("Time to first token, CDF");
    c.xTitle = tpot ? tr("TPOT (ms)") : tr("TTFT (ms)");
    c.yTitle = tr("Fraction of requests");
    c.logX = true;
    c.sourceKind = QStringLiteral("simulation");
    c.emptyText = tr("No simulation run is stored with this plan. Run one in the Simulation tab of a saved "
                     "plan, or: tokenroute-cli simulate PLAN.trplan --generate workload,requests=10000 --save");
    const auto doc = parsed(simulation);
    if (!doc)
        return c;
    const char *cdfKey = tpot ? "tpot_cdf_ms" : "ttft_cdf_ms";
    const char *pKey = tpot ? "tpot_ms" : "ttft_ms";
    QList<QPointF> points = sampledCdf(doc->value(cdfKey, nlohmann::json()));
    const bool sampled = !points.isEmpty();
    if (!sampled)
        points = percentileCdf(doc->value(pKey, nlohmann::json()));
    // A log axis cannot show zero (a TPOT of 0 for one-token answers); such points are dropped.
    points.erase(std::remove_if(points.begin(), points.end(), [](const QPointF &p) { return p.x() <= 0; }), points.end());
    c.sourceRunId = simulation->id;
    const QString workload = qs(text(*doc, "workload"));
    if (points.isEmpty()) {
        c.emptyText = tr("The latest simulation run (%1) has no %2 figures.").arg(workload, c.xTitle);
        return c;
    }
    c.series.append({workload, ChartSeriesKind::Line, points});
    const double slo = number(doc->value("slo", nlohmann::json::object()), tpot ? "tpot_ms" : "ttft_ms");
    if (slo > 0)
        c.series.append({tr("SLO %1 ms").arg(slo, 0, 'g', 4), ChartSeriesKind::Line, {QPointF(slo, 0), QPointF(slo, 1)}});
    c.note = sampled ? tr("Simulation run %1 · %2 · %3 requests")
                           .arg(simulation->id)
                           .arg(qs(simulation->label))
                           .arg(number(*doc, "requests"), 0, 'f', 0)
                     : tr("Simulation run %1 · %2 · coarse: the run stored only its percentiles (p50, p90, p99, max)")
                           .arg(simulation->id)
                           .arg(qs(simulation->label));
    return c;
}

PlanChart cacheHitChart(const Plan &plan, const Catalog &catalog, int requests)
{
    PlanChart c;
    c.id = QStringLiteral("prefix-cache-hits");
    c.title = tr("Prefix-cache hit ratio against capacity");
    c.xTitle = tr("Cache capacity (blocks of 512 tokens)");
    c.yTitle = tr("Hit ratio");
    c.logX = true;
    c.sourceKind = QStringLiteral("plan");
    c.emptyText = tr("No workload of this plan can be simulated: add a workload and a pool that holds its model.");
    KeyedSeries tierMarks;   // by tier id, so each tier is one legend entry
    QStringList neverHit;
    for (const Workload &w : plan.workloads) {
        PlanSimulation ps;
        try {
            PlanSimOptions o;
            o.workload = std::to_string(w.id);
            ps = buildPlanSimulation(plan, catalog, o);
        } catch (const InputError &) {
            continue;   // an edge workload or one no pool serves has no cache to size
        }
        const std::string overrides = "requests=" + std::to_string(requests) + ",seed=1";
        long long totalBlocks = 0;
        {
            RequestGenerator counter(workloadGeneratorSpec(w, overrides));
            TraceRequest r;
            while (counter.next(r))
                totalBlocks += static_cast<long long>(r.blocks.size());
        }
        // Every doubling up to the traffic's whole footprint (beyond it nothing is ever evicted),
        // then each tier's cumulative capacity, so a tier's marker is a point the sweep computed.
        std::set<long long> capacities;
        for (long long cap = 1; cap < 2 * std::max(1LL, totalBlocks); cap *= 2)
            capacities.insert(cap);
        std::vector<std::pair<std::string, long long>> marks;
        for (const SimPool &pool : ps.config.pools) {
            long long cumulative = 0;
            for (const SimTier &t : pool.tiers) {
                cumulative += t.capacityBlocks;
                if (cumulative <= 0)
                    continue;
                capacities.insert(cumulative);
                marks.emplace_back(t.name, cumulative);
            }
        }
        RequestGenerator source(workloadGeneratorSpec(w, overrides));
        const std::vector<long long> caps(capacities.begin(), capacities.end());
        const std::vector<CacheSweepPoint> sweep = cacheSweep(source, caps);
        ChartSeries line{qs(w.name), ChartSeriesKind::Line, {}};
        std::map<long long, double> ratioAt;
        for (const CacheSweepPoint &p : sweep) {
            line.points.append(QPointF(static_cast<double>(p.capacityBlocks), p.tokenHitRatio));
            ratioAt[p.capacityBlocks] = p.tokenHitRatio;
        }
        const bool anyHit = std::any_of(sweep.begin(), sweep.end(), [](const CacheSweepPoint &p) { return p.hitBlocks > 0; });
        if (!anyHit) {
            // A flat zero line says less than a name in the note (and crowds the legend).
            neverHit.append(qs(w.name));
            continue;
        }
        c.series.append(line);
        for (const auto &[tierId, cap] : marks) {
            const MemoryTierSpec *spec = catalog.tier(tierId);
            tierMarks.at(tierId, spec ? qs(spec->name) : qs(tierId), ChartSeriesKind::Scatter)
                .points.append(QPointF(static_cast<double>(cap), ratioAt[cap]));
        }
    }
    for (const ChartSeries &s : tierMarks.series())
        c.series.append(s);
    if (!c.series.isEmpty())
        c.note = tr("%1 generated requests each · dots: pool tiers").arg(requests);
    if (!neverHit.isEmpty()) {
        const QString none = tr("%n workload(s) never hit: no shared prefix of a whole block", "", int(neverHit.size()));
        c.note = c.note.isEmpty() ? none : c.note + QLatin1Char('\n') + none;
        if (c.series.isEmpty())
            c.emptyText = tr("No workload's traffic shares a whole 512-token block of prompt (%1).").arg(neverHit.join(QStringLiteral(", ")));
    }
    return c;
}

PlanChart rooflineChart(const Evaluation &evaluation, const std::optional<StoredResult> &benchmark)
{
    PlanChart c;
    c.id = QStringLiteral("roofline");
    c.title = tr("Roofline");
    c.xTitle = tr("FLOP per byte");
    c.yTitle = tr("TFLOP/s");
    c.logX = true;
    c.logY = true;
    c.sourceKind = QStringLiteral("benchmark");
    c.emptyText = tr("No device of this plan has catalogue peaks. Add a pool with accelerators.");
    for (const Accelerator *a : planDevices(evaluation)) {
        const auto peak = rooflinePeak(*a);
        if (!peak || a->memoryBandwidthTBs <= 0)
            continue;
        c.series.append({QStringLiteral("%1 %2").arg(qs(a->id), precisionName(peak->first)), ChartSeriesKind::Line,
                         roofline(peak->second, a->memoryBandwidthTBs)});
    }
    const auto doc = parsed(benchmark);
    QString measured;
    if (doc) {
        c.sourceRunId = benchmark->id;
        const nlohmann::json cal = doc->value("calibration", nlohmann::json());
        if (cal.is_object() && number(cal, "peak_flops_per_s") > 0 && number(cal, "peak_bytes_per_s") > 0) {
            measured = qs(text(cal, "device_name"));
            c.series.append({tr("this machine"), ChartSeriesKind::Line,
                             roofline(number(cal, "peak_flops_per_s") / 1e12, number(cal, "peak_bytes_per_s") / 1e12)});
        }
        KeyedSeries byKernel;
        for (const nlohmann::json &r : doc->value("results", nlohmann::json::array())) {
            // Memory probes have their own chart; here only the compute kernels.
            const std::string kernel = text(r, "kernel");
            if (text(r, "status") != "ok" || !r.value("correct", false) || kernel.rfind("memory_", 0) == 0)
                continue;
            const double ai = number(r, "arithmetic_intensity"), flops = number(r, "flops_per_s");
            if (ai <= 0 || flops <= 0)
                continue;
            const std::string device = text(r, "device");
            const std::string key = device == "cpu" ? kernel : kernel + " · " + device;
            byKernel.at(key, qs(key), ChartSeriesKind::Scatter).points.append(QPointF(ai, flops / 1e12));
        }
        for (const ChartSeries &s : byKernel.series())
            c.series.append(s);
        c.note = measured.isEmpty() ? tr("Benchmark run %1 · dots: measured kernels").arg(benchmark->id)
                                    : tr("Benchmark run %1 on %2 · dots: measured kernels").arg(benchmark->id).arg(measured);
    } else if (!c.series.isEmpty()) {
        c.note = tr("Catalogue peaks; no benchmark run stored (tokenroute-cli bench --quick --save PLAN)");
    }
    return c;
}

PlanChart memoryHierarchyChart(const Evaluation &evaluation, const std::optional<StoredResult> &benchmark)
{
    PlanChart c;
    c.id = QStringLiteral("memory-hierarchy");
    c.title = tr("Memory hierarchy");
    c.xTitle = tr("Size per device (GB)");
    c.yTitle = tr("GB/s");
    c.logX = true;
    c.logY = true;
    c.sourceKind = QStringLiteral("benchmark");
    c.emptyText = tr("No memory probe is stored and the plan has no devices. ") + benchmarkHint();

    bool probed = false;
    if (const auto doc = parsed(benchmark)) {
        KeyedSeries byDevice;
        for (const nlohmann::json &r : doc->value("results", nlohmann::json::array())) {
            if (text(r, "kernel") != "memory_bandwidth" || text(r, "variant") != "read sweep" || text(r, "status") != "ok")
                continue;
            const double ws = number(r, "working_set_bytes"), bw = number(r, "bytes_per_s");
            if (ws <= 0 || bw <= 0)
                continue;
            const std::string dev = text(r, "device");
            byDevice.at(dev, tr("measured · %1").arg(qs(dev)), ChartSeriesKind::Line).points.append(QPointF(ws / 1e9, bw / 1e9));
        }
        for (ChartSeries &s : byDevice.series()) {
            std::sort(s.points.begin(), s.points.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
            c.series.append(s);
            probed = true;
        }
        if (probed)
            c.sourceRunId = benchmark->id;
    }
    // The catalogue's view of each device: on-chip memory, device memory, then the tiers its
    // pools name, each at its capacity per device. The catalogue publishes no SRAM bandwidth, so
    // SRAM appears only when a probe measured it.
    for (const PoolEvaluation &p : evaluation.pools) {
        if (!p.device || p.device->memoryBandwidthTBs <= 0 || p.device->memoryGb <= 0)
            continue;
        ChartSeries s{qs(p.name), ChartSeriesKind::Line, {}};
        s.points.append(QPointF(p.device->memoryGb, p.device->memoryBandwidthTBs * 1e3));
        const double devices = std::max(1, p.devices);
        for (const TierCapacity &t : p.tiers)
            if (t.tier && t.tier->bandwidthGBs > 0 && t.capacityBytes > 0)
                s.points.append(QPointF(t.capacityBytes / devices / 1e9, t.tier->bandwidthGBs));
        c.series.append(s);
    }
    if (c.series.isEmpty())
        return c;
    c.note = probed ? tr("Benchmark run %1: memory probe · pools: catalogue tiers").arg(benchmark->id)
                    : tr("No memory probe stored: catalogue tier figures, not measurements");
    return c;
}

PlanChart rackPowerChart(const Plan &plan, const Evaluation &evaluation)
{
    PlanChart c;
    c.id = QStringLiteral("rack-power");
    c.title = tr("Power per rack");
    c.xTitle = tr("Rack");
    c.yTitle = tr("kW");
    c.sourceKind = QStringLiteral("plan");
    c.emptyText = tr("The plan has no racks. Add one in the Racks tab.");
    ChartSeries drawn{tr("IT power (rated)"), ChartSeriesKind::Bar, {}};
    ChartSeries budget{tr("Budget"), ChartSeriesKind::Bar, {}};
    for (const RackEvaluation &r : evaluation.racks) {
        const Rack *rack = plan.rack(r.rackId);
        const double x = c.categories.size();
        c.categories.append(rack ? qs(rack->name) : tr("rack %1").arg(r.rackId));
        drawn.points.append(QPointF(x, r.powerKw));
        budget.points.append(QPointF(x, r.budgetKw));
    }
    if (c.categories.isEmpty())
        return c;
    c.series = {drawn, budget};
    c.note = tr("Rated IT power of each rack's items against the rack's budget");
    return c;
}

QList<PlanChart> planCharts(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation,
                            const std::optional<StoredResult> &simulation, const std::optional<StoredResult> &benchmark)
{
    return {latencyCdfChart(simulation, false),       latencyCdfChart(simulation, true),
            cacheHitChart(plan, catalog),              rooflineChart(evaluation, benchmark),
            memoryHierarchyChart(evaluation, benchmark), rackPowerChart(plan, evaluation)};
}

QList<PlanChart> planCharts(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation, const QString &planPath)
{
    return planCharts(plan, catalog, evaluation, latestStoredResult(planPath, "simulation"),
                      latestStoredResult(planPath, "benchmark"));
}

// ---- storage ------------------------------------------------------------------------------------

namespace {

const char *kindName(ChartSeriesKind k)
{
    switch (k) {
    case ChartSeriesKind::Line: return "line";
    case ChartSeriesKind::Scatter: return "scatter";
    case ChartSeriesKind::Bar: return "bar";
    }
    return "line";
}

ChartSeriesKind kindFromName(const std::string &s)
{
    if (s == "scatter")
        return ChartSeriesKind::Scatter;
    if (s == "bar")
        return ChartSeriesKind::Bar;
    return ChartSeriesKind::Line;
}

} // namespace

nlohmann::json chartToJson(const PlanChart &chart)
{
    nlohmann::json series = nlohmann::json::array();
    for (const ChartSeries &s : chart.series) {
        nlohmann::json points = nlohmann::json::array();
        for (const QPointF &p : s.points)
            points.push_back({p.x(), p.y()});
        series.push_back({{"name", s.name.toStdString()}, {"kind", kindName(s.kind)}, {"points", points}});
    }
    nlohmann::json categories = nlohmann::json::array();
    for (const QString &cat : chart.categories)
        categories.push_back(cat.toStdString());
    return {{"chart", chart.id.toStdString()},   {"title", chart.title.toStdString()},
            {"x_title", chart.xTitle.toStdString()}, {"y_title", chart.yTitle.toStdString()},
            {"log_x", chart.logX},                {"log_y", chart.logY},
            {"categories", categories},           {"series", series},
            {"note", chart.note.toStdString()},   {"empty_text", chart.emptyText.toStdString()},
            {"source_kind", chart.sourceKind.toStdString()}, {"source_run_id", chart.sourceRunId}};
}

PlanChart chartFromJson(const nlohmann::json &j)
{
    PlanChart c;
    c.id = qs(j.at("chart").get<std::string>());
    c.title = qs(j.at("title").get<std::string>());
    c.xTitle = qs(j.at("x_title").get<std::string>());
    c.yTitle = qs(j.at("y_title").get<std::string>());
    c.logX = j.at("log_x").get<bool>();
    c.logY = j.at("log_y").get<bool>();
    for (const nlohmann::json &cat : j.at("categories"))
        c.categories.append(qs(cat.get<std::string>()));
    for (const nlohmann::json &s : j.at("series")) {
        ChartSeries cs{qs(s.at("name").get<std::string>()), kindFromName(s.at("kind").get<std::string>()), {}};
        for (const nlohmann::json &p : s.at("points"))
            cs.points.append(QPointF(p.at(0).get<double>(), p.at(1).get<double>()));
        c.series.append(cs);
    }
    c.note = qs(j.value("note", std::string()));
    c.emptyText = qs(j.value("empty_text", std::string()));
    c.sourceKind = qs(j.at("source_kind").get<std::string>());
    c.sourceRunId = j.at("source_run_id").get<long long>();
    return c;
}

int storeChartSeries(const QString &planPath, const QList<PlanChart> &charts, bool all)
{
    if (planPath.isEmpty() || !isSqliteFile(planPath.toStdString()))
        return 0;
    const std::string path = planPath.toStdString();
    // What is stored already, as (chart, source run): a run's chart is stored once however often
    // it is drawn.
    std::set<std::pair<std::string, long long>> stored;
    for (const StoredResult &r : listResults(path, "chart")) {
        const nlohmann::json j = nlohmann::json::parse(r.json, nullptr, false);
        if (j.is_object() && j.contains("source_run_id") && j["source_run_id"].is_number_integer())
            stored.insert({r.label, j["source_run_id"].get<long long>()});
    }
    int count = 0;
    for (const PlanChart &c : charts) {
        if (c.isEmpty())
            continue;
        const bool fromRun = c.sourceRunId > 0;
        if (!fromRun && !all)
            continue;
        if (fromRun && stored.count({c.id.toStdString(), c.sourceRunId}))
            continue;
        appendResult(path, "chart", c.id.toStdString(), chartToJson(c).dump());
        ++count;
    }
    return count;
}

QList<PlanChart> storedChartSeries(const QString &planPath)
{
    QList<PlanChart> out;
    if (planPath.isEmpty() || !isSqliteFile(planPath.toStdString()))
        return out;
    std::set<std::string> seen;
    const auto results = listResults(planPath.toStdString(), "chart");
    for (auto it = results.rbegin(); it != results.rend(); ++it) {
        if (seen.count(it->label))
            continue;
        const nlohmann::json j = nlohmann::json::parse(it->json, nullptr, false);
        if (j.is_discarded())
            continue;
        try {
            out.append(chartFromJson(j));
            seen.insert(it->label);
        } catch (const nlohmann::json::exception &) {
            // A chart document from another release: skipped, the others still load.
        }
    }
    return out;
}

QList<QStringList> chartTable(const PlanChart &chart)
{
    QList<QStringList> rows;
    const auto num = [](double v) { return QString::number(v, 'g', 10); };
    if (!chart.categories.isEmpty()) {
        QStringList header{chart.xTitle};
        for (const ChartSeries &s : chart.series)
            header.append(QStringLiteral("%1 (%2)").arg(s.name, chart.yTitle));
        rows.append(header);
        for (int i = 0; i < chart.categories.size(); ++i) {
            QStringList row{chart.categories[i]};
            for (const ChartSeries &s : chart.series)
                row.append(i < s.points.size() ? num(s.points[i].y()) : QString());
            rows.append(row);
        }
        return rows;
    }
    rows.append({tr("Series"), chart.xTitle, chart.yTitle});
    for (const ChartSeries &s : chart.series)
        for (const QPointF &p : s.points)
            rows.append({s.name, num(p.x()), num(p.y())});
    return rows;
}

} // namespace tokenroute::ui
