#pragma once
// Calibration from stored benchmark runs: the kernels library measures efficiency factors and
// stores its report with a plan as a "benchmark" result; the performance model takes them as a
// Calibration on the DeviceSetup. This file joins the two by reading the stored JSON document
// (the shape kernels/benchjson.cpp writes) so core never links the kernels library.
// A run also describes the machine it measured ("this machine"); that description becomes an
// Accelerator so the user's own hardware can be estimated with its own measured factors.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/perfmodel.h"

namespace tokenroute {

struct StoredCalibration {
    std::string deviceId;     // "this-machine-cpu", "this-machine-cuda0"
    std::string deviceName;   // CPU model or GPU name, as measured
    std::string deviceKind;   // "cpu" or "cuda"
    std::string storedAt;     // when the result was stored with the plan (empty for a bare document)
    Calibration calibration;  // factors 0 where the run did not measure them
    std::optional<Accelerator> thisMachine;   // the measured device, when the run described it
};

// Reads one benchmark document ({"calibration": {...}, "cpu": {...}, ...}). Throws InputError
// naming `file` and the field when the calibration is missing or a factor is not a number in [0, 1].
StoredCalibration calibrationFromBenchmarkJson(const nlohmann::json &doc, const std::string &file);

// The latest "benchmark" result stored with the plan at `planPath`; nullopt when there is none.
std::optional<StoredCalibration> latestStoredCalibration(const std::string &planPath);

// True when the measurement is of `device`: the same id (the this-machine entry), or a catalogue
// device whose name the measured device name contains ("NVIDIA H200" measures "H200").
bool calibrationMatches(const StoredCalibration &stored, const Accelerator &device);

// Copies the measured (non-zero) factors into `target`; returns one line per replaced factor,
// e.g. "decode eta memory 0.8 -> 0.62", so callers can say what changed.
std::vector<std::string> applyCalibration(const StoredCalibration &stored, const Accelerator &device, Calibration &target);

} // namespace tokenroute
