#!/usr/bin/env bash
# Regenerates resources/screenshots/charts.png: the Charts page at 1280x720 on a copy of the demo
# plan that holds a simulation run and a benchmark run, taken offscreen by the Charts test (its
# screenshot case stores both runs itself), so the image is reproducible without a display.
# Usage: installer/screenshot-charts.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_plan_charts
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_charts/test_plan_charts" screenshot
echo "wrote resources/screenshots/charts.png"
