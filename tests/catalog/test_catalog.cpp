// The catalogue: the shipped data loads, holds every id other parts of TokenRoute rely on, gives
// every number a source or an estimate note, and has sane units; the loader refuses bad input with
// an error naming the file and the field; the data directory is found the way an installed or a
// development binary needs.
//
// Bad inputs live in tests/data/catalog/<case>/, each a minimal catalogue broken in one way.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/catalog/catalog.h"
#include "core/catalog/catalogjson.h"
#include "core/model/modelarch.h"
#include "core/util/error.h"

using namespace tokenroute;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kCatalogDir = TOKENROUTE_DATA_DIR "/catalog";

std::string fixtureDir(const QString &name)
{
    return (QStringLiteral(TOKENROUTE_TEST_DATA "/catalog/") + name).toStdString();
}

json readJson(const std::string &path)
{
    std::ifstream in(path);
    return json::parse(in);
}

// Walks a raw catalogue file and reports the first number that is neither inside a
// {"value", "source"} object nor an estimate with a note. A model's embedded HF config is the
// model's definition, not a measured figure, so it is skipped.
std::string findUnsourcedNumber(const json &node, const std::string &path)
{
    if (node.is_number())
        return path + " (bare number)";
    if (node.is_object()) {
        if (node.contains("value")) {
            if (!node.at("value").is_number())
                return path + " (value is not a number)";
            const bool sourced = node.contains("source") && node.at("source").is_string()
                && !node.at("source").get<std::string>().empty();
            const bool estimate = node.value("estimate", false) && node.contains("note")
                && !node.at("note").get<std::string>().empty();
            return sourced || estimate ? std::string() : path + " (no source, no estimate note)";
        }
        for (const auto &[key, child] : node.items()) {
            if (key == "config")
                continue;
            if (auto bad = findUnsourcedNumber(child, path + "." + key); !bad.empty())
                return bad;
        }
    }
    if (node.is_array())
        for (std::size_t i = 0; i < node.size(); ++i)
            if (auto bad = findUnsourcedNumber(node[i], path + "[" + std::to_string(i) + "]"); !bad.empty())
                return bad;
    return {};
}

// Sets or clears an environment variable for one scope and restores the previous value.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const std::string *value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value)
            qputenv(name, QByteArray::fromStdString(*value));
        else
            qunsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

std::string canonical(const std::string &p) { return fs::weakly_canonical(p).string(); }

void writeFile(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;

private slots:
    void initTestCase();
    void requiredIds_data();
    void requiredIds();
    void everyNumberHasProvenance_data();
    void everyNumberHasProvenance();
    void loadedProvenanceCoversFields();
    void unitsAreSane();
    void precisionOrdering();
    void serversReferenceAccelerators();
    void presetsMatchTheirWorkload();
    void enumsRoundTrip();
    void bytesPerPrecision();
    void lookupsFindById();
    void writtenJsonLoadsBackEqual();
    void minimalCatalogueLoads();
    void badInput_data();
    void badInput();
    void missingDirectory();
    void dataDirFromEnvironment();
    void dataDirEnvironmentMustBeValid();
    void dataDirInstalledLayout();
    void dataDirSourceTree();
    void dataDirNotFound();
    void dataDirFromBareName();
};

void TestCatalog::initTestCase()
{
    try {
        m_catalog = loadCatalog(kCatalogDir);
    } catch (const InputError &e) {
        QFAIL(e.what());
    }
}

