// Hugging Face config import and the figures derived from it, checked against published numbers.
//
// The fixtures in tests/data/model are the config.json files as published on Hugging Face. Stated
// parameter counts come from the publishers (model cards, blog posts, README files); each row cites
// its source. Exact counts are derived by hand in the comments, tensor by tensor, so that a change
// in the counting rules shows up as a precise difference rather than drifting inside a tolerance.

#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <QtTest>

#include "core/catalog/catalog.h"
#include "core/model/hfconfig.h"
#include "core/model/modelarch.h"
#include "core/model/weights.h"
#include "core/util/error.h"

using namespace tokenroute;
using nlohmann::json;

namespace {

std::string fixture(const QString &name)
{
    return (QStringLiteral(TOKENROUTE_TEST_DATA "/model/") + name + QStringLiteral(".json")).toStdString();
}

json readJson(const std::string &path)
{
    std::ifstream in(path);
    return json::parse(in);
}

ModelArch load(const QString &name)
{
    return loadHfConfig(fixture(name));
}

double relativeError(double derived, double stated)
{
    return std::abs(derived - stated) / stated;
}

// The spec's bar for "matches the published count".
constexpr double kStatedTolerance = 0.01;

// Publishers differ on whether the input-embedding table counts as active (see modelarch.cpp):
// Mistral and Qwen include it, OpenAI and DeepSeek do not, and neither do we.
double inputEmbedding(const ModelArch &a)
{
    return double(a.vocab) * a.hidden;
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void statedCounts_data();
    void statedCounts();
    void exactCounts_data();
    void exactCounts();
    void deepSeekHeadlineAndMtp();
    void qwen3NonEmbedding();
    void kvBytes_data();
    void kvBytes();
    void kvBytesForContextHonoursSlidingWindow();
    void attentionFlops();
    void fieldNames();
    void slidingWindowRules_data();
    void slidingWindowRules();
    void moeShapes();
    void weightBytesRule();
    void weightBytesMatchesGptOssCheckpoint();
    void textConfigIsUnwrapped();
    void badField_data();
    void badField();
    void notAnObject();
    void badFile_data();
    void badFile();
    void catalogueModels();
    void catalogueMatchesFixtures();
};

// ---- parameter counts against the publishers' figures ---------------------------------------------

void TestModel::statedCounts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("statedTotal");
    QTest::addColumn<double>("statedActive");        // 0: not stated
    QTest::addColumn<bool>("activeCountsEmbedding"); // the stated active figure includes the input table

    // https://huggingface.co/meta-llama/Llama-3.1-8B — model page, "Model size 8.03B params".
    QTest::newRow("llama-3.1-8b") << "llama-3.1-8b" << 8.03e9 << 0.0 << false;
    // https://huggingface.co/meta-llama/Llama-3.1-70B — model page, "Model size 70.6B params".
    QTest::newRow("llama-3.1-70b") << "llama-3.1-70b" << 70.6e9 << 0.0 << false;
    // https://huggingface.co/meta-llama/Llama-3.1-405B — model card, "405B".
    QTest::newRow("llama-3.1-405b") << "llama-3.1-405b" << 405e9 << 0.0 << false;
    // https://huggingface.co/meta-llama/Llama-3.2-1B — model card table, "1B (1.23B)".
    QTest::newRow("llama-3.2-1b tied") << "llama-3.2-1b" << 1.23e9 << 0.0 << false;
    // https://huggingface.co/Qwen/Qwen3-0.6B — model card, "Number of Parameters: 0.6B".
    QTest::newRow("qwen3-0.6b head_dim given") << "qwen3-0.6b" << 0.6e9 << 0.0 << false;
    // https://mistral.ai/news/mixtral-of-experts — "46.7B total parameters but only uses 12.9B
    // parameters per token".
    QTest::newRow("mixtral-8x7b") << "mixtral-8x7b" << 46.7e9 << 12.9e9 << true;
    // https://huggingface.co/Qwen/Qwen1.5-MoE-A2.7B — model card, "14.3B parameters in total and
    // 2.7B activated parameters".
    QTest::newRow("qwen1.5-moe-a2.7b shared expert") << "qwen1.5-moe-a2.7b" << 14.3e9 << 2.7e9 << true;
    // https://github.com/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md — main model "Total
    // parameters: 671B", "Activation parameters: 36.6B (including 0.9B for the output Head)". The
    // 14 B MTP module (685 B on Hugging Face) is not part of the main model.
    QTest::newRow("deepseek-v3 mla") << "deepseek-v3" << 671e9 << 36.6e9 << false;
    // OpenAI, "gpt-oss-120b & gpt-oss-20b Model Card" (https://openai.com/index/gpt-oss-model-card/),
    // table 1: 116.83B total, 5.13B active; 20.91B total, 3.61B active.
    QTest::newRow("gpt-oss-120b") << "gpt-oss-120b" << 116.8e9 << 5.1e9 << false;
    QTest::newRow("gpt-oss-20b") << "gpt-oss-20b" << 20.9e9 << 3.6e9 << false;
    // https://huggingface.co/EleutherAI/gpt-j-6b — model card table, "n_parameters 6,053,381,344".
    QTest::newRow("gpt-j-6b n_layer names") << "gpt-j-6b" << 6053381344.0 << 0.0 << false;
}

