#!/usr/bin/env bash
# Builds boundwise and the demo project in examples/, then runs boundwise on
# the demo with the compile_commands.json its CMake build exports.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" >/dev/null
cmake -G Ninja -S "$root/examples" -B "$root/build/examples" >/dev/null
ninja -C "$root/build/examples" >/dev/null
cd "$root"
# Findings are the point of the demo: their exit code is not a failure.
build/bin/boundwise -p build/examples examples/src/*.cpp || true
