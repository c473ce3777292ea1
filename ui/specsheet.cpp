#include "ui/specsheet.h"

#include <set>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include "core/model/modelarch.h"
#include "ui/format.h"

namespace tokenroute::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tokenroute::ui::SpecSheet", text, disambiguation, n);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Collects rows and remembers which provenance entries were shown, so that sources for fields
// the sheet has no row for are still listed rather than dropped.
class SheetBuilder {
public:
    SheetBuilder(SpecSheet &sheet, const ProvenanceMap &provenance)
        : m_sheet(sheet)
        , m_provenance(provenance)
    {
    }

    ~SheetBuilder()
    {
        for (const auto &[key, p] : m_provenance) {
            if (!m_used.count(key))
                m_sheet.otherSources.append({qs(key), p});
        }
    }

    // key: the catalogue JSON field the number was read from (the ProvenanceMap key).
    void add(const QString &label, const QString &value, const std::string &key)
    {
        SpecRow row{label, value, std::nullopt, false};
        auto it = m_provenance.find(key);
        if (it != m_provenance.end()) {
            row.provenance = it->second;
            m_used.insert(key);
        }
        m_sheet.rows.append(row);
    }

    // A figure only when it is stated: non-zero, or zero with a source (a server with no local
    // NVMe says so); unstated figures are left out rather than shown as 0.
    void addIf(bool nonZero, const QString &label, const QString &value, const std::string &key)
    {
        if (nonZero || m_provenance.count(key))
            add(label, value, key);
    }

    void addText(const QString &label, const QString &value)
    {
        if (!value.isEmpty())
            m_sheet.rows.append(SpecRow{label, value, std::nullopt, false});
    }

    // Architecture figures read from the model's Hugging Face config.json, which is the source.
    void addConfig(const QString &label, const QString &value)
    {
        m_sheet.rows.append(SpecRow{label, value, Provenance{tr("the model's config.json").toStdString(), false, {}}, false});
    }

    void addDerived(const QString &label, const QString &value)
    {
        m_sheet.rows.append(SpecRow{label, value, std::nullopt, true});
    }

private:
    SpecSheet &m_sheet;
    const ProvenanceMap &m_provenance;
    std::set<std::string> m_used;
};

void accelerator(SpecSheet &sheet, const Accelerator &a)
{
    sheet.title = qs(a.name);
    sheet.subtitle = tr("%1 · %2 · %3 · id %4").arg(qs(a.vendor), qs(toString(a.category)), qs(a.status), qs(a.id));
    SheetBuilder b(sheet, a.provenance);
    for (const auto &[precision, tflops] : a.peakTflops) {
        const std::string name = toString(precision);
        b.add(tr("Peak %1 (dense)").arg(qs(name).toUpper()), tr("%1 TFLOP/s").arg(formatNumber(tflops, 1)),
              "peak_tflops." + name);
    }
    b.addText(tr("Memory type"), qs(a.memoryType));
    b.addIf(a.memoryGb > 0, tr("Memory"), tr("%1 GB").arg(formatNumber(a.memoryGb, 1)), "memory_gb");
    b.addIf(a.memoryBandwidthTBs > 0, tr("Memory bandwidth"), tr("%1 TB/s").arg(formatNumber(a.memoryBandwidthTBs, 2)),
            "memory_bandwidth_tbs");
    b.addIf(a.sramMb > 0, tr("On-chip SRAM"), tr("%1 MB").arg(formatNumber(a.sramMb, 1)), "sram_mb");
    if (a.weightsInSram)
        b.addText(tr("Weights"), tr("must be resident in on-chip SRAM"));
    b.addIf(a.scaleUpGBs > 0, tr("Scale-up bandwidth"), tr("%1 GB/s each way").arg(formatNumber(a.scaleUpGBs, 0)),
            "scale_up_gbs");
    b.addIf(a.scaleUpDomain > 1, tr("Scale-up domain"), tr("%n device(s)", "", a.scaleUpDomain), "scale_up_domain");
    b.addIf(a.hostLinkGBs > 0, tr("Host link"), tr("%1 GB/s each way").arg(formatNumber(a.hostLinkGBs, 0)),
            "host_link_gbs");
    b.addIf(a.tdpW > 0, tr("Power (TDP)"), tr("%1 W").arg(formatNumber(a.tdpW, 0)), "tdp_w");
    b.addIf(a.priceUsd > 0, tr("Price"), tr("$%1").arg(formatNumber(a.priceUsd, 0)), "price_usd");
    b.addIf(a.cloudUsdPerHour > 0, tr("Cloud price"), tr("$%1 per hour").arg(formatNumber(a.cloudUsdPerHour, 2)),
            "cloud_usd_per_hour");
    b.add(tr("Compute efficiency (default)"), tr("%1 % of peak").arg(formatNumber(a.etaCompute * 100, 0)), "eta_compute");
    b.add(tr("Memory efficiency (default)"), tr("%1 % of peak").arg(formatNumber(a.etaMemory * 100, 0)), "eta_memory");
}

