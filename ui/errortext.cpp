#include "ui/errortext.h"

#include <QCoreApplication>
#include <QDir>

#include "core/util/error.h"

namespace tokenroute::ui {

QString describeFailure(FileAction action, const QString &path, const std::exception &error)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("tokenroute::ui::ErrorText", text); };
    const QString shown = QDir::toNativeSeparators(path);
    QString head;
    switch (action) {
    case FileAction::Open:
        head = tr("Cannot open %1.").arg(shown);
        break;
    case FileAction::Save:
        head = tr("Cannot save %1.").arg(shown);
        break;
    case FileAction::Export:
        head = tr("Cannot export to %1.").arg(shown);
        break;
    }

    if (const auto *input = dynamic_cast<const InputError *>(&error)) {
        const QString where = QString::fromStdString(input->where());
        const QString problem = QString::fromStdString(input->problem());
        const QString file = QString::fromStdString(input->file());
        QString body = where.isEmpty() ? problem : tr("At %1: %2").arg(where, problem);
        if (!file.isEmpty() && QDir::cleanPath(file) != QDir::cleanPath(path))
            body = tr("In %1: %2").arg(QDir::toNativeSeparators(file), body);
        return head + QLatin1Char('\n') + body;
    }
    return head + QLatin1Char('\n') + QString::fromLocal8Bit(error.what());
}

} // namespace tokenroute::ui
