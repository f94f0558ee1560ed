// Rename an id: its definition and every reference (values, benefit_split keys, flow lists), replacing only
// the scalar's text so quotes stay as written. Names YAML would read differently are refused (null): the
// wiring answers those with an error.
import { parse } from 'yaml';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { definitionsOf, idAt, referencesOf } from './id-at';
import { unquotedRange } from './yaml-edit';

export function prepareRename(analysis: Analysis, position: Position): Range | null {
  const at = idAt(analysis, position);
  if (!at) return null;
  return unquotedRange(analysis.lines, at.kind === 'definition' ? at.definition.range : at.reference.range) ?? null;
}

export function rename(analysis: Analysis, uri: string, position: Position, newName: string): WorkspaceEdit | null {
  const at = idAt(analysis, position);
  if (!at || !isPlainId(newName)) return null;
  if (newName !== at.id && analysis.model.ids.get(at.collection)?.has(newName)) return null;
  const ranges = [...definitionsOf(analysis, at.collection, at.id).map((d) => d.range), ...referencesOf(analysis, at.collection, at.id).map((r) => r.range)];
  const edits: TextEdit[] = [];
  for (const range of ranges) {
    const inner = unquotedRange(analysis.lines, range);
    if (!inner) return null;
    if (newName !== at.id) edits.push({ range: inner, newText: newName });
  }
  return { changes: { [uri]: edits } };
}

/** A name that YAML reads back as the same text in any quoting style: no spaces, no syntax, not a number. */
export function isPlainId(name: string): boolean {
  if (name === '' || /[\s:#,[\]{}"'\\`]/.test(name) || /^[-?!&*|>%@]/.test(name)) return false;
  try {
    return parse(name) === name;
  } catch {
    return false;
  }
}