void TestModel::statedCounts()
{
    QFETCH(QString, name);
    QFETCH(double, statedTotal);
    QFETCH(double, statedActive);
    QFETCH(bool, activeCountsEmbedding);

    const ModelArch a = load(name);
    const ParamCounts c = countParams(a);
    QVERIFY2(relativeError(c.total, statedTotal) <= kStatedTolerance,
             qPrintable(QStringLiteral("total %1 vs stated %2").arg(c.total, 0, 'g', 6).arg(statedTotal, 0, 'g', 6)));
    if (statedActive > 0) {
        const double active = c.active + (activeCountsEmbedding ? inputEmbedding(a) : 0.0);
        QVERIFY2(relativeError(active, statedActive) <= kStatedTolerance,
                 qPrintable(QStringLiteral("active %1 vs stated %2").arg(active, 0, 'g', 6).arg(statedActive, 0, 'g', 6)));
    }
    QVERIFY(c.active <= c.total);
}

void TestModel::exactCounts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("active");

    // Llama-3.1-8B: embed + head 2 x 128256 x 4096 = 1 050 673 152; per layer q,o 2 x 4096^2 +
    // k,v 2 x 4096 x 1024 = 41 943 040, MLP 3 x 4096 x 14336 = 176 160 768, norms 8 192 ->
    // 218 112 000 x 32 = 6 979 584 000; final norm 4 096. Active leaves out the 525 336 576 table.
    QTest::newRow("llama-3.1-8b") << "llama-3.1-8b" << 8030261248.0 << 7504924672.0;
    // Llama-3.1-70B: 2 x 128256 x 8192 = 2 101 346 304; per layer 150 994 944 + 704 643 072 + 16 384
    // = 855 654 400 x 80 = 68 452 352 000; final 8 192.
    QTest::newRow("llama-3.1-70b") << "llama-3.1-70b" << 70553706496.0 << 69503033344.0;
    // Llama-3.1-405B: 2 x 128256 x 16384 = 4 202 692 608; per layer 570 425 344 + 2 617 245 696 +
    // 32 768 = 3 187 703 808 x 126 = 401 650 679 808; final 16 384.
    QTest::newRow("llama-3.1-405b") << "llama-3.1-405b" << 405853388800.0 << 403752042496.0;
    // Llama-2-70B, published as "70B": 2 x 32000 x 8192 = 524 288 000 plus the same 80 layers as
    // Llama-3.1-70B (68 452 352 000) and the final norm (8 192).
    QTest::newRow("llama-2-70b nominal 70B") << "llama-2-70b" << 68976648192.0 << 68714504192.0;
    // Llama-3.2-1B, tied: one 128256 x 2048 table (262 668 288), active because it is also the head;
    // per layer 10 485 760 + 50 331 648 + 4 096 = 60 821 504 x 16 = 973 144 064; final 2 048.
    QTest::newRow("llama-3.2-1b tied") << "llama-3.2-1b" << 1235814400.0 << 1235814400.0;
    // DeepSeek-V3: MLA per layer 187 105 280 matrices + 2 048 latent norms + 14 336 norms
    // = 187 121 664 x 61 = 11 414 421 504; dense FFN 3 x 7168 x 18432 x 3 = 1 189 085 184;
    // expert 3 x 7168 x 2048 = 44 040 192, 257 of them plus a 256 x 7168 router in 58 layers
    // = 656 569 532 416; embed + head 1 853 358 080; final norm 7 168.
    // Active: 11 414 421 504 + 1 189 085 184 + 58 x (9 x 44 040 192 + 1 835 008) + 926 679 040 + 7 168.
    QTest::newRow("deepseek-v3") << "deepseek-v3" << 671026404352.0
                                 << 11414421504.0 + 1189085184.0 + 58 * (9 * 44040192.0 + 1835008.0) + 926679040.0
                                        + 7168.0;
}

