#!/usr/bin/env bash
# Configures and builds TokenRoute into build/<type> (shared by run.sh and test.sh).
# Usage: installer/build.sh [Release|Debug] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-Release}; shift || true
dir=build/${type,,}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f "$dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
fi
cmake --build "$dir" -j"$(nproc)"
