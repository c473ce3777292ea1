// Fuzzes the plan's JSON form through loadPlan, the call every command and the GUI make: parse,
// field checks, validation. Inputs that start with SQLite's header are the SQLite target's business
// and are still fine here (loadPlan tells the forms apart by content).
#include "core/plan/planio.h"
#include "tests/fuzz/fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = tokenroute::fuzz::writeScratch("plan.json", data, size);
    return tokenroute::fuzz::expectInputErrorOnly([&] { tokenroute::loadPlan(path); });
}
