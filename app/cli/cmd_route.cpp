// tokenroute-cli route / size: the router's table with its reasons, and the sizing with the
// aggregated-vs-disaggregated comparison. All words come from core/route/reasons.cpp; this file only
// lays them out (text) or maps the result structs to keys (--json).

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/plan/planio.h"
#include "core/route/routebuilder.h"
#include "core/route/sizing.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {

std::string fmt(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string pad(const std::string &s, std::size_t width)
{
    // Width in code points, so that "→" does not count as three columns.
    std::size_t cps = 0;
    for (unsigned char c : s)
        cps += (c & 0xC0) != 0x80;
    return cps >= width ? s + " " : s + std::string(width - cps, ' ');
}

std::string routeLabel(const RouteShare &s) { return s.colocated ? s.prefillName : s.prefillName + " → " + s.decodeName; }

nlohmann::json tagsJson(const std::vector<Tag> &tags)
{
    nlohmann::json j = nlohmann::json::array();
    for (Tag t : tags)
        j.push_back(toString(t));
    return j;
}

nlohmann::json routingJson(const PlanRouting &pr)
{
    const RoutingResult &r = pr.result;
    nlohmann::json out;
    out["policy"] = toString(r.policy);
    out["solved"] = r.solved;
    out["usd_per_hour"] = r.usdPerHour;
    out["unserved_total"] = r.unservedTotal;
    out["workloads"] = nlohmann::json::array();
    for (std::size_t i = 0; i < r.workloads.size(); ++i) {
        const WorkloadRouting &w = r.workloads[i];
        nlohmann::json jw;
        jw["id"] = w.workloadId;
        jw["name"] = w.name;
        jw["tags"] = tagsJson(w.tags);
        if (i < pr.tags.size()) {
            nlohmann::json reasons = nlohmann::json::array();
            for (const TagReason &t : pr.tags[i].reasons)
                reasons.push_back({{"axis", toString(t.axis)},
                                   {"tag", toString(t.tag)},
                                   {"code", toString(t.code)},
                                   {"value", std::isfinite(t.value) ? nlohmann::json(t.value) : nlohmann::json(nullptr)},
                                   {"limit", t.limit},
                                   {"text", describe(t)}});
            jw["tag_reasons"] = reasons;
        }
        jw["routes"] = nlohmann::json::array();
        for (const RouteShare &s : w.routes)
            jw["routes"].push_back({{"prefill_pool", s.prefillName},
                                    {"decode_pool", s.decodeName},
                                    {"prefill_pool_id", s.prefillPool},
                                    {"decode_pool_id", s.decodePool},
                                    {"colocated", s.colocated},
                                    {"share", s.share},
                                    {"requests_per_s", s.ratePerS},
                                    {"usd_per_million_tokens", s.usdPerMillionTokens},
                                    {"ttft_ms", s.ttftMs},
                                    {"tpot_ms", s.tpotMs},
                                    {"kv_transfer_ms", s.transferMs},
                                    {"ttft_margin_ms", s.ttftMarginMs},
                                    {"tpot_margin_ms", s.tpotMarginMs}});
        jw["unserved"] = w.unservedFraction;
        jw["usd_per_million_tokens"] = w.usdPerMillionTokens;
        const Binding &b = w.binding;
        jw["binding"] = {{"kind", toString(b.kind)},
                         {"pool", b.pool},
                         {"link", b.link},
                         {"unit", b.unit},
                         {"saves_usd_per_hour", b.savesUsdPerHour},
                         {"serves_tokens_per_s", b.servesTokensPerS},
                         {"text", describe(b, w.name)}};
        const Alternative &a = w.alternative;
        jw["alternative"] = a.exists ? nlohmann::json{{"prefill_pool", a.prefillPool},
                                                      {"decode_pool", a.decodePool},
                                                      {"usd_per_million_tokens", a.usdPerMillionTokens},
                                                      {"delta_usd_per_million_tokens", a.deltaUsdPerMillionTokens},
                                                      {"meets_slo", a.meetsSlo},
                                                      {"ttft_ms", a.ttftMs},
                                                      {"tpot_ms", a.tpotMs},
                                                      {"text", describe(a, w.name)}}
                                     : nlohmann::json(nullptr);
        out["workloads"].push_back(jw);
    }
    out["links"] = nlohmann::json::array();
    for (const LinkLoad &l : r.links)
        out["links"].push_back({{"id", l.linkId},
                                {"name", l.name},
                                {"kv_bytes_per_s_forward", l.forwardBytesPerS},
                                {"kv_bytes_per_s_backward", l.backwardBytesPerS},
                                {"bandwidth_bytes_per_s", l.bandwidthBytesPerS},
                                {"utilisation", l.utilisation}});
    out["pools"] = nlohmann::json::array();
    for (const PoolLoad &p : r.pools)
        out["pools"].push_back({{"id", p.poolId},
                                {"name", p.name},
                                {"device_utilisation", p.deviceUtilisation},
                                {"kv_utilisation", p.kvUtilisation},
                                {"usd_per_hour_used", p.usdPerHourUsed},
                                {"usd_per_hour_saved_per_extra_device", p.computeShadowUsdPerHour}});
    out["findings"] = nlohmann::json::array();
    for (const Finding &f : r.findings)
        out["findings"].push_back({{"code", toString(f.code)}, {"text", describe(f)}});
    out["flows"] = nlohmann::json::array();
    const char *kinds[] = {"workload", "prefill_pool", "link", "decode_pool"};
    for (const FlowEdge &e : pr.flows.edges)
        out["flows"].push_back({{"from", {{"kind", kinds[int(e.fromKind)]}, {"id", e.fromId}}},
                                {"to", {{"kind", kinds[int(e.toKind)]}, {"id", e.toId}}},
                                {"workload_id", e.workloadId},
                                {"tokens_per_s", e.tokensPerS},
                                {"kv_bytes_per_s", e.kvBytesPerS}});
    return out;
}

void printRouting(const Plan &plan, const PlanRouting &pr)
{
    const RoutingResult &r = pr.result;
    std::cout << "Routing of " << (plan.name.empty() ? std::string("the plan") : plan.name) << " (policy "
              << toString(r.policy) << ")\n"
              << "Device time used: $" << fmt(r.usdPerHour, 2) << "/h; unserved: " << fmt(r.unservedTotal * 100, 1)
              << " % of demanded tokens\n"
              << "($/Mtok prices the device time a route uses per million prompt and output tokens together;\n"
              << " TTFT includes the KV transfer; SLO margins in brackets)\n";
    for (std::size_t i = 0; i < r.workloads.size(); ++i) {
        const WorkloadRouting &w = r.workloads[i];
        std::cout << "\n" << w.name << "  [";
        for (std::size_t k = 0; k < w.tags.size(); ++k)
            std::cout << (k ? ", " : "") << toString(w.tags[k]);
        std::cout << "]  " << fmt(w.demandPerS, 2) << " req/s\n";
        std::cout << "  " << pad("route", 34) << pad("share", 9) << pad("$/Mtok", 10) << pad("TTFT ms", 16)
                  << pad("TPOT ms", 16) << "\n";
        for (const RouteShare &s : w.routes) {
            auto withMargin = [](double v, double margin) {
                return fmt(v, 1) + (margin != 0 ? " (" + std::string(margin >= 0 ? "+" : "") + fmt(margin, 0) + ")" : "");
            };
            std::cout << "  " << pad(routeLabel(s), 34) << pad(fmt(s.share * 100, 1) + " %", 9)
                      << pad(fmt(s.usdPerMillionTokens, 4), 10) << pad(withMargin(s.ttftMs, s.ttftMarginMs), 16)
                      << pad(withMargin(s.tpotMs, s.tpotMarginMs), 16) << "\n";
        }
        if (w.unservedFraction > 0)
            std::cout << "  " << pad("unserved", 34) << fmt(w.unservedFraction * 100, 1) << " %\n";
        std::cout << "  why:  " << describe(w.binding, w.name) << "\n";
        std::cout << "  else: " << describe(w.alternative, w.name) << "\n";
        if (i < pr.tags.size())
            for (const TagReason &t : pr.tags[i].reasons)
                std::cout << "  tag:  " << describe(t) << "\n";
    }
    bool anyLink = false;
    for (const LinkLoad &l : r.links) {
        if (l.forwardBytesPerS <= 0 && l.backwardBytesPerS <= 0)
            continue;
        if (!anyLink)
            std::cout << "\nKV traffic on links\n";
        anyLink = true;
        std::cout << "  " << pad(l.name, 44) << fmt(std::max(l.forwardBytesPerS, l.backwardBytesPerS) / 1e9, 2) << " of "
                  << fmt(l.bandwidthBytesPerS / 1e9, 0) << " GB/s (" << fmt(l.utilisation * 100, 1) << " %)\n";
    }
    std::cout << "\nPools\n";
    for (const PoolLoad &p : r.pools)
        std::cout << "  " << pad(p.name, 24) << "devices " << pad(fmt(p.deviceUtilisation * 100, 1) + " %", 9) << "KV "
                  << pad(fmt(p.kvUtilisation * 100, 1) + " %", 9) << "$" << fmt(p.usdPerHourUsed, 2) << "/h used\n";
    if (!r.findings.empty()) {
        std::cout << "\nFindings\n";
        for (const Finding &f : r.findings)
            std::cout << "  - " << describe(f) << "\n";
    }
}

std::vector<std::string> splitList(const std::string &s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

nlohmann::json solutionJson(const SizingSolution &s)
{
    nlohmann::json j{{"label", s.label},
                     {"solved", s.solved},
                     {"usd_per_hour", s.usdPerHour},
                     {"devices", s.devices},
                     {"unserved_total", s.unservedTotal},
                     {"usd_per_million_tokens", s.usdPerMillionTokens}};
    j["pools"] = nlohmann::json::array();
    for (const SizedPool &p : s.pools)
        j["pools"].push_back({{"device", p.deviceId},
                              {"role", toString(p.role)},
                              {"devices", p.devices},
                              {"replicas", p.replicas},
                              {"prefill_share", p.prefillShare},
                              {"decode_share", p.decodeShare},
                              {"combined_share", p.combinedShare},
                              {"utilisation", p.utilisation},
                              {"kv_utilisation", p.kvUtilisation},
                              {"usd_per_hour", p.usdPerHour}});
    j["routes"] = nlohmann::json::array();
    for (const SizedRoute &r : s.routes)
        j["routes"].push_back({{"workload", r.workload},
                               {"prefill_device", r.prefillDevice},
                               {"decode_device", r.decodeDevice},
                               {"colocated", r.colocated},
                               {"share", r.share},
                               {"ttft_ms", r.ttftMs},
                               {"tpot_ms", r.tpotMs}});
    return j;
}

void printSolution(const SizingSolution &s)
{
    std::cout << s.label << ": ";
    if (!s.solved) {
        std::cout << "no solution found\n";
        return;
    }
    std::cout << s.devices << " devices, $" << fmt(s.usdPerHour, 2) << "/h, $" << fmt(s.usdPerMillionTokens, 3)
              << " per million tokens";
    if (s.unservedTotal > 0)
        std::cout << ", " << fmt(s.unservedTotal * 100, 1) << " % of tokens unserved";
    std::cout << "\n";
    for (const SizedPool &p : s.pools)
        std::cout << "  " << pad(p.deviceId, 16) << pad(toString(p.role), 10) << pad(std::to_string(p.devices) + " devices", 14)
                  << "busy " << pad(fmt(p.utilisation * 100, 0) + " %", 7) << "$" << fmt(p.usdPerHour, 2) << "/h\n";
    for (const SizedRoute &r : s.routes)
        std::cout << "    " << pad(r.workload, 24) << pad(fmt(r.share * 100, 1) + " %", 9)
                  << (r.colocated ? r.prefillDevice : r.prefillDevice + " → " + r.decodeDevice) << "  (TTFT "
                  << fmt(r.ttftMs, 0) << " ms, TPOT " << fmt(r.tpotMs, 1) << " ms)\n";
}

} // namespace

CommandRegistration routeReg{50, [](CLI::App &app, Context &ctx) {
    struct Options {
        std::string plan;
        std::string policy;
        bool json = false;
    };
    auto opt = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("route", "Route every workload of a plan over its pools: where each token is "
                                                "computed, what it costs, and why");
    cmd->add_option("PLAN", opt->plan, "plan file (SQLite or JSON)")->required();
    cmd->add_option("--policy", opt->policy, "cost (default: the plan's), latency or rules")
        ->check(CLI::IsMember({"cost", "latency", "rules"}));
    cmd->add_flag("--json", opt->json, "print one JSON object");
    cmd->footer("Example: tokenroute-cli route data/plans/demo.json --policy rules");
    cmd->callback([opt, &ctx] {
        const Plan plan = loadPlan(opt->plan);
        std::optional<RoutePolicy> policy;
        if (!opt->policy.empty())
            policy = routePolicyFromString(opt->policy);
        const PlanRouting pr = routePlan(plan, ctx.catalog(), policy);
        if (opt->json)
            std::cout << routingJson(pr).dump(2) << '\n';
        else
            printRouting(plan, pr);
    });
}};

CommandRegistration sizeReg{51, [](CLI::App &app, Context &ctx) {
    struct Options {
        std::string plan;
        std::string devices;
        bool json = false;
    };
    auto opt = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("size", "Size the fleet for a plan's workloads: devices per type at minimum cost, "
                                               "against one homogeneous GPU pool");
    cmd->add_option("PLAN", opt->plan, "plan file (SQLite or JSON)")->required();
    cmd->add_option("--devices", opt->devices,
                    "comma-separated accelerator ids to choose from (default: those of the plan's pools)");
    cmd->add_flag("--json", opt->json, "print one JSON object");
    cmd->footer("Example: tokenroute-cli size data/plans/demo.json --devices h100-sxm,h200,rubin-cpx,groq-lpu");
    cmd->callback([opt, &ctx] {
        const Plan plan = loadPlan(opt->plan);
        const SizingProblem problem = buildSizingProblem(plan, ctx.catalog(), splitList(opt->devices));
        if (problem.devices.empty())
            throw InputError(opt->plan, "pools", "at least one data-centre pool with a known accelerator, or --devices");
        const SizingResult r = size(problem);
        if (opt->json) {
            nlohmann::json j;
            j["disaggregated"] = solutionJson(r.mixed);
            j["homogeneous"] = nlohmann::json::array();
            for (const SizingSolution &h : r.homogeneous)
                j["homogeneous"].push_back(solutionJson(h));
            j["best_homogeneous"] = r.bestHomogeneous >= 0 ? nlohmann::json(r.homogeneous[r.bestHomogeneous].label)
                                                           : nlohmann::json(nullptr);
            j["saving_usd_per_hour"] = r.savingUsdPerHour;
            j["saving_fraction"] = r.savingFraction;
            j["findings"] = nlohmann::json::array();
            for (const Finding &f : r.findings)
                j["findings"].push_back({{"code", toString(f.code)}, {"text", describe(f)}});
            std::cout << j.dump(2) << '\n';
            return;
        }
        std::cout << "Sizing for " << (plan.name.empty() ? std::string("the plan") : plan.name) << " over";
        for (const SizingDevice &d : problem.devices)
            std::cout << " " << d.id;
        std::cout << "\n\n";
        printSolution(r.mixed);
        for (const SizingSolution &h : r.homogeneous) {
            std::cout << "\n";
            printSolution(h);
        }
        if (r.bestHomogeneous >= 0 && r.mixed.solved) {
            const SizingSolution &b = r.homogeneous[r.bestHomogeneous];
            std::cout << "\nDisaggregated vs the best homogeneous pool (" << b.label << "): $" << fmt(r.mixed.usdPerHour, 2)
                      << "/h against $" << fmt(b.usdPerHour, 2) << "/h, "
                      << (r.savingUsdPerHour >= 0 ? "saving " : "costing ") << fmt(std::fabs(r.savingFraction) * 100, 1)
                      << " %.\n";
            if (b.unservedTotal > 0)
                std::cout << "The homogeneous pool still leaves " << fmt(b.unservedTotal * 100, 1)
                          << " % of the tokens unserved: aggregated, no number of its devices meets every SLO.\n";
        }
        if (!r.findings.empty()) {
            std::cout << "\nFindings\n";
            for (const Finding &f : r.findings)
                std::cout << "  - " << describe(f) << "\n";
        }
    });
}};

} // namespace tokenroute::cli
