#include "kernels/deviceinfo.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "kernels/parallel.h"

namespace tokenroute::kernels {

namespace {

std::string readFirstLine(const std::string &path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

} // namespace

std::uint64_t parseCacheSize(const std::string &text)
{
    const std::string t = trim(text);
    if (t.empty() || !std::isdigit(static_cast<unsigned char>(t[0])))
        return 0;
    std::size_t used = 0;
    const unsigned long long v = std::stoull(t, &used);
    const std::string unit = t.substr(used);
    if (unit.empty())
        return v;
    switch (std::toupper(static_cast<unsigned char>(unit[0]))) {
    case 'K': return v << 10;
    case 'M': return v << 20;
    case 'G': return v << 30;
    default: return 0;
    }
}

int countCpuList(const std::string &text)
{
    int count = 0;
    std::stringstream ss(trim(text));
    std::string part;
    while (std::getline(ss, part, ',')) {
        if (part.empty())
            continue;
        const auto dash = part.find('-');
        try {
            if (dash == std::string::npos)
                count += (std::stoi(part), 1);
            else
                count += std::stoi(part.substr(dash + 1)) - std::stoi(part.substr(0, dash)) + 1;
        } catch (const std::exception &) {
            return 0;
        }
    }
    return count;
}

std::uint64_t CpuInfo::lastLevelCacheBytes() const
{
    std::uint64_t best = 0;
    int bestLevel = 0;
    for (const auto &c : caches)
        if (c.type != "Instruction" && c.level >= bestLevel) {
            bestLevel = c.level;
            best = c.sizeBytes;
        }
    return best;
}

CpuInfo discoverCpu(const std::string &procCpuinfo, const std::string &sysCacheDir)
{
    CpuInfo cpu;
    std::ifstream in(procCpuinfo);
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = trim(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        if (key == "model name" && cpu.model.empty())
            cpu.model = value;
        else if (key == "cpu MHz" && cpu.clockGHz == 0)
            cpu.clockGHz = std::atof(value.c_str()) / 1000.0;
        else if (key == "flags" && !cpu.avx2 && !cpu.fma) {
            std::stringstream fs(value);
            std::string f;
            while (fs >> f) {
                cpu.avx2 |= f == "avx2";
                cpu.fma |= f == "fma";
                cpu.avx512f |= f == "avx512f";
            }
        }
    }
    if (cpu.model.empty())
        cpu.model = "unknown CPU";
    cpu.logicalCpus = defaultThreads();

    for (int idx = 0; idx < 16; ++idx) {
        const std::string dir = sysCacheDir + "/index" + std::to_string(idx);
        const std::string level = readFirstLine(dir + "/level");
        if (level.empty())
            break;
        CacheLevel c;
        c.level = std::atoi(level.c_str());
        c.type = readFirstLine(dir + "/type");
        c.sizeBytes = parseCacheSize(readFirstLine(dir + "/size"));
        c.sharedByCpus = std::max(1, countCpuList(readFirstLine(dir + "/shared_cpu_list")));
        cpu.caches.push_back(c);
    }

    // Two FMA pipes per core is the norm for x86 server cores since Haswell/Zen 2; one fp32 FMA is
    // two flops, so flops/cycle = 2 pipes x lanes x 2. This is an estimate at the reported clock.
    const int lanes = cpu.avx512f ? 16 : (cpu.avx2 ? 8 : 4);
    const int flopsPerCycle = 2 * lanes * (cpu.fma ? 2 : 1);
    const double ghz = cpu.clockGHz > 0 ? cpu.clockGHz : 2.0;
    cpu.peakFp32Flops = cpu.logicalCpus * ghz * 1e9 * flopsPerCycle;
    std::ostringstream note;
    note << "estimate: " << cpu.logicalCpus << " CPUs x " << ghz << " GHz x " << flopsPerCycle
         << " fp32 flops/cycle (2 FMA pipes x " << lanes << " lanes" << (cpu.fma ? " x 2" : "") << ")";
    if (cpu.clockGHz <= 0)
        note << "; clock unknown, 2 GHz assumed";
    cpu.peakNote = note.str();
    return cpu;
}

} // namespace tokenroute::kernels
