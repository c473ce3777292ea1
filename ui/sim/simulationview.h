#pragma once
// The Simulation tab: choose a trace file (format detected or named) or the workload's own
// generated traffic, run the plan's simulation on a worker thread with a progress bar and Cancel,
// and read the results — latency percentiles, goodput, cache hits per tier, the TTFT CDF. Runs
// stored in a SQLite plan file are listed and can be shown again; a fresh run can be saved there.
// Every figure shown comes from a run document (ui/sim/simulationrun.h), never from a constant.

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/catalog/catalog.h"
#include "ui/sim/simulationrun.h"

class QButtonGroup;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace tokenroute::ui {

class PlanDocument;

class SimulationView final : public QWidget {
    Q_OBJECT

public:
    SimulationView(PlanDocument *document, const Catalog *catalog, QWidget *parent = nullptr);
    ~SimulationView() override;

    // Inputs and outputs, reachable for tests.
    QComboBox *workloadBox() const { return m_workload; }
    QRadioButton *generatorButton() const { return m_useGenerator; }
    QRadioButton *traceButton() const { return m_useTrace; }
    QLineEdit *tracePathEdit() const { return m_tracePath; }
    QComboBox *formatBox() const { return m_format; }
    QSpinBox *requestsBox() const { return m_requests; }
    QSpinBox *seedBox() const { return m_seed; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *saveButton() const { return m_save; }
    QProgressBar *progressBar() const { return m_progress; }
    QTableWidget *latencyTable() const { return m_latency; }
    QTableWidget *cacheTable() const { return m_cache; }
    QListWidget *runList() const { return m_runs; }
    QChartView *cdfView() const { return m_cdf; }
    QLabel *summaryLabel() const { return m_summary; }
    bool isRunning() const;
    // The document shown (fresh or stored); null when nothing has run yet.
    const nlohmann::json &shownRun() const { return m_shown; }

public slots:
    void run();
    void cancel();
    void saveToPlan();
    void refreshPlan();

signals:
    void runFinished();

private:
    QWidget *buildControls();
    QWidget *buildResults();
    void onFinished();
    void showRun(const nlohmann::json &doc);
    void showStoredRun(int row);
    void updateEnabled();

    PlanDocument *m_document;
    const Catalog *m_catalog;
    QComboBox *m_workload;
    QRadioButton *m_useGenerator;
    QRadioButton *m_useTrace;
    QLineEdit *m_tracePath;
    QPushButton *m_browse;
    QComboBox *m_format;
    QSpinBox *m_requests;
    QSpinBox *m_seed;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_save;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_summary;
    QTableWidget *m_latency;
    QTableWidget *m_cache;
    QListWidget *m_runs;
    QChartView *m_cdf;

    struct Job;
    std::shared_ptr<Job> m_job;
    QFutureWatcher<void> m_watcher;
    nlohmann::json m_shown;
    bool m_shownIsFresh = false;
    std::vector<nlohmann::json> m_stored;
};

} // namespace tokenroute::ui
