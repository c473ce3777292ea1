// `tokenroute-cli estimate` and `tokenroute-cli curve`: the performance model for one model on one
// kind of device. estimate prints one operating point (TTFT, TPOT, throughput, memory, cost, the
// binding resource and the uncertainty band); curve sweeps the concurrency and prints throughput
// per device against speed per user, the curve hardware is compared by. The JSON keys are a
// contract scripts rely on: add keys, never rename them.

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/model/hfconfig.h"
#include "core/perf/calibrationstore.h"
#include "core/perf/perfmodel.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {

using nlohmann::json;

struct EstimateOptions {
    std::string model;
    std::string device;
    int count = 0;        // 0 = smallest count that holds the model
    int tp = 0;           // 0 = the count (SRAM engines: 1, the chips form a pipeline)
    int pp = 0;           // 0 = 1 (SRAM engines: the count)
    int ep = 1;
    std::string weights = "bf16";
    std::string kv = "bf16";
    double input = 1000;
    double output = 200;
    std::string concurrency = "max";
    double memoryFraction = 0.9;
    double accepted = 1;
    bool cloud = false;
    bool json = false;
    std::string calibrationPlan;                 // --calibration PLAN
    std::optional<StoredCalibration> stored;     // its latest benchmark, read before resolving
};

struct Resolved {
    ModelArch arch;
    std::string modelLabel;
    const Accelerator *device = nullptr;
    DeviceSetup setup;
    int concurrency = 0;  // 0 = max
};

const std::string kOptionsFile = "<options>";

Precision parsePrecision(const std::string &flag, const std::string &value)
{
    const auto p = precisionFromString(value);
    if (!p || *p == Precision::FP32)
        throw InputError(kOptionsFile, flag, "one of bf16, fp8, fp4, int4; got '" + value + "'");
    return *p;
}

ModelArch resolveModel(const Catalog &catalog, const std::string &id, std::string &label)
{
    if (const ModelSpec *m = catalog.model(id)) {
        label = m->id;
        return m->arch;
    }
    // Anything that is not a catalogue id and names a file is read as a Hugging Face config.json.
    if (std::filesystem::is_regular_file(id)) {
        label = id;
        return loadHfConfig(id);
    }
    std::string known;
    for (const ModelSpec &m : catalog.models)
        known += (known.empty() ? "" : ", ") + m.id;
    throw InputError(kOptionsFile, "--model", "a catalogue model id or a config.json path; '" + id + "' is neither (known: " + known + ")");
}

std::string gb(double bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
    return buf;
}

// Says on stderr what a stored calibration changed, or why it was not used.
void applyStoredCalibration(const EstimateOptions &o, const Accelerator &device, Calibration &cal)
{
    if (!calibrationMatches(*o.stored, device)) {
        std::cerr << "calibration: not applied: " << o.calibrationPlan << " measured " << o.stored->deviceName << " ("
                  << o.stored->deviceId << "), not " << device.id << '\n';
        return;
    }
    const std::vector<std::string> replaced = applyCalibration(*o.stored, device, cal);
    if (replaced.empty())
        std::cerr << "calibration: " << o.calibrationPlan << " measured no factor; catalogue defaults kept\n";
    for (const std::string &line : replaced)
        std::cerr << "calibration: " << line << "  (" << cal.source << ")\n";
}

