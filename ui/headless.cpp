#include "ui/headless.h"

#include <cstdlib>

#include <QByteArray>
#include <QtGlobal>

namespace tokenroute::ui {

bool displayOrPlatformChosen()
{
    return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void chooseHeadlessPlatform()
{
    if (!displayOrPlatformChosen())
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

} // namespace tokenroute::ui