void server(SpecSheet &sheet, const Catalog &catalog, const ServerSpec &s)
{
    sheet.title = qs(s.name);
    sheet.subtitle = tr("%1 · id %2").arg(qs(toString(s.kind)), qs(s.id));
    SheetBuilder b(sheet, s.provenance);
    b.add(tr("Height"), tr("%1U").arg(s.unitHeight), "unit_height");
    if (!s.acceleratorId.empty()) {
        const Accelerator *a = catalog.accelerator(s.acceleratorId);
        b.add(tr("Accelerators"), tr("%1 × %2").arg(s.acceleratorsPerNode).arg(a ? qs(a->name) : qs(s.acceleratorId)),
              "accelerators_per_node");
    }
    b.addIf(s.powerW > 0, tr("Maximum power"), tr("%1 kW").arg(formatNumber(s.powerW / 1000.0, 2)), "power_w");
    b.addIf(s.weightKg > 0, tr("Weight"), tr("%1 kg").arg(formatNumber(s.weightKg, 1)), "weight_kg");
    b.addIf(s.hostDramGb > 0, tr("Host memory"), tr("%1 GB").arg(formatNumber(s.hostDramGb, 0)), "host_dram_gb");
    b.addIf(s.nvmeTb > 0, tr("Local NVMe"), tr("%1 TB").arg(formatNumber(s.nvmeTb, 1)), "nvme_tb");
    b.addIf(s.nics > 0, tr("Network ports"), QString::number(s.nics), "nics");
    b.addIf(s.nics > 0 && s.nicGbps > 0, tr("Port speed"), tr("%1 Gb/s").arg(formatNumber(s.nicGbps, 0)), "nic_gbps");
    b.addIf(s.switchPorts > 0, tr("Switch ports"), QString::number(s.switchPorts), "switch_ports");
    b.addIf(s.switchPorts > 0, tr("Port speed"), tr("%1 Gb/s").arg(formatNumber(s.portGbps, 0)), "port_gbps");
    b.addIf(s.priceUsd > 0, tr("Price"), tr("$%1").arg(formatNumber(s.priceUsd, 0)), "price_usd");
}

void link(SpecSheet &sheet, const LinkType &l)
{
    sheet.title = qs(l.name);
    sheet.subtitle = tr("%1 · id %2").arg(qs(toString(l.kind)), qs(l.id));
    SheetBuilder b(sheet, l.provenance);
    b.add(tr("Bandwidth"), tr("%1 GB/s each way").arg(formatNumber(l.bandwidthGBs, 1)), "bandwidth_gbs");
    b.add(tr("Latency"), tr("%1 µs").arg(formatNumber(l.latencyUs, 2)), "latency_us");
}

void tier(SpecSheet &sheet, const MemoryTierSpec &t)
{
    sheet.title = qs(t.name);
    sheet.subtitle = tr("%1 · id %2").arg(qs(toString(t.kind)), qs(t.id));
    SheetBuilder b(sheet, t.provenance);
    b.add(tr("Bandwidth"), tr("%1 GB/s").arg(formatNumber(t.bandwidthGBs, 1)), "bandwidth_gbs");
    b.add(tr("Latency"), tr("%1 µs").arg(formatNumber(t.latencyUs, 3)), "latency_us");
    b.addIf(t.energyPjPerBit > 0, tr("Energy"), tr("%1 pJ/bit").arg(formatNumber(t.energyPjPerBit, 2)), "energy_pj_per_bit");
    b.addIf(t.usdPerGb > 0, tr("Cost"), tr("$%1 per GB").arg(formatNumber(t.usdPerGb, 3)), "usd_per_gb");
}