void TestModel::exactCounts()
{
    QFETCH(QString, name);
    QFETCH(double, total);
    QFETCH(double, active);
    const ParamCounts c = countParams(load(name));
    QCOMPARE(qint64(c.total), qint64(total));
    QCOMPARE(qint64(c.active), qint64(active));
}

void TestModel::deepSeekHeadlineAndMtp()
{
    // The headline figures (README.md and the technical report, arXiv 2412.19437) are "671B total,
    // 37B activated"; 37B is 36.6 B rounded to two figures, so the derived count must round to it.
    const ParamCounts c = countParams(load(QStringLiteral("deepseek-v3")));
    QCOMPARE(std::round(c.active / 1e9), 37.0);
    QCOMPARE(std::round(c.total / 1e9), 671.0);
    // The checkpoint's 685 B includes the 14 B MTP module, which is not counted: the derived total
    // must be nearer 671 B than 685 B by a wide margin.
    QVERIFY(c.total < 675e9);
}

void TestModel::qwen3NonEmbedding()
{
    // https://huggingface.co/Qwen/Qwen3-0.6B — "Number of Paramaters (Non-Embedding): 0.44B".
    const ParamCounts c = countParams(load(QStringLiteral("qwen3-0.6b")));
    QVERIFY(relativeError(c.total - c.embedding, 0.44e9) <= kStatedTolerance);
}

// ---- KV cache and attention ---------------------------------------------------------------------

void TestModel::kvBytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("bytesPerElement");
    QTest::addColumn<double>("expected");

    QTest::newRow("llama-3.1-8b gqa bf16") << "llama-3.1-8b" << 2.0 << 2.0 * 32 * 8 * 128 * 2;     // 131 072
    QTest::newRow("llama-3.1-70b gqa bf16") << "llama-3.1-70b" << 2.0 << 2.0 * 80 * 8 * 128 * 2;   // 327 680
    QTest::newRow("llama-3.1-70b gqa fp8") << "llama-3.1-70b" << 1.0 << 2.0 * 80 * 8 * 128 * 1;    // 163 840
    QTest::newRow("llama-3.2-1b head_dim 64") << "llama-3.2-1b" << 2.0 << 2.0 * 16 * 8 * 64 * 2;   // 32 768
    QTest::newRow("qwen3-0.6b head_dim 128") << "qwen3-0.6b" << 2.0 << 2.0 * 28 * 8 * 128 * 2;     // 114 688
    QTest::newRow("gpt-j-6b mha") << "gpt-j-6b" << 2.0 << 2.0 * 28 * 16 * 256 * 2;                 // 458 752
    QTest::newRow("mixtral-8x7b gqa") << "mixtral-8x7b" << 2.0 << 2.0 * 32 * 8 * 128 * 2;          // 131 072
    QTest::newRow("gpt-oss-120b all layers") << "gpt-oss-120b" << 2.0 << 2.0 * 36 * 8 * 64 * 2;    // 73 728
    // MLA caches the 512-wide latent and the 64-wide shared rope key: 61 x 576 x 2 = 70 272.
    QTest::newRow("deepseek-v3 mla latent") << "deepseek-v3" << 2.0 << 61.0 * (512 + 64) * 2;
}

void TestModel::kvBytes()
{
    QFETCH(QString, name);
    QFETCH(double, bytesPerElement);
    QFETCH(double, expected);
    QCOMPARE(kvBytesPerToken(load(name), bytesPerElement), expected);
}

