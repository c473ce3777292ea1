#include "ui/tour/userdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace tokenroute::ui::userdata {

namespace {
// Shared with the main window's file dialogs (ui/mainwindow.cpp).
const QString LastDirKey = QStringLiteral("files/lastDirectory");
} // namespace

QString plansDirectory()
{
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    return QDir(documents).filePath(QStringLiteral("TokenRoute"));
}

QString prepareUserDemo(const QString &pristineDemo)
{
    const QString dir = plansDirectory();
    QSettings settings;
    if (!QDir().mkpath(dir))
        return pristineDemo;
    if (!settings.contains(LastDirKey))
        settings.setValue(LastDirKey, dir);

    const QString copy = QDir(dir).filePath(QFileInfo(pristineDemo).fileName());
    if (QFileInfo::exists(copy))
        return copy;
    if (!QFile::copy(pristineDemo, copy))
        return pristineDemo;
    // The shipped file is read-only for users; the copy must be theirs to edit.
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return copy;
}

} // namespace tokenroute::ui::userdata
