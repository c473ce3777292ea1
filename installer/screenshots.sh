#!/usr/bin/env bash
# Regenerates the screenshots in resources/screenshots/ from the demo plan. Runs the application
# offscreen (no display needed) at a fixed size, so the images are reproducible.
# Usage: installer/screenshots.sh [BUILD_DIR]   (default build/release, built first when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [[ ! -x "$build/app/tokenroute" ]]; then
  installer/build.sh Release
  build=build/release
fi
export QT_QPA_PLATFORM=offscreen
mkdir -p resources/screenshots
"$build/app/tokenroute" data/plans/demo.json --select devices:h200 --size 1600x1000 \
  --screenshot resources/screenshots/main-window.png
echo "wrote resources/screenshots/main-window.png"
