#!/usr/bin/env bash
# GPU check for the kernels: builds with CUDA for sm_90 (H100/H200), runs the CUDA parity tests and
# the full CUDA benchmark, then the CPU benchmark of the same machine, and leaves the JSON and the
# logs under $OUT (default ./device-check-out). Meant for a fresh GPU machine; under 8 minutes on an
# H200 with 16 cores. Each step's log is kept even when a later step fails; the exit status is the
# first failure's.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/device-check-out}"
build="${BUILD_DIR:-$root/build/device-check}"
mkdir -p "$out"
status=0
# At most 8 files come back from $OUT, so related steps share a log.
step() { # step NAME LOG TIMEOUT_S COMMAND... : runs with a time limit, appends to $out/LOG.log
  local name="$1" log="$2" limit="$3"; shift 3
  local start=$SECONDS
  echo "== $name" | tee -a "$out/summary.log"
  timeout "$limit" "$@" >>"$out/$log.log" 2>&1
  local rc=$?
  echo "   exit $rc after $((SECONDS - start)) s" | tee -a "$out/summary.log"
  [[ $rc -ne 0 && $status -eq 0 ]] && status=$rc
  return $rc
}

{
  echo "started $(date -u +%FT%TZ) on $(hostname)"
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv 2>&1 || echo "nvidia-smi not available"
  nproc
} >"$out/summary.log" 2>&1

# A bare machine may lack the build dependencies (Qt Test, OpenBLAS, CLI11, ...). A machine that
# cannot reach a package mirror gets them from .deb files carried next to the tree: on a machine
# with the same Debian release, `cd .device-debs && apt-get download <the packages in
# installer/install-deps.sh and their -dev dependencies>`, then carry that folder (DEPS_DEBS).
debs="${DEPS_DEBS:-$root/.device-debs}"
if compgen -G "$debs/*.deb" >/dev/null; then
  echo "== unpacking $(ls "$debs"/*.deb | wc -l) carried packages" | tee -a "$out/summary.log"
  for f in "$debs"/*.deb; do dpkg -x "$f" / ; done
  ldconfig
elif ! command -v cmake >/dev/null || ! dpkg-query -W libopenblas-dev qt6-base-dev libcli11-dev >/dev/null 2>&1; then
  step install-deps build 300 bash "$root/installer/install-deps.sh"
fi
export PATH="/usr/local/cuda/bin:$PATH"

jobs=$(nproc)
step configure build 120 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOKENROUTE_CUDA=ON \
  -DTOKENROUTE_BUILD_GUI=OFF -DTOKENROUTE_BUILD_BENCHMARKS=OFF -DCMAKE_CUDA_ARCHITECTURES=90 || { echo "configure failed"; exit $status; }
step build build "${BUILD_TIMEOUT:-300}" cmake --build "$build" --target tokenroute-cli test_kernels test_kernels_cuda -j"$jobs" || { echo "build failed"; exit $status; }

step test-cuda test-cuda 180 "$build/tests/kernels/test_kernels_cuda"
step test-cpu test-cpu 120 "$build/tests/kernels/test_kernels"
# Full CUDA benchmark first (the figures that matter here), then the CPU of the same machine.
# BENCH_FLAGS (e.g. --quick) shortens both runs, BUILD_TIMEOUT (s) lengthens the build, when
# checking the script itself on a slow machine.
flags="${BENCH_FLAGS:-}"
step bench-cuda bench-cuda 240 bash -c "'$build/app/tokenroute-cli' bench --device cuda --json $flags >'$out/bench-cuda.json'"
step bench-cpu bench-cpu 180 bash -c "'$build/app/tokenroute-cli' bench --device cpu --json $flags >'$out/bench-cpu.json'"

echo "finished $(date -u +%FT%TZ), status $status" | tee -a "$out/summary.log"
exit $status
