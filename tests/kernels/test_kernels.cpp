// CPU kernels against their plain references on small and odd shapes, the timing harness's
// statistics, tolerance checks, calibration arithmetic, device discovery parsing, the JSON form,
// and bad input (zero sizes, shapes that cannot fit, NaN, bad block tables).

#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <set>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

#include "kernels/attention.h"
#include "kernels/benchjson.h"
#include "kernels/benchrunner.h"
#include "kernels/bf16.h"
#include "kernels/calibration.h"
#include "kernels/deviceinfo.h"
#include "kernels/gemm.h"
#include "kernels/gemv.h"
#include "kernels/harness.h"
#include "kernels/kernelerror.h"
#include "kernels/memoryprobe.h"
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

// Asserts every element within atol + rtol*|ref| and names the first offender.
void expectClose(const std::vector<float> &got, const std::vector<float> &ref, const Tolerance &tol)
{
    QCOMPARE(got.size(), ref.size());
    const ErrorCheck c = compareToReference(got.data(), ref.data(), got.size(), tol);
    QVERIFY2(c.correct, c.message.c_str());
}

KernelResult measured(KernelKind kind, const std::string &device, double flops, double bytes, bool correct = true,
                      const std::string &variant = {})
{
    KernelResult r;
    r.kernel = kind;
    r.device = device;
    r.variant = variant;
    r.flopsPerSecond = flops;
    r.bytesPerSecond = bytes;
    r.correct = correct;
    r.timing.medianMs = 1;
    return r;
}

} // namespace

class TestKernels : public QObject {
    Q_OBJECT

private slots:
    // ---- harness ----
    void summaryOfKnownSamples()
    {
        const TimingStats t = summarise({5, 1, 3, 2, 4});
        QCOMPARE(t.repeats, 5);
        QCOMPARE(t.medianMs, 3.0);
        QCOMPARE(t.minMs, 1.0);
        QCOMPARE(t.maxMs, 5.0);
        QCOMPARE(t.meanMs, 3.0);
        QVERIFY(std::fabs(t.stddevMs - std::sqrt(2.5)) < 1e-12);   // sample variance: 10 / 4
        QVERIFY(std::fabs(t.p10Ms - 1.4) < 1e-12);                  // 0.1 * 4 = index 0.4
        QVERIFY(std::fabs(t.p90Ms - 4.6) < 1e-12);
        QVERIFY(std::fabs(t.spread() - 3.2 / 3.0) < 1e-12);
    }
    void medianOfEvenCountAveragesTheMiddlePair()
    {
        QCOMPARE(summarise({4, 1, 3, 2}).medianMs, 2.5);
        QCOMPARE(summarise({7}).medianMs, 7.0);
        QCOMPARE(summarise({7}).stddevMs, 0.0);
    }
    void summaryRejectsBrokenSamples()
    {
        QVERIFY_THROWS_EXCEPTION(KernelError, summarise({}));
        QVERIFY_THROWS_EXCEPTION(KernelError, summarise({1.0, -0.5}));
        QVERIFY_THROWS_EXCEPTION(KernelError, summarise({1.0, std::numeric_limits<double>::quiet_NaN()}));
    }
    void repeatsFollowThePolicy()
    {
        int calls = 0;
        int flushes = 0;
        TimingPolicy p{2, 4, 50, 0};
        TimingStats t = timeRepeated([&] { ++calls; return 1.0; }, p, [&] { ++flushes; });
        QCOMPARE(t.repeats, 4);      // minTotalMs 0: the minimum count decides
        QCOMPARE(t.warmups, 2);
        QCOMPARE(calls, 6);
        QCOMPARE(flushes, 6);        // beforeEach runs before warm-ups too
        calls = 0;
        p = TimingPolicy{0, 3, 10, 1e9};
        t = timeRepeated([&] { ++calls; return 2.0; }, p);
        QCOMPARE(t.repeats, 10);     // the time target is unreachable: the cap decides
        calls = 0;
        p = TimingPolicy{0, 1, 100, 10};
        t = timeRepeated([&] { ++calls; return 3.0; }, p);
        QCOMPARE(t.repeats, 4);      // 4 x 3 ms reaches the 10 ms target
    }

