#include "ui/teaching/teachingview.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QShortcut>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/appstyle.h"
#include "ui/evaluation/liveevaluation.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

// Sizes in pixels at the viewport's own scale: the caption reads from the back of a room on a
// projector at 1280×720, the figures from the middle.
constexpr double TitlePx = 28;
constexpr double SentencePx = 21;
constexpr double LabelPx = 17;
constexpr double FigurePx = 15;
constexpr double Margin = 16;
constexpr int FrameIntervalMs = 16;    // about 60 frames per second
constexpr int KvBlocksShown = 6;       // squares standing for the KV cache on the link

const double Speeds[] = {0.25, 0.5, 1, 2, 4};

QColor kvColour()
{
    return QColor::fromRgb(okabeIto::Orange);
}

QColor idle()
{
    return QColor(0xe4, 0xe4, 0xe4);
}

QString ms(double seconds)
{
    return QObject::tr("%1 ms").arg(formatNumber(seconds * 1000, seconds < 0.01 ? 2 : 1));
}

QString flops(double f)
{
    if (f >= 1e15)
        return QObject::tr("%1 PFLOP").arg(formatNumber(f / 1e15, 2));
    if (f >= 1e12)
        return QObject::tr("%1 TFLOP").arg(formatNumber(f / 1e12, 2));
    return QObject::tr("%1 GFLOP").arg(formatNumber(f / 1e9, 2));
}

QString boundName(Bound b)
{
    switch (b) {
    case Bound::Compute: return QObject::tr("compute-bound");
    case Bound::Memory: return QObject::tr("memory-bound");
    case Bound::Interconnect: return QObject::tr("interconnect-bound");
    case Bound::Overhead: return QObject::tr("overhead-bound");
    }
    return {};
}

QGraphicsSimpleTextItem *text(QGraphicsScene *scene, const QString &s, double px, bool bold, QPointF at,
                              const QColor &colour = QColor(0x10, 0x10, 0x10))
{
    auto *item = scene->addSimpleText(s, pixelFont(px, bold));
    item->setBrush(colour);
    item->setPos(at);
    item->setZValue(3);
    return item;
}

void setElided(QGraphicsSimpleTextItem *item, const QString &s, double width)
{
    item->setText(QFontMetricsF(item->font()).elidedText(s, Qt::ElideRight, width));
}

} // namespace

TeachingView::TeachingView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_catalog(catalog)
    , m_evaluation(evaluation ? evaluation : new LiveEvaluation(document, catalog, this))
    , m_scene(new QGraphicsScene(this))
    , m_view(new QGraphicsView(m_scene, this))
{
    setObjectName(QStringLiteral("teachingView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildControls());
    layout->addWidget(m_view, 1);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setBackgroundBrush(Qt::white);
    m_view->viewport()->installEventFilter(this);
    // The keys belong to the animation, not to scrolling the view.
    m_view->setFocusPolicy(Qt::NoFocus);
    setFocusPolicy(Qt::StrongFocus);

    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), this, this, &TeachingView::togglePlay);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    auto *right = new QShortcut(QKeySequence(Qt::Key_Right), this, this, &TeachingView::step);
    right->setContext(Qt::WidgetWithChildrenShortcut);

    m_frameTimer.setInterval(FrameIntervalMs);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &TeachingView::tick);
    // A rebuild costs about 12 ms: a hidden view (the flow mode, another tab) waits until shown.
    connect(m_evaluation, &LiveEvaluation::updated, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    connect(m_document, &PlanDocument::changed, this, [this] { fillWorkloads(); });
    fillWorkloads();
    refresh();
}

