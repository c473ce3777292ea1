#pragma once
// The Routing tab's two modes: the flow (the Sankey of every workload's routes) and teaching mode
// (one request of one workload followed through those routes, animated). Teaching mode lives in the
// Routing tab rather than a tab of its own because it tells the same story at the scale of one
// request; choosing a band in the flow chooses the workload teaching mode follows.

#include <QWidget>

#include "core/catalog/catalog.h"

class QStackedWidget;
class QToolButton;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;
class RoutingView;
class TeachingView;

class RoutingPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingPage)

public:
    RoutingPage(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    RoutingView *flow() const { return m_flow; }
    TeachingView *teaching() const { return m_teaching; }
    bool isTeaching() const;
    void setTeaching(bool on);

private:
    RoutingView *m_flow;
    TeachingView *m_teaching;
    QStackedWidget *m_stack;
    QToolButton *m_flowButton;
    QToolButton *m_teachButton;
};

} // namespace tokenroute::ui
