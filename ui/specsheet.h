#pragma once
// The details of one catalogue entry as rows of label, value and where the value came from. The
// rows are built here, apart from any widget, so the details pane renders them and a test can
// check that every sourced number carries its source.

#include <optional>

#include <QList>
#include <QString>
#include <QUrl>

#include "core/catalog/catalog.h"
#include "ui/catalogmodel.h"

namespace tokenroute::ui {

struct SpecRow {
    QString label;
    QString value;                       // formatted, unit included
    std::optional<Provenance> provenance; // the catalogue's source for this figure, when it has one
    bool derived = false;                // computed by TokenRoute from other figures (no source of its own)
};

struct SpecSheet {
    QString title;
    QString subtitle;                    // id, vendor, kind
    QString description;
    QList<SpecRow> rows;
    QList<std::pair<QString, Provenance>> otherSources; // provenance entries no row shows
};

SpecSheet specSheet(const Catalog &catalog, CatalogModel::Group group, int row);

// Every source the sheet shows, in the order of the rows and then of otherSources. The HTML links
// each one as "source:<index into this list>", so a view can show the full text on hover and open
// the URL on a click.
QList<Provenance> sheetSources(const SpecSheet &sheet);

// HTML for a QTextBrowser: figure, value and source columns; each source a short link.
QString specSheetHtml(const SpecSheet &sheet);

// Short text for a source: the host of its first URL ("nvidia.com"), else its opening words.
QString sourceLabel(const Provenance &p);
// The first http(s) URL in a source, if any.
QUrl sourceUrl(const Provenance &p);
// The whole source, with the note and the estimate flag, for a tooltip.
QString sourceTooltip(const Provenance &p);

} // namespace tokenroute::ui
