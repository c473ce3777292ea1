#pragma once
// The user interface's language: English or Traditional Chinese (Taiwan). The language follows the
// system locale unless the user picked one in View > Language, which is remembered in QSettings
// and applies from the next start (the views build their text once, so a switch in place would
// leave half the window in the old language).
//
// The English file holds only the plural forms, installed underneath any other language, so that
// "%n rack(s)" reads "1 rack" / "3 racks" in English and a translated UI falls back cleanly.

#include <QString>
#include <QStringList>

class QCoreApplication;
class QLocale;
class QMenu;
class QWidget;

namespace tokenroute::ui {

// Language codes the application ships a translation for: "en", "zh_TW".
QStringList availableLanguages();
// The language's own name for itself, so that a reader of either can find theirs: "English", "繁體中文".
QString nativeLanguageName(const QString &code);

// The remembered choice: "" follows the system locale.
QString languageSetting();
void setLanguageSetting(const QString &code);
// The language a locale is shown in: Chinese in Traditional script (Taiwan, Hong Kong, Macau) gets
// zh_TW, every other locale English.
QString languageForLocale(const QLocale &locale);
// The language in use after installTranslations(): the setting, else the one for the system locale.
QString currentLanguage();

// Installs the chosen language's translations (TokenRoute's and Qt's own dialogs'), replacing any
// installed before. Returns the number of translation files installed (0 when none was found).
int installTranslations(QCoreApplication &app);
int installTranslations(QCoreApplication &app, const QString &code);

// View > Language: "System Language", then each language by its native name. Choosing one saves it
// and tells the user it applies after a restart (offering to restart now when parent is a window).
QMenu *createLanguageMenu(QWidget *parent);

} // namespace tokenroute::ui
