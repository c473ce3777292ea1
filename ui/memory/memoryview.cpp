#include "ui/memory/memoryview.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>

#include "core/plan/planio.h"
#include "ui/appstyle.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

// Pixel sizes chosen for a projector at 1280×720: names 17 px, figures 16 px, notes 15 px.
constexpr double TitlePx = 22;
constexpr double NamePx = 17;
constexpr double FigurePx = 16;
constexpr double NotePx = 15;
constexpr double Margin = 16;

// Decade labels of the capacity axis, in decimal units as capacities are sold.
QString decade(int exponent)
{
    static const char *units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    const int unit = std::clamp(exponent / 3, 0, 5);
    const int mantissa = int(std::lround(std::pow(10.0, exponent - unit * 3)));
    return QObject::tr("%1 %2").arg(mantissa).arg(QString::fromLatin1(units[unit]));
}

QString seconds(double s)
{
    if (!std::isfinite(s))
        return QObject::tr("never");
    if (s >= 1)
        return QObject::tr("%1 s").arg(formatNumber(s, 2));
    if (s >= 1e-3)
        return QObject::tr("%1 ms").arg(formatNumber(s * 1e3, s >= 0.1 ? 0 : 1));
    return QObject::tr("%1 µs").arg(formatNumber(s * 1e6, 1));
}

QString bandwidth(double gbs)
{
    return gbs >= 1000 ? QObject::tr("%1 TB/s").arg(formatNumber(gbs / 1000, 1)) : QObject::tr("%1 GB/s").arg(formatNumber(gbs, 0));
}

QString latency(double us)
{
    return us >= 1000 ? QObject::tr("%1 ms").arg(formatNumber(us / 1000, 1))
           : us >= 1  ? QObject::tr("%1 µs").arg(formatNumber(us, 1))
                      : QObject::tr("%1 ns").arg(formatNumber(us * 1000, 0));
}

QString dollarsPerGb(double usd)
{
    return QObject::tr("$%1").arg(formatNumber(usd, usd < 1 ? 2 : 0));
}

} // namespace

MemoryView::MemoryView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_catalog(catalog)
    , m_evaluation(evaluation ? evaluation : new LiveEvaluation(document, catalog, this))
    , m_scene(new QGraphicsScene(this))
    , m_view(new QGraphicsView(m_scene, this))
    , m_poolBox(new QComboBox(this))
    , m_workloadBox(new QComboBox(this))
{
    setObjectName(QStringLiteral("memoryView"));
    m_poolBox->setObjectName(QStringLiteral("memoryPool"));
    m_workloadBox->setObjectName(QStringLiteral("memoryWorkload"));
    m_poolBox->setMinimumContentsLength(18);
    m_workloadBox->setMinimumContentsLength(22);
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(8, 4, 8, 4);
    controls->addWidget(new QLabel(tr("Pool:"), this));
    controls->addWidget(m_poolBox);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("KV cache of:"), this));
    controls->addWidget(m_workloadBox);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setBackgroundBrush(Qt::white);
    m_view->viewport()->installEventFilter(this);

    connect(m_poolBox, &QComboBox::activated, this, [this](int i) { setPool(m_poolBox->itemData(i).toInt()); });
    connect(m_workloadBox, &QComboBox::activated, this, [this](int i) { setWorkload(m_workloadBox->itemData(i).toInt()); });
    // A hidden tab waits for showEvent, which refreshes anyway to read runs saved meanwhile.
    const auto refreshIfShown = [this] {
        if (isVisible())
            refresh();
    };
    connect(m_evaluation, &LiveEvaluation::updated, this, refreshIfShown);
    connect(m_document, &PlanDocument::filePathChanged, this, refreshIfShown);
    refresh();
}

void MemoryView::readRuns()
{
    m_runs.clear();
    const std::string path = m_document->filePath().toStdString();
    if (path.empty() || !isSqliteFile(path))
        return;
    try {
        for (const StoredResult &r : listResults(path, "simulation"))
            m_runs.push_back(nlohmann::json::parse(r.json, nullptr, false));
    } catch (const std::exception &) {
        // An unreadable results table leaves the ladder without hit ratios, which it says.
        m_runs.clear();
    }
}

