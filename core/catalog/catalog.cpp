#include "core/catalog/catalog.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tokenroute {

namespace {

// One table per enum: the catalogue's spelling of each value. Keeping the spelling beside the
// value means toString and fromString cannot drift apart.
template <typename E, std::size_t N>
using Names = std::array<std::pair<E, const char *>, N>;

template <typename E, std::size_t N>
std::string nameOf(const Names<E, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return name;
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Names<E, N> &names, const std::string &s)
{
    for (const auto &[v, name] : names)
        if (s == name)
            return v;
    return std::nullopt;
}

constexpr Names<Precision, 5> kPrecisions{{
    {Precision::FP32, "fp32"},
    {Precision::BF16, "bf16"},
    {Precision::FP8, "fp8"},
    {Precision::FP4, "fp4"},
    {Precision::INT4, "int4"},
}};

constexpr Names<DeviceCategory, 8> kCategories{{
    {DeviceCategory::DatacenterGpu, "datacenter-gpu"},
    {DeviceCategory::ConsumerGpu, "consumer-gpu"},
    {DeviceCategory::PrefillAccelerator, "prefill-accelerator"},
    {DeviceCategory::SramEngine, "sram-engine"},
    {DeviceCategory::Tpu, "tpu"},
    {DeviceCategory::Asic, "asic"},
    {DeviceCategory::Cpu, "cpu"},
    {DeviceCategory::EdgeSoc, "edge-soc"},
}};

constexpr Names<ServerKind, 5> kServerKinds{{
    {ServerKind::Server, "server"},
    {ServerKind::RackSystem, "rack-system"},
    {ServerKind::Switch, "switch"},
    {ServerKind::Pdu, "pdu"},
    {ServerKind::Blank, "blank"},
}};

constexpr Names<LinkKind, 5> kLinkKinds{{
    {LinkKind::NvLink, "nvlink"},
    {LinkKind::Pcie, "pcie"},
    {LinkKind::InfiniBand, "infiniband"},
    {LinkKind::Ethernet, "ethernet"},
    {LinkKind::ChipToChip, "chip-to-chip"},
}};

constexpr Names<TierKind, 8> kTierKinds{{
    {TierKind::Sram, "sram"},
    {TierKind::Hbm, "hbm"},
    {TierKind::Gddr, "gddr"},
    {TierKind::Lpddr, "lpddr"},
    {TierKind::HostDram, "host-dram"},
    {TierKind::Cxl, "cxl"},
    {TierKind::Nvme, "nvme"},
    {TierKind::Remote, "remote"},
}};

template <typename T>
const T *findById(const std::vector<T> &items, const std::string &id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

double bytesPer(Precision p)
{
    switch (p) {
    case Precision::FP32: return 4.0;
    case Precision::BF16: return 2.0;
    case Precision::FP8: return 1.0;
    case Precision::FP4:
    case Precision::INT4: return 0.5; // two values packed per byte
    }
    return 2.0;
}

std::string toString(Precision p) { return nameOf(kPrecisions, p); }
std::optional<Precision> precisionFromString(const std::string &s) { return valueOf(kPrecisions, s); }

std::string toString(DeviceCategory c) { return nameOf(kCategories, c); }
std::optional<DeviceCategory> deviceCategoryFromString(const std::string &s) { return valueOf(kCategories, s); }

std::string toString(ServerKind k) { return nameOf(kServerKinds, k); }
std::optional<ServerKind> serverKindFromString(const std::string &s) { return valueOf(kServerKinds, s); }

std::string toString(LinkKind k) { return nameOf(kLinkKinds, k); }
std::optional<LinkKind> linkKindFromString(const std::string &s) { return valueOf(kLinkKinds, s); }

std::string toString(TierKind k) { return nameOf(kTierKinds, k); }
std::optional<TierKind> tierKindFromString(const std::string &s) { return valueOf(kTierKinds, s); }

const Accelerator *Catalog::accelerator(const std::string &id) const { return findById(accelerators, id); }
const ServerSpec *Catalog::server(const std::string &id) const { return findById(servers, id); }
const LinkType *Catalog::link(const std::string &id) const { return findById(links, id); }
const MemoryTierSpec *Catalog::tier(const std::string &id) const { return findById(tiers, id); }
const ModelSpec *Catalog::model(const std::string &id) const { return findById(models, id); }
const WorkloadPreset *Catalog::preset(const std::string &id) const { return findById(presets, id); }

} // namespace tokenroute
