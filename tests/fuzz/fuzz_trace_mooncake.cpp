// Fuzzes the Mooncake trace reader (see fuzztrace.h for what one run does).
#include "tests/fuzz/fuzztrace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return tokenroute::fuzz::fuzzTrace(tokenroute::TraceFormat::Mooncake, data, size);
}
