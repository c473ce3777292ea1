#!/usr/bin/env bash
# Regenerates resources/screenshots/compare.png (the Compare tab: the demo plan against its
# one-GPU-pool variant, at a projector's 1280x720, taken offscreen by the compare test's screenshot
# case) and resources/screenshots/main-window-zh_TW.png (the main window in Traditional Chinese,
# the language taken from the locale as on a Taiwanese desktop).
# Usage: installer/screenshot-compare.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_compare tokenroute
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_compare/test_ui_compare" screenshot
echo "wrote resources/screenshots/compare.png"
LANGUAGE=zh_TW LC_ALL=zh_TW.UTF-8 LANG=zh_TW.UTF-8 "$build/app/tokenroute" data/plans/demo.json --select devices:h200 \
  --size 1280x720 --screenshot resources/screenshots/main-window-zh_TW.png
echo "wrote resources/screenshots/main-window-zh_TW.png"