void model(SpecSheet &sheet, const ModelSpec &m)
{
    const ModelArch &a = m.arch;
    sheet.title = qs(m.name);
    sheet.subtitle = tr("%1 · id %2").arg(qs(a.family), qs(m.id));
    SheetBuilder b(sheet, m.provenance);
    b.addIf(m.statedTotalParams > 0, tr("Parameters (published)"), formatCount(m.statedTotalParams), "stated_total_params");
    b.addIf(m.statedActiveParams > 0, tr("Active parameters (published)"), formatCount(m.statedActiveParams),
            "stated_active_params");
    const ParamCounts counts = countParams(a);
    b.addDerived(tr("Parameters (from the config)"), formatCount(counts.total));
    if (a.isMoe())
        b.addDerived(tr("Active per token (from the config)"), formatCount(counts.active));
    b.addDerived(tr("KV cache per token, BF16"), formatBytes(kvBytesPerToken(a, 2.0)));
    b.addDerived(tr("KV cache per token, FP8"), formatBytes(kvBytesPerToken(a, 1.0)));
    b.addConfig(tr("Layers"), QString::number(a.layers));
    b.addConfig(tr("Hidden size"), QString::number(a.hidden));
    b.addConfig(tr("Attention"), a.isMla() ? tr("MLA, %1 heads, KV rank %2").arg(a.heads).arg(a.mla.kvLoraRank)
                                     : tr("%1 query heads, %2 KV heads, head dim %3").arg(a.heads).arg(a.kvHeads).arg(a.headDim));
    if (a.isMoe())
        b.addConfig(tr("Experts"), tr("%1 routed, %2 per token, %3 shared").arg(a.moe.numExperts).arg(a.moe.expertsPerToken).arg(a.moe.sharedExperts));
    else
        b.addConfig(tr("FFN width"), QString::number(a.intermediate));
    b.addConfig(tr("Vocabulary"), QString::number(a.vocab));
    if (a.maxContext > 0)
        b.addConfig(tr("Context"), tr("%1 tokens").arg(formatNumber(a.maxContext, 0)));
    if (a.slidingWindow > 0)
        b.addConfig(tr("Sliding window"), tr("%1 tokens on %2 layers").arg(a.slidingWindow).arg(a.slidingWindowLayers));
}

void preset(SpecSheet &sheet, const WorkloadPreset &p)
{
    sheet.title = qs(p.name);
    sheet.subtitle = tr("workload preset · id %1").arg(qs(p.id));
    sheet.description = qs(p.description);
    SheetBuilder b(sheet, p.provenance);
    b.addText(tr("Model"), qs(p.modelId));
    b.add(tr("Arrival rate"), tr("%1 requests/s").arg(formatNumber(p.ratePerS, 2)), "rate_per_s");
    b.add(tr("Prompt tokens, mean"), formatNumber(p.inputMean, 0), "input_mean");
    b.add(tr("Prompt tokens, p90"), formatNumber(p.inputP90, 0), "input_p90");
    b.add(tr("Output tokens, mean"), formatNumber(p.outputMean, 0), "output_mean");
    b.add(tr("Output tokens, p90"), formatNumber(p.outputP90, 0), "output_p90");
    b.add(tr("Prefix reuse"), tr("%1 %").arg(formatNumber(p.prefixReuse * 100, 0)), "prefix_reuse");
    b.addIf(p.ttftSloMs > 0, tr("Time to first token (SLO)"), tr("%1 ms").arg(formatNumber(p.ttftSloMs, 0)), "ttft_slo_ms");
    b.addIf(p.tpotSloMs > 0, tr("Time per output token (SLO)"), tr("%1 ms").arg(formatNumber(p.tpotSloMs, 0)), "tpot_slo_ms");
    b.addText(tr("Kind"), p.interactive ? tr("interactive") : tr("batch"));
    b.addText(tr("Placement"), p.edge ? tr("edge device") : tr("data centre"));
}

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

QString sourceCell(const Provenance &p, int index)
{
    const QString link = QStringLiteral("<a href=\"source:%1\">%2</a>").arg(index).arg(escaped(sourceLabel(p)));
    if (!p.estimate)
        return link;
    // An estimate says so in the cell itself, not only on hover.
    return QStringLiteral("<span class=\"estimate\">%1</span> · %2").arg(escaped(tr("estimate")), link);
}

} // namespace

