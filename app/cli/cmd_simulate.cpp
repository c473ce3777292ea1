// tokenroute-cli simulate / cache-sweep: replay a trace (or a generated stream) through a routed plan
// and report latency distributions, goodput and cache hits per tier; or chart the prefix-cache hit
// ratio of a trace against capacity. Progress goes to stderr, results to stdout.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/plan/planio.h"
#include "core/sim/cachesweep.h"
#include "core/sim/generator.h"
#include "core/sim/simplan.h"
#include "core/sim/simulator.h"
#include "core/sim/simjson.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {

std::string fmt(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

TraceFormat formatFor(const std::string &path, const std::string &name)
{
    if (name.empty())
        return detectTraceFormat(path);
    const auto f = traceFormatFromString(name);
    if (!f)
        throw InputError("--format", "", "expected mooncake, azure or burstgpt, got '" + name + "'");
    return *f;
}

nlohmann::json skippedJson(const TraceReader &r)
{
    nlohmann::json first = nlohmann::json::array();
    for (const auto &s : r.firstSkipped())
        first.push_back({{"line", s.line}, {"reason", s.reason}});
    return {{"lines", r.linesRead()},
            {"requests", r.requestsRead()},
            {"skipped", r.skippedLines()},
            {"filtered", r.filteredLines()},
            {"reordered", r.reorderedLines()},
            {"first_skipped", first}};
}

void warnSkipped(const TraceReader &r)
{
    if (r.skippedLines() == 0 && r.reorderedLines() == 0)
        return;
    std::cerr << "warning: " << r.path() << ": " << r.skippedLines() << " malformed line(s) skipped";
    if (!r.firstSkipped().empty())
        std::cerr << " (first: line " << r.firstSkipped()[0].line << ", " << r.firstSkipped()[0].reason << ")";
    if (r.reorderedLines() > 0)
        std::cerr << "; " << r.reorderedLines() << " out-of-order timestamp(s) held at the previous arrival";
    std::cerr << "; use --strict to stop at the first\n";
}

nlohmann::json resultJson(const SimResult &r)
{
    nlohmann::json j;
    j["requests"] = r.completed;
    j["arrived"] = r.arrived;
    j["rejected"] = r.rejected;
    j["ttft_ms"] = percentilesMsJson(r.ttft);
    j["tpot_ms"] = percentilesMsJson(r.tpot);
    j["e2e_ms"] = percentilesMsJson(r.e2e);
    j["prefill_wait_ms"] = percentilesMsJson(r.prefillWait);
    j["ttft_cdf_ms"] = cdfMsJson(r.ttftCdf);
    j["tpot_cdf_ms"] = cdfMsJson(r.tpotCdf);
    j["goodput_rps"] = r.goodputRps;
    j["throughput_rps"] = r.throughputRps;
    j["prefix_hit_ratio"] = r.prefixHitRatio;
    j["block_hit_ratio"] = r.blockHitRatio;
    j["block_lookups"] = r.blockLookups;
    j["prompt_tokens"] = r.promptTokens;
    j["cached_tokens"] = r.cachedTokens;
    j["output_tokens"] = r.outputTokens;
    j["cache"] = nlohmann::json::array();
    j["pools"] = nlohmann::json::array();
    for (const SimPoolResult &p : r.pools) {
        for (const SimTierResult &t : p.tiers)
            j["cache"].push_back({{"pool", p.name},
                                  {"tier", t.name},
                                  {"capacity_blocks", t.capacityBlocks},
                                  {"hit_blocks", t.hitBlocks},
                                  {"hit_ratio", t.hitRatio},
                                  {"recomputed_blocks", t.recomputedBlocks},
                                  {"loaded_bytes", t.loadedBytes},
                                  {"demotions", t.demotions},
                                  {"evictions", t.evictions}});
        j["pools"].push_back({{"name", p.name},
                              {"kind", toString(p.kind)},
                              {"replicas", p.replicas},
                              {"kv_capacity_tokens", p.kvCapacityTokens},
                              {"peak_decode_waiting", p.peakDecodeWaiting},
                              {"prefills", p.prefills},
                              {"decodes", p.decodes},
                              {"prefill_tokens", p.prefillTokens},
                              {"utilisation", p.utilisation},
                              {"energy_j", p.energyJ},
                              {"utilisation_series", p.utilisationSeries}});
    }
    j["links"] = nlohmann::json::array();
    for (const SimLinkResult &l : r.links)
        j["links"].push_back({{"from", r.pools[static_cast<std::size_t>(l.fromPool)].name},
                              {"to", r.pools[static_cast<std::size_t>(l.toPool)].name},
                              {"transfers", l.transfers},
                              {"bytes", l.bytes}});
    j["energy_j"] = r.energyJ;
    j["mean_in_system"] = r.meanInSystem;
    j["events"] = r.events;
    j["decode_steps"] = r.decodeSteps;
    j["sim_seconds"] = r.simSeconds;
    j["wall_seconds"] = r.wallSeconds;
    j["events_per_second"] = r.wallSeconds > 0 ? static_cast<double>(r.events) / r.wallSeconds : 0;
    j["cancelled"] = r.cancelled;
    return j;
}

void printResult(const nlohmann::json &j, const SimResult &r)
{
    std::cout << "workload " << j["workload"].get<std::string>() << " (" << j["model"].get<std::string>() << "), "
              << r.completed << " requests completed, " << r.rejected << " rejected, over "
              << fmt(r.simSeconds, 1) << " s simulated\n";
    auto line = [](const char *name, const Percentiles &p) {
        std::cout << "  " << name << "  p50 " << fmt(p.p50 * 1e3, 1) << " ms   p90 " << fmt(p.p90 * 1e3, 1)
                  << " ms   p99 " << fmt(p.p99 * 1e3, 1) << " ms   mean " << fmt(p.mean * 1e3, 1) << " ms\n";
    };
    line("TTFT", r.ttft);
    line("TPOT", r.tpot);
    line("E2E ", r.e2e);
    std::cout << "  goodput " << fmt(r.goodputRps, 2) << " req/s of " << fmt(r.throughputRps, 2)
              << " req/s; prefix hit " << fmt(r.prefixHitRatio * 100, 1) << " % of prompt tokens\n";
    for (const SimPoolResult &p : r.pools) {
        std::cout << "  pool " << p.name << " (" << toString(p.kind) << ", " << p.replicas << " replica(s)): "
                  << fmt(p.utilisation * 100, 1) << " % busy";
        for (const SimTierResult &t : p.tiers)
            std::cout << "; " << t.name << " " << t.hitBlocks << " hit blocks (" << fmt(t.hitRatio * 100, 1) << " %)";
        std::cout << '\n';
    }
    std::cout << "  " << r.events << " events in " << fmt(r.wallSeconds, 2) << " s ("
              << fmt(r.wallSeconds > 0 ? static_cast<double>(r.events) / r.wallSeconds / 1e6 : 0, 2) << " M events/s)\n";
}

std::vector<long long> parseCapacities(const std::string &text)
{
    std::vector<long long> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        try {
            std::size_t used = 0;
            const long long v = std::stoll(item, &used);
            if (used != item.size() || v < 0)
                throw std::invalid_argument(item);
            out.push_back(v);
        } catch (const std::exception &) {
            throw InputError("--capacities", item, "expected a comma-separated list of whole numbers of blocks ≥ 0");
        }
    }
    if (out.empty())
        throw InputError("--capacities", "", "expected at least one capacity");
    return out;
}

} // namespace

