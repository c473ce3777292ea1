#pragma once
// Keeps a tree view's expanded rows across a model reset. The plan structure model resets when an
// edit changes its shape (an item moved to another rack); without this the tree would fold up after
// every edit. Rows are recognised by a stable key the model provides in keyRole ("rack:12").

#include <QObject>
#include <QSet>
#include <QString>

class QTreeView;

namespace tokenroute::ui {

class TreeExpansion final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeExpansion)

public:
    // defaultDepth: what resetToDefault() expands (0 = the top-level rows only).
    TreeExpansion(QTreeView *view, int keyRole, int defaultDepth);

    // Forget the remembered rows and show the default expansion (a different plan was opened).
    void resetToDefault();

private:
    void remember();
    void restore();

    QTreeView *m_view;
    int m_keyRole;
    int m_defaultDepth;
    QSet<QString> m_expanded;
};

} // namespace tokenroute::ui
