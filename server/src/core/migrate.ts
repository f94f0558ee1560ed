// PURE. Format v1 → v2 as text edits: the transforms (migrate-transforms.ts) find their nodes through the yaml
// library's positions and change only the characters they must, so comments, key order, quoting, indentation
// and line endings stay the author's. The document is never stringified again. A file that does not parse
// cleanly is refused whole: a migration applied to the parser's guess could land edits in the wrong place.
import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import { parse } from './parse';
import { LineIndex } from './text';
import { TRANSFORMS, type Change, type Edit, type MigrationContext } from './migrate-transforms';
import type { TextEdit } from './types';

/** What a migration did, for the CLI's report and the quick fix's edits. */
export type Migration =
  | { status: 'migrated'; text: string; edits: TextEdit[]; changes: MigrationNote[] }
  /** Already at schema_version "2": nothing to do. */
  | { status: 'current' }
  /** Not migrated, and why (a sentence saying how to proceed); `line` is zero-based when the cause has a place. */
  | { status: 'refused'; reason: string; line?: number };

/** One change, as a reader is told about it: the zero-based line it starts on and what it did. */
export interface MigrationNote { line: number; summary: string }

export const CURRENT_VERSION = '2';

/** Migrates a whole text. */
export function migrate(text: string): Migration {
  const lines = new LineIndex(text);
  const parsed = parse(text, lines);
  const problem = parsed.findings.find((f) => f.severity === 'error');
  if (problem) {
    return { status: 'refused', line: problem.range.start.line, reason: `it has a YAML error on line ${problem.range.start.line + 1} (${problem.message}); fix it first, nothing was changed` };
  }
  return migrateDocument(parsed.document, lines);
}

/** The migration's edits in offsets of `lines.text`, in order, not yet applied: what an analysis needs of it. */
export type MigrationPlan = Exclude<Migration, { status: 'migrated' }> | { status: 'migrated'; changes: Change[]; edits: Edit[] };

/**
 * Plans the migration of a document already parsed (with core/parse.ts, so offsets index `lines.text`), for the
 * analysis that has just parsed it. The caller has checked that it parsed without errors.
 */
export function migrationPlan(document: Document.Parsed | undefined, lines: LineIndex): MigrationPlan {
  const root = document?.contents as Node | null | undefined;
  if (!isMap(root)) return { status: 'refused', reason: 'it is not a map of keys (schema_version, metadata, …), so there is nothing to migrate' };
  const version = (root.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === 'schema_version')?.value;
  const value = isScalar(version) ? version.value : undefined;
  if (value === CURRENT_VERSION) return { status: 'current' };
  if (value !== '1' && value !== 1) {
    const shown = value === undefined || value === null ? 'no schema_version' : `schema_version ${JSON.stringify(value)}`;
    return { status: 'refused', reason: `it has ${shown}, and only a file at schema_version "1" can be migrated; write schema_version: "${CURRENT_VERSION}" if it already follows the current format` };
  }
  const ctx: MigrationContext = { text: lines.text, root, eol: lineBreak(lines.text) };
  const changes: Change[] = TRANSFORMS.flatMap((transform) => transform(ctx));
  const edits = changes.flatMap((c) => c.edits).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) {
    // Two transforms touching the same characters is a bug in a transform: refuse rather than write a mixture.
    if (edits[i].start < edits[i - 1].end) return { status: 'refused', reason: 'two changes of the migration overlap; nothing was changed' };
  }
  return { status: 'migrated', changes, edits };
}

/** The plan's edits as LSP text edits. */
export function migrationEdits(edits: Edit[], lines: LineIndex): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.text }));
}

/**
 * Migrates a document already parsed: the plan, applied. The migrated text is built here only, not on every
 * analysis of a v1 file (whose finding carries the edits alone): a megabyte of text per keystroke in a big file.
 */
export function migrateDocument(document: Document.Parsed | undefined, lines: LineIndex): Migration {
  const plan = migrationPlan(document, lines);
  if (plan.status !== 'migrated') return plan;
  const { changes, edits } = plan;
  let text = lines.text;
  for (let i = edits.length - 1; i >= 0; i--) text = text.slice(0, edits[i].start) + edits[i].text + text.slice(edits[i].end);
  return {
    status: 'migrated',
    text,
    edits: migrationEdits(edits, lines),
    changes: changes.map((c) => ({ line: lines.positionAt(c.at).line, summary: c.summary })).sort((a, b) => a.line - b.line),
  };
}

/** The document's line break, so inserted lines match it (CRLF files stay CRLF). */
export function lineBreak(text: string): string {
  // A search for one character first: most files have no \r at all, and this runs on every analysis of a v1 file.
  if (!text.includes('\r')) return '\n';
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\n') ? '\n' : '\r';
}
