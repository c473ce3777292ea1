#pragma once
// The Racks tab: the palette of rack-mountable catalogue items and the plan's pools on the left,
// the elevations in the middle with a message line under them, the inspector on the right. The
// designer wires these together; it keeps no state of the plan itself.

#include <QWidget>

#include "core/catalog/catalog.h"

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
};

} // namespace tokenroute::ui
