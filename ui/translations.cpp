#include "ui/translations.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

namespace tokenroute::ui {

namespace {

const QString LanguageKey = QStringLiteral("view/language");

// Menu and message text. A class of its own so lupdate files these strings under the context the
// running program asks for (a tr() call outside any class would be filed under the namespace).
struct LanguageText {
    Q_DECLARE_TR_FUNCTIONS(tokenroute::ui::LanguageText)
};

// TokenRoute's translation, with one fallback. A message's context is the class whose tr() it went
// through. lupdate, which reads the source without compiling it, files a tr() made outside any class
// (a free function of ui/ calling a file-local tr helper) under the enclosing namespace,
// "tokenroute::ui", while the helper asks under its class's name at run time. So a message of ours
// not found under its class is looked up once more under the namespace.
class ProjectTranslator final : public QTranslator {
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isEmpty() && context && QLatin1String(context).startsWith(QLatin1String("tokenroute::ui::")))
            text = QTranslator::translate("tokenroute::ui", sourceText, disambiguation, n);
        return text;
    }
};

QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

QString s_current;

bool install(QTranslator *translator, bool loaded)
{
    if (loaded && QCoreApplication::installTranslator(translator)) {
        installed().append(translator);
        return true;
    }
    delete translator;
    return false;
}

void announceRestart(QWidget *parent, const QString &code)
{
    QWidget *window = parent ? parent->window() : nullptr;
    auto *box = new QMessageBox(QMessageBox::Information, LanguageText::tr("Language"),
                                LanguageText::tr("TokenRoute will be shown in %1 from its next start.")
                                    .arg(code.isEmpty() ? LanguageText::tr("the system language") : nativeLanguageName(code)),
                                QMessageBox::NoButton, window);
    box->setObjectName(QStringLiteral("languageRestartMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *restart = box->addButton(LanguageText::tr("Restart Now"), QMessageBox::AcceptRole);
    box->addButton(LanguageText::tr("Later"), QMessageBox::RejectRole);
    QObject::connect(restart, &QPushButton::clicked, box, [window] {
        // Closing the window asks about unsaved changes; a window that stays open cancels the restart.
        if (window && !window->close())
            return;
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        QCoreApplication::quit();
    });
    // Not exec(): the question never blocks the caller (tests drive the menu without an event loop).
    box->open();
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_TW")};
}

QString nativeLanguageName(const QString &code)
{
    if (code == QStringLiteral("zh_TW"))
        return QStringLiteral("繁體中文（台灣）");
    return QStringLiteral("English");
}

QString languageSetting()
{
    const QString code = QSettings().value(LanguageKey).toString();
    return availableLanguages().contains(code) ? code : QString();
}

void setLanguageSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, code);
}

QString languageForLocale(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return QStringLiteral("en");
    const auto territory = locale.territory();
    const bool traditional = locale.script() == QLocale::TraditionalChineseScript || territory == QLocale::Taiwan
                             || territory == QLocale::HongKong || territory == QLocale::Macao;
    return traditional ? QStringLiteral("zh_TW") : QStringLiteral("en");
}

QString currentLanguage()
{
    return s_current.isEmpty() ? QStringLiteral("en") : s_current;
}

int installTranslations(QCoreApplication &app)
{
    const QString chosen = languageSetting();
    return installTranslations(app, chosen.isEmpty() ? languageForLocale(QLocale()) : chosen);
}

int installTranslations(QCoreApplication &app, const QString &code)
{
    QLocale::setDefault(QLocale::system());
    for (QTranslator *t : std::as_const(installed())) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();

    int count = 0;
    // Installed first, consulted last: the English plural forms sit under any other language.
    auto *english = new ProjectTranslator(&app);
    count += install(english, english->load(QStringLiteral(":/i18n/tokenroute_en.qm")));
    s_current = QStringLiteral("en");
    if (code == QStringLiteral("en") || !availableLanguages().contains(code))
        return count;

    // Qt's own strings (standard buttons, file dialogs), when the system has them.
    auto *qt = new QTranslator(&app);
    count += install(qt, qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    auto *own = new ProjectTranslator(&app);
    if (install(own, own->load(QStringLiteral(":/i18n/tokenroute_") + code + QStringLiteral(".qm")))) {
        ++count;
        s_current = code;
        // Dates and numbers then follow the language too.
        QLocale::setDefault(QLocale(code));
    }
    return count;
}

QMenu *createLanguageMenu(QWidget *parent)
{
    auto *menu = new QMenu(LanguageText::tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString chosen = languageSetting();
    auto add = [&](const QString &text, const QString &code) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(code == chosen);
        action->setData(code);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [parent, code] {
            if (code == languageSetting())
                return;
            setLanguageSetting(code);
            announceRestart(parent, code);
        });
    };
    add(LanguageText::tr("System Language"), QString());
    menu->addSeparator();
    for (const QString &code : availableLanguages())
        add(nativeLanguageName(code), code);
    return menu;
}

} // namespace tokenroute::ui
