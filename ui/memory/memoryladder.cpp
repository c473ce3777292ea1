#include "ui/memory/memoryladder.h"

#include <algorithm>

#include <QCoreApplication>

#include "core/perf/modelshape.h"
#include "core/route/tags.h"
#include "ui/sim/simulationrun.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::MemoryLadder", text);
}

RungKind rungOf(TierKind kind)
{
    switch (kind) {
    case TierKind::Sram: return RungKind::Sram;
    case TierKind::Hbm:
    case TierKind::Gddr:
    case TierKind::Lpddr: return RungKind::DeviceMemory;
    case TierKind::HostDram:
    case TierKind::Cxl: return RungKind::HostDram;
    case TierKind::Nvme: return RungKind::Flash;
    case TierKind::Remote: return RungKind::Remote;
    }
    return RungKind::DeviceMemory;
}

// The catalogue's representative of a rung the pool lacks, so its figures can still be shown.
const MemoryTierSpec *representative(const Catalog &catalog, RungKind rung)
{
    for (const MemoryTierSpec &t : catalog.tiers)
        if (rungOf(t.kind) == rung)
            return &t;
    return nullptr;
}

// The newest run with a cache entry for this pool, preferring runs of the workload itself.
const nlohmann::json *latestRun(const std::vector<nlohmann::json> &runs, const std::string &pool, const std::string &workload)
{
    auto covers = [&](const nlohmann::json &run) {
        if (!run.is_object() || !run.contains("cache") || !run["cache"].is_array())
            return false;
        for (const nlohmann::json &c : run["cache"])
            if (c.is_object() && c.value("pool", std::string()) == pool)
                return true;
        return false;
    };
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (covers(*it) && it->value("workload", std::string()) == workload)
            return &*it;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (covers(*it))
            return &*it;
    return nullptr;
}

} // namespace

QString rungName(RungKind kind)
{
    switch (kind) {
    case RungKind::Sram: return tr("SRAM");
    case RungKind::DeviceMemory: return tr("HBM / GDDR");
    case RungKind::HostDram: return tr("Host DRAM");
    case RungKind::Flash: return tr("Flash");
    case RungKind::Remote: return tr("Remote");
    }
    return {};
}

std::vector<int> workloadsOnPool(const Evaluation &evaluation, int poolId)
{
    std::vector<int> out;
    for (const WorkloadEvaluation &we : evaluation.workloads)
        for (const WorkloadOnPool &wp : we.pools)
            if (wp.poolId == poolId && wp.fits)
                out.push_back(we.workloadId);
    return out;
}

MemoryLadder buildMemoryLadder(const Plan &plan, const Catalog &catalog, const Evaluation &evaluation, int poolId,
                               int workloadId, const std::vector<nlohmann::json> &runs)
{
    MemoryLadder l;
    l.poolId = poolId;
    l.workloadId = workloadId;
    const PoolEvaluation *pe = nullptr;
    for (const PoolEvaluation &p : evaluation.pools)
        if (p.poolId == poolId)
            pe = &p;
    if (!pe || !pe->device) {
        l.problem = tr("Choose a pool with devices to see its memory tiers.");
        return l;
    }
    l.deviceTier = pe->deviceMemory;
    l.pool = QString::fromStdString(pe->name);
    l.device = QString::fromStdString(pe->device->name);
    l.devices = pe->devices;
    const Workload *w = plan.workload(workloadId);
    const WorkloadOnPool *wp = nullptr;
    for (const WorkloadEvaluation &we : evaluation.workloads)
        if (we.workloadId == workloadId)
            for (const WorkloadOnPool &p : we.pools)
                if (p.poolId == poolId && p.fits)
                    wp = &p;
    const ModelSpec *model = w ? findModel(plan, catalog, w->modelId) : nullptr;
    if (!w || !wp || !model) {
        l.problem = tr("No workload of the plan runs on %1, so no KV cache lives there.").arg(l.pool);
        return l;
    }
    l.workload = QString::fromStdString(w->name);
    l.model = QString::fromStdString(model->name.empty() ? model->id : model->name);
    l.prefixTokens = w->prefixReuse * std::max(1.0, w->inputMean);

    // The core's tiers for this workload: device memory (what the weights leave for KV) first, then
    // the pool's own. A workload that reuses no prefix has no prefixTiers in the evaluation; the same
    // call with an empty prefix gives its capacities.
    std::vector<TierChoice> choices = wp->prefixTiers;
    if (choices.empty()) {
        std::vector<TierCapacity> tiers;
        tiers.push_back({pe->deviceMemory.get(),
                         wp->estimate.memory.kvCapacityBytes * std::max(1, wp->setup.replicas())});
        tiers.insert(tiers.end(), pe->tiers.begin(), pe->tiers.end());
        choices = kvTierChoices(model->arch, wp->setup, tiers, 0);
    }
    const long long maxTokens = model->arch.maxContext > 0 ? model->arch.maxContext : 131072;

    for (RungKind kind : {RungKind::Sram, RungKind::DeviceMemory, RungKind::HostDram, RungKind::Flash, RungKind::Remote}) {
        MemoryRung r;
        r.kind = kind;
        for (const TierChoice &c : choices)
            if (c.tier && rungOf(c.tier->kind) == kind && !r.inPool) {
                r.tier = c.tier;
                r.inPool = true;
                r.holdsKv = true;
                r.capacityBytes = c.capacityBytes;
                r.kvTokens = c.kvTokens;
                if (l.prefixTokens > 0)
                    r.prefix = c;
            }
        if (!r.inPool) {
            r.tier = representative(catalog, kind);
            // A GPU's on-chip SRAM is there but is working memory: no engine keeps KV cache in it.
            // The catalogue's SRAM tier describes a decode engine's SRAM (an LPU's), not this
            // device's cache, so its figures are not shown against this device.
            if (kind == RungKind::Sram && pe->device->sramMb > 0) {
                r.inPool = true;
                r.deviceCache = true;
                r.tier = nullptr;
                r.capacityBytes = pe->device->sramMb * 1e6 * pe->devices;
            }
        }
        if (r.tier && r.holdsKv)
            r.breakEven = prefixBreakEven(model->arch, wp->setup, *r.tier, maxTokens);
        l.rungs.push_back(r);
    }

    if (const nlohmann::json *run = latestRun(runs, pe->name, w->name)) {
        l.hitRatiosFromRun = true;
        l.hitSource = tr("Hit ratios from the stored simulation run “%1”.").arg(QString::fromStdString(simulationLabel(*run)));
        for (MemoryRung &r : l.rungs)
            for (const nlohmann::json &c : (*run)["cache"])
                if (r.tier && r.holdsKv && c.value("pool", std::string()) == pe->name
                    && c.value("tier", std::string()) == r.tier->id && c.contains("hit_ratio"))
                    r.hitRatio = c["hit_ratio"].get<double>();
    } else {
        l.hitSource = runs.empty()
                          ? tr("Hit ratios: no simulation is stored with this plan. Run one in the Simulation tab and "
                               "save it to a .trplan plan file; the ratio each tier earns then shows here.")
                          : tr("Hit ratios: no stored simulation run keeps a prefix cache on %1 (the simulator caches "
                               "prefixes where prompts are prefilled).")
                                .arg(l.pool);
    }
    l.valid = true;
    return l;
}

} // namespace tokenroute::ui
