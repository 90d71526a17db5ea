#!/usr/bin/env bash
# Builds boundwise and runs the whole lit test suite. The last line is
# "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
# The language server's libFuzzer target (clang-22 with ASan), for the
# short fuzzing run among the tests.
cmake -G Ninja -S "$root" -B "$root/build/fuzz" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_CXX_FLAGS="-fsanitize=address -gline-tables-only" \
  -DBOUNDWISE_LSP_FUZZER=ON >/dev/null &&
  ninja -C "$root/build/fuzz" boundwise-lsp-fuzzer >/dev/null ||
  echo "boundwise: the fuzzer did not build; its test is skipped" >&2
# ajv, to validate SARIF logs against the SARIF 2.1.0 schema, from the
# lockfile; without it (no npm, no registry) those tests are unsupported.
npm ci --prefix "$root/test/sarif" --silent --no-audit --no-fund \
  >/dev/null 2>&1 ||
  echo "boundwise: npm ci in test/sarif failed; the SARIF schema tests are skipped" >&2
# puppeteer-core, which reads the HTML report in Debian's Chromium
# (test/report/html.test), from the lockfile.
npm ci --prefix "$root/test/report" --silent --no-audit --no-fund \
  >/dev/null 2>&1 ||
  echo "boundwise: npm ci in test/report failed; the HTML report test is skipped" >&2
# The VS Code extension's packages, from its lockfile, for
# test/editors/vscode.test; without npm that test is unsupported.
if command -v npm >/dev/null; then
  npm ci --prefix "$root/editors/vscode" --prefer-offline --silent \
    --no-audit --no-fund >/dev/null 2>&1 ||
    echo "boundwise: npm ci in editors/vscode failed" >&2
fi
# A real VS Code host (code-server) for test/editors/vscode-host.test, where
# Debian's Chromium is installed; without it that test is unsupported.
if command -v npm >/dev/null && command -v chromium >/dev/null; then
  "$root/test/editors/vscode-host/install.sh" >/dev/null 2>&1 ||
    echo "boundwise: code-server did not install; the VS Code host test is skipped" >&2
fi
log=$(mktemp)
ninja -C "$root/build" check 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE '^ *Passed *: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
failed=$(grep -oE '^ *Failed *: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
rm -f "$log"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
