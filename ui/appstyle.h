#pragma once
// The application's look in one place: the style sheet from resources, the base font, and the
// large-font mode for projectors (a larger application font; every view lays out from it).

class QApplication;

namespace tokenroute::ui {

// Loads :/styles/tokenroute.qss and remembers the font the platform chose as the base size.
void applyAppStyle(QApplication &app);

// Projector mode scales the application font; off restores the base font. Idempotent.
void setProjectorMode(bool on);
bool projectorMode();

// How much larger projector mode makes the text: 1.5 keeps a 10 pt UI legible from the back of a
// room while a 1920×1080 screen still fits the docks and one view.
inline constexpr double ProjectorScale = 1.5;

} // namespace tokenroute::ui
