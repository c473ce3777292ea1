#pragma once
// Pieces of the plan's JSON form shared with the SQLite store. Imported Hugging Face models are
// kept in the database as one JSON document per model (their shape has a dozen optional fields
// that no query ever filters on), so both formats serialise a ModelSpec through the same two
// functions and cannot drift apart.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog/catalog.h"

namespace tokenroute {

// Written as "format" in every plan JSON; a JSON file without it is not read as a plan.
inline constexpr const char *kPlanJsonFormat = "tokenroute-plan";
// Version 2 added pools' memory_fraction and tier_ids (optional when reading version 1).
inline constexpr int kPlanJsonVersion = 2;

nlohmann::json importedModelToJson(const ModelSpec &model);
// path: where the object sits ("imported_models[0]") for error messages.
ModelSpec importedModelFromJson(const nlohmann::json &j, const std::string &path, const std::string &file);

} // namespace tokenroute
