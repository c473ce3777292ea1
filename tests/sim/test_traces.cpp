// Trace readers and generators: the formats as published, bad lines skipped and counted (or fatal
// when strict), and generated streams that are reproducible and have the statistics asked for.

#include <cmath>
#include <filesystem>
#include <set>

#include <QtTest>

#include "core/sim/generator.h"
#include "core/sim/trace.h"
#include "core/util/error.h"

using namespace tokenroute;

namespace {

std::string fixture(const char *name)
{
    return std::string(TOKENROUTE_TEST_DATA) + "/sim/" + name;
}

std::string sharedTraces()
{
    if (const char *env = std::getenv("TOKENROUTE_SHARED_DIR"))
        return std::string(env) + "/data/traces";
    return std::string(TOKENROUTE_TEST_DATA) + "/../../../shared/data/traces";
}

std::vector<TraceRequest> readAll(RequestSource &src)
{
    std::vector<TraceRequest> out;
    TraceRequest r;
    while (src.next(r))
        out.push_back(r);
    return out;
}

} // namespace

class TestTraces : public QObject {
    Q_OBJECT

private slots:
    void detectFormat_data();
    void detectFormat();
    void detectRejectsUnknownAndEmpty();
    void mooncakeFields();
    void azureTimestampsAndCrlf();
    void dateTimeParsing_data();
    void dateTimeParsing();
    void burstGptColumnsAndFilters();
    void malformedLinesSkippedAndCounted();
    void strictStopsAtFirstBadLine_data();
    void strictStopsAtFirstBadLine();
    void badHeaderAndEmptyTraces();
    void limitAndTimeScale();
    void realTracesStream_data();
    void realTracesStream();

    void generatorSameSeedSameStream();
    void poissonRateAndGaps();
    void gammaIsBurstier();
    void diurnalRateFollowsTheSine();
    void lengthDistributions_data();
    void lengthDistributions();
    void empiricalLengthsFromTrace();
    void agentSessionsSharePrefixes();
    void specErrors_data();
    void specErrors();
};

void TestTraces::detectFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::newRow("mooncake jsonl") << "mooncake_small.jsonl" << int(TraceFormat::Mooncake);
    QTest::newRow("azure csv") << "azure_small.csv" << int(TraceFormat::Azure);
    QTest::newRow("burstgpt csv") << "burstgpt_small.csv" << int(TraceFormat::BurstGpt);
}

void TestTraces::detectFormat()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QCOMPARE(int(detectTraceFormat(fixture(file.toUtf8().constData()))), format);
}

void TestTraces::detectRejectsUnknownAndEmpty()
{
    QVERIFY_THROWS_EXCEPTION(InputError, detectTraceFormat(fixture("empty.jsonl")));
    QVERIFY_THROWS_EXCEPTION(InputError, detectTraceFormat(fixture("azure_bad_header.csv")));
    QVERIFY_THROWS_EXCEPTION(InputError, detectTraceFormat(fixture("no_such_file.jsonl")));
    QVERIFY(traceFormatFromString("BurstGPT") == TraceFormat::BurstGpt);
    QVERIFY(!traceFormatFromString("csv"));
}

void TestTraces::mooncakeFields()
{
    TraceReader reader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake);
    const auto reqs = readAll(reader);
    QCOMPARE(reqs.size(), std::size_t(6));
    QCOMPARE(reader.skippedLines(), 0LL);
    QCOMPARE(reader.linesRead(), 7LL);  // one blank line is ignored, not counted as skipped
    QCOMPARE(reqs[0].inputTokens, 1200);
    QCOMPARE(reqs[0].outputTokens, 10);
    QCOMPARE(reqs[0].blocks, (std::vector<std::uint64_t>{0, 1, 2}));
    QCOMPARE(reqs[2].arrivalS, 1.5);
    QCOMPARE(reqs[4].arrivalS, 4.25);
    QCOMPARE(reqs[5].id, 5LL);
    QCOMPARE(reqs[5].blockTokens, 512);
}

