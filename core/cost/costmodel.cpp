#include "core/cost/costmodel.h"

#include "core/plan/plan.h"

namespace tokenroute {

namespace {

PoolCost owned(double capexUsd, double itPowerW, double pue, const CostInputs &in)
{
    PoolCost c;
    c.capexUsd = capexUsd;
    c.capexUsdPerHour = in.amortisationYears > 0 ? capexUsd / (in.amortisationYears * kHoursPerYear) : 0;
    c.itPowerW = itPowerW;
    c.facilityPowerW = itPowerW * pue;
    c.energyUsdPerHour = c.facilityPowerW / 1000.0 * in.electricityUsdPerKwh;
    c.usdPerHour = c.capexUsdPerHour + c.energyUsdPerHour;
    return c;
}

// Renting replaces capex and the power bill: the hourly price includes both.
void rentIfAsked(PoolCost &c, double cloudUsdPerHour, const CostInputs &in)
{
    if (!in.useCloudPrices || cloudUsdPerHour <= 0)
        return;
    c.cloud = true;
    c.cloudUsdPerHour = cloudUsdPerHour;
    c.usdPerHour = cloudUsdPerHour;
}

} // namespace

CostInputs costInputs(const Policies &p)
{
    CostInputs in;
    in.amortisationYears = p.amortisationYears;
    in.electricityUsdPerKwh = p.electricityUsdPerKwh;
    in.pue = p.pue;
    in.useCloudPrices = p.useCloudPrices;
    return in;
}

PoolCost devicesCost(const Accelerator &device, int count, const CostInputs &in)
{
    PoolCost c = owned(device.priceUsd * count, device.tdpW * count, in.pue, in);
    rentIfAsked(c, device.cloudUsdPerHour * count, in);
    return c;
}

PoolCost serversCost(const ServerSpec &server, const Accelerator *device, int servers, const CostInputs &in)
{
    const int perNode = server.acceleratorsPerNode;
    // A server without a stated price or power is costed by its accelerators alone.
    const double price = server.priceUsd > 0 ? server.priceUsd : (device ? device->priceUsd * perNode : 0);
    const double power = server.powerW > 0 ? server.powerW : (device ? device->tdpW * perNode : 0);
    PoolCost c = owned(price * servers, power * servers, in.pue, in);
    if (device)
        rentIfAsked(c, device->cloudUsdPerHour * perNode * servers, in);
    return c;
}

PoolCost edgeCost(const Accelerator &device, double count, const CostInputs &in)
{
    // Field devices sit outside a data hall: no PUE; their owners pay for them, but the plan still
    // shows what the fleet is worth per hour.
    return owned(device.priceUsd * count, device.tdpW * count, 1.0, in);
}

double usdPerMillionTokens(double usdPerHour, double tokensPerS)
{
    return tokensPerS > 0 ? usdPerHour / (tokensPerS * 3600.0) * 1e6 : 0;
}

double joulesPerToken(double powerW, double tokensPerS)
{
    return tokensPerS > 0 ? powerW / tokensPerS : 0;
}

} // namespace tokenroute
