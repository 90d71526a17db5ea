// Drives a real VS Code (code-server) in Debian's Chromium as a user would:
// installs the packaged extension, opens a project whose coroutine sleeps,
// and prints what the user sees, one `key: text` line each, for FileCheck:
// the squiggle, the inlay hint, the Problems list, the quick fixes at the
// finding, the hover, "Show diagnosis", the line once the NOLINT fix is
// applied, and the question a changed setting asks.
// Screenshots of each step go into <dir>.
//
//   node run.js <vsix> <boundwise-lsp> <fixture.cpp> <system headers> <dir>
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

const [vsix, server, fixture, headers, dir] = process.argv.slice(2);
const codeServer = path.join(__dirname, 'node_modules', '.bin', 'code-server');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
// code-server and VS Code take seconds each step on a loaded machine.
const stepTimeout = 120000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A workspace with the fixture, its compile command, and user settings. */
function prepare() {
  fs.rmSync(dir, { recursive: true, force: true });
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.copyFileSync(fixture, path.join(workspace, 'main.cpp'));
  // The project's configuration beside it (its coroutine task type).
  fs.copyFileSync(path.join(path.dirname(fixture), '.boundwise.yaml'),
                  path.join(workspace, '.boundwise.yaml'));
  fs.writeFileSync(path.join(workspace, 'compile_commands.json'),
    JSON.stringify([{
      directory: workspace,
      file: 'main.cpp',
      arguments: ['clang++', '-std=c++20', '-nostdinc++', '-isystem', headers,
                  '-c', 'main.cpp'],
    }]));
  const user = path.join(dir, 'user-data', 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify({
    'boundwise.path': server,
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
  }));
  return workspace;
}

function codeServerArgs() {
  return ['--auth', 'none', '--disable-telemetry', '--disable-update-check',
          '--disable-workspace-trust', '--disable-getting-started-override',
          '--user-data-dir', path.join(dir, 'user-data'),
          '--extensions-dir', path.join(dir, 'extensions'),
          '--config', path.join(dir, 'config.yaml')];
}

/** Starts code-server on a free port; resolves once it serves. */
async function startCodeServer(env) {
  const port = await freePort();
  const child = spawn(codeServer, [...codeServerArgs(), '--bind-addr',
                                   `127.0.0.1:${port}`], { env });
  const log = fs.createWriteStream(path.join(dir, 'code-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const deadline = Date.now() + stepTimeout;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return { child, url: `http://127.0.0.1:${port}` };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('code-server did not start; see code-server.log');
}

/** The text of every element matching \p selector, once one contains
 * \p expected. */
async function waitForText(page, selector, expected) {
  await page.waitForFunction((sel, text) =>
    [...document.querySelectorAll(sel)].some(
      (e) => e.innerText.replace(/\u00a0/g, ' ').includes(text)),
    { timeout: stepTimeout }, selector, expected);
  // innerText, not textContent: what is rendered, with the rows' line breaks
  // and without the style sheets some widgets carry.
  return page.$$eval(selector, (elements) =>
    elements.map((e) => e.innerText.replace(/\u00a0/g, ' ').trim()
      .replace(/\s*\n\s*/g, ' | '))
      .filter((t) => t));
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { visible: true });
  await page.keyboard.type(title);
  await waitForText(page, '.quick-input-list .monaco-list-row', title);
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyP');
  await page.keyboard.up('Control');
  await page.waitForSelector('.quick-input-widget input', { visible: true });
  await page.keyboard.type(name);
  await waitForText(page, '.quick-input-list .monaco-list-row', name);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { visible: true });
}

/** Puts the cursor at \p line, \p column (1-based) of the open editor. */
async function goTo(page, line, column) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyG');
  await page.keyboard.up('Control');
  await page.waitForSelector('.quick-input-widget input', { visible: true });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

