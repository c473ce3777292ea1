// Prefill GEMM on the GPU: C (m x n, fp32) = A (m x k) * B (k x n), inputs bf16, fp32 accumulation
// on tensor cores through WMMA 16x16x16 fragments.
// Layout of this file: the tiled kernel, its launcher, the cuBLAS reference, the entry points.
// Tiling: a 128 x 128 block tile over k-steps of 32; 8 warps in a 2 x 4 grid, each owning a 64 x 32
// slab (4 x 2 fragments). Global loads for step s+1 go to registers while step s computes from
// shared memory (two buffers), so loads and tensor-core work overlap without cp.async.
// Edges (m, n, k not multiples of the tile, k or n not multiples of 8) fall back to guarded scalar
// loads and staged stores; the interior takes 16-byte vector loads and direct fragment stores.

#include <vector>

#include <cublas_v2.h>
#include <cuda_bf16.h>
#include <mma.h>

#include "kernels/bf16.h"
#include "kernels/cuda/cudacommon.cuh"
#include "kernels/cudabackend.h"

namespace tokenroute::kernels::cuda {

namespace {

using namespace nvcuda;
using detail::ceilDiv;

constexpr int BM = 128;
constexpr int BN = 128;
constexpr int BK = 32;
constexpr int THREADS = 256;
// Rows padded by 8 bf16 (16 bytes) so consecutive rows start in different shared-memory banks;
// WMMA needs the leading dimension to be a multiple of 8 elements, which 40 and 136 are.
constexpr int LDA_S = BK + 8;
constexpr int LDB_S = BN + 8;

struct TileRegs {
    uint4 a[2];
    uint4 b[2];
};

__device__ inline uint4 loadGuarded8(const __nv_bfloat16 *base, int row, int col, int rows, int cols, int ld, bool vec)
{
    uint4 v = make_uint4(0, 0, 0, 0);
    if (row >= rows)
        return v;
    const __nv_bfloat16 *p = base + static_cast<size_t>(row) * ld + col;
    if (vec && col + 8 <= cols)
        return *reinterpret_cast<const uint4 *>(p);
    // A union keeps the staging 16-byte aligned for the vector read-back.
    union {
        uint4 u;
        __nv_bfloat16 h[8];
    } tmp;
    for (int i = 0; i < 8; ++i)
        tmp.h[i] = (col + i < cols) ? p[i] : __float2bfloat16(0.f);
    return tmp.u;
}

__device__ inline void loadTile(const __nv_bfloat16 *A, const __nv_bfloat16 *B, int m, int n, int k, int row0, int col0,
                                int k0, bool vecA, bool vecB, TileRegs &r)
{
    const int t = threadIdx.x;
    // A tile: 128 rows x 32 cols = 512 vectors of 8; two per thread.
    for (int i = 0; i < 2; ++i) {
        const int v = t + i * THREADS;
        const int row = v / (BK / 8);
        const int col = (v % (BK / 8)) * 8;
        r.a[i] = loadGuarded8(A, row0 + row, k0 + col, m, k, k, vecA);
    }
    // B tile: 32 rows x 128 cols = 512 vectors of 8.
    for (int i = 0; i < 2; ++i) {
        const int v = t + i * THREADS;
        const int row = v / (BN / 8);
        const int col = (v % (BN / 8)) * 8;
        r.b[i] = loadGuarded8(B, k0 + row, col0 + col, k, n, n, vecB);
    }
}

__device__ inline void storeTile(__nv_bfloat16 *As, __nv_bfloat16 *Bs, const TileRegs &r)
{
    const int t = threadIdx.x;
    for (int i = 0; i < 2; ++i) {
        const int v = t + i * THREADS;
        *reinterpret_cast<uint4 *>(As + (v / (BK / 8)) * LDA_S + (v % (BK / 8)) * 8) = r.a[i];
        *reinterpret_cast<uint4 *>(Bs + (v / (BN / 8)) * LDB_S + (v % (BN / 8)) * 8) = r.b[i];
    }
}

__global__ void __launch_bounds__(THREADS) gemmBf16Wmma(const __nv_bfloat16 *__restrict__ A, const __nv_bfloat16 *__restrict__ B,
                                                         float *__restrict__ C, int m, int n, int k)
{
    __shared__ __align__(128) __nv_bfloat16 As[2][BM * LDA_S];
    __shared__ __align__(128) __nv_bfloat16 Bs[2][BK * LDB_S];

    const int row0 = blockIdx.y * BM;
    const int col0 = blockIdx.x * BN;
    const int warp = threadIdx.x / 32;
    const int warpRow = (warp / 4) * 64; // 2 warps down
    const int warpCol = (warp % 4) * 32; // 4 warps across
    // 16-byte vector loads need every row start aligned: k (for A) and n (for B) multiples of 8.
    const bool vecA = (k % 8) == 0;
    const bool vecB = (n % 8) == 0;

    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[4][2];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 2; ++j)
            wmma::fill_fragment(acc[i][j], 0.f);