void MemoryView::fillPools()
{
    const Evaluation &ev = m_evaluation->current().evaluation;
    m_poolBox->clear();
    const PoolEvaluation *richest = nullptr;
    for (const PoolEvaluation &p : ev.pools) {
        if (!p.device)
            continue;
        m_poolBox->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(p.name), roleName(p.role)), p.poolId);
        // By default the pool with the most tiers below device memory: the deepest ladder.
        if (!richest || p.tiers.size() > richest->tiers.size())
            richest = &p;
    }
    if (m_poolBox->findData(m_poolId) < 0)
        m_poolId = richest ? richest->poolId : 0;
    m_poolBox->setCurrentIndex(std::max(0, m_poolBox->findData(m_poolId)));
}

void MemoryView::fillWorkloads()
{
    const Evaluation &ev = m_evaluation->current().evaluation;
    m_workloadBox->clear();
    for (int id : workloadsOnPool(ev, m_poolId))
        if (const Workload *w = m_document->plan().workload(id))
            m_workloadBox->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(w->name), QString::fromStdString(w->modelId)),
                                   id);
    if (m_workloadBox->findData(m_workloadId) < 0)
        m_workloadId = m_workloadBox->count() > 0 ? m_workloadBox->itemData(0).toInt() : 0;
    m_workloadBox->setCurrentIndex(std::max(0, m_workloadBox->findData(m_workloadId)));
}

void MemoryView::setPool(int poolId)
{
    m_poolId = poolId;
    refresh();
}

void MemoryView::setWorkload(int workloadId)
{
    m_workloadId = workloadId;
    refresh();
}

void MemoryView::refresh()
{
    readRuns();
    fillPools();
    fillWorkloads();
    m_ladder = buildMemoryLadder(m_document->plan(), *m_catalog, m_evaluation->current().evaluation, m_poolId, m_workloadId,
                                 m_runs);
    relayout();
}

bool MemoryView::eventFilter(QObject *watched, QEvent *event)
{
    // The scene is laid out at the viewport's size, which the layout sets after this widget's own
    // resize: follow the viewport.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        relayout();
    return QWidget::eventFilter(watched, event);
}

void MemoryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A run saved in the Simulation tab since the last look brings its hit ratios.
    refresh();
}