    // ---- tolerance ----
    void toleranceScalesWithTheValue()
    {
        const std::vector<float> ref{1.f, 100.f, -1000.f};
        const Tolerance tol{1e-3, 1e-2, "test"};
        std::vector<float> got{1.0009f, 100.9f, -1009.f};
        QVERIFY(compareToReference(got.data(), ref.data(), 3, tol).correct);
        got[1] = 101.2f; // 1.2 > 1e-3 + 1.0
        const ErrorCheck c = compareToReference(got.data(), ref.data(), 3, tol);
        QVERIFY(!c.correct);
        QCOMPARE(c.failures, std::size_t{1});
        QCOMPARE(c.worstIndex, std::size_t{1});
        QVERIFY(std::fabs(c.maxAbsError - 9.0) < 1e-3);
    }
    void nanInOutputIsNeverCorrect()
    {
        const std::vector<float> ref{1.f, 2.f};
        const std::vector<float> got{1.f, std::numeric_limits<float>::quiet_NaN()};
        const ErrorCheck c = compareToReference(got.data(), ref.data(), 2, Tolerance{1e9, 1e9, "huge"});
        QVERIFY(!c.correct);
        QCOMPARE(c.nonFinite, std::size_t{1});
        QVERIFY(c.message.find("non-finite") != std::string::npos);
    }
    void requireFiniteNamesInputAndIndex()
    {
        std::vector<float> v(10, 1.f);
        requireFinite(v.data(), v.size(), "A");
        v[7] = std::numeric_limits<float>::quiet_NaN();
        try {
            requireFinite(v.data(), v.size(), "A");
            QFAIL("NaN accepted");
        } catch (const KernelError &e) {
            const std::string m = e.what();
            QVERIFY2(m.find("'A'") != std::string::npos && m.find("NaN") != std::string::npos && m.find("7") != std::string::npos,
                     e.what());
        }
    }
    void bf16RoundsToNearestEven()
    {
        QCOMPARE(bf16ToFloat(floatToBf16(1.0f)), 1.0f);
        QCOMPARE(bf16ToFloat(floatToBf16(-2.5f)), -2.5f);
        // 1 + 2^-8 is halfway between 1 and 1 + 2^-7: ties go to the even mantissa (1.0).
        QCOMPARE(bf16ToFloat(floatToBf16(1.0f + 1.0f / 256)), 1.0f);
        QCOMPARE(bf16ToFloat(floatToBf16(1.0f + 3.0f / 256)), 1.0f + 4.0f / 256);
        QVERIFY(std::isnan(bf16ToFloat(floatToBf16(std::numeric_limits<float>::quiet_NaN()))));
    }

    // ---- prefill GEMM ----
    void gemmMatchesReference_data()
    {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("portable");
        QTest::newRow("1x1x1") << 1 << 1 << 1 << 1 << false;
        QTest::newRow("exact register tile 6x16") << 6 << 8 << 16 << 1 << false;
        QTest::newRow("odd 7x13x17") << 7 << 13 << 17 << 2 << false;
        QTest::newRow("one token (17 tokens below)") << 1 << 300 << 65 << 2 << false;
        QTest::newRow("17 tokens, k spans two blocks") << 17 << 600 << 70 << 2 << false;
        QTest::newRow("tall: split over rows") << 200 << 33 << 5 << 2 << false;
        QTest::newRow("wide: n spans two column blocks") << 5 << 40 << 2100 << 2 << false;
        QTest::newRow("portable micro-kernel, odd") << 19 << 270 << 37 << 2 << true;
        QTest::newRow("portable, 3 threads") << 50 << 64 << 100 << 3 << true;
    }
    void gemmMatchesReference()
    {
        QFETCH(int, m);
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(int, threads);
        QFETCH(bool, portable);
        const GemmShape s{std::size_t(m), std::size_t(k), std::size_t(n)};
        const auto a = random(s.m * s.k, "A");
        const auto b = random(s.k * s.n, "B");
        std::vector<float> c(s.m * s.n, -7.f), ref(s.m * s.n), blas(s.m * s.n);
        gemmReference(s, a.data(), b.data(), ref.data());
        gemmCpuForcePortable(portable);
        gemmCpu(s, a.data(), b.data(), c.data(), threads);
        gemmCpuForcePortable(false);
        // fp32 sums of k products vs double: a few ulps per product, growing with k.
        const Tolerance tol{2e-6 * k, 1e-5, "fp32 vs double accumulation over k"};
        expectClose(c, ref, tol);
        gemmOpenBlas(s, a.data(), b.data(), blas.data(), threads);
        expectClose(blas, ref, tol);
    }
    void gemmPathIsKnown()
    {
        const std::string path = gemmCpuPath();
        QVERIFY(path == "avx2-fma" || path == "portable");
        gemmCpuForcePortable(true);
        QCOMPARE(gemmCpuPath(), std::string("portable"));
        gemmCpuForcePortable(false);
    }

