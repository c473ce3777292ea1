#pragma once
// The main window: the File menu and the other menus, the plan structure and the catalogue in
// docks, the views in tabs, and a status bar with the plan's summary. It owns the PlanDocument and
// turns file errors into one message; it shows dialogs only when interactive, so a test or the
// screenshot run drives it without ever blocking.

#include <QMainWindow>
#include <QPointer>

#include "core/catalog/catalog.h"

class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace tokenroute::ui {

class CatalogBrowser;
class CatalogModel;
class LiveEvaluation;
class PlanRecovery;
class WorkloadEditor;
class PlaceholderView;
class PlanDocument;
class PlanStructureModel;
class TreeExpansion;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // catalog must outlive the window. dataDir holds catalog/ and plans/ (the demo plan).
    MainWindow(const Catalog *catalog, QString dataDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Interactive windows ask before discarding changes and show errors in a message box; a
    // non-interactive one reports through errorReported() and lastError() only.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    // Restore geometry, dock layout, projector mode (call before show()); saved again on close.
    void restoreSettings();
    void saveSettings() const;

    // File operations, usable without dialogs. Each returns false (and reports) on failure and
    // leaves the open plan and every file as they were.
    bool openPlan(const QString &path);
    bool openDemoPlan();
    void newPlan();
    bool saveAs(const QString &path);
    bool exportJson(const QString &path);
    bool importJson(const QString &path);

    QString demoPlanPath() const;
    QString lastError() const { return m_lastError; }

    PlanDocument *document() const { return m_document; }
    CatalogModel *catalogModel() const { return m_catalogModel; }
    PlanStructureModel *structureModel() const { return m_structureModel; }
    CatalogBrowser *catalogBrowser() const { return m_catalogBrowser; }
    QTreeView *structureTree() const { return m_structureTree; }
    QTabWidget *views() const { return m_views; }
    QString summaryText() const;
    LiveEvaluation *liveEvaluation() const { return m_evaluation; }
    PlanRecovery *recovery() const { return m_recovery; }
    WorkloadEditor *workloadEditor() const { return m_workloadEditor; }
    // Offer the newest recovery file a crashed session left behind (interactive windows only;
    // called once after start). Returns true when a plan was recovered.
    bool offerRecovery();

    void setProjectorMode(bool on);

signals:
    // Every failure the window reports, as the text the user would read.
    void errorReported(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createViews();

    void reportError(const QString &message);
    bool confirmDiscard();
    void planReplaced();
    void updateTitle();
    void updateSummary();
    void rebuildRecentMenu();

    void openWithDialog();
    void openRecent(const QString &path);
    bool save();
    bool saveAsWithDialog();
    void importWithDialog();
    void exportWithDialog();
    void editProperties();
    void about();

    const Catalog *m_catalog;
    QString m_dataDir;
    bool m_interactive = true;
    QString m_lastError;

    PlanDocument *m_document;
    CatalogModel *m_catalogModel;
    PlanStructureModel *m_structureModel;
    LiveEvaluation *m_evaluation;
    PlanRecovery *m_recovery;
    WorkloadEditor *m_workloadEditor = nullptr;

    CatalogBrowser *m_catalogBrowser = nullptr;
    QTreeView *m_structureTree = nullptr;
    TreeExpansion *m_structureExpansion = nullptr;
    QTabWidget *m_views = nullptr;
    QList<PlaceholderView *> m_placeholders;
    QSplitter *m_planSplitter = nullptr;
    QDockWidget *m_structureDock = nullptr;
    QDockWidget *m_catalogDock = nullptr;
    QLabel *m_summary = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_propertiesAction = nullptr;
    QAction *m_projectorAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace tokenroute::ui
