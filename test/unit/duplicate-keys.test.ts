// Duplicate keys are found in one pass per map (the yaml library's own check is quadratic and is off): the
// same findings as before, each pointing at the first occurrence, on inputs that used to take many seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Finding } from '../../server/src/core/index';

const AS_OF = '2026-06-01';
const duplicates = (findings: Finding[]): Finding[] => findings.filter((f) => f.code === 'syntax.duplicate-key');

test('a repeated key: its own range, the same message, and the first occurrence as related information', () => {
  const text = 'metadata:\n  status: active\n  title: x\n  status: draft\n';
  const [d, ...rest] = duplicates(analyze(text, { asOf: AS_OF }).findings);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(d.message, '"status" is already a key of this map: remove or rename one of them');
  assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } });
  assert.deepEqual(d.related, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } }, message: '"status" is first used here' }]);
});

test('keys are equal as the library compares them: the same value, whatever its spelling', () => {
  const text = [
    'x-a: {1: a, 1.0: b}', // one number
    'x-b: {"1": a, 1: b}', // text and number: two keys
    'x-c: {"k": a, k: b, \'k\': c}', // one text, three spellings
    'x-d: {~: a, null: b}', // null twice
    'x-e: {true: a, "true": b}', // boolean and text: two keys
    'x-f: {[1]: a, [1]: b}', // lists as keys are never equal (and reported as keys that are not text)
    '',
  ].join('\n');
  const found = duplicates(analyze(text, { asOf: AS_OF }).findings).map((f) => [f.range.start.line, f.message.split(' is already')[0]]);
  assert.deepEqual(found, [[0, '"1.0"'], [2, '"k"'], [2, `"'k'"`], [3, '"null"']]);
});

test('the same key in different maps is no duplicate; in a nested map it is', () => {
  const text = 'x-a:\n  id: 1\nx-b:\n  id: 1\n  deep:\n    - {id: 1, id: 2}\n';
  const found = duplicates(analyze(text, { asOf: AS_OF }).findings);
  assert.deepEqual(found.map((f) => f.range.start), [{ line: 5, character: 14 }]);
  assert.deepEqual(found[0].related?.[0]?.range.start, { line: 5, character: 7 });
});

test('duplicates beside a structural error are still reported, once each', () => {
  const text = 'x-a: 1\nx-a: 2\nx-b: [1, 2\n';
  const codes = analyze(text, { asOf: AS_OF }).findings.filter((f) => f.code.startsWith('syntax')).map((f) => f.code);
  assert.deepEqual(codes.sort(), ['syntax', 'syntax.duplicate-key']);
});

// Each of these took 4 to 20 seconds with the library's pairwise check. The test's own timeout is a hang
// detector, far above the time a linear check needs; the library's check is shown to be off directly.
test('20,000 and 40,000 keys in one map, and 5,000 repeated "parties:" keys', { timeout: 60_000 }, () => {
  const map = (n: number): string => `x-big:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}\n`).join('')}`;
  for (const n of [20_000, 40_000]) {
    const big = analyze(`${map(n)}  k${n - 1}: again\n`, { asOf: AS_OF });
    assert.deepEqual(duplicates(big.findings).map((f) => [f.range.start.line, f.related?.[0]?.range.start.line]), [[n + 1, n]]);
    assert.ok(!big.document?.errors.some((e) => e.code === 'DUPLICATE_KEY'), 'the library compared the keys itself');
  }
  const repeated = analyze('parties: []\n'.repeat(5_000), { asOf: AS_OF });
  const found = duplicates(repeated.findings);
  assert.equal(found.length, 4_999);
  assert.ok(found.every((f, i) => f.range.start.line === i + 1 && f.related?.[0]?.range.start.line === 0));
});