void TestTraces::azureTimestampsAndCrlf()
{
    TraceReader reader(fixture("azure_small.csv"), TraceFormat::Azure);
    const auto reqs = readAll(reader);
    QCOMPARE(reqs.size(), std::size_t(5));  // the last row has no newline and still counts
    QCOMPARE(reader.skippedLines(), 0LL);
    QCOMPARE(reqs[0].arrivalS, 0.0);
    QVERIFY(std::abs(reqs[1].arrivalS - 0.052) < 1e-9);
    QVERIFY(std::abs(reqs[2].arrivalS - 1.52004) < 1e-9);
    // Across midnight: 20:15:10 → 00:00:00.25 next day.
    QVERIFY(std::abs(reqs[4].arrivalS - (3 * 3600 + 44 * 60 + 50.25)) < 1e-6);
    QCOMPARE(reqs[0].inputTokens, 4200);
    QCOMPARE(reqs[0].outputTokens, 12);
    QVERIFY(reqs[0].blocks.empty());
}

void TestTraces::dateTimeParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds");
    QTest::newRow("epoch") << "1970-01-01 00:00:00" << 0.0;
    QTest::newRow("leap day 2024") << "2024-02-29 12:00:00" << 1709208000.0;
    QTest::newRow("seven fraction digits") << "2023-11-16 18:17:03.9799600" << 1700158623.97996;
    QTest::newRow("iso T") << "2000-01-01T00:00:01.5" << 946684801.5;
    QTest::newRow("bad month") << "2023-13-01 00:00:00" << -1.0;
    QTest::newRow("short") << "2023-11-16" << -1.0;
    QTest::newRow("letters in fraction") << "2023-11-16 18:17:03.9x" << -1.0;
}

void TestTraces::dateTimeParsing()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const auto v = parseDateTimeSeconds(text.toStdString());
    if (seconds < 0) {
        QVERIFY(!v);
        return;
    }
    QVERIFY(v);
    QVERIFY2(std::abs(*v - seconds) < 1e-6, qPrintable(QString::number(*v, 'f', 6)));
}

void TestTraces::burstGptColumnsAndFilters()
{
    {
        TraceReader reader(fixture("burstgpt_small.csv"), TraceFormat::BurstGpt);
        const auto reqs = readAll(reader);
        QCOMPARE(reqs.size(), std::size_t(4));
        QCOMPARE(reqs[3].arrivalS, 126.5);
        QCOMPARE(reqs[3].inputTokens, 1420);
        QCOMPARE(reqs[3].outputTokens, 188);
        QCOMPARE(reqs[1].outputTokens, 0);  // a failed request is kept unless asked otherwise
    }
    {
        TraceReadOptions o;
        o.model = "chatgpt";
        o.skipFailed = true;
        TraceReader reader(fixture("burstgpt_small.csv"), TraceFormat::BurstGpt, o);
        const auto reqs = readAll(reader);
        QCOMPARE(reqs.size(), std::size_t(2));
        QCOMPARE(reader.filteredLines(), 2LL);
        QCOMPARE(reader.skippedLines(), 0LL);
        QCOMPARE(reqs[1].inputTokens, 1420);
    }
}

void TestTraces::malformedLinesSkippedAndCounted()
{
    TraceReader reader(fixture("mooncake_bad.jsonl"), TraceFormat::Mooncake);
    const auto reqs = readAll(reader);
    QCOMPARE(reqs.size(), std::size_t(4));
    QCOMPARE(reader.skippedLines(), 4LL);
    QCOMPARE(reader.reorderedLines(), 1LL);
    const auto &first = reader.firstSkipped();
    QCOMPARE(first.size(), std::size_t(4));
    QCOMPARE(first[0].line, 2LL);
    QCOMPARE(first[1].line, 3LL);
    QVERIFY(first[1].reason.find("negative") != std::string::npos);
    QCOMPARE(first[2].line, 4LL);
    QVERIFY(first[2].reason.find("input_length") != std::string::npos);
    QCOMPARE(first[3].line, 8LL);
    // The out-of-order row is kept at the previous arrival time so the replay stays sorted.
    QCOMPARE(reqs[2].arrivalS, 3.0);
    QCOMPARE(reqs[2].inputTokens, 512);
    QCOMPARE(reqs[3].arrivalS, 4.0);
}

void TestTraces::strictStopsAtFirstBadLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("where");
    QTest::newRow("malformed json") << "mooncake_bad.jsonl" << int(TraceFormat::Mooncake) << "line 2";
}

void TestTraces::strictStopsAtFirstBadLine()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(QString, where);
    TraceReadOptions o;
    o.strict = true;
    TraceReader reader(fixture(file.toUtf8().constData()), TraceFormat(format), o);
    TraceRequest r;
    QVERIFY(reader.next(r));
    try {
        reader.next(r);
        QFAIL("expected an InputError");
    } catch (const InputError &e) {
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY(e.file().find("mooncake_bad.jsonl") != std::string::npos);
    }
}

void TestTraces::badHeaderAndEmptyTraces()
{
    QVERIFY_THROWS_EXCEPTION(InputError, TraceReader(fixture("azure_bad_header.csv"), TraceFormat::Azure));
    {
        TraceReader reader(fixture("azure_header_only.csv"), TraceFormat::Azure);
        TraceRequest r;
        QVERIFY(!reader.next(r));
    }
    {
        TraceReader reader(fixture("empty.jsonl"), TraceFormat::Mooncake);
        TraceRequest r;
        QVERIFY(!reader.next(r));
        QCOMPARE(reader.requestsRead(), 0LL);
    }
    // An Azure file read as BurstGPT: its header lacks the BurstGPT columns.
    QVERIFY_THROWS_EXCEPTION(InputError, TraceReader(fixture("azure_small.csv"), TraceFormat::BurstGpt));
    TraceReadOptions o;
    o.timeScale = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, TraceReader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake, o));
}

void TestTraces::limitAndTimeScale()
{
    TraceReadOptions o;
    o.limit = 4;
    o.timeScale = 0.5;
    TraceReader reader(fixture("mooncake_small.jsonl"), TraceFormat::Mooncake, o);
    const auto reqs = readAll(reader);
    QCOMPARE(reqs.size(), std::size_t(4));
    QCOMPARE(reqs[3].arrivalS, 1.5);
}

void TestTraces::realTracesStream_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<long long>("requests");
    QTest::addColumn<double>("lastArrivalS");
    // Row counts and durations: research/anchors-kvcache.md, part C.1.
    QTest::newRow("mooncake conversation") << "mooncake_fast25_conversation_trace.jsonl" << 12031LL << 3536.999;
    QTest::newRow("mooncake synthetic") << "mooncake_fast25_synthetic_trace.jsonl" << 3993LL << 1022.025;
    QTest::newRow("azure code") << "AzureLLMInferenceTrace_code.csv" << 8819LL << 3435.948056;
    QTest::newRow("azure conv") << "AzureLLMInferenceTrace_conv.csv" << 19366LL << 3501.721937;
}

void TestTraces::realTracesStream()
{
    QFETCH(QString, file);
    QFETCH(long long, requests);
    QFETCH(double, lastArrivalS);
    const std::string path = sharedTraces() + "/" + file.toStdString();
    if (!std::filesystem::exists(path))
        QSKIP("the public traces are not present beside the repository");
    TraceReadOptions o;
    o.strict = true;
    TraceReader reader(path, detectTraceFormat(path), o);
    TraceRequest r;
    double last = 0;
    long long n = 0;
    while (reader.next(r)) {
        last = r.arrivalS;
        ++n;
    }
    QCOMPARE(n, requests);
    QCOMPARE(reader.reorderedLines(), 0LL);
    if (lastArrivalS >= 0)
        QVERIFY(std::abs(last - lastArrivalS) < 1e-6);
}

void TestTraces::generatorSameSeedSameStream()
{
    const auto spec = GeneratorSpec::parse("rate=20,requests=500,arrival=gamma,cv=2,input=lognormal:2000:1,"
                                           "output=uniform:1:300,turns=4,think=3,system=700,seed=42");
    RequestGenerator a(spec), b(spec);
    const auto ra = readAll(a), rb = readAll(b);
    QCOMPARE(ra.size(), std::size_t(500));
    for (std::size_t i = 0; i < ra.size(); ++i) {
        QCOMPARE(ra[i].arrivalS, rb[i].arrivalS);
        QCOMPARE(ra[i].inputTokens, rb[i].inputTokens);
        QCOMPARE(ra[i].blocks, rb[i].blocks);
        if (i > 0)
            QVERIFY(ra[i].arrivalS >= ra[i - 1].arrivalS);
    }
    auto other = spec;
    other.seed = 43;
    RequestGenerator c(other);
    const auto rc = readAll(c);
    QVERIFY(rc[10].arrivalS != ra[10].arrivalS || rc[10].inputTokens != ra[10].inputTokens);
}

