#pragma once
// Installs the translation for the user's language, and the English plural forms underneath it, so
// that "%n rack(s)" reads "1 rack" / "3 racks" in English and a translated UI falls back cleanly.

class QCoreApplication;

namespace tokenroute::ui {

// Returns the number of translation files installed (0 when none was found in the resources).
int installTranslations(QCoreApplication &app);

} // namespace tokenroute::ui
