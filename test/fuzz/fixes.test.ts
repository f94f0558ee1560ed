// Quick fixes and renames applied: on seeded documents (the samples and golden fixtures, whole or cut, with
// edits, CRLF, lone CR, tabs and emoji), every code action offered on a line with diagnostics and every rename
// at positions where one is offered is applied with TextDocument.applyEdits, and the text analysed again. It
// fails when an edit lands outside the document or inside a line break, when the edits of one change overlap,
// when a fix brings an error-level finding code the file did not have (a fix must not trade one error for
// another), and when a rename adds an unresolved reference or a duplicate id.
//
// `npm test` runs a fixed seed; a long run, random seed unless given:
//   npm run fuzz:fixes -- --docs 3000 [--seed N] [--only I]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze, LineIndex, type Analysis } from '../../server/src/core/index';
import { codeActions } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { prepareRename, rename } from '../../server/src/features/rename';
import { stubFileExists } from '../golden/golden-case';
import { generate, prng, sources, type Source } from '../properties/documents';
import { below, pick, randomEdit, type Random } from './edits';
import { fuzzOptions, shorten } from './options';
import { badRange } from './ranges';

const argv = process.argv.slice(2);
const opts = fuzzOptions(argv, 'docs', { seed: 2_300, count: 40 });
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? Number(argv[onlyAt + 1]) : undefined;
const URI = 'file:///work/deal/fuzzed.relationship.yaml';
const AS_OF = '2026-06-01';
/** Rename positions tried per document, and how many random offsets may be probed to find them. */
const RENAMES = 6;
const PROBES = 300;
const MAX_CHARS = 20_000;

interface Counts { docs: number; fixes: number; renames: number }

const analyzed = (text: string): Analysis => analyze(text, { asOf: AS_OF, fileExists: stubFileExists });
const errorCodes = (a: Analysis): Set<string> => new Set(a.findings.filter((f) => f.severity === 'error').map((f) => f.code));
const count = (a: Analysis, code: string): number => a.findings.filter((f) => f.code === code).length;

/** Document i of a seed: half cut by the property tests' generator, half a whole file with a few editor edits. */
function documentAt(all: readonly Source[], seed: number, i: number): { name: string; text: string } {
  if (i % 2 === 0) {
    const g = generate(all, seed, i, MAX_CHARS);
    return { name: `${g.name} (${g.steps.join(', ') || 'as is'})`, text: g.text };
  }
  const rnd: Random = prng((Math.imul(seed, 0x85ebca6b) ^ Math.imul(i + 7, 0x9e3779b1)) >>> 0);
  const source = pick(all, rnd);
  let text = source.text.slice(0, MAX_CHARS);
  const r = rnd();
  if (r < 0.3) text = text.replace(/\r?\n/g, '\r\n');
  else if (r < 0.4) text = text.replace(/\r?\n/g, '\r');
  let doc = TextDocument.create(URI, 'relationship-yaml', 1, text);
  const kinds: string[] = [];
  for (let k = below(4, rnd); k > 0; k--) {
    const edit = randomEdit(doc, all.map((s) => s.text), rnd);
    doc = TextDocument.create(URI, 'relationship-yaml', 1, TextDocument.applyEdits(doc, [{ range: edit.range, newText: edit.text }]));
    kinds.push(edit.kind);
  }
  return { name: `${source.name} (whole${kinds.length ? `; ${kinds.join(', ')}` : ''})`, text: doc.getText() };
}

/** Why the edits of one change cannot be applied as they are (outside the document, overlapping), or undefined. */
function badEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const lines = new LineIndex(text);
  const widths = Array.from({ length: lines.lineCount }, (_, l) => lines.lineText(l).length);
  for (const e of edits) {
    const wrong = badRange(widths, e.range);
    if (wrong) return `edit ${JSON.stringify(e.range)} ${wrong}`;
  }
  const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k][0] < spans[k - 1][1]) return `edits overlap: ${JSON.stringify(spans[k - 1])} and ${JSON.stringify(spans[k])} (offsets)`;
  }
  return undefined;
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) => (uri === URI ? edits : []));
}

/** The spans of the new text that the edits wrote, as offsets into it. */
function written(text: string, edits: readonly TextEdit[]): [number, number][] {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), length: e.newText.length })).sort((a, b) => a.start - b.start);
  let shift = 0;
  return spans.map((s) => {
    const span: [number, number] = [s.start + shift, s.start + shift + s.length];
    shift += s.length - (s.end - s.start);
    return span;
  });
}

/**
 * The error codes a fix brought that the file did not have. An error in text the fix did not write is not
 * brought by it when the fix only replaced words (a misspelt key renamed, and the values under it checked for
 * the first time) or when it is an unresolved reference; a syntax error anywhere always counts.
 */