void TestTraces::poissonRateAndGaps()
{
    RequestGenerator g(GeneratorSpec::parse("rate=50,requests=100000,seed=7"));
    const auto reqs = readAll(g);
    const double rate = static_cast<double>(reqs.size() - 1) / reqs.back().arrivalS;
    // 100 000 exponential gaps: the sample mean's standard error is 0.3 %, so 2 % is > 6 sigma.
    QVERIFY2(std::abs(rate / 50 - 1) < 0.02, qPrintable(QString::number(rate)));
    double s = 0, s2 = 0;
    for (std::size_t i = 1; i < reqs.size(); ++i) {
        const double gap = reqs[i].arrivalS - reqs[i - 1].arrivalS;
        s += gap;
        s2 += gap * gap;
    }
    const double n = static_cast<double>(reqs.size() - 1), mean = s / n;
    const double cv = std::sqrt(s2 / n - mean * mean) / mean;
    QVERIFY2(std::abs(cv - 1) < 0.03, qPrintable(QString::number(cv)));
}

void TestTraces::gammaIsBurstier()
{
    RequestGenerator g(GeneratorSpec::parse("rate=10,requests=100000,arrival=gamma,cv=3,seed=9"));
    const auto reqs = readAll(g);
    double s = 0, s2 = 0;
    for (std::size_t i = 1; i < reqs.size(); ++i) {
        const double gap = reqs[i].arrivalS - reqs[i - 1].arrivalS;
        s += gap;
        s2 += gap * gap;
    }
    const double n = static_cast<double>(reqs.size() - 1), mean = s / n;
    const double cv = std::sqrt(s2 / n - mean * mean) / mean;
    // Heavy-tailed gaps converge slowly: 10 % on a CV of 3 still separates it clearly from Poisson.
    QVERIFY2(std::abs(cv / 3 - 1) < 0.10, qPrintable(QString::number(cv)));
    QVERIFY2(std::abs(mean * 10 - 1) < 0.05, qPrintable(QString::number(mean)));
}

void TestTraces::diurnalRateFollowsTheSine()
{
    // rate(t) = 10 (1 + 0.8 sin(2πt/1000)): over ten periods, the first half of each period
    // expects 10·(500 + 800/π) ≈ 7546 arrivals and the second half ≈ 2454 — a ratio of 3.07.
    RequestGenerator g(GeneratorSpec::parse("rate=10,duration=10000,diurnal=0.8,period=1000,seed=3"));
    const auto reqs = readAll(g);
    double high = 0, low = 0;
    for (const auto &r : reqs)
        (std::fmod(r.arrivalS, 1000) < 500 ? high : low) += 1;
    const double expectedHigh = 10 * 10 * (500 + 800 / M_PI);
    QVERIFY2(std::abs(high / expectedHigh - 1) < 0.03, qPrintable(QString::number(high)));
    QVERIFY2(std::abs((high + low) / 100000 - 1) < 0.02, qPrintable(QString::number(high + low)));
    QVERIFY(reqs.back().arrivalS <= 10000);
}

void TestTraces::lengthDistributions_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("mean");
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    QTest::newRow("fixed") << "fixed:777" << 777.0 << 777 << 777;
    QTest::newRow("uniform") << "uniform:100:300" << 200.0 << 100 << 300;
    QTest::newRow("lognormal") << "lognormal:2000:0.8" << 2000.0 << 1 << 1000000000;
}

