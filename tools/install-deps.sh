#!/usr/bin/env bash
# Installs the Debian packages boundwise needs to build and test, skipping
# those already installed. Safe to run again.
set -euo pipefail

packages=(
  # toolchain: LLVM/Clang 22 (lit and FileCheck come with llvm-22-tools)
  llvm-22-dev libclang-22-dev clang-22 llvm-22-tools
  # libFuzzer and the sanitizers, for the language server's fuzzing test
  libclang-rt-22-dev
  cmake ninja-build nlohmann-json3-dev python3
  # real libraries the tests and the examples compile against
  libboost-dev libuv1-dev libcurl4-openssl-dev libsqlite3-dev libpq-dev
  pybind11-dev python3-dev libevent-dev libglib2.0-dev
  libev-dev libwebsockets-dev qtbase5-dev libgtk-3-dev
  # the catalog's POSIX cancellation-point check reads YAML
  python3-yaml
  # unit tests of the language server
  libgtest-dev
  # --export-fixes is tested with clang-apply-replacements; SARIF logs are
  # validated with ajv from npm (npm: below)
  clang-tools-22 nodejs
  # the project's own C++ is checked against its .clang-format
  clang-format-22
  # the Neovim plugin's test (editors/nvim) runs in Debian's Neovim
  neovim
  # the pre-commit hook is tested with the real pre-commit, in a git repository
  pre-commit git
  # the VS Code extension is tested in a real VS Code host: code-server from
  # npm (its native modules build with these; Debian's ripgrep stands in for
  # the one it would download from GitHub), driven in Debian's Chromium
  chromium ripgrep libkrb5-dev pkg-config g++ make
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q "install ok installed" || missing+=("$package")
done
# Debian's npm, unless an npm is there already (Node.js's own packages ship
# one, and conflict with Debian's).
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "boundwise: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