    TileRegs regs;
    loadTile(A, B, m, n, k, row0, col0, 0, vecA, vecB, regs);
    storeTile(As[0], Bs[0], regs);
    __syncthreads();

    const int steps = (k + BK - 1) / BK;
    for (int s = 0; s < steps; ++s) {
        const int cur = s & 1;
        if (s + 1 < steps)
            loadTile(A, B, m, n, k, row0, col0, (s + 1) * BK, vecA, vecB, regs);
        for (int kk = 0; kk < BK; kk += 16) {
            wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> af[4];
            wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::row_major> bf[2];
            for (int i = 0; i < 4; ++i)
                wmma::load_matrix_sync(af[i], As[cur] + (warpRow + i * 16) * LDA_S + kk, LDA_S);
            for (int j = 0; j < 2; ++j)
                wmma::load_matrix_sync(bf[j], Bs[cur] + kk * LDB_S + warpCol + j * 16, LDB_S);
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 2; ++j)
                    wmma::mma_sync(acc[i][j], af[i], bf[j], acc[i][j]);
        }
        if (s + 1 < steps)
            storeTile(As[cur ^ 1], Bs[cur ^ 1], regs);
        __syncthreads();
    }

    // Epilogue: whole fragments inside C with a float leading dimension that WMMA accepts (a
    // multiple of 4) store directly; the rest go through a per-warp 16 x 16 staging area.
    float *stage = reinterpret_cast<float *>(As[0]) + warp * 256;
    const int lane = threadIdx.x % 32;
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 2; ++j) {
            const int r = row0 + warpRow + i * 16;
            const int c = col0 + warpCol + j * 16;
            if (r >= m || c >= n)
                continue;
            if (r + 16 <= m && c + 16 <= n && (n % 4) == 0) {
                wmma::store_matrix_sync(C + static_cast<size_t>(r) * n + c, acc[i][j], n, wmma::mem_row_major);
            } else {
                wmma::store_matrix_sync(stage, acc[i][j], 16, wmma::mem_row_major);
                __syncwarp();
                for (int e = lane; e < 256; e += 32) {
                    const int rr = r + e / 16;
                    const int cc = c + e % 16;
                    if (rr < m && cc < n)
                        C[static_cast<size_t>(rr) * n + cc] = stage[e];
                }
                __syncwarp();
            }
        }
    }
}

struct DeviceOperands {
    detail::DeviceBuffer<__nv_bfloat16> a, b;
    detail::DeviceBuffer<float> c;
};