void TestCatalog::requiredIds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("id");
    const std::pair<const char *, const char *> groups[] = {
        {"accelerator",
         "h100-sxm h100-pcie h200 b200 gb200 gb300 a100-80gb l40s rtx-4090 rtx-5090 mi300x mi325x mi355x tpu-v6e "
         "tpu-v7-ironwood trainium2 rubin-cpx groq-lpu jetson-agx-orin jetson-agx-thor apple-m3-max snapdragon-8-gen3 "
         "cpu-server"},
        {"server",
         "dgx-h100 hgx-h200 dgx-b200 gb200-nvl72 rubin-cpx-node groq-lpu-node mi300x-8gpu l40s-4gpu l40s-8gpu "
         "rtx-4090-workstation tpu-v6e-host trainium2-16 cpu-server-2s jetson-agx-orin-devkit ib-ndr-switch "
         "eth-800g-switch eth-tor-100g pdu-3ph blank-1u"},
        {"link", "nvlink4 nvlink5 pcie4-x16 pcie5-x16 ib-ndr-400 eth-100g eth-400g eth-800g groq-c2c"},
        {"tier", "sram-onchip hbm3 hbm3e gddr7 lpddr5x host-dram-ddr5 cxl-dram nvme-gen5 remote-rdma-400g"},
        {"model",
         "llama-3.1-8b llama-3.1-70b llama-3.1-405b llama-3.2-1b qwen3-0.6b mixtral-8x7b deepseek-v3 gpt-oss-120b "
         "gpt-oss-20b llama-2-70b gpt-j-6b"},
        {"preset", "agent chat code-completion rag-long-doc batch-summarisation voice-assistant-edge"},
    };
    for (const auto &[kind, ids] : groups)
        for (const QString &id : QString::fromLatin1(ids).split(QLatin1Char(' ')))
            QTest::newRow(qPrintable(QString::fromLatin1(kind) + QLatin1Char(' ') + id)) << QString::fromLatin1(kind) << id;
}

void TestCatalog::requiredIds()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    const std::string s = id.toStdString();
    bool found = false;
    if (kind == QLatin1String("accelerator"))
        found = m_catalog.accelerator(s);
    else if (kind == QLatin1String("server"))
        found = m_catalog.server(s);
    else if (kind == QLatin1String("link"))
        found = m_catalog.link(s);
    else if (kind == QLatin1String("tier"))
        found = m_catalog.tier(s);
    else if (kind == QLatin1String("model"))
        found = m_catalog.model(s);
    else if (kind == QLatin1String("preset"))
        found = m_catalog.preset(s);
    QVERIFY2(found, qPrintable(kind + QLatin1String(" not in the catalogue: ") + id));
}

void TestCatalog::everyNumberHasProvenance_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : kCatalogFiles)
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestCatalog::everyNumberHasProvenance()
{
    QFETCH(QString, file);
    const json doc = readJson(kCatalogDir + "/" + file.toStdString());
    const std::string bad = findUnsourcedNumber(doc, file.toStdString());
    QVERIFY2(bad.empty(), bad.c_str());
}

// The loader keeps provenance beside each number; a number read without it would leave the UI
// unable to say where a figure came from.
void TestCatalog::loadedProvenanceCoversFields()
{
    for (const Accelerator &a : m_catalog.accelerators) {
        for (const char *key : {"memory_gb", "memory_bandwidth_tbs", "tdp_w", "eta_compute", "eta_memory"})
            QVERIFY2(a.provenance.count(key), qPrintable(QString::fromStdString(a.id + " " + key)));
        for (const auto &[precision, tflops] : a.peakTflops)
            QVERIFY2(a.provenance.count("peak_tflops." + toString(precision)), a.id.c_str());
        if (a.sramMb > 0)
            QVERIFY(a.provenance.count("sram_mb"));
        if (a.priceUsd > 0)
            QVERIFY(a.provenance.count("price_usd"));
    }
    for (const ServerSpec &s : m_catalog.servers)
        for (const char *key : {"unit_height", "power_w", "weight_kg"})
            QVERIFY2(s.provenance.count(key), qPrintable(QString::fromStdString(s.id + " " + key)));
    for (const MemoryTierSpec &t : m_catalog.tiers)
        QCOMPARE(t.provenance.size(), std::size_t(4));
    for (const WorkloadPreset &p : m_catalog.presets)
        QCOMPARE(p.provenance.size(), std::size_t(8));
}

