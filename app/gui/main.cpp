// tokenroute: the desktop application. Wiring only — load the catalogue (small, so synchronously:
// the window must paint within a second of start), build the window, open PLAN or the demo plan.
// --screenshot renders the window offscreen to a PNG and exits (installer/screenshots.sh).

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include "core/catalog/catalog.h"
#include "core/util/error.h"
#include "resources/resources.h"
#include "ui/appstyle.h"
#include "ui/catalogbrowser.h"
#include "ui/catalogmodel.h"
#include "ui/errortext.h"
#include "ui/headless.h"
#include "ui/mainwindow.h"
#include "ui/tour/guidedtour.h"
#include "ui/tour/userdata.h"
#include "ui/translations.h"

namespace {

struct Options {
    QString plan;
    QString screenshot;
    QSize size{1600, 1000};
    QString select; // catalogue entry to show in the details pane: "group:id", e.g. "devices:h200"
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Plan disaggregated LLM inference: where every token is computed, and why."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PLAN"), QApplication::translate("main", "Plan to open (.trplan or JSON); the demo plan when omitted."),
                                 QStringLiteral("[PLAN]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the window to FILE (PNG) and exit."), QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QApplication::translate("main", "Window size for --screenshot, WIDTHxHEIGHT."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QApplication::translate("main", "Catalogue entry to show, GROUP:ID (groups: devices servers links tiers models presets)."),
                                    QStringLiteral("GROUP:ID"));
    parser.addOptions({screenshot, size, select});
    parser.process(app);

    Options o;
    if (!parser.positionalArguments().isEmpty())
        o.plan = parser.positionalArguments().constFirst();
    o.screenshot = parser.value(screenshot);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        o.size = QSize(wh[0].toInt(), wh[1].toInt());
    o.select = parser.value(select);
    return o;
}

// Options that open no window: on a machine without a display they run on the offscreen platform.
bool opensNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--screenshot" || a.startsWith("--screenshot=") || a == "-h" || a == "--help" || a == "--help-all"
            || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

void selectCatalogueEntry(tokenroute::ui::MainWindow &window, const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return;
    const QStringList groups{QStringLiteral("devices"), QStringLiteral("servers"), QStringLiteral("links"),
                             QStringLiteral("tiers"),   QStringLiteral("models"),  QStringLiteral("presets")};
    const int group = int(groups.indexOf(parts[0]));
    if (group >= 0)
        window.catalogBrowser()->select(group, parts[1]);
}

} // namespace

int main(int argc, char **argv)
{
    if (!tokenroute::ui::displayOrPlatformChosen()) {
        if (!opensNoWindow(argc, argv)) {
            fprintf(stderr, "tokenroute: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                            "Run it in a desktop session, render a picture with --screenshot FILE, or use tokenroute-cli.\n");
            return 2;
        }
        tokenroute::ui::chooseHeadlessPlatform();
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TokenRoute"));
    QApplication::setApplicationName(QStringLiteral("TokenRoute"));
    QApplication::setApplicationVersion(QStringLiteral(TOKENROUTE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.tokenroute.TokenRoute")); // the installed .desktop file (Wayland app id)
    const Options options = parseOptions(app);
    tokenroute::initResources();
    tokenroute::ui::installTranslations(app);
    tokenroute::ui::applyAppStyle(app);

    const bool screenshot = !options.screenshot.isEmpty();
    // A screenshot run leaves the user's settings (window layout, recent files) alone.
    QTemporaryDir screenshotSettings;
    if (screenshot) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, screenshotSettings.path());
    }
    std::string dataDir;
    tokenroute::Catalog catalog;
    QString catalogError;
    try {
        dataDir = tokenroute::findDataDir(QApplication::applicationFilePath().toStdString());
        catalog = tokenroute::loadCatalog(dataDir + "/catalog");
    } catch (const std::exception &e) {
        // The window still opens (plans can be read and saved); the error says what to fix.
        catalogError = tokenroute::ui::describeFailure(tokenroute::ui::FileAction::Open,
                                                       QDir(QString::fromStdString(dataDir)).filePath(QStringLiteral("catalog")), e);
    }

    tokenroute::ui::MainWindow window(&catalog, QString::fromStdString(dataDir));
    window.setInteractive(!screenshot);
    if (screenshot)
        window.resize(options.size);
    else
        window.restoreSettings();

    // Show first, then read the plan: a bad file's message then appears over the window, which
    // stays open on an empty plan.
    window.show();
    // Without a PLAN the user's own copy of the demo opens (made on first start), so the shipped
    // demo stays pristine; screenshots use the shipped one and touch nothing in the user's home.
    QString plan = options.plan;
    if (plan.isEmpty())
        plan = screenshot ? window.demoPlanPath() : tokenroute::ui::userdata::prepareUserDemo(window.demoPlanPath());
    const bool opened = window.openPlan(plan);
    if (!screenshot && opened && tokenroute::ui::GuidedTour::shouldShow())
        tokenroute::ui::GuidedTour::start(&window, window.views());
    if (!options.select.isEmpty())
        selectCatalogueEntry(window, options.select);

    if (screenshot) {
        if (!catalogError.isEmpty() || !opened) {
            fprintf(stderr, "%s\n", qPrintable(catalogError.isEmpty() ? window.lastError() : catalogError));
            return 2;
        }
        // Let layouts settle and the first paint happen before grabbing.
        QTimer::singleShot(200, &window, [&window, &options] {
            const bool ok = window.grab().save(options.screenshot, "PNG");
            if (!ok)
                fprintf(stderr, "cannot write %s\n", qPrintable(options.screenshot));
            QApplication::exit(ok ? 0 : 1);
        });
        return app.exec();
    }
    if (!catalogError.isEmpty())
        QTimer::singleShot(0, &window, [&window, catalogError] { QMessageBox::critical(&window, QApplication::translate("main", "TokenRoute"), catalogError); });
    return app.exec();
}
