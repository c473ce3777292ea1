#!/usr/bin/env bash
# Regenerates resources/screenshots/teaching.png: teaching mode on the demo plan at 1280x720, a
# third of the way through the decode phase of the coding agent's request, taken offscreen by the
# teaching test (its screenshot case), so the image is reproducible.
# Usage: installer/screenshot-teaching.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_teaching
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_teaching/test_ui_teaching" teachingScreenshot
echo "wrote resources/screenshots/teaching.png"