void TestCatalog::unitsAreSane()
{
    // Spot checks against the spec sheets, in the catalogue's units (decimal GB, TB/s, dense TFLOP/s).
    const Accelerator *h200 = m_catalog.accelerator("h200");
    QVERIFY(h200);
    QCOMPARE(h200->memoryGb, 141.0);
    QCOMPARE(h200->memoryBandwidthTBs, 4.8);
    QCOMPARE(h200->peakTflops.at(Precision::BF16), 989.4); // dense, not the 1979 sparse headline
    QCOMPARE(h200->scaleUpGBs, 450.0);                    // NVLink 4 900 GB/s both ways, per direction
    QCOMPARE(h200->scaleUpDomain, 8);

    const Accelerator *groq = m_catalog.accelerator("groq-lpu");
    QVERIFY(groq);
    QVERIFY(groq->weightsInSram);
    QCOMPARE(groq->sramMb, 230.0);
    QCOMPARE(groq->memoryBandwidthTBs, 80.0);
    QVERIFY(groq->category == DeviceCategory::SramEngine);

    const Accelerator *cpx = m_catalog.accelerator("rubin-cpx");
    QVERIFY(cpx);
    QVERIFY(cpx->category == DeviceCategory::PrefillAccelerator);
    QCOMPARE(cpx->memoryType, std::string("GDDR7"));
    QCOMPARE(cpx->memoryGb, 128.0);
    QVERIFY(cpx->provenance.at("memory_bandwidth_tbs").estimate); // not disclosed by NVIDIA

    QVERIFY(m_catalog.accelerator("cpu-server")->category == DeviceCategory::Cpu);
    QCOMPARE(m_catalog.accelerator("cpu-server")->memoryType, std::string("DDR5"));
    QVERIFY(m_catalog.accelerator("tpu-v6e")->category == DeviceCategory::Tpu);
    QVERIFY(m_catalog.accelerator("jetson-agx-orin")->category == DeviceCategory::EdgeSoc);

    // Ratios that catch a unit slip across the whole catalogue: bandwidth per GB of memory between
    // ~1 and ~400 000 per second (DDR5 server ~1.2/s, HBM ~25-45/s, Groq SRAM ~350 000/s).
    for (const Accelerator &a : m_catalog.accelerators) {
        const double perSecond = a.memoryBandwidthTBs * 1000 / a.memoryGb;
        QVERIFY2(perSecond > 0.5 && perSecond < 400000, a.id.c_str());
        QVERIFY2(a.etaCompute > 0 && a.etaCompute <= 1 && a.etaMemory > 0 && a.etaMemory <= 1, a.id.c_str());
        QVERIFY2(!a.peakTflops.empty(), a.id.c_str());
        QVERIFY2(a.scaleUpDomain >= 1, a.id.c_str());
    }

    const MemoryTierSpec *sram = m_catalog.tier("sram-onchip");
    const MemoryTierSpec *hbm = m_catalog.tier("hbm3e");
    const MemoryTierSpec *dram = m_catalog.tier("host-dram-ddr5");
    const MemoryTierSpec *nvme = m_catalog.tier("nvme-gen5");
    QVERIFY(sram && hbm && dram && nvme);
    // The memory hierarchy: each tier down is slower, farther and cheaper per GB.
    QVERIFY(sram->bandwidthGBs > hbm->bandwidthGBs && hbm->bandwidthGBs > dram->bandwidthGBs
            && dram->bandwidthGBs > nvme->bandwidthGBs);
    QVERIFY(sram->latencyUs < hbm->latencyUs && hbm->latencyUs < dram->latencyUs && dram->latencyUs < nvme->latencyUs);
    QVERIFY(sram->usdPerGb > hbm->usdPerGb && hbm->usdPerGb > dram->usdPerGb && dram->usdPerGb > nvme->usdPerGb);
    // DRAM costs 20-100x SRAM's energy per bit; HBM sits at ~3.4-3.9 pJ/bit.
    QVERIFY(dram->energyPjPerBit / sram->energyPjPerBit >= 20 && dram->energyPjPerBit / sram->energyPjPerBit <= 500);
    QVERIFY(hbm->energyPjPerBit >= 3 && hbm->energyPjPerBit <= 4);
    // The HBM3E tier is the H200's memory as the accelerator sees it.
    QCOMPARE(hbm->bandwidthGBs, h200->memoryBandwidthTBs * 1000);

    QCOMPARE(m_catalog.link("nvlink4")->bandwidthGBs, h200->scaleUpGBs);
    QCOMPARE(m_catalog.link("ib-ndr-400")->bandwidthGBs, 50.0); // 400 Gb/s = 50 GB/s
}