Resolved resolve(EstimateOptions &o, Context &ctx, bool wantConcurrency)
{
    if (!o.calibrationPlan.empty()) {
        o.stored = latestStoredCalibration(o.calibrationPlan);
        if (!o.stored)
            throw InputError(o.calibrationPlan, "results", "a stored \"benchmark\" result (run the Benchmarks tab's Save to plan)");
    }
    const Catalog &catalog = ctx.catalog();
    Resolved r;
    r.arch = resolveModel(catalog, o.model, r.modelLabel);
    r.device = catalog.accelerator(o.device);
    // The measured machine is a device too: --device this-machine-cpu with --calibration PLAN.
    if (!r.device && o.stored && o.stored->thisMachine && o.device == o.stored->deviceId)
        r.device = &*o.stored->thisMachine;
    if (!r.device) {
        std::string known;
        for (const Accelerator &a : catalog.accelerators)
            known += (known.empty() ? "" : ", ") + a.id;
        throw InputError(kOptionsFile, "--device", "a catalogue device id; '" + o.device + "' is not one (known: " + known + ")");
    }
    if (!(o.input >= 1))
        throw InputError(kOptionsFile, "--input", "at least 1 prompt token");
    if (!(o.output >= 1))
        throw InputError(kOptionsFile, "--output", "at least 1 output token");
    if (o.count < 0 || o.tp < 0 || o.pp < 0 || o.ep < 1)
        throw InputError(kOptionsFile, "--count/--tp/--pp/--ep", "positive numbers");
    if (!(o.memoryFraction > 0 && o.memoryFraction <= 1))
        throw InputError(kOptionsFile, "--memory-fraction", "a fraction in (0, 1]");
    if (!(o.accepted >= 1))
        throw InputError(kOptionsFile, "--accepted-tokens", "at least 1 token per decode step");
    const Precision weights = parsePrecision("--weights", o.weights);
    const Precision kv = parsePrecision("--kv", o.kv);
    if (kv != Precision::BF16 && kv != Precision::FP8)
        throw InputError(kOptionsFile, "--kv", "bf16 or fp8; got '" + o.kv + "'");
    const PrecisionPlan plan = resolvePrecision(*r.device, weights);
    if (plan.path == PrecisionPath::Unsupported)
        throw InputError(kOptionsFile, "--weights", plan.note);
    if (wantConcurrency && o.concurrency != "max") {
        try {
            std::size_t used = 0;
            r.concurrency = std::stoi(o.concurrency, &used);
            if (used != o.concurrency.size())
                throw std::invalid_argument("trailing text");
        } catch (const std::exception &) {
            throw InputError(kOptionsFile, "--concurrency", "a positive number or 'max'; got '" + o.concurrency + "'");
        }
        if (r.concurrency < 1)
            throw InputError(kOptionsFile, "--concurrency", "a positive number or 'max'; got '" + o.concurrency + "'");
    }

    const int needed = minDevicesFor(r.arch, *r.device, weights, kv, o.memoryFraction);
    int count = o.count;
    if (count == 0) {
        if (needed == 0)
            throw InputError(kOptionsFile, "--count",
                             r.modelLabel + " does not fit on any count of " + r.device->id + " at " + o.weights +
                                 " weights (" + gb(storedWeightBytes(r.arch, weights)) + " of weights)");
        count = needed;
    }
    DeviceSetup &s = r.setup;
    s.device = r.device;
    // SRAM engines chain their chips as pipeline stages; everything else is tensor-parallel over the count.
    if (r.device->weightsInSram) {
        // One layer per chip at most; more chips than layers share each layer tensor-parallel.
        s.tp = o.tp > 0 ? o.tp : std::max(1, (count + r.arch.layers - 1) / r.arch.layers);
        s.pp = o.pp > 0 ? o.pp : std::max(1, (count + s.tp - 1) / s.tp);
        if (o.count == 0)
            count = s.tp * s.pp;
    } else {
        s.pp = o.pp > 0 ? o.pp : 1;
        s.tp = o.tp > 0 ? o.tp : std::max(1, count / s.pp);
    }
    s.count = count;
    s.ep = o.ep;
    s.weights = weights;
    s.kv = kv;
    s.memoryFraction = o.memoryFraction;
    s.acceptedTokensPerStep = o.accepted;
    if (o.stored)
        applyStoredCalibration(o, *r.device, s.cal);
    validate(r.arch, s);

    const MemoryBudget mb = memoryBudget(r.arch, s);
    const double kvPerRequest = mb.kvBytesPerToken * (o.input + o.output);
    const bool fitsOne = mb.fits && mb.kvCapacityBytes >= kvPerRequest;
    if (!fitsOne) {
        const double needPerReplica = mb.weightBytes + mb.activationPeakBytes + mb.runtimeBytes + kvPerRequest;
        throw InputError(kOptionsFile, "--count",
                         r.modelLabel + " does not fit " + std::to_string(s.tp * s.pp) + " x " + r.device->id + " (" +
                             gb(mb.usableBytes) + " usable): it needs " + gb(needPerReplica) + " (weights " + gb(mb.weightBytes) +
                             ", activations " + gb(mb.activationPeakBytes) + ", runtime " + gb(mb.runtimeBytes) +
                             ", KV for one request " + gb(kvPerRequest) + "); " +
                             (needed > 0 ? std::to_string(needed) + " x " + r.device->id + " would suffice"
                                         : "no count of " + r.device->id + " holds it"));
    }
    if (plan.path == PrecisionPath::WeightOnly)
        std::cerr << "note: " << plan.note << '\n';
    return r;
}

