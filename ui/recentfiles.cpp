#include "ui/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace tokenroute::ui {

namespace {
const QString Key = QStringLiteral("files/recent");

void store(const QStringList &paths)
{
    QSettings().setValue(Key, paths);
}
} // namespace

QStringList RecentFiles::list()
{
    return QSettings().value(Key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > MaxCount)
        paths.removeLast();
    store(paths);
}

void RecentFiles::remove(const QString &path)
{
    QStringList paths = list();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    store(paths);
}

void RecentFiles::clear()
{
    store({});
}

} // namespace tokenroute::ui
