#pragma once
// The details of one catalogue entry as rows of label, value and where the value came from. The
// rows are built here, apart from any widget, so the details pane renders them and a test can
// check that every sourced number carries its source.

#include <optional>

#include <QList>
#include <QString>

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

// HTML for a QTextBrowser: a two-column table plus a source column whose URLs are links.
QString specSheetHtml(const SpecSheet &sheet);

// Short text for a source: the host of a URL ("nvidia.com"), or the source text itself.
QString sourceLabel(const Provenance &p);

} // namespace tokenroute::ui