// A lower precision is never slower than a higher one on the same device.
void TestCatalog::precisionOrdering()
{
    for (const Accelerator &a : m_catalog.accelerators) {
        const auto &p = a.peakTflops;
        auto rate = [&](Precision x) { return p.count(x) ? p.at(x) : 0.0; };
        if (p.count(Precision::FP8) && p.count(Precision::BF16))
            QVERIFY2(rate(Precision::FP8) >= rate(Precision::BF16), a.id.c_str());
        if (p.count(Precision::FP4) && p.count(Precision::FP8))
            QVERIFY2(rate(Precision::FP4) >= rate(Precision::FP8), a.id.c_str());
        if (p.count(Precision::FP32) && p.count(Precision::BF16))
            QVERIFY2(rate(Precision::BF16) >= rate(Precision::FP32), a.id.c_str());
    }
}

void TestCatalog::serversReferenceAccelerators()
{
    for (const ServerSpec &s : m_catalog.servers) {
        if (s.kind == ServerKind::Server || s.kind == ServerKind::RackSystem) {
            QVERIFY2(m_catalog.accelerator(s.acceleratorId), s.id.c_str());
            QVERIFY2(s.acceleratorsPerNode >= 1, s.id.c_str());
        }
        if (s.kind == ServerKind::Switch)
            QVERIFY2(s.switchPorts > 0 && s.portGbps > 0, s.id.c_str());
        // Power per U stays under what one liquid-cooled rack can feed (~130 kW in 48U).
        QVERIFY2(s.powerW / s.unitHeight <= 3000, s.id.c_str());
    }
    const ServerSpec *nvl = m_catalog.server("gb200-nvl72");
    QVERIFY(nvl->kind == ServerKind::RackSystem);
    QCOMPARE(nvl->acceleratorsPerNode, 72);
    QCOMPARE(m_catalog.server("groq-lpu-node")->acceleratorsPerNode, 8);
    QCOMPARE(m_catalog.server("dgx-h100")->unitHeight, 8);
}

void TestCatalog::presetsMatchTheirWorkload()
{
    const WorkloadPreset *agent = m_catalog.preset("agent");
    QVERIFY(agent);
    const double ratio = agent->inputMean / agent->outputMean;
    QVERIFY2(ratio >= 70 && ratio <= 150, "agent should be about 100:1 input:output");
    QVERIFY(agent->prefixReuse >= 0.5);
    QVERIFY(agent->inputMean >= 8000); // long multi-turn context

    QVERIFY(!m_catalog.preset("batch-summarisation")->interactive);
    QVERIFY(m_catalog.preset("voice-assistant-edge")->edge);
    QVERIFY(m_catalog.preset("rag-long-doc")->inputMean > m_catalog.preset("chat")->inputMean);
    QVERIFY(m_catalog.preset("code-completion")->outputMean < m_catalog.preset("chat")->outputMean);
    for (const WorkloadPreset &p : m_catalog.presets) {
        QVERIFY2(m_catalog.model(p.modelId), p.id.c_str());
        QVERIFY2(p.inputP90 >= p.inputMean * 0.5 && p.outputP90 >= p.outputMean * 0.5, p.id.c_str());
        QVERIFY2(p.prefixReuse >= 0 && p.prefixReuse <= 1, p.id.c_str());
    }
}

void TestCatalog::enumsRoundTrip()
{
    for (Precision p : {Precision::FP32, Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4})
        QCOMPARE(precisionFromString(toString(p)), std::optional(p));
    for (int i = 0; i <= int(DeviceCategory::EdgeSoc); ++i)
        QCOMPARE(deviceCategoryFromString(toString(DeviceCategory(i))), std::optional(DeviceCategory(i)));
    for (int i = 0; i <= int(ServerKind::Blank); ++i)
        QCOMPARE(serverKindFromString(toString(ServerKind(i))), std::optional(ServerKind(i)));
    for (int i = 0; i <= int(LinkKind::ChipToChip); ++i)
        QCOMPARE(linkKindFromString(toString(LinkKind(i))), std::optional(LinkKind(i)));
    for (int i = 0; i <= int(TierKind::Remote); ++i)
        QCOMPARE(tierKindFromString(toString(TierKind(i))), std::optional(TierKind(i)));

    QCOMPARE(toString(DeviceCategory::PrefillAccelerator), std::string("prefill-accelerator"));
    QCOMPARE(toString(TierKind::HostDram), std::string("host-dram"));
    QVERIFY(!precisionFromString("fp16"));
    QVERIFY(!precisionFromString("BF16")); // spellings are exact
    QVERIFY(!deviceCategoryFromString(""));
    QVERIFY(!serverKindFromString("rack"));
}

