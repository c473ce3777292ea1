#include "ui/format.h"

#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace tokenroute::ui {

QString formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    QString text = QLocale().toString(value, 'f', decimals);
    const QChar point = QLocale().decimalPoint().at(0);
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

QString formatCount(double value)
{
    const double magnitude = std::abs(value);
    // Three significant digits are what a published parameter count carries ("70.6 B").
    auto significant = [](double v) { return v >= 100 ? 0 : v >= 10 ? 1 : 2; };
    if (magnitude >= 1e12)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 T").arg(formatNumber(value / 1e12, significant(magnitude / 1e12)));
    if (magnitude >= 1e9)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 B", "billions").arg(formatNumber(value / 1e9, significant(magnitude / 1e9)));
    if (magnitude >= 1e6)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 M").arg(formatNumber(value / 1e6, significant(magnitude / 1e6)));
    if (magnitude >= 1e3)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 k").arg(formatNumber(value / 1e3, significant(magnitude / 1e3)));
    return formatNumber(value, 0);
}

QString formatBytes(double bytes)
{
    const double magnitude = std::abs(bytes);
    auto significant = [](double v) { return v >= 100 ? 0 : v >= 10 ? 1 : 2; };
    if (magnitude >= 1024.0 * 1024 * 1024)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 GiB").arg(formatNumber(bytes / (1024.0 * 1024 * 1024), significant(magnitude / (1024.0 * 1024 * 1024))));
    if (magnitude >= 1024.0 * 1024)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 MiB").arg(formatNumber(bytes / (1024.0 * 1024), significant(magnitude / (1024.0 * 1024))));
    if (magnitude >= 1024.0)
        return QCoreApplication::translate("tokenroute::ui::Format", "%1 KiB").arg(formatNumber(bytes / 1024.0, significant(magnitude / 1024.0)));
    return QCoreApplication::translate("tokenroute::ui::Format", "%1 B", "bytes").arg(formatNumber(bytes, 0));
}

QString displayPath(const QString &path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    if (!relative.startsWith(QLatin1String("..")) && !QDir::isAbsolutePath(relative))
        return QDir::toNativeSeparators(relative);
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace tokenroute::ui
