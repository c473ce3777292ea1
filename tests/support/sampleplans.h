#pragma once
// Plans built in code for tests and benchmarks: larger than the demo, and the same in both places.

#include "core/plan/plan.h"

namespace tokenroute::testsupport {

// 20 42U racks in two rows, each full: five 8U HGX H200 nodes, a ToR switch and a PDU (rack 1 holds
// the spine in the PDU's slot). Every node is linked to its ToR and every ToR to the spine:
// 140 items and 120 links, more than a planning session draws.
Plan twentyFullRacks();

} // namespace tokenroute::testsupport
