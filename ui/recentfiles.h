#pragma once
// The Open Recent list, kept in QSettings: most recent first, no duplicates, at most MaxCount.

#include <QStringList>

namespace tokenroute::ui {

class RecentFiles final {
public:
    static constexpr int MaxCount = 8;

    static QStringList list();
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

} // namespace tokenroute::ui