void TestTraces::lengthDistributions()
{
    QFETCH(QString, spec);
    QFETCH(double, mean);
    QFETCH(int, lo);
    QFETCH(int, hi);
    const auto d = LengthDistribution::parse(spec.toStdString(), "input", true);
    std::mt19937_64 rng(5);
    double s = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const int v = d.sample(rng);
        QVERIFY(v >= lo && v <= hi);
        s += v;
    }
    // 200 000 draws: the lognormal (sigma 0.8) sample mean has a standard error of ~0.2 %.
    QVERIFY2(std::abs(s / n / mean - 1) < 0.01, qPrintable(QString::number(s / n)));
    QCOMPARE(d.mean(), mean);
}

void TestTraces::empiricalLengthsFromTrace()
{
    const auto d = LengthDistribution::parse("empirical:" + fixture("mooncake_small.jsonl"), "input", true);
    QCOMPARE(d.samples.size(), std::size_t(6));
    std::mt19937_64 rng(1);
    const std::set<int> allowed{1200, 1100, 600, 2048, 512, 1536};
    for (int i = 0; i < 100; ++i)
        QVERIFY(allowed.count(d.sample(rng)));
    const auto out = LengthDistribution::parse("empirical:" + fixture("azure_small.csv"), "output", false);
    QCOMPARE(out.mean(), (12 + 9 + 31 + 1 + 2) / 5.0);
}

void TestTraces::agentSessionsSharePrefixes()
{
    // One session at a time (think time far below the session gap) so turns follow each other.
    const auto spec = GeneratorSpec::parse("rate=0.001,requests=4,turns=4,think=1,input=fixed:700,"
                                           "output=fixed:300,system=1024,seed=1");
    RequestGenerator g(spec);
    const auto reqs = readAll(g);
    QCOMPARE(reqs.size(), std::size_t(4));
    // Turn k's prompt = previous prompt + previous answer + 700 new tokens.
    QCOMPARE(reqs[0].inputTokens, 1724);
    QCOMPARE(reqs[1].inputTokens, 1724 + 300 + 700);
    QCOMPARE(reqs[2].inputTokens, 2724 + 1000);
    for (std::size_t k = 1; k < reqs.size(); ++k) {
        const auto &prev = reqs[k - 1], &cur = reqs[k];
        const std::size_t fullPrev = static_cast<std::size_t>(prev.inputTokens / 512);
        // Every full block of the previous prompt is reused; its partial last block is not.
        for (std::size_t i = 0; i < fullPrev; ++i)
            QCOMPARE(cur.blocks[i], prev.blocks[i]);
        if (fullPrev < prev.blocks.size())
            QVERIFY(cur.blocks[fullPrev] != prev.blocks[fullPrev]);
        QCOMPARE(cur.blocks.size(), std::size_t((cur.inputTokens + 511) / 512));
    }
    // A second session shares only the two full system-prompt blocks.
    const auto two = GeneratorSpec::parse("rate=1,requests=2,input=fixed:2000,output=fixed:10,system=1024,seed=2");
    RequestGenerator g2(two);
    const auto r2 = readAll(g2);
    QCOMPARE(r2[0].blocks[0], r2[1].blocks[0]);
    QCOMPARE(r2[0].blocks[1], r2[1].blocks[1]);
    QVERIFY(r2[0].blocks[2] != r2[1].blocks[2]);
}

void TestTraces::specErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown key") << "rate=1,requests=5,speed=3" << "speed";
    QTest::newRow("negative rate") << "rate=-1,requests=5" << "rate";
    QTest::newRow("no end") << "rate=1" << "requests";
    QTest::newRow("bad distribution") << "rate=1,requests=5,input=normal:5" << "input";
    QTest::newRow("uniform reversed") << "rate=1,requests=5,output=uniform:9:3" << "output";
    QTest::newRow("diurnal too deep") << "rate=1,requests=5,diurnal=1" << "diurnal";
    QTest::newRow("not key value") << "rate" << "rate";
    QTest::newRow("fractional turns") << "rate=1,requests=5,turns=2.5" << "turns";
}

void TestTraces::specErrors()
{
    QFETCH(QString, spec);
    QFETCH(QString, field);
    try {
        GeneratorSpec::parse(spec.toStdString());
        QFAIL("expected an InputError");
    } catch (const InputError &e) {
        QCOMPARE(QString::fromStdString(e.where()), field);
    }
}

QTEST_APPLESS_MAIN(TestTraces)
#include "test_traces.moc"
