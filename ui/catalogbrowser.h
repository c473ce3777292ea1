#pragma once
// The catalogue browser: a filterable tree of every catalogue entry above a details pane that shows
// the selected entry's figures, each with its source (a link when the source is a URL) or the note
// that marks it as an estimate.

#include <QList>
#include <QWidget>

#include "core/catalog/catalog.h"

class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace tokenroute::ui {

class CatalogModel;

class CatalogBrowser final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogBrowser)

public:
    explicit CatalogBrowser(CatalogModel *model, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    QTextBrowser *details() const { return m_details; }
    QSplitter *splitter() const { return m_splitter; }

    // Select an entry by group and catalogue id; false when there is no such entry.
    bool select(int group, const QString &id);
    // The sources the details pane shows now; its links are "source:<index into this list>".
    const QList<Provenance> &shownSources() const { return m_sources; }
    void setFilter(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCurrent();
    void showSource(const QUrl &link);
    void openSource(const QUrl &link);
    const Provenance *sourceFor(const QUrl &link) const;

    CatalogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    QSplitter *m_splitter;
    QList<Provenance> m_sources;
};

} // namespace tokenroute::ui