void TestModel::kvBytesForContextHonoursSlidingWindow()
{
    // gpt-oss-120b: 18 full layers keep every token, 18 sliding layers keep the last 128.
    const ModelArch a = load(QStringLiteral("gpt-oss-120b"));
    const double perLayerToken = 2.0 * 8 * 64 * 2; // K and V, 8 heads of 64, bf16
    QCOMPARE(kvBytesForContext(a, 100000, 2.0), perLayerToken * (18 * 100000.0 + 18 * 128.0));
    // Below the window every layer holds the whole context.
    QCOMPARE(kvBytesForContext(a, 100, 2.0), kvBytesPerToken(a, 2.0) * 100);
    // A model without a window is linear in the context.
    const ModelArch llama = load(QStringLiteral("llama-3.1-8b"));
    QCOMPARE(kvBytesForContext(llama, 8192, 2.0), kvBytesPerToken(llama, 2.0) * 8192);
    QCOMPARE(kvBytesForContext(llama, 0, 2.0), 0.0);
}

void TestModel::attentionFlops()
{
    // 4 x L x H x d x context for standard attention.
    const ModelArch llama = load(QStringLiteral("llama-3.1-8b"));
    QCOMPARE(attentionFlopsPerToken(llama, 1000), 4.0 * 32 * 32 * 128 * 1000);
    // MLA: QK^T over 192 (128 nope + 64 rope), PV over 128, 128 heads, 61 layers.
    const ModelArch ds = load(QStringLiteral("deepseek-v3"));
    QCOMPARE(attentionFlopsPerToken(ds, 1000), 2.0 * 128 * (192 + 128) * 61 * 1000);
    // gpt-oss: half the layers stop growing at the 128-token window.
    const ModelArch oss = load(QStringLiteral("gpt-oss-20b"));
    QCOMPARE(attentionFlopsPerToken(oss, 4096), 4.0 * 64 * 64 * (12 * 4096.0 + 12 * 128.0));
}

// ---- field names across families ----------------------------------------------------------------

void TestModel::fieldNames()
{
    // GPT-J: n_layer / n_embd / n_head / n_positions, n_inner null meaning 4 x hidden, plain MLP.
    const ModelArch gptj = load(QStringLiteral("gpt-j-6b"));
    QCOMPARE(gptj.family, std::string("gptj"));
    QCOMPARE(gptj.layers, 28);
    QCOMPARE(gptj.hidden, 4096);
    QCOMPARE(gptj.heads, 16);
    QCOMPARE(gptj.kvHeads, 16);
    QCOMPARE(gptj.headDim, 256);
    QCOMPARE(gptj.intermediate, 16384);
    QCOMPARE(gptj.vocab, 50400);
    QCOMPARE(gptj.maxContext, 2048);
    QVERIFY(!gptj.gatedFfn);
    QVERIFY(!gptj.tiedEmbeddings);

    // head_dim given and different from hidden / heads (1024 / 16 = 64).
    const ModelArch qwen3 = load(QStringLiteral("qwen3-0.6b"));
    QCOMPARE(qwen3.headDim, 128);
    QVERIFY(qwen3.tiedEmbeddings);
    QCOMPARE(qwen3.slidingWindow, 0); // sliding_window null, use_sliding_window false

    // head_dim given where hidden / heads is not even whole (2880 / 64).
    const ModelArch oss = load(QStringLiteral("gpt-oss-120b"));
    QCOMPARE(oss.headDim, 64);
    QVERIFY(oss.attentionBias);
    QCOMPARE(oss.slidingWindow, 128);
    QCOMPARE(oss.slidingWindowLayers, 18);

    const ModelArch llama1b = load(QStringLiteral("llama-3.2-1b"));
    QVERIFY(llama1b.tiedEmbeddings);
    const ParamCounts c = countParams(llama1b);
    QCOMPARE(c.embedding, 128256.0 * 2048); // one table, not two

    // Qwen1.5-MoE keeps its sliding_window value but switches it off.
    const ModelArch qmoe = load(QStringLiteral("qwen1.5-moe-a2.7b"));
    QCOMPARE(qmoe.slidingWindow, 0);
    QVERIFY(qmoe.attentionBias); // Qwen2 family: q/k/v biases without an attention_bias field
}

