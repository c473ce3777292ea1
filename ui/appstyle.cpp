#include "ui/appstyle.h"

#include <QApplication>
#include <QFile>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace tokenroute::ui {

namespace {
struct StyleState {
    QFont baseFont;
    bool haveBase = false;
    bool projector = false;
};

StyleState &state()
{
    static StyleState s;
    return s;
}

void rememberBaseFont()
{
    if (!state().haveBase) {
        state().baseFont = QApplication::font();
        state().haveBase = true;
    }
}
} // namespace

void applyAppStyle(QApplication &app)
{
    rememberBaseFont();
    QFile qss(QStringLiteral(":/styles/tokenroute.qss"));
    if (qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    else
        qWarning("style sheet :/styles/tokenroute.qss is missing from the resources");
}

void setProjectorMode(bool on)
{
    rememberBaseFont();
    if (state().projector == on)
        return;
    state().projector = on;
    QFont font = state().baseFont;
    if (on) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * ProjectorScale);
        else
            font.setPixelSize(qRound(font.pixelSize() * ProjectorScale));
    }
    QApplication::setFont(font);
}

bool projectorMode()
{
    return state().projector;
}

QFont scaledAppFont(double factor, bool bold)
{
    QFont f = QApplication::font();
    f.setPointSizeF(std::max(8.0, f.pointSizeF()) * factor);
    f.setBold(bold);
    return f;
}

QFont pixelFont(double px, bool bold)
{
    QFont f = QApplication::font();
    f.setPixelSize(int(std::lround(px)));
    f.setBold(bold);
    return f;
}

} // namespace tokenroute::ui
