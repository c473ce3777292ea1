// Hand-computed checks of the phase model: every expected number below is worked out in the
// comment beside it from the toy models' shapes (tests/perf/toymodels.h), so a change to a formula
// shows up as a named failing row rather than a drift in some aggregate.
#include <QtTest>

#include "core/model/modelarch.h"
#include "core/perf/perfmodel.h"
#include "core/util/error.h"
#include "toymodels.h"

using namespace tokenroute;

namespace {

// Relative tolerance for hand-computed values: the toy counts leave out the RMSNorm weights
// (2 · 1024 per layer + 1024, ~5 k of ~99 M parameters), well under 1e-3.
constexpr double kRel = 1e-3;

bool near(double actual, double expected, double rel = kRel)
{
    return std::abs(actual - expected) <= rel * std::abs(expected) + 1e-15;
}

#define QNEAR(actual, expected) \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("%1 vs expected %2").arg((actual), 0, 'g', 10).arg((expected), 0, 'g', 10)))

// Parameters of the toy dense model, by hand.
constexpr double kAttn = 4.0 * 1024 * 1024;           // q, k, v, o: 4,194,304
constexpr double kFfn = 3.0 * 1024 * 4096;            // gate, up, down: 12,582,912
constexpr double kBody = 2 * (kAttn + kFfn);          // 33,554,432
constexpr double kHead = 32000.0 * 1024;              // 32,768,000
constexpr double kKvPerToken = 2.0 * 2 * 8 * 128 * 2; // K and V, 2 layers, 8 heads, 128, bf16: 8192 B
// Element-wise traffic per token: 2 layers · (8 · 1024 + 3 · 4096) · 2 B = 81,920 B.
constexpr double kActPerToken = 2 * (8.0 * 1024 + 3 * 4096) * 2;

DeviceSetup setupOn(const Accelerator &d, int tp = 1, int pp = 1)
{
    DeviceSetup s;
    s.device = &d;
    s.count = tp * pp;
    s.tp = tp;
    s.pp = pp;
    s.cal.stepOverheadUs = 0;  // isolate the roofline; overheads have their own test
    return s;
}

} // namespace

class TestPerfModel : public QObject {
    Q_OBJECT
private slots:
    void denseDecodeIsMemoryBound();
    void densePrefillIsComputeBound();
    void gqaKvAndMemoryBudget();
    void moeExpertsTouched();
    void moeDecodeReadsTouchedExperts();
    void mlaLatentCache();
    void sramChipsAndPipeline();
    void precisionFallback_data();
    void precisionFallback();
    void fp4WeightsOnFp8Device();
    void tensorParallelAllReduce();
    void stepOverheadByDeviceClass();
    void speculativeDecoding();
    void badSetupsAreRefused_data();
    void badSetupsAreRefused();
    void estimateIsConsistent();
    void capacityMeetsDecodeSlo();
    void operatingCurveShape();
    void chooseSetupDefaults();
};

void TestPerfModel::denseDecodeIsMemoryBound()
{
    const Accelerator d = toy::gpu();
    const DecodeStepResult r = decodeStep(toy::dense(), setupOn(d), 1, 1000);
    // Weights read: body and head at 2 B: 2 · (33,554,432 + 32,768,000) = 132,644,864 B.
    QNEAR(r.weightBytes, 2 * (kBody + kHead));
    // KV read: 1000 tokens · 8192 B; one token written; element-wise traffic 81,920 B.
    QNEAR(r.kvReadBytes, 1000 * kKvPerToken);
    QNEAR(r.kvWriteBytes, kKvPerToken);
    QNEAR(r.activationBytes, kActPerToken);
    // Memory time: (132,644,864 + 8,192,000 + 8192 + 81,920) B / (1 TB/s · 0.5) = 281.9 µs; each
    // kernel class is memory-bound, so the step is their sum.
    const double bytes = 2 * (kBody + kHead) + 1000 * kKvPerToken + kKvPerToken + kActPerToken;
    QNEAR(r.memoryS, bytes / 0.5e12);
    // FLOPs: 2 · (body + head) + attention 2 layers · 2 · 8 heads · (128 + 128) · 1000 keys.
    QNEAR(r.flops, 2 * (kBody + kHead) + 2 * 2 * 8 * 256.0 * 1000);
    QCOMPARE(int(r.bound), int(Bound::Memory));
    QNEAR(r.timeS, bytes / 0.5e12);
    QCOMPARE(int(r.memoryTier), int(TierKind::Hbm));
}

