#!/usr/bin/env bash
# Regenerates resources/screenshots/workloads.png: the main window's Workloads tab on the demo plan
# at 1600x1000, taken offscreen by the workload editor's test (its screenshot case), so the image
# is reproducible.
# Usage: installer/screenshot-workloads.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_workloads
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_workloads/test_ui_workloads" screenshot
echo "wrote resources/screenshots/workloads.png"
