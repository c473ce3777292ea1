#!/usr/bin/env bash
# Installs a built package on a brand-new minimal Debian 12 root with apt, as a user would, and runs
# what it installed from there: the CLI's version, catalogue and an evaluation of the shipped demo
# plan, and the window rendered offscreen to a PNG. Recommended packages are left out, so a missing
# Depends shows up here rather than on a user's machine.
# Usage (as root): installer/verify-deb.sh [DEB]   (default: the newest build/deb/packages/*.deb)
# Needs debootstrap and the Debian mirror; the minimal root is cached in /var/tmp/tokenroute-verify-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t build/deb/packages/tokenroute_*.deb 2>/dev/null | head -1)}
[[ -n $deb && -f $deb ]] || { echo "error: no package given and none in build/deb/packages (run installer/build-package.sh)" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "error: needs root to chroot" >&2; exit 2; }

cache=/var/tmp/tokenroute-verify-deb
base=$cache/bookworm-minbase.tar
mkdir -p "$cache"
if [[ ! -f $base ]]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "building a minimal Debian 12 root (once)..."
  debootstrap --variant=minbase bookworm "$cache/boot" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { echo "error: debootstrap failed, see $cache/debootstrap.log" >&2; exit 1; }
  tar -C "$cache/boot" -cf "$base" . && rm -rf "$cache/boot"
fi

root=$(mktemp -d /var/tmp/tokenroute-verify-root.XXXXXX)
cleanup() { umount "$root/proc" 2>/dev/null || true; rm -rf --one-file-system "$root"; }
trap cleanup EXIT
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin QT_QPA_PLATFORM=offscreen "$@"; }

name=$(basename "$deb")
echo "installing $name with apt (no recommended packages)..."
in_root bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/$name" \
  >"$cache/apt.log" 2>&1 || { tail -20 "$cache/apt.log"; echo "FAIL: apt could not install $name" >&2; exit 1; }
in_root tokenroute-cli --version
in_root tokenroute-cli catalog >/dev/null || { echo "FAIL: tokenroute-cli catalog" >&2; exit 1; }
in_root tokenroute-cli evaluate /usr/share/tokenroute/data/plans/demo.json >/dev/null \
  || { echo "FAIL: tokenroute-cli evaluate on the installed demo plan" >&2; exit 1; }
echo "tokenroute-cli: catalog and evaluate ran from /usr"
if in_root test -x /usr/bin/tokenroute; then
  in_root timeout 120 tokenroute --screenshot /tmp/window.png --size 1280x720 2>/dev/null \
    || { echo "FAIL: the installed window did not render" >&2; exit 1; }
  cp "$root/tmp/window.png" "$cache/window.png"
  echo "tokenroute: rendered the demo plan offscreen to $cache/window.png"
fi
echo "PASS: $name installs with apt on a minimal Debian 12 and runs"
