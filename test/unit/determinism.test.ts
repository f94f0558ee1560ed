// Same input, same output: the engine keeps no state between calls that could change an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/core/index';
import { REFERENCE_AS_OF, referenceText } from './reference';

const options = { asOf: '2026-06-01', fileExists: (p: string) => (p.startsWith('docs/') ? 'exists' as const : 'missing' as const) };

function observable(a: Analysis): unknown {
  return { findings: a.findings, coverage: a.coverage, model: a.model, symbols: a.symbols, waivers: a.waivers, info: a.info, data: a.data };
}

test('analysing the same text twice gives deep-equal findings and coverage', () => {
  const text = referenceText();
  const first = analyze(text, options);
  const second = analyze(text, options);
  assert.deepEqual(second.findings, first.findings);
  assert.deepEqual(second.coverage, first.coverage);
  assert.deepEqual(observable(second), observable(first));
  assert.ok(first.findings.length > 0, 'the later as-of date gives the comparison something to compare');
});

test('an analysis in between, of another file, changes nothing', () => {
  const text = referenceText();
  const before = analyze(text, options);
  analyze('schema_version: 1\nmetadata: {lifecycle_stage: exit}\nparties: [{id: x}]\nwaivers: [{rule: ZZ1}]\n', options);
  analyze(text.replace('lifecycle_stage: staying_together', 'lifecycle_stage: awareness'), { ...options, policy: { layers: [{ source: 'p', rules: { 'evidence.': { level: 'off' }, RM1: { level: 'off' } }, add: [] }] } });
  const after = analyze(text, options);
  assert.deepEqual(observable(after), observable(before));
});

test('the result does not depend on the as-of date of an earlier call', () => {
  const text = referenceText();
  const fresh = analyze(text, { asOf: REFERENCE_AS_OF });
  analyze(text, { asOf: '2030-01-01' });
  assert.deepEqual(observable(analyze(text, { asOf: REFERENCE_AS_OF })), observable(fresh));
});

test('collections nested thousands deep, flow or block: the same findings however deep the caller\'s stack already is', () => {
  const block = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n');
  const text = `schema_version: "1"\nmetadata:\n  id: REL-D\n  x-notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n  title: Deep\nparties: ${'{a: '.repeat(3000)}\nx-block:\n${block}\n`;
  const nested = (depth: number): Analysis => (depth === 0 ? analyze(text, options) : nested(depth - 1));
  const shallow = analyze(text, options);
  for (const depth of [500, 2000, 3000]) assert.deepEqual(nested(depth).findings, shallow.findings, `called ${depth} frames deep`);
  const deep = shallow.findings.filter((f) => f.code === 'syntax.too-deep');
  assert.deepEqual(deep.map((f) => f.range.start), [{ line: 3, character: 11 }, { line: 5, character: 9 }, { line: 106, character: 101 }], 'each reported once, where it starts');
});
