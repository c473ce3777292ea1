#include "ui/compare/planvariant.h"

#include <algorithm>
#include <cmath>

#include "core/perf/evaluation.h"
#include "core/route/routebuilder.h"
#include "core/route/sizing.h"
#include "core/util/error.h"

namespace tokenroute::ui {

namespace {

// A rack for the variant when the plan has none to copy: a common 42U air-cooled rack with the
// power a dense GPU rack is commonly provisioned for (an estimate; the plan's racks win when present).
constexpr int kDefaultRackUnits = 42;
constexpr double kDefaultRackBudgetKw = 40;

// Top-up bounds: demand the router leaves beyond the sizing's is chased a server at a time, and
// given up when more servers stop helping (a workload no pool of this GPU can serve at its SLOs) or
// when the pool has doubled.
constexpr double kServedTolerance = 1e-4;   // share of demanded tokens
constexpr int kMaxStallingServers = 2;

double routedUnserved(const Plan &plan, const Catalog &catalog)
{
    try {
        return routePlan(plan, catalog).result.unservedTotal;
    } catch (const InputError &) {
        return 1;   // unroutable: nothing is served
    }
}

// The server that carries the GPU: a plain server before a whole-rack system (a pool of whole racks
// rounds up far more coarsely), then the most GPUs per node.
const ServerSpec *serverFor(const Catalog &catalog, const std::string &deviceId)
{
    const ServerSpec *best = nullptr;
    auto rank = [](const ServerSpec &s) { return std::make_pair(s.kind == ServerKind::Server ? 0 : 1, -s.acceleratorsPerNode); };
    for (const ServerSpec &s : catalog.servers) {
        if (s.acceleratorId != deviceId || s.acceleratorsPerNode <= 0)
            continue;
        if (s.kind != ServerKind::Server && s.kind != ServerKind::RackSystem)
            continue;
        if (!best || rank(s) < rank(*best))
            best = &s;
    }
    return best;
}

// The GPU types of the plan's data-centre pools, in pool order.
std::vector<std::string> planDevices(const Plan &plan, const Catalog &catalog)
{
    Plan poolsOnly = plan;
    poolsOnly.workloads.clear();
    std::vector<std::string> ids;
    for (const PoolEvaluation &p : evaluate(poolsOnly, catalog).pools)
        if (p.device && p.role != PoolRole::Edge && std::find(ids.begin(), ids.end(), p.device->id) == ids.end())
            ids.push_back(p.device->id);
    return ids;
}

} // namespace

std::vector<std::string> onePoolCandidates(const Plan &plan, const Catalog &catalog)
{
    auto usable = [&catalog](const Accelerator &a) {
        return a.category == DeviceCategory::DatacenterGpu && serverFor(catalog, a.id) != nullptr;
    };
    std::vector<std::string> ids;
    for (const std::string &id : planDevices(plan, catalog))
        if (const Accelerator *a = catalog.accelerator(id); a && usable(*a))
            ids.push_back(id);
    for (const Accelerator &a : catalog.accelerators)
        if (usable(a) && std::find(ids.begin(), ids.end(), a.id) == ids.end())
            ids.push_back(a.id);
    return ids;
}

std::string cheapestOnePoolDevice(const Plan &plan, const Catalog &catalog)
{
    const std::vector<std::string> ids = onePoolCandidates(plan, catalog);
    if (ids.empty() || plan.workloads.empty())
        return {};
    const SizingProblem problem = buildSizingProblem(plan, catalog, ids);
    // As the sizing picks its baseline: least unserved first, then lowest $/h.
    std::string best;
    double bestUnserved = 0, bestCost = 0;
    for (int t = 0; t < int(problem.devices.size()); ++t) {
        const SizingSolution s = solveSizing(problem, {t}, true, problem.devices[t].id);
        const ServerSpec *server = serverFor(catalog, problem.devices[t].id);
        if (!s.solved || !server)
            continue;
        // Priced as bought: whole servers (a whole rack for a rack system), not the sized devices
        // alone, or a rack-scale system sized at a few GPUs would look cheapest.
        const int bought = std::max(1, int(std::ceil(double(s.devices) / server->acceleratorsPerNode))) * server->acceleratorsPerNode;
        const double cost = s.devices > 0 ? s.usdPerHour / s.devices * bought : s.usdPerHour;
        const bool better = best.empty() || s.unservedTotal < bestUnserved - 1e-9
                            || (std::abs(s.unservedTotal - bestUnserved) <= 1e-9 && cost < bestCost);
        if (better) {
            best = problem.devices[t].id;
            bestUnserved = s.unservedTotal;
            bestCost = cost;
        }
    }
    return best;
}

OnePoolVariant onePoolVariant(const Plan &plan, const Catalog &catalog, const std::string &deviceId)
{
    const Accelerator *device = catalog.accelerator(deviceId);
    if (!device)
        throw InputError("one-pool variant", deviceId, "an accelerator id from the catalogue");
    const ServerSpec *server = serverFor(catalog, deviceId);
    if (!server)
        throw InputError("one-pool variant", deviceId, "an accelerator that a catalogue server carries");

    const SizingProblem problem = buildSizingProblem(plan, catalog, {deviceId});
    const SizingSolution sized = solveSizing(problem, {0}, true, "homogeneous " + deviceId);
    if (!sized.solved)
        throw InputError("one-pool variant", deviceId, "a GPU type the sizing can solve the plan's workloads on");

    OnePoolVariant v;
    v.deviceId = deviceId;
    v.serverId = server->id;
    v.sizedDevices = sized.devices;
    v.sizedUnserved = sized.unservedTotal;
    // At least one server, so that an idle plan still shows what the pool would be made of.
    v.servers = std::max(1, int(std::ceil(double(sized.devices) / server->acceleratorsPerNode)));

    Plan &p = v.plan;
    p.name = plan.name + " (one " + device->name + " pool)";
    p.description = plan.description;
    p.workloads = plan.workloads;
    p.importedModels = plan.importedModels;
    p.policies = plan.policies;

    int nextId = plan.nextId();
    Pool pool;
    pool.id = nextId++;
    pool.name = "All on " + device->name;
    pool.role = PoolRole::Combined;
    // The precision the sizing assumed, so the evaluation prices the pool it sized.
    const bool fp8 = device->peakTflops.count(Precision::FP8) > 0;
    pool.weights = fp8 ? Precision::FP8 : Precision::BF16;
    pool.kv = fp8 ? Precision::FP8 : Precision::BF16;
    // The replica the sizing bought in: a long prompt may need more tensor-parallel devices to meet
    // its TTFT than the weights need to fit, and the pool's automatic layout would take the least.
    const SizingDevice &sizedDevice = problem.devices.front();
    if (sizedDevice.replicaDevices > 1) {
        pool.tp = std::min(sizedDevice.replicaDevices, std::max(1, device->scaleUpDomain));
        pool.pp = std::max(1, sizedDevice.replicaDevices / pool.tp);
    }
    p.pools.push_back(pool);

    // Racks like the plan's own (the largest it has), filled bottom up until units or power run out.
    Rack shape;
    shape.units = kDefaultRackUnits;
    shape.powerBudgetKw = kDefaultRackBudgetKw;
    shape.cooling = Cooling::Liquid;
    if (!plan.racks.empty()) {
        shape.units = 0;
        shape.powerBudgetKw = 0;
        shape.cooling = plan.racks.front().cooling;
        for (const Rack &r : plan.racks) {
            shape.units = std::max(shape.units, r.units);
            shape.powerBudgetKw = std::max(shape.powerBudgetKw, r.powerBudgetKw);
        }
    }
    // Whole servers stacked bottom up, a new rack when units or power run out.
    const int firstRackId = nextId;
    const auto placeServers = [&](int count) {
        p.racks.clear();
        p.items.clear();
        int id = firstRackId;
        int unitsUsed = 0;
        double powerKw = 0;
        const double serverKw = server->powerW / 1000;
        for (int s = 0; s < count; ++s) {
            const Rack *rack = p.racks.empty() ? nullptr : &p.racks.back();
            const bool full = rack && (unitsUsed + server->unitHeight > rack->units
                                       || (rack->powerBudgetKw > 0 && powerKw + serverKw > rack->powerBudgetKw));
            if (!rack || full) {
                Rack r = shape;
                r.id = id++;
                r.name = "One-pool rack " + std::to_string(p.racks.size() + 1);
                r.position = int(p.racks.size());
                p.racks.push_back(r);
                unitsUsed = 0;
                powerKw = 0;
            }
            PlacedItem item;
            item.id = id++;
            item.name = device->name + " " + std::to_string(s + 1);
            item.catalogId = server->id;
            item.rackId = p.racks.back().id;
            item.uPosition = unitsUsed + 1;
            item.poolId = pool.id;
            p.items.push_back(item);
            unitsUsed += server->unitHeight;
            powerKw += serverKw;
        }
    };

    // Compare A and B at the same served demand: where the router serves less than the sizing
    // promised, try one more server at a time until it does, or until two in a row stop helping;
    // the variant keeps the smallest count that served the most.
    const int sizedServers = v.servers;
    placeServers(sizedServers);
    int bestServers = sizedServers;
    double bestUnserved = routedUnserved(p, catalog);
    for (int n = sizedServers + 1, stalling = 0; n <= 2 * sizedServers + kMaxStallingServers
                                                 && bestUnserved > sized.unservedTotal + kServedTolerance
                                                 && stalling < kMaxStallingServers;
         ++n) {
        placeServers(n);
        const double unserved = routedUnserved(p, catalog);
        if (unserved < bestUnserved - kServedTolerance) {
            bestServers = n;
            bestUnserved = unserved;
            stalling = 0;
        } else {
            ++stalling;
        }
    }
    if (bestServers != int(p.items.size()))
        placeServers(bestServers);
    v.servers = bestServers;
    v.serversAddedForRouter = bestServers - sizedServers;
    v.routedUnserved = bestUnserved;
    return v;
}

} // namespace tokenroute::ui
