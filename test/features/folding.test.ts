// Folding ranges: nested maps and lists from their key's line, multi-line scalars, comment blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver';
import { foldingRanges } from '../../server/src/features/folding';
import { analyzeText, crlf, NAV, positionOf } from './fixture';

const line = (needle: string, nth = 0) => positionOf(NAV, needle, nth).line;

test('maps and lists fold from their key to their last line', () => {
  const ranges = foldingRanges(analyzeText(NAV));
  const at = (start: number) => ranges.find((r) => r.startLine === start);
  assert.deepEqual(at(line('metadata:')), { startLine: line('metadata:'), endLine: line('next_review_due') });
  assert.deepEqual(at(line('parties:')), { startLine: line('parties:'), endLine: line('role: supplier') });
  assert.deepEqual(at(line('principles:')), { startLine: line('principles:'), endLine: line('- {id: ET-1') });
  assert.deepEqual(at(line('- id: "kce"')), { startLine: line('- id: "kce"'), endLine: line('role: supplier') });
  assert.deepEqual(at(line('joint_vision')), { startLine: line('joint_vision'), endLine: line('every home.') });
});

test('comment blocks fold as comments; single comment lines and one-line nodes do not fold', () => {
  const ranges = foldingRanges(analyzeText(NAV));
  assert.deepEqual(ranges[0], { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment });
  assert.equal(ranges.find((r) => r.startLine === line('agreed_by')), undefined, 'a one-line flow list');
  const single = foldingRanges(analyzeText('# one comment\nmetadata:\n  id: x\n'));
  assert.ok(!single.some((r) => r.kind === FoldingRangeKind.Comment));
});

test('"#" lines inside a block scalar are text, not a comment block', () => {
  const text = 'principles:\n  information_and_knowledge_sharing:\n    ip_policy: |\n      # not a comment\n      # nor this\n    communication_plan: {cadence: weekly}\n';
  const ranges = foldingRanges(analyzeText(text));
  assert.ok(!ranges.some((r) => r.kind === FoldingRangeKind.Comment));
  assert.ok(ranges.some((r) => r.startLine === 2 && r.endLine === 4));
});

test('never a range that ends where it starts, never two on a line, never the whole file', () => {
  for (const text of [NAV, crlf(NAV), 'a:\n  b:\n    - c\n', 'x: [\n  1,\n  2]\n', 'metadata: {id: [broken\n', '', '# only\n# comments\n']) {
    const ranges = foldingRanges(analyzeText(text));
    for (const r of ranges) assert.ok(r.endLine > r.startLine, JSON.stringify(r));
    assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length);
    assert.ok(!ranges.some((r) => r.startLine === 0 && !r.kind && text.split(/\r?\n/)[0].startsWith('schema_version')));
  }
});

test('CRLF folds the same lines as LF', () => {
  assert.deepEqual(foldingRanges(analyzeText(crlf(NAV))), foldingRanges(analyzeText(NAV)));
});
