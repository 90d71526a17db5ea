// End to end: a client built on vscode-languageserver-protocol (the protocol
// library of vscode-languageclient) starts the built boundwise-lsp with the
// command line and initialization options the extension's settings map to,
// opens a fixture project, and checks the diagnostics, a hover and a code
// action. BOUNDWISE_LSP names the server (default: the build beside the
// sources); BOUNDWISE_MOCK_HEADERS the stub system headers.
import { strict as assert } from 'node:assert';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import {
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  Diagnostic,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  MarkupContent,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol';

import {
  defaults,
  initializationOptions,
  serverCommand,
  Settings,
} from '../src/settings';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const server = process.env.BOUNDWISE_LSP ||
  path.join(repo, 'build', 'bin', 'boundwise-lsp');
const headers = process.env.BOUNDWISE_MOCK_HEADERS ||
  path.join(repo, 'test', 'rules', 'Inputs', 'Headers');
const fixture = path.resolve(__dirname, '..', '..', 'test', 'fixture');

let dir: string;
let main: string;
let uri: string;

/** A server started as the extension starts it, with the fixture open. */
interface Session {
  child: ChildProcess;
  connection: ProtocolConnection;
  stderr: string[];
  /** The first diagnostics published for the fixture. */
  diagnostics: Promise<PublishDiagnosticsParams>;
}

async function startSession(overrides: Partial<Settings>): Promise<Session> {
  const settings: Settings = {
    ...defaults,
    path: server,
    // The compilation database is not beside the sources: the extension's
    // compileCommandsDir setting points the server at it.
    compileCommandsDir: '${workspaceFolder}/build',
    enabledRules: ['blocking-in-async'],
    arguments: ['--log=error'],
    ...overrides,
  };
  const { command, args } = serverCommand(settings, dir);
  assert.deepEqual(args, [`--compile-commands-dir=${dir}/build`,
                          '--log=error']);
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d) => stderr.push(d.toString()));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri) resolve(p);
    });
  });
  connection.listen();

  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
    initializationOptions: initializationOptions(settings, dir),
    workspaceFolders: null,
  });
  assert.ok(result.capabilities.hoverProvider, 'no hover provider');
  assert.ok(result.capabilities.codeActionProvider, 'no code actions');
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: {
      uri,
      languageId: 'cpp',
      version: 1,
      text: fs.readFileSync(main, 'utf8'),
    },
  });
  return { child, connection, stderr, diagnostics };
}

async function stopSession(session: Session): Promise<void> {
  const { child, connection, stderr } = session;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await exited;
  connection.dispose();
  assert.equal(child.exitCode, 0, stderr.join(''));
}

let session: Session;
let connection: ProtocolConnection;
let diagnostics: Promise<PublishDiagnosticsParams>;

before(async () => {
  assert.ok(fs.existsSync(server), `no boundwise-lsp at ${server}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boundwise-vscode-'));
  main = path.join(dir, 'main.cpp');
  fs.copyFileSync(path.join(fixture, 'main.cpp'), main);
  fs.copyFileSync(path.join(fixture, '.boundwise.yaml'),
                  path.join(dir, '.boundwise.yaml'));
  uri = pathToFileURL(main).href;
  const build = path.join(dir, 'build');
  fs.mkdirSync(build);
  fs.writeFileSync(path.join(build, 'compile_commands.json'), JSON.stringify([{
    directory: dir,
    file: main,
    arguments: ['clang++', '-std=c++20', '-nostdinc++', '-isystem', headers,
                '-c', main],
  }]));
  session = await startSession({});
  connection = session.connection;
  diagnostics = session.diagnostics;
});

after(async () => {
  if (session) await stopSession(session);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const sleepLine = 15; // zero-based: "  sleep(1);"

async function blockingDiagnostic(): Promise<Diagnostic> {
  const published = await diagnostics;
  const found = published.diagnostics.filter(
    (d) => d.code === 'blocking-in-async');
  assert.equal(found.length, 1,
               JSON.stringify(published) + session.stderr.join(''));
  return found[0];
}

test('the coroutine that sleeps is a blocking-in-async finding', async () => {
  const d = await blockingDiagnostic();
  assert.equal(d.range.start.line, sleepLine);
  assert.equal(d.source, 'boundwise');
  assert.match(d.message, /'on_message' is a coroutine, but it calls 'sleep'/);
});

test('hovering the coroutine shows its diagnosis', async () => {
  await diagnostics;
  const hover = await connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: { line: sleepLine - 1, character: 6 },
  });
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  const text = contents.value;
  assert.match(text, /^### `on_message`/);
  assert.match(text, /sleep/);
});

test('the light bulb offers the NOLINT suppression', async () => {
  const d = await blockingDiagnostic();
  const actions = await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  assert.ok(actions && actions.length > 0, 'no code action');
  const nolint = (actions as CodeAction[]).find(
    (a) => a.title === 'Suppress with // NOLINT(blocking-in-async)');
  assert.ok(nolint, JSON.stringify(actions));
  assert.equal(nolint.kind, 'quickfix');
  const edits = nolint.edit?.changes?.[uri];
  assert.ok(edits && edits.length === 1, JSON.stringify(nolint.edit));
  assert.equal(edits[0].newText, '  // NOLINT(blocking-in-async)');
  assert.equal(edits[0].range.start.line, sleepLine);
});

test('inlay hints carry the verdicts', async () => {
  await diagnostics;
  const hints = await connection.sendRequest(InlayHintRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 },
             end: { line: 20, character: 0 } },
  });
  assert.ok(hints && hints.length > 0, 'no inlay hint');
  assert.ok(hints.some((h) => JSON.stringify(h.label).includes('I/O-bound')),
            JSON.stringify(hints));
});

test('with inlay hints off in the settings, none', async () => {
  const off = await startSession({ inlayHints: false });
  try {
    await off.diagnostics;
    const hints = await off.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 },
               end: { line: 20, character: 0 } },
    });
    assert.deepEqual(hints ?? [], []);
  } finally {
    await stopSession(off);
  }
});
