// The validation suite: every row of tests/data/validation/measurements.json is a published
// measurement with the conditions it was taken under (model, hardware, count, parallelism,
// precision, input and output lengths, scenario). Each is predicted with the real catalogue and
// the model's default efficiencies — no per-row factor — and the relative error is reported.
// The suite fails when the median absolute error exceeds 20 % or any row's exceeds 60 %, and
// when a row falls outside the uncertainty band its kind of case advertises (uncertaintyFor), so
// the bands shown to users stay honest.
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "core/perf/perfmodel.h"

using namespace tokenroute;

namespace {

struct Row {
    std::string id;
    std::string kind;
    std::string model;
    std::string device;
    double measured = 0;
    double predicted = 0;
    std::string unit;
    CaseKind caseKind = CaseKind::Throughput;
    std::string bound;

    // Relative error of the prediction: (predicted − measured) / measured.
    double error() const { return (predicted - measured) / measured; }
    bool isTime = false;  // e2e latency rows: a time, the inverse of a rate
    // Where the measurement sits relative to the prediction, as a band is stated (for rates):
    // measured / predicted − 1, or predicted / measured − 1 for a time.
    double bandPosition() const { return isTime ? predicted / measured - 1 : measured / predicted - 1; }
};

ModelArch archFromJson(const nlohmann::json &j)
{
    ModelArch a;
    a.family = j.value("family", "llama");
    a.layers = j.at("layers");
    a.hidden = j.at("hidden");
    a.heads = j.at("heads");
    a.kvHeads = j.at("kv_heads");
    a.headDim = j.at("head_dim");
    a.intermediate = j.at("intermediate");
    a.vocab = j.at("vocab");
    a.tiedEmbeddings = j.value("tied_embeddings", false);
    return a;
}

Precision precision(const std::string &s)
{
    const auto p = precisionFromString(s);
    if (!p)
        throw std::runtime_error("unknown precision " + s);
    return *p;
}

Row predict(const Catalog &catalog, const nlohmann::json &j)
{
    Row r;
    r.id = j.at("id");
    r.kind = j.at("kind");
    r.model = j.at("model");
    r.device = j.at("device");
    r.measured = j.at("measured");
    r.unit = j.at("unit");

    ModelArch arch;
    if (j.contains("arch")) {
        arch = archFromJson(j.at("arch"));
    } else {
        const ModelSpec *m = catalog.model(r.model);
        if (!m)
            throw std::runtime_error(r.id + ": model " + r.model + " not in the catalogue");
        arch = m->arch;
    }
    const Accelerator *d = catalog.accelerator(r.device);
    if (!d)
        throw std::runtime_error(r.id + ": device " + r.device + " not in the catalogue");

    DeviceSetup s;
    s.device = d;
    s.count = j.at("count");
    s.tp = j.at("tp");
    s.pp = j.value("pp", 1);
    s.ep = j.value("ep", 1);
    s.weights = precision(j.at("weights"));
    s.kv = precision(j.at("kv"));
    s.linkGBs = j.value("link_gbs", 0.0);
    // The serving engine is a condition of the measurement. llama.cpp runs each layer as ~20
    // separate kernels (norm, scale, three projections, two RoPE, KV copy, attention, output
    // projection, add, norm, gate, up, activation, multiply, down, add) launched without CUDA
    // graphs in the measured versions, ~5 µs each: 100 µs per layer of fixed step time.
    if (j.value("engine", "") == "llama.cpp")
        s.cal.stepOverheadUs = 100.0 * arch.layers;
    const double input = j.at("input"), output = j.at("output");
    const int concurrency = j.value("concurrency", 0);
    const bool edge = d->category == DeviceCategory::EdgeSoc || d->category == DeviceCategory::Cpu;

    if (r.kind == "offline_throughput") {
        const Estimate e = estimate(arch, s, input, output, concurrency);
        r.predicted = e.outputTokensPerS;
        r.bound = toString(e.decodeBound);
        r.caseKind = CaseKind::Throughput;
    } else if (r.kind == "server_throughput") {
        const PoolCapacity c = capacityAtSlo(arch, s, ServingRole::Combined, input, output, j.at("ttft_slo_ms").get<double>() / 1000,
                                             j.at("tpot_slo_ms").get<double>() / 1000);
        r.predicted = c.maxRequestsPerS * output;
        r.bound = toString(c.limit);
        r.caseKind = CaseKind::Throughput;
    } else if (r.kind == "decode_per_user") {
        const DecodeStepResult st = decodeStep(arch, s, 1, input + output / 2);
        r.predicted = 1 / st.timeS;
        r.bound = toString(st.bound);
        r.caseKind = edge ? CaseKind::EdgeDecode : CaseKind::DenseDecode;
    } else if (r.kind == "prefill_rate") {
        const PrefillResult p = prefill(arch, s, 1, int(input));
        r.predicted = input / p.timeS;
        r.bound = toString(p.bound);
        r.caseKind = CaseKind::DensePrefill;
    } else if (r.kind == "e2e_latency") {
        const PrefillResult p = prefill(arch, s, concurrency, int(input));
        const DecodeStepResult st = decodeStep(arch, s, concurrency, input + output / 2);
        r.predicted = 1000 * (p.timeS + (output - 1) * st.timeS);
        r.bound = toString(st.bound);
        r.caseKind = CaseKind::DenseDecode;
        r.isTime = true;
    } else {
        throw std::runtime_error(r.id + ": unknown kind " + r.kind);
    }
    return r;
}

std::vector<Row> predictAll()
{
    const Catalog catalog = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    std::ifstream in(TOKENROUTE_TEST_DATA "/validation/measurements.json");
    const nlohmann::json doc = nlohmann::json::parse(in);
    std::vector<Row> rows;
    for (const auto &j : doc.at("rows"))
        rows.push_back(predict(catalog, j));
    return rows;
}

const std::vector<Row> &rows()
{
    static const std::vector<Row> all = predictAll();
    return all;
}

// Published measurements are uncertain themselves (software drift between rounds, unpublished input
// lengths); 20 % median and 60 % worst are the acceptance bounds.
constexpr double kMedianBound = 0.20;
constexpr double kWorstBound = 0.60;

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
private slots:
    void enoughRows();
    void eachRow_data();
    void eachRow();
    void summary();
};

