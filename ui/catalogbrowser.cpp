#include "ui/catalogbrowser.h"

#include <QCursor>
#include <QDesktopServices>
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
    // The key figures are what a reader compares, so they keep their full width; long names elide
    // (the tooltip has them whole).
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CatalogModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CatalogModel::SummaryColumn, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &CatalogBrowser::showCurrent);

    m_details->setObjectName(QStringLiteral("catalogueDetails"));
    // Links are handled here: a source with a URL opens in the browser, one without (a book, a
    // spec document) shows its full text, and hovering any of them shows the whole source.
    m_details->setOpenLinks(false);
    connect(m_details, &QTextBrowser::anchorClicked, this, &CatalogBrowser::openSource);
    connect(m_details, &QTextBrowser::highlighted, this, &CatalogBrowser::showSource);

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
    m_sources.clear();
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
    const SpecSheet sheet = specSheet(*catalog, group, row);
    m_sources = sheetSources(sheet);
    m_details->setHtml(specSheetHtml(sheet));
}

const Provenance *CatalogBrowser::sourceFor(const QUrl &link) const
{
    if (link.scheme() != QLatin1String("source"))
        return nullptr;
    bool ok = false;
    const int index = link.path().toInt(&ok);
    return ok && index >= 0 && index < m_sources.size() ? &m_sources[index] : nullptr;
}

void CatalogBrowser::showSource(const QUrl &link)
{
    if (const Provenance *p = sourceFor(link))
        QToolTip::showText(QCursor::pos(), sourceTooltip(*p), m_details);
    else
        QToolTip::hideText();
}

void CatalogBrowser::openSource(const QUrl &link)
{
    const Provenance *p = sourceFor(link);
    if (!p)
        return;
    const QUrl url = sourceUrl(*p);
    if (url.isValid())
        QDesktopServices::openUrl(url);
    else
        QToolTip::showText(QCursor::pos(), sourceTooltip(*p), m_details);
}

} // namespace tokenroute::ui
