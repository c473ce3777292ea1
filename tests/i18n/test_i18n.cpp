// Languages: the Traditional Chinese translation is complete (no unfinished or empty message, the
// same %N placeholders as the English), current (lupdate run over ui/ and app/gui/ now finds no
// string the committed .ts lacks), compiled into the binary and used — known strings come out in
// Chinese through each way the code asks for them, plurals included, and the main window's menus
// and tabs read in Chinese. The language follows the locale unless chosen in View > Language.

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "core/catalog/catalog.h"
#include "resources/resources.h"
#include "ui/mainwindow.h"
#include "ui/reasontext.h"
#include "ui/translations.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {

const QString ZhTs = QStringLiteral(TOKENROUTE_SOURCE_DIR "/resources/translations/tokenroute_zh_TW.ts");

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;                   // the translation's type attribute: unfinished, vanished, …
    QStringList translations;       // one per numerus form, or the single translation

    QString key() const { return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment; }
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = TsMessage{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations << xml.readElementText();
            } else {
                current.translations << xml.readElementText();
            }
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1…%99 (and %L1), plus %n in plural messages: each must appear in the translation as often.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.sort();
    return found;
}

bool hasHan(const QString &text)
{
    for (const QChar c : text)
        if (c.script() == QChar::Script_Han)
            return true;
    return false;
}

} // namespace

class TestI18n : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void chineseTranslationIsComplete();
    void chineseTranslationIsCurrent();
    void knownStringsTranslate_data();
    void knownStringsTranslate();
    void pluralsFollowTheLanguage();
    void languageFollowsLocaleUnlessChosen();
    void languageMenuRemembersTheChoice();
    void mainWindowReadsInChinese();
    void reasonsReadInTheInterfaceLanguage();

private:
    QTemporaryDir m_dir;
};

void TestI18n::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_i18n"));
    tokenroute::initResources();
}

void TestI18n::cleanup()
{
    setLanguageSetting(QString());
    installTranslations(*qApp, QStringLiteral("en"));
}

void TestI18n::chineseTranslationIsComplete()
{
    QString error;
    const QList<TsMessage> messages = readTs(ZhTs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 500); // the whole interface, not a sample
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = QStringLiteral("%1: “%2”").arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
            continue;
        }
        if (m.translations.isEmpty() || m.translations.contains(QString())) {
            problems << QStringLiteral("%1 has an empty translation").arg(where);
            continue;
        }
        for (const QString &t : m.translations)
            if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders %2 in the source, %3 in “%4”")
                                .arg(where, placeholders(m.source).join(QLatin1Char(',')), placeholders(t).join(QLatin1Char(',')), t);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestI18n::chineseTranslationIsCurrent()
{
    // The same lupdate, options and source list as the update_translations target, into a scratch file.
    const QString scratch = m_dir.filePath(QStringLiteral("current_zh_TW.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(TOKENROUTE_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"), QStringLiteral("-silent"),
                   QStringLiteral("@" TOKENROUTE_TR_LIST), QStringLiteral("-ts"), scratch});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish in two minutes");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<TsMessage> fresh = readTs(scratch, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(fresh.size() > 500);
    QSet<QString> committed;
    for (const TsMessage &m : readTs(ZhTs, &error))
        committed.insert(m.key());
    QStringList missing;
    for (const TsMessage &m : fresh)
        if (!committed.contains(m.key()))
            missing << QStringLiteral("%1: “%2”%3").arg(m.context, m.source, m.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.comment));
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) missing from tokenroute_zh_TW.ts (build the update_translations target, then "
                                       "translate them):\n%2")
                            .arg(missing.size())
                            .arg(missing.join(QLatin1Char('\n')))));
}

void TestI18n::knownStringsTranslate_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    // A Q_OBJECT class's tr(), an explicit context, a file-local helper outside any class (filed by
    // lupdate under the namespace), and a Q_DECLARE_TR_FUNCTIONS class.
    QTest::newRow("main window menu") << QStringLiteral("tokenroute::ui::MainWindow") << QStringLiteral("&File") << QStringLiteral("檔案(&F)");
    QTest::newRow("explicit context") << QStringLiteral("tokenroute::ui::Palette") << QStringLiteral("Prefill") << QStringLiteral("預填");
    QTest::newRow("local helper") << QStringLiteral("tokenroute::ui::LiveEvaluation") << QStringLiteral("Pool “%1” has no accelerators.")
                                  << QStringLiteral("資源池「%1」沒有加速器。");
    QTest::newRow("declared tr functions") << QStringLiteral("tokenroute::ui::PlanComparison") << QStringLiteral("Capex")
                                           << QStringLiteral("資本支出");
    QTest::newRow("command line help") << QStringLiteral("main") << QStringLiteral("Render the window to FILE (PNG) and exit.")
                                       << QStringLiteral("將視窗繪製成 FILE（PNG）後結束。");
}

void TestI18n::knownStringsTranslate()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QVERIFY(installTranslations(*qApp, QStringLiteral("zh_TW")) >= 2);
    QCOMPARE(currentLanguage(), QStringLiteral("zh_TW"));
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
    // Back in English, the source text is what shows.
    installTranslations(*qApp, QStringLiteral("en"));
    QCOMPARE(currentLanguage(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), source);
}

void TestI18n::pluralsFollowTheLanguage()
{
    installTranslations(*qApp, QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("tokenroute::ui::PlanSummary", "%n rack(s)", nullptr, 1), QStringLiteral("1 rack"));
    QCOMPARE(QCoreApplication::translate("tokenroute::ui::PlanSummary", "%n rack(s)", nullptr, 3), QStringLiteral("3 racks"));
    installTranslations(*qApp, QStringLiteral("zh_TW"));
    QCOMPARE(QCoreApplication::translate("tokenroute::ui::PlanSummary", "%n rack(s)", nullptr, 3), QStringLiteral("3 個機櫃"));
    QCOMPARE(QCoreApplication::translate("tokenroute::ui::PlanSummary", "%n rack(s)", nullptr, 1), QStringLiteral("1 個機櫃"));
}

