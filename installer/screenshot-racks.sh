#!/usr/bin/env bash
# Regenerates resources/screenshots/racks.png: the rack designer on the demo plan at 1600x1000
# (TOKENROUTE_SCREENSHOT_SIZE=WxH for another size, e.g. 1280x720 to check a projector), taken
# offscreen by the rack designer's test (its screenshot case), so the image is reproducible.
# Usage: installer/screenshot-racks.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_racks
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_racks/test_ui_racks" screenshot
echo "wrote resources/screenshots/racks.png"