void MemoryView::relayout()
{
    m_scene->clear();
    const QSizeF size = m_view->viewport()->size();
    const double W = std::max(900.0, size.width()), H = std::max(480.0, size.height());
    m_scene->setSceneRect(0, 0, W, H);
    auto addText = [&](const QString &s, double px, bool bold, double x, double y, double width,
                       const QColor &c = QColor(0x10, 0x10, 0x10)) {
        auto *t = m_scene->addSimpleText(QFontMetricsF(pixelFont(px, bold)).elidedText(s, Qt::ElideRight, width),
                                         pixelFont(px, bold));
        t->setBrush(c);
        t->setPos(x, y);
        t->setZValue(2);
        return t;
    };
    // Text that wraps within a width (QGraphicsTextItem adds a 4 px document margin on every side).
    auto addWrapped = [&](const QString &s, double px, bool bold, double x, double y, double width,
                          const QColor &c = QColor(0x10, 0x10, 0x10)) {
        auto *t = m_scene->addText(s, pixelFont(px, bold));
        t->setTextWidth(width + 8);
        t->setDefaultTextColor(c);
        t->setPos(x - 4, y - 4);
        t->setZValue(2);
        return t;
    };
    const MemoryLadder &l = m_ladder;
    if (!l.valid) {
        addWrapped(l.problem, TitlePx, true, Margin, Margin, W - 2 * Margin);
        return;
    }
    addText(tr("Memory tiers of %1").arg(l.pool), TitlePx, true, Margin, 10, W - 2 * Margin);
    const QString subtitle =
        tr("%1 × %2 · KV cache of %3 (%4) · capacity on a log scale; orange rungs hold KV cache.")
            .arg(l.devices)
            .arg(l.device, l.workload, l.model)
        + QLatin1Char(' ')
        + (l.prefixTokens > 0 ? tr("It reuses a prefix of %1 tokens: the last column says whether fetching it from the tier "
                                   "beats computing it again.")
                                    .arg(formatNumber(l.prefixTokens, 0))
                              : tr("It reuses no prefix."));
    auto *sub = addWrapped(subtitle, NotePx, false, Margin, 10 + TitlePx * 1.45, W - 2 * Margin, QColor(0x30, 0x30, 0x30));

    // Columns: tier, capacity bar, KV tokens, speed (bandwidth, latency), cost (energy, $/GB),
    // hit ratio, fetch or recompute.
    const double usable = W - 2 * Margin;
    const std::vector<double> share{0.15, 0.22, 0.085, 0.09, 0.10, 0.075, 0.28};
    std::vector<double> x{Margin};
    for (double f : share)
        x.push_back(x.back() + f * usable);
    auto colW = [&](int c) { return x[std::size_t(c) + 1] - x[std::size_t(c)] - 12; };
    const double headerY = sub->y() + sub->boundingRect().height() + 4;
    const QStringList headers{tr("Tier"), tr("Capacity (log scale)"), tr("KV tokens"), tr("Speed"),
                              tr("Energy, price"), tr("Hit ratio"), tr("Fetch or recompute the prefix")};
    for (int c = 0; c < headers.size(); ++c)
        addText(headers[c], NotePx, true, x[std::size_t(c)], headerY, colW(c), QColor(0x40, 0x40, 0x40));

    // The log axis spans the decades of the capacities shown.
    double lo = 1e30, hi = 0;
    for (const MemoryRung &r : l.rungs)
        if (r.capacityBytes > 0) {
            lo = std::min(lo, r.capacityBytes);
            hi = std::max(hi, r.capacityBytes);
        }
    const int loDecade = hi > 0 ? int(std::floor(std::log10(lo))) : 6;
    const int hiDecade = hi > 0 ? std::max(loDecade + 1, int(std::ceil(std::log10(hi)))) : 12;
    const double barX = x[1], barW = colW(1);
    auto barLength = [&](double bytes) {
        return std::max(4.0, barW * (std::log10(bytes) - loDecade) / double(hiDecade - loDecade));
    };
    const double axisY = headerY + NotePx * 1.45;
    const double footer = NotePx * 3.2;
    // Decade labels at least 64 px apart, so "100 GB" never touches its neighbour.
    const int every = std::max(1, int(std::ceil(double(hiDecade - loDecade) * 64.0 / barW)));
    for (int d = loDecade; d <= hiDecade; d += every) {
        const double tx = barX + barW * double(d - loDecade) / double(hiDecade - loDecade);
        m_scene->addLine(tx, axisY + NotePx * 1.3, tx, H - Margin - footer, QPen(QColor(0xdd, 0xdd, 0xdd), 1))->setZValue(0.5);
        auto *t = addText(decade(d), NotePx - 1, false, tx, axisY, 80, QColor(0x50, 0x50, 0x50));
        t->setX(std::clamp(tx - t->boundingRect().width() / 2, barX, barX + barW - t->boundingRect().width()));
    }

    const double rowsTop = axisY + NotePx * 1.45;
    const double rowH = std::min(100.0, (H - Margin - footer - rowsTop) / double(l.rungs.size()));
    const QColor kv = QColor::fromRgb(okabeIto::Orange);
    double y = rowsTop;
    for (const MemoryRung &r : l.rungs) {
        if (int(&r - l.rungs.data()) % 2 == 0)
            m_scene->addRect(QRectF(Margin - 6, y, W - 2 * Margin + 12, rowH), Qt::NoPen, QColor(0xf3, 0xf3, 0xf3))->setZValue(0);
        const QColor ink = r.inPool ? QColor(0x10, 0x10, 0x10) : QColor(0x78, 0x78, 0x78);
        const double line1 = y + 6, line2 = y + 6 + NamePx * 1.35;
        addText(rungName(r.kind), NamePx, true, x[0], line1, colW(0), ink);
        const QString source = r.tier          ? QString::fromStdString(r.tier->name)
                               : r.deviceCache ? tr("the device's on-chip cache")
                                               : tr("not in the catalogue");
        addWrapped(source, NotePx, false, x[0], line2, colW(0), ink);

        // Capacity: the bar, and the figure under it.
        if (r.capacityBytes > 0) {
            auto *bar = m_scene->addRect(QRectF(barX, line1 + 1, barLength(r.capacityBytes), 20),
                                         QPen(QColor(0x20, 0x20, 0x20), 1), r.holdsKv ? kv : QColor(0xc8, 0xc8, 0xc8));
            bar->setZValue(1);
            addText(r.holdsKv ? tr("%1 for KV").arg(formatBytes(r.capacityBytes)) : tr("%1, no KV").arg(formatBytes(r.capacityBytes)),
                    FigurePx, false, barX, line2, barW, ink);
        } else {
            addText(r.inPool ? tr("size not stated in the plan") : tr("not in this pool"), FigurePx, false, barX, line1, barW,
                    ink);
        }
        addText(r.holdsKv ? formatCount(double(r.kvTokens)) : tr("none"), NamePx, r.holdsKv, x[2], line1, colW(2), ink);
        if (r.tier) {
            addText(bandwidth(r.tier->bandwidthGBs), FigurePx, false, x[3], line1, colW(3), ink);
            addText(latency(r.tier->latencyUs), FigurePx, false, x[3], line2, colW(3), ink);
            addText(tr("%1 pJ/bit").arg(formatNumber(r.tier->energyPjPerBit, 1)), FigurePx, false, x[4], line1, colW(4), ink);
            addText(tr("%1/GB").arg(dollarsPerGb(r.tier->usdPerGb)), FigurePx, false, x[4], line2, colW(4), ink);
        }
        if (r.hitRatio)
            addText(tr("%1 %").arg(formatNumber(*r.hitRatio * 100, 1)), NamePx, true, x[5], line1, colW(5), ink);
        else
            addText(tr("—"), FigurePx, false, x[5], line1, colW(5), ink);

        // Where fetching the prefix beats computing it again, and what this workload's prefix costs.
        QString verdict;
        if (r.breakEven) {
            const PrefixBreakEven &b = *r.breakEven;
            if (b.fetchAlwaysWins())
                verdict = tr("Fetching wins at every length up to %1 tokens").arg(formatCount(double(b.maxTokens)));
            else if (b.recomputeFromTokens <= 1 && b.recomputeToTokens >= b.maxTokens)
                verdict = tr("Recomputing wins at every length");
            else if (b.recomputeFromTokens <= 1)
                verdict = tr("Fetching wins from %1 tokens on").arg(formatNumber(double(b.recomputeToTokens + 1), 0));
            else if (b.recomputeToTokens >= b.maxTokens)
                verdict = tr("Fetching wins below %1 tokens").arg(formatNumber(double(b.recomputeFromTokens), 0));
            else
                verdict = tr("Recomputing wins from %1 to %2 tokens")
                              .arg(formatNumber(double(b.recomputeFromTokens), 0), formatNumber(double(b.recomputeToTokens), 0));
        } else {
            verdict = !r.inPool ? tr("Not in this pool") : tr("Holds no KV cache");
        }
        auto *v = addWrapped(verdict, FigurePx, r.breakEven.has_value(), x[6], line1, colW(6), ink);
        if (r.prefix)
            addWrapped(tr("This prefix: fetch %1, recompute %2").arg(seconds(r.prefix->loadS), seconds(r.prefix->recomputeS)),
                       NotePx, false, x[6], v->y() + 4 + v->boundingRect().height() - 6, colW(6), ink);
        y += rowH;
    }

    addWrapped(l.hitSource, NotePx, false, Margin, H - Margin - footer + 8, W - 2 * Margin, QColor(0x30, 0x30, 0x30));
}

} // namespace tokenroute::ui
