#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root): installs what is
# missing, builds, then either runs IPC Lab or its whole test suite.
#   scripts/ipclab.sh run    build and run the default scenario
#   scripts/ipclab.sh test   build and run every test (what CI runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-run}"
build="${IPCLAB_BUILD_DIR:-$here/build}"

packages=(
    cmake ninja-build g++ pkg-config          # the build
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev   # Qt 6.4: Core, Widgets, Test, Linguist
    qt6-translations-l10n                     # Qt's own texts in 简体中文 (the file dialog's buttons)
    qt6-svg-dev libgif-dev                    # Qt Svg (the toolbar's icons, SVG export) and giflib (GIF export)
    poppler-utils                             # pdftotext: tst_export reads the PDF handout back
    libboost-dev libboost-filesystem-dev      # Boost 1.74: Boost.Process launches workers
    python3                                   # CPython: the reference the conformance tests compare against
    clang-14 libfuzzer-14-dev                 # the libFuzzer targets (-DIPCLAB_FUZZ=ON, docs/fuzzing.md)
    xvfb xauth imagemagick fonts-noto-cjk     # screenshots under Xvfb; the CJK font for 简体中文
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "ipclab: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"

case "$mode" in
run)
    shift || true
    exec "$build/app/ipclab" "$@"
    ;;
test)
    cd "$build"
    exec ctest --output-on-failure -j"$(nproc)"
    ;;
*)
    echo "usage: scripts/ipclab.sh [run|test]" >&2
    exit 2
    ;;
esac