void TestCatalog::bytesPerPrecision()
{
    QCOMPARE(bytesPer(Precision::FP32), 4.0);
    QCOMPARE(bytesPer(Precision::BF16), 2.0);
    QCOMPARE(bytesPer(Precision::FP8), 1.0);
    QCOMPARE(bytesPer(Precision::FP4), 0.5);
    QCOMPARE(bytesPer(Precision::INT4), 0.5);
}

void TestCatalog::lookupsFindById()
{
    QVERIFY(!m_catalog.accelerator("no-such-device"));
    QVERIFY(!m_catalog.preset(""));
    QCOMPARE(m_catalog.server("dgx-b200")->acceleratorId, std::string("b200"));
    QCOMPARE(&m_catalog.accelerators.front(), m_catalog.accelerator(m_catalog.accelerators.front().id));
}

// What --json prints is what the loader reads: write the hardware half back out and load it again.
void TestCatalog::writtenJsonLoadsBackEqual()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path out = dir.path().toStdString();
    auto dump = [&](const char *file, const char *key, const json &list) {
        writeFile(out / file, json{{key, list}}.dump(2));
    };
    json accelerators = json::array(), servers = json::array(), links = json::array(), tiers = json::array();
    for (const auto &a : m_catalog.accelerators)
        accelerators.push_back(toJson(a));
    for (const auto &s : m_catalog.servers)
        servers.push_back(toJson(s));
    for (const auto &l : m_catalog.links)
        links.push_back(toJson(l));
    for (const auto &t : m_catalog.tiers)
        tiers.push_back(toJson(t));
    dump("accelerators.json", "accelerators", accelerators);
    dump("servers.json", "servers", servers);
    dump("links.json", "links", links);
    dump("tiers.json", "tiers", tiers);
    fs::copy_file(kCatalogDir + "/models.json", out / "models.json");
    fs::copy_file(kCatalogDir + "/presets.json", out / "presets.json");

    Catalog again;
    try {
        again = loadCatalog(out.string());
    } catch (const InputError &e) {
        QFAIL(e.what());
    }
    QVERIFY(again.accelerators == m_catalog.accelerators);
    QVERIFY(again.servers == m_catalog.servers);
    QVERIFY(again.links == m_catalog.links);
    QVERIFY(again.tiers == m_catalog.tiers);

    // Presets written back carry the same fields and provenance.
    for (const auto &p : m_catalog.presets) {
        const json j = toJson(p);
        QCOMPARE(j.at("model").get<std::string>(), p.modelId);
        QCOMPARE(j.at("input_mean").at("value").get<double>(), p.inputMean);
        QVERIFY(j.at("input_mean").contains("source") || j.at("input_mean").value("estimate", false));
    }
}

void TestCatalog::minimalCatalogueLoads()
{
    const Catalog c = loadCatalog(fixtureDir(QStringLiteral("valid-minimal")));
    QCOMPARE(c.accelerators.size(), std::size_t(1));
    const Accelerator &a = c.accelerators.front();
    QCOMPARE(a.id, std::string("test-gpu"));
    QCOMPARE(a.peakTflops.at(Precision::FP8), 2000.0);
    QCOMPARE(a.scaleUpDomain, 1); // absent: a device on its own
    QCOMPARE(a.sramMb, 0.0);      // absent optional number
    QVERIFY(!a.provenance.count("sram_mb"));
    QCOMPARE(a.provenance.at("memory_gb").source, std::string("test fixture"));
    QVERIFY(a.provenance.at("eta_memory").estimate);
    QCOMPARE(c.servers.front().acceleratorsPerNode, 8);
    QCOMPARE(c.models.front().arch.layers, 2);
    QCOMPARE(c.models.front().statedTotalParams, 2.0e6);
    QCOMPARE(c.presets.front().modelId, std::string("tiny-llama"));
    QCOMPARE(c.presets.front().prefixReuse, 0.3);
}

