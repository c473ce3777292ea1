// First-run behaviour: the demo plan is copied into the user's documents folder once and the
// copy is theirs to edit; the guided tour walks its six steps over the real window's views and,
// once closed, stays closed.

#include <QApplication>
#include <QFile>
#include <QKeyEvent>
#include <QMainWindow>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "core/catalog/catalog.h"
#include "ui/mainwindow.h"
#include "ui/teaching/routingpage.h"
#include "ui/tour/guidedtour.h"
#include "ui/tour/userdata.h"

using namespace tokenroute;
using namespace tokenroute::ui;

namespace {
QTemporaryDir *g_home = nullptr;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

class TestTour : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void plansGoToDocuments();
    void firstStartCopiesTheDemo();
    void laterStartsKeepTheUsersEdits();
    void rememberedFolderIsKept();
    void tourHasSixSteps();
    void tourWalksTheRealViews();
    void finishingRecordsSeen();
    void escapeDismisses();

private:
    QString m_pristine;
    QTemporaryDir m_shipped;
};

void TestTour::initTestCase()
{
    QVERIFY(m_shipped.isValid());
    // Stands in for /usr/share/tokenroute/data/plans/demo.json: read-only, as installed.
    m_pristine = m_shipped.filePath(QStringLiteral("demo.json"));
    QVERIFY(QFile::copy(QStringLiteral(TOKENROUTE_DATA_DIR "/plans/demo.json"), m_pristine));
    QVERIFY(QFile::setPermissions(m_pristine, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
}

void TestTour::init()
{
    QSettings().clear();
    QDir(userdata::plansDirectory()).removeRecursively();
}

void TestTour::plansGoToDocuments()
{
    QCOMPARE(userdata::plansDirectory(), QDir(g_home->path()).filePath(QStringLiteral("Documents/TokenRoute")));
}

void TestTour::firstStartCopiesTheDemo()
{
    const QByteArray original = readAll(m_pristine);
    QVERIFY(!original.isEmpty());
    const QString copy = userdata::prepareUserDemo(m_pristine);
    QCOMPARE(copy, QDir(userdata::plansDirectory()).filePath(QStringLiteral("demo.json")));
    QCOMPARE(readAll(copy), original);
    QVERIFY(QFileInfo(copy).isWritable());
    QCOMPARE(QSettings().value(QStringLiteral("files/lastDirectory")).toString(), userdata::plansDirectory());
    // Saving over the copy leaves the shipped file as it was.
    QVERIFY(writeAll(copy, "{}"));
    QCOMPARE(readAll(m_pristine), original);
}

void TestTour::laterStartsKeepTheUsersEdits()
{
    const QString copy = userdata::prepareUserDemo(m_pristine);
    QVERIFY(writeAll(copy, "edited"));
    QCOMPARE(userdata::prepareUserDemo(m_pristine), copy);
    QCOMPARE(readAll(copy), QByteArray("edited"));
}

void TestTour::rememberedFolderIsKept()
{
    QSettings().setValue(QStringLiteral("files/lastDirectory"), m_shipped.path());
    userdata::prepareUserDemo(m_pristine);
    QCOMPARE(QSettings().value(QStringLiteral("files/lastDirectory")).toString(), m_shipped.path());
}

void TestTour::tourHasSixSteps()
{
    const QList<GuidedTour::Step> steps = GuidedTour::steps();
    QCOMPARE(steps.size(), 6);
    const QStringList titles{QStringLiteral("Racks"), QStringLiteral("Workloads and tags"), QStringLiteral("Routing flow"),
                             QStringLiteral("Teaching"), QStringLiteral("Costs"), QStringLiteral("Benchmarks")};
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps[i].title, titles[i]);
        QVERIFY2(steps[i].text.size() > 40, qPrintable(steps[i].title));
    }
}

void TestTour::tourWalksTheRealViews()
{
    const Catalog catalog = loadCatalog(TOKENROUTE_DATA_DIR "/catalog");
    MainWindow window(&catalog, QStringLiteral(TOKENROUTE_DATA_DIR));
    window.setInteractive(false);
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.openPlan(window.demoPlanPath()));
    QVERIFY(GuidedTour::shouldShow());
    QPointer<GuidedTour> tour = GuidedTour::start(&window, window.views());
    const QList<GuidedTour::Step> steps = GuidedTour::steps();
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(tour->currentStep(), i);
        // Each step's view is one of the window's tabs, and the tour shows it.
        QCOMPARE(window.views()->currentWidget()->objectName(), steps[i].view);
        if (auto *routing = qobject_cast<RoutingPage *>(window.views()->currentWidget()))
            QCOMPARE(routing->isTeaching(), steps[i].teaching);
        QVERIFY(window.rect().contains(tour->geometry()));
        if (i + 1 < steps.size())
            tour->next();
    }
    tour->back();
    QCOMPARE(tour->currentStep(), steps.size() - 2);
    QVERIFY(GuidedTour::shouldShow()); // walking is not closing
    tour->dismiss();
    QTRY_VERIFY(tour.isNull());
    QVERIFY(!GuidedTour::shouldShow());
}

void TestTour::finishingRecordsSeen()
{
    QMainWindow window;
    auto *tour = GuidedTour::start(&window, nullptr);
    QSignalSpy dismissed(tour, &GuidedTour::dismissed);
    auto buttons = tour->findChildren<QPushButton *>();
    QPushButton *next = nullptr;
    for (auto *b : buttons)
        if (b->text() == QStringLiteral("Next"))
            next = b;
    QVERIFY(next);
    for (int i = 0; i < 5; ++i)
        next->click();
    QCOMPARE(next->text(), QStringLiteral("Finish"));
    QCOMPARE(dismissed.count(), 0);
    next->click();
    QCOMPARE(dismissed.count(), 1);
    QVERIFY(!GuidedTour::shouldShow());
}

void TestTour::escapeDismisses()
{
    QMainWindow window;
    window.show();
    auto *tour = GuidedTour::start(&window, nullptr);
    QSignalSpy dismissed(tour, &GuidedTour::dismissed);
    QTest::keyClick(tour, Qt::Key_Escape);
    QCOMPARE(dismissed.count(), 1);
    QVERIFY(!GuidedTour::shouldShow());
}

int main(int argc, char **argv)
{
    // A scratch home: documents, settings and the copied demo stay out of the user's own.
    QTemporaryDir home;
    g_home = &home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral(".config")).toLocal8Bit());
    qunsetenv("XDG_DOCUMENTS_DIR");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TokenRouteTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_tour"));
    const QString settingsDir = QDir(home.path()).filePath(QStringLiteral("settings"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir);
    TestTour test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_tour.moc"