QWidget *TeachingView::buildControls()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(8, 4, 8, 4);
    m_playButton = new QToolButton(bar);
    m_playButton->setObjectName(QStringLiteral("teachingPlay"));
    m_playButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_playButton->setFocusPolicy(Qt::NoFocus);
    connect(m_playButton, &QToolButton::clicked, this, &TeachingView::togglePlay);
    m_stepButton = new QToolButton(bar);
    m_stepButton->setObjectName(QStringLiteral("teachingStep"));
    m_stepButton->setText(tr("Step ▸"));
    m_stepButton->setToolTip(tr("Go to the next phase or decode step (Right arrow)"));
    m_stepButton->setFocusPolicy(Qt::NoFocus);
    connect(m_stepButton, &QToolButton::clicked, this, &TeachingView::step);
    auto *restart = new QToolButton(bar);
    restart->setText(tr("Restart"));
    restart->setFocusPolicy(Qt::NoFocus);
    connect(restart, &QToolButton::clicked, this, [this] { setTime(0); });

    m_speedBox = new QComboBox(bar);
    m_speedBox->setObjectName(QStringLiteral("teachingSpeed"));
    m_speedBox->setFocusPolicy(Qt::NoFocus);
    for (double s : Speeds)
        m_speedBox->addItem(tr("%1×").arg(formatNumber(s, 2)), s);
    m_speedBox->setCurrentIndex(2);
    connect(m_speedBox, &QComboBox::activated, this, [this](int i) { setSpeed(m_speedBox->itemData(i).toDouble()); });

    m_workloadBox = new QComboBox(bar);
    m_workloadBox->setObjectName(QStringLiteral("teachingWorkload"));
    m_workloadBox->setFocusPolicy(Qt::NoFocus);
    m_workloadBox->setMinimumContentsLength(24);
    connect(m_workloadBox, &QComboBox::activated, this, [this](int i) { setWorkload(m_workloadBox->itemData(i).toInt()); });

    row->addWidget(m_playButton);
    row->addWidget(m_stepButton);
    row->addWidget(restart);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Speed:"), bar));
    row->addWidget(m_speedBox);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Follow a request of:"), bar));
    row->addWidget(m_workloadBox);
    row->addStretch(1);
    auto *keys = new QLabel(tr("Space: play/pause · Right: step"), bar);
    keys->setEnabled(false);
    row->addWidget(keys);
    updateControls();
    return bar;
}

void TeachingView::fillWorkloads()
{
    m_workloadBox->clear();
    for (const Workload &w : m_document->plan().workloads)
        m_workloadBox->addItem(QString::fromStdString(w.name), w.id);
    if (!m_document->plan().workload(m_workloadId))
        m_workloadId = m_document->plan().workloads.empty() ? 0 : m_document->plan().workloads.front().id;
    m_workloadBox->setCurrentIndex(std::max(0, m_workloadBox->findData(m_workloadId)));
}

void TeachingView::setWorkload(int workloadId)
{
    if (!m_document->plan().workload(workloadId) || workloadId == m_workloadId)
        return;
    m_workloadId = workloadId;
    m_workloadBox->setCurrentIndex(std::max(0, m_workloadBox->findData(workloadId)));
    m_time = 0;
    refresh();
}

void TeachingView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void TeachingView::hideEvent(QHideEvent *event)
{
    // No frames are drawn for a hidden view; playback resumes from here with Play.
    pause();
    QWidget::hideEvent(event);
}

void TeachingView::refresh()
{
    m_stale = false;
    if (!m_document->plan().workload(m_workloadId))
        fillWorkloads();
    const PlanOutlook &outlook = m_evaluation->current();
    if (outlook.routing) {
        m_timeline = buildTeachingTimeline(m_document->plan(), *m_catalog, outlook.evaluation, *outlook.routing, m_workloadId);
    } else {
        m_timeline = {};
        m_timeline.problem = tr("The plan cannot be routed: %1").arg(outlook.routingError);
    }
    m_slowMotion = teachingSlowMotion(m_timeline);
    m_time = std::clamp(m_time, 0.0, m_timeline.totalS());
    if (!m_timeline.valid)
        pause();
    relayout();
}

void TeachingView::setTime(double seconds)
{
    m_time = std::clamp(seconds, 0.0, m_timeline.totalS());
    updateFrame();
}

void TeachingView::play()
{
    if (!m_timeline.valid)
        return;
    if (m_time >= m_timeline.totalS())
        m_time = 0;
    m_playing = true;
    m_wall.start();
    m_frameTimer.start();
    updateControls();
}

void TeachingView::pause()
{
    m_playing = false;
    m_frameTimer.stop();
    updateControls();
}

void TeachingView::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void TeachingView::step()
{
    pause();
    setTime(m_timeline.nextStop(m_time));
}

