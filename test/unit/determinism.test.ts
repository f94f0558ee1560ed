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
