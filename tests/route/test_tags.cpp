// Tag derivation: each axis from its numbers with the reason it holds, thresholds that move the
// boundary, per-workload overrides, and the sentences the reasons render to.

#include <QtTest>

#include "core/model/modelarch.h"
#include "core/route/tags.h"

using namespace tokenroute;

namespace {

// Shapes as published in the models' config.json files (Llama 3.1 8B / 70B, Qwen3 0.6B).
ModelArch llama8b()
{
    ModelArch a;
    a.family = "llama";
    a.layers = 32;
    a.hidden = 4096;
    a.heads = 32;
    a.kvHeads = 8;
    a.headDim = 128;
    a.intermediate = 14336;
    a.vocab = 128256;
    a.maxContext = 131072;
    return a;
}

ModelArch llama70b()
{
    ModelArch a = llama8b();
    a.layers = 80;
    a.hidden = 8192;
    a.heads = 64;
    a.intermediate = 28672;
    return a;
}

ModelArch qwen06b()
{
    ModelArch a;
    a.family = "qwen3";
    a.layers = 28;
    a.hidden = 1024;
    a.heads = 16;
    a.kvHeads = 8;
    a.headDim = 128;
    a.intermediate = 3072;
    a.vocab = 151936;
    a.tiedEmbeddings = true;
    return a;
}

Workload workload(double in, double out, double ttft, double tpot)
{
    Workload w;
    w.name = "w";
    w.ratePerS = 1;
    w.inputMean = in;
    w.inputP90 = in * 1.5;
    w.outputMean = out;
    w.outputP90 = out * 1.5;
    w.ttftSloMs = ttft;
    w.tpotSloMs = tpot;
    return w;
}

const TagReason &reasonOn(const WorkloadTags &t, TagAxis axis)
{
    for (const TagReason &r : t.reasons)
        if (r.axis == axis)
            return r;
    qFatal("axis missing");
}

} // namespace

class TestTags : public QObject {
    Q_OBJECT

private slots:
    void derive_data();
    void derive();
    void flopShareFollowsTheModel();
    void noSloUsesTheFlag();
    void thresholdsMoveTheBoundary();
    void overrideReplacesOneAxis();
    void unknownModelIsAssumedLarge();
    void reasonsReadAsSentences();
};

void TestTags::derive_data()
{
    QTest::addColumn<int>("model");   // 0 qwen 0.6b, 1 llama 8b, 2 llama 70b
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");
    QTest::addColumn<double>("ttft");
    QTest::addColumn<double>("tpot");
    QTest::addColumn<bool>("edge");
    QTest::addColumn<QString>("tags");   // comma-separated, in axis order

    QTest::newRow("chat on 70b") << 2 << 1000.0 << 400.0 << 1000.0 << 50.0 << false
                                 << QStringLiteral("decode-heavy,short-context,interactive,large-model,data-centre");
    QTest::newRow("long document summary") << 1 << 20000.0 << 500.0 << 30000.0 << 500.0 << false
                                           << QStringLiteral("prefill-heavy,long-context,batch,small-model,data-centre");
    QTest::newRow("ratio exactly at 4 is prefill-heavy") << 1 << 2000.0 << 500.0 << 0.0 << 150.0 << false
                                                         << QStringLiteral("prefill-heavy,short-context,interactive,small-model,data-centre");
    QTest::newRow("voice assistant on a tiny model") << 0 << 200.0 << 100.0 << 300.0 << 40.0 << true
                                                     << QStringLiteral("decode-heavy,short-context,interactive,sram-resident,edge");
    // p90 prompt 5460 × 1.5 = 8190 + 2 output tokens = 8192: exactly at the threshold.
    QTest::newRow("context exactly at 8192 is long") << 2 << 5460.0 << 2.0 << 5000.0 << 300.0 << false
                                                     << QStringLiteral("prefill-heavy,long-context,batch,large-model,data-centre");
}

void TestTags::derive()
{
    QFETCH(int, model);
    QFETCH(double, input);
    QFETCH(double, output);
    QFETCH(double, ttft);
    QFETCH(double, tpot);
    QFETCH(bool, edge);
    QFETCH(QString, tags);
    const ModelArch archs[] = {qwen06b(), llama8b(), llama70b()};
    Workload w = workload(input, output, ttft, tpot);
    w.edge = edge;
    WorkloadTags t = deriveTags(w, &archs[model]);
    QStringList got;
    for (Tag tag : t.tags)
        got << QString::fromStdString(toString(tag));
    QCOMPARE(got.join(u','), tags);
    QCOMPARE(t.reasons.size(), size_t(5));
    for (const TagReason &r : t.reasons)
        QVERIFY(!describe(r).empty());
}

