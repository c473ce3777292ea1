#include "core/perf/calibrationstore.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/plan/planio.h"
#include "core/util/error.h"

namespace tokenroute {

namespace {

using nlohmann::json;

// A factor absent or null means "not measured" (0), as in the kernels' own JSON; anything else
// must be a fraction, since the model multiplies peaks by it.
double factor(const json &cal, const char *key, const std::string &file)
{
    if (!cal.contains(key) || cal[key].is_null())
        return 0;
    if (!cal[key].is_number())
        throw InputError(file, std::string("calibration.") + key, "a number in [0, 1]");
    const double v = cal[key].get<double>();
    if (!(v >= 0 && v <= 1))
        throw InputError(file, std::string("calibration.") + key, "a number in [0, 1]; got " + std::to_string(v));
    return v;
}

double number(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0;
}

std::string text(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// A catalogue-shaped {"value": x, ...} number inside this_machine, or 0.
double sourcedValue(const json &j, const char *key)
{
    if (!j.contains(key) || !j[key].is_object())
        return 0;
    return number(j[key], "value");
}

// The measured device as an Accelerator: peaks and bandwidth from the calibration block (they are
// what the factors were measured against), memory and cache from this_machine or the CPU record.
Accelerator machineFrom(const json &cal, const json &doc, const StoredCalibration &s)
{
    Accelerator a;
    const bool gpu = s.deviceKind == "cuda";
    a.id = s.deviceId;
    a.name = s.deviceName + " (this machine)";
    a.vendor = gpu ? "NVIDIA" : "";
    a.category = gpu ? DeviceCategory::DatacenterGpu : DeviceCategory::Cpu;
    a.status = "measured";
    a.memoryType = gpu ? "HBM/GDDR" : "DDR";
    const double peak = number(cal, "peak_flops_per_s");
    if (peak > 0)
        a.peakTflops[gpu ? Precision::BF16 : Precision::FP32] = peak / 1e12;
    a.memoryBandwidthTBs = number(cal, "peak_bytes_per_s") / 1e12;
    const json machine = cal.contains("this_machine") && cal["this_machine"].is_object() ? cal["this_machine"] : json::object();
    a.memoryGb = sourcedValue(machine, "memory_gb");
    a.sramMb = sourcedValue(machine, "sram_mb");
    if (a.sramMb == 0 && !gpu && doc.contains("cpu") && doc["cpu"].contains("caches") && doc["cpu"]["caches"].is_array()) {
        for (const json &c : doc["cpu"]["caches"])
            a.sramMb = std::max(a.sramMb, number(c, "size_bytes") / 1e6);
    }
    if (s.calibration.prefillEtaCompute > 0)
        a.etaCompute = s.calibration.prefillEtaCompute;
    if (s.calibration.decodeEtaMemory > 0)
        a.etaMemory = s.calibration.decodeEtaMemory;
    const std::string src = "measured: " + s.calibration.source;
    a.provenance["peak_tflops"] = {"", true, text(cal, "peak_flops_source")};
    a.provenance["memory_bandwidth_tbs"] = {"", true, text(cal, "peak_bandwidth_source")};
    a.provenance["eta_compute"] = {src, false, ""};
    a.provenance["eta_memory"] = {src, false, ""};
    return a;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string fixed(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

} // namespace

StoredCalibration calibrationFromBenchmarkJson(const json &doc, const std::string &file)
{
    if (!doc.is_object() || !doc.contains("calibration") || !doc["calibration"].is_object())
        throw InputError(file, "calibration", "a benchmark result with a calibration object (the run measured no device)");
    const json &cal = doc["calibration"];
    StoredCalibration s;
    s.deviceId = text(cal, "device_id");
    s.deviceName = text(cal, "device_name");
    s.deviceKind = text(cal, "device_kind");
    if (s.deviceId.empty())
        throw InputError(file, "calibration.device_id", "the measured device's id, e.g. this-machine-cpu");
    s.calibration.prefillEtaCompute = factor(cal, "prefill_eta_compute", file);
    s.calibration.prefillEtaMemory = factor(cal, "prefill_eta_memory", file);
    s.calibration.decodeEtaCompute = factor(cal, "decode_eta_compute", file);
    s.calibration.decodeEtaMemory = factor(cal, "decode_eta_memory", file);
    s.calibration.source = text(cal, "source");
    if (s.calibration.source.empty())
        s.calibration.source = "benchmark run " + text(doc, "started_at");
    if (number(cal, "peak_flops_per_s") > 0)
        s.thisMachine = machineFrom(cal, doc, s);
    return s;
}

std::optional<StoredCalibration> latestStoredCalibration(const std::string &planPath)
{
    const std::vector<StoredResult> results = listResults(planPath, "benchmark");
    if (results.empty())
        return std::nullopt;
    // Latest by time stored, then by id (two runs stored within the same second).
    const auto latest = std::max_element(results.begin(), results.end(), [](const StoredResult &a, const StoredResult &b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    json doc;
    try {
        doc = json::parse(latest->json);
    } catch (const json::parse_error &e) {
        throw InputError(planPath, "results[" + std::to_string(latest->id) + "]", std::string("a JSON benchmark document: ") + e.what());
    }
    StoredCalibration s = calibrationFromBenchmarkJson(doc, planPath + " (benchmark result " + std::to_string(latest->id) + ")");
    s.storedAt = latest->createdAt;
    return s;
}

bool calibrationMatches(const StoredCalibration &stored, const Accelerator &device)
{
    if (device.id == stored.deviceId)
        return true;
    if (device.name.empty() || stored.deviceName.empty())
        return false;
    return lower(stored.deviceName).find(lower(device.name)) != std::string::npos;
}

std::vector<std::string> applyCalibration(const StoredCalibration &stored, const Accelerator &device, Calibration &target)
{
    std::vector<std::string> replaced;
    auto take = [&](const char *name, double measured, double &slot, double fallback) {
        if (measured <= 0)
            return;
        const double before = slot > 0 ? slot : fallback;
        slot = measured;
        replaced.push_back(std::string(name) + " " + fixed(before) + " -> " + fixed(measured));
    };
    const Calibration &m = stored.calibration;
    take("prefill eta compute", m.prefillEtaCompute, target.prefillEtaCompute, device.etaCompute);
    take("prefill eta memory", m.prefillEtaMemory, target.prefillEtaMemory, device.etaMemory);
    take("decode eta compute", m.decodeEtaCompute, target.decodeEtaCompute, device.etaCompute);
    take("decode eta memory", m.decodeEtaMemory, target.decodeEtaMemory, device.etaMemory);
    if (!replaced.empty())
        target.source = m.source;
    return replaced;
}

} // namespace tokenroute
