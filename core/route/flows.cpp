#include "core/route/flows.h"

#include <map>
#include <tuple>

namespace tokenroute {

RouteFlows routeFlows(const RouteProblem &problem, const RoutingResult &result)
{
    using Key = std::tuple<int, int, int, int, int>;   // fromKind, fromId, toKind, toId, workload
    std::map<Key, FlowEdge> merged;
    auto add = [&](FlowNodeKind fk, int fid, FlowNodeKind tk, int tid, int wid, double tokens, double kv) {
        FlowEdge &e = merged[{int(fk), fid, int(tk), tid, wid}];
        e.fromKind = fk;
        e.fromId = fid;
        e.toKind = tk;
        e.toId = tid;
        e.workloadId = wid;
        e.tokensPerS += tokens;
        e.kvBytesPerS += kv;
    };
    for (const WorkloadRouting &w : result.workloads) {
        const RouteWorkload *wl = nullptr;
        for (const RouteWorkload &x : problem.workloads)
            if (x.id == w.workloadId)
                wl = &x;
        if (!wl)
            continue;
        for (const RouteShare &s : w.routes) {
            const double prompt = s.ratePerS * wl->inputTokens;
            const double output = s.ratePerS * wl->outputTokens;
            add(FlowNodeKind::Workload, w.workloadId, FlowNodeKind::PrefillPool, s.prefillPool, w.workloadId, prompt, 0);
            const RoutePath *path = s.colocated ? nullptr : problem.path(s.prefillPool, s.decodePool);
            const double kv = s.colocated ? 0 : s.ratePerS * wl->kvTransferBytes;
            if (!path || path->links.empty()) {
                add(FlowNodeKind::PrefillPool, s.prefillPool, FlowNodeKind::DecodePool, s.decodePool, w.workloadId, prompt,
                    kv);
            } else {
                FlowNodeKind fk = FlowNodeKind::PrefillPool;
                int fid = s.prefillPool;
                for (const LinkUse &u : path->links) {
                    add(fk, fid, FlowNodeKind::Link, u.linkId, w.workloadId, prompt, kv);
                    fk = FlowNodeKind::Link;
                    fid = u.linkId;
                }
                add(fk, fid, FlowNodeKind::DecodePool, s.decodePool, w.workloadId, prompt, kv);
            }
            add(FlowNodeKind::DecodePool, s.decodePool, FlowNodeKind::Workload, w.workloadId, w.workloadId, output, 0);
        }
    }
    RouteFlows out;
    for (auto &[key, e] : merged)
        out.edges.push_back(e);
    out.links = result.links;
    return out;
}

} // namespace tokenroute
