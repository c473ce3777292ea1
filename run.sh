#!/usr/bin/env bash
# Installs what is missing, builds in Release, and opens TokenRoute on the demo plan (or PLAN).
# With no display it says so and prints the demo plan's summary from the CLI instead.
set -euo pipefail
cd "$(dirname "$0")"
installer/install-deps.sh
installer/build.sh Release
plan=${1:-data/plans/demo.json}
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec build/release/app/tokenroute "$plan"
fi
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): showing the plan in the terminal instead."
echo "Run the window with a display, e.g. 'xvfb-run ./run.sh' or from a desktop session."
echo
build/release/app/tokenroute-cli plan show "$plan"
if build/release/app/tokenroute-cli evaluate --help >/dev/null 2>&1; then
  echo
  build/release/app/tokenroute-cli evaluate "$plan"
fi
