// tokenroute-cli bench: runs the prefill/decode/memory microkernels on this machine, prints each
// result next to the reference measured in the same run, and the calibration (efficiency factors
// and a "this machine" device) the performance model can use. --save stores the whole run in a
// plan file's benchmark history.

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/plan/planio.h"
#include "core/util/error.h"
#include "kernels/benchjson.h"
#include "kernels/benchrunner.h"
#include "kernels/kernelerror.h"

namespace tokenroute::cli {

namespace {

struct BenchCliOptions {
    std::string kernels = "prefill,decode,attention,memory";
    std::string device = "auto";
    bool quick = false;
    std::string savePath;
    std::string label;
    int threads = 0;
    bool json = false;
};

std::string fixed(double v, int precision)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(precision) << v;
    return s.str();
}

void printTable(const kernels::BenchReport &report)
{
    using kernels::KernelKind;
    std::cout << std::left << std::setw(18) << "kernel" << std::setw(8) << "device" << std::setw(52) << "shape"
              << std::right << std::setw(10) << "median ms" << std::setw(10) << "GFLOP/s" << std::setw(9) << "GB/s"
              << std::setw(8) << "flop/B" << std::setw(8) << "x ref" << "  reference / check\n";
    for (const auto &r : report.results) {
        std::cout << std::left << std::setw(18) << toString(r.kernel) << std::setw(8) << r.device << std::setw(52)
                  << r.shape.substr(0, 51) << std::right;
        if (r.failed) {
            std::cout << "  FAILED: " << r.error << '\n';
            continue;
        }
        std::cout << std::setw(10) << fixed(r.timing.medianMs, 3) << std::setw(10) << fixed(r.flopsPerSecond / 1e9, 1)
                  << std::setw(9) << fixed(r.bytesPerSecond / 1e9, 1) << std::setw(8) << fixed(r.arithmeticIntensity, 2)
                  << std::setw(8) << (r.ratioToReference ? fixed(*r.ratioToReference, 2) : std::string("-")) << "  ";
        if (r.reference)
            std::cout << r.reference->name;
        if (r.kernel == KernelKind::MemoryLatency)
            std::cout << "; " << fixed(r.latencyNs, 1) << " ns/load";
        if (!r.note.empty() && r.kernel >= KernelKind::MemoryBandwidth)
            std::cout << "; " << r.note;
        if (r.kernel < KernelKind::MemoryBandwidth)
            std::cout << (r.correct ? "; correct" : "; INCORRECT") << " (max err " << std::setprecision(2) << r.maxAbsError << ")";
        std::cout << '\n';
    }
    for (const auto &c : report.calibrations) {
        std::cout << "\ncalibration for " << c.deviceName << " (" << c.deviceId << ")\n"
                  << "  prefill eta_compute " << fixed(c.prefillEtaCompute, 3) << "  (" << fixed(c.measuredPrefillFlops / 1e9, 1)
                  << " of " << fixed(c.peakFlops / 1e9, 1) << " GFLOP/s; peak " << c.peakFlopsSource << ")\n"
                  << "  decode  eta_memory  " << fixed(c.decodeEtaMemory, 3) << "  (" << fixed(c.measuredDecodeBandwidth / 1e9, 1)
                  << " of " << fixed(c.peakBandwidth / 1e9, 1) << " GB/s; peak " << c.peakBandwidthSource << ")\n"
                  << "  prefill eta_memory  " << fixed(c.prefillEtaMemory, 3) << ", decode eta_compute " << fixed(c.decodeEtaCompute, 3) << '\n';
        for (const auto &n : c.notes)
            std::cout << "  note: " << n << '\n';
    }
}

void runBench(const BenchCliOptions &o, Context &ctx)
{
    kernels::BenchOptions opt;
    try {
        kernels::selectKernels(opt, o.kernels);
    } catch (const kernels::KernelError &e) {
        throw InputError("<command line>", "--kernels", e.what());
    }
    opt.device = o.device == "cpu" ? kernels::BenchDevice::Cpu
        : o.device == "cuda"       ? kernels::BenchDevice::Cuda
                                   : kernels::BenchDevice::Auto;
    opt.quick = o.quick;
    opt.threads = o.threads;
    opt.progress = [](const std::string &line) { std::cerr << line << std::endl; };

    kernels::BenchReport report;
    try {
        report = kernels::runBenchmarks(opt);
    } catch (const kernels::KernelError &e) {
        throw InputError("<command line>", "--device", e.what());
    }

    const nlohmann::json j = kernels::toJson(report);
    if (o.json)
        std::cout << j.dump(2) << '\n';
    else
        printTable(report);

    if (!o.savePath.empty()) {
        const std::string label = !o.label.empty() ? o.label
                                                   : "bench " + report.devicesRun.front() + (report.quick ? " quick " : " ")
                + report.startedAt;
        const long long id = appendResult(o.savePath, "benchmark", label, j.dump());
        std::cerr << "saved as benchmark result " << id << " (\"" << label << "\") in " << o.savePath << '\n';
    }
    if (report.failedCount() > 0) {
        std::cerr << report.failedCount() << " case(s) failed; see their error above\n";
        ctx.exitCode = 1;
    }
}

CommandRegistration reg{60, [](CLI::App &app, Context &ctx) {
    auto o = std::make_shared<BenchCliOptions>();
    CLI::App *cmd = app.add_subcommand(
        "bench", "Measure prefill (compute-bound), decode (bandwidth-bound) and memory-hierarchy microkernels on "
                 "this machine against OpenBLAS/cuBLAS and streaming bandwidth, and derive calibration factors");
    cmd->add_option("--kernels", o->kernels, "Comma-separated subset of prefill,decode,attention,memory")
        ->capture_default_str();
    cmd->add_option("--device", o->device, "auto (CUDA when a device is present, else CPU), cpu or cuda")
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}))
        ->capture_default_str();
    cmd->add_flag("--quick", o->quick, "Smaller shapes and fewer repeats (under a minute on two cores)");
    cmd->add_option("--save", o->savePath, "Append the run to this plan file's benchmark history (SQLite plan)");
    cmd->add_option("--label", o->label, "Label for the saved run (default: device, mode and time)");
    cmd->add_option("--threads", o->threads, "CPU threads (0: all available)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", o->json, "Print {\"results\": [...], \"calibration\": {...}} as JSON");
    cmd->footer("Example: tokenroute-cli bench --quick --kernels decode,memory --save myplan.trp --json");
    cmd->callback([o, &ctx] { runBench(*o, ctx); });
}};

} // namespace

} // namespace tokenroute::cli
