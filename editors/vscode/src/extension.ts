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

export async function activate(
  context: vscode.ExtensionContext,
): Promise<void> {
  output = vscode.window.createOutputChannel('boundwise');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('boundwise.restart', restart),
    registerDiagnosisCommand(() => client),
    // The command line changes with the settings: start a new server.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('boundwise')) void restart();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.dispose();
}
