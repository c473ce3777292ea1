#pragma once
// The three trace fuzz targets differ only in the format: each reads the input to its end twice,
// leniently (malformed lines skipped and counted) and strictly (the first one is an InputError),
// after asking detectTraceFormat what it makes of the file. Options the CLI passes (a request limit,
// a time scale, BurstGPT's model filter) are taken from the last byte (a seed file's final newline,
// usually) so they are fuzzed too while seed files stay readable traces.
#include "core/sim/trace.h"
#include "tests/fuzz/fuzzinput.h"

namespace tokenroute::fuzz {

inline int fuzzTrace(TraceFormat format, const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t knobs = data[size - 1];
    const std::string path = writeScratch("trace", data, size - 1);
    expectInputErrorOnly([&] { detectTraceFormat(path); });
    for (const bool strict : {false, true}) {
        expectInputErrorOnly([&] {
            TraceReadOptions o;
            o.strict = strict;
            o.limit = (knobs & 1) ? 3 : 0;
            o.timeScale = (knobs & 2) ? 0.5 : 1.0;
            o.model = (knobs & 4) ? "ChatGPT" : "";
            o.skipFailed = (knobs & 8) != 0;
            TraceReader in(path, format, o);
            TraceRequest r;
            while (in.next(r)) {
                if (r.inputTokens < 0 || r.outputTokens < 0 || !(r.arrivalS >= 0)) {
                    std::fprintf(stderr, "reader yielded an impossible request (line %lld)\n", in.linesRead());
                    std::abort();
                }
            }
        });
    }
    return 0;
}

} // namespace tokenroute::fuzz
