#include "kernels/calibration.h"

#include <algorithm>
#include <sstream>

namespace tokenroute::kernels {

namespace {

double bestOf(const std::vector<KernelResult> &results, const std::string &device, KernelKind kind,
              double KernelResult::*field, bool requireCorrect)
{
    double best = 0;
    for (const auto &r : results)
        if (r.device == device && r.kernel == kind && !r.failed && (r.correct || !requireCorrect))
            best = std::max(best, r.*field);
    return best;
}

double ratio(double measured, double peak, const char *what, std::vector<std::string> &notes)
{
    if (measured <= 0 || peak <= 0)
        return 0;
    const double eta = measured / peak;
    if (eta > 1.0) {
        std::ostringstream n;
        n << what << ": measured " << measured << " exceeds the estimated peak " << peak << "; clamped to 1";
        notes.push_back(n.str());
        return 1.0;
    }
    return eta;
}

} // namespace

MeasuredEfficiency calibrate(const std::vector<KernelResult> &results, const CalibrationInputs &in)
{
    MeasuredEfficiency e;
    e.deviceId = in.deviceId;
    e.deviceName = in.deviceName;
    e.deviceKind = in.deviceKind;
    e.device = in.device;
    e.source = in.source;
    e.peakFlops = in.peakFlops;
    e.peakFlopsSource = in.peakFlopsSource;
    e.lastLevelCacheBytes = in.lastLevelCacheBytes;
    e.memoryBytes = in.memoryBytes;

    // The bandwidth sweep's small working sets live in cache; only streaming results (which carry a
    // reference-less "stream" variant) stand for memory. Take the best of those.
    double stream = 0;
    for (const auto &r : results)
        if (r.device == in.device && r.kernel == KernelKind::MemoryBandwidth && !r.failed
            && (r.variant == "stream triad" || r.variant == "memcpy" || r.variant == "device copy"))
            stream = std::max(stream, r.bytesPerSecond);
    e.streamBandwidth = stream;

    if (in.peakBandwidth > 0) {
        e.peakBandwidth = in.peakBandwidth;
        e.peakBandwidthSource = in.peakBandwidthSource;
    } else if (stream > 0) {
        e.peakBandwidth = stream;
        e.peakBandwidthSource = "measured: best streaming bandwidth of this run (the system publishes no DRAM peak)";
    }

    e.measuredPrefillFlops = bestOf(results, in.device, KernelKind::PrefillGemm, &KernelResult::flopsPerSecond, true);
    e.measuredDecodeBandwidth = bestOf(results, in.device, KernelKind::DecodeGemv, &KernelResult::bytesPerSecond, true);
    const double prefillBytes = bestOf(results, in.device, KernelKind::PrefillGemm, &KernelResult::bytesPerSecond, true);
    const double decodeFlops = bestOf(results, in.device, KernelKind::DecodeGemv, &KernelResult::flopsPerSecond, true);

    e.prefillEtaCompute = ratio(e.measuredPrefillFlops, e.peakFlops, "prefill eta_compute", e.notes);
    e.prefillEtaMemory = ratio(prefillBytes, e.peakBandwidth, "prefill eta_memory", e.notes);
    e.decodeEtaCompute = ratio(decodeFlops, e.peakFlops, "decode eta_compute", e.notes);
    e.decodeEtaMemory = ratio(e.measuredDecodeBandwidth, e.peakBandwidth, "decode eta_memory", e.notes);
    if (e.measuredPrefillFlops <= 0)
        e.notes.push_back("no correct prefill GEMM result: prefill factors left at 0 (catalogue default applies)");
    if (e.measuredDecodeBandwidth <= 0)
        e.notes.push_back("no correct decode GEMV result: decode factors left at 0 (catalogue default applies)");
    if (e.peakBandwidth <= 0)
        e.notes.push_back("no bandwidth peak known and no streaming measurement: memory factors left at 0");
    return e;
}

} // namespace tokenroute::kernels
