#pragma once
// The status bar's live verdict on the plan: dollars per million output tokens served, IT power,
// the share of demand left unserved and the workloads missing their SLOs, with a warning mark and
// the full list of problems (a pool that cannot hold its model, a rack over power) in the tooltip.

#include <QLabel>

namespace tokenroute::ui {

class LiveEvaluation;

class EvaluationSummary final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationSummary)

public:
    explicit EvaluationSummary(LiveEvaluation *evaluation, QWidget *parent = nullptr);

private:
    void refresh();

    LiveEvaluation *m_evaluation;
};

} // namespace tokenroute::ui
