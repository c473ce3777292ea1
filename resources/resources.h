#pragma once
// The compiled-in icons and style sheets live in a static library. A static library's resource
// registration can be dropped by the linker when nothing refers to it, so every executable calls
// initResources() once at start-up; calling it again is harmless.

namespace tokenroute {

void initResources();

} // namespace tokenroute