void TestCatalog::badInput_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("problem");

    QTest::newRow("missing source") << "missing-source" << "accelerators.json" << "accelerators[0].memory_gb"
                                    << "expected a positive number with a source or \"estimate\": true";
    QTest::newRow("NaN as a string") << "nan-string" << "accelerators.json" << "accelerators[0].memory_bandwidth_tbs"
                                     << "the value is a string";
    QTest::newRow("negative memory") << "negative-memory" << "accelerators.json" << "accelerators[0].memory_gb"
                                     << "outside the plausible range";
    QTest::newRow("bare number") << "bare-number" << "accelerators.json" << "accelerators[0].tdp_w"
                                 << "with a source or \"estimate\": true";
    QTest::newRow("estimate without note") << "estimate-without-note" << "accelerators.json"
                                           << "accelerators[0].tdp_w.note" << "needs a \"note\"";
    QTest::newRow("id with capitals") << "bad-id" << "accelerators.json" << "accelerators[0].id" << "lowercase";
    QTest::newRow("misspelt field") << "misspelt-field" << "accelerators.json" << "accelerators[0].memroy_gb"
                                    << "unknown field";
    QTest::newRow("GB/s typed as TB/s") << "gbs-as-tbs" << "accelerators.json"
                                        << "accelerators[0].memory_bandwidth_tbs" << "outside the plausible range";
    QTest::newRow("unknown precision") << "unknown-precision" << "accelerators.json"
                                       << "accelerators[0].peak_tflops.fp16" << "unknown precision";
    QTest::newRow("string for a boolean") << "string-boolean" << "accelerators.json"
                                          << "accelerators[0].weights_in_sram" << "expected true or false";
    QTest::newRow("duplicate id") << "duplicate-id" << "accelerators.json" << "accelerators[1].id"
                                  << "duplicate id \"test-gpu\" (first used at accelerators[0])";
    QTest::newRow("unknown accelerator in a server") << "unknown-accelerator" << "servers.json"
                                                     << "servers[0].accelerator" << "unknown accelerator \"no-such-gpu\"";
    QTest::newRow("unknown model in a preset") << "unknown-model" << "presets.json" << "presets[0].model"
                                               << "unknown model \"no-such-model\"";
    QTest::newRow("bad model config") << "bad-model-config" << "models.json"
                                      << "models[0].config.num_hidden_layers" << "missing";
    QTest::newRow("switch without ports") << "switch-without-ports" << "servers.json" << "servers[0].switch_ports"
                                          << "missing";
    QTest::newRow("fractional rack units") << "fractional-units" << "servers.json" << "servers[0].unit_height"
                                           << "expected a whole number";
    QTest::newRow("percentage for a fraction") << "reuse-percent" << "presets.json" << "presets[0].prefix_reuse"
                                               << "outside the plausible range [0, 1]";
    QTest::newRow("entries under the wrong key") << "wrong-list-key" << "accelerators.json" << "devices"
                                                 << "unknown top-level field";
    // The file ends inside the first entry, after line 8: the error points at the last line read.
    QTest::newRow("truncated JSON") << "truncated" << "accelerators.json" << "line 8" << "malformed JSON";
    // Line 6 lacks its comma; the parser trips on the next key, on line 7.
    QTest::newRow("missing comma") << "missing-comma" << "accelerators.json" << "line 7" << "malformed JSON";
}

void TestCatalog::badInput()
{
    QFETCH(QString, fixture);
    QFETCH(QString, file);
    QFETCH(QString, where);
    QFETCH(QString, problem);
    try {
        loadCatalog(fixtureDir(fixture));
        QFAIL("the bad catalogue loaded");
    } catch (const InputError &e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(QString::fromStdString(e.file()).endsWith(QLatin1Char('/') + file), qPrintable(message));
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString::fromStdString(e.problem()).contains(problem), qPrintable(message));
    }
}

