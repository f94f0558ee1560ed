// The language status item (the `{}` next to the language mode): coverage of the relationship file in the active editor.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CoverageNotification, type CoverageParams } from '../../server/src/protocol';
import { coverageStatus } from './status-text';

export function registerCoverageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('relationship.coverage', { language: 'relationship-yaml' });
  item.name = 'Relationship coverage';
  // The server pushes coverage per document; the item is one, so it shows the active editor's latest.
  const latest = new Map<string, CoverageParams>();

  const show = (editor = vscode.window.activeTextEditor): void => {
    const params = editor && latest.get(editor.document.uri.toString());
    if (!editor || !params) {
      Object.assign(item, { busy: true, text: 'Coverage', detail: 'analysing…', command: undefined, severity: vscode.LanguageStatusSeverity.Information });
      return;
    }
    const status = coverageStatus(params);
    item.busy = false;
    item.text = status.text;
    item.detail = status.detail;
    item.severity = status.warn ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Open Preview', command: 'relationship.preview.openToSide', arguments: [editor.document.uri] };
  };

  context.subscriptions.push(
    item,
    client.onNotification(CoverageNotification, (params) => {
      const known = latest.get(params.uri);
      if (known && known.version > params.version) return;
      latest.set(params.uri, params);
      if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) show();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => show(editor)),
    vscode.workspace.onDidCloseTextDocument((document) => latest.delete(document.uri.toString())),
  );
  show();
}
