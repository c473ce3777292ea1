// The CPU speed reference for the prefill GEMM: OpenBLAS SGEMM on the same row-major shape, with
// its own thread pool sized to the thread count our kernel uses, so the ratio compares like with
// like. Kept in its own file so that only this translation unit sees the BLAS headers.

#include <cblas.h>

#include "kernels/gemm.h"
#include "kernels/parallel.h"

extern "C" void openblas_set_num_threads(int);

namespace tokenroute::kernels {

void gemmOpenBlas(const GemmShape &s, const float *a, const float *b, float *c, int threads)
{
    validate(s);
    openblas_set_num_threads(threads <= 0 ? defaultThreads() : threads);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(s.m), static_cast<int>(s.n),
                static_cast<int>(s.k), 1.0f, a, static_cast<int>(s.k), b, static_cast<int>(s.n), 0.0f, c,
                static_cast<int>(s.n));
}

} // namespace tokenroute::kernels
