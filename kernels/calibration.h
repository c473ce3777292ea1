#pragma once
// Calibration: measured kernel results turned into the efficiency factors the performance model
// multiplies its peaks by (time = max(flops / (peak * eta_c), bytes / (bw * eta_m))), plus a
// "this machine" device description so the user's own hardware can be planned with.
// The four factors mirror core/perf's Calibration (prefill/decode x compute/memory); 0 means "not
// measured" there too, so a run without, say, decode results leaves the catalogue's default.
// Peaks come from DeviceInfo and are estimates: on a CPU no peak memory bandwidth is published
// by the system, so the best streaming bandwidth measured in the same run stands in for it.

#include <string>
#include <vector>

#include "kernels/benchresult.h"

namespace tokenroute::kernels {

struct MeasuredEfficiency {
    std::string deviceId;        // "this-machine-cpu", "this-machine-cuda0"
    std::string deviceName;      // CPU model or GPU name
    std::string deviceKind;      // "cpu" or "cuda"
    std::string device;          // the KernelResult::device these figures come from

    double prefillEtaCompute = 0;   // best correct prefill GEMM FLOP/s / peak FLOP/s
    double prefillEtaMemory = 0;    // prefill GEMM bytes/s / peak bandwidth (small: it is compute-bound)
    double decodeEtaCompute = 0;    // best decode GEMV FLOP/s / peak FLOP/s
    double decodeEtaMemory = 0;     // best correct decode GEMV bytes/s / peak bandwidth

    double peakFlops = 0;
    double peakBandwidth = 0;
    std::string peakFlopsSource;
    std::string peakBandwidthSource;
    double measuredPrefillFlops = 0;
    double measuredDecodeBandwidth = 0;
    double streamBandwidth = 0;     // best streaming figure (triad / memcpy / device copy)
    double lastLevelCacheBytes = 0;
    double memoryBytes = 0;
    std::string source;             // "kernels run 2026-11-30T07:00Z on <host>"
    std::vector<std::string> notes; // clamps, missing kernels
};

struct CalibrationInputs {
    std::string device;             // which results to use ("cpu", "cuda:0")
    std::string deviceId;
    std::string deviceName;
    std::string deviceKind;
    double peakFlops = 0;
    std::string peakFlopsSource;
    double peakBandwidth = 0;       // 0: use the measured streaming bandwidth
    std::string peakBandwidthSource;
    double lastLevelCacheBytes = 0;
    double memoryBytes = 0;
    std::string source;
};

// Uses only results of `in.device` that ran and were correct. A factor above 1 (the peak was
// underestimated, e.g. a turbo clock above the reported one) is clamped to 1 with a note.
MeasuredEfficiency calibrate(const std::vector<KernelResult> &results, const CalibrationInputs &in);

} // namespace tokenroute::kernels
