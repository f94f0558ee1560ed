// What a click in the preview does in the editor: reveal a range with the selection on it, or apply the
// quick fix the language server offers for a finding (the same one the light bulb shows).
import * as vscode from 'vscode';
import type { Range } from '../../../server/src/core/types';
import { pickQuickFix, type FixTarget } from './quick-fix-pick';

function toRange(document: vscode.TextDocument, r: Range): vscode.Range {
  return document.validateRange(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
}

export async function revealInEditor(uri: vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const target = toRange(document, range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Applies the quick fix the server offers for this rule's finding at this range (see pickQuickFix). */
export async function applyQuickFix(uri: vscode.Uri, range: Range, target: FixTarget): Promise<boolean> {
  const editor = await revealInEditor(uri, range);
  const at = toRange(editor.document, range);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider', uri, at, vscode.CodeActionKind.QuickFix.value, 10) ?? [];
  // A Command has a string `command`; a CodeAction has an optional Command object there.
  const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  const chosen = pickQuickFix(codeActions, target);
  if (!chosen) {
    void vscode.window.showInformationMessage(`${target.rule} has no automatic fix: the editor shows where it applies (the light bulb can still add a waiver).`);
    return false;
  }
  if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) return false;
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return true;
}