CostInputs costFor(const EstimateOptions &o)
{
    CostInputs c;
    c.useCloudPrices = o.cloud;
    return c;
}

void addOptions(CLI::App *cmd, EstimateOptions &o, bool withConcurrency)
{
    cmd->add_option("--model", o.model, "Catalogue model id, or a Hugging Face config.json")->required();
    cmd->add_option("--device", o.device, "Catalogue device id")->required();
    cmd->add_option("--count", o.count, "Devices (default: the smallest count that holds the model)");
    cmd->add_option("--tp", o.tp, "Tensor-parallel ways per replica (default: the count; SRAM engines: count / layers)");
    cmd->add_option("--pp", o.pp, "Pipeline stages per replica (default 1; SRAM engines: one stage per chip, up to the layers)");
    cmd->add_option("--ep", o.ep, "Expert-parallel ways (MoE models)");
    cmd->add_option("--weights", o.weights, "Weight precision: bf16, fp8, fp4 or int4");
    cmd->add_option("--kv", o.kv, "KV-cache precision: bf16 or fp8");
    cmd->add_option("--input", o.input, "Prompt tokens per request");
    cmd->add_option("--output", o.output, "Output tokens per request");
    if (withConcurrency)
        cmd->add_option("--concurrency", o.concurrency, "Requests in flight, whole setup: a number or 'max'");
    cmd->add_option("--memory-fraction", o.memoryFraction, "Share of device memory the engine may use");
    cmd->add_option("--accepted-tokens", o.accepted, "Speculative decoding / MTP: mean tokens accepted per step");
    cmd->add_flag("--cloud", o.cloud, "Cost at the device's cloud hourly price instead of capex + power");
    cmd->add_option("--calibration", o.calibrationPlan,
                    "Plan file whose latest stored benchmark replaces the device's efficiency factors when it measured that device");
    cmd->add_flag("--json", o.json, "Print JSON");
}

json estimateJson(const Resolved &r, const Estimate &e)
{
    const Band &t = e.ttftBand, &p = e.tpotBand, &q = e.throughputBand;
    const PrecisionPlan plan = e.decode.precision;
    json j = {
        {"model", r.modelLabel},
        {"device", r.device->id},
        {"count", r.setup.count},
        {"tp", r.setup.tp},
        {"pp", r.setup.pp},
        {"ep", r.setup.ep},
        {"replicas", e.replicas},
        {"weights", toString(r.setup.weights)},
        {"kv", toString(r.setup.kv)},
        {"compute_precision", toString(plan.compute)},
        {"precision_note", plan.note},
        {"input_tokens", e.inputTokens},
        {"output_tokens", e.outputTokens},
        {"concurrency", e.concurrency},
        {"max_concurrency", e.maxConcurrency},
        {"fits", e.fits},
        {"ttft_ms", 1e3 * e.ttftS},
        {"ttft_ms_low", 1e3 * t.lowerTime(e.ttftS)},
        {"ttft_ms_high", 1e3 * t.upperTime(e.ttftS)},
        {"tpot_ms", 1e3 * e.tpotS},
        {"tpot_ms_low", 1e3 * p.lowerTime(e.tpotS)},
        {"tpot_ms_high", 1e3 * p.upperTime(e.tpotS)},
        {"e2e_ms", 1e3 * e.e2eS},
        {"e2e_ms_low", 1e3 * p.lowerTime(e.e2eS)},
        {"e2e_ms_high", 1e3 * p.upperTime(e.e2eS)},
        {"output_tokens_per_s", e.outputTokensPerS},
        {"output_tokens_per_s_low", q.lower(e.outputTokensPerS)},
        {"output_tokens_per_s_high", q.upper(e.outputTokensPerS)},
        {"output_tokens_per_s_per_user", e.outputTokensPerSPerUser},
        {"input_tokens_per_s", e.inputTokensPerS},
        {"requests_per_s", e.requestsPerS},
        {"weights_gb", e.memory.weightBytes / 1e9},
        {"activation_peak_gb", e.memory.activationPeakBytes / 1e9},
        {"runtime_gb", e.memory.runtimeBytes / 1e9},
        {"kv_capacity_gb", e.memory.kvCapacityBytes / 1e9},
        {"kv_tokens", e.memory.kvTokens},
        {"kv_gb_per_request", e.kvBytesPerRequest / 1e9},
        {"memory_tier", toString(e.memory.tier)},
        {"prefill_bound", toString(e.prefillBound)},
        {"decode_bound", toString(e.decodeBound)},
        {"usd_per_hour", e.usdPerHour},
        {"usd_per_million_input_tokens", e.usdPerMillionInput},
        {"usd_per_million_output_tokens", e.usdPerMillionOutput},
        {"usd_per_million_output_tokens_low", e.usdPerMillionOutput / (1 + q.high)},
        {"usd_per_million_output_tokens_high", e.usdPerMillionOutput / (1 + q.low)},
        {"joules_per_output_token", e.joulesPerOutputToken},
        {"power_w", e.powerW},
    };
    return j;
}

