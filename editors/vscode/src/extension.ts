// Starts boundwise-lsp for C and C++ files and registers the commands; the
// language client does the rest (diagnostics, hovers, code actions, inlay
// hints), as in vscode-clangd.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { registerDiagnosisCommand } from './diagnosis';
import {
  initializationOptions,
  readSettings,
  serverCommand,
} from './settings';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function createClient(): LanguageClient {
  const settings = readSettings((key) =>
    vscode.workspace.getConfiguration('boundwise').get(key));
  const folder = workspaceFolder();
  const { command, args } = serverCommand(settings, folder);
  const serverOptions: ServerOptions = {
    command,
    args,
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
      { scheme: 'untitled', language: 'c' },
      { scheme: 'untitled', language: 'cpp' },
    ],
    initializationOptions: initializationOptions(settings, folder),
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{compile_commands.json,.boundwise.yaml}'),
    },
  };
  return new LanguageClient('boundwise', 'boundwise', serverOptions,
                            clientOptions);
}

async function start(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    // Most often boundwise.path names no executable: say so and stay
    // activated, so that "Restart server" works once it is fixed.
    void vscode.window.showErrorMessage(
      `boundwise: cannot start the server (${String(error)}); ` +
      'check the boundwise.path setting');
  }
}

async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.dispose();
  await start();
}

// The server's command line and options come from the settings, so a change
// needs a new server; as vscode-clangd, ask first unless told otherwise.
async function onConfigChanged(): Promise<void> {
  const action = vscode.workspace.getConfiguration('boundwise')
    .get<string>('onConfigChanged');
  if (action === 'ignore') return;
  if (action === 'restart') return restart();
  const choice = await vscode.window.showInformationMessage(
    'boundwise: settings changed. Restart the server to apply them?',
    'Restart', 'Always restart');
  // The setting's own change event does the restart.
  if (choice === 'Always restart') {
    await vscode.workspace.getConfiguration('boundwise').update(
      'onConfigChanged', 'restart', vscode.ConfigurationTarget.Global);
    return;
  }
  if (choice === 'Restart') await restart();
}

export async function activate(
  context: vscode.ExtensionContext,
): Promise<void> {
  output = vscode.window.createOutputChannel('boundwise');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('boundwise.restart', restart),
    registerDiagnosisCommand(() => client),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('boundwise')) void onConfigChanged();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.dispose();
}
