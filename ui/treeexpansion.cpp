#include "ui/treeexpansion.h"

#include <QAbstractItemModel>
#include <QTreeView>

namespace tokenroute::ui {

TreeExpansion::TreeExpansion(QTreeView *view, int keyRole, int defaultDepth)
    : QObject(view)
    , m_view(view)
    , m_keyRole(keyRole)
    , m_defaultDepth(defaultDepth)
{
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &TreeExpansion::remember);
    connect(model, &QAbstractItemModel::modelReset, this, &TreeExpansion::restore);
    resetToDefault();
}

void TreeExpansion::resetToDefault()
{
    m_expanded.clear();
    m_view->collapseAll();
    m_view->expandToDepth(m_defaultDepth);
}

void TreeExpansion::remember()
{
    m_expanded.clear();
    const QAbstractItemModel *model = m_view->model();
    // Depth-first over the expanded rows only: collapsed subtrees cannot hold expanded rows that show.
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                m_expanded.insert(index.data(m_keyRole).toString());
                pending.append(index);
            }
        }
    }
}

void TreeExpansion::restore()
{
    const QAbstractItemModel *model = m_view->model();
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (m_expanded.contains(index.data(m_keyRole).toString())) {
                m_view->expand(index);
                pending.append(index);
            }
        }
    }
}

} // namespace tokenroute::ui
