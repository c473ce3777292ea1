#pragma once
// A short read-out of the open plan under its structure tree: name, description and the policies
// the router and the cost model will use, so a presenter can introduce the plan from the window.

#include <QTextBrowser>

namespace tokenroute::ui {

class PlanDocument;
struct PlanChange;

class PlanOverview final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanOverview)

public:
    explicit PlanOverview(PlanDocument *document, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    PlanDocument *m_document;
};

} // namespace tokenroute::ui
