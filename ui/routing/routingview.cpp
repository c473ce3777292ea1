#include "ui/reasontext.h"
#include "ui/routing/routingview.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QResizeEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

#include "ui/format.h"
#include "ui/palette.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {

constexpr double NameSize = 17;     // px: a projector at 1280×720 still reads these from the back
constexpr double FigureSize = 14;
constexpr double Margin = 16;

QFont labelFont(double px, bool bold)
{
    QFont f;
    f.setPixelSize(int(px));
    f.setBold(bold);
    return f;
}

QString rate(double tokensPerS)
{
    return QObject::tr("%1 tok/s").arg(formatCount(tokensPerS));
}

int bandPool(const FlowEdge &e)
{
    if (e.toKind == FlowNodeKind::PrefillPool || e.toKind == FlowNodeKind::DecodePool)
        return e.toId;
    if (e.fromKind == FlowNodeKind::PrefillPool || e.fromKind == FlowNodeKind::DecodePool)
        return e.fromId;
    return 0;
}

} // namespace

SankeyBandItem::SankeyBandItem(const SankeyBand &band, int poolId, const QColor &colour)
    : m_band(band)
    , m_poolId(poolId)
    , m_colour(colour)
{
    setAcceptHoverEvents(true);
    setPen(Qt::NoPen);
    setDimmed(false);
}

QPointF SankeyBandItem::clickPoint() const
{
    // Bands leave a node stacked without overlap and start horizontally, so just right of the
    // source the band's middle is inside this band and no other.
    return QPointF(path().boundingRect().left() + 4, m_band.y0 + m_band.width / 2);
}

void SankeyBandItem::setDimmed(bool dimmed)
{
    m_dimmed = dimmed;
    QColor c = m_colour;
    c.setAlphaF(dimmed ? 0.18 : 0.62);
    setBrush(c);
}

void SankeyBandItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    QColor c = m_colour;
    c.setAlphaF(0.9);
    setBrush(c);
    QGraphicsPathItem::hoverEnterEvent(event);
}

void SankeyBandItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    setDimmed(m_dimmed);
    QGraphicsPathItem::hoverLeaveEvent(event);
}

void SankeyBandItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    if (auto *s = qobject_cast<RoutingScene *>(scene()))
        emit s->bandClicked(workloadId(), m_poolId);
    event->accept();
}

