#include "core/plan/placement.h"

#include <algorithm>

namespace tokenroute {

namespace {

bool ignored(const std::vector<int> &ids, int id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

int unitHeightOf(const Catalog &catalog, const std::string &catalogId)
{
    const ServerSpec *spec = catalog.server(catalogId);
    return spec ? std::max(1, spec->unitHeight) : 1;
}

PlacementCheck checkPlacement(const Plan &plan, const Catalog &catalog, const std::string &catalogId, int rackId,
                              int uPosition, const std::vector<int> &ignoreItemIds)
{
    PlacementCheck check;
    const Rack *rack = plan.rack(rackId);
    if (!rack) {
        check.problem = PlacementProblem::UnknownRack;
        return check;
    }
    check.rackUnits = rack->units;
    if (!catalog.server(catalogId)) {
        check.problem = PlacementProblem::UnknownCatalogItem;
        return check;
    }
    const int height = unitHeightOf(catalog, catalogId);
    check.itemHeight = height;
    // Taller than the rack is reported as such wherever it was dropped: moving it cannot help.
    if (height > rack->units) {
        check.problem = PlacementProblem::AboveTop;
        return check;
    }
    if (uPosition < 1) {
        check.problem = PlacementProblem::BelowBottom;
        return check;
    }
    const int top = uPosition + height - 1;
    if (top > rack->units) {
        check.problem = PlacementProblem::AboveTop;
        return check;
    }
    // Report the lowest clash, so the message names the item the user sees first from below.
    for (const PlacedItem &other : plan.items) {
        if (other.rackId != rackId || ignored(ignoreItemIds, other.id))
            continue;
        const int otherTop = other.uPosition + unitHeightOf(catalog, other.catalogId) - 1;
        const int lo = std::max(uPosition, other.uPosition);
        const int hi = std::min(top, otherTop);
        if (lo <= hi && (check.problem == PlacementProblem::None || lo < check.firstClashU)) {
            check.problem = PlacementProblem::Overlap;
            check.otherItemId = other.id;
            check.firstClashU = lo;
        }
    }
    return check;
}

std::optional<int> findFreeU(const Plan &plan, const Catalog &catalog, int rackId, int height, int preferredU,
                             const std::vector<int> &ignoreItemIds)
{
    const Rack *rack = plan.rack(rackId);
    if (!rack || height < 1)
        return std::nullopt;
    // Occupancy map of the rack, 1-based; index 0 unused.
    std::vector<bool> used(static_cast<std::size_t>(rack->units) + 1, false);
    for (const PlacedItem &item : plan.items) {
        if (item.rackId != rackId || ignored(ignoreItemIds, item.id))
            continue;
        const int top = item.uPosition + unitHeightOf(catalog, item.catalogId) - 1;
        for (int u = std::max(1, item.uPosition); u <= std::min(top, rack->units); ++u)
            used[static_cast<std::size_t>(u)] = true;
    }
    auto fits = [&](int bottom) {
        if (bottom < 1 || bottom + height - 1 > rack->units)
            return false;
        for (int u = bottom; u < bottom + height; ++u)
            if (used[static_cast<std::size_t>(u)])
                return false;
        return true;
    };
    for (int u = std::max(1, preferredU); u + height - 1 <= rack->units; ++u)
        if (fits(u))
            return u;
    for (int u = 1; u < preferredU && u + height - 1 <= rack->units; ++u)
        if (fits(u))
            return u;
    return std::nullopt;
}

RackLoad rackLoad(const Plan &plan, const Catalog &catalog, int rackId)
{
    RackLoad load;
    const Rack *rack = plan.rack(rackId);
    if (!rack)
        return load;
    load.units = rack->units;
    load.powerBudgetW = rack->powerBudgetKw * 1000.0;
    load.maxWeightKg = rack->maxWeightKg;
    for (const PlacedItem &item : plan.items) {
        if (item.rackId != rackId)
            continue;
        const ServerSpec *spec = catalog.server(item.catalogId);
        if (!spec) {
            ++load.unknownItems;
            load.unitsUsed += 1;
            continue;
        }
        load.unitsUsed += std::max(1, spec->unitHeight);
        load.powerW += spec->powerW;
        load.weightKg += spec->weightKg;
    }
    return load;
}

LoadLevel loadLevel(double used, double limit)
{
    if (limit <= 0)
        return LoadLevel::Ok;
    if (used > limit)
        return LoadLevel::Over;
    if (used >= NearLimitFraction * limit)
        return LoadLevel::Near;
    return LoadLevel::Ok;
}

} // namespace tokenroute
