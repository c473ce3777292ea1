#pragma once
// What the benchmark runs on: the CPU (model, cores, caches from sysfs, an estimated fp32 peak)
// and any CUDA devices (properties from the runtime). Peaks are estimates from clocks and unit
// counts, flagged as such; the calibration divides measured rates by them to get the efficiency
// factors the performance model uses. No CUDA driver or no device is a normal state, reported in
// `cudaStatus`, and the CPU is used.

#include <cstdint>
#include <string>
#include <vector>

namespace tokenroute::kernels {

struct CacheLevel {
    int level = 0;
    std::string type;            // "Data", "Instruction", "Unified"
    std::uint64_t sizeBytes = 0;
    int sharedByCpus = 1;        // logical CPUs sharing one instance
};

struct CpuInfo {
    std::string model;
    int logicalCpus = 0;         // the CPUs this process may run on
    double clockGHz = 0;         // from /proc/cpuinfo "cpu MHz" (current, not turbo)
    bool avx2 = false;
    bool fma = false;
    bool avx512f = false;
    std::vector<CacheLevel> caches;
    double peakFp32Flops = 0;    // estimate: cpus x clock x fp32 flops per cycle
    std::string peakNote;        // how the estimate was made

    std::uint64_t lastLevelCacheBytes() const; // largest data/unified cache, 0 when unknown
    std::string id() const { return "this-machine-cpu"; }
};

// Reads /proc/cpuinfo and /sys/devices/system/cpu/cpu0/cache; the roots can be redirected for tests.
CpuInfo discoverCpu(const std::string &procCpuinfo = "/proc/cpuinfo",
                    const std::string &sysCacheDir = "/sys/devices/system/cpu/cpu0/cache");

// "32K" / "1024K" / "32M" / "1G" as in sysfs -> bytes; 0 when unparsable.
std::uint64_t parseCacheSize(const std::string &text);
// "0-3,8,10-11" -> 7.
int countCpuList(const std::string &text);

struct CudaDeviceInfo {
    int index = 0;
    std::string name;
    int computeMajor = 0;
    int computeMinor = 0;
    int smCount = 0;
    double smClockGHz = 0;
    double memClockGHz = 0;
    int memBusBits = 0;
    std::uint64_t globalMemBytes = 0;
    std::uint64_t l2Bytes = 0;
    std::uint64_t sharedMemPerSmBytes = 0;
    double peakBf16Flops = 0;     // estimate: SMs x clock x tensor flops per SM per clock for the arch
    double peakBandwidth = 0;     // estimate: 2 x memory clock x bus width (DDR)
    std::string peakNote;

    std::string id() const { return "this-machine-cuda" + std::to_string(index); }
};

struct CudaInventory {
    bool built = false;              // the library was compiled with CUDA
    std::vector<CudaDeviceInfo> devices;
    std::string status;              // "2 devices", "no CUDA driver", "not built with CUDA", ...
};

CudaInventory discoverCuda();

} // namespace tokenroute::kernels
