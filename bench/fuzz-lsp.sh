#!/usr/bin/env bash
# Builds boundwise-lsp's libFuzzer target (clang-22, -fsanitize=fuzzer,address)
# in a build tree of its own and runs it, seeded with the framed lit
# transcripts of test/lsp and the seeds of fuzz-seeds.py (documents churned
# through the worker pool, deeply nested JSON and source).
#
#   bench/fuzz-lsp.sh [seconds]     # default 600
#
# Environment: BUILD (default build-fuzz beside the sources; an absolute
# path), JOBS (-jobs of libFuzzer, default 1), TIMEOUT (seconds one input may
# take, default 10; more on a loaded machine, where an ASan parse of
# <string> can take 15). Crashes land in $BUILD/fuzz-artifacts/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
build=${BUILD:-$root/build-fuzz}

cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_CXX_FLAGS="-fsanitize=address -gline-tables-only" \
  -DBOUNDWISE_LSP_FUZZER=ON >/dev/null
ninja -C "$build" boundwise-lsp-fuzzer

corpus=$build/fuzz-corpus
mkdir -p "$corpus" "$build/fuzz-artifacts"
for transcript in "$root"/test/lsp/*.test; do
  python3 "$root/test/tools/frame.py" "$transcript" \
    "$corpus/$(basename "$transcript" .test)"
done
python3 "$root/bench/fuzz-seeds.py" "$corpus"

# libFuzzer writes fuzz-<job>.log into the working directory: the build
# tree's, not the sources'.
cd "$build"
# Parsing C++ is slow next to fuzzing JSON: allow 10 s per input. Inputs may
# be large enough to nest deeply; most stay small, as the seeds are.
"$build/bin/boundwise-lsp-fuzzer" "$corpus" \
  -artifact_prefix="$build/fuzz-artifacts/" -max_total_time="$seconds" \
  -timeout="${TIMEOUT:-10}" -max_len=262144 -rss_limit_mb=4096 -print_final_stats=1 \
  -jobs="${JOBS:-1}"
