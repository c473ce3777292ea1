#include "core/perf/evaluation.h"

#include <algorithm>
#include <sstream>

#include "core/perf/modelshape.h"
#include "core/util/error.h"

namespace tokenroute {

namespace {

const ModelSpec *findModel(const Plan &plan, const Catalog &catalog, const std::string &id)
{
    if (const ModelSpec *m = catalog.model(id))
        return m;
    // Imported configs are referenced as "import:<name>"; the plan keeps them by name.
    const std::string name = id.rfind("import:", 0) == 0 ? id.substr(7) : id;
    for (const ModelSpec &m : plan.importedModels)
        if (m.id == id || m.id == name)
            return &m;
    return nullptr;
}

ServingRole servingRole(PoolRole r)
{
    switch (r) {
    case PoolRole::Prefill: return ServingRole::Prefill;
    case PoolRole::Decode: return ServingRole::Decode;
    default: return ServingRole::Combined;
    }
}

std::vector<std::string> splitIds(const std::string &ids)
{
    std::vector<std::string> out;
    std::stringstream in(ids);
    std::string id;
    while (std::getline(in, id, ',')) {
        id.erase(0, id.find_first_not_of(" \t"));
        id.erase(id.find_last_not_of(" \t") + 1);
        if (!id.empty())
            out.push_back(id);
    }
    return out;
}

// Capacity of a tier below device memory, from what the pool's servers carry: host DRAM and NVMe
// are in the server specs; CXL and remote pools are not sized by the plan (0 = not stated).
double tierCapacityBytes(const MemoryTierSpec &t, const PoolEvaluation &p)
{
    if (!p.server)
        return 0;
    switch (t.kind) {
    case TierKind::HostDram: return p.server->hostDramGb * 1e9 * p.servers;
    case TierKind::Nvme: return p.server->nvmeTb * 1e12 * p.servers;
    default: return 0;
    }
}

void buildPool(const Plan &plan, const Catalog &catalog, const Pool &pool, PoolEvaluation &pe, Evaluation &ev,
               const CostInputs &costIn)
{
    pe.poolId = pool.id;
    pe.name = pool.name;
    pe.role = pool.role;
    if (pool.role == PoolRole::Edge || !pool.edgeDeviceId.empty()) {
        pe.device = catalog.accelerator(pool.edgeDeviceId);
        if (!pe.device) {
            ev.issues.push_back({EvaluationIssueCode::UnknownAccelerator, pool.id, 0, 0, 0, pool.edgeDeviceId});
            return;
        }
        pe.devices = int(pool.edgeDeviceCount);
        pe.cost = edgeCost(*pe.device, pool.edgeDeviceCount, costIn);
    } else {
        for (const PlacedItem &item : plan.items) {
            if (item.poolId != pool.id)
                continue;
            const ServerSpec *server = catalog.server(item.catalogId);
            if (!server) {
                ev.issues.push_back({EvaluationIssueCode::UnknownServer, pool.id, 0, item.rackId, 0, item.catalogId});
                continue;
            }
            if (server->acceleratorId.empty() || server->acceleratorsPerNode <= 0)
                continue;
            const Accelerator *acc = catalog.accelerator(server->acceleratorId);
            if (!acc) {
                ev.issues.push_back({EvaluationIssueCode::UnknownAccelerator, pool.id, 0, item.rackId, 0, server->acceleratorId});
                continue;
            }
            if (pe.device && acc != pe.device) {
                ev.issues.push_back({EvaluationIssueCode::MixedDevices, pool.id, 0, item.rackId, 0, acc->id});
                continue;
            }
            pe.device = acc;
            pe.server = server;
            pe.servers += 1;
            pe.devices += server->acceleratorsPerNode;
        }
        if (pe.server)
            pe.cost = serversCost(*pe.server, pe.device, pe.servers, costIn);
    }
    if (!pe.device || pe.devices <= 0) {
        ev.issues.push_back({EvaluationIssueCode::EmptyPool, pool.id, 0, 0, 0, {}});
        return;
    }
    pe.setup.device = pe.device;
    pe.setup.count = pe.devices;
    pe.setup.tp = pool.tp > 0 ? pool.tp : 1;
    pe.setup.pp = std::max(1, pool.pp);
    pe.setup.ep = std::max(1, pool.ep);
    pe.setup.weights = pool.weights;
    pe.setup.kv = pool.kv;
    pe.setup.memoryFraction = pool.memoryFraction;

    pe.deviceMemory = std::make_shared<const MemoryTierSpec>(deviceMemoryTier(catalog, *pe.device));
    // The tiers the pool names; device memory comes first in each workload's list (its KV share
    // depends on the workload's model).
    for (const std::string &id : splitIds(pool.tierIds)) {
        const MemoryTierSpec *t = catalog.tier(id);
        if (!t) {
            ev.issues.push_back({EvaluationIssueCode::UnknownTier, pool.id, 0, 0, 0, id});
            continue;
        }
        pe.tiers.push_back({t, tierCapacityBytes(*t, pe)});
    }
}

} // namespace

Evaluation evaluate(const Plan &plan, const Catalog &catalog)
{
    Evaluation ev;
    const CostInputs costIn = costInputs(plan.policies);

    ev.pools.resize(plan.pools.size());
    for (std::size_t i = 0; i < plan.pools.size(); ++i) {
        buildPool(plan, catalog, plan.pools[i], ev.pools[i], ev, costIn);
        ev.usdPerHour += ev.pools[i].cost.usdPerHour;
    }

    std::vector<bool> setupShown(ev.pools.size(), false);
    for (const Workload &w : plan.workloads) {
        WorkloadEvaluation we;
        we.workloadId = w.id;
        we.name = w.name;
        we.modelId = w.modelId;
        const ModelSpec *model = findModel(plan, catalog, w.modelId);
        if (!model) {
            ev.issues.push_back({EvaluationIssueCode::UnknownModel, 0, w.id, 0, 0, w.modelId});
            ev.workloads.push_back(std::move(we));
            continue;
        }
        bool anyMeets = false;
        for (PoolEvaluation &pe : ev.pools) {
            if (!pe.device || pe.devices <= 0)
                continue;
            // Field devices serve edge workloads; data-centre pools serve the rest.
            if ((pe.role == PoolRole::Edge) != w.edge)
                continue;
            const Pool &pool = *plan.pool(pe.poolId);
            WorkloadOnPool wp;
            wp.poolId = pe.poolId;
            DeviceSetup setup = poolSetup(model->arch, pool, pe);
            if (setup.count <= 0 || resolvePrecision(*pe.device, pool.weights).path == PrecisionPath::Unsupported) {
                const int needed = minDevicesFor(model->arch, *pe.device, pool.weights, pool.kv, pool.memoryFraction);
                ev.issues.push_back({EvaluationIssueCode::ModelDoesNotFit, pe.poolId, w.id, 0, double(needed), model->id});
                we.pools.push_back(std::move(wp));
                continue;
            }
            // The pool shows the automatic choice made for the first workload it can serve.
            if (pool.tp == 0 && !setupShown[std::size_t(&pe - ev.pools.data())]) {
                setupShown[std::size_t(&pe - ev.pools.data())] = true;
                pe.setup = setup;
            }
            const double input = std::max(1.0, w.inputMean), output = std::max(1.0, w.outputMean);
            try {
                validate(model->arch, setup);
            } catch (const InputError &e) {
                ev.issues.push_back({EvaluationIssueCode::InvalidLayout, pe.poolId, w.id, 0, 0, e.where() + ": " + e.problem()});
                we.pools.push_back(std::move(wp));
                continue;
            }
            wp.setup = setup;
            wp.estimate = estimate(model->arch, setup, input, output, 0, costIn);
            wp.fits = wp.estimate.fits;
            if (!wp.fits) {
                ev.issues.push_back({EvaluationIssueCode::ModelDoesNotFit, pe.poolId, w.id, 0,
                                     double(wp.estimate.memory.minDevices), model->id});
                we.pools.push_back(std::move(wp));
                continue;
            }
            wp.capacity = capacityAtSlo(model->arch, setup, servingRole(pe.role), input, output, w.ttftSloMs / 1000.0,
                                        w.tpotSloMs / 1000.0);
            anyMeets = anyMeets || wp.capacity.meetsSlo;
            // Cost per token at the SLO operating point; the pool's hour is charged to the phase it runs.
            const double rate = wp.capacity.maxRequestsPerS;
            const double poolUsd = pe.cost.usdPerHour;
            if (pe.role == PoolRole::Prefill) {
                wp.usdPerMillionInput = usdPerMillionTokens(poolUsd, rate * input);
            } else if (pe.role == PoolRole::Decode) {
                wp.usdPerMillionOutput = usdPerMillionTokens(poolUsd, rate * output);
            } else {
                const Estimate &e = wp.estimate;
                const double inputShare = e.usdPerHour > 0 ? e.usdPerMillionInput * e.inputTokensPerS * 3600e-6 / e.usdPerHour : 0;
                wp.usdPerMillionInput = usdPerMillionTokens(poolUsd * inputShare, rate * input);
                wp.usdPerMillionOutput = usdPerMillionTokens(poolUsd * (1 - inputShare), rate * output);
            }
            if (w.prefixReuse > 0 && input > 0) {
                std::vector<TierCapacity> tiers;
                tiers.push_back({pe.deviceMemory.get(), wp.estimate.memory.kvCapacityBytes * setup.replicas()});
                tiers.insert(tiers.end(), pe.tiers.begin(), pe.tiers.end());
                wp.prefixTiers = kvTierChoices(model->arch, setup, tiers, w.prefixReuse * input);
            }
            we.pools.push_back(std::move(wp));
        }
        if (!anyMeets)
            ev.issues.push_back({EvaluationIssueCode::NoPoolMeetsSlo, 0, w.id, 0, 0, {}});
        ev.workloads.push_back(std::move(we));
    }

    for (const Rack &rack : plan.racks) {
        RackEvaluation re;
        re.rackId = rack.id;
        re.budgetKw = rack.powerBudgetKw;
        re.units = rack.units;
        for (const PlacedItem &item : plan.items) {
            if (item.rackId != rack.id)
                continue;
            if (const ServerSpec *s = catalog.server(item.catalogId)) {
                re.powerKw += s->powerW / 1000.0;
                re.unitsUsed += s->unitHeight;
            }
        }
        if (rack.powerBudgetKw > 0 && re.powerKw > rack.powerBudgetKw)
            ev.issues.push_back({EvaluationIssueCode::RackOverPower, 0, 0, rack.id, re.powerKw, {}});
        if (re.unitsUsed > rack.units)
            ev.issues.push_back({EvaluationIssueCode::RackOverUnits, 0, 0, rack.id, double(re.unitsUsed), {}});
        ev.itPowerKw += re.powerKw;
        ev.racks.push_back(re);
    }
    return ev;
}

DeviceSetup poolSetup(const ModelArch &arch, const Pool &pool, const PoolEvaluation &pe)
{
    const int devices = pool.role == PoolRole::Edge ? 1 : pe.devices;
    return chooseSetup(arch, *pe.device, devices, pool.weights, pool.kv, pool.tp, pool.pp, pool.ep, pool.memoryFraction);
}

bool isRoutedAround(const EvaluationIssue &issue, const Evaluation &evaluation)
{
    if (issue.code != EvaluationIssueCode::ModelDoesNotFit)
        return false;
    bool workloadFitsElsewhere = false, poolHoldsAnother = false;
    for (const WorkloadEvaluation &w : evaluation.workloads)
        for (const WorkloadOnPool &p : w.pools) {
            if (!p.fits)
                continue;
            workloadFitsElsewhere = workloadFitsElsewhere || (w.workloadId == issue.workloadId && p.poolId != issue.poolId);
            poolHoldsAnother = poolHoldsAnother || (p.poolId == issue.poolId && w.workloadId != issue.workloadId);
        }
    return workloadFitsElsewhere && poolHoldsAnother;
}

} // namespace tokenroute