void TestPerfModel::densePrefillIsComputeBound()
{
    const Accelerator d = toy::gpu();
    const PrefillResult r = prefill(toy::dense(), setupOn(d), 1, 1000);
    // Linear: 2 · body · 1000 tokens + 2 · head for the one logit row = 67,174,400,000 FLOPs.
    // Causal attention: 1000 tokens · 4096 FLOPs per key per layer · 2 layers · 500 keys on average.
    const double linear = 2 * kBody * 1000 + 2 * kHead;
    const double attention = 1000.0 * 4096 * 2 * 500;
    QNEAR(r.flops, linear + attention);
    // 100 TFLOP/s · η 0.5 = 50 TFLOP/s: 1.4255 ms.
    QNEAR(r.computeS, (linear + attention) / 50e12);
    QCOMPARE(int(r.bound), int(Bound::Compute));
    // Linear and attention kernels are compute-bound; the element-wise kernels add their traffic:
    // 1000 · 81,920 B / 0.5 TB/s = 163.8 µs.
    QNEAR(r.timeS, r.computeS + 1000 * kActPerToken / 0.5e12);
    QNEAR(r.kvWriteBytes, 1000 * kKvPerToken);
    QCOMPARE(r.tokens, 1000.0);
}

void TestPerfModel::gqaKvAndMemoryBudget()
{
    const Accelerator d = toy::gpu();
    // 2 KV heads: 2 (K, V) · 2 layers · 2 heads · 128 · 2 B = 2048 B per token.
    QNEAR(kvBytesPerToken(toy::gqa(), 2), 2048.0);
    DeviceSetup s = setupOn(d);
    const MemoryBudget b = memoryBudget(toy::gqa(), s);
    // Weights: per layer attention 2·1024² + 2·1024·256 = 2,621,440, FFN 12,582,912; two layers
    // plus untied embeddings 65,536,000 → 95,944,704 params · 2 B = 191,889,408 B.
    QNEAR(b.weightBytes, 191889408.0);
    // Activation peak: 8192 tokens · (2 · 4096 + 4 · 1024) · 2 B + 256 · 32000 · 4 B = 234,094,592 B.
    QNEAR(b.activationPeakBytes, 234094592.0);
    QNEAR(b.runtimeBytes, 1.5e9);
    // Free: 9e9 − 191,889,408 − 234,094,592 − 1.5e9 = 7,074,016,000 B; blocks of 16 · 2048 B:
    // floor(215,881.8) = 215,881 (norm weights may shift it by a block).
    QVERIFY2(std::abs(b.kvBlocks - 215881) <= 1, qPrintable(QString::number(b.kvBlocks)));
    QCOMPARE(b.kvTokens, b.kvBlocks * 16);
    QVERIFY(b.fits);
    // tp 4 > 2 KV heads: each head is held by two ranks, so the replica stores every byte twice.
    const MemoryBudget b4 = memoryBudget(toy::gqa(), setupOn(d, 4));
    QNEAR(b4.kvBytesPerToken, 4096.0);
    QNEAR(b4.deviceBytes, 40e9);
}

void TestPerfModel::moeExpertsTouched()
{
    // E · (1 − (1 − k/E)^B): 8 experts, top-2.
    QNEAR(expectedExpertsTouched(8, 2, 1), 2.0);                 // 8 · (1 − 0.75)
    QNEAR(expectedExpertsTouched(8, 2, 4), 5.46875);             // 8 · (1 − 0.31640625)
    QVERIFY(near(expectedExpertsTouched(8, 2, 1000), 8.0, 1e-9)); // every expert
    QCOMPARE(expectedExpertsTouched(0, 2, 10), 0.0);             // dense
}

