// Hostile inputs to the microkernels, through the bench runner as the CLI and the Benchmarks tab
// call it: every case either runs and matches its reference, or comes back marked failed with a
// message that says why. Nothing may crash, hang or report a plausible figure from garbage.
//   - Inf and NaN in each input of each kernel: refused before timing, naming the input.
//   - Sizes of one and odd (prime) sizes that fit no tile or vector width: correct results.
//   - Zero sizes and sizes whose byte count overflows or cannot fit: failed with the reason.
//   - A CUDA device whose memory is taken (needs a device; skipped with a message otherwise).
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <QtTest>

#include "kernels/benchrunner.h"
#include "kernels/cudabackend.h"

#ifdef TOKENROUTE_TEST_CUDA_RUNTIME
#include <cuda_runtime.h>
#endif

using namespace tokenroute::kernels;

namespace {

enum class Kernel { Gemm, Attention, Gemv, PagedAttention };

KernelResult runCase(Kernel k, std::size_t a, std::size_t b, std::size_t c, const CaseContext &ctx)
{
    switch (k) {
    case Kernel::Gemm: return runPrefillGemm(GemmShape{a, b, c}, ctx);
    case Kernel::Attention: return runPrefillAttention(AttentionShape{a, b, b, c}, ctx);
    case Kernel::Gemv: return runDecodeGemv(GemvShape{a, b, c, WeightType::BF16}, ctx);
    case Kernel::PagedAttention: return runDecodeAttention(makePagedShape(std::vector<std::size_t>(a, b), 2, 1, c, 3), ctx);
    }
    return {};
}

CaseContext quickContext(const std::string &device = "cpu")
{
    CaseContext ctx;
    ctx.device = device;
    ctx.threads = 2;
    ctx.policy = TimingPolicy{0, 1, 1, 0};
    return ctx;
}

} // namespace

Q_DECLARE_METATYPE(Kernel)

class TestHostileKernels : public QObject {
    Q_OBJECT

private slots:
    void nonFiniteInputsFail_data();
    void nonFiniteInputsFail();
    void oddSizesAreCorrect_data();
    void oddSizesAreCorrect();
    void impossibleSizesFail_data();
    void impossibleSizesFail();
    void fullDeviceFailsTheCase();
};

void TestHostileKernels::nonFiniteInputsFail_data()
{
    QTest::addColumn<Kernel>("kernel");
    QTest::addColumn<QString>("input");
    QTest::addColumn<float>("value");
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QTest::newRow("gemm A +Inf") << Kernel::Gemm << "A" << inf;
    QTest::newRow("gemm B -Inf") << Kernel::Gemm << "B" << -inf;
    QTest::newRow("gemm B NaN") << Kernel::Gemm << "B" << nan;
    QTest::newRow("attention Q Inf") << Kernel::Attention << "Q" << inf;
    QTest::newRow("attention K NaN") << Kernel::Attention << "K" << nan;
    QTest::newRow("attention V -Inf") << Kernel::Attention << "V" << -inf;
    QTest::newRow("gemv W Inf") << Kernel::Gemv << "W" << inf;
    QTest::newRow("gemv x NaN") << Kernel::Gemv << "x" << nan;
    QTest::newRow("paged Q -Inf") << Kernel::PagedAttention << "Q" << -inf;
    QTest::newRow("paged K cache Inf") << Kernel::PagedAttention << "K" << inf;
    QTest::newRow("paged V cache NaN") << Kernel::PagedAttention << "V" << nan;
}

void TestHostileKernels::nonFiniteInputsFail()
{
    QFETCH(Kernel, kernel);
    QFETCH(QString, input);
    QFETCH(float, value);
    CaseContext ctx = quickContext();
    const std::string poisoned = input.toStdString();
    bool filled = false;
    ctx.fill = [&](const std::string &name, float *d, std::size_t n) {
        fillUniform(name, d, n);
        if (name.rfind(poisoned, 0) == 0 && n > 0) {
            d[n / 2] = value;
            filled = true;
        }
    };
    const KernelResult r = kernel == Kernel::PagedAttention ? runCase(kernel, 2, 40, 8, ctx) : runCase(kernel, 4, 8, 8, ctx);
    QVERIFY2(filled, "the runner never asked for that input");
    QVERIFY(r.failed);
    QVERIFY(!r.correct);
    const std::string kind = std::isnan(value) ? "NaN" : "Inf";
    QVERIFY2(r.error.find("'" + poisoned) != std::string::npos && r.error.find(kind) != std::string::npos, r.error.c_str());
}

