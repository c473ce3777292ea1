#!/usr/bin/env bash
# Regenerates resources/screenshots/workloads.png: the main window's Workloads tab on the demo plan
# at 1280x720 (a common projector; TOKENROUTE_SCREENSHOT_SIZE=WxH for another size), with the plan
# tree's problem badges beside it, taken offscreen by the plan tree's test (its screenshotWorkloads
# case), so the image is reproducible.
# Usage: installer/screenshot-workloads.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_structure
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_structure/test_ui_structure" screenshotWorkloads
echo "wrote resources/screenshots/workloads.png"
