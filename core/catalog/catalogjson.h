#pragma once
// The catalogue's JSON form, outward: each entry written back in the shape loadCatalog reads
// (every number as {"value", "source"} or {"value", "estimate", "note"}), so that what the CLI
// prints with --json, what a plan embeds as an override, and what the loader accepts are one format.
// A model is the exception: the catalogue keeps the parsed architecture, not the HF config it came
// from, so a model is written with its derived shape (read-only) rather than as loadable input.

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"

namespace tokenroute {

nlohmann::json toJson(const Provenance &p, double value);
nlohmann::json toJson(const Accelerator &a);
nlohmann::json toJson(const ServerSpec &s);
nlohmann::json toJson(const LinkType &l);
nlohmann::json toJson(const MemoryTierSpec &t);
nlohmann::json toJson(const ModelSpec &m);
nlohmann::json toJson(const WorkloadPreset &p);

// Names of the catalogue files in load order (later files refer to earlier ones).
inline constexpr const char *kCatalogFiles[] = {"accelerators.json", "servers.json", "links.json",
                                                "tiers.json", "models.json", "presets.json"};

} // namespace tokenroute
