#!/usr/bin/env bash
# Builds the Debian package from the current build tree with CPack, unpacks it into a scratch root
# and checks what a user would get: the file name, the computed Depends, the install layout, the
# installed binaries running from there (and finding their data beside themselves, not in the source
# tree), and the desktop entry and AppStream metadata passing their validators.
# Usage: test_package.sh BUILD_DIR VERSION GUI(ON|OFF)
set -euo pipefail
build_dir=$1 version=$2 gui=$3
skip=77

for tool in cpack dpkg-deb dpkg-shlibdeps dpkg; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (installer/install-deps.sh adds it)"; exit $skip; }
done
if [[ $gui == ON ]]; then
  for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (installer/install-deps.sh adds it)"; exit $skip; }
  done
fi

scratch=$(mktemp -d /tmp/tokenroute-package-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Build the package.
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log"; fail "cpack did not build the package"; }
arch=$(dpkg --print-architecture)
deb=$scratch/out/tokenroute_${version}_${arch}.deb
[[ -f $deb ]] || { ls -l "$scratch/out"; fail "expected $deb"; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# 2. Its control fields: Depends is computed from the binaries, so it names libc and, with the
#    GUI, Qt; a hand-written or empty list would miss them.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ $depends == *libc6* ]] || fail "Depends lacks libc6: '$depends'"
[[ $depends == *libglpk* ]] || fail "Depends lacks GLPK: '$depends'"
if [[ $gui == ON ]]; then
  [[ $depends == *libqt6widgets6* ]] || fail "Depends lacks Qt Widgets: '$depends'"
fi
[[ $(dpkg-deb -f "$deb" Package) == tokenroute ]] || fail "package name is not tokenroute"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "package version is not $version"
[[ -n $(dpkg-deb -f "$deb" Maintainer) ]] || fail "no Maintainer"
[[ -n $(dpkg-deb -f "$deb" Section) ]] || fail "no Section"

# 3. Unpack and check the layout.
root=$scratch/root
dpkg-deb -x "$deb" "$root"
usr=$root/usr
expect=(bin/tokenroute-cli share/tokenroute/data/catalog/accelerators.json share/tokenroute/data/plans/demo.json
        share/man/man1/tokenroute-cli.1)
if [[ $gui == ON ]]; then
  expect+=(bin/tokenroute share/applications/io.tokenroute.TokenRoute.desktop
           share/metainfo/io.tokenroute.TokenRoute.metainfo.xml
           share/icons/hicolor/scalable/apps/io.tokenroute.TokenRoute.svg)
  for s in 16 22 24 32 48 64 128 256; do expect+=(share/icons/hicolor/${s}x${s}/apps/io.tokenroute.TokenRoute.png); done
fi
for f in "${expect[@]}"; do [[ -s $usr/$f ]] || fail "package lacks /usr/$f"; done
if [[ $gui == ON ]] && command -v file >/dev/null; then
  file "$usr/share/icons/hicolor/48x48/apps/io.tokenroute.TokenRoute.png" | grep -q "48 x 48" \
    || fail "the 48x48 icon is not 48 x 48 pixels"
fi
# Nothing from the build machine may be compiled in: no RPATH, no build-tree path.
for exe in "$usr"/bin/*; do
  if readelf -d "$exe" | grep -qE 'R(UN)?PATH'; then fail "$(basename "$exe") carries an RPATH"; fi
  if grep -qaF "$build_dir" "$exe"; then fail "$(basename "$exe") mentions the build tree $build_dir"; fi
done

# 4. Run the installed CLI from a directory outside the source tree, so the data it finds can only
#    be the package's own.
unset TOKENROUTE_DATA_DIR
cd "$scratch"
out=$("$usr/bin/tokenroute-cli" --version)
[[ $out == *"$version"* ]] || fail "tokenroute-cli --version printed '$out'"
catalog=$("$usr/bin/tokenroute-cli" catalog devices)
grep -q h200 <<<"$catalog" || fail "tokenroute-cli catalog devices does not list h200"
# Captured first: grep -q stops reading at the first match, which under pipefail would report the
# writer's SIGPIPE as a failure.
catalog_json=$("$usr/bin/tokenroute-cli" catalog --json)
grep -q '"source"' <<<"$catalog_json" || fail "catalog --json has no sources"
"$usr/bin/tokenroute-cli" plan show "$usr/share/tokenroute/data/plans/demo.json" >/dev/null \
  || fail "tokenroute-cli plan show cannot read the installed demo plan"
# Without the installed data the same command must fail: proof that it was reading the package's.
mv "$usr/share/tokenroute/data" "$usr/share/tokenroute/moved"
if "$usr/bin/tokenroute-cli" catalog devices >/dev/null 2>&1; then
  fail "tokenroute-cli found a catalogue although the package's data was moved away"
fi
mv "$usr/share/tokenroute/moved" "$usr/share/tokenroute/data"
echo "installed tokenroute-cli runs and reads /usr/share/tokenroute/data from the package"

# 5. Man page renders without warnings.
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$usr/share/man/man1/tokenroute-cli.1" 2>&1)
  [[ -z $warnings ]] || fail "man page warnings: $warnings"
fi

# 6. Desktop integration.
if [[ $gui == ON ]]; then
  QT_QPA_PLATFORM=offscreen "$usr/bin/tokenroute" --version | grep -q "$version" \
    || fail "installed tokenroute --version does not print $version"
  desktop-file-validate "$usr/share/applications/io.tokenroute.TokenRoute.desktop" \
    || fail "desktop-file-validate rejects the desktop entry"
  appstreamcli validate --no-net "$usr/share/metainfo/io.tokenroute.TokenRoute.metainfo.xml" \
    || fail "appstreamcli rejects the metainfo"
  grep -q '^Icon=io.tokenroute.TokenRoute$' "$usr/share/applications/io.tokenroute.TokenRoute.desktop" \
    || fail "the desktop entry's Icon is not the installed icon name"
fi
echo "PASS"