void TestPerfModel::moeDecodeReadsTouchedExperts()
{
    const Accelerator d = toy::gpu();
    const DecodeStepResult one = decodeStep(toy::moe(), setupOn(d), 1, 0);
    const DecodeStepResult four = decodeStep(toy::moe(), setupOn(d), 4, 0);
    QNEAR(one.expertsTouched, 2.0);
    QNEAR(four.expertsTouched, 5.46875);
    // One expert = 3 · 1024 · 1024 = 3,145,728 params. Batch 4 touches 3.46875 more experts in each
    // of 2 layers: 2 · 3.46875 · 3,145,728 · 2 B = 43,646,976 B more weights.
    QNEAR(four.weightBytes - one.weightBytes, 43646976.0);
    // FLOPs per extra token: 2 · (active body + head); active body = attention 2 · 4,194,304 plus
    // 2 experts · 2 layers · 3,145,728 (the router's 2 · 8 · 1024 is inside the tolerance).
    const DecodeStepResult two = decodeStep(toy::moe(), setupOn(d), 2, 0);
    QNEAR(two.flops - one.flops, 2 * (2 * kAttn + 4 * 3145728.0 + kHead));
}

void TestPerfModel::mlaLatentCache()
{
    const Accelerator d = toy::gpu();
    // MLA caches the 512-wide latent plus the 64-wide rope key per layer: 2 · 576 · 2 B = 2304 B.
    QNEAR(kvBytesPerToken(toy::mla(), 2), 2304.0);
    const DecodeStepResult r = decodeStep(toy::mla(), setupOn(d), 2, 100);
    QNEAR(r.kvReadBytes, 2 * 100 * 2304.0);
    // Under tp 4 every rank keeps the whole latent: 4 · 2304 B per token in the replica.
    QNEAR(memoryBudget(toy::mla(), setupOn(d, 4)).kvBytesPerToken, 4 * 2304.0);
    // Attention uses the 192-wide query/key and 128-wide value: 2 · 8 · (192 + 128) per key per layer.
    QNEAR(r.flops - decodeStep(toy::mla(), setupOn(d), 2, 0).flops, 2 * 2 * 8 * 320.0 * 100 * 2);
}

void TestPerfModel::sramChipsAndPipeline()
{
    const Accelerator d = toy::sram();
    // All weights ≈ 99.1 M params · 2 B = 198.2 MB, plus room for 4096 tokens of KV (4096 · 8192 B =
    // 33.6 MB) = 231.7 MB; chips hold 0.1 GB · 0.9 = 90 MB: 2 chips (180 MB) are short, 3 (270 MB) fit.
    QCOMPARE(minDevicesFor(toy::dense(), d, Precision::BF16, Precision::BF16, 0.9), 3);
    // A stage holds at least one layer, so three chips over two layers share each layer between
    // two chips (tp 2) in two stages: the smallest valid replica is four chips.
    const DeviceSetup chosen = chooseSetup(toy::dense(), d, 4, Precision::BF16, Precision::BF16);
    QCOMPARE(chosen.tp, 2);
    QCOMPARE(chosen.pp, 2);
    QCOMPARE(chosen.count, 4);
    // Timing of a pure pipeline: one layer per chip, two chips in turn.
    DeviceSetup s = chooseSetup(toy::dense(), d, 2, Precision::BF16, Precision::BF16, 1, 2);
    QCOMPARE(s.count, 2);
    s.cal.stepOverheadUs = 0;
    const DecodeStepResult r = decodeStep(toy::dense(), s, 1, 0);
    QCOMPARE(int(r.memoryTier), int(TierKind::Sram));
    // A token crosses the chips in turn, each streaming its share of the weights from its
    // SRAM: 132,644,864 B / (10 TB/s · 0.5) = 26.53 µs, whatever the chip count.
    QNEAR(r.memoryS, 2 * (kBody + kHead) / 5e12 + (kKvPerToken + kActPerToken) / (2 * 5e12));
    // One hop of one 2048 B hidden state at 100 GB/s plus 1 µs = 1.0205 µs.
    QNEAR(r.interconnectS, 1 * (2048 / 100e9 + 1e-6));
    QCOMPARE(int(r.bound), int(Bound::Memory));
    QNEAR(r.timeS, r.memoryS + r.interconnectS);
    // The memory budget counts SRAM, not HBM, and reserves no runtime context.
    const MemoryBudget b = memoryBudget(toy::dense(), s);
    QCOMPARE(int(b.tier), int(TierKind::Sram));
    QCOMPARE(b.runtimeBytes, 0.0);
    QNEAR(b.deviceBytes, 0.2e9);
}

