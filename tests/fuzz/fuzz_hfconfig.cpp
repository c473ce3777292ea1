// Fuzzes the Hugging Face config.json importer (loadHfConfig: read, parse with line numbers,
// normalise every family's field names into a ModelArch).
#include "core/model/hfconfig.h"
#include "tests/fuzz/fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = tokenroute::fuzz::writeScratch("config.json", data, size);
    return tokenroute::fuzz::expectInputErrorOnly([&] { tokenroute::loadHfConfig(path); });
}
