#pragma once
// Shared by the reader fuzz targets: the readers take paths, not buffers, so each input is written
// to a scratch file (in /dev/shm when there is one, so no disk is touched) and read back through the
// same call the application makes. The contract being fuzzed is the readers' own: any input either
// loads or throws InputError. Any other exception is a finding, so it aborts with its message and
// libFuzzer keeps the input as a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "core/util/error.h"

namespace tokenroute::fuzz {

// A folder of this process's own under /dev/shm (or the temp folder), removed when the process ends
// normally (the object's destructor runs with the other statics).
struct ScratchDir {
    std::string path;
    ScratchDir()
    {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        path = (base / ("tokenroute-fuzz-" + std::to_string(::getpid()))).string();
        fs::create_directories(path);
    }
    ~ScratchDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

inline const std::string &scratchDir()
{
    static const ScratchDir dir;
    return dir.path;
}

inline std::string writeScratch(const std::string &name, const std::uint8_t *data, std::size_t size)
{
    const std::string path = scratchDir() + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "cannot write the scratch file %s\n", path.c_str());
        std::abort();
    }
    return path;
}

// Runs one read; returns 0 for libFuzzer. InputError is the expected refusal; anything else aborts.
template <typename Read>
int expectInputErrorOnly(Read &&read)
{
    try {
        read();
    } catch (const InputError &) {
        // The documented refusal.
    } catch (const std::exception &e) {
        std::fprintf(stderr, "reader threw something other than InputError: %s\n", e.what());
        std::abort();
    } catch (...) {
        std::fprintf(stderr, "reader threw a non-standard exception\n");
        std::abort();
    }
    return 0;
}

} // namespace tokenroute::fuzz
