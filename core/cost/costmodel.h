#pragma once
// The cost model: dollars per hour of a group of devices or servers, and what that means per
// million tokens and per joule. Owned capacity costs its capex spread evenly over the plan's
// amortisation years plus the electricity it draws at the facility (IT power × PUE × price);
// rented capacity costs the cloud hourly price instead. Power is taken at its rated maximum
// (TDP or server nameplate) because racks are provisioned for it and because a pool that is
// routed load runs near it; the per-token figures then divide by the throughput at that load.

#include "core/catalog/catalog.h"
#include "core/perf/perfmodel.h"

namespace tokenroute {

struct Policies;

CostInputs costInputs(const Policies &policies);

struct PoolCost {
    double capexUsd = 0;
    double capexUsdPerHour = 0;    // capex / (years · 8766 h)
    double itPowerW = 0;           // rated draw of the equipment
    double facilityPowerW = 0;     // × PUE
    double energyUsdPerHour = 0;
    double cloudUsdPerHour = 0;    // when rented
    bool cloud = false;            // true when the cloud price was used
    double usdPerHour = 0;         // the figure to use
};

// n devices on their own (an estimate from the CLI): device price and TDP. Uses the cloud price
// when asked and one is published, otherwise capex + energy.
PoolCost devicesCost(const Accelerator &device, int count, const CostInputs &in);

// n servers (accelerators included in the server price and power). The cloud price is the
// device's hourly price × accelerators when useCloudPrices is set and one is published.
PoolCost serversCost(const ServerSpec &server, const Accelerator *device, int servers, const CostInputs &in);

// Field devices of an edge pool: capex of the devices and their power, no PUE (not in a data hall).
PoolCost edgeCost(const Accelerator &device, double count, const CostInputs &in);

double usdPerMillionTokens(double usdPerHour, double tokensPerS);
double joulesPerToken(double powerW, double tokensPerS);

constexpr double kHoursPerYear = 8766;   // 365.25 days

} // namespace tokenroute