void TestModel::slidingWindowRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("edits");  // JSON object merged over the fixture
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("windowLayers");

    QTest::newRow("gpt-oss layer_types") << "gpt-oss-20b" << "{}" << 128 << 12;
    QTest::newRow("mixtral window null") << "mixtral-8x7b" << "{}" << 0 << 0;
    // Mistral 7B v0.1 style: a window and no per-layer list means every layer.
    QTest::newRow("window on every layer") << "mixtral-8x7b" << R"({"sliding_window": 4096})" << 4096 << 32;
    QTest::newRow("window switched off") << "mixtral-8x7b"
                                         << R"({"sliding_window": 4096, "use_sliding_window": false})" << 0 << 0;
    // Qwen: the window applies from max_window_layers upwards, and only when enabled.
    QTest::newRow("qwen window off") << "qwen1.5-moe-a2.7b" << "{}" << 0 << 0;
    QTest::newRow("qwen window above layer 21") << "qwen1.5-moe-a2.7b" << R"({"use_sliding_window": true})" << 32768
                                                << 3;
    QTest::newRow("qwen window above every layer") << "qwen1.5-moe-a2.7b"
                                                   << R"({"use_sliding_window": true, "max_window_layers": 24})" << 0
                                                   << 0;
    // Gemma 3 style: every 6th layer global.
    QTest::newRow("window pattern") << "llama-3.1-8b" << R"({"sliding_window": 1024, "sliding_window_pattern": 6})"
                                    << 1024 << 32 - 5;
}

void TestModel::slidingWindowRules()
{
    QFETCH(QString, name);
    QFETCH(QString, edits);
    QFETCH(int, window);
    QFETCH(int, windowLayers);
    json config = readJson(fixture(name));
    config.merge_patch(json::parse(edits.toStdString()));
    const ModelArch a = parseHfConfig(config, "edited.json");
    QCOMPARE(a.slidingWindow, window);
    QCOMPARE(a.slidingWindowLayers, windowLayers);
}

void TestModel::moeShapes()
{
    const ModelArch mix = load(QStringLiteral("mixtral-8x7b"));
    QCOMPARE(mix.moe.numExperts, 8);           // num_local_experts
    QCOMPARE(mix.moe.expertsPerToken, 2);
    QCOMPARE(mix.moe.expertIntermediate, 14336); // intermediate_size sizes the experts
    QCOMPARE(mix.moe.sharedExperts, 0);
    QCOMPARE(countParams(mix).moeLayers, 32);

    const ModelArch q = load(QStringLiteral("qwen1.5-moe-a2.7b"));
    QCOMPARE(q.moe.numExperts, 60);            // num_experts
    QCOMPARE(q.moe.expertsPerToken, 4);
    QCOMPARE(q.moe.expertIntermediate, 1408);  // moe_intermediate_size
    QCOMPARE(q.moe.sharedExperts, 1);
    QCOMPARE(q.moe.sharedIntermediate, 5632);  // shared_expert_intermediate_size

    const ModelArch ds = load(QStringLiteral("deepseek-v3"));
    QCOMPARE(ds.moe.numExperts, 256);          // n_routed_experts
    QCOMPARE(ds.moe.expertsPerToken, 8);
    QCOMPARE(ds.moe.sharedExperts, 1);
    QCOMPARE(ds.moe.sharedIntermediate, 2048); // n_shared_experts x moe_intermediate_size
    QCOMPARE(ds.moe.firstDenseLayers, 3);
    QCOMPARE(countParams(ds).moeLayers, 58);
    QCOMPARE(ds.mla.kvLoraRank, 512);
    QCOMPARE(ds.mla.qLoraRank, 1536);
    QCOMPARE(ds.mla.qkRopeHeadDim, 64);
    QCOMPARE(ds.mla.vHeadDim, 128);
    QVERIFY(ds.isMla());

    const ModelArch oss = load(QStringLiteral("gpt-oss-20b"));
    QCOMPARE(oss.moe.numExperts, 32);
    QCOMPARE(oss.moe.expertsPerToken, 4);      // experts_per_token and num_experts_per_tok agree
    QCOMPARE(countParams(oss).perExpert, 3.0 * 2880 * 2880);
}

// ---- weight bytes ---------------------------------------------------------------------------------

