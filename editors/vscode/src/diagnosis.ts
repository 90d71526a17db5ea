// "Show diagnosis of this function": the server's hover at the cursor (a
// function's verdict, the model that fits and why), in an output channel,
// with its first line as an information message.
import * as vscode from 'vscode';
import { HoverRequest, LanguageClient } from 'vscode-languageclient/node';

/** The text of a hover's contents, whichever of the LSP shapes it has. */
export function hoverText(contents: unknown): string {
  if (contents === null || contents === undefined) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n\n');
  if (typeof contents === 'object' && 'value' in contents) {
    const value = (contents as { value: unknown }).value;
    return typeof value === 'string' ? value : '';
  }
  return '';
}

let channel: vscode.OutputChannel | undefined;

async function showDiagnosis(client: LanguageClient | undefined) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('boundwise: no open editor');
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(
      'boundwise: the server is not running');
    return;
  }
  const params = client.code2ProtocolConverter.asTextDocumentPositionParams(
    editor.document, editor.selection.active);
  const hover = await client.sendRequest(HoverRequest.type, params);
  const text = hoverText(hover?.contents).trim();
  if (!text) {
    void vscode.window.showInformationMessage(
      'boundwise: put the cursor on a function\'s name (its definition or ' +
      'a call) to see its diagnosis');
    return;
  }
  channel ??= vscode.window.createOutputChannel('boundwise diagnosis');
  channel.clear();
  channel.appendLine(text);
  channel.show(true);
  const first = text.split('\n').find((l) => l.trim()) ?? text;
  void vscode.window.showInformationMessage(
    first.replace(/^#+\s*/, '').replace(/`/g, ''));
}

export function registerDiagnosisCommand(
  client: () => LanguageClient | undefined,
): vscode.Disposable {
  return vscode.commands.registerCommand('boundwise.showDiagnosis',
                                         () => showDiagnosis(client()));
}
