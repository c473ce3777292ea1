#pragma once
// The view onto the rack scene: wheel zoom about the pointer, pan with the middle button (or
// Space and drag), rubber-band selection, zoom to fit, and the designer's keys — Delete, Ctrl+D
// duplicate, Up/Down move the selection by one U. The keys call the RackEditor, like the mouse.

#include <QGraphicsView>

namespace tokenroute::ui {

class RackScene;

class RackView final : public QGraphicsView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackView)

public:
    explicit RackView(RackScene *scene, QWidget *parent = nullptr);

    RackScene *rackScene() const { return m_scene; }
    double zoom() const;
    void setZoom(double zoom);
    void zoomBy(double factor);
    void zoomToFit();

    // The zoom limits: below 5 % a rack is a few pixels; above 400 % one unit fills the screen.
    static constexpr double MinZoom = 0.05;
    static constexpr double MaxZoom = 4.0;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    RackScene *m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    bool m_fitPending = true;   // fit on the first real size, and after a new plan is opened
    QPoint m_lastPan;
};

} // namespace tokenroute::ui
