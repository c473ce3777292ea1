#include "ui/catalogbrowser.h"

#include <QCursor>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QPalette>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/catalogmodel.h"
#include "ui/icons.h"
#include "ui/specsheet.h"

namespace tokenroute::ui {

CatalogBrowser::CatalogBrowser(CatalogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    // A search across names, ids and key figures; groups stay visible while any entry matches.
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter->setPlaceholderText(tr("Filter the catalogue (name, id or figure)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_filter, &QLineEdit::textChanged, this, &CatalogBrowser::setFilter);

    m_tree->setObjectName(QStringLiteral("catalogueTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(CatalogModel::NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &CatalogBrowser::showCurrent);

    m_details->setObjectName(QStringLiteral("catalogueDetails"));
    m_details->setOpenExternalLinks(true);
    connect(m_details, &QTextBrowser::highlighted, this, &CatalogBrowser::showLinkTarget);

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_splitter, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &CatalogBrowser::showCurrent);
    showCurrent();
}

bool CatalogBrowser::select(int group, const QString &id)
{
    const QModelIndex source = m_model->findEntry(CatalogModel::Group(group), id);
    if (!source.isValid())
        return false;
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (!proxy.isValid())
        return false;
    m_tree->expand(proxy.parent());
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    return true;
}

void CatalogBrowser::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_tree->expandAll();
}

void CatalogBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        showCurrent();
    QWidget::changeEvent(event);
}

void CatalogBrowser::showCurrent()
{
    // Rich text cannot refer to the palette, so the rules are written with its current colours.
    const QPalette pal = palette();
    m_details->document()->setDefaultStyleSheet(
        QStringLiteral("h2 { margin-bottom: 0; } p.subtitle { color: %1; margin-top: 2px; }"
                       "th { color: %1; border-bottom: 1px solid %2; font-weight: normal; }"
                       "td { border-bottom: 1px solid %3; } span.estimate { font-style: italic; }"
                       "a { color: %4; }")
            .arg(pal.color(QPalette::PlaceholderText).name(), pal.color(QPalette::Mid).name(),
                 pal.color(QPalette::Midlight).name(), pal.color(QPalette::Link).name()));

    const QModelIndex current = m_proxy->mapToSource(m_tree->currentIndex());
    const Catalog *catalog = m_model->catalog();
    if (!current.isValid() || !catalog) {
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(
            tr("Select an entry to see its figures. Every figure names its source; estimates say why.").toHtmlEscaped()));
        return;
    }
    const auto group = CatalogModel::Group(current.data(CatalogModel::GroupRole).toInt());
    const int row = current.data(CatalogModel::EntryRowRole).toInt();
    if (row < 0) {
        m_details->setHtml(QStringLiteral("<h2>%1</h2><p>%2</p>")
                               .arg(CatalogModel::groupName(group).toHtmlEscaped(),
                                    tr("%n entries. Select one to see its figures and their sources.", "", m_model->entryCount(group))
                                        .toHtmlEscaped()));
        return;
    }
    m_details->setHtml(specSheetHtml(specSheet(*catalog, group, row)));
}

void CatalogBrowser::showLinkTarget(const QUrl &url)
{
    // Hovering a source shows the full address, so the reader knows where a click leads.
    if (url.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), url.toString(), m_details);
}

} // namespace tokenroute::ui