void TestModel::weightBytesRule()
{
    const ModelArch a = load(QStringLiteral("llama-3.1-8b"));
    const ParamCounts c = countParams(a);
    // At bf16 everything is 2 bytes.
    QCOMPARE(weightBytes(a, Precision::BF16), 2.0 * c.total);
    QCOMPARE(weightBytes(a, Precision::FP32), 4.0 * c.total);
    // At fp8 the two 525 M tables and the 266 k norm weights stay at 2 bytes, the matrices take 1.
    const double kept = c.embedding + 32 * 8192.0 + 4096;
    QCOMPARE(weightBytes(a, Precision::FP8), 2.0 * kept + 1.0 * (c.total - kept));
    // MXFP4: 4.25 bits per matrix weight; INT4 with a 16-bit scale per 128: 4.125 bits.
    QCOMPARE(weightBytes(a, Precision::FP4), 2.0 * kept + (0.5 + 1.0 / 32) * (c.total - kept));
    QCOMPARE(weightBytes(a, Precision::INT4), 2.0 * kept + (0.5 + 2.0 / 128) * (c.total - kept));
    QVERIFY(weightBytes(a, Precision::INT4) < weightBytes(a, Precision::FP4));
}

void TestModel::weightBytesMatchesGptOssCheckpoint()
{
    // gpt-oss-120b ships MXFP4 experts; the OpenAI model card (table 1) gives a 60.8 GiB checkpoint.
    // Ours counts attention at fp4 too, where the checkpoint keeps it at bf16 (about 1.4 GB more),
    // so the derived size sits a little below: within 5 %.
    const double bytes = weightBytes(load(QStringLiteral("gpt-oss-120b")), Precision::FP4);
    const double checkpoint = 60.8 * 1024.0 * 1024.0 * 1024.0;
    QVERIFY2(relativeError(bytes, checkpoint) < 0.05, qPrintable(QString::number(bytes / 1e9)));
    QVERIFY(bytes < checkpoint);
}

void TestModel::textConfigIsUnwrapped()
{
    // Multimodal configs nest the language model; the import reads it and names nested fields.
    json inner = readJson(fixture(QStringLiteral("llama-3.1-8b")));
    json wrapper{{"model_type", "llava"}, {"text_config", inner}};
    QCOMPARE(parseHfConfig(wrapper, "wrapped.json"), load(QStringLiteral("llama-3.1-8b")));

    wrapper["text_config"].erase("vocab_size");
    try {
        parseHfConfig(wrapper, "wrapped.json");
        QFAIL("expected an InputError");
    } catch (const InputError &e) {
        QCOMPARE(e.where(), std::string("text_config.vocab_size"));
    }
}

// ---- bad input ------------------------------------------------------------------------------------

