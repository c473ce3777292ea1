#!/usr/bin/env bash
# Regenerates resources/screenshots/flow.png: the routing Sankey on the demo plan at 1280x720,
# taken offscreen by the flow view's test (its screenshot case), so the image is reproducible.
# Usage: installer/screenshot-flow.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_flow
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_flow/test_ui_flow" initTestCase flowScreenshot
echo "wrote resources/screenshots/flow.png"
