// The mapping of the extension's settings to boundwise-lsp's command line
// and initialization options.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  checksGlob,
  defaults,
  initializationOptions,
  readSettings,
  serverCommand,
  Settings,
  substitute,
} from '../src/settings';

function settings(overrides: Partial<Settings>): Settings {
  return { ...defaults, ...overrides };
}

test('defaults: the server from PATH, no arguments, inlay hints on', () => {
  assert.deepEqual(serverCommand(defaults),
                   { command: 'boundwise-lsp', args: [] });
  assert.deepEqual(initializationOptions(defaults), { inlayHints: true });
});

test('the path of the server, with ${workspaceFolder}', () => {
  const s = settings({ path: '${workspaceFolder}/build/bin/boundwise-lsp' });
  assert.equal(serverCommand(s, '/src/app').command,
               '/src/app/build/bin/boundwise-lsp');
  // Without a workspace folder the variable stays.
  assert.equal(serverCommand(s).command,
               '${workspaceFolder}/build/bin/boundwise-lsp');
  assert.equal(serverCommand(settings({ path: '  ' })).command,
               'boundwise-lsp');
});

test('the compile-commands directory becomes --compile-commands-dir', () => {
  assert.deepEqual(
    serverCommand(settings({ compileCommandsDir: '${workspaceRoot}/build' }),
                  '/w').args,
    ['--compile-commands-dir=/w/build']);
  assert.deepEqual(serverCommand(settings({ compileCommandsDir: ' ' })).args,
                   []);
});

test('extra arguments come last, as given', () => {
  const s = settings({
    compileCommandsDir: '/b',
    arguments: ['--log=verbose', '--debounce-ms=50',
                '--input-mirror-file=${workspaceFolder}/in.log'],
  });
  assert.deepEqual(serverCommand(s, '/w').args, [
    '--compile-commands-dir=/b', '--log=verbose', '--debounce-ms=50',
    '--input-mirror-file=/w/in.log',
  ]);
});

test('inlay hints on and off', () => {
  assert.equal(initializationOptions(settings({ inlayHints: false }))
                 .inlayHints, false);
  assert.equal(initializationOptions(settings({ inlayHints: true }))
                 .inlayHints, true);
});

test('enabled rules: only those run', () => {
  assert.equal(checksGlob([]), undefined);
  assert.equal(checksGlob(['', ' ']), undefined);
  assert.equal(checksGlob(['blocking-in-async']), '-*,blocking-in-async');
  assert.equal(checksGlob([' blocking-in-async', 'cpu-*', '-cpu-on-thread-pool']),
               '-*,blocking-in-async,cpu-*,-cpu-on-thread-pool');
  assert.equal(
    initializationOptions(settings({ enabledRules: ['io-holding-gil'] }))
      .checks,
    '-*,io-holding-gil');
});

test('fallback flags, with ${workspaceFolder}', () => {
  assert.deepEqual(
    initializationOptions(
      settings({ fallbackFlags: ['-std=c++20', '-I${workspaceFolder}/inc'] }),
      '/w').fallbackFlags,
    ['-std=c++20', '-I/w/inc']);
});

test('readSettings: missing or mistyped values fall back to defaults', () => {
  assert.deepEqual(readSettings(() => undefined), defaults);
  const values: Record<string, unknown> = {
    path: 42,
    compileCommandsDir: '/b',
    enabledRules: ['blocking-in-async', 3],
    inlayHints: 'no',
    arguments: ['--log=error'],
    fallbackFlags: null,
  };
  assert.deepEqual(readSettings((k) => values[k]), {
    ...defaults,
    compileCommandsDir: '/b',
    arguments: ['--log=error'],
  });
});

test('substitute leaves other variables alone', () => {
  assert.equal(substitute('${env:HOME}/${workspaceFolder}', '/w'),
               '${env:HOME}//w');
});

test('an untrusted workspace cannot choose the program run or its arguments',
     () => {
  // A repository's .vscode/settings.json could otherwise name any program
  // as the server, or arguments that write files (--input-mirror-file).
  const manifest = JSON.parse(readFileSync(
    join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const properties = manifest.contributes.configuration.properties;
  for (const name of ['boundwise.path', 'boundwise.arguments']) {
    assert.ok(untrusted.restrictedConfigurations.includes(name), name);
    assert.equal(properties[name].scope, 'machine-overridable', name);
  }
});

test('jobs sizes the pool of the server; 0 and bad values leave the default', () => {
  assert.equal(initializationOptions(settings({ jobs: 2 })).jobs, 2);
  assert.equal(initializationOptions(settings({ jobs: 0 })).jobs, undefined);
  assert.equal(readSettings((k) => (k === 'jobs' ? 3 : undefined)).jobs, 3);
  assert.equal(readSettings((k) => (k === 'jobs' ? -1 : undefined)).jobs, 0);
  assert.equal(readSettings((k) => (k === 'jobs' ? 1.5 : undefined)).jobs, 0);
});
