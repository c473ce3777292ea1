#include "kernels/benchjson.h"

#include <cmath>

namespace tokenroute::kernels {

namespace {

// JSON has no NaN/Inf; a figure that could not be measured is null.
nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json sourced(double value, const std::string &source, bool estimate)
{
    nlohmann::json j{{"value", number(value)}};
    if (estimate) {
        j["estimate"] = true;
        j["note"] = source;
    } else {
        j["source"] = source;
    }
    return j;
}

} // namespace

nlohmann::json toJson(const KernelResult &r)
{
    nlohmann::json j{
        {"kernel", toString(r.kernel)},
        {"device", r.device},
        {"variant", r.variant},
        {"shape", r.shape},
        {"precision", r.precision},
        {"status", r.failed ? "failed" : "ok"},
        {"median_ms", number(r.timing.medianMs)},
        {"flops_per_s", number(r.flopsPerSecond)},
        {"bytes_per_s", number(r.bytesPerSecond)},
        {"arithmetic_intensity", number(r.arithmeticIntensity)},
        {"correct", r.correct},
        {"max_abs_error", number(r.maxAbsError)},
        {"timing",
         {{"warmups", r.timing.warmups},
          {"repeats", r.timing.repeats},
          {"min_ms", number(r.timing.minMs)},
          {"p10_ms", number(r.timing.p10Ms)},
          {"p90_ms", number(r.timing.p90Ms)},
          {"max_ms", number(r.timing.maxMs)},
          {"stddev_ms", number(r.timing.stddevMs)},
          {"spread", number(r.timing.spread())}}},
    };
    j["reference"] = r.reference ? nlohmann::json{{"name", r.reference->name}, {"figure", number(r.reference->figure)},
                                                  {"unit", r.reference->unit}}
                                 : nlohmann::json(nullptr);
    j["ratio_to_reference"] = r.ratioToReference ? number(*r.ratioToReference) : nlohmann::json(nullptr);
    if (r.workingSetBytes > 0)
        j["working_set_bytes"] = r.workingSetBytes;
    if (r.kernel == KernelKind::MemoryLatency)
        j["latency_ns"] = number(r.latencyNs);
    if (!r.check.empty())
        j["check"] = r.check;
    if (!r.note.empty())
        j["note"] = r.note;
    if (r.failed)
        j["error"] = r.error;
    return j;
}

nlohmann::json toJson(const MeasuredEfficiency &e)
{
    return {
        {"device_id", e.deviceId},
        {"device_name", e.deviceName},
        {"device_kind", e.deviceKind},
        {"device", e.device},
        {"prefill_eta_compute", number(e.prefillEtaCompute)},
        {"prefill_eta_memory", number(e.prefillEtaMemory)},
        {"decode_eta_compute", number(e.decodeEtaCompute)},
        {"decode_eta_memory", number(e.decodeEtaMemory)},
        {"peak_flops_per_s", number(e.peakFlops)},
        {"peak_flops_source", e.peakFlopsSource},
        {"peak_bytes_per_s", number(e.peakBandwidth)},
        {"peak_bandwidth_source", e.peakBandwidthSource},
        {"measured_prefill_flops_per_s", number(e.measuredPrefillFlops)},
        {"measured_decode_bytes_per_s", number(e.measuredDecodeBandwidth)},
        {"stream_bytes_per_s", number(e.streamBandwidth)},
        {"source", e.source},
        {"notes", e.notes},
        {"this_machine", thisMachineDevice(e)},
    };
}

nlohmann::json thisMachineDevice(const MeasuredEfficiency &e)
{
    const bool gpu = e.deviceKind == "cuda";
    nlohmann::json peak = nlohmann::json::object();
    peak[gpu ? "bf16" : "fp32"] = sourced(e.peakFlops / 1e12, e.peakFlopsSource, true);
    const bool bwMeasured = e.peakBandwidthSource.rfind("measured", 0) == 0;
    return {
        {"id", e.deviceId},
        {"name", e.deviceName + " (this machine)"},
        {"category", gpu ? "datacenter-gpu" : "cpu"},
        {"peak_tflops", peak},
        {"memory_gb", sourced(e.memoryBytes / 1e9, gpu ? "cudaDeviceGetAttribute: total global memory" : "MemAvailable in /proc/meminfo", false)},
        {"memory_bandwidth_tbs", sourced(e.peakBandwidth / 1e12, e.peakBandwidthSource, !bwMeasured)},
        {"sram_mb", sourced(e.lastLevelCacheBytes / 1e6, gpu ? "L2 size from the CUDA runtime" : "last-level cache from sysfs", false)},
        {"eta_compute", sourced(e.prefillEtaCompute, "measured: " + e.source, false)},
        {"eta_memory", sourced(e.decodeEtaMemory, "measured: " + e.source, false)},
    };
}

nlohmann::json toJson(const CpuInfo &cpu)
{
    nlohmann::json caches = nlohmann::json::array();
    for (const auto &c : cpu.caches)
        caches.push_back({{"level", c.level}, {"type", c.type}, {"size_bytes", c.sizeBytes}, {"shared_by_cpus", c.sharedByCpus}});
    return {{"model", cpu.model},     {"logical_cpus", cpu.logicalCpus}, {"clock_ghz", number(cpu.clockGHz)},
            {"avx2", cpu.avx2},       {"fma", cpu.fma},                  {"avx512f", cpu.avx512f},
            {"caches", caches},       {"peak_fp32_flops_per_s", number(cpu.peakFp32Flops)},
            {"peak_note", cpu.peakNote}};
}

nlohmann::json toJson(const CudaInventory &cuda)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : cuda.devices)
        devices.push_back({{"index", d.index},
                           {"name", d.name},
                           {"compute_capability", std::to_string(d.computeMajor) + "." + std::to_string(d.computeMinor)},
                           {"sm_count", d.smCount},
                           {"sm_clock_ghz", number(d.smClockGHz)},
                           {"memory_clock_ghz", number(d.memClockGHz)},
                           {"memory_bus_bits", d.memBusBits},
                           {"global_memory_bytes", d.globalMemBytes},
                           {"l2_bytes", d.l2Bytes},
                           {"shared_memory_per_sm_bytes", d.sharedMemPerSmBytes},
                           {"peak_bf16_flops_per_s", number(d.peakBf16Flops)},
                           {"peak_bytes_per_s", number(d.peakBandwidth)},
                           {"peak_note", d.peakNote}});
    return {{"built", cuda.built}, {"status", cuda.status}, {"devices", devices}};
}

nlohmann::json toJson(const BenchReport &report)
{
    nlohmann::json results = nlohmann::json::array();
    for (const auto &r : report.results)
        results.push_back(toJson(r));
    nlohmann::json cals = nlohmann::json::array();
    for (const auto &c : report.calibrations)
        cals.push_back(toJson(c));
    return {
        {"results", results},
        {"calibration", report.calibrations.empty() ? nlohmann::json(nullptr) : toJson(report.calibrations.front())},
        {"calibrations", cals},
        {"started_at", report.startedAt},
        {"quick", report.quick},
        {"threads", report.threads},
        {"devices_run", report.devicesRun},
        {"failed", report.failedCount()},
        {"cpu", toJson(report.cpu)},
        {"cuda", toJson(report.cuda)},
    };
}

} // namespace tokenroute::kernels
