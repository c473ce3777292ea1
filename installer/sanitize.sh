#!/usr/bin/env bash
# Builds the core, the kernels, the CLI and their tests with AddressSanitizer and UBSan (the asan
# preset: Debug at -O1, no GUI, no CUDA) into build/asan and runs them; any report fails the run.
# Only the targets that the selected tests run are built, so the stage stays small.
# Usage: installer/sanitize.sh [extra ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/asan
[[ -f "$dir/CMakeCache.txt" ]] || cmake --preset asan >/dev/null
cmake "$dir" >/dev/null   # pick up test folders added since the last configure

# The test executables the selected tests run (a test named after a target runs that target), and
# the CLI, which the cli-labelled tests and the crash test launch.
exclude='gui|package|fuzz'
mapfile -t targets < <(python3 - "$dir" "$exclude" <<'PY'
import json, re, subprocess, sys
build, exclude = sys.argv[1], sys.argv[2]
listing = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1", "-LE", exclude],
                         check=True, capture_output=True, text=True).stdout
tests = {t["name"] for t in json.loads(listing)["tests"]}
ninja = subprocess.run(["ninja", "-C", build, "-t", "targets", "all"], check=True, capture_output=True, text=True).stdout
targets = {re.split(r"[: ]", line)[0] for line in ninja.splitlines()}
for name in sorted(tests & targets | {"tokenroute-cli"}):
    print(name)
PY
)
cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)" -LE "$exclude" "$@"