async function userSees(page) {
  const shot = (name) => page.screenshot({ path: path.join(dir, name) });
  await openFile(page, 'main.cpp');
  await page.waitForSelector('.monaco-editor .squiggly-warning',
                             { timeout: stepTimeout });
  console.log('squiggle: warning');
  const hints = await waitForText(page, '.monaco-editor .view-lines',
                                  'I/O-bound');
  const hinted = hints.join('').match(/on_message\(int fd\)\s*(.*?)\s*\{/);
  console.log(`inlay hint: ${hinted ? hinted[1] : 'none'}`);

  await runCommand(page, 'View: Focus Problems');
  const problems = await waitForText(page, '.markers-panel .monaco-list-row',
                                     'blocking-in-async');
  problems.forEach((row) => console.log(`problem: ${row}`));
  await shot('problems.png');

  await goTo(page, 16, 3);
  await runCommand(page, 'Quick Fix...');
  const fixes = await waitForText(page, '.action-widget .monaco-list-row',
                                  'NOLINT');
  fixes.forEach((fix) => console.log(`quick fix: ${fix}`));
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  await goTo(page, 15, 6);
  await runCommand(page, 'Show or Focus Hover');
  const hover = await waitForText(page, '.monaco-hover-content',
                                  'Model that fits');
  console.log(`hover: ${hover[0]}`);
  await shot('hover.png');
  await page.keyboard.press('Escape');

  await runCommand(page, 'boundwise: Show diagnosis of this function');
  const messages = await waitForText(
    page, '.notifications-toasts .notification-list-item-message',
    'on_message');
  messages.forEach((message) => console.log(`diagnosis: ${message}`));
  const output = await waitForText(page, '.part.panel .view-lines',
                                   'Model that fits');
  output.forEach((text) => console.log(`diagnosis output: ${text}`));
  await shot('diagnosis.png');

  await goTo(page, 16, 3);
  await runCommand(page, 'Quick Fix...');
  await waitForText(page, '.action-widget .monaco-list-row', 'NOLINT');
  await page.keyboard.type('Suppress');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    !document.querySelector('.monaco-editor .squiggly-warning'),
    { timeout: stepTimeout });
  const fixed = await waitForText(page, '.monaco-editor .view-lines', 'NOLINT');
  console.log(`after the fix: ${fixed[0].split(' | ').find(
    (line) => line.includes('NOLINT'))}`);
  await shot('fixed.png');

  // A setting changed in the Settings editor: the extension asks before
  // restarting the server, and the restarted server applies it (no more
  // inlay hints).
  await runCommand(page, 'Preferences: Open User Settings');
  await page.waitForSelector('.settings-editor .suggest-input-container',
                             { visible: true, timeout: stepTimeout });
  await page.keyboard.type('boundwise.inlayHints');
  await waitForText(page, '.settings-editor .setting-item-bool',
                    'Inlay Hints');
  await page.click('.settings-editor .setting-item-bool .setting-value-checkbox');
  const asked = await waitForText(
    page, '.notifications-toasts .notification-list-item-message',
    'settings changed');
  console.log(`asked: ${asked.find((text) => text.includes('settings'))}`);
  const [button] = await page.$$('xpath/.//a[contains(@class,"monaco-button")]' +
                                 '[text()="Restart"]');
  await button.click();
  await openFile(page, 'main.cpp');
  await page.waitForFunction(() => !document.querySelector(
    '.monaco-editor .view-lines').innerText.includes('I/O-bound'),
    { timeout: stepTimeout });
  console.log('after the restart: no inlay hint');
  console.log(`screenshots: ${path.basename(dir)}/*.png`);
}

async function main() {
  const workspace = prepare();
  // Everything code-server writes stays under the test's directory.
  const env = { ...process.env, HOME: path.join(dir, 'home'),
                XDG_CONFIG_HOME: path.join(dir, 'config'),
                XDG_DATA_HOME: path.join(dir, 'data') };
  execFileSync(codeServer, [...codeServerArgs(), '--install-extension', vsix],
               { env, stdio: 'ignore' });
  const { child, url } = await startCodeServer(env);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--window-size=1400,900'],
    defaultViewport: { width: 1400, height: 900 },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: stepTimeout });
    // Key presses reach the workbench only once it has focus.
    await page.click('.monaco-workbench');
    await userSees(page).catch(async (error) => {
      await page.screenshot({ path: path.join(dir, 'failure.png') });
      throw error;
    });
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((error) => {
  console.error(`vscode-host: ${error.message}`);
  process.exit(1);
});
