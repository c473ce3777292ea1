#pragma once
// The catalogue: every piece of hardware, every memory tier, every model and every workload preset
// TokenRoute knows about, loaded from data/catalog/*.json. These are plain value types: the perf
// model, the router and the UI read them and never change them. Provenance is kept beside the
// numbers (one entry per numeric field) rather than wrapping every double, so the model's
// arithmetic stays plain while the UI can still show where each figure came from.
//
// Units are fixed by the field names (decimal GB, TB/s, TFLOP/s, W, kg, µs) so no conversion
// ever happens implicitly.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/modelarch.h"

namespace tokenroute {

enum class Precision { FP32, BF16, FP8, FP4, INT4 };

// Bytes per element at each precision (int4/fp4 pack two values per byte).
double bytesPer(Precision p);
std::string toString(Precision p);
std::optional<Precision> precisionFromString(const std::string &s);

// Where a number came from: a source (spec sheet, paper table, URL) or an estimate with a note.
struct Provenance {
    std::string source;  // empty only when estimate is true
    bool estimate = false;
    std::string note;

    bool operator==(const Provenance &) const = default;
};

// field name -> provenance, e.g. "memory_gb" -> {"https://.../h200 datasheet", false}
using ProvenanceMap = std::map<std::string, Provenance>;

enum class DeviceCategory { DatacenterGpu, ConsumerGpu, PrefillAccelerator, SramEngine, Tpu, Asic, Cpu, EdgeSoc };
std::string toString(DeviceCategory c);
std::optional<DeviceCategory> deviceCategoryFromString(const std::string &s);

struct Accelerator {
    std::string id;      // stable, lowercase-hyphen: "h100-sxm"
    std::string name;
    std::string vendor;
    DeviceCategory category = DeviceCategory::DatacenterGpu;
    std::string status;  // "shipping", "announced"

    // Dense peak throughput per precision in TFLOP/s (TOP/s for int). Absent = not native.
    std::map<Precision, double> peakTflops;

    std::string memoryType;       // "HBM3e", "GDDR7", "SRAM", "LPDDR5X", "DDR5"
    double memoryGb = 0;          // main memory per device (for SRAM engines: on-chip SRAM)
    double memoryBandwidthTBs = 0;
    double sramMb = 0;            // on-chip SRAM / last-level cache
    bool weightsInSram = false;   // LPU-style: weights must be resident in on-chip SRAM

    double scaleUpGBs = 0;        // chip-to-chip bandwidth per device, per direction
    int scaleUpDomain = 1;        // devices in one scale-up domain (NVLink 8, NVL72 72)
    double hostLinkGBs = 0;       // PCIe / C2C to host, per direction

    double tdpW = 0;
    double priceUsd = 0;          // capex per device
    double cloudUsdPerHour = 0;   // 0 = no public price

    // Default efficiency factors (achieved / peak), replaced by calibration when measured.
    double etaCompute = 0.6;
    double etaMemory = 0.8;

    ProvenanceMap provenance;

    bool operator==(const Accelerator &) const = default;
};

enum class ServerKind { Server, RackSystem, Switch, Pdu, Blank };
std::string toString(ServerKind k);
std::optional<ServerKind> serverKindFromString(const std::string &s);

// Anything that occupies rack units: a server, a whole-rack system, a switch, a PDU or a blank.
struct ServerSpec {
    std::string id;
    std::string name;
    ServerKind kind = ServerKind::Server;
    int unitHeight = 1;           // U
    double powerW = 0;            // maximum draw
    double weightKg = 0;
    std::string acceleratorId;    // empty for switches, PDUs, blanks and CPU-only servers
    int acceleratorsPerNode = 0;
    double hostDramGb = 0;
    double nvmeTb = 0;
    int nics = 0;
    double nicGbps = 0;           // per NIC, Gbit/s
    int switchPorts = 0;          // switches only
    double portGbps = 0;          // switches only
    double priceUsd = 0;          // whole server, accelerators included
    ProvenanceMap provenance;

    bool operator==(const ServerSpec &) const = default;
};

enum class LinkKind { NvLink, Pcie, InfiniBand, Ethernet, ChipToChip };
std::string toString(LinkKind k);
std::optional<LinkKind> linkKindFromString(const std::string &s);

struct LinkType {
    std::string id;               // "nvlink4", "ib-ndr-400", "eth-400g", "pcie5-x16"
    std::string name;
    LinkKind kind = LinkKind::Ethernet;
    double bandwidthGBs = 0;      // per direction
    double latencyUs = 0;
    ProvenanceMap provenance;

    bool operator==(const LinkType &) const = default;
};

enum class TierKind { Sram, Hbm, Gddr, Lpddr, HostDram, Cxl, Nvme, Remote };
std::string toString(TierKind k);
std::optional<TierKind> tierKindFromString(const std::string &s);

struct MemoryTierSpec {
    std::string id;               // "hbm3e", "host-dram-pcie5", "nvme-gen5", "remote-rdma-400g"
    std::string name;
    TierKind kind = TierKind::Hbm;
    double bandwidthGBs = 0;      // as seen from the accelerator
    double latencyUs = 0;
    double energyPjPerBit = 0;
    double usdPerGb = 0;
    ProvenanceMap provenance;

    bool operator==(const MemoryTierSpec &) const = default;
};

struct ModelSpec {
    std::string id;               // "llama-3.1-70b"
    std::string name;
    ModelArch arch;               // parsed from the embedded HF config
    double statedTotalParams = 0; // as published (0 = not stated)
    double statedActiveParams = 0;
    ProvenanceMap provenance;

    bool operator==(const ModelSpec &) const = default;
};

struct WorkloadPreset {
    std::string id;               // "agent", "chat", ...
    std::string name;
    std::string description;
    std::string modelId;
    double ratePerS = 0;
    double inputMean = 0, inputP90 = 0;
    double outputMean = 0, outputP90 = 0;
    double prefixReuse = 0;       // fraction of prompt tokens expected to be cached
    double ttftSloMs = 0, tpotSloMs = 0;
    bool interactive = true;
    bool edge = false;
    ProvenanceMap provenance;

    bool operator==(const WorkloadPreset &) const = default;
};

struct Catalog {
    std::vector<Accelerator> accelerators;
    std::vector<ServerSpec> servers;
    std::vector<LinkType> links;
    std::vector<MemoryTierSpec> tiers;
    std::vector<ModelSpec> models;
    std::vector<WorkloadPreset> presets;

    const Accelerator *accelerator(const std::string &id) const;
    const ServerSpec *server(const std::string &id) const;
    const LinkType *link(const std::string &id) const;
    const MemoryTierSpec *tier(const std::string &id) const;
    const ModelSpec *model(const std::string &id) const;
    const WorkloadPreset *preset(const std::string &id) const;
};

// Loads every *.json under dir (accelerators.json, servers.json, links.json, tiers.json,
// models.json, presets.json) and validates it. Throws InputError naming file and field.
Catalog loadCatalog(const std::string &dir);

// Where the catalogue lives: $TOKENROUTE_DATA_DIR, then <exe>/../share/tokenroute/data, then
// the source tree (development builds). Returns the data dir (containing catalog/ and plans/).
std::string findDataDir(const std::string &executablePath = {});

} // namespace tokenroute
