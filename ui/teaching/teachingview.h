#pragma once
// Teaching mode: one request of a chosen workload followed through the plan, animated on a
// QGraphicsScene. The prompt fills the prefill pool while the TTFT grows, the KV blocks cross the
// link, then the decode pool emits one token per step while a pair of bars compares the time the
// step spends reading memory with the time its arithmetic would take; the memory tier holding the
// request's KV cache lights up. A caption of one sentence per phase, in large type, is what a
// teacher talks over.
//
// The clock is the request's own time (seconds), played in slow motion: a QTimer at about 60 frames
// per second advances it by the wall time elapsed × speed ÷ slow-motion factor, and the caption
// states the factor. The scene's items are made once per layout and only moved and re-labelled per
// frame, so a frame costs a repaint rather than a rebuild. All figures come from the timeline
// (teachingtimeline.h), which comes from the core's evaluation and routing.

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QTimer>
#include <QWidget>

#include <vector>

#include "core/catalog/catalog.h"
#include "ui/teaching/teachingtimeline.h"

class QComboBox;
class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QLabel;
class QPainter;
class QToolButton;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;

class TeachingView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeachingView)

public:
    // evaluation may be null: the view then keeps its own.
    TeachingView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    const TeachingTimeline &timeline() const { return m_timeline; }
    QGraphicsScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }

    double time() const { return m_time; }           // request time, seconds
    void setTime(double seconds);
    int currentPhase() const { return m_timeline.phaseAt(m_time); }
    QString caption() const;                         // the sentence shown for the current phase

    bool isPlaying() const { return m_playing; }
    void play();
    void pause();
    void togglePlay();
    void step();                                     // pause and go to the next phase boundary

    double speed() const { return m_speed; }
    void setSpeed(double speed);                     // 0.25 to 4
    double slowMotion() const { return m_slowMotion; }

    int workloadId() const { return m_workloadId; }
    void setWorkload(int workloadId);

    // Re-read the evaluation and rebuild the timeline and the scene.
    void refresh();
    // Draw the current frame into a painter (what the animation repaints; the benchmark times it).
    void renderFrame(QPainter *painter, const QRectF &target);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildControls();
    void fillWorkloads();
    void tick();
    void relayout();
    void updateFrame();
    void updateControls();
    QString captionAt(double time) const;

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    QGraphicsScene *m_scene;
    QGraphicsView *m_view;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_stepButton = nullptr;
    QComboBox *m_speedBox = nullptr;
    QComboBox *m_workloadBox = nullptr;

    TeachingTimeline m_timeline;
    int m_workloadId = 0;
    double m_time = 0;
    double m_speed = 1;
    double m_slowMotion = 1;
    bool m_playing = false;
    bool m_stale = false;                            // the evaluation changed while hidden
    QTimer m_frameTimer;
    QElapsedTimer m_wall;

    // The items a frame moves or re-labels.
    struct Frame {
        QGraphicsTextItem *title = nullptr;
        QGraphicsTextItem *sentence = nullptr;
        QGraphicsSimpleTextItem *clock = nullptr;
        std::vector<QGraphicsRectItem *> promptCells;
        QGraphicsSimpleTextItem *ttft = nullptr;
        QGraphicsRectItem *ttftBar = nullptr;
        double ttftBarWidth = 0;
        std::vector<QGraphicsRectItem *> kvBlocks;
        QPointF kvFrom, kvTo;
        QGraphicsSimpleTextItem *linkFigures = nullptr;
        std::vector<QGraphicsRectItem *> tokenCells;
        QGraphicsSimpleTextItem *tokens = nullptr;
        double tokensWidth = 0;
        QGraphicsSimpleTextItem *passTitle = nullptr;
        QGraphicsRectItem *memoryBar = nullptr;
        QGraphicsRectItem *computeBar = nullptr;
        QGraphicsSimpleTextItem *memoryText = nullptr;
        QGraphicsSimpleTextItem *computeText = nullptr;
        QGraphicsSimpleTextItem *intensity = nullptr;
        double barWidth = 0;
        std::vector<QGraphicsRectItem *> prefillRungs, decodeRungs;
        QGraphicsSimpleTextItem *kvHeld = nullptr;
        double kvHeldWidth = 0;
        QGraphicsRectItem *prefillBox = nullptr, *decodeBox = nullptr;
        QGraphicsPathItem *link = nullptr;
    } m_frame;
};

} // namespace tokenroute::ui
