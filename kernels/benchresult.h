#pragma once
// One measured kernel, as the benchmark reports it and the plan file stores it: what ran (kernel,
// device, shape, precision), how fast (median time, FLOP/s, bytes/s, arithmetic intensity — so it
// lands on a roofline), against what (a reference measured in the same run and the ratio to it),
// and whether the answer was right (verdict, max error). A case that could not run is still a
// result: failed, with the reason, so a report never silently drops a row.

#include <cstdint>
#include <optional>
#include <string>

#include "kernels/harness.h"

namespace tokenroute::kernels {

enum class KernelKind { PrefillGemm, PrefillAttention, DecodeGemv, DecodeAttention, MemoryBandwidth, MemoryLatency };
std::string toString(KernelKind k);     // "prefill_gemm", ...
std::optional<KernelKind> kernelKindFromString(const std::string &s);

struct ReferenceFigure {
    std::string name;     // "openblas_sgemm", "stream_best", "cublas_gemm_bf16", ...
    double figure = 0;    // in `unit`
    std::string unit;     // "flop/s", "byte/s", "ns"
};

struct KernelResult {
    KernelKind kernel = KernelKind::PrefillGemm;
    std::string device;          // "cpu" or "cuda:0"
    std::string variant;         // short label of the case within a kernel ("batch 1", "triad", "L2")
    std::string shape;
    std::string precision;       // "fp32", "bf16 weights, fp32 math", "bf16 in, fp32 accumulate"
    TimingStats timing;
    double flopsPerSecond = 0;
    double bytesPerSecond = 0;
    double arithmeticIntensity = 0;   // flops per byte of the minimum traffic
    std::uint64_t workingSetBytes = 0; // memory probe: the working set; 0 otherwise
    double latencyNs = 0;              // memory_latency only
    std::optional<ReferenceFigure> reference;
    std::optional<double> ratioToReference; // our figure / reference figure (same unit)
    bool correct = false;
    double maxAbsError = 0;
    std::string check;           // what was compared and the tolerance's reason
    bool failed = false;
    std::string error;           // why the case failed
    std::string note;            // e.g. which cache the working set fits in
};

} // namespace tokenroute::kernels