void TestPerfModel::precisionFallback_data()
{
    QTest::addColumn<int>("weights");
    QTest::addColumn<int>("path");
    QTest::addColumn<int>("compute");
    QTest::addColumn<double>("peak");
    QTest::newRow("fp8 native") << int(Precision::FP8) << int(PrecisionPath::Native) << int(Precision::FP8) << 200.0;
    QTest::newRow("bf16 native") << int(Precision::BF16) << int(PrecisionPath::Native) << int(Precision::BF16) << 100.0;
    QTest::newRow("fp4 runs at fp8 rate") << int(Precision::FP4) << int(PrecisionPath::WeightOnly) << int(Precision::FP8) << 200.0;
    QTest::newRow("int4 dequantised to bf16") << int(Precision::INT4) << int(PrecisionPath::WeightOnly) << int(Precision::BF16) << 100.0;
    QTest::newRow("fp32 not available") << int(Precision::FP32) << int(PrecisionPath::Unsupported) << int(Precision::BF16) << 0.0;
}

void TestPerfModel::precisionFallback()
{
    QFETCH(int, weights);
    QFETCH(int, path);
    QFETCH(int, compute);
    QFETCH(double, peak);
    const PrecisionPlan p = resolvePrecision(toy::gpu(), Precision(weights));
    QCOMPARE(int(p.path), path);
    QCOMPARE(p.peakTflops, peak);
    if (p.path != PrecisionPath::Unsupported)
        QCOMPARE(int(p.compute), compute);
    QCOMPARE(p.note.empty(), p.path == PrecisionPath::Native);
}

void TestPerfModel::fp4WeightsOnFp8Device()
{
    const Accelerator d = toy::gpu();
    DeviceSetup s = setupOn(d);
    s.weights = Precision::FP4;
    const DecodeStepResult r = decodeStep(toy::dense(), s, 1, 0);
    // MXFP4 matrices at 4.25 bits (0.53125 B), the head stays at 2 B:
    // 33,554,432 · 0.53125 + 32,768,000 · 2 = 83,361,792 B.
    QNEAR(r.weightBytes, kBody * 0.53125 + kHead * 2);
    QCOMPARE(int(r.precision.compute), int(Precision::FP8));
    // Weight-only FP4 computes at the FP8 rate, 200 TFLOP/s · 0.5, with no block-scale derating.
    const PrefillResult p = prefill(toy::dense(), s, 1, 1000);
    QNEAR(p.computeS, (2 * kBody * 1000 + 2 * kHead) / 100e12 + 1000.0 * 4096 * 2 * 500 / 50e12);
    // Where FP4 is native the block-scaled GEMMs reach 0.7 of the efficiency: 400 · 0.5 · 0.7.
    Accelerator native = d;
    native.peakTflops[Precision::FP4] = 400;
    s.device = &native;
    const PrefillResult pn = prefill(toy::dense(), s, 1, 1000);
    QNEAR(pn.computeS, (2 * kBody * 1000 + 2 * kHead) / 140e12 + 1000.0 * 4096 * 2 * 500 / 50e12);
}

void TestPerfModel::tensorParallelAllReduce()
{
    const Accelerator d = toy::gpu();
    DeviceSetup s = setupOn(d, 2);
    s.linkLatencyUs = 5;
    const DecodeStepResult r = decodeStep(toy::dense(), s, 1, 0);
    // Two all-reduces per layer, 2 layers; ring: each sends 2 · (2−1)/2 · 2048 B = 2048 B.
    QNEAR(r.linkBytes, 4 * 2048.0);
    QNEAR(r.interconnectS, 4 * (2048 / 100e9) + 4 * 5e-6);
    // Weights split over two devices: 132,644,864 / 2 / 0.5 TB/s.
    QNEAR(r.memoryS, 2 * (kBody + kHead) / 1e12 + (kKvPerToken + kActPerToken) / 1e12);
    QNEAR(r.timeS, r.memoryS + r.interconnectS);
}

void TestPerfModel::stepOverheadByDeviceClass()
{
    Accelerator d = toy::gpu();
    DeviceSetup s = setupOn(d);
    s.cal.stepOverheadUs = -1;
    // GPU: 150 µs per step + 2 layers · 8 kernels · 2 µs = 182 µs.
    QNEAR(decodeStep(toy::dense(), s, 1, 0).overheadS, 182e-6);
    s.cal.stepOverheadUs = 40;  // a calibration replaces it
    QNEAR(decodeStep(toy::dense(), s, 1, 0).overheadS, 40e-6);
    // A calibrated efficiency replaces the catalogue's.
    s.cal.decodeEtaMemory = 1.0;
    QNEAR(decodeStep(toy::dense(), s, 1, 0).memoryS, (2 * (kBody + kHead) + kKvPerToken + kActPerToken) / 1e12);
}