function introduced(before: Set<string>, after: Analysis, text: string, edits: readonly TextEdit[], spans: readonly [number, number][]): string[] {
  const lines = new LineIndex(text);
  const inWritten = (range: Range): boolean => {
    const [from, to] = [lines.offsetAt(range.start), lines.offsetAt(range.end)];
    return spans.some(([s, e]) => from < e && to > s);
  };
  const wordsOnly = edits.every((e) => e.range.start.line === e.range.end.line && !/[\r\n]/.test(e.newText));
  const unmasked = (code: string): boolean => code === 'ref.unresolved' || (wordsOnly && !code.startsWith('syntax'));
  const codes = after.findings.filter((f) => f.severity === 'error' && !before.has(f.code) && !(unmasked(f.code) && !inWritten(f.range)));
  return [...new Set(codes.map((f) => f.code))];
}

const apply = (text: string, edits: readonly TextEdit[]): string => TextDocument.applyEdits(TextDocument.create(URI, 'relationship-yaml', 1, text), [...edits]);

/** Checks one document; returns what is wrong (empty when nothing is) and counts what was applied. */
function checkDocument(text: string, rnd: Random, counts: Counts): string[] {
  const problems: string[] = [];
  const analysis = analyzed(text);
  const before = errorCodes(analysis);
  const lines = new LineIndex(text);
  const diagnostics = toDiagnostics(analysis, URI, 1000);
  const byLine = new Map<number, typeof diagnostics>();
  for (const d of diagnostics) for (let l = d.range.start.line; l <= d.range.end.line; l++) byLine.set(l, [...(byLine.get(l) ?? []), d]);
  for (const [line, here] of byLine) {
    const range: Range = { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } };
    for (const action of codeActions(analysis, URI, range, here)) {
      const edits = editsOf(action.edit);
      if (edits.length === 0) continue;
      counts.fixes++;
      const wrong = badEdits(text, edits);
      if (wrong) {
        problems.push(`quick fix "${action.title}" on line ${line}: ${wrong}`);
        continue;
      }
      const fixed = apply(text, edits);
      const added = introduced(before, analyzed(fixed), fixed, edits, written(text, edits));
      if (added.length) problems.push(`quick fix "${action.title}" on line ${line} brings new errors: ${added.join(', ')}`);
    }
  }
  let tried = 0;
  for (let probe = 0; probe < PROBES && tried < RENAMES; probe++) {
    const position = lines.positionAt(below(text.length + 1, rnd));
    if (!prepareRename(analysis, position)) continue;
    tried++;
    const result = rename(analysis, URI, position, `renamed-${tried}`);
    if (!('edit' in result)) continue;
    counts.renames++;
    const edits = editsOf(result.edit);
    const wrong = badEdits(text, edits);
    if (wrong) {
      problems.push(`rename at ${position.line}:${position.character}: ${wrong}`);
      continue;
    }
    const after = analyzed(apply(text, edits));
    for (const code of ['ref.unresolved', 'ref.duplicate-id']) {
      if (count(after, code) > count(analysis, code)) problems.push(`rename at ${position.line}:${position.character} adds ${code} (${count(analysis, code)} → ${count(after, code)})`);
    }
    const added = [...errorCodes(after)].filter((c) => !before.has(c));
    if (added.length) problems.push(`rename at ${position.line}:${position.character} brings new errors: ${added.join(', ')}`);
  }
  return problems;
}

const what = only !== undefined ? `document ${only} of seed ${opts.seed}` : `${opts.count} documents of seed ${opts.seed}`;
test(`every quick fix and rename applied to ${what}: inside the document, no overlap, no new error`, { timeout: 60 * 60_000 }, (t) => {
  const all = sources();
  const counts: Counts = { docs: 0, fixes: 0, renames: 0 };
  const failures: string[] = [];
  const indexes = only !== undefined ? [only] : Array.from({ length: opts.count }, (_, i) => i);
  for (const i of indexes) {
    const doc = documentAt(all, opts.seed, i);
    counts.docs++;
    if (opts.long && counts.docs % 500 === 0) console.log(`# ${counts.docs} documents, ${counts.fixes} fixes, ${counts.renames} renames so far`);
    let problems: string[];
    try {
      problems = checkDocument(doc.text, prng(opts.seed ^ (i * 2654435761)), counts);
    } catch (e) {
      problems = [`threw ${e instanceof Error ? e.stack ?? e.message : String(e)}`];
    }
    if (problems.length && failures.length < 10) {
      failures.push(`document ${i} (${doc.name}):\n  ${problems.slice(0, 5).join('\n  ')}\n  replay: npm run fuzz:fixes -- --seed ${opts.seed} --only ${i}\n  text: ${shorten(doc.text)}`);
    }
  }
  t.diagnostic(`${counts.docs} documents, ${counts.fixes} quick fixes and ${counts.renames} renames applied (seed ${opts.seed})`);
  assert.equal(failures.length, 0, `documents failed (seed ${opts.seed}):\n${failures.join('\n')}`);
});
