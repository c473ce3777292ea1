#!/usr/bin/env bash
# Installs what TokenRoute needs to build, test and run on Debian 12. Idempotent, and quiet when
# nothing is missing. CUDA is not installed here: it is used when /usr/local/cuda or nvcc exists.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git file
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6svg6 libqt6opengl6-dev qt6-qpa-plugins libgl-dev
  libboost-graph-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libsqlitecpp-dev
  libglpk-dev libbenchmark-dev libopenblas-dev
  clang libclang-rt-14-dev python3
  xvfb xauth desktop-file-utils appstream dpkg-dev fonts-dejavu-core fonts-noto-cjk
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: not root and no sudo; install as root: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Dependencies installed."