void TestPerfModel::speculativeDecoding()
{
    const Accelerator d = toy::gpu();
    DeviceSetup s = setupOn(d);
    const DecodeStepResult base = decodeStep(toy::dense(), s, 4, 0);
    s.acceptedTokensPerStep = 2;
    const DecodeStepResult spec = decodeStep(toy::dense(), s, 4, 0);
    // Twice the tokens multiplied per step, the weights read once.
    QNEAR(spec.flops, 2 * base.flops);
    QNEAR(spec.weightBytes, base.weightBytes);
    const Estimate e1 = estimate(toy::dense(), setupOn(d), 100, 100, 4);
    const Estimate e2 = estimate(toy::dense(), s, 100, 100, 4);
    // Memory-bound steps barely lengthen, so each user sees close to twice the speed.
    QVERIFY(e2.outputTokensPerSPerUser > 1.8 * e1.outputTokensPerSPerUser);
}

void TestPerfModel::badSetupsAreRefused_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("tp");
    QTest::addColumn<int>("ep");
    QTest::addColumn<int>("weights");
    QTest::addColumn<int>("kv");
    QTest::addColumn<QString>("field");
    QTest::newRow("zero count") << 0 << 1 << 1 << int(Precision::BF16) << int(Precision::BF16) << "count";
    QTest::newRow("count not a multiple of tp") << 3 << 2 << 1 << int(Precision::BF16) << int(Precision::BF16) << "count";
    QTest::newRow("negative tp") << 2 << -2 << 1 << int(Precision::BF16) << int(Precision::BF16) << "tp/pp/ep";
    QTest::newRow("ep on a dense model") << 2 << 2 << 2 << int(Precision::BF16) << int(Precision::BF16) << "ep";
    QTest::newRow("fp32 weights lacking") << 1 << 1 << 1 << int(Precision::FP32) << int(Precision::BF16) << "weights";
    QTest::newRow("fp4 kv") << 1 << 1 << 1 << int(Precision::BF16) << int(Precision::FP4) << "kv";
}

void TestPerfModel::badSetupsAreRefused()
{
    QFETCH(int, count);
    QFETCH(int, tp);
    QFETCH(int, ep);
    QFETCH(int, weights);
    QFETCH(int, kv);
    QFETCH(QString, field);
    const Accelerator d = toy::gpu();
    DeviceSetup s = setupOn(d);
    s.count = count;
    s.tp = tp;
    s.ep = ep;
    s.weights = Precision(weights);
    s.kv = Precision(kv);
    try {
        validate(toy::dense(), s);
        QFAIL("accepted a bad setup");
    } catch (const InputError &e) {
        QCOMPARE(QString::fromStdString(e.where()), field);
    }
}

void TestPerfModel::estimateIsConsistent()
{
    const Accelerator d = toy::gpu();
    const Estimate e = estimate(toy::dense(), setupOn(d), 1000, 1000, 0);
    // KV per request: 2000 tokens · 8192 B = 125 blocks of 16 tokens. Free memory
    // 9e9 − 198.2e6 (weights) − 234.1e6 (activations) − 1.5e9 ≈ 7.0677e9 B → 53,922 blocks → 431.
    QVERIFY2(std::abs(e.maxConcurrency - 431) <= 1, qPrintable(QString::number(e.maxConcurrency)));
    QCOMPARE(e.concurrency, e.maxConcurrency);
    QNEAR(e.kvBytesPerRequest, 2000 * kKvPerToken);
    QVERIFY(e.fits);
    // Little's law: requests/s × time spent decoding (output × TPOT) = requests in flight.
    QNEAR(e.requestsPerS * e.outputTokens * e.tpotS, double(e.concurrency));
    QNEAR(e.outputTokensPerS, e.requestsPerS * 1000);
    QVERIFY(e.ttftS > e.prefill.timeS);
    QNEAR(e.e2eS, e.ttftS + 999 * e.tpotS);
    // Cost: $10,000 over 4 years of 8766 h + 1 kW · PUE 1.3 · $0.08/kWh = $0.3892/h.
    QNEAR(e.usdPerHour, 10000 / (4 * 8766.0) + 1.3 * 0.08);
    QNEAR(e.usdPerMillionOutput + 0, e.usdPerHour * (1 - e.usdPerMillionInput * e.inputTokensPerS * 3600e-6 / e.usdPerHour) /
                                         (e.outputTokensPerS * 3600) * 1e6);
    QNEAR(e.joulesPerOutputToken, 1000 / e.outputTokensPerS);
    // A tiny device does not hold the model: not fitting is reported, not thrown.
    Accelerator small = d;
    small.memoryGb = 2;  // 1.8 GB usable − 1.5 GB runtime leaves 0.3 GB: short of 198 MB + 234 MB
    const Estimate none = estimate(toy::dense(), setupOn(small), 1000, 1000, 0);
    QVERIFY(!none.fits);
    QCOMPARE(none.maxConcurrency, 0);
    // Two devices: 3.6 GB usable − 3 GB runtime − 198 MB − 301 MB of activations leaves room.
    QCOMPARE(none.memory.minDevices, 2);
}

