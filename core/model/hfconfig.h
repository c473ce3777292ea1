#pragma once
// Hugging Face config.json import. Field names differ between families (num_local_experts vs
// n_routed_experts, head_dim present or derived, MLA's kv_lora_rank...), so they are normalised
// here into a ModelArch; nothing else in TokenRoute reads HF field names.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/model/modelarch.h"

namespace tokenroute {

// Parses a config object. `file` names the source in error messages. Throws InputError with the
// field and what was expected when a required field is missing, of the wrong type, or not positive.
ModelArch parseHfConfig(const nlohmann::json &config, const std::string &file);

// Reads and parses a config.json file (InputError on unreadable or malformed JSON, with the line).
ModelArch loadHfConfig(const std::string &path);

} // namespace tokenroute
