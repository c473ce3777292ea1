#pragma once

// The first-run guided tour: a small panel floating over the main window that walks through six
// stops (racks, workloads and tags, routing flow, teaching, costs, benchmarks), switching to the
// view each stop talks about. It is a child widget rather than a modal dialog so the user can look
// at and click the view behind it. Closing it at any step (Skip, Esc, or Finish) records that the
// tour was seen, so it appears once; Help-style replays can call start() again.

#include <QFrame>
#include <QList>
#include <QString>

class QLabel;
class QMainWindow;
class QPushButton;
class QTabWidget;

namespace tokenroute::ui {

class GuidedTour final : public QFrame {
    Q_OBJECT

public:
    struct Step {
        QString title;
        QString text;
        QString view;          // object name of the view (tab) to show, empty for none; names,
                               // unlike tab titles, do not change with the interface's language
        bool teaching = false; // the Routing page in teaching mode rather than the flow
    };

    // views may be null (nothing is switched). The tour deletes itself when closed.
    GuidedTour(QMainWindow *window, QTabWidget *views);

    static QList<Step> steps();
    // True until a tour has been closed once (setting "tour/seen").
    static bool shouldShow();
    // Shows a tour over window at its first step.
    static GuidedTour *start(QMainWindow *window, QTabWidget *views);

    int currentStep() const { return m_step; }
    void showStep(int step);
    void next();
    void back();
    // Closes the tour and records that it was seen.
    void dismiss();

signals:
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void place();

    QTabWidget *m_views;
    QList<Step> m_steps;
    int m_step = 0;
    QLabel *m_counter;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_back;
    QPushButton *m_next;
};

} // namespace tokenroute::ui
