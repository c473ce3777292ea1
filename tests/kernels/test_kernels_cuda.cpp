// CUDA parity: every GPU kernel against the CPU reference on small and odd shapes. On a machine
// without a CUDA device (or a build without nvcc) each test skips with the reason, so the suite
// passes everywhere and runs for real on a GPU machine (kernels/device-check.sh).

#include <cmath>
#include <string>
#include <vector>

#include <QTest>

#include "kernels/attention.h"
#include "kernels/benchrunner.h"
#include "kernels/bf16.h"
#include "kernels/cudabackend.h"
#include "kernels/gemm.h"
#include "kernels/gemv.h"
#include "kernels/kernelerror.h"
#include "kernels/pagedattention.h"
#include "kernels/tolerance.h"

using namespace tokenroute::kernels;

namespace {

std::vector<float> random(std::size_t n, const char *name)
{
    std::vector<float> v(n);
    fillUniform(name, v.data(), n);
    return v;
}

std::vector<float> toBf16Values(const std::vector<float> &v)
{
    std::vector<float> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        out[i] = bf16ToFloat(floatToBf16(v[i]));
    return out;
}

const TimingPolicy kOnce{0, 1, 1, 0};

} // namespace

#define REQUIRE_CUDA_DEVICE()                                                                   \
    do {                                                                                        \
        std::string why;                                                                        \
        if (cuda::deviceCount(&why) == 0)                                                       \
            QSKIP(("no CUDA device: " + why).c_str());                                          \
    } while (false)