QUrl sourceUrl(const Provenance &p)
{
    static const QRegularExpression url(QStringLiteral("https?://[^\\s;,)]+"));
    const QRegularExpressionMatch m = url.match(qs(p.source));
    return m.hasMatch() ? QUrl(m.captured(0)) : QUrl();
}

QString sourceLabel(const Provenance &p)
{
    const QUrl url = sourceUrl(p);
    if (url.isValid() && !url.host().isEmpty()) {
        QString host = url.host();
        if (host.startsWith(QLatin1String("www.")))
            host = host.mid(4);
        return host;
    }
    QString text = qs(p.source);
    if (text.isEmpty())
        return p.note.empty() ? tr("estimate") : tr("note");
    // The opening words name the document ("PCI-SIG PCIe 5.0 base specification: …"); the rest is
    // on hover. 32 characters fit the source column at the default dock width.
    constexpr int MaxLabel = 32;
    const int cut = text.indexOf(QRegularExpression(QStringLiteral("[:;(]")));
    if (cut > 8)
        text = text.left(cut).trimmed();
    if (text.size() > MaxLabel) {
        const int space = text.lastIndexOf(QLatin1Char(' '), MaxLabel);
        text = (space > 10 ? text.left(space) : text.left(MaxLabel - 1)).trimmed() + QChar(0x2026);
    }
    return text;
}

QString sourceTooltip(const Provenance &p)
{
    QStringList lines;
    if (!p.source.empty())
        lines << qs(p.source);
    if (p.estimate)
        lines << (p.note.empty() ? tr("Estimate.") : tr("Estimate: %1").arg(qs(p.note)));
    else if (!p.note.empty())
        lines << tr("Note: %1").arg(qs(p.note));
    return lines.join(QLatin1Char('\n'));
}

QList<Provenance> sheetSources(const SpecSheet &sheet)
{
    QList<Provenance> sources;
    for (const SpecRow &row : sheet.rows)
        if (row.provenance)
            sources.append(*row.provenance);
    for (const auto &[field, p] : sheet.otherSources)
        sources.append(p);
    return sources;
}

SpecSheet specSheet(const Catalog &catalog, CatalogModel::Group group, int row)
{
    SpecSheet sheet;
    if (row < 0)
        return sheet;
    switch (group) {
    case CatalogModel::Group::Devices:
        if (row < int(catalog.accelerators.size()))
            accelerator(sheet, catalog.accelerators[row]);
        break;
    case CatalogModel::Group::Servers:
        if (row < int(catalog.servers.size()))
            server(sheet, catalog, catalog.servers[row]);
        break;
    case CatalogModel::Group::Links:
        if (row < int(catalog.links.size()))
            link(sheet, catalog.links[row]);
        break;
    case CatalogModel::Group::MemoryTiers:
        if (row < int(catalog.tiers.size()))
            tier(sheet, catalog.tiers[row]);
        break;
    case CatalogModel::Group::Models:
        if (row < int(catalog.models.size()))
            model(sheet, catalog.models[row]);
        break;
    case CatalogModel::Group::Presets:
        if (row < int(catalog.presets.size()))
            preset(sheet, catalog.presets[row]);
        break;
    }
    return sheet;
}

QString specSheetHtml(const SpecSheet &sheet)
{
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(sheet.title));
    html += QStringLiteral("<p class=\"subtitle\">%1</p>").arg(escaped(sheet.subtitle));
    if (!sheet.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(sheet.description));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
    html += QStringLiteral("<tr><th align=\"left\" width=\"36%\">%1</th><th align=\"left\" width=\"30%\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(escaped(tr("Figure")), escaped(tr("Value")), escaped(tr("Source")));
    int sourceIndex = 0; // follows sheetSources()
    for (const SpecRow &row : sheet.rows) {
        QString source;
        if (row.provenance)
            source = sourceCell(*row.provenance, sourceIndex++);
        else if (row.derived)
            source = QStringLiteral("<i>%1</i>").arg(escaped(tr("derived by TokenRoute")));
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>").arg(escaped(row.label), escaped(row.value), source);
    }
    html += QStringLiteral("</table>");
    if (!sheet.otherSources.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"4\">").arg(escaped(tr("Other sources")));
        for (const auto &[field, p] : sheet.otherSources)
            html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>").arg(escaped(field), sourceCell(p, sourceIndex++));
        html += QStringLiteral("</table>");
    }
    return html;
}

} // namespace tokenroute::ui
