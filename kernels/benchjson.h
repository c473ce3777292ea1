#pragma once
// The benchmark's JSON form: what `tokenroute-cli bench --json` prints and what is stored with a
// plan as a "benchmark" result. {"results": [...], "calibration": {...}, ...}; each result carries
// kernel, device, shape, precision, median_ms, flops_per_s, bytes_per_s, arithmetic_intensity,
// reference {name, figure, unit}, ratio_to_reference, correct, max_abs_error, plus the timing
// spread and, for a failed case, status "failed" and the error. Field names are stable: the GUI,
// the plan history and scripts read them.

#include <nlohmann/json.hpp>

#include "kernels/benchrunner.h"

namespace tokenroute::kernels {

nlohmann::json toJson(const KernelResult &r);
nlohmann::json toJson(const MeasuredEfficiency &e);
nlohmann::json toJson(const CpuInfo &cpu);
nlohmann::json toJson(const CudaInventory &cuda);
nlohmann::json toJson(const BenchReport &report);

// The measured machine as a catalogue-shaped accelerator entry (id, name, peak_tflops, memory
// bandwidth, last-level cache, eta factors), every number with its provenance, so the planner can
// add "this machine" next to the catalogue's devices.
nlohmann::json thisMachineDevice(const MeasuredEfficiency &e);

} // namespace tokenroute::kernels