void TestValidation::enoughRows()
{
    QVERIFY2(rows().size() >= 20, "the suite needs at least 20 published measurements");
}

void TestValidation::eachRow_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < rows().size(); ++i)
        QTest::newRow(rows()[i].id.c_str()) << int(i);
}

void TestValidation::eachRow()
{
    QFETCH(int, index);
    const Row &r = rows()[std::size_t(index)];
    QVERIFY2(std::abs(r.error()) <= kWorstBound,
             qPrintable(QStringLiteral("error %1 % beyond 60 %").arg(100 * r.error(), 0, 'f', 1)));
    const Band band = uncertaintyFor(r.caseKind);
    QVERIFY2(r.bandPosition() >= band.low - 1e-9 && r.bandPosition() <= band.high + 1e-9,
             qPrintable(QStringLiteral("measured/predicted − 1 = %1 outside the band [%2, %3]")
                            .arg(r.bandPosition(), 0, 'f', 3).arg(band.low).arg(band.high)));
}

void TestValidation::summary()
{
    std::vector<double> errors;
    std::printf("\n%-82s %-18s %12s %12s %8s  %s\n", "measurement", "kind", "measured", "predicted", "error", "bound");
    for (const Row &r : rows()) {
        std::printf("%-82s %-18s %12.2f %12.2f %7.1f%%  %s\n", r.id.c_str(), r.kind.c_str(), r.measured, r.predicted,
                    100 * r.error(), r.bound.c_str());
        errors.push_back(std::abs(r.error()));
    }
    // The spread per kind of case: what uncertaintyFor() must cover.
    const char *kindNames[] = {"dense decode", "dense prefill", "moe decode", "moe prefill", "sram decode", "edge decode", "throughput"};
    for (int k = 0; k <= int(CaseKind::Throughput); ++k) {
        double lo = 1e9, hi = -1e9;
        int count = 0;
        for (const Row &r : rows())
            if (int(r.caseKind) == k) {
                lo = std::min(lo, r.bandPosition());
                hi = std::max(hi, r.bandPosition());
                ++count;
            }
        if (count > 0)
            std::printf("%-14s rows %2d  measured/predicted - 1 in [%+.3f, %+.3f]\n", kindNames[k], count, lo, hi);
    }
    std::sort(errors.begin(), errors.end());
    const std::size_t n = errors.size();
    const double median = n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
    std::printf("rows %zu, median |error| %.1f %%, worst |error| %.1f %%\n\n", n, 100 * median, 100 * errors.back());
    std::fflush(stdout);
    QVERIFY2(median <= kMedianBound, qPrintable(QStringLiteral("median error %1 %").arg(100 * median, 0, 'f', 1)));
    QVERIFY2(errors.back() <= kWorstBound, qPrintable(QStringLiteral("worst error %1 %").arg(100 * errors.back(), 0, 'f', 1)));
}

QTEST_APPLESS_MAIN(TestValidation)
#include "test_validation.moc"
