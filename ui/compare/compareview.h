#pragma once
// The Compare tab: the open plan (A) beside a second one (B) — either its "all on one GPU pool"
// variant, sized by the core for a GPU type the user picks, or another plan file (File > Compare
// With…). Cost, power, latency, SLO attainment and unserved demand, with the change from A to B and
// whether it is better or worse. A follows the window's live evaluation; the variant is rebuilt when
// the plan changes, only while the tab is shown (sizing is a small integer program, not free).

#include <optional>

#include <QWidget>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "ui/compare/plancomparison.h"

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace tokenroute::ui {

class ComparisonModel;
class LiveEvaluation;
class PlanDocument;

class CompareView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    enum class Against { OnePoolVariant, PlanFile };

    // evaluation: the window's live evaluation of the document (A).
    CompareView(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent = nullptr);

    // Compare with a plan file (.trplan or JSON). Returns false, and says why in the view, when the
    // file cannot be read.
    bool compareWithFile(const QString &path);
    // Compare with the one-pool variant on deviceId (empty: the GPU type the sizing finds cheapest).
    void compareWithOnePool(const QString &deviceId = {});
    // Asks for a plan file, then compares with it.
    void chooseFile();
    // Returns false when the file cannot be written.
    bool exportCsv(const QString &path) const;
    void exportWithDialog();

    Against against() const { return m_against; }
    QString onePoolDevice() const { return m_device; }
    const PlanFigures &figuresA() const { return m_a; }
    const PlanFigures &figuresB() const { return m_b; }
    const std::vector<ComparisonRow> &rows() const;
    ComparisonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString message() const;  // what the view says instead of a table (empty when it shows one)

public slots:
    // Recompute now (A from the live evaluation, B as chosen).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void rebuildDevices();
    void computeB();
    void showMessage(const QString &text);
    void updateHeadline();

    PlanDocument *m_document;
    const Catalog *m_catalog;
    LiveEvaluation *m_evaluation;
    Against m_against = Against::OnePoolVariant;
    QString m_device;                 // chosen GPU for the variant; empty = the cheapest
    QString m_resolvedDevice;         // the GPU the variant was last built on
    QString m_planPath;               // B when comparing with a file
    std::optional<Plan> m_filePlan;   // read once per choice of file
    bool m_dirty = true;

    PlanFigures m_a;
    PlanFigures m_b;
    QString m_variantNote;

    QComboBox *m_mode;
    QComboBox *m_devices;
    QPushButton *m_choose;
    QPushButton *m_export;
    QLabel *m_plans;
    QLabel *m_headline;
    QLabel *m_note;
    QLabel *m_message;
    QStackedWidget *m_stack;
    QTableView *m_table;
    ComparisonModel *m_model;
};

} // namespace tokenroute::ui
