#pragma once
// Running Qt where there may be no display: the report command and the app's --screenshot, --help
// and --version draw into memory (the offscreen platform) instead of failing to open one.

namespace tokenroute::ui {

// DISPLAY or WAYLAND_DISPLAY is set, or the user chose a platform with QT_QPA_PLATFORM.
bool displayOrPlatformChosen();

// Picks the offscreen platform unless a display is there or a platform was chosen. Call before
// the QApplication is made.
void chooseHeadlessPlatform();

} // namespace tokenroute::ui
