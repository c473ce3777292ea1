#include "core/plan/plan.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tokenroute {

namespace {

// One table per enum gives both directions from a single list, so a new value cannot be added to
// toString and forgotten in fromString. The spellings are what the JSON form and the SQLite
// columns store; changing one breaks every saved plan.
template <typename E, std::size_t N>
using Names = std::array<std::pair<E, const char *>, N>;

constexpr Names<Cooling, 2> kCoolingNames{{{Cooling::Air, "air"}, {Cooling::Liquid, "liquid"}}};

constexpr Names<PoolRole, 4> kPoolRoleNames{{{PoolRole::Prefill, "prefill"},
                                             {PoolRole::Decode, "decode"},
                                             {PoolRole::Combined, "combined"},
                                             {PoolRole::Edge, "edge"}}};

constexpr Names<Tag, 11> kTagNames{{{Tag::PrefillHeavy, "prefill-heavy"},
                                    {Tag::DecodeHeavy, "decode-heavy"},
                                    {Tag::LongContext, "long-context"},
                                    {Tag::ShortContext, "short-context"},
                                    {Tag::Interactive, "interactive"},
                                    {Tag::Batch, "batch"},
                                    {Tag::SmallModel, "small-model"},
                                    {Tag::SramResident, "sram-resident"},
                                    {Tag::LargeModel, "large-model"},
                                    {Tag::Edge, "edge"},
                                    {Tag::DataCentre, "data-centre"}}};

constexpr Names<TagAxis, 5> kTagAxisNames{{{TagAxis::Phase, "phase"},
                                           {TagAxis::Context, "context"},
                                           {TagAxis::Latency, "latency"},
                                           {TagAxis::ModelSize, "model-size"},
                                           {TagAxis::Placement, "placement"}}};

constexpr Names<RoutePolicy, 3> kRoutePolicyNames{{{RoutePolicy::Cost, "cost"},
                                                   {RoutePolicy::Latency, "latency"},
                                                   {RoutePolicy::Rules, "rules"}}};

template <typename E, std::size_t N>
std::string nameOf(const Names<E, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return name;
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Names<E, N> &names, const std::string &s)
{
    for (const auto &[v, name] : names)
        if (s == name)
            return v;
    return std::nullopt;
}

template <typename T>
const T *findById(const std::vector<T> &list, int id)
{
    const auto it = std::find_if(list.begin(), list.end(), [id](const T &x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}

template <typename T>
int maxId(const std::vector<T> &list)
{
    int m = 0;
    for (const T &x : list)
        m = std::max(m, x.id);
    return m;
}

} // namespace

std::string toString(Cooling c) { return nameOf(kCoolingNames, c); }
std::optional<Cooling> coolingFromString(const std::string &s) { return valueOf(kCoolingNames, s); }

std::string toString(PoolRole r) { return nameOf(kPoolRoleNames, r); }
std::optional<PoolRole> poolRoleFromString(const std::string &s) { return valueOf(kPoolRoleNames, s); }

std::string toString(Tag t) { return nameOf(kTagNames, t); }
std::optional<Tag> tagFromString(const std::string &s) { return valueOf(kTagNames, s); }

std::string toString(TagAxis a) { return nameOf(kTagAxisNames, a); }
std::optional<TagAxis> tagAxisFromString(const std::string &s) { return valueOf(kTagAxisNames, s); }

std::string toString(RoutePolicy p) { return nameOf(kRoutePolicyNames, p); }
std::optional<RoutePolicy> routePolicyFromString(const std::string &s) { return valueOf(kRoutePolicyNames, s); }

const Rack *Plan::rack(int id) const { return findById(racks, id); }
const PlacedItem *Plan::item(int id) const { return findById(items, id); }
const Pool *Plan::pool(int id) const { return findById(pools, id); }
const Workload *Plan::workload(int id) const { return findById(workloads, id); }

int Plan::nextId() const
{
    // Links are included although nothing references them: all entities share one id space, so
    // an id alone names one thing in error messages, undo commands and the SQLite rows.
    const int m = std::max({maxId(racks), maxId(items), maxId(pools), maxId(links), maxId(workloads)});
    return m + 1;
}

} // namespace tokenroute
