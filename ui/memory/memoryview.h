#pragma once
// The Memory tab: one pool's memory ladder for one of the plan's workloads, drawn on a
// QGraphicsScene as a table whose first column is a bar of each rung's capacity on a log scale, so
// SRAM's megabytes and flash's terabytes fit one picture. The rungs come from memoryladder.h (the
// core's figures); this only lays them out at the viewport's size, in type large enough for a
// projector, and redraws when the evaluation or the plan's stored runs change.

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QWidget>

#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "ui/memory/memoryladder.h"

class QComboBox;

namespace tokenroute::ui {

class LiveEvaluation;
class PlanDocument;

class MemoryView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryView)

public:
    // evaluation may be null: the view then keeps its own.
    MemoryView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    const MemoryLadder &ladder() const { return m_ladder; }
    QGraphicsScene *scene() const { return m_scene; }
    int poolId() const { return m_poolId; }
    int workloadId() const { return m_workloadId; }
    void setPool(int poolId);
    void setWorkload(int workloadId);

    // Re-read the evaluation and the plan file's stored simulation runs, and redraw.
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fillPools();
    void fillWorkloads();
    void readRuns();
    void relayout();

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    QGraphicsScene *m_scene;
    QGraphicsView *m_view;
    QComboBox *m_poolBox;
    QComboBox *m_workloadBox;
    std::vector<nlohmann::json> m_runs;
    MemoryLadder m_ladder;
    int m_poolId = 0;
    int m_workloadId = 0;
};

} // namespace tokenroute::ui
