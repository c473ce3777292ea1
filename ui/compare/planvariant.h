#pragma once
// The plan's "all on one GPU pool" variant: the same workloads and policies, served by one combined
// pool of a single GPU type (prefill and decode on the same devices), as many devices as the core's
// sizing says that pool needs (the homogeneous solution of core/route/sizing), bought as whole
// servers of that GPU and stacked into racks like the plan's own. It is the baseline a
// disaggregated plan has to beat, built as a real plan so that it is evaluated, routed and costed by
// exactly the same code as the plan it is compared with.

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

struct OnePoolVariant {
    Plan plan;
    std::string deviceId;
    std::string serverId;
    int sizedDevices = 0;          // what the sizing asked for
    int servers = 0;               // whole servers bought, serversAddedForRouter included
    double sizedUnserved = 0;      // share of demanded tokens the sized pool still leaves unserved
    // Servers beyond the sizing's rounded-up count, added until the router serves as much as the
    // sizing promised (the router prices each workload's batch at its SLOs, the sizing an average).
    int serversAddedForRouter = 0;
    double routedUnserved = 0;     // share of demanded tokens the router leaves unserved on the final pool
};

// GPU types a one-pool variant can use: catalogue accelerators that a catalogue server carries and
// that the sizing considers able to serve a whole plan alone. The plan's own types first.
std::vector<std::string> onePoolCandidates(const Plan &plan, const Catalog &catalog);

// The GPU type the sizing finds cheapest as a single pool for the plan, priced as bought in whole
// servers (every candidate is tried; least unserved demand first); empty when none can serve it.
std::string cheapestOnePoolDevice(const Plan &plan, const Catalog &catalog);

// Throws InputError when the device is unknown, no server carries it, or the sizing finds no
// solution. Routes the variant a few times while topping it up (a few tens of milliseconds each).
OnePoolVariant onePoolVariant(const Plan &plan, const Catalog &catalog, const std::string &deviceId);

} // namespace tokenroute::ui
