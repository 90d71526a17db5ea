#!/usr/bin/env bash
# Installs code-server (a real VS Code host) and puppeteer-core from the
# lockfile, for test/editors/vscode-host.test. code-server's own postinstall
# would download ripgrep from GitHub, which is not reachable: the same steps
# are done here with Debian's ripgrep instead. Safe to run again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
vscode=node_modules/code-server/lib/vscode
# Already installed from this lockfile: nothing to do.
[ -f node_modules/.boundwise-installed ] &&
  cmp -s package-lock.json node_modules/.boundwise-installed && exit 0

npm ci --ignore-scripts --silent --no-audit --no-fund
# Native modules of code-server itself (the password hasher it loads).
npm_config_yes=true npm rebuild argon2 --silent
# VS Code's own dependencies, as code-server's postinstall.sh installs them.
(cd "$vscode" && npm install --omit=dev --ignore-scripts --silent --no-audit --no-fund)
# With a bin/ folder in place, @vscode/ripgrep's postinstall downloads nothing.
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
# node-pty's install script runs node-gyp through npx: allow npx to fetch it.
(cd "$vscode" && npm_config_yes=true npm rebuild --silent)
(cd "$vscode/extensions" && npm install --omit=dev --silent --no-audit --no-fund)
ln -sfn node_modules "$vscode/node_modules.asar"
ln -sf code-linux.sh "$vscode/bin/remote-cli/code-server"
ln -sf browser-linux.sh "$vscode/bin/helpers/browser.sh"
cp package-lock.json node_modules/.boundwise-installed