void TestModel::badField_data()
{
    QTest::addColumn<QString>("name");     // fixture to start from
    QTest::addColumn<QString>("field");    // top-level field to change
    QTest::addColumn<QString>("value");    // new JSON value; "<remove>", "NaN", "Infinity" are special
    QTest::addColumn<QString>("where");    // expected InputError::where()
    QTest::addColumn<QString>("problem");  // expected substring of InputError::problem()

    QTest::newRow("missing hidden_size") << "llama-3.1-8b" << "hidden_size" << "<remove>" << "hidden_size" << "missing";
    QTest::newRow("null vocab_size") << "llama-3.1-8b" << "vocab_size" << "null" << "vocab_size" << "missing";
    QTest::newRow("missing model_type") << "llama-3.1-8b" << "model_type" << "<remove>" << "model_type" << "missing";
    QTest::newRow("model_type a number") << "llama-3.1-8b" << "model_type" << "7" << "model_type" << "string";
    QTest::newRow("hidden_size a string") << "llama-3.1-8b" << "hidden_size" << "\"4096\"" << "hidden_size"
                                          << "got a string (\"4096\")";
    QTest::newRow("heads a boolean") << "llama-3.1-8b" << "num_attention_heads" << "true" << "num_attention_heads"
                                     << "got true";
    QTest::newRow("layers an array") << "llama-3.1-8b" << "num_hidden_layers" << "[32]" << "num_hidden_layers"
                                     << "array";
    QTest::newRow("zero layers") << "llama-3.1-8b" << "num_hidden_layers" << "0" << "num_hidden_layers"
                                 << "positive integer, got 0";
    QTest::newRow("negative heads") << "llama-3.1-8b" << "num_attention_heads" << "-32" << "num_attention_heads"
                                    << "got -32";
    QTest::newRow("NaN intermediate") << "llama-3.1-8b" << "intermediate_size" << "NaN" << "intermediate_size" << "NaN";
    QTest::newRow("infinite vocab") << "llama-3.1-8b" << "vocab_size" << "Infinity" << "vocab_size" << "infinity";
    QTest::newRow("fractional hidden") << "llama-3.1-8b" << "hidden_size" << "4096.5" << "hidden_size" << "whole number";
    QTest::newRow("overflowing vocab") << "llama-3.1-8b" << "vocab_size" << "1e12" << "vocab_size" << "below 2^31";
    QTest::newRow("kv heads not a divisor") << "llama-3.1-8b" << "num_key_value_heads" << "5" << "num_key_value_heads"
                                            << "divisor";
    QTest::newRow("kv heads zero") << "llama-3.1-8b" << "num_key_value_heads" << "0" << "num_key_value_heads"
                                   << "positive";
    QTest::newRow("heads do not divide hidden") << "llama-3.1-8b" << "num_attention_heads" << "24"
                                                << "num_attention_heads" << "head_dim";
    QTest::newRow("head_dim zero") << "qwen3-0.6b" << "head_dim" << "0" << "head_dim" << "positive";
    QTest::newRow("tie_word_embeddings a string") << "llama-3.1-8b" << "tie_word_embeddings" << "\"yes\""
                                                  << "tie_word_embeddings" << "true or false";
    QTest::newRow("gpt-j n_layer negative") << "gpt-j-6b" << "n_layer" << "-28" << "n_layer" << "got -28";
    QTest::newRow("top-k above experts") << "mixtral-8x7b" << "num_experts_per_tok" << "9" << "num_experts_per_tok"
                                         << "at most";
    QTest::newRow("top-k missing") << "mixtral-8x7b" << "num_experts_per_tok" << "<remove>" << "num_experts_per_tok"
                                   << "missing";
    QTest::newRow("negative expert count") << "qwen1.5-moe-a2.7b" << "num_experts" << "-60" << "num_experts"
                                           << "non-negative";
    QTest::newRow("gpt-oss top-k spellings disagree") << "gpt-oss-20b" << "experts_per_token" << "2"
                                                      << "experts_per_token" << "same value";
    QTest::newRow("layer_types too short") << "gpt-oss-20b" << "layer_types" << "[\"full_attention\"]" << "layer_types"
                                           << "one entry per layer";
    QTest::newRow("sliding layers without a window") << "gpt-oss-20b" << "sliding_window" << "<remove>"
                                                     << "sliding_window" << "missing";
    QTest::newRow("mla without rope dim") << "deepseek-v3" << "qk_rope_head_dim" << "<remove>" << "qk_rope_head_dim"
                                          << "missing";
    QTest::newRow("mla negative latent") << "deepseek-v3" << "kv_lora_rank" << "-512" << "kv_lora_rank"
                                         << "non-negative";
    QTest::newRow("dense layers beyond depth") << "deepseek-v3" << "first_k_dense_replace" << "100"
                                               << "first_k_dense_replace" << "at most";
    QTest::newRow("mlp_only_layers not leading") << "qwen1.5-moe-a2.7b" << "mlp_only_layers" << "[3]"
                                                 << "mlp_only_layers[0]" << "leading layers";
}

void TestModel::badField()
{
    QFETCH(QString, name);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QFETCH(QString, problem);

    json config = readJson(fixture(name));
    const std::string key = field.toStdString();
    if (value == QStringLiteral("<remove>"))
        config.erase(key);
    else if (value == QStringLiteral("NaN"))
        config[key] = std::numeric_limits<double>::quiet_NaN(); // JSON text cannot say NaN; a caller can
    else if (value == QStringLiteral("Infinity"))
        config[key] = std::numeric_limits<double>::infinity();
    else
        config[key] = json::parse(value.toStdString());

    try {
        parseHfConfig(config, "edited.json");
        QFAIL("expected an InputError");
    } catch (const InputError &e) {
        QCOMPARE(QString::fromStdString(e.file()), QStringLiteral("edited.json"));
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString::fromStdString(e.problem()).contains(problem), e.what());
    }
    // Layer-type entries are checked one by one, naming the index.
    if (name == QStringLiteral("gpt-oss-20b") && field == QStringLiteral("layer_types")) {
        json types = readJson(fixture(name));
        types["layer_types"][5] = "linear_attention";
        QVERIFY_THROWS_EXCEPTION(InputError, parseHfConfig(types, "edited.json"));
    }
}

