#pragma once
// The application's look in one place: the style sheet from resources, the base font, and the
// large-font mode for projectors (a larger application font; every view lays out from it).

class QApplication;
class QFont;

namespace tokenroute::ui {

// Loads :/styles/tokenroute.qss and remembers the font the platform chose as the base size.
void applyAppStyle(QApplication &app);

// Projector mode scales the application font; off restores the base font. Idempotent.
void setProjectorMode(bool on);
bool projectorMode();

// How much larger projector mode makes the text: 1.5 keeps a 10 pt UI legible from the back of a
// room while a 1920×1080 screen still fits the docks and one view.
inline constexpr double ProjectorScale = 1.5;

// The application font at `factor` times its point size (at least 8 pt before scaling), so chart
// text grows with projector mode like the rest of the interface.
QFont scaledAppFont(double factor, bool bold = false);

// The application font at a pixel size: scene views size their text against their own geometry,
// which the view's zoom then scales.
QFont pixelFont(double px, bool bold = false);

} // namespace tokenroute::ui