void TestHostileKernels::oddSizesAreCorrect_data()
{
    QTest::addColumn<Kernel>("kernel");
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    QTest::addColumn<int>("c");
    QTest::newRow("gemm 1x1x1") << Kernel::Gemm << 1 << 1 << 1;
    QTest::newRow("gemm 1x7x13") << Kernel::Gemm << 1 << 7 << 13;
    QTest::newRow("gemm 7x1x5") << Kernel::Gemm << 7 << 1 << 5;
    QTest::newRow("gemm 13x17x1") << Kernel::Gemm << 13 << 17 << 1;
    QTest::newRow("gemm 37x61x29") << Kernel::Gemm << 37 << 61 << 29;
    QTest::newRow("attention 1 token, dim 1") << Kernel::Attention << 1 << 1 << 1;
    QTest::newRow("attention 7 tokens, dim 3") << Kernel::Attention << 7 << 1 << 3;
    QTest::newRow("attention 5 tokens, 3 heads, dim 17") << Kernel::Attention << 5 << 3 << 17;
    QTest::newRow("gemv 1x1x1") << Kernel::Gemv << 1 << 1 << 1;
    QTest::newRow("gemv 3x7x13") << Kernel::Gemv << 3 << 7 << 13;
    QTest::newRow("gemv 1x31x1") << Kernel::Gemv << 1 << 31 << 1;
    QTest::newRow("paged 1 seq of 1 token, dim 1") << Kernel::PagedAttention << 1 << 1 << 1;
    QTest::newRow("paged 3 seqs of 17 tokens, dim 5") << Kernel::PagedAttention << 3 << 17 << 5;
}

void TestHostileKernels::oddSizesAreCorrect()
{
    QFETCH(Kernel, kernel);
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(int, c);
    const KernelResult r = runCase(kernel, std::size_t(a), std::size_t(b), std::size_t(c), quickContext());
    QVERIFY2(!r.failed, r.error.c_str());
    QVERIFY2(r.correct, r.check.c_str());
    QVERIFY(std::isfinite(r.timing.medianMs) && r.timing.medianMs >= 0);
}

void TestHostileKernels::impossibleSizesFail_data()
{
    QTest::addColumn<Kernel>("kernel");
    QTest::addColumn<qulonglong>("a");
    QTest::addColumn<qulonglong>("b");
    QTest::addColumn<qulonglong>("c");
    QTest::addColumn<QString>("expect");
    const qulonglong huge = qulonglong(1) << 62;
    QTest::newRow("gemm zero k") << Kernel::Gemm << 4ull << 0ull << 4ull << "zero";
    QTest::newRow("gemm zero n") << Kernel::Gemm << 4ull << 4ull << 0ull << "zero";
    QTest::newRow("gemm overflowing") << Kernel::Gemm << huge << huge << 4ull << "overflow";
    QTest::newRow("gemm beyond memory") << Kernel::Gemm << (1ull << 22) << (1ull << 22) << 4ull << "available";
    QTest::newRow("attention zero dim") << Kernel::Attention << 4ull << 1ull << 0ull << "zero";
    QTest::newRow("attention overflowing") << Kernel::Attention << huge << 2ull << huge << "overflow";
    QTest::newRow("gemv zero out") << Kernel::Gemv << 1ull << 4ull << 0ull << "zero";
    QTest::newRow("gemv overflowing") << Kernel::Gemv << 1ull << huge << huge << "overflow";
    QTest::newRow("paged zero sequences") << Kernel::PagedAttention << 0ull << 4ull << 4ull << "zero";
}

void TestHostileKernels::impossibleSizesFail()
{
    QFETCH(Kernel, kernel);
    QFETCH(qulonglong, a);
    QFETCH(qulonglong, b);
    QFETCH(qulonglong, c);
    QFETCH(QString, expect);
    const KernelResult r = runCase(kernel, a, b, c, quickContext());
    QVERIFY(r.failed);
    QVERIFY(!r.correct);
    QVERIFY2(r.error.find(expect.toStdString()) != std::string::npos, r.error.c_str());
}

// With the device's memory taken by this process, a case that needs more than is left comes back
// failed with a message about device memory, and the next case (after it is freed) runs again.
void TestHostileKernels::fullDeviceFailsTheCase()
{
    std::string why;
    if (!cuda::built())
        QSKIP("built without CUDA: the device path is compiled only where nvcc is found");
    if (cuda::deviceCount(&why) == 0)
        QSKIP(("no CUDA device: " + why).c_str());
#ifdef TOKENROUTE_TEST_CUDA_RUNTIME
    std::size_t freeBytes = 0, total = 0;
    QCOMPARE(cudaMemGetInfo(&freeBytes, &total), cudaSuccess);
    void *hog = nullptr;
    const std::size_t leave = std::size_t(16) << 20;
    QVERIFY(freeBytes > leave);
    QCOMPARE(cudaMalloc(&hog, freeBytes - leave), cudaSuccess);
    const KernelResult r = runCase(Kernel::Gemm, 2048, 2048, 2048, quickContext("cuda:0"));  // 48 MB of buffers
    cudaFree(hog);
    QVERIFY(r.failed);
    QVERIFY2(r.error.find("device memory") != std::string::npos || r.error.find("out of memory") != std::string::npos,
             r.error.c_str());
    const KernelResult after = runCase(Kernel::Gemm, 64, 64, 64, quickContext("cuda:0"));
    QVERIFY2(!after.failed && after.correct, after.error.c_str());
#else
    QSKIP("the CUDA runtime is not linked into this test");
#endif
}

QTEST_APPLESS_MAIN(TestHostileKernels)
#include "test_hostile_kernels.moc"