void printEstimate(const Resolved &r, const Estimate &e)
{
    auto line = [](const char *label, const std::string &value) { std::printf("%-28s %s\n", label, value.c_str()); };
    auto fmt = [](const char *f, auto... v) {
        char buf[160];
        std::snprintf(buf, sizeof buf, f, v...);
        return std::string(buf);
    };
    const Band &t = e.ttftBand, &p = e.tpotBand, &q = e.throughputBand;
    line("model", r.modelLabel);
    line("devices", fmt("%d x %s  (tp %d, pp %d, ep %d; %d replica%s)", r.setup.count, r.device->id.c_str(), r.setup.tp,
                        r.setup.pp, r.setup.ep, e.replicas, e.replicas == 1 ? "" : "s"));
    line("precision", fmt("weights %s, KV %s, compute %s", toString(r.setup.weights).c_str(), toString(r.setup.kv).c_str(),
                          toString(e.decode.precision.compute).c_str()));
    line("request", fmt("%.0f in, %.0f out; concurrency %d (max %d)", e.inputTokens, e.outputTokens, e.concurrency, e.maxConcurrency));
    line("TTFT", fmt("%.1f ms  [%.1f, %.1f]  %s-bound", 1e3 * e.ttftS, 1e3 * t.lowerTime(e.ttftS), 1e3 * t.upperTime(e.ttftS),
                     toString(e.prefillBound).c_str()));
    line("TPOT", fmt("%.2f ms  [%.2f, %.2f]  %s-bound", 1e3 * e.tpotS, 1e3 * p.lowerTime(e.tpotS), 1e3 * p.upperTime(e.tpotS),
                     toString(e.decodeBound).c_str()));
    line("end to end", fmt("%.0f ms", 1e3 * e.e2eS));
    line("output tokens/s", fmt("%.0f  [%.0f, %.0f]  (%.1f per user, %.0f per device)", e.outputTokensPerS,
                                q.lower(e.outputTokensPerS), q.upper(e.outputTokensPerS), e.outputTokensPerSPerUser,
                                e.outputTokensPerS / std::max(1, e.devices)));
    line("requests/s", fmt("%.2f", e.requestsPerS));
    line("memory per replica", fmt("weights %.1f GB, activations %.1f GB, runtime %.1f GB, KV %.1f GB (%lld tokens)",
                                   e.memory.weightBytes / 1e9, e.memory.activationPeakBytes / 1e9, e.memory.runtimeBytes / 1e9,
                                   e.memory.kvCapacityBytes / 1e9, e.memory.kvTokens));
    line("KV per request", fmt("%.3f GB", e.kvBytesPerRequest / 1e9));
    line("cost", fmt("$%.2f/h; $%.3f per M input, $%.3f per M output tokens", e.usdPerHour, e.usdPerMillionInput,
                     e.usdPerMillionOutput));
    line("energy", fmt("%.3f J per output token at %.0f W", e.joulesPerOutputToken, e.powerW));
}

