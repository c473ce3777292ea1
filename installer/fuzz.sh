#!/usr/bin/env bash
# Builds the reader fuzz targets (the fuzz preset: clang, libFuzzer, ASan+UBSan, core only) into
# build/fuzz and runs them.
#   installer/fuzz.sh           the short runs CTest knows (label "fuzz", TOKENROUTE_FUZZ_SECONDS each)
#   installer/fuzz.sh SECONDS [TARGET...]
#                               every target (or those named) for SECONDS, FUZZ_JOBS at a time
#                               (default: the core count), each with its own working corpus in
#                               build/fuzz/fuzz-corpus; prints executions, exec/s and coverage per
#                               target at the end.
# A crash leaves its input in build/fuzz/fuzz-artifacts and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/fuzz
[[ -f "$dir/CMakeCache.txt" ]] || cmake --preset fuzz >/dev/null
cmake "$dir" >/dev/null
cmake --build "$dir" -j"$(nproc)" --target fuzzers

if [[ $# -eq 0 ]]; then
  exec ctest --test-dir "$dir" --output-on-failure -j"$(nproc)" -L fuzz
fi

seconds=$1
shift
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "usage: $0 [SECONDS]" >&2; exit 2; }
jobs=${FUZZ_JOBS:-$(nproc)}
ctest --test-dir "$dir" -R '^fuzz_seeds$' >/dev/null   # the SQLite seeds
logs=$dir/fuzz-logs
mkdir -p "$logs"

# Each target's arguments are CTest's own (corpus and seed folders), with the time replaced.
mapfile -t names < <(ctest --test-dir "$dir" -N -L fuzz | sed -n 's/^ *Test *#[0-9]*: \(fuzz_[a-z_]*\)$/\1/p' | grep -v '^fuzz_seeds$')
[[ $# -gt 0 ]] && names=("$@")
command_of() {
  # The selection also lists the seed fixture the target requires; take the target's own entry.
  ctest --test-dir "$dir" --show-only=json-v1 -R "^$1\$" | python3 -c '
import json, sys
t = next(t for t in json.load(sys.stdin)["tests"] if t["name"] == sys.argv[1])
print("\n".join(t["command"]))' "$1"
}

failed=0
run_one() {
  local name=$1
  mapfile -t cmd < <(command_of "$name")
  cmd=("${cmd[@]/#-max_total_time=*/-max_total_time=$seconds}")
  if "${cmd[@]}" >"$logs/$name.log" 2>&1; then echo "$name: ok"; else echo "$name: FAILED (see $logs/$name.log)"; return 1; fi
}
for name in "${names[@]}"; do
  while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do wait -n || failed=1; done
  run_one "$name" &
done
while [[ $(jobs -rp | wc -l) -gt 0 ]]; do wait -n || failed=1; done

printf '\n%-22s %14s %10s %8s %8s %8s\n' target executions exec/s cov ft corpus
for name in "${names[@]}"; do
  log=$logs/$name.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%-22s %14s %10s %8s %8s %8s\n' "$name" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}"
done
exit $failed
