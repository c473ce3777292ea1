#pragma once
// The Benchmarks tab: runs the kernels library's benchmarks on this machine in the background,
// shows each result next to its reference, keeps the runs stored with a SQLite plan as history,
// and stores a run as the plan's calibration (what `estimate --calibration PLAN` reads).
// The runner is a replaceable function so tests can run one tiny case instead of the full set.

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QWidget>

#include "kernels/benchrunner.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tokenroute::ui {

class PlanDocument;

class BenchPanel final : public QWidget {
    Q_OBJECT

public:
    using Runner = std::function<kernels::BenchReport(const kernels::BenchOptions &)>;

    explicit BenchPanel(PlanDocument *document, QWidget *parent = nullptr);
    ~BenchPanel() override;

    void setRunner(Runner runner) { m_runner = std::move(runner); }
    kernels::BenchOptions options() const;
    bool isRunning() const;
    const std::optional<kernels::BenchReport> &report() const { return m_report; }
    QTableWidget *resultsTable() const { return m_results; }
    QTableWidget *historyTable() const { return m_history; }

public slots:
    void run();
    void cancel();
    bool saveToPlan();          // false (with a message) when the plan has no SQLite file
    void useAsCalibration();
    void reloadHistory();

signals:
    void finished(bool cancelled);
    void progressLine(const QString &line);

private:
    void showReport(const kernels::BenchReport &report);
    void showStored(int row);
    void onFinished();
    void updateButtons();

    PlanDocument *m_document;
    Runner m_runner;
    QCheckBox *m_prefill, *m_decode, *m_attention, *m_memory, *m_quick;
    QComboBox *m_device;
    QPushButton *m_runButton, *m_cancelButton, *m_saveButton, *m_calibrateButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_results;
    QTableWidget *m_history;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<std::optional<kernels::BenchReport>> m_watcher;
    std::optional<kernels::BenchReport> m_report;
    bool m_reportSaved = false;
};

} // namespace tokenroute::ui