void TestPerfModel::capacityMeetsDecodeSlo()
{
    const Accelerator d = toy::gpu();
    const DeviceSetup s = setupOn(d);
    // Each step reads the 132.6 MB of weights (265 µs) plus KV: a 1 ms TPOT allows some hundreds.
    const PoolCapacity c = capacityAtSlo(toy::dense(), s, ServingRole::Decode, 1000, 1000, 0, 1e-3);
    QVERIFY(c.meetsSlo);
    QVERIFY(c.tpotS <= 1e-3);
    QVERIFY(decodeStep(toy::dense(), s, c.concurrency + 1, 1500).timeS > 1e-3);
    QNEAR(c.maxRequestsPerS, c.concurrency / (1000 * c.tpotS));
    // An SLO no batch can meet (faster than reading the weights once).
    const PoolCapacity never = capacityAtSlo(toy::dense(), s, ServingRole::Decode, 1000, 1000, 0, 1e-4);
    QVERIFY(!never.meetsSlo);
    QCOMPARE(never.maxRequestsPerS, 0.0);
    QCOMPARE(int(never.limit), int(Bound::Memory));
    // Prefill pool: TTFT 1.5 × batch time within 50 ms.
    const PoolCapacity p = capacityAtSlo(toy::dense(), s, ServingRole::Prefill, 1000, 1000, 0.05, 0);
    QVERIFY(p.meetsSlo);
    QVERIFY(p.ttftS <= 0.05);
    QCOMPARE(int(p.limit), int(Bound::Compute));
}

void TestPerfModel::operatingCurveShape()
{
    const Accelerator d = toy::gpu();
    const std::vector<CurvePoint> curve = operatingCurve(toy::dense(), setupOn(d), 1000, 200);
    QVERIFY(curve.size() >= 5);
    QCOMPARE(curve.front().concurrency, 1);
    for (std::size_t i = 1; i < curve.size(); ++i) {
        QVERIFY(curve[i].outputTokensPerSPerDevice >= curve[i - 1].outputTokensPerSPerDevice * 0.999);
        QVERIFY(curve[i].outputTokensPerSPerUser <= curve[i - 1].outputTokensPerSPerUser * 1.001);
    }
    QCOMPARE(curve.back().concurrency, estimate(toy::dense(), setupOn(d), 1000, 200, 0).maxConcurrency);
}

void TestPerfModel::chooseSetupDefaults()
{
    Accelerator d = toy::gpu();
    d.memoryGb = 2;  // see estimateIsConsistent: the model needs two of these
    const DeviceSetup s = chooseSetup(toy::dense(), d, 8, Precision::BF16, Precision::BF16);
    QCOMPARE(s.tp, 2);
    QCOMPARE(s.pp, 1);
    QCOMPARE(s.count % (s.tp * s.pp), 0);
    QVERIFY(s.count <= 8);
    const DeviceSetup fixed = chooseSetup(toy::moe(), toy::gpu(), 8, Precision::BF16, Precision::BF16, 4, 1, 4);
    QCOMPARE(fixed.tp, 4);
    QCOMPARE(fixed.ep, 4);
    QCOMPARE(fixed.count, 8);
    QCOMPARE(chooseSetup(toy::dense(), toy::gpu(), 8, Precision::BF16, Precision::BF16, 4, 1, 4).ep, 1);
}

QTEST_APPLESS_MAIN(TestPerfModel)
#include "test_perfmodel.moc"
