// Stand-ins for the CUDA entry points when the library is built without nvcc: the runner asks
// deviceCount() first, so these are reached only by a caller that insists on CUDA, and they say why.
#ifndef TOKENROUTE_HAVE_CUDA

#include "kernels/cudabackend.h"
#include "kernels/deviceinfo.h"
#include "kernels/kernelerror.h"

namespace tokenroute::kernels {

CudaInventory discoverCuda()
{
    CudaInventory inv;
    inv.built = false;
    inv.status = "not built with CUDA (nvcc was not found at configure time)";
    return inv;
}

namespace cuda {

namespace {
[[noreturn]] void notBuilt()
{
    throw KernelError("CUDA kernels are not built into this program (configure with TOKENROUTE_CUDA=ON and nvcc)");
}
} // namespace

bool built() { return false; }

int deviceCount(std::string *why)
{
    if (why)
        *why = "not built with CUDA";
    return 0;
}

TimingStats gemmBf16(int, const GemmShape &, const float *, const float *, float *, const TimingPolicy &) { notBuilt(); }
TimingStats gemmCublasBf16(int, const GemmShape &, const float *, const float *, float *, const TimingPolicy &) { notBuilt(); }
TimingStats causalAttention(int, const AttentionShape &, const float *, const float *, const float *, float *,
                            const TimingPolicy &) { notBuilt(); }
TimingStats gemv(int, const GemvShape &, const void *, const float *, float *, const TimingPolicy &) { notBuilt(); }
TimingStats pagedDecodeAttention(int, const PagedAttentionShape &, const float *, const float *, const float *, float *,
                                 const TimingPolicy &) { notBuilt(); }
BandwidthPoint deviceCopy(int, std::size_t, const TimingPolicy &) { notBuilt(); }
BandwidthPoint readBandwidth(int, std::size_t, const TimingPolicy &) { notBuilt(); }
BandwidthPoint sharedMemoryBandwidth(int, const TimingPolicy &) { notBuilt(); }
LatencyPoint latency(int, std::size_t, const TimingPolicy &) { notBuilt(); }

} // namespace cuda
} // namespace tokenroute::kernels

#endif
