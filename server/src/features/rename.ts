// Rename an id: its definition and every reference (values, benefit_split keys, flow lists), replacing only
// the scalar's text so quotes stay as written. A rename that cannot be done is refused with the reason, which
// the wiring sends as the request's error so the editor shows it.
import { parse } from 'yaml';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { definitionsOf, idAt, referencesOf } from './id-at';
import { unquotedRange } from './yaml-edit';

/**
 * The edit, or why there is none: `badName` when the new name is at fault (the editor can ask for another),
 * otherwise the place cannot be renamed (no id there, or an occurrence that cannot be edited in place).
 */
export type RenameResult =
  | { edit: WorkspaceEdit }
  | { refused: string; badName: boolean };

export function prepareRename(analysis: Analysis, position: Position): Range | null {
  const at = idAt(analysis, position);
  if (!at) return null;
  return unquotedRange(analysis.lines, at.kind === 'definition' ? at.definition.range : at.reference.range) ?? null;
}

export function rename(analysis: Analysis, uri: string, position: Position, newName: string): RenameResult {
  const at = idAt(analysis, position);
  if (!at) return { refused: 'Only an id can be renamed: put the cursor on an item\'s id or on a reference to it.', badName: false };
  const problem = plainIdProblem(newName);
  if (problem) return { refused: problem, badName: true };
  if (newName !== at.id && analysis.model.ids.get(at.collection)?.has(newName)) {
    return { refused: `"${newName}" is already an id in ${at.collection}; ids must be unique in their collection.`, badName: true };
  }
  const ranges = [...definitionsOf(analysis, at.collection, at.id).map((d) => d.range), ...referencesOf(analysis, at.collection, at.id).map((r) => r.range)];
  const edits: TextEdit[] = [];
  for (const range of ranges) {
    const inner = unquotedRange(analysis.lines, range);
    if (!inner) {
      return { refused: `"${at.id}" on line ${range.start.line + 1} is a block or multi-line value, which a rename cannot edit in place; write it on one line first.`, badName: false };
    }
    if (newName !== at.id) edits.push({ range: inner, newText: newName });
  }
  return { edit: { changes: { [uri]: edits } } };
}

/** Why YAML would not read the name back as the same text in every quoting style; undefined when it would. */
export function plainIdProblem(name: string): string | undefined {
  const shown = JSON.stringify(name);
  if (name === '') return 'The new id is empty.';
  if (/\s/.test(name)) return `${shown} contains whitespace; an id is one word (join words with - or _).`;
  const syntax = 'which YAML reads as syntax; use letters, digits, -, _ or . in an id.';
  const leading = /^[-?!&*|>%@]/.exec(name)?.[0];
  if (leading) return `${shown} starts with "${leading}", ${syntax}`;
  const inside = /[:#,[\]{}"'\\`]/.exec(name)?.[0];
  if (inside) return `${shown} contains ${JSON.stringify(inside)}, ${syntax}`;
  let value: unknown;
  try {
    value = parse(name);
  } catch {
    return `${shown} is not valid YAML as a plain value; use letters, digits, -, _ or . in an id.`;
  }
  if (value === name) return undefined;
  const kind = value === null ? 'null' : typeof value === 'boolean' ? 'a boolean' : typeof value === 'number' ? 'a number' : 'something other than text';
  return `YAML reads ${shown} as ${kind}, not as a text id; add a letter (e.g. ${JSON.stringify(`id-${name}`)}).`;
}

/** A name that YAML reads back as the same text in any quoting style: no spaces, no syntax, not a number. */
export function isPlainId(name: string): boolean {
  return plainIdProblem(name) === undefined;
}