void TestI18n::languageFollowsLocaleUnlessChosen()
{
    QCOMPARE(languageForLocale(QLocale(QStringLiteral("zh_TW"))), QStringLiteral("zh_TW"));
    QCOMPARE(languageForLocale(QLocale(QStringLiteral("zh_HK"))), QStringLiteral("zh_TW"));
    QCOMPARE(languageForLocale(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::AnyTerritory)), QStringLiteral("zh_TW"));
    QCOMPARE(languageForLocale(QLocale(QStringLiteral("zh_CN"))), QStringLiteral("en"));
    QCOMPARE(languageForLocale(QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(languageForLocale(QLocale(QStringLiteral("en_US"))), QStringLiteral("en"));

    QCOMPARE(languageSetting(), QString());
    setLanguageSetting(QStringLiteral("zh_TW"));
    QCOMPARE(languageSetting(), QStringLiteral("zh_TW"));
    installTranslations(*qApp);
    QCOMPARE(currentLanguage(), QStringLiteral("zh_TW"));
    setLanguageSetting(QStringLiteral("en"));
    installTranslations(*qApp);
    QCOMPARE(currentLanguage(), QStringLiteral("en"));
    // A setting this build does not know is ignored.
    QSettings().setValue(QStringLiteral("view/language"), QStringLiteral("xx"));
    QCOMPARE(languageSetting(), QString());
}

void TestI18n::languageMenuRemembersTheChoice()
{
    QWidget window;
    QMenu *menu = createLanguageMenu(&window);
    QStringList texts;
    QAction *chinese = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        texts << a->text();
        if (a->data().toString() == QStringLiteral("zh_TW"))
            chinese = a;
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("System Language"), QStringLiteral("English"), QStringLiteral("繁體中文（台灣）")}));
    QVERIFY(menu->actions().constFirst()->isChecked()); // nothing chosen yet: the system language
    QVERIFY(chinese);
    chinese->trigger();
    QCOMPARE(languageSetting(), QStringLiteral("zh_TW"));
    QVERIFY(chinese->isChecked());
    // The switch applies from the next start, and the user is told so (without a blocking dialog).
    auto *message = window.findChild<QMessageBox *>(QStringLiteral("languageRestartMessage"));
    QVERIFY(message);
    QVERIFY(message->text().contains(QStringLiteral("繁體中文")));
    message->close();
}

void TestI18n::mainWindowReadsInChinese()
{
    installTranslations(*qApp, QStringLiteral("zh_TW"));
    const Catalog catalog = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    MainWindow window(&catalog, QStringLiteral(TOKENROUTE_DATA_DIR));
    window.setInteractive(false);
    // Names that stay as they are in any language: the product, Qt, each language's own name.
    const QSet<QString> untranslated{QStringLiteral("TokenRoute"), QStringLiteral("Qt"), QStringLiteral("English")};
    QStringList english;
    auto check = [&](const QString &raw) {
        QString text = raw;
        text.remove(QLatin1Char('&'));
        if (text.isEmpty() || hasHan(text))
            return;
        for (const QString &name : untranslated)
            text.remove(name);
        if (text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))))
            english << raw;
    };
    for (QAction *top : window.menuBar()->actions()) {
        check(top->text());
        if (QMenu *menu = top->menu())
            for (QAction *a : menu->actions())
                if (!a->isSeparator() && !a->text().contains(QLatin1Char('/')))
                    check(a->text()); // submenus by their titles; recent files are paths, left alone
    }
    for (int i = 0; i < window.views()->count(); ++i)
        check(window.views()->tabText(i));
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("not translated: ") + english.join(QStringLiteral(" | "))));
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("檔案(&F)"));
}

void TestI18n::reasonsReadInTheInterfaceLanguage()
{
    Finding empty;
    empty.code = FindingCode::PoolEmpty;
    empty.pool = "LPU decode";
    Binding binding;
    binding.kind = BindingKind::PoolCompute;
    binding.pool = "H200 decode";
    binding.savesUsdPerHour = 12.5;
    TagReason tag;
    tag.tag = Tag::LongContext;
    tag.code = TagReasonCode::Overridden;
    tag.derived = Tag::ShortContext;

    // In English the window says exactly what the command line says.
    installTranslations(*qApp, QStringLiteral("en"));
    QCOMPARE(reasonText(empty), QString::fromStdString(describe(empty)));
    QCOMPARE(reasonText(binding, "Support chat"), QString::fromStdString(describe(binding, "Support chat")));
    QCOMPARE(reasonText(tag), QString::fromStdString(describe(tag)));

    // In Chinese the same facts, worded by the translation: names and numbers kept.
    installTranslations(*qApp, QStringLiteral("zh_TW"));
    QCOMPARE(reasonText(empty), QStringLiteral("資源池 LPU decode 沒有裝置，因此無法服務任何工作負載。"));
    const QString limited = reasonText(binding, "Support chat");
    QVERIFY2(limited.startsWith(QStringLiteral("Support chat 受限於資源池 H200 decode 的裝置時間")), qPrintable(limited));
    QVERIFY2(limited.contains(QStringLiteral("$12.5/h")), qPrintable(limited));
    QCOMPARE(reasonText(tag), QStringLiteral("長上下文：由使用者設定（依數據應為短上下文）。"));
}

QTEST_MAIN(TestI18n)
#include "test_i18n.moc"
