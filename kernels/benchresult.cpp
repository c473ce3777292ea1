#include "kernels/benchresult.h"

#include <array>
#include <utility>

namespace tokenroute::kernels {

namespace {
constexpr std::array<std::pair<KernelKind, const char *>, 6> kNames{{
    {KernelKind::PrefillGemm, "prefill_gemm"},
    {KernelKind::PrefillAttention, "prefill_attention"},
    {KernelKind::DecodeGemv, "decode_gemv"},
    {KernelKind::DecodeAttention, "decode_attention"},
    {KernelKind::MemoryBandwidth, "memory_bandwidth"},
    {KernelKind::MemoryLatency, "memory_latency"},
}};
} // namespace

std::string toString(KernelKind k)
{
    for (const auto &[kind, name] : kNames)
        if (kind == k)
            return name;
    return "unknown";
}

std::optional<KernelKind> kernelKindFromString(const std::string &s)
{
    for (const auto &[kind, name] : kNames)
        if (s == name)
            return kind;
    return std::nullopt;
}

} // namespace tokenroute::kernels
