#!/usr/bin/env bash
# Regenerates resources/screenshots/costs.png: the Costs tab on the demo plan at 1600x1000, taken
# offscreen by the charts test (its screenshot case), so the image is reproducible.
# Usage: installer/screenshot-costs.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_charts
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_charts/test_ui_charts" screenshot
echo "wrote resources/screenshots/costs.png"