CommandRegistration regEstimate{30, [](CLI::App &app, Context &ctx) {
    auto o = std::make_shared<EstimateOptions>();
    CLI::App *cmd = app.add_subcommand("estimate", "Predict TTFT, TPOT, throughput, memory and cost of a model on a device, "
                                                   "with the binding resource and an uncertainty band");
    addOptions(cmd, *o, true);
    cmd->footer("Example: tokenroute-cli estimate --model llama-3.1-70b --device h200 --weights fp8 --kv fp8 "
                "--input 2048 --output 512 --json");
    cmd->callback([o, &ctx] {
        const Resolved r = resolve(*o, ctx, true);
        const Estimate e = estimate(r.arch, r.setup, o->input, o->output, r.concurrency, costFor(*o));
        if (o->json)
            std::cout << estimateJson(r, e).dump(2) << '\n';
        else
            printEstimate(r, e);
    });
}};

CommandRegistration regCurve{31, [](CLI::App &app, Context &ctx) {
    auto o = std::make_shared<EstimateOptions>();
    CLI::App *cmd = app.add_subcommand("curve", "Sweep concurrency: throughput per device against tokens/s per user, "
                                                "with TTFT and TPOT at each point, up to the largest batch that fits");
    addOptions(cmd, *o, false);
    cmd->footer("Example: tokenroute-cli curve --model llama-3.1-8b --device h100-sxm --weights fp8 --input 1000 --output 200");
    cmd->callback([o, &ctx] {
        const Resolved r = resolve(*o, ctx, false);
        const CostInputs cost = costFor(*o);
        const std::vector<CurvePoint> curve = operatingCurve(r.arch, r.setup, o->input, o->output, cost);
        const Band q = uncertaintyFor(CaseKind::Throughput);
        if (o->json) {
            json points = json::array();
            for (const CurvePoint &p : curve)
                points.push_back({{"concurrency", p.concurrency},
                                  {"output_tokens_per_s_per_device", p.outputTokensPerSPerDevice},
                                  {"output_tokens_per_s_per_device_low", q.lower(p.outputTokensPerSPerDevice)},
                                  {"output_tokens_per_s_per_device_high", q.upper(p.outputTokensPerSPerDevice)},
                                  {"output_tokens_per_s_per_user", p.outputTokensPerSPerUser},
                                  {"ttft_ms", 1e3 * p.ttftS},
                                  {"tpot_ms", 1e3 * p.tpotS},
                                  {"usd_per_million_output_tokens", p.usdPerMillionOutput},
                                  {"decode_bound", toString(p.decodeBound)}});
            std::cout << json{{"model", r.modelLabel},
                              {"device", r.device->id},
                              {"count", r.setup.count},
                              {"tp", r.setup.tp},
                              {"pp", r.setup.pp},
                              {"weights", toString(r.setup.weights)},
                              {"kv", toString(r.setup.kv)},
                              {"input_tokens", o->input},
                              {"output_tokens", o->output},
                              {"max_concurrency", curve.empty() ? 0 : curve.back().concurrency},
                              {"points", points}}
                             .dump(2)
                      << '\n';
            return;
        }
        std::printf("%s on %d x %s (tp %d, pp %d), %s weights, %.0f in / %.0f out; throughput band [%+.0f%%, %+.0f%%]\n",
                    r.modelLabel.c_str(), r.setup.count, r.device->id.c_str(), r.setup.tp, r.setup.pp,
                    toString(r.setup.weights).c_str(), o->input, o->output, 100 * q.low, 100 * q.high);
        std::printf("%11s  %15s  %13s  %9s  %9s  %12s  %s\n", "concurrency", "tok/s/device", "tok/s/user", "TTFT ms",
                    "TPOT ms", "$/M output", "decode bound");
        for (const CurvePoint &p : curve)
            std::printf("%11d  %15.1f  %13.1f  %9.1f  %9.2f  %12.3f  %s\n", p.concurrency, p.outputTokensPerSPerDevice,
                        p.outputTokensPerSPerUser, 1e3 * p.ttftS, 1e3 * p.tpotS, p.usdPerMillionOutput,
                        toString(p.decodeBound).c_str());
    });
}};

} // namespace

} // namespace tokenroute::cli
