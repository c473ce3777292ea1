#include "tests/support/sampleplans.h"

#include <string>

namespace tokenroute::testsupport {

Plan twentyFullRacks()
{
    Plan plan;
    plan.name = "Twenty full racks";
    Pool decode;
    decode.id = 1;
    decode.name = "decode";
    decode.role = PoolRole::Decode;
    plan.pools.push_back(decode);
    int id = 1000;
    int spine = 0;
    for (int r = 0; r < 20; ++r) {
        Rack rack;
        rack.id = r + 1;
        rack.name = "Rack " + std::to_string(r + 1);
        rack.units = 42;
        rack.powerBudgetKw = 60;
        rack.row = r / 10;
        rack.position = r % 10;
        plan.racks.push_back(rack);
        const int tor = ++id;
        plan.items.push_back(PlacedItem{tor, "ToR " + std::to_string(r + 1), "ib-ndr-switch", rack.id, 41, 0});
        const int top = ++id;
        if (r == 0) {
            spine = top;
            plan.items.push_back(PlacedItem{top, "Spine", "ib-ndr-switch", rack.id, 42, 0});
        } else {
            plan.items.push_back(PlacedItem{top, "PDU " + std::to_string(r + 1), "pdu-3ph", rack.id, 42, 0});
        }
        for (int n = 0; n < 5; ++n) {
            const int node = ++id;
            plan.items.push_back(PlacedItem{node, "H200 " + std::to_string(r * 5 + n + 1), "hgx-h200", rack.id, 1 + 8 * n, 1});
            plan.links.push_back(Link{++id, node, tor, "ib-ndr-400", 8});
        }
        plan.links.push_back(Link{++id, tor, spine, "ib-ndr-400", 16});
    }
    return plan;
}

} // namespace tokenroute::testsupport
