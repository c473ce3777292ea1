#!/usr/bin/env bash
# Regenerates resources/screenshots/memory.png: the memory tiers of the demo plan's H200 decode pool
# for the coding agent at 1280x720, taken offscreen by the memory view's test (its screenshot case),
# so the image is reproducible.
# Usage: installer/screenshot-memory.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_ui_memory
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
TOKENROUTE_SCREENSHOT_DIR="$PWD/resources/screenshots" "$build/tests/ui_memory/test_ui_memory" memoryScreenshot
echo "wrote resources/screenshots/memory.png"
