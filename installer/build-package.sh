#!/usr/bin/env bash
# Builds the Debian package tokenroute_<version>_<arch>.deb and prints where it wrote it.
# Usage: installer/build-package.sh [--cuda OFF|AUTO|ON] [--build-dir DIR]
# CUDA is OFF by default so the package runs on any machine; AUTO or ON link the kernels against
# the static CUDA runtime, so the package then needs the NVIDIA driver but no CUDA toolkit.
set -euo pipefail
cd "$(dirname "$0")/.."
cuda=OFF
dir=build/deb
while [[ $# -gt 0 ]]; do
  case $1 in
    --cuda) cuda=${2:?--cuda needs OFF, AUTO or ON}; shift 2 ;;
    --build-dir) dir=${2:?--build-dir needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case $cuda in OFF|AUTO|ON) ;; *) echo "error: --cuda must be OFF, AUTO or ON, got '$cuda'" >&2; exit 2 ;; esac

installer/install-deps.sh
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DTOKENROUTE_CUDA="$cuda" \
      -DTOKENROUTE_BUILD_GUI=ON -DTOKENROUTE_BUILD_BENCHMARKS=OFF >/dev/null
# Only what the package installs (app/CMakeLists.txt, cmake/TokenRoutePackaging.cmake): the tests
# are not needed for it.
cmake --build "$dir" -j"$(nproc)" --target tokenroute-cli tokenroute tokenroute_icons
rm -rf "$dir/packages"
cpack --config "$dir/CPackConfig.cmake" -G DEB -B "$dir/packages" >"$dir/cpack.log" 2>&1 \
  || { cat "$dir/cpack.log" >&2; echo "error: cpack failed" >&2; exit 1; }
deb=$(ls "$dir"/packages/tokenroute_*.deb)
echo "Wrote $(realpath "$deb")"
echo "Install it with: sudo apt install $(realpath "$deb")"