class TestKernelsCuda : public QObject {
    Q_OBJECT

private slots:
    void gemmBf16MatchesReference_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::newRow("1x1x1") << 1 << 1 << 1;
        QTest::newRow("odd 17x100x33") << 17 << 100 << 33;
        QTest::newRow("full tiles 256x256x256") << 256 << 256 << 256;
        QTest::newRow("edges 1000x520x130") << 1000 << 520 << 130;
    }
    void gemmBf16MatchesReference()
    {
        REQUIRE_CUDA_DEVICE();
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        const GemmShape s{std::size_t(m), std::size_t(k), std::size_t(n)};
        const auto a = toBf16Values(random(s.m * s.k, "A"));
        const auto b = toBf16Values(random(s.k * s.n, "B"));
        std::vector<float> c(s.m * s.n), blas(s.m * s.n), ref(s.m * s.n);
        gemmReference(s, a.data(), b.data(), ref.data());
        cuda::gemmBf16(0, s, a.data(), b.data(), c.data(), kOnce);
        cuda::gemmCublasBf16(0, s, a.data(), b.data(), blas.data(), kOnce);
        // Inputs are exact in bf16, so only fp32 accumulation order differs from the double reference.
        const Tolerance tol{2e-6 * k, 1e-4, "fp32 tensor-core accumulation vs double over k"};
        ErrorCheck e = compareToReference(c.data(), ref.data(), c.size(), tol);
        QVERIFY2(e.correct, e.message.c_str());
        e = compareToReference(blas.data(), ref.data(), blas.size(), tol);
        QVERIFY2(e.correct, e.message.c_str());
    }
    void causalAttentionMatchesReference_data()
    {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::newRow("1 token") << 1 << 2 << 1 << 64;
        QTest::newRow("17 tokens d=72") << 17 << 4 << 2 << 72;
        QTest::newRow("1000 tokens GQA d=128") << 1000 << 8 << 2 << 128;
        QTest::newRow("d=13") << 70 << 3 << 3 << 13;
    }
    void causalAttentionMatchesReference()
    {
        REQUIRE_CUDA_DEVICE();
        QFETCH(int, tokens);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, headDim);
        const AttentionShape s{std::size_t(tokens), std::size_t(heads), std::size_t(kvHeads), std::size_t(headDim)};
        const auto q = random(s.qElements(), "Q");
        const auto k = random(s.kvElements(), "K");
        const auto v = random(s.kvElements(), "V");
        std::vector<float> o(s.qElements()), ref(s.qElements());
        causalAttentionReference(s, q.data(), k.data(), v.data(), ref.data());
        cuda::causalAttention(0, s, q.data(), k.data(), v.data(), o.data(), kOnce);
        const ErrorCheck e = compareToReference(o.data(), ref.data(), o.size(), Tolerance{1e-4, 1e-3, "fp32 online softmax, __expf"});
        QVERIFY2(e.correct, e.message.c_str());
    }
    void gemvMatchesReference_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<bool>("bf16");
        QTest::newRow("batch 1 bf16 odd") << 1 << 1000 << 37 << true;
        QTest::newRow("batch 8 fp32") << 8 << 4096 << 100 << false;
        QTest::newRow("batch 64 bf16") << 64 << 520 << 65 << true;
        QTest::newRow("batch 3 fp32 in 7") << 3 << 7 << 5 << false;
    }
    void gemvMatchesReference()
    {
        REQUIRE_CUDA_DEVICE();
        QFETCH(int, batch);
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(bool, bf16);
        const GemvShape s{std::size_t(batch), std::size_t(in), std::size_t(out), bf16 ? WeightType::BF16 : WeightType::F32};
        const auto wf = random(s.in * s.out, "W");
        std::vector<std::uint16_t> wb(wf.size());
        for (std::size_t i = 0; i < wf.size(); ++i)
            wb[i] = floatToBf16(wf[i]);
        const void *w = bf16 ? static_cast<const void *>(wb.data()) : wf.data();
        const auto x = random(s.batch * s.in, "x");
        std::vector<float> y(s.batch * s.out), ref(s.batch * s.out);
        gemvReference(s, w, x.data(), ref.data());
        cuda::gemv(0, s, w, x.data(), y.data(), kOnce);
        const ErrorCheck e = compareToReference(y.data(), ref.data(), y.size(), Tolerance{2e-6 * in, 1e-4, "fp32 vs double over in"});
        QVERIFY2(e.correct, e.message.c_str());
    }
    void pagedAttentionMatchesReference_data()
    {
        QTest::addColumn<std::vector<std::size_t>>("contexts");
        QTest::addColumn<int>("headDim");
        QTest::newRow("1 token") << std::vector<std::size_t>{1} << 128;
        QTest::newRow("17 tokens, partly filled block") << std::vector<std::size_t>{17} << 128;
        QTest::newRow("mixed incl. 1000") << std::vector<std::size_t>{33, 1000, 5, 16} << 128;
        QTest::newRow("head dim 72") << std::vector<std::size_t>{100, 3} << 72;
    }
    void pagedAttentionMatchesReference()
    {
        REQUIRE_CUDA_DEVICE();
        QFETCH(std::vector<std::size_t>, contexts);
        QFETCH(int, headDim);
        const PagedAttentionShape s = makePagedShape(contexts, 8, 2, headDim, 3);
        const auto q = random(s.batch() * s.heads * s.headDim, "Q");
        const auto k = random(s.poolBlocks * s.blockElements(), "K");
        const auto v = random(s.poolBlocks * s.blockElements(), "V");
        std::vector<float> o(q.size()), ref(q.size());
        pagedDecodeAttentionReference(s, q.data(), k.data(), v.data(), ref.data());
        cuda::pagedDecodeAttention(0, s, q.data(), k.data(), v.data(), o.data(), kOnce);
        const ErrorCheck e = compareToReference(o.data(), ref.data(), o.size(), Tolerance{1e-4, 1e-3, "fp32 online softmax, __expf"});
        QVERIFY2(e.correct, e.message.c_str());
    }
    void memoryProbesReportPlausibleFigures()
    {
        REQUIRE_CUDA_DEVICE();
        const BandwidthPoint copy = cuda::deviceCopy(0, 64u << 20, kOnce);
        QVERIFY(copy.bytesPerSecond > 1e10); // any discrete GPU copies faster than 10 GB/s
        const BandwidthPoint smem = cuda::sharedMemoryBandwidth(0, kOnce);
        QVERIFY(smem.bytesPerSecond > copy.bytesPerSecond); // on-chip SRAM beats DRAM
        const LatencyPoint near = cuda::latency(0, 16u << 10, kOnce);
        const LatencyPoint far = cuda::latency(0, 512u << 20, kOnce);
        QVERIFY(near.nsPerLoad > 0 && far.nsPerLoad > near.nsPerLoad);
    }
    void badSizesThrowInsteadOfCrashing()
    {
        REQUIRE_CUDA_DEVICE();
        std::vector<float> one(16); // large enough for every shape below
        QVERIFY_THROWS_EXCEPTION(KernelError, cuda::gemmBf16(0, GemmShape{0, 1, 1}, one.data(), one.data(), one.data(), kOnce));
        // 1 TiB of device memory does not exist on any current GPU: a clear error, no crash.
        QVERIFY_THROWS_EXCEPTION(KernelError, cuda::deviceCopy(0, std::size_t(1) << 40, kOnce));
        QVERIFY_THROWS_EXCEPTION(KernelError, cuda::gemv(7, GemvShape{1, 4, 4, WeightType::F32}, one.data(), one.data(), one.data(), kOnce));
    }
};

QTEST_APPLESS_MAIN(TestKernelsCuda)
#include "test_kernels_cuda.moc"
