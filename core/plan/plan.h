#pragma once
// The plan: the user's document. Racks hold placed items (servers, switches, PDUs, blanks) at U
// positions; servers are grouped into pools by role; links join items; workloads describe the
// demand; policies hold the knobs the router and cost model read. Plain values with integer ids
// (stable across save/load, referenced by links and pools) so that the SQLite store, the JSON form
// and the UI's undo commands all speak the same language.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"

namespace tokenroute {

enum class Cooling { Air, Liquid };
std::string toString(Cooling c);
std::optional<Cooling> coolingFromString(const std::string &s);

enum class PoolRole { Prefill, Decode, Combined, Edge };
std::string toString(PoolRole r);
std::optional<PoolRole> poolRoleFromString(const std::string &s);

struct Rack {
    int id = 0;
    std::string name;
    int units = 42;               // 42U or 48U
    double powerBudgetKw = 0;
    Cooling cooling = Cooling::Air;
    double maxWeightKg = 0;       // 0 = not stated
    int row = 0;                  // rows of elevations in the designer
    int position = 0;             // order within the row

    bool operator==(const Rack &) const = default;
};

struct PlacedItem {
    int id = 0;
    std::string name;
    std::string catalogId;        // ServerSpec id
    int rackId = 0;
    int uPosition = 1;            // lowest U occupied, 1-based from the bottom
    int poolId = 0;               // 0 = in no pool

    bool operator==(const PlacedItem &) const = default;
};

struct Pool {
    int id = 0;
    std::string name;
    PoolRole role = PoolRole::Combined;
    Precision weights = Precision::BF16;
    Precision kv = Precision::BF16;
    int tp = 0;                   // 0 = choose automatically
    int pp = 1;
    int ep = 1;
    double memoryFraction = 0.9;  // share of device memory the engine may use (vLLM gpu_memory_utilization)
    std::string tierIds;          // comma-separated memory tier ids below device memory (KV offload)
    double edgeDeviceCount = 0;   // edge pools: number of devices in the field (not in racks)
    std::string edgeDeviceId;     // edge pools: accelerator id of the field device

    bool operator==(const Pool &) const = default;
};

struct Link {
    int id = 0;
    int fromItem = 0;             // PlacedItem ids
    int toItem = 0;
    std::string linkTypeId;       // LinkType id
    int lanes = 1;                // parallel links of this type

    bool operator==(const Link &) const = default;
};

enum class Tag {
    PrefillHeavy, DecodeHeavy,
    LongContext, ShortContext,
    Interactive, Batch,
    SmallModel, SramResident, LargeModel,
    Edge, DataCentre
};
std::string toString(Tag t);
std::optional<Tag> tagFromString(const std::string &s);

// The five tag axes; an override replaces the derived value on one axis.
enum class TagAxis { Phase, Context, Latency, ModelSize, Placement };
std::string toString(TagAxis a);
std::optional<TagAxis> tagAxisFromString(const std::string &s);

struct Workload {
    int id = 0;
    std::string name;
    std::string modelId;          // catalogue model id, or "import:<name>" for an imported config
    double ratePerS = 0;          // requests per second
    double inputMean = 0, inputP90 = 0;
    double outputMean = 0, outputP90 = 0;
    double prefixReuse = 0;       // 0..1
    double ttftSloMs = 0, tpotSloMs = 0;
    bool interactive = true;
    bool edge = false;
    std::map<TagAxis, Tag> tagOverrides;

    bool operator==(const Workload &) const = default;
};

enum class RoutePolicy { Cost, Latency, Rules };
std::string toString(RoutePolicy p);
std::optional<RoutePolicy> routePolicyFromString(const std::string &s);

struct Policies {
    RoutePolicy routePolicy = RoutePolicy::Cost;
    double amortisationYears = 4;       // typical accelerator depreciation schedule
    double electricityUsdPerKwh = 0.08; // US industrial average order of magnitude
    double pue = 1.3;
    double costCapUsdPerHour = 0;       // latency policy: 0 = no cap
    bool useCloudPrices = false;

    bool operator==(const Policies &) const = default;
};

struct Plan {
    std::string name;
    std::string description;
    std::vector<Rack> racks;
    std::vector<PlacedItem> items;
    std::vector<Pool> pools;
    std::vector<Link> links;
    std::vector<Workload> workloads;
    std::vector<ModelSpec> importedModels; // HF configs the user imported, kept with the plan
    Policies policies;

    const Rack *rack(int id) const;
    const PlacedItem *item(int id) const;
    const Pool *pool(int id) const;
    const Workload *workload(int id) const;
    int nextId() const;               // one id space for all entities keeps links unambiguous

    bool operator==(const Plan &) const = default;
};

} // namespace tokenroute