// Attention shifts FLOPs towards decode on long prompts: each output token attends to the whole
// 20k-token prompt, a prompt token to half of it on average, so the prefill share of FLOPs is below
// the token share (20000/20500) while still far above the 80 % a 4:1 ratio gives.
void TestTags::flopShareFollowsTheModel()
{
    Workload w = workload(20000, 500, 0, 0);
    ModelArch a = llama8b();
    WorkloadTags t = deriveTags(w, &a);
    const TagReason &r = reasonOn(t, TagAxis::Phase);
    QVERIFY(r.code == TagReasonCode::TokenRatio);
    QCOMPARE(r.value, 40.0);
    const double tokenShare = 20000.0 / 20500.0;
    QVERIFY2(r.extra < tokenShare && r.extra > 0.9, std::to_string(r.extra).c_str());
    // Without a model the share is the token share.
    WorkloadTags plain = deriveTags(w, nullptr);
    QCOMPARE(reasonOn(plain, TagAxis::Phase).extra, tokenShare);
}

void TestTags::noSloUsesTheFlag()
{
    Workload w = workload(500, 500, 0, 0);
    w.interactive = false;
    ModelArch a = llama8b();
    const WorkloadTags tags = deriveTags(w, &a);  // kept alive: r refers into it
    const TagReason &r = reasonOn(tags, TagAxis::Latency);
    QVERIFY(r.code == TagReasonCode::NoSloFlag);
    QVERIFY(r.tag == Tag::Batch);
    w.interactive = true;
    QVERIFY(reasonOn(deriveTags(w, &a), TagAxis::Latency).tag == Tag::Interactive);
}

void TestTags::thresholdsMoveTheBoundary()
{
    Workload w = workload(3000, 1000, 0, 0);   // ratio 3
    ModelArch a = llama8b();                   // about 16 GB of BF16 weights
    TagThresholds t;
    QVERIFY(deriveTags(w, &a, t).has(Tag::DecodeHeavy));
    QVERIFY(deriveTags(w, &a, t).has(Tag::SmallModel));
    t.prefillHeavyRatio = 2.5;
    t.sramResidentGb = 20;
    WorkloadTags moved = deriveTags(w, &a, t);
    QVERIFY(moved.has(Tag::PrefillHeavy));
    QVERIFY(moved.has(Tag::SramResident));
    t.weightsPrecision = Precision::FP8;
    t.sramResidentGb = 14.72;
    QVERIFY(deriveTags(w, &a, t).has(Tag::SramResident));   // 8 GB at FP8
    const WorkloadTags tags = deriveTags(w, &a, t);  // kept alive: r refers into it
    const TagReason &r = reasonOn(tags, TagAxis::ModelSize);
    QVERIFY(r.value > 7.9 && r.value < 8.2);
}

void TestTags::overrideReplacesOneAxis()
{
    Workload w = workload(1000, 400, 1000, 50);
    w.tagOverrides[TagAxis::Latency] = Tag::Batch;
    ModelArch a = llama70b();
    WorkloadTags t = deriveTags(w, &a);
    QVERIFY(t.has(Tag::Batch));
    QVERIFY(!t.has(Tag::Interactive));
    QVERIFY(t.has(Tag::LargeModel));   // other axes untouched
    const TagReason &r = reasonOn(t, TagAxis::Latency);
    QVERIFY(r.code == TagReasonCode::Overridden);
    QVERIFY(r.derived == Tag::Interactive);
    QCOMPARE(describe(r), std::string("batch: set by the user (the numbers say interactive)."));
}

void TestTags::unknownModelIsAssumedLarge()
{
    Workload w = workload(1000, 400, 1000, 50);
    WorkloadTags t = deriveTags(w, nullptr);
    QVERIFY(t.has(Tag::LargeModel));
    QVERIFY(reasonOn(t, TagAxis::ModelSize).code == TagReasonCode::UnknownModel);
}

void TestTags::reasonsReadAsSentences()
{
    Workload w = workload(8000, 1000, 0, 0);
    WorkloadTags t = deriveTags(w, nullptr);
    QCOMPARE(describe(reasonOn(t, TagAxis::Phase)),
             std::string("prefill-heavy: 8.0 input tokens per output token (at least 4.0), 89 % of its FLOPs in prefill."));
    QCOMPARE(describe(reasonOn(t, TagAxis::Context)),
             std::string("long-context: contexts reach 13000 tokens (p90 prompt plus mean output), at least 8192."));
    Workload chat = workload(500, 500, 800, 60);
    QCOMPARE(describe(reasonOn(deriveTags(chat, nullptr), TagAxis::Latency)),
             std::string("interactive: its TTFT SLO of 800 ms is within 2000 ms, so a person is waiting."));
}

QTEST_APPLESS_MAIN(TestTags)
#include "test_tags.moc"
