#include "ui/racks/rackview.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include "ui/racks/rackeditor.h"
#include "ui/racks/rackscene.h"

namespace tokenroute::ui {

RackView::RackView(RackScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("rackView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

double RackView::zoom() const
{
    return transform().m11();
}

void RackView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, MinZoom, MaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
}

void RackView::zoomBy(double factor)
{
    setZoom(zoom() * factor);
}

void RackView::zoomToFit()
{
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || viewport()->width() < 10)
        return;
    fitInView(rect, Qt::KeepAspectRatio);
    // A plan of one small rack should not be blown up past life size.
    if (zoom() > 1.25)
        setZoom(1.25);
    centerOn(rect.center());
    m_fitPending = false;
}

void RackView::wheelEvent(QWheelEvent *event)
{
    // One wheel notch (120) zooms by about 20 %; trackpads send smaller deltas and zoom smoothly.
    const double factor = std::pow(1.2, event->angleDelta().y() / 120.0);
    if (factor != 1.0)
        zoomBy(factor);
    event->accept();
}

void RackView::keyPressEvent(QKeyEvent *event)
{
    RackEditor *editor = m_scene->editor();
    const QList<int> selected = m_scene->selectedItemIds();
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        editor->deleteSelection(selected, m_scene->selectedLinkIds());
    } else if (event->key() == Qt::Key_D && event->modifiers() == Qt::ControlModifier) {
        m_scene->selectItems(editor->duplicate(selected));
    } else if ((event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) && event->modifiers() == Qt::NoModifier
               && !selected.isEmpty()) {
        if (editor->nudge(selected, event->key() == Qt::Key_Up ? 1 : -1))
            m_scene->selectItems(selected);
    } else if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
        zoomBy(1.2);
    } else if (event->key() == Qt::Key_Minus) {
        zoomBy(1 / 1.2);
    } else if (event->key() == Qt::Key_0 && (event->modifiers() & Qt::ControlModifier)) {
        zoomToFit();
    } else if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        setDragMode(QGraphicsView::ScrollHandDrag);
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void RackView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void RackView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void RackView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_lastPan;
        m_lastPan = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void RackView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void RackView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitPending)
        zoomToFit();
}

} // namespace tokenroute::ui