    // ---- prefill attention ----
    void causalAttentionMatchesReference_data()
    {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::newRow("1 token") << 1 << 2 << 1 << 64;
        QTest::newRow("17 tokens, d=72 (not a power of two)") << 17 << 4 << 2 << 72;
        QTest::newRow("1000 tokens, GQA 4:1, d=40") << 1000 << 4 << 1 << 40;
        QTest::newRow("d=13, MHA, spans key blocks") << 130 << 3 << 3 << 13;
        QTest::newRow("d=1") << 33 << 2 << 2 << 1;
    }
    void causalAttentionMatchesReference()
    {
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
        causalAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), 2);
        // Online softmax in fp32 vs a double full softmax; outputs are averages of V in [-1, 1].
        expectClose(o, ref, Tolerance{1e-5, 1e-4, "fp32 online vs double softmax"});
    }
    void firstTokenAttendsOnlyToItself()
    {
        // Causality: token 0's output is exactly V[0] of its kv head, whatever the keys.
        const AttentionShape s{5, 2, 1, 8};
        const auto q = random(s.qElements(), "Q");
        const auto k = random(s.kvElements(), "K");
        const auto v = random(s.kvElements(), "V");
        std::vector<float> o(s.qElements());
        causalAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), 1);
        for (std::size_t h = 0; h < 2; ++h)
            for (std::size_t x = 0; x < 8; ++x)
                QVERIFY(std::fabs(o[h * 8 + x] - v[x]) < 1e-6f);
    }

    // ---- decode GEMV ----
    void gemvMatchesReference_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<bool>("bf16");
        QTest::newRow("batch 1, 1x1, fp32") << 1 << 1 << 1 << false;
        QTest::newRow("batch 1, bf16, odd") << 1 << 1000 << 37 << true;
        QTest::newRow("batch 3, fp32, k over chunk") << 3 << 2500 << 9 << false;
        QTest::newRow("batch 64, bf16") << 64 << 300 << 130 << true;
        QTest::newRow("batch 17, fp32, out 5") << 17 << 64 << 5 << false;
    }
    void gemvMatchesReference()
    {
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
        gemvCpu(s, w, x.data(), y.data(), 2);
        expectClose(y, ref, Tolerance{2e-6 * in, 1e-5, "fp32 vs double sum over in"});
    }
    void gemvBf16DiffersFromFp32ByRoundingOnly()
    {
        // The bf16 path must read bf16 (not silently the fp32 copy): results differ, but only by
        // the weight rounding (relative 2^-9 per weight).
        const GemvShape s{1, 256, 8, WeightType::BF16};
        const auto wf = random(s.in * s.out, "W");
        std::vector<std::uint16_t> wb(wf.size());
        for (std::size_t i = 0; i < wf.size(); ++i)
            wb[i] = floatToBf16(wf[i]);
        const auto x = random(s.in, "x");
        std::vector<float> yb(s.out), yf(s.out);
        gemvCpu(s, wb.data(), x.data(), yb.data(), 1);
        GemvShape f = s;
        f.weights = WeightType::F32;
        gemvCpu(f, wf.data(), x.data(), yf.data(), 1);
        QVERIFY(yb != yf);
        expectClose(yb, yf, Tolerance{256 * (1.0 / 256), 0, "bf16 weight rounding, 2^-8 x sum |w x|"});
    }

    // ---- decode attention over a paged KV cache ----
    void pagedAttentionMatchesReference_data()
    {
        QTest::addColumn<std::vector<std::size_t>>("contexts");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::newRow("1 token (a block holding one)") << std::vector<std::size_t>{1} << 2 << 1 << 64;
        QTest::newRow("exactly one full block") << std::vector<std::size_t>{16} << 4 << 2 << 32;
        QTest::newRow("17 tokens: last block holds one") << std::vector<std::size_t>{17} << 4 << 4 << 72;
        QTest::newRow("mixed batch incl. 1000, GQA 4:1") << std::vector<std::size_t>{33, 1000, 5, 47} << 8 << 2 << 40;
        QTest::newRow("head dim 13") << std::vector<std::size_t>{100, 3} << 3 << 1 << 13;
    }
    void pagedAttentionMatchesReference()
    {
        QFETCH(std::vector<std::size_t>, contexts);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, headDim);
        const PagedAttentionShape s = makePagedShape(contexts, heads, kvHeads, headDim, 3);
        QVERIFY_THROWS_NO_EXCEPTION(validate(s));
        const auto q = random(s.batch() * s.heads * s.headDim, "Q");
        const auto k = random(s.poolBlocks * s.blockElements(), "K");
        const auto v = random(s.poolBlocks * s.blockElements(), "V");
        std::vector<float> o(q.size()), ref(q.size());
        pagedDecodeAttentionReference(s, q.data(), k.data(), v.data(), ref.data());
        pagedDecodeAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), 2);
        expectClose(o, ref, Tolerance{1e-5, 1e-4, "fp32 online vs double softmax"});
    }
    void pagedAttentionEqualsContiguousPrefillLastRow()
    {
        // The same keys laid out contiguously: decode attention of token T-1 over T cached tokens
        // equals row T-1 of causal prefill attention. Ties the block-table walk to an independent
        // layout, including the partly filled last block (T = 37).
        const std::size_t T = 37, H = 4, KVH = 2, D = 24;
        const PagedAttentionShape s = makePagedShape({T}, H, KVH, D, 9);
        const auto q = random(T * H * D, "Q");
        const auto k = random(T * KVH * D, "K");
        const auto v = random(T * KVH * D, "V");
        std::vector<float> kPool(s.poolBlocks * s.blockElements(), 1e3f), vPool(kPool.size(), 1e3f);
        for (std::size_t t = 0; t < T; ++t) {
            const std::size_t pb = static_cast<std::size_t>(s.blockTable[t / kKvBlockTokens]);
            for (std::size_t e = 0; e < KVH * D; ++e) {
                kPool[pb * s.blockElements() + (t % kKvBlockTokens) * KVH * D + e] = k[t * KVH * D + e];
                vPool[pb * s.blockElements() + (t % kKvBlockTokens) * KVH * D + e] = v[t * KVH * D + e];
            }
        }
        std::vector<float> prefill(T * H * D), decode(H * D);
        causalAttentionReference(AttentionShape{T, H, KVH, D}, q.data(), k.data(), v.data(), prefill.data());
        pagedDecodeAttentionCpu(s, q.data() + (T - 1) * H * D, kPool.data(), vPool.data(), decode.data(), 1);
        const std::vector<float> lastRow(prefill.end() - static_cast<long>(H * D), prefill.end());
        expectClose(decode, lastRow, Tolerance{1e-5, 1e-4, "fp32 online vs double softmax"});
    }

    // ---- bad input ----
    void zeroSizesAreRejected()
    {
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(GemmShape{0, 4, 4}));
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(AttentionShape{4, 2, 0, 8}));
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(AttentionShape{4, 3, 2, 8})); // 3 heads over 2 kv heads
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(GemvShape{1, 0, 4, WeightType::F32}));
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(GemvShape{65, 4, 4, WeightType::F32}));
        PagedAttentionShape p = makePagedShape({0}, 2, 1, 8, 1);
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(p));
    }
    void badBlockTableIsRejected()
    {
        PagedAttentionShape p = makePagedShape({40}, 2, 1, 8, 1);
        p.blockTable[2] = static_cast<int>(p.poolBlocks); // one past the pool
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(p));
        p = makePagedShape({40}, 2, 1, 8, 1);
        p.contextLengths[0] = 49; // needs a 4th block; the table row holds 3
        QVERIFY_THROWS_EXCEPTION(KernelError, validate(p));
    }
    void failedCasesCarryAMessage_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expect");
        QTest::newRow("zero tokens") << 0 << "zero";
        QTest::newRow("does not fit in memory") << 1 << "available";
        QTest::newRow("NaN in the activations") << 2 << "NaN";
        QTest::newRow("zero batch GEMV") << 3 << "zero";
        QTest::newRow("NaN in the KV cache") << 4 << "NaN";
        QTest::newRow("attention shape overflows") << 5 << "overflow";
    }
    void failedCasesCarryAMessage()
    {
        QFETCH(int, which);
        QFETCH(QString, expect);
        CaseContext ctx;
        ctx.threads = 1;
        ctx.policy = TimingPolicy{0, 1, 1, 0};
        ctx.fill = [](const std::string &name, float *d, std::size_t n) {
            fillUniform(name, d, n);
            if ((name == "A" || name == "V") && n > 3)
                d[3] = std::numeric_limits<float>::quiet_NaN();
        };
        KernelResult r;
        switch (which) {
        case 0: r = runPrefillGemm(GemmShape{0, 8, 8}, ctx); break;
        case 1: r = runPrefillGemm(GemmShape{1u << 20, 1u << 20, 1u << 20}, ctx); break;
        case 2: r = runPrefillGemm(GemmShape{8, 8, 8}, ctx); break;
        case 3: r = runDecodeGemv(GemvShape{0, 8, 8, WeightType::BF16}, ctx); break;
        case 4: r = runDecodeAttention(makePagedShape({20}, 2, 1, 8, 1), ctx); break;
        case 5: r = runPrefillAttention(AttentionShape{std::size_t(1) << 40, 1u << 20, 1u << 20, 1u << 20}, ctx); break;
        }
        QVERIFY(r.failed);
        QVERIFY(!r.correct);
        QVERIFY2(r.error.find(expect.toStdString()) != std::string::npos, r.error.c_str());
        const auto j = toJson(r);
        QCOMPARE(j["status"].get<std::string>(), std::string("failed"));
        QCOMPARE(j["error"].get<std::string>(), r.error);
    }
    void aCaseRunsEndToEnd()
    {
        CaseContext ctx;
        ctx.threads = 2;
        ctx.policy = TimingPolicy{1, 2, 3, 0};
        ctx.streamBandwidth = 1e9;
        const KernelResult g = runPrefillGemm(GemmShape{33, 70, 45}, ctx);
        QVERIFY2(!g.failed, g.error.c_str());
        QVERIFY2(g.correct, g.check.c_str());
        QVERIFY(g.flopsPerSecond > 0 && g.reference && g.reference->name == "openblas_sgemm" && g.ratioToReference);
        QVERIFY(std::fabs(g.arithmeticIntensity - GemmShape{33, 70, 45}.flops() / GemmShape{33, 70, 45}.bytes(4)) < 1e-9);
        const KernelResult d = runDecodeGemv(GemvShape{2, 300, 70, WeightType::BF16}, ctx);
        QVERIFY2(d.correct, d.check.c_str());
        QVERIFY(d.reference && d.reference->name == "stream_best");
        QVERIFY(std::fabs(*d.ratioToReference - d.bytesPerSecond / 1e9) < 1e-9);
        const KernelResult a = runPrefillAttention(AttentionShape{17, 2, 1, 24}, ctx);
        QVERIFY2(a.correct, a.check.c_str());
        QVERIFY(!a.reference); // no compute reference given in this context
        const KernelResult p = runDecodeAttention(makePagedShape({17, 3}, 4, 2, 16, 5), ctx);
        QVERIFY2(p.correct, p.check.c_str());
    }

    // ---- calibration ----
    void calibrationDividesByPeaks()
    {
        std::vector<KernelResult> rs{
            measured(KernelKind::PrefillGemm, "cpu", 50e9, 1e9),
            measured(KernelKind::PrefillGemm, "cpu", 80e9, 1e9, false),       // incorrect: ignored
            measured(KernelKind::PrefillGemm, "cuda:0", 500e12, 1e12),        // another device: ignored
            measured(KernelKind::DecodeGemv, "cpu", 5e9, 10e9),
            measured(KernelKind::MemoryBandwidth, "cpu", 0, 12e9, true, "stream triad"),
            measured(KernelKind::MemoryBandwidth, "cpu", 0, 11e9, true, "memcpy"),
            measured(KernelKind::MemoryBandwidth, "cpu", 0, 90e9, true, "read sweep"), // cache-resident: not a stream
        };
        CalibrationInputs in;
        in.device = "cpu";
        in.peakFlops = 100e9;
        const MeasuredEfficiency e = calibrate(rs, in);
        QCOMPARE(e.prefillEtaCompute, 0.5);
        QCOMPARE(e.streamBandwidth, 12e9);
        QCOMPARE(e.peakBandwidth, 12e9);                 // no published peak: the stream stands in
        QVERIFY(std::fabs(e.decodeEtaMemory - 10.0 / 12.0) < 1e-12);
        QVERIFY(std::fabs(e.prefillEtaMemory - 1.0 / 12.0) < 1e-12);
        QVERIFY(std::fabs(e.decodeEtaCompute - 0.05) < 1e-12);
        QVERIFY(e.notes.empty());
    }
    void calibrationClampsAndReportsMissing()
    {
        std::vector<KernelResult> rs{measured(KernelKind::PrefillGemm, "cuda:0", 900e12, 1e12)};
        CalibrationInputs in;
        in.device = "cuda:0";
        in.peakFlops = 800e12;
        in.peakBandwidth = 4.8e12;
        const MeasuredEfficiency e = calibrate(rs, in);
        QCOMPARE(e.prefillEtaCompute, 1.0);
        QCOMPARE(e.decodeEtaMemory, 0.0);                // not measured: the catalogue default applies
        QCOMPARE(e.peakBandwidth, 4.8e12);
        QCOMPARE(e.notes.size(), std::size_t{2});        // the clamp and the missing decode result
        const auto j = toJson(e);
        QCOMPARE(j["this_machine"]["eta_compute"]["value"].get<double>(), 1.0);
        QVERIFY(j["this_machine"]["memory_bandwidth_tbs"]["estimate"].get<bool>());
    }

    // ---- device discovery ----
    void cacheSizesAndCpuListsParse()
    {
        QCOMPARE(parseCacheSize("32K"), std::uint64_t{32768});
        QCOMPARE(parseCacheSize("32768K\n"), std::uint64_t{32u << 20});
        QCOMPARE(parseCacheSize("2M"), std::uint64_t{2u << 20});
        QCOMPARE(parseCacheSize("512"), std::uint64_t{512});
        QCOMPARE(parseCacheSize("big"), std::uint64_t{0});
        QCOMPARE(countCpuList("0-3,8,10-11"), 7);
        QCOMPARE(countCpuList("5"), 1);
        QCOMPARE(countCpuList("x-y"), 0);
    }
    void discoversCpuFromFiles()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        {
            std::ofstream f(root + "/cpuinfo");
            f << "processor\t: 0\nmodel name\t: Test CPU 9000\ncpu MHz\t\t: 3000.000\nflags\t\t: fpu sse avx2 fma\n\n"
                 "processor\t: 1\nmodel name\t: Test CPU 9000\ncpu MHz\t\t: 3100.000\n";
        }
        auto writeCache = [&](int idx, const char *level, const char *type, const char *size, const char *shared) {
            const std::string d = root + "/cache/index" + std::to_string(idx);
            QVERIFY(QDir().mkpath(QString::fromStdString(d)));
            std::ofstream(d + "/level") << level << '\n';
            std::ofstream(d + "/type") << type << '\n';
            std::ofstream(d + "/size") << size << '\n';
            std::ofstream(d + "/shared_cpu_list") << shared << '\n';
        };
        writeCache(0, "1", "Data", "48K", "0");
        writeCache(1, "1", "Instruction", "32K", "0");
        writeCache(2, "2", "Unified", "2048K", "0");
        writeCache(3, "3", "Unified", "96M", "0-15");
        const CpuInfo cpu = discoverCpu(root + "/cpuinfo", root + "/cache");
        QCOMPARE(cpu.model, std::string("Test CPU 9000"));
        QCOMPARE(cpu.clockGHz, 3.0);
        QVERIFY(cpu.avx2 && cpu.fma && !cpu.avx512f);
        QCOMPARE(cpu.caches.size(), std::size_t{4});
        QCOMPARE(cpu.caches[3].sharedByCpus, 16);
        QCOMPARE(cpu.lastLevelCacheBytes(), std::uint64_t{96u << 20});
        // AVX2 + FMA: 2 pipes x 8 lanes x 2 flops per cycle.
        QVERIFY(std::fabs(cpu.peakFp32Flops - cpu.logicalCpus * 3.0e9 * 32) < 1);
    }
    void cudaAbsenceIsANormalState()
    {
        const CudaInventory inv = discoverCuda();
        QVERIFY(!inv.status.empty());
        if (!inv.built)
            QVERIFY(inv.devices.empty());
    }

    // ---- memory probe ----
    void randomCycleVisitsEveryNodeOnce()
    {
        const auto next = randomCycle(1000, 42);
        std::set<std::size_t> seen;
        std::size_t at = 0;
        for (int i = 0; i < 1000; ++i) {
            QVERIFY(seen.insert(at).second);
            at = next[at];
        }
        QCOMPARE(at, std::size_t{0});
        QCOMPARE(seen.size(), std::size_t{1000});
    }
    void sweepAndProbesProducePlausibleFigures()
    {
        const auto sizes = workingSetSweep(64 * 1024);
        QCOMPARE(sizes, (std::vector<std::size_t>{4096, 8192, 16384, 32768, 65536}));
        const TimingPolicy p{0, 2, 2, 0};
        const LatencyPoint l = measureLatency(16 * 1024, p, 100000);
        QVERIFY(l.nsPerLoad > 0.1 && l.nsPerLoad < 1000);
        const BandwidthPoint b = measureReadBandwidth(64 * 1024, 2, p);
        QVERIFY(b.bytesPerSecond > 1e8);
        const BandwidthPoint t = measureTriad(1 << 20, 2, p);
        QCOMPARE(t.workingSetBytes, std::size_t{3u << 20});
        QVERIFY(t.bytesPerSecond > 1e8);
        QVERIFY_THROWS_EXCEPTION(KernelError, measureReadBandwidth(100, 1, p));
    }

    // ---- options and JSON ----
    void kernelListParses()
    {
        BenchOptions o;
        selectKernels(o, "decode, memory");
        QVERIFY(!o.prefill && o.decode && !o.attention && o.memory);
        QVERIFY_THROWS_EXCEPTION(KernelError, selectKernels(o, "decode,gpu"));
        QVERIFY_THROWS_EXCEPTION(KernelError, selectKernels(o, ","));
    }
    void resultJsonHasTheDocumentedFields()
    {
        KernelResult r = measured(KernelKind::DecodeGemv, "cpu", 1e9, 2e9);
        r.reference = ReferenceFigure{"stream_best", 4e9, "byte/s"};
        r.ratioToReference = 0.5;
        r.maxAbsError = std::numeric_limits<double>::quiet_NaN();
        const auto j = toJson(r);
        for (const char *key : {"kernel", "device", "shape", "precision", "median_ms", "flops_per_s", "bytes_per_s",
                                "arithmetic_intensity", "reference", "ratio_to_reference", "correct", "max_abs_error"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["kernel"].get<std::string>(), std::string("decode_gemv"));
        QCOMPARE(j["reference"]["figure"].get<double>(), 4e9);
        QVERIFY(j["max_abs_error"].is_null()); // NaN is not JSON: null
        for (KernelKind k : {KernelKind::PrefillGemm, KernelKind::PrefillAttention, KernelKind::DecodeGemv,
                             KernelKind::DecodeAttention, KernelKind::MemoryBandwidth, KernelKind::MemoryLatency})
            QCOMPARE(kernelKindFromString(toString(k)), std::optional<KernelKind>(k));
    }
};

QTEST_APPLESS_MAIN(TestKernels)
#include "test_kernels.moc"
