// Engine values → LSP values, shared by the feature modules. The engine already counts positions as LSP does
// (zero-based lines, UTF-16 columns), so ranges pass through; what changes is vocabulary and escaping.
import { DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver';
import type { Range as CoreRange, Severity, TextEdit as CoreTextEdit } from '../core/index';

export const SOURCE = 'relationship';

export function lspRange(range: CoreRange): Range {
  return { start: { ...range.start }, end: { ...range.end } };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function lspSeverity(severity: Severity): DiagnosticSeverity {
  return severities[severity] ?? DiagnosticSeverity.Error;
}

export function lspTextEdit(edit: CoreTextEdit): TextEdit {
  return { range: lspRange(edit.range), newText: edit.newText };
}

export function sameRange(a: CoreRange, b: CoreRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether a position lies in a range, ends included (a cursor just after a word is still on it). */
export function contains(range: CoreRange, position: { line: number; character: number }): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

/** Document text as an inline code span: a fence longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
