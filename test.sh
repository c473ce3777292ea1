#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole CTest suite. Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
installer/install-deps.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
start=$SECONDS
installer/build.sh Release
echo "build: $((SECONDS - start)) s"
start=$SECONDS
ctest --test-dir build/release --output-on-failure -j"$(nproc)" "$@"
echo "tests: $((SECONDS - start)) s"
start=$SECONDS
installer/sanitize.sh   # core, kernels and CLI tests under ASan+UBSan (build/asan)
echo "sanitizers: $((SECONDS - start)) s"
start=$SECONDS
installer/fuzz.sh       # every reader's fuzz target for a short run (build/fuzz)
echo "fuzz: $((SECONDS - start)) s"