void TestModel::notAnObject()
{
    for (const json &v : {json::array({1, 2}), json("config"), json(nullptr), json(4096)}) {
        try {
            parseHfConfig(v, "x.json");
            QFAIL("expected an InputError");
        } catch (const InputError &e) {
            QVERIFY2(e.problem().find("JSON object") != std::string::npos, e.what());
        }
    }
}

void TestModel::badFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("problem");

    const QString dir = QStringLiteral(TOKENROUTE_TEST_DATA "/model/");
    // Line 4 is `  "num_attention_heads": 32,,` — the second comma is its 29th character.
    QTest::newRow("malformed: double comma") << dir + QStringLiteral("bad-malformed.json") << "line 4, column 29" << "malformed JSON";
    // Four lines and a newline, then the input ends where a closing brace was due.
    QTest::newRow("malformed: truncated") << dir + QStringLiteral("bad-truncated.json") << "line 5, column 1" << "malformed JSON";
    QTest::newRow("top level is an array") << dir + QStringLiteral("bad-not-object.json") << "" << "JSON object";
    QTest::newRow("missing file") << dir + QStringLiteral("no-such-config.json") << "" << "cannot open";
    QTest::newRow("a directory") << dir << "" << "directory";
}

void TestModel::badFile()
{
    QFETCH(QString, path);
    QFETCH(QString, where);
    QFETCH(QString, problem);
    try {
        loadHfConfig(path.toStdString());
        QFAIL("expected an InputError");
    } catch (const InputError &e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString::fromStdString(e.problem()).contains(problem), e.what());
    }
}

// ---- the catalogue's models ---------------------------------------------------------------------

void TestModel::catalogueModels()
{
    // Read models.json directly: this checks the data, independently of the catalogue loader.
    const json doc = readJson(TOKENROUTE_DATA_DIR "/catalog/models.json");
    const std::set<std::string> expectedIds{"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "llama-3.2-1b",
                                            "qwen3-0.6b",   "mixtral-8x7b",  "deepseek-v3",    "gpt-oss-120b",
                                            "gpt-oss-20b",  "llama-2-70b",   "gpt-j-6b"};
    // Stated active figures that include the input-embedding table (Mistral's convention).
    const std::set<std::string> activeCountsEmbedding{"mixtral-8x7b"};
    // Stated totals that are a size class rather than a count: Meta names Llama-2-70B "70B" for
    // 68.98 B parameters. Checked at 2 %, the nearest the name allows.
    const std::set<std::string> nominalTotals{"llama-2-70b"};

    std::set<std::string> ids;
    for (const json &entry : doc.at("models")) {
        const std::string id = entry.at("id").get<std::string>();
        ids.insert(id);
        const ModelArch a = parseHfConfig(entry.at("config"), "models.json");
        const ParamCounts c = countParams(a);

        const json &total = entry.at("stated_total_params");
        QVERIFY2(!total.value("source", std::string()).empty(), id.c_str());
        const double tolerance = nominalTotals.count(id) ? 0.02 : kStatedTolerance;
        QVERIFY2(relativeError(c.total, total.at("value").get<double>()) <= tolerance, id.c_str());

        if (entry.contains("stated_active_params")) {
            const json &active = entry.at("stated_active_params");
            QVERIFY2(!active.value("source", std::string()).empty(), id.c_str());
            const double derived = c.active + (activeCountsEmbedding.count(id) ? inputEmbedding(a) : 0.0);
            QVERIFY2(relativeError(derived, active.at("value").get<double>()) <= kStatedTolerance, id.c_str());
        } else {
            QVERIFY2(!a.isMoe(), (id + ": an MoE model needs its stated active count").c_str());
        }
    }
    QCOMPARE(ids, expectedIds);
}

void TestModel::catalogueMatchesFixtures()
{
    // The catalogue keeps the fields that matter of each published config; parsing them must give
    // exactly the architecture the full config gives.
    const json doc = readJson(TOKENROUTE_DATA_DIR "/catalog/models.json");
    int compared = 0;
    for (const json &entry : doc.at("models")) {
        const QString id = QString::fromStdString(entry.at("id").get<std::string>());
        const ModelArch fromCatalogue = parseHfConfig(entry.at("config"), "models.json");
        QCOMPARE(fromCatalogue, load(id));
        ++compared;
    }
    QCOMPARE(compared, 11);
}

QTEST_APPLESS_MAIN(TestModel)
#include "test_model.moc"