void TeachingView::setSpeed(double speed)
{
    m_speed = std::clamp(speed, Speeds[0], Speeds[std::size(Speeds) - 1]);
    for (int i = 0; i < m_speedBox->count(); ++i)
        if (std::abs(m_speedBox->itemData(i).toDouble() - m_speed) < 1e-9)
            m_speedBox->setCurrentIndex(i);
    updateFrame();
}

void TeachingView::tick()
{
    // Wall time since the last frame, so a slow frame does not slow the request down.
    const double wallS = double(m_wall.nsecsElapsed()) * 1e-9;
    m_wall.start();
    const double next = m_time + wallS * m_speed / m_slowMotion;
    setTime(next);
    if (m_time >= m_timeline.totalS())
        pause();
}

void TeachingView::updateControls()
{
    if (!m_playButton)
        return;
    m_playButton->setText(m_playing ? tr("Pause ❚❚") : tr("Play ▶"));
    m_playButton->setToolTip(tr("Play or pause the request (Space)"));
    m_playButton->setEnabled(m_timeline.valid);
    m_stepButton->setEnabled(m_timeline.valid);
}

bool TeachingView::eventFilter(QObject *watched, QEvent *event)
{
    // The scene is laid out at the viewport's size, which the layout sets after this widget's own
    // resize: follow the viewport.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        relayout();
    return QWidget::eventFilter(watched, event);
}

void TeachingView::renderFrame(QPainter *painter, const QRectF &target)
{
    m_scene->render(painter, target, m_scene->sceneRect());
}

QString TeachingView::caption() const
{
    return captionAt(m_time);
}

QString TeachingView::captionAt(double time) const
{
    const TeachingTimeline &t = m_timeline;
    if (!t.valid)
        return t.problem;
    const int i = t.phaseAt(time);
    const TeachingPhase &p = t.phases[std::size_t(i)];
    switch (p.kind) {
    case TeachingPhaseKind::Prefill:
        if (t.prefill.bound == Bound::Compute)
            return tr("The whole %1-token prompt is computed at once on the %2 devices of %3. Every weight is used on "
                      "every prompt token, so the pass is compute-bound; the first token appears after the TTFT of %4.")
                .arg(formatNumber(t.promptTokens, 0), t.prefillDevice, t.prefillPool, ms(t.ttftS()));
        return tr("The whole %1-token prompt is computed at once on the %2 devices of %3. With this few tokens the pass "
                  "is %4 rather than compute-bound; the first token appears after the TTFT of %5.")
            .arg(formatNumber(t.promptTokens, 0), t.prefillDevice, t.prefillPool, boundName(t.prefill.bound),
                 ms(t.ttftS()));
    case TeachingPhaseKind::Transfer:
        return tr("The prompt's KV cache, %1, travels over the network to %2 in %3, so decode can continue where "
                  "prefill stopped without computing the prompt again.")
            .arg(formatBytes(t.transferBytes), t.decodePool, ms(t.transferS));
    case TeachingPhaseKind::Decode:
        return tr("Each decode step emits one more token. It reads every weight and the KV cache of its %1 sequences "
                  "but does only %2 FLOP per byte read, against the %3 the %4 could do: it is %5, %6 per token.")
            .arg(formatNumber(t.decodeBatch, 0), formatNumber(t.stepFlopsPerByte(), 0),
                 formatNumber(t.ridgeFlopsPerByte(), 0), t.decodeDevice, boundName(t.step.bound), ms(t.tpotS));
    case TeachingPhaseKind::Done: {
        // This request's share of each pass: its prompt in the prefill batch, its sequence in each step.
        const double prefillFlops = t.prefill.flops / std::max(1, t.prefillBatch);
        const double decodeFlops = double(t.outputTokens - 1) * t.step.flops / std::max(1, t.decodeBatch);
        const double flopShare = prefillFlops + decodeFlops > 0 ? decodeFlops / (prefillFlops + decodeFlops) : 0;
        const double timeShare = t.totalS() > 0 ? (t.totalS() - t.ttftS()) / t.totalS() : 0;
        return tr("Done: %1 tokens out after %2 — a TTFT of %3, then %4 decode steps of %5 each. Decode took %6 % of "
                  "the time and did %7 % of this request's arithmetic.")
            .arg(t.outputTokens)
            .arg(ms(t.totalS()), ms(t.ttftS()))
            .arg(t.outputTokens - 1)
            .arg(ms(t.tpotS), formatNumber(timeShare * 100, 0), formatNumber(flopShare * 100, 1));
    }
    }
    return {};
}

