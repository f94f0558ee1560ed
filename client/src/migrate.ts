// "Migrate to Schema Version 2": the server computes the edits (the same as `rac migrate` and the format.v1 quick
// fix) and the extension applies them to the open document as a WorkspaceEdit. Nothing is saved: the change
// is in the editor, for the user to review, undo or save.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { MigrateRequest } from '../../server/src/protocol';

export async function migrateFile(client: LanguageClient, ready: Promise<void>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'relationship-yaml') {
    void vscode.window.showInformationMessage('Open a relationship file (*.relationship.yaml) to migrate it to schema version 2.');
    return;
  }
  const document = editor.document;
  await ready;
  const result = await client.sendRequest(MigrateRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  if (!result) throw new Error('the language server does not have this file open');
  if (result.status === 'current') {
    void vscode.window.showInformationMessage('This file is already at schema version 2.');
    return;
  }
  if (result.status === 'refused') {
    void vscode.window.showWarningMessage(`Not migrated: ${result.reason}.`);
    return;
  }
  // Edits computed for an older text would land in the wrong place.
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage('The file changed while it was being migrated; nothing was changed. Run the command again.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(result.edits));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the editor did not apply the edits');
  void vscode.window.showInformationMessage(`Migrated to schema version 2 (not saved yet): ${result.changes.join('; ')}.`);
}
