// What a click in the preview does in the editor: reveal a range with the selection on it, or apply the
// quick fix the language server offers for a finding (the same one the light bulb shows).
import * as vscode from 'vscode';
import type { Range } from '../../../server/src/core/types';

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

function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Applies the preferred (else the first) quick fix for the diagnostic with this code at this range. */
export async function applyQuickFix(uri: vscode.Uri, range: Range, code: string, rule: string): Promise<boolean> {
  const editor = await revealInEditor(uri, range);
  const target = toRange(editor.document, range);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider', uri, target, vscode.CodeActionKind.QuickFix.value, 10) ?? [];
  const fixes = actions.filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'))
    .filter((a) => a.diagnostics?.some((d) => diagnosticCode(d) === code));
  const chosen = fixes.find((a) => a.isPreferred) ?? fixes[0];
  if (!chosen) {
    void vscode.window.showInformationMessage(`No quick fix is available for ${rule} here; the editor shows where it applies.`);
    return false;
  }
  if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) return false;
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return true;
}