void TeachingView::relayout()
{
    m_scene->clear();
    m_frame = {};
    const QSizeF size = m_view->viewport()->size();
    const double W = std::max(640.0, size.width()), H = std::max(420.0, size.height());
    m_scene->setSceneRect(0, 0, W, H);

    m_frame.title = m_scene->addText(QString(), pixelFont(TitlePx, true));
    m_frame.title->setPos(Margin - 4, 4);
    m_frame.sentence = m_scene->addText(QString(), pixelFont(SentencePx));
    m_frame.sentence->setTextWidth(W - 2 * Margin);
    m_frame.sentence->setPos(Margin - 4, 4 + TitlePx * 1.45);
    // Room for the longest caption at this width, so no phase's sentence runs into the figures.
    double sentenceH = 0;
    for (const TeachingPhase &p : m_timeline.phases) {
        if (&p != m_timeline.phases.data() && p.kind == (&p - 1)->kind)
            continue;
        m_frame.sentence->setPlainText(captionAt(p.startS));
        sentenceH = std::max(sentenceH, m_frame.sentence->boundingRect().height());
    }
    if (m_timeline.phases.empty()) {
        m_frame.sentence->setPlainText(captionAt(0));
        sentenceH = m_frame.sentence->boundingRect().height();
    }
    const double captionBottom = m_frame.sentence->y() + sentenceH + 2;
    m_frame.clock = text(m_scene, QString(), FigurePx, false, QPointF(Margin, captionBottom), QColor(0x40, 0x40, 0x40));
    if (!m_timeline.valid) {
        updateFrame();
        return;
    }
    const TeachingTimeline &t = m_timeline;

    // Stations: prefill pool, KV link, decode pool.
    const double top = captionBottom + FigurePx * 1.6 + 8;
    // The stations take what the lower panel (title, two bars, two lines: about 210 px) leaves.
    const double stationH = std::clamp(H - top - 230, 170.0, 300.0);
    const double boxW = W * 0.31;
    const QRectF preBox(Margin, top, boxW, stationH);
    const QRectF decBox(W - Margin - boxW, top, boxW, stationH);
    auto station = [&](const QRectF &r, const QString &name, const QString &device, PoolRole role) {
        auto *box = m_scene->addRect(r, QPen(roleColour(role), 3), Qt::white);
        auto *head = m_scene->addRect(QRectF(r.left(), r.top(), r.width(), LabelPx * 1.7), Qt::NoPen, roleColour(role));
        head->setZValue(1);
        auto *n = text(m_scene, QString(), LabelPx, true, QPointF(r.left() + 8, r.top() + 4), textColourOn(roleColour(role)));
        setElided(n, tr("%1 (%2 pool)").arg(name, roleName(role).toLower()), r.width() - 16);
        auto *d = text(m_scene, QString(), FigurePx, false, QPointF(r.left() + 8, r.top() + LabelPx * 1.7 + 4),
                       QColor(0x40, 0x40, 0x40));
        setElided(d, device, r.width() - 16);
        return box;
    };
    const PoolRole preRole = t.colocated ? PoolRole::Combined : PoolRole::Prefill;
    m_frame.prefillBox = station(preBox, t.prefillPool, t.prefillDevice, preRole);
    if (!t.colocated)
        m_frame.decodeBox = station(decBox, t.decodePool, t.decodeDevice, PoolRole::Decode);

    // Prompt cells: each stands for an equal share of the prompt.
    const double gridTop = preBox.top() + LabelPx * 1.7 + FigurePx * 1.5 + 8;
    text(m_scene, tr("Prompt: %1 tokens%2").arg(formatNumber(t.promptTokens, 0),
                                               t.prefillBatch > 1 ? tr(", prefilled with %1 others").arg(t.prefillBatch - 1)
                                                                  : QString()),
         FigurePx, false, QPointF(preBox.left() + 8, gridTop));
    const int cols = 24, rows = 5;
    const double cell = std::min((preBox.width() - 16) / cols, (stationH * 0.4) / rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            auto *cellItem = m_scene->addRect(QRectF(preBox.left() + 8 + c * cell, gridTop + FigurePx * 1.5 + r * cell,
                                                     cell - 2, cell - 2),
                                              Qt::NoPen, idle());
            cellItem->setZValue(2);
            m_frame.promptCells.push_back(cellItem);
        }
    const double ttftY = gridTop + FigurePx * 1.5 + rows * cell + 8;
    m_frame.ttft = text(m_scene, QString(), LabelPx, true, QPointF(preBox.left() + 8, ttftY));
    m_frame.ttftBarWidth = preBox.width() - 16;
    m_scene->addRect(QRectF(preBox.left() + 8, ttftY + LabelPx * 1.5, m_frame.ttftBarWidth, 12), QPen(QColor(0x90, 0x90, 0x90)),
                     Qt::NoBrush)
        ->setZValue(2);
    m_frame.ttftBar = m_scene->addRect(QRectF(preBox.left() + 8, ttftY + LabelPx * 1.5, 0, 12), Qt::NoPen,
                                       roleColour(preRole));
    m_frame.ttftBar->setZValue(2);

    // The link and the KV blocks travelling over it.
    const double midY = top + stationH * 0.5;
    if (!t.colocated) {
        QPainterPath path(QPointF(preBox.right(), midY));
        path.lineTo(decBox.left() - 10, midY);
        path.moveTo(decBox.left() - 22, midY - 9);
        path.lineTo(decBox.left() - 6, midY);
        path.lineTo(decBox.left() - 22, midY + 9);
        m_frame.link = m_scene->addPath(path, QPen(QColor(0x55, 0x55, 0x55), 4));
        const double linkW = decBox.left() - preBox.right() - 20;
        text(m_scene, tr("KV cache transfer"), LabelPx, true, QPointF(preBox.right() + 10, top + 4));
        auto *name = m_scene->addText(t.linkName.isEmpty() ? tr("over the plan's KV path") : tr("over %1").arg(t.linkName),
                                      pixelFont(FigurePx));
        name->setTextWidth(linkW);
        name->setDefaultTextColor(QColor(0x40, 0x40, 0x40));
        name->setPos(preBox.right() + 6, top + 4 + LabelPx * 1.5);
        m_frame.linkFigures = text(m_scene, QString(), FigurePx, false, QPointF(preBox.right() + 10, midY + 16));
        setElided(m_frame.linkFigures,
                  tr("%1 in %2 at %3/s").arg(formatBytes(t.transferBytes), ms(t.transferS), formatBytes(t.linkBandwidthBytesPerS)),
                  linkW);
        m_frame.kvFrom = QPointF(preBox.right() - 30, midY - 10);
        m_frame.kvTo = QPointF(decBox.left() + 10, midY - 10);
        for (int i = 0; i < KvBlocksShown; ++i) {
            auto *b = m_scene->addRect(QRectF(0, 0, 20, 20), QPen(QColor(0x20, 0x20, 0x20), 1), kvColour());
            b->setZValue(5);
            b->setVisible(false);
            m_frame.kvBlocks.push_back(b);
        }
    }

    // Output tokens: one cell per token of the response.
    const QRectF tokBox = t.colocated ? QRectF(preBox.right() + 30, top, W - preBox.right() - 30 - Margin, stationH) : decBox;
    if (t.colocated)
        text(m_scene, tr("Output (same pool: no KV transfer)"), LabelPx, true, QPointF(tokBox.left(), tokBox.top() + 4));
    const double tokTop = tokBox.top() + LabelPx * 1.7 + FigurePx * 1.5 + 8;
    m_frame.tokens = text(m_scene, QString(), LabelPx, true, QPointF(tokBox.left() + 8, tokTop));
    m_frame.tokensWidth = tokBox.width() - 16;
    const double areaW = tokBox.width() - 16, areaH = tokBox.bottom() - (tokTop + LabelPx * 1.6) - 8;
    const int n = std::max(1, t.outputTokens);
    // Largest square cell that fits n cells in the area.
    double side = std::sqrt(areaW * areaH / n);
    while (side > 2 && std::floor(areaW / side) * std::floor(areaH / side) < n)
        side -= 0.5;
    const int perRow = std::max(1, int(std::floor(areaW / side)));
    for (int k = 0; k < n; ++k) {
        auto *c = m_scene->addRect(QRectF(tokBox.left() + 8 + (k % perRow) * side, tokTop + LabelPx * 1.6 + (k / perRow) * side,
                                          std::max(1.0, side - 2), std::max(1.0, side - 2)),
                                   Qt::NoPen, idle());
        c->setZValue(2);
        m_frame.tokenCells.push_back(c);
    }

    // The pass now running: memory time against compute time.
    const double lowTop = top + stationH + 18;
    const double panelW = W * 0.56;
    m_frame.passTitle = text(m_scene, QString(), LabelPx, true, QPointF(Margin, lowTop));
    m_frame.barWidth = panelW - 2 * Margin;
    const double barH = 26;
    auto bar = [&](double y, const QColor &c, QGraphicsRectItem *&item, QGraphicsSimpleTextItem *&label) {
        label = text(m_scene, QString(), FigurePx, false, QPointF(Margin, y));
        m_scene->addRect(QRectF(Margin, y + FigurePx * 1.4, m_frame.barWidth, barH), QPen(QColor(0xb0, 0xb0, 0xb0)), Qt::NoBrush);
        item = m_scene->addRect(QRectF(Margin, y + FigurePx * 1.4, 0, barH), Qt::NoPen, c);
        item->setZValue(2);
    };
    bar(lowTop + LabelPx * 1.6, QColor::fromRgb(okabeIto::Blue), m_frame.memoryBar, m_frame.memoryText);
    bar(lowTop + LabelPx * 1.6 + FigurePx * 1.4 + barH + 10, QColor::fromRgb(okabeIto::Vermillion), m_frame.computeBar,
        m_frame.computeText);
    const double intensityY = lowTop + LabelPx * 1.6 + 2 * (FigurePx * 1.4 + barH) + 22;
    m_frame.intensity = text(m_scene, QString(), FigurePx, true, QPointF(Margin, intensityY));
    auto *legend = text(m_scene, QString(), FigurePx, false, QPointF(Margin, intensityY + FigurePx * 1.6), QColor(0x40, 0x40, 0x40));
    setElided(legend, tr("Blue: reading memory. Vermillion: arithmetic at peak. The longer bar sets the pace."),
              m_frame.barWidth);

    // Memory tiers of both pools; the rung holding the request's KV cache lights up.
    const double tierX = panelW + 10, tierW = W - Margin - tierX;
    auto *where = text(m_scene, QString(), LabelPx, true, QPointF(tierX, lowTop));
    setElided(where, tr("Where the KV cache lives (orange)"), tierW);
    const double colW = t.colocated ? tierW : (tierW - 12) / 2;
    double kvY = 0;
    auto ladder = [&](const std::vector<TeachingTier> &tiers, const QString &pool, double x,
                      std::vector<QGraphicsRectItem *> &rungs) {
        auto *p = text(m_scene, QString(), FigurePx, true, QPointF(x, lowTop + LabelPx * 1.6));
        setElided(p, pool, colW);
        double y = lowTop + LabelPx * 1.6 + FigurePx * 1.5;
        const double rungH =
            std::clamp((H - Margin - FigurePx * 3 - y) / double(std::max<std::size_t>(1, tiers.size())) - 4, FigurePx * 1.4, 30.0);
        for (const TeachingTier &tier : tiers) {
            auto *r = m_scene->addRect(QRectF(x, y, colW, rungH), QPen(QColor(0x60, 0x60, 0x60)), idle());
            r->setZValue(1);
            rungs.push_back(r);
            const QString cap = tier.capacityBytes > 0 ? formatBytes(tier.capacityBytes) : tr("size not stated");
            auto *l = text(m_scene, QString(), FigurePx, false, QPointF(x + 6, y + (rungH - FigurePx * 1.25) / 2));
            setElided(l, tier.deviceMemory ? tr("%1 (device) · %2").arg(tier.name, cap) : tr("%1 · %2").arg(tier.name, cap),
                      colW - 12);
            y += rungH + 4;
        }
        kvY = std::max(kvY, y + 6);
    };
    ladder(t.prefillTiers, t.prefillPool, tierX, m_frame.prefillRungs);
    if (!t.colocated)
        ladder(t.decodeTiers, t.decodePool, tierX + colW + 12, m_frame.decodeRungs);
    m_frame.kvHeld = text(m_scene, QString(), FigurePx, true, QPointF(tierX, kvY));
    m_frame.kvHeldWidth = tierW;
    updateFrame();
}

