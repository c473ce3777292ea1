#pragma once
// Icons drawn for TokenRoute (resources/icons/*.svg) are single-colour line drawings that use
// `currentColor`; they are rendered on demand in the palette's text colour, so they follow the
// system's light or dark palette and stay sharp at projector sizes.

#include <QIcon>
#include <QString>

namespace tokenroute::ui {

// name: file name without extension, e.g. "rack" for :/icons/rack.svg. A missing icon is an empty
// QIcon (a warning is logged once), never a crash.
QIcon themedIcon(const QString &name);

// The same drawing in a fixed colour (role and group markers).
QIcon colouredIcon(const QString &name, const QColor &colour);

} // namespace tokenroute::ui