CommandRegistration simulateReg{70, [](CLI::App &app, Context &ctx) {
    struct Options {
        std::string plan, trace, format, generate, workload, routing = "shares", policy = "lru", requestsCsv, model;
        long long limit = 0;
        double timeScale = 1;
        long long seed = -1;
        bool strict = false, save = false, json = false, skipFailed = false;
    };
    auto opt = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("simulate", "Replay a trace or a generated stream through a routed plan: "
                                                   "TTFT/TPOT/E2E percentiles, goodput, prefix-cache hits per tier");
    cmd->add_option("PLAN", opt->plan, "plan file (SQLite or JSON)")->required();
    auto *trace = cmd->add_option("--trace", opt->trace, "request trace (Mooncake jsonl, Azure CSV or BurstGPT CSV)");
    cmd->add_option("--format", opt->format, "mooncake, azure or burstgpt (default: detected from the file)");
    auto *gen = cmd->add_option("--generate", opt->generate,
                                "generator spec: key=value,... (rate, requests, duration, arrival=poisson|gamma, cv, "
                                "diurnal, period, input, output, turns, think, system, seed); 'workload[,key=value...]' "
                                "starts from the workload's own rate and lengths");
    trace->excludes(gen);
    cmd->add_option("--workload", opt->workload, "workload id or name whose model and SLOs the traffic takes (default: the first)");
    cmd->add_option("--limit", opt->limit, "stop after this many requests")->check(CLI::NonNegativeNumber);
    cmd->add_option("--time-scale", opt->timeScale, "multiply trace arrival times (0.5 = twice the rate)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--seed", opt->seed, "seed for the router's draws and the generator")->check(CLI::NonNegativeNumber);
    cmd->add_option("--routing", opt->routing, "shares (the router's) or kv-aware (longest cached prefix, then load)")
        ->check(CLI::IsMember({"shares", "kv-aware"}));
    cmd->add_option("--policy", opt->policy, "cache policy: lru or s3fifo")->check(CLI::IsMember({"lru", "s3fifo"}));
    cmd->add_flag("--strict", opt->strict, "stop at the first malformed or out-of-order trace line");
    cmd->add_option("--model", opt->model, "BurstGPT: replay only the rows of this model (e.g. ChatGPT)");
    cmd->add_flag("--skip-failed", opt->skipFailed, "BurstGPT: drop rows with zero response tokens (failed requests)");
    cmd->add_option("--requests-csv", opt->requestsCsv, "also write one row per request to this CSV file");
    cmd->add_flag("--save", opt->save, "store the run in the plan file (SQLite plans)");
    cmd->add_flag("--json", opt->json, "print one JSON object");
    cmd->footer("Example: tokenroute-cli simulate data/plans/demo.json --trace mooncake_trace.jsonl --format mooncake "
                "--limit 5000 --json\n         tokenroute-cli simulate data/plans/demo.json --generate "
                "workload,requests=100000,arrival=gamma,cv=2 --routing kv-aware");
    cmd->callback([opt, &ctx] {
        if (opt->trace.empty() && opt->generate.empty())
            throw InputError("simulate", "", "give --trace FILE or --generate SPEC");
        const Plan plan = loadPlan(opt->plan);
        PlanSimOptions po;
        po.workload = opt->workload;
        po.routing = opt->routing == "kv-aware" ? RoutingMode::KvAware : RoutingMode::Shares;
        po.policy = *cachePolicyFromString(opt->policy);
        po.seed = opt->seed >= 0 ? static_cast<std::uint64_t>(opt->seed) : 1;
        const PlanSimulation ps = buildPlanSimulation(plan, ctx.catalog(), po);
        for (const std::string &n : ps.notes)
            std::cerr << "note: " << n << '\n';

        std::unique_ptr<RequestSource> source;
        TraceReader *reader = nullptr;
        nlohmann::json sourceJson;
        if (!opt->trace.empty()) {
            TraceReadOptions ro;
            ro.strict = opt->strict;
            ro.limit = opt->limit;
            ro.timeScale = opt->timeScale;
            ro.model = opt->model;
            ro.skipFailed = opt->skipFailed;
            const TraceFormat f = formatFor(opt->trace, opt->format);
            auto r = std::make_unique<TraceReader>(opt->trace, f, ro);
            reader = r.get();
            source = std::move(r);
            sourceJson = {{"trace", opt->trace}, {"format", toString(f)}, {"time_scale", opt->timeScale}};
        } else {
            std::string spec = opt->generate;
            GeneratorSpec gs;
            const Workload *w = plan.workload(ps.workloadId);
            if (spec == "workload" || spec.rfind("workload,", 0) == 0)
                gs = workloadGeneratorSpec(*w, spec.size() > 9 ? spec.substr(9) : std::string());
            else
                gs = GeneratorSpec::parse(spec);
            if (opt->limit > 0)
                gs.requests = gs.requests > 0 ? std::min(gs.requests, opt->limit) : opt->limit;
            if (opt->seed >= 0)
                gs.seed = static_cast<std::uint64_t>(opt->seed);
            source = std::make_unique<RequestGenerator>(gs);
            sourceJson = {{"generate", spec}, {"seed", gs.seed}};
        }

        std::unique_ptr<std::ofstream> csv;
        SimCallbacks cb;
        if (!opt->requestsCsv.empty()) {
            csv = std::make_unique<std::ofstream>(opt->requestsCsv);
            if (!*csv)
                throw InputError(opt->requestsCsv, "", "cannot write the per-request table");
            *csv << "id,arrival_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,cached_tokens,prefill_pool,"
                    "decode_pool,rejected\n";
            cb.onRequest = [&csv, &ps](const RequestRecord &r) {
                auto name = [&ps](int p) { return p >= 0 ? ps.config.pools[static_cast<std::size_t>(p)].name : std::string(); };
                *csv << r.id << ',' << r.arrivalS << ',' << r.ttftS * 1e3 << ',' << r.tpotS * 1e3 << ',' << r.e2eS * 1e3
                     << ',' << r.inputTokens << ',' << r.outputTokens << ',' << r.cachedTokens << ",\""
                     << name(r.prefillPool) << "\",\"" << name(r.decodePool) << "\"," << (r.rejected ? 1 : 0) << '\n';
            };
        }
        cb.progressEvery = 200000;
        cb.onProgress = [](long long arrived, double simS) {
            std::cerr << "\rsimulating: " << arrived << " requests, " << fmt(simS, 0) << " s simulated" << std::flush;
            return true;
        };
        const SimResult res = simulate(ps.config, *source, cb);
        if (res.events >= cb.progressEvery)
            std::cerr << '\n';
        if (reader)
            warnSkipped(*reader);
        if (res.arrived == 0) {
            const std::string where = reader && reader->skippedLines() > 0
                ? std::to_string(reader->skippedLines()) + " line(s) skipped" : std::string();
            throw InputError(opt->trace.empty() ? std::string("--generate") : opt->trace, where,
                             "no requests to simulate (empty trace or every line malformed)");
        }

        nlohmann::json j = resultJson(res);
        j["plan"] = opt->plan;
        j["workload"] = ps.workloadName;
        j["model"] = ps.modelId;
        j["source"] = sourceJson;
        j["routing"] = toString(ps.config.routing);
        j["policy"] = opt->policy;
        j["slo"] = {{"ttft_ms", ps.config.ttftSloS * 1e3}, {"tpot_ms", ps.config.tpotSloS * 1e3}};
        if (reader)
            j["trace"] = skippedJson(*reader);
        j["notes"] = ps.notes;
        if (opt->save) {
            const std::string label = ps.workloadName + " · "
                + (opt->trace.empty() ? "generated" : opt->trace.substr(opt->trace.find_last_of('/') + 1));
            j["saved_id"] = appendResult(opt->plan, "simulation", label, j.dump());
        }
        if (opt->json)
            std::cout << j.dump(2) << '\n';
        else
            printResult(j, res);
    });
}};