void TeachingView::updateFrame()
{
    updateControls();
    if (!m_frame.title)
        return;
    const TeachingTimeline &t = m_timeline;
    if (!t.valid) {
        m_frame.title->setPlainText(tr("Teaching mode"));
        m_frame.sentence->setPlainText(caption());
        m_frame.clock->setText(QString());
        return;
    }
    const int i = t.phaseAt(m_time);
    const TeachingPhase &p = t.phases[std::size_t(i)];
    const int phaseNumber = p.kind == TeachingPhaseKind::Prefill ? 1 : p.kind == TeachingPhaseKind::Transfer ? 2 : 3;
    QString title;
    switch (p.kind) {
    case TeachingPhaseKind::Prefill: title = tr("%1 · Prefill: %2").arg(phaseNumber).arg(t.workload); break;
    case TeachingPhaseKind::Transfer: title = tr("%1 · KV transfer to %2").arg(phaseNumber).arg(t.decodePool); break;
    case TeachingPhaseKind::Decode:
        title = tr("%1 · Decode, step %2 of %3").arg(t.colocated ? 2 : 3).arg(p.step).arg(t.outputTokens - 1);
        break;
    case TeachingPhaseKind::Done: title = tr("Done: %1 answered").arg(t.workload); break;
    }
    m_frame.title->setPlainText(title);
    const QString sentence = caption();
    if (m_frame.sentence->toPlainText() != sentence)
        m_frame.sentence->setPlainText(sentence);
    m_frame.clock->setText(tr("Request time %1 of %2 · slow motion: 1 ms of the request = %3 ms on screen at 1× · "
                              "speed %4×")
                               .arg(ms(m_time), ms(t.totalS()), formatNumber(m_slowMotion, 0), formatNumber(m_speed, 2)));

    // Prefill: the prompt fills and the TTFT grows to the model's value.
    const double prefillDone = t.prefillS > 0 ? std::clamp(m_time / t.prefillS, 0.0, 1.0) : 1.0;
    const int lit = int(std::lround(prefillDone * double(m_frame.promptCells.size())));
    const QColor preColour = roleColour(t.colocated ? PoolRole::Combined : PoolRole::Prefill);
    for (std::size_t k = 0; k < m_frame.promptCells.size(); ++k)
        m_frame.promptCells[k]->setBrush(int(k) < lit ? preColour : idle());
    const double ttftNow = std::min(m_time, t.ttftS());
    setElided(m_frame.ttft, tr("TTFT %1 of %2").arg(ms(ttftNow), ms(t.ttftS())), m_frame.ttftBarWidth);
    QRectF tb = m_frame.ttftBar->rect();
    tb.setWidth(t.ttftS() > 0 ? m_frame.ttftBarWidth * ttftNow / t.ttftS() : 0);
    m_frame.ttftBar->setRect(tb);

    // Transfer: the blocks leave one after another and arrive together at the TTFT.
    const bool moving = p.kind == TeachingPhaseKind::Transfer;
    const double moved = t.transferS > 0 ? std::clamp((m_time - t.prefillS) / t.transferS, 0.0, 1.0) : 1.0;
    for (std::size_t k = 0; k < m_frame.kvBlocks.size(); ++k) {
        const double lag = 0.35 * double(k) / double(KvBlocksShown);
        const double f = std::clamp((moved - lag) / (1 - 0.35), 0.0, 1.0);
        m_frame.kvBlocks[k]->setVisible(moving);
        m_frame.kvBlocks[k]->setPos(m_frame.kvFrom + (m_frame.kvTo - m_frame.kvFrom) * f + QPointF(-double(k) * 4, 0));
    }

    // Decode: tokens appear one at a time.
    const int emitted = t.tokensEmittedAt(m_time);
    for (std::size_t k = 0; k < m_frame.tokenCells.size(); ++k) {
        QGraphicsRectItem *c = m_frame.tokenCells[k];
        const bool newest = int(k) == emitted - 1 && p.kind == TeachingPhaseKind::Decode;
        c->setBrush(int(k) < emitted ? (newest ? QColor::fromRgb(okabeIto::SkyBlue) : QColor::fromRgb(okabeIto::Blue)) : idle());
        c->setPen(newest ? QPen(Qt::black, 2) : Qt::NoPen);
    }
    setElided(m_frame.tokens,
              p.kind == TeachingPhaseKind::Decode
                  ? tr("Token %1 of %2 · this step %3").arg(emitted + 1).arg(t.outputTokens).arg(ms(t.tpotS))
                  : tr("%1 of %2 tokens out").arg(emitted).arg(t.outputTokens),
              m_frame.tokensWidth);

    // The pass behind the current phase: time reading memory against time computing.
    const bool decoding = p.kind == TeachingPhaseKind::Decode || p.kind == TeachingPhaseKind::Done;
    const PhaseResult &pass = decoding ? static_cast<const PhaseResult &>(t.step) : static_cast<const PhaseResult &>(t.prefill);
    setElided(m_frame.passTitle, decoding ? tr("One decode step (%1 sequences on %2 devices): %3")
                                              .arg(formatNumber(t.decodeBatch, 0))
                                              .arg(t.decodeReplicaDevices)
                                              .arg(boundName(pass.bound))
                                        : (t.prefillBatch == 1 ? tr("The prefill pass (one prompt): %1").arg(boundName(pass.bound))
                                                               : tr("The prefill pass (%1 prompts together): %2")
                                                                     .arg(t.prefillBatch)
                                                                     .arg(boundName(pass.bound))),
              m_frame.barWidth);
    const double longest = std::max({pass.memoryS, pass.computeS, 1e-12});
    QRectF mb = m_frame.memoryBar->rect();
    mb.setWidth(m_frame.barWidth * pass.memoryS / longest);
    m_frame.memoryBar->setRect(mb);
    QRectF cb = m_frame.computeBar->rect();
    cb.setWidth(m_frame.barWidth * pass.computeS / longest);
    m_frame.computeBar->setRect(cb);
    setElided(m_frame.memoryText,
              tr("Reading memory: %1 of weights + %2 of KV cache → %3")
                  .arg(formatBytes(pass.weightBytes), formatBytes(pass.kvReadBytes), ms(pass.memoryS)),
              m_frame.barWidth);
    setElided(m_frame.computeText, tr("Arithmetic: %1 → %2").arg(flops(pass.flops), ms(pass.computeS)), m_frame.barWidth);
    const double bytes = pass.weightBytes + pass.kvReadBytes + pass.activationBytes;
    setElided(m_frame.intensity,
              tr("%1 FLOP per byte read; the %2 balances at %3")
                  .arg(formatNumber(bytes > 0 ? pass.flops / bytes : 0, 0), decoding ? t.decodeDevice : t.prefillDevice,
                       formatNumber(t.ridgeFlopsPerByte(), 0)),
              m_frame.barWidth);
    // The balance point shown is the decode device's: the comparison is made for the decode step.
    m_frame.intensity->setVisible(decoding);

    // Tiers: device memory of the pool that holds the KV now.
    const bool onPrefill = p.kind == TeachingPhaseKind::Prefill || p.kind == TeachingPhaseKind::Transfer || t.colocated;
    const bool onDecode = !t.colocated && (p.kind != TeachingPhaseKind::Prefill);
    for (std::size_t k = 0; k < m_frame.prefillRungs.size(); ++k)
        m_frame.prefillRungs[k]->setBrush(k == 0 && onPrefill ? kvColour() : idle());
    for (std::size_t k = 0; k < m_frame.decodeRungs.size(); ++k)
        m_frame.decodeRungs[k]->setBrush(k == 0 && onDecode && p.kind != TeachingPhaseKind::Transfer
                                             ? kvColour()
                                             : (k == 0 && p.kind == TeachingPhaseKind::Transfer ? kvColour().lighter(150)
                                                                                                 : idle()));
    const long long context = t.contextTokensAt(m_time);
    const bool held = onDecode && p.kind != TeachingPhaseKind::Transfer;
    const double perToken = held ? t.kvBytesPerToken : t.prefillKvBytesPerToken;
    setElided(m_frame.kvHeld,
              tr("This request's KV: %1 (%2 tokens) in %3")
                  .arg(formatBytes(double(context) * perToken), formatNumber(double(context), 0), held ? t.decodePool : t.prefillPool),
              m_frame.kvHeldWidth);
}

} // namespace tokenroute::ui
