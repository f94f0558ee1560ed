// Code lens: one per principle key, with its coverage, clickable to open the preview at that principle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses, PREVIEW_COMMAND } from '../../server/src/features/code-lens';
import { analyzeText, NAV, rangeOf, URI } from './fixture';

test('one lens per principle present, on its key, in document order', () => {
  const lenses = codeLenses(analyzeText(NAV), URI);
  assert.deepEqual(lenses.map((l) => l.range), ['vision_and_values', 'value_creation', 'risk_management', 'measurement_and_optimization', 'exit_strategy'].map((k) => rangeOf(NAV, `${k}:`)).map((r) => ({ ...r, end: { ...r.end, character: r.end.character - 1 } })));
  for (const lens of lenses) {
    assert.equal(lens.command?.command, PREVIEW_COMMAND);
    assert.equal(lens.command?.arguments?.[0], URI);
  }
  assert.deepEqual(lenses.map((l) => l.command?.arguments?.[1]), ['vision_and_values', 'value_creation', 'risk_management', 'measurement_and_optimization', 'exit_strategy']);
});

test('titles: covered, partial with the unmet rules, not yet required', () => {
  const titles = codeLenses(analyzeText(NAV), URI).map((l) => l.command?.title);
  assert.deepEqual(titles, [
    '⚠ partial 2/3 — VV3 unmet',
    '⏳ not yet required',
    '⚠ partial 3/6 — RK3, RK4, RK6 unmet',
    '✓ covered 4/4',
    '⚠ partial 1/7 — EX2, EX3, EX4, EX5 +2 unmet',
  ]);
});

test('missing and waived', () => {
  const text = [
    'metadata: {id: R, title: T, status: active, lifecycle_stage: working_together}',
    'parties: [{id: a, name: A, role: customer}]',
    'people: [{id: p, name: P, party: a}]',
    'waivers:',
    '  - {rule: EX2, reason: later, approved_by: p, expires: 2026-12-31}',
    'principles:',
    '  exit_strategy: {x-note: to do}',
    '  value_creation: {x-note: later}',
    '  risk_management:',
    '    register: []',
    '',
  ].join('\n');
  const lenses = codeLenses(analyzeText(text), URI);
  assert.deepEqual(lenses.map((l) => l.command?.title), ['✗ missing 0/6 · ⚑ EX2 waived', '⏳ not yet required', '⚠ partial 2/6 — RK1, RK3, RK4, RK6 unmet']);
});

test('a document without principles has no lenses; a missing uri still gives a command', () => {
  assert.deepEqual(codeLenses(analyzeText('metadata: {id: x}\n'), URI), []);
  assert.deepEqual(codeLenses(analyzeText(''), URI), []);
  assert.equal(codeLenses(analyzeText(NAV))[0].command?.arguments?.[0], '');
});
