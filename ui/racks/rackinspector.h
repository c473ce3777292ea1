#pragma once
// The inspector beside the racks: the figures of whatever is selected — one item (its catalogue
// entry, place, pool and links), several items (their totals), a link (type, lanes, bandwidth,
// latency), or, with nothing selected, every rack's load against its limits. The HTML is built by
// a free function so a test can read what the user would. Its links ("Edit…" beside a rack,
// "Delete this link") become requests that the designer carries out.

#include <QList>
#include <QTextBrowser>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute::ui {

class RackScene;

QString inspectorHtml(const Plan &plan, const Catalog &catalog, const QList<int> &itemIds, const QList<int> &linkIds);

class RackInspector final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackInspector)

public:
    explicit RackInspector(RackScene *scene, QWidget *parent = nullptr);
    void refresh();
    // What a click on one of the inspector's links does (public so a test can click).
    void follow(const QUrl &url);

signals:
    void editRackRequested(int rackId);
    void deleteLinkRequested(int linkId);

private:
    RackScene *m_scene;
};

} // namespace tokenroute::ui
