#!/usr/bin/env bash
# Configures and builds boundwise into build/ (Release, Ninja): every
# target, so that `cmake --install build` and `cpack` have all they install.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
cmake -G Ninja -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$root/build"