RoutingView::RoutingView(PlanDocument *document, const Catalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_catalog(catalog)
    , m_scene(new RoutingScene(this))
    , m_view(new QGraphicsView(m_scene, this))
{
    setObjectName(QStringLiteral("routingView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setBackgroundBrush(QColor(0xff, 0xff, 0xff));
    m_view->setMouseTracking(true);

    // Edits often come in bursts (typing a rate); route once the burst is over.
    m_rerouteTimer.setSingleShot(true);
    m_rerouteTimer.setInterval(120);
    connect(&m_rerouteTimer, &QTimer::timeout, this, &RoutingView::refresh);
    connect(m_document, &PlanDocument::changed, this, &RoutingView::documentChanged);
    connect(m_scene, &RoutingScene::bandClicked, this, &RoutingView::select);
    refresh();
}

void RoutingView::documentChanged(const PlanChange &change)
{
    if (change.kind == PlanChange::Kind::Properties)
        return;
    m_rerouteTimer.start();
}

void RoutingView::refresh()
{
    m_rerouteTimer.stop();
    m_error.clear();
    try {
        m_routing = routePlan(m_document->plan(), *m_catalog);
    } catch (const std::exception &e) {
        m_routing = {};
        m_error = QString::fromStdString(e.what());
    }
    // Colour workloads by the tag axis with the most distinct values among them (the first such
    // axis on a tie), so that the colours separate the workloads as far as tags can.
    m_colourAxis = 0;
    size_t best = 0;
    for (size_t axis = 0; axis < 5; ++axis) {
        std::vector<Tag> seen;
        for (const WorkloadRouting &w : m_routing.result.workloads)
            if (w.tags.size() > axis && std::find(seen.begin(), seen.end(), w.tags[axis]) == seen.end())
                seen.push_back(w.tags[axis]);
        if (seen.size() > best) {
            best = seen.size();
            m_colourAxis = axis;
        }
    }
    relayout();
}

void RoutingView::select(int workloadId, int poolId)
{
    const bool changed = workloadId != m_selectedWorkload || poolId != m_selectedPool;
    m_selectedWorkload = workloadId;
    m_selectedPool = poolId;
    for (QGraphicsItem *item : m_scene->items())
        if (item->type() == SankeyBandItem::Type) {
            auto *band = static_cast<SankeyBandItem *>(item);
            band->setDimmed(workloadId != 0 && band->workloadId() != workloadId);
        }
    if (changed)
        emit selectionChanged(workloadId, poolId);
}

void RoutingView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

QString RoutingView::nodeName(FlowNodeKind kind, int id) const
{
    const RouteProblem &p = m_routing.problem;
    if (kind == FlowNodeKind::Workload) {
        for (const RouteWorkload &w : p.workloads)
            if (w.id == id)
                return QString::fromStdString(w.name);
        if (const Workload *w = m_document->plan().workload(id))
            return QString::fromStdString(w->name);
    } else if (kind == FlowNodeKind::Link) {
        if (const RouteLink *l = p.link(id))
            return QString::fromStdString(l->name);
    } else if (const RoutePool *pool = p.pool(id)) {
        return QString::fromStdString(pool->name);
    }
    return QString::number(id);
}

QColor RoutingView::workloadColour(int workloadId) const
{
    for (size_t i = 0; i < m_routing.result.workloads.size(); ++i)
        if (m_routing.result.workloads[i].workloadId == workloadId && m_routing.result.workloads[i].tags.size() > m_colourAxis)
            return tagColour(m_routing.result.workloads[i].tags[m_colourAxis]);
    return QColor(0x80, 0x80, 0x80);
}

QString RoutingView::bandToolTip(const SankeyBand &band) const
{
    const FlowEdge &e = band.edge;
    QString html = QStringLiteral("<b>%1</b><br>%2 → %3<br>%4")
                       .arg(nodeName(FlowNodeKind::Workload, e.workloadId).toHtmlEscaped(),
                            nodeName(e.fromKind, e.fromId).toHtmlEscaped(), nodeName(e.toKind, e.toId).toHtmlEscaped(),
                            tr("%1 prompt tokens/s").arg(formatNumber(e.tokensPerS, 1)));
    if (e.kvBytesPerS > 0)
        html += QStringLiteral("<br>") + tr("KV cache moved: %1/s").arg(formatBytes(e.kvBytesPerS));
    for (const WorkloadRouting &w : m_routing.result.workloads) {
        if (w.workloadId != e.workloadId)
            continue;
        for (const RouteShare &s : w.routes) {
            if (bandPool(e) != 0 && s.prefillPool != bandPool(e) && s.decodePool != bandPool(e))
                continue;
            html += QStringLiteral("<br>")
                    + tr("Route %1 → %2: %3% of demand, TTFT %4 ms, TPOT %5 ms, $%6 per million tokens")
                          .arg(QString::fromStdString(s.prefillName).toHtmlEscaped(),
                               QString::fromStdString(s.decodeName).toHtmlEscaped(), formatNumber(s.share * 100, 1),
                               formatNumber(s.ttftMs, 1), formatNumber(s.tpotMs, 2), formatNumber(s.usdPerMillionTokens, 3));
        }
        html += QStringLiteral("<br><i>%1</i>").arg(reasonText(w.binding, w.name).toHtmlEscaped());
        if (w.alternative.exists)
            html += QStringLiteral("<br><i>%1</i>")
                        .arg(reasonText(w.alternative, w.name).toHtmlEscaped());
        for (const Finding &f : m_routing.result.findings)
            if (f.workload == w.name)
                html += QStringLiteral("<br>• %1").arg(reasonText(f).toHtmlEscaped());
    }
    return QStringLiteral("<p style='white-space:pre-wrap; max-width:520px'>%1</p>").arg(html);
}

void RoutingView::addNode(const SankeyNode &node, double labelWidth, bool labelLeft)
{
    QColor fill(0x55, 0x55, 0x55);
    QString kindText;
    const RoutePool *pool = node.kind == FlowNodeKind::PrefillPool || node.kind == FlowNodeKind::DecodePool
                                ? m_routing.problem.pool(node.id)
                                : nullptr;
    if (node.kind == FlowNodeKind::Workload) {
        fill = workloadColour(node.id);
    } else if (pool) {
        fill = roleColour(pool->role);
        kindText = roleName(pool->role);
    }
    auto *rect = m_scene->addRect(node.rect, QPen(QColor(0x20, 0x20, 0x20), 1), fill);
    rect->setZValue(2);
    const QString name = nodeName(node.kind, node.id);

    QString figures;
    if (node.kind == FlowNodeKind::Workload)
        figures = node.outTokensPerS > 0 ? rate(node.outTokensPerS) : tr("not served");
    else if (node.kind == FlowNodeKind::DecodePool)
        figures = tr("%1 → %2").arg(formatCount(node.inTokensPerS), rate(node.outTokensPerS));
    else if (node.kind == FlowNodeKind::Link) {
        for (const LinkLoad &l : m_routing.flows.links)
            if (l.linkId == node.id)
                figures = tr("%1/s · %2%")
                              .arg(formatBytes(std::max(l.forwardBytesPerS, l.backwardBytesPerS)),
                                   formatNumber(l.utilisation * 100, 0));
    } else {
        figures = rate(node.inTokensPerS);
    }
    if (!kindText.isEmpty())
        figures = kindText + QStringLiteral(" · ") + figures;

    // Between the first and last columns a label has only the gap to the next column: a link's
    // name ("end – end (kind)") and the figures break into short lines there instead.
    const bool narrow = !labelLeft && node.column < m_layout.columns - 1 && node.column > 0;
    QStringList nameLines{name};
    QStringList figureLines{figures};
    if (narrow) {
        QString rest = name;
        nameLines.clear();
        for (const QString &sep : {QStringLiteral(" – "), QStringLiteral(" (")}) {
            const int at = rest.indexOf(sep);
            if (at > 0) {
                const bool dash = sep == QStringLiteral(" – ");
                nameLines << rest.left(at + (dash ? 2 : 0));
                rest = rest.mid(at + (dash ? 3 : 1));
            }
        }
        nameLines << rest;
        figureLines = figures.split(QStringLiteral(" · "));
    }
    const QFont nameFont = labelFont(narrow ? NameSize - 3 : NameSize, true);
    const QFont figureFont = labelFont(FigureSize, false);
    const QFontMetricsF nm(nameFont), fm(figureFont);
    QStringList shown;
    double w = 0;
    for (const QString &line : nameLines) {
        shown << nm.elidedText(line, Qt::ElideRight, labelWidth);
        w = std::max(w, nm.horizontalAdvance(shown.back()));
    }
    QStringList figureShown;
    for (const QString &line : figureLines) {
        figureShown << fm.elidedText(line, Qt::ElideRight, labelWidth);
        w = std::max(w, fm.horizontalAdvance(figureShown.back()));
    }
    w += 10;
    const double h = nm.height() * double(shown.size()) + fm.height() * double(figureShown.size()) + 4;
    const double chips = node.kind == FlowNodeKind::Workload ? 16 : 0;   // room for the tag chips
    const double x = labelLeft ? node.rect.left() - 6 - chips - w : node.rect.right() + 6;
    const double y = node.rect.center().y() - h / 2;
    auto *plate = m_scene->addRect(QRectF(x, y, w, h), Qt::NoPen, QColor(255, 255, 255, 225));
    plate->setZValue(3);
    plate->setData(0, QStringLiteral("label"));
    double ty = y + 1;
    for (const QString &line : shown) {
        auto *nameItem = m_scene->addSimpleText(line, nameFont);
        nameItem->setPos(x + 5, ty);
        nameItem->setZValue(4);
        ty += nm.height();
    }
    for (const QString &line : figureShown) {
        auto *figureItem = m_scene->addSimpleText(line, figureFont);
        figureItem->setBrush(QColor(0x30, 0x30, 0x30));
        figureItem->setPos(x + 5, ty + 1);
        figureItem->setZValue(4);
        ty += fm.height();
    }

    // Workloads carry a chip per tag, so the colour of the band is explained where it starts.
    if (node.kind == FlowNodeKind::Workload)
        for (const WorkloadRouting &wr : m_routing.result.workloads)
            if (wr.workloadId == node.id)
                for (size_t i = 0; i < wr.tags.size(); ++i) {
                    auto *chip = m_scene->addRect(QRectF(node.rect.left() - 15, node.rect.top() + 1 + double(i) * 9, 11, 8),
                                                  QPen(QColor(0x20, 0x20, 0x20), 0.5), tagColour(wr.tags[i]));
                    chip->setToolTip(tagName(wr.tags[i]));
                    chip->setZValue(2);
                }
}

void RoutingView::addLegend(double y)
{
    std::vector<Tag> shown;
    for (const WorkloadRouting &w : m_routing.result.workloads)
        if (w.tags.size() > m_colourAxis && std::find(shown.begin(), shown.end(), w.tags[m_colourAxis]) == shown.end())
            shown.push_back(w.tags[m_colourAxis]);
    const QFont font = labelFont(FigureSize, false);
    const QFontMetricsF fm(font);
    double x = Margin;
    auto swatch = [&](const QColor &c, const QString &text) {
        m_scene->addRect(QRectF(x, y + 2, 14, 14), QPen(QColor(0x20, 0x20, 0x20)), c);
        auto *t = m_scene->addSimpleText(text, font);
        t->setPos(x + 20, y);
        x += 20 + fm.horizontalAdvance(text) + 18;
    };
    auto *caption = m_scene->addSimpleText(tr("Workloads:"), font);
    caption->setPos(x, y);
    x += fm.horizontalAdvance(caption->text()) + 10;
    for (Tag t : shown)
        swatch(tagColour(t), tagName(t));
    x += 16;
    for (PoolRole r : {PoolRole::Prefill, PoolRole::Decode, PoolRole::Combined, PoolRole::Edge})
        swatch(roleColour(r), tr("%1 pool").arg(roleName(r)));
    swatch(QColor(0x55, 0x55, 0x55), tr("KV link: bytes/s moved · % busy"));
}

void RoutingView::relayout()
{
    m_scene->clear();
    const QSizeF size = m_view->viewport()->size();
    m_scene->setSceneRect(QRectF(QPointF(0, 0), size));
    const QFont titleFont = labelFont(NameSize + 3, true);
    const QString title = m_error.isEmpty()
                              ? tr("Routing (%1 policy): %2 tok/s served, $%3/h of device time, band width ∝ prompt tokens/s")
                                    .arg(QString::fromStdString(toString(m_routing.result.policy)),
                                         formatCount([&] {
                                             double t = 0;
                                             for (const FlowEdge &e : m_routing.flows.edges)
                                                 if (e.fromKind == FlowNodeKind::Workload)
                                                     t += e.tokensPerS;
                                             return t;
                                         }()),
                                         formatNumber(m_routing.result.usdPerHour, 2))
                              : tr("The plan cannot be routed: %1").arg(m_error);
    auto *titleItem = m_scene->addSimpleText(QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, size.width() - 2 * Margin),
                                             titleFont);
    titleItem->setPos(Margin, Margin);

    std::vector<int> workloadIds;
    for (const Workload &w : m_document->plan().workloads)
        workloadIds.push_back(w.id);
    // Labels of the first column sit left of its nodes, the others right, so the area leaves a
    // label's width on both sides.
    const double labelWidth = std::clamp(size.width() * 0.175, 120.0, 280.0);
    SankeyGeometry g;
    const double top = Margin + 44, bottom = size.height() - Margin - 30;
    g.area = QRectF(Margin + labelWidth + 14, top, std::max(100.0, size.width() - 2 * (Margin + labelWidth + 14)),
                    std::max(100.0, bottom - top));
    m_layout = layoutSankey(m_routing.flows, workloadIds, g);

    for (const SankeyBand &b : m_layout.bands) {
        const QRectF from = m_layout.nodes[size_t(b.fromNode)].rect, to = m_layout.nodes[size_t(b.toNode)].rect;
        const double x0 = from.right(), x1 = to.left(), mx = (x0 + x1) / 2;
        QPainterPath path(QPointF(x0, b.y0));
        path.cubicTo(QPointF(mx, b.y0), QPointF(mx, b.y1), QPointF(x1, b.y1));
        path.lineTo(x1, b.y1 + b.width);
        path.cubicTo(QPointF(mx, b.y1 + b.width), QPointF(mx, b.y0 + b.width), QPointF(x0, b.y0 + b.width));
        path.closeSubpath();
        auto *item = new SankeyBandItem(b, bandPool(b.edge), workloadColour(b.edge.workloadId));
        item->setPath(path);
        item->setToolTip(bandToolTip(b));
        item->setZValue(1);
        item->setDimmed(m_selectedWorkload != 0 && b.edge.workloadId != m_selectedWorkload);
        m_scene->addItem(item);
    }
    const double columnLabel = m_layout.columns > 1
                                   ? std::min(labelWidth, (g.area.width() - g.nodeWidth) / (m_layout.columns - 1) - g.nodeWidth - 16)
                                   : labelWidth;
    for (const SankeyNode &n : m_layout.nodes)
        addNode(n, n.column == 0 ? labelWidth : (n.column == m_layout.columns - 1 ? labelWidth : columnLabel),
                n.column == 0);
    addLegend(size.height() - Margin - 20);
}

} // namespace tokenroute::ui