DeviceOperands upload(const GemmShape &s, const float *a, const float *b)
{
    validate(s);
    if (s.m > 0x7fffffff || s.k > 0x7fffffff || s.n > 0x7fffffff)
        throw KernelError("GPU GEMM: a dimension exceeds 2^31-1");
    detail::requireDeviceMemory("GPU GEMM " + s.describe(), 2.0 * (s.m * s.k + s.k * s.n) + 4.0 * s.m * s.n);
    auto toBf16 = [](const float *src, std::size_t count) {
        std::vector<bf16> out(count);
        for (std::size_t i = 0; i < count; ++i)
            out[i] = floatToBf16(src[i]);
        return out;
    };
    DeviceOperands d{detail::DeviceBuffer<__nv_bfloat16>(s.m * s.k), detail::DeviceBuffer<__nv_bfloat16>(s.k * s.n),
                     detail::DeviceBuffer<float>(s.m * s.n)};
    const auto ha = toBf16(a, s.m * s.k);
    const auto hb = toBf16(b, s.k * s.n);
    TR_CUDA_CHECK(cudaMemcpy(d.a.get(), ha.data(), d.a.bytes(), cudaMemcpyHostToDevice));
    TR_CUDA_CHECK(cudaMemcpy(d.b.get(), hb.data(), d.b.bytes(), cudaMemcpyHostToDevice));
    return d;
}

const char *cublasName(cublasStatus_t s)
{
    switch (s) {
    case CUBLAS_STATUS_NOT_INITIALIZED: return "not initialised";
    case CUBLAS_STATUS_ALLOC_FAILED: return "allocation failed";
    case CUBLAS_STATUS_INVALID_VALUE: return "invalid value";
    case CUBLAS_STATUS_ARCH_MISMATCH: return "architecture mismatch";
    case CUBLAS_STATUS_EXECUTION_FAILED: return "execution failed";
    case CUBLAS_STATUS_NOT_SUPPORTED: return "not supported";
    default: return "error";
    }
}

void checkCublas(cublasStatus_t s, const char *what)
{
    if (s != CUBLAS_STATUS_SUCCESS)
        throw KernelError(std::string("cuBLAS ") + what + ": " + cublasName(s));
}

class CublasHandle {
public:
    CublasHandle() { checkCublas(cublasCreate(&m_handle), "create"); }
    ~CublasHandle() { cublasDestroy(m_handle); }
    CublasHandle(const CublasHandle &) = delete;
    CublasHandle &operator=(const CublasHandle &) = delete;
    cublasHandle_t get() const { return m_handle; }

private:
    cublasHandle_t m_handle{};
};

} // namespace

TimingStats gemmBf16(int device, const GemmShape &s, const float *a, const float *b, float *c, const TimingPolicy &p)
{
    validate(s);
    detail::useDevice(device);
    DeviceOperands d = upload(s, a, b);
    const dim3 grid(ceilDiv(s.n, BN), ceilDiv(s.m, BM));
    if (grid.y > 65535)
        throw KernelError("GPU GEMM: too many token rows for one launch (m > 8388480)");
    const int m = static_cast<int>(s.m), n = static_cast<int>(s.n), k = static_cast<int>(s.k);
    const TimingStats t = detail::timeDevice(
        [&] {
            gemmBf16Wmma<<<grid, THREADS>>>(d.a.get(), d.b.get(), d.c.get(), m, n, k);
            TR_CUDA_LAUNCHED("gemmBf16Wmma");
        },
        p);
    d.c.download(c);
    return t;
}

TimingStats gemmCublasBf16(int device, const GemmShape &s, const float *a, const float *b, float *c, const TimingPolicy &p)
{
    validate(s);
    detail::useDevice(device);
    DeviceOperands d = upload(s, a, b);
    CublasHandle handle;
    const float alpha = 1.f, beta = 0.f;
    const int m = static_cast<int>(s.m), n = static_cast<int>(s.n), k = static_cast<int>(s.k);
    // cuBLAS is column-major: a row-major C = A B is the column-major C^T = B^T A^T.
    const TimingStats t = detail::timeDevice(
        [&] {
            checkCublas(cublasGemmEx(handle.get(), CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &alpha, d.b.get(), CUDA_R_16BF, n,
                                     d.a.get(), CUDA_R_16BF, k, &beta, d.c.get(), CUDA_R_32F, n, CUBLAS_COMPUTE_32F,
                                     CUBLAS_GEMM_DEFAULT),
                        "GemmEx");
        },
        p);
    d.c.download(c);
    return t;
}

} // namespace tokenroute::kernels::cuda
