#pragma once
// Checks a plan's values and references once, for every way a plan enters or leaves the core: the
// JSON reader, the SQLite reader and both writers all call validatePlan, so a plan that loads is a
// plan that saves and the other way round. Only what the plan alone can tell is checked here —
// positive sizes and rates, fractions within 0..1, unique ids, references to racks, items and
// pools that exist, tags on their own axis. Whether a catalogue id names a known server or model
// needs the catalogue and is the evaluator's concern.
//
// Field names in messages are the JSON form's keys; the caller supplies how a location is spelt
// ("workloads[2].rate_per_s" for JSON, "workloads row id 7: rate_per_s" for SQLite), so the user
// is pointed at the place they can actually edit.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/plan/plan.h"

namespace tokenroute {

// collection: "racks", "items", "pools", "links", "workloads", "policies", "imported_models";
// index: position in the plan's vector; id: the entity's id (0 for policies); field: JSON key.
using PlanFieldNamer =
    std::function<std::string(const std::string &collection, std::size_t index, int id, const std::string &field)>;

// Spells locations as JSON paths: "workloads[2].rate_per_s", "policies.pue".
PlanFieldNamer jsonFieldNamer();

// The most workloads one plan may hold. Routing solves one problem over every workload and pool,
// and its time grows faster than linearly with the workloads: 1 000 route in about 2 s, 10 000
// took 93 s and 100 000 did not finish in minutes (measured with tokenroute-cli route on the demo
// plan's pools). Beyond any real deployment's list of traffic classes, and refused by name.
inline constexpr std::size_t kMaxPlanWorkloads = 1000;

// InputError(file, "workloads", ...) when count is above kMaxPlanWorkloads; the JSON reader calls it
// before reading the entries, so an oversized file is refused without building them first.
void checkWorkloadCount(std::size_t count, const std::string &file);

// Throws InputError(file, location, expectation) at the first problem found.
void validatePlan(const Plan &plan, const std::string &file, const PlanFieldNamer &namer);

} // namespace tokenroute
