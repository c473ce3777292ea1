#pragma once
// One simulation run as the Simulation tab starts it: a plan, the workload whose traffic it is, and
// either a trace file (format detected or named) or the workload's own generated traffic. The run
// is reduced to a JSON document with the same keys the command line prints and stores
// ("simulate --json"), plus the TTFT and TPOT CDFs sampled from the run's own histogram, so a run shown
// fresh and a run read back from the plan file are drawn by the same code.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/sim/simulator.h"

namespace tokenroute::ui {

struct SimulationRequest {
    std::string workload;          // id or name; empty = the plan's first workload
    std::string tracePath;         // empty = generate the workload's traffic
    std::string traceFormat;       // mooncake, azure, burstgpt; empty = detected from the file
    long long requests = 2000;     // generator: how many; trace: stop after this many (0 = all)
    std::uint64_t seed = 1;
};

// Called from the running thread with the requests that have arrived so far and the simulated
// time; return false to stop the run.
using SimulationProgress = std::function<bool(long long arrived, double simS)>;

struct SimulationOutcome {
    SimResult result;
    nlohmann::json document;       // the stored and displayed form
};

// Throws InputError for a plan that cannot be simulated or an unreadable trace.
SimulationOutcome runPlanSimulation(const Plan &plan, const Catalog &catalog, const SimulationRequest &request,
                                    const SimulationProgress &progress);

// The label a run is stored under: "workload · source".
std::string simulationLabel(const nlohmann::json &document);

} // namespace tokenroute::ui
