#include "ui/translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace tokenroute::ui {

int installTranslations(QCoreApplication &app)
{
    int installed = 0;
    // Installed first, consulted last: the English plural forms sit under any other language.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/tokenroute_en.qm")) && QCoreApplication::installTranslator(english))
        ++installed;
    else
        delete english;

    auto *local = new QTranslator(&app);
    if (QLocale().language() != QLocale::English
        && local->load(QLocale(), QStringLiteral("tokenroute"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && QCoreApplication::installTranslator(local))
        ++installed;
    else
        delete local;
    return installed;
}

} // namespace tokenroute::ui
