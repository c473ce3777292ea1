#pragma once
// Runs the kernel benchmarks: chooses the device, the shapes (full or --quick), measures each
// kernel with its reference in the same run, checks correctness, and calibrates. Every case is
// isolated: bad sizes, memory that is not there, NaN in inputs or a CUDA error mark that one result
// failed with a message and the run goes on, so earlier results are kept.
// The per-case functions are public so tests (and the GUI's benchmark panel) can run one case on
// a shape of their choosing; `fill` lets a test inject inputs (e.g. a NaN).

#include <functional>
#include <string>
#include <vector>

#include "kernels/attention.h"
#include "kernels/benchresult.h"
#include "kernels/calibration.h"
#include "kernels/deviceinfo.h"
#include "kernels/gemm.h"
#include "kernels/gemv.h"
#include "kernels/harness.h"
#include "kernels/pagedattention.h"

namespace tokenroute::kernels {

enum class BenchDevice { Auto, Cpu, Cuda };

struct BenchOptions {
    bool prefill = true;      // prefill_gemm
    bool decode = true;       // decode_gemv
    bool attention = true;    // prefill_attention and decode_attention
    bool memory = true;       // bandwidth and latency sweeps
    BenchDevice device = BenchDevice::Auto;
    bool quick = false;
    int threads = 0;          // 0: all CPUs this process may use
    std::function<void(const std::string &)> progress;   // one line per step (the CLI: stderr)
};

// Parses "prefill,decode,attention,memory" (any subset) into the options; throws KernelError
// naming an unknown entry.
void selectKernels(BenchOptions &options, const std::string &list);

struct BenchReport {
    std::vector<KernelResult> results;
    std::vector<MeasuredEfficiency> calibrations;   // one per device run; the first is the primary
    CpuInfo cpu;
    CudaInventory cuda;
    std::vector<std::string> devicesRun;             // "cpu", "cuda:0"
    std::string startedAt;                           // ISO 8601 UTC
    bool quick = false;
    int threads = 0;
    int failedCount() const;
};

// Throws KernelError only when the request itself cannot be met (--device cuda without a device).
BenchReport runBenchmarks(const BenchOptions &options);

// How inputs are produced: name is "A", "B", "Q", "K", "V", "W", "x", ...
using InputFill = std::function<void(const std::string &name, float *data, std::size_t n)>;
void fillUniform(const std::string &name, float *data, std::size_t n); // deterministic, in [-1, 1]

struct CaseContext {
    std::string device = "cpu";     // "cpu" or "cuda:N"
    int threads = 0;
    TimingPolicy policy;
    InputFill fill = fillUniform;
    double streamBandwidth = 0;     // reference for bandwidth-bound kernels (0: none yet)
    double computeReference = 0;    // reference FLOP/s for attention (the GEMM reference's figure)
    std::string computeReferenceName;
};

KernelResult runPrefillGemm(const GemmShape &s, const CaseContext &ctx);
KernelResult runPrefillAttention(const AttentionShape &s, const CaseContext &ctx);
KernelResult runDecodeGemv(const GemvShape &s, const CaseContext &ctx);
KernelResult runDecodeAttention(const PagedAttentionShape &s, const CaseContext &ctx);

// Context lengths and a shuffled block table for a paged-attention case (seeded, reproducible).
PagedAttentionShape makePagedShape(const std::vector<std::size_t> &contextLengths, std::size_t heads,
                                   std::size_t kvHeads, std::size_t headDim, unsigned seed);

} // namespace tokenroute::kernels