void TestCatalog::missingDirectory()
{
    try {
        loadCatalog(fixtureDir(QStringLiteral("no-such-directory")));
        QFAIL("loaded a catalogue from nowhere");
    } catch (const InputError &e) {
        QVERIFY(QString::fromStdString(e.file()).endsWith(QLatin1String("accelerators.json")));
        QVERIFY(QString::fromStdString(e.problem()).contains(QLatin1String("cannot open")));
    }
}

void TestCatalog::dataDirFromEnvironment()
{
    const std::string dataDir = TOKENROUTE_DATA_DIR;
    ScopedEnv env("TOKENROUTE_DATA_DIR", &dataDir);
    // The variable wins over anything found beside the executable.
    QCOMPARE(findDataDir("/nonexistent/bin/tokenroute-cli"), canonical(dataDir));
    QCOMPARE(findDataDir(), canonical(dataDir));
}

void TestCatalog::dataDirEnvironmentMustBeValid()
{
    const std::string wrong = fixtureDir(QStringLiteral("no-such-directory"));
    ScopedEnv env("TOKENROUTE_DATA_DIR", &wrong);
    QVERIFY_THROWS_EXCEPTION(InputError, findDataDir(TOKENROUTE_BINARY_DIR "/app/tokenroute-cli"));
}

void TestCatalog::dataDirInstalledLayout()
{
    ScopedEnv env("TOKENROUTE_DATA_DIR", nullptr);
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    const fs::path root = prefix.path().toStdString();
    writeFile(root / "share/tokenroute/data/catalog/accelerators.json", "{\"accelerators\": []}");
    writeFile(root / "bin/tokenroute-cli", "");
    QCOMPARE(findDataDir((root / "bin/tokenroute-cli").string()), canonical((root / "share/tokenroute/data").string()));
}

void TestCatalog::dataDirSourceTree()
{
    ScopedEnv env("TOKENROUTE_DATA_DIR", nullptr);
    const fs::path source = fs::weakly_canonical(TOKENROUTE_DATA_DIR).parent_path();
    const fs::path binary = fs::weakly_canonical(TOKENROUTE_BINARY_DIR);
    if (binary.string().rfind(source.string(), 0) != 0)
        QSKIP("the build tree is outside the source tree; walking up cannot reach data/");
    // build/<x>/app/tokenroute-cli -> <repo>/data
    QCOMPARE(findDataDir((binary / "app" / "tokenroute-cli").string()), canonical(TOKENROUTE_DATA_DIR));
}

void TestCatalog::dataDirNotFound()
{
    ScopedEnv env("TOKENROUTE_DATA_DIR", nullptr);
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    const fs::path exe = fs::path(prefix.path().toStdString()) / "bin" / "tokenroute-cli";
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.parent_path(); dir = dir.parent_path())
        if (fs::exists(dir / "data" / "catalog" / "accelerators.json"))
            QSKIP("a data directory exists above the temporary directory");
    try {
        findDataDir(exe.string());
        QFAIL("found a data directory where there is none");
    } catch (const InputError &e) {
        QVERIFY(QString::fromStdString(e.problem()).contains(QLatin1String("TOKENROUTE_DATA_DIR")));
    }
}

// A name without a directory (the binary was found through PATH) falls back to where the running
// binary really is: this test executable sits in the build tree, below the source tree's data/.
void TestCatalog::dataDirFromBareName()
{
    ScopedEnv env("TOKENROUTE_DATA_DIR", nullptr);
    const fs::path source = fs::weakly_canonical(TOKENROUTE_DATA_DIR).parent_path();
    const fs::path binary = fs::weakly_canonical(TOKENROUTE_BINARY_DIR);
    if (binary.string().rfind(source.string(), 0) != 0)
        QSKIP("the build tree is outside the source tree; walking up cannot reach data/");
    QCOMPARE(findDataDir("test_catalog"), canonical(TOKENROUTE_DATA_DIR));
    QCOMPARE(findDataDir(), canonical(TOKENROUTE_DATA_DIR));
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "test_catalog.moc"