CommandRegistration cacheSweepReg{71, [](CLI::App &app, Context &) {
    struct Options {
        std::string trace, format, capacities, policy = "lru";
        long long limit = 0;
        bool strict = false, json = false;
    };
    auto opt = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("cache-sweep", "Prefix-cache hit ratio of a trace against cache capacity "
                                                      "(timing-free replay: look up, then insert, per request)");
    cmd->add_option("--trace", opt->trace, "request trace with block hash ids (Mooncake jsonl)")->required();
    cmd->add_option("--format", opt->format, "mooncake, azure or burstgpt (default: detected from the file)");
    cmd->add_option("--capacities", opt->capacities, "comma-separated capacities in blocks (512 tokens each)")->required();
    cmd->add_option("--policy", opt->policy, "lru or s3fifo")->check(CLI::IsMember({"lru", "s3fifo"}));
    cmd->add_option("--limit", opt->limit, "stop after this many requests")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--strict", opt->strict, "stop at the first malformed or out-of-order trace line");
    cmd->add_flag("--json", opt->json, "print a JSON list of {capacity_blocks, block_hit_ratio, token_hit_ratio}");
    cmd->footer("Example: tokenroute-cli cache-sweep --trace mooncake_trace.jsonl --format mooncake "
                "--capacities 1000,10000,50000,100000");
    cmd->callback([opt] {
        const auto caps = parseCapacities(opt->capacities);
        TraceReadOptions ro;
        ro.strict = opt->strict;
        ro.limit = opt->limit;
        const TraceFormat f = formatFor(opt->trace, opt->format);
        TraceReader reader(opt->trace, f, ro);
        const auto points = cacheSweep(reader, caps, *cachePolicyFromString(opt->policy));
        warnSkipped(reader);
        if (reader.requestsRead() == 0)
            throw InputError(opt->trace, "", "no requests in the trace");
        if (f != TraceFormat::Mooncake)
            std::cerr << "warning: " << toString(f) << " traces carry no block hash ids: every look-up misses\n";
        if (opt->json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto &p : points)
                j.push_back({{"capacity_blocks", p.capacityBlocks},
                             {"block_hit_ratio", p.blockHitRatio},
                             {"token_hit_ratio", p.tokenHitRatio},
                             {"hit_blocks", p.hitBlocks},
                             {"block_lookups", p.blockLookups}});
            std::cout << j.dump(2) << '\n';
            return;
        }
        std::cout << reader.requestsRead() << " requests, " << (points.empty() ? 0 : points[0].blockLookups)
                  << " block look-ups, policy " << opt->policy << "\n";
        std::cout << "  capacity (blocks)   ≈ tokens     block hit   token hit\n";
        for (const auto &p : points) {
            char row[160];
            std::snprintf(row, sizeof row, "  %17lld   %9.2fM   %9.4f   %9.4f\n", p.capacityBlocks,
                          static_cast<double>(p.capacityBlocks) * kMooncakeBlockTokens / 1e6, p.blockHitRatio,
                          p.tokenHitRatio);
            std::cout << row;
        }
    });
}};

} // namespace tokenroute::cli
