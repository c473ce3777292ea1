#pragma once
// The Racks tab: the palette of rack-mountable catalogue items and the plan's pools on the left,
// the elevations in the middle with a message line under them, the inspector on the right. The
// designer wires these together; it keeps no state of the plan itself.

#include <optional>

#include <QWidget>

#include "core/catalog/catalog.h"

class QAction;
class QLabel;
class QListView;
class QTimer;
class QToolBar;

namespace tokenroute::ui {

class PlanDocument;
class PoolListModel;
class RackEditor;
class RackInspector;
class RackPalette;
class RackScene;
class RackView;

class RackDesigner final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackDesigner)

public:
    RackDesigner(PlanDocument *document, const Catalog *catalog, QWidget *parent = nullptr);

    RackEditor *editor() const { return m_editor; }
    RackScene *scene() const { return m_scene; }
    RackView *view() const { return m_view; }
    RackPalette *palette() const { return m_palette; }
    PoolListModel *poolModel() const { return m_poolModel; }
    QListView *poolList() const { return m_poolList; }
    RackInspector *inspector() const { return m_inspector; }
    QString message() const;

    // Adds the catalogue item to the selected rack (or the first) at its lowest free position.
    bool placeInSelectedRack(const QString &catalogId);
    // "Connect…" (Ctrl+L): asks for a link type and lanes between the two selected items and
    // creates the link; refuses with the reason when the selection is not two items. Returns the
    // new link's id.
    std::optional<int> connectSelection();
    // "Rack Properties…": edits the rack (the selected one when rackId is 0) in a dialog.
    bool editRack(int rackId = 0);

    QAction *connectAction() const { return m_connectAction; }
    QAction *rackPropertiesAction() const { return m_rackPropertiesAction; }

private:
    void showMessage(const QString &text, bool refused);

    RackEditor *m_editor;
    RackScene *m_scene;
    RackView *m_view;
    RackPalette *m_palette;
    PoolListModel *m_poolModel;
    QListView *m_poolList;
    RackInspector *m_inspector;
    QLabel *m_message;
    QTimer *m_messageTimer;
    QAction *m_connectAction = nullptr;
    QAction *m_rackPropertiesAction = nullptr;
};

} // namespace tokenroute::ui
