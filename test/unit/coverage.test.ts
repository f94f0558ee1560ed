// Rule states → principle statuses → the file's coverage: what counts, what is waived, what is not yet required.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCoverage, principleStatus } from '../../server/src/core/coverage';
import type { Catalog, PrincipleSpec } from '../../server/src/core/catalog';
import type { Range, RuleResult, RuleState } from '../../server/src/core/types';

const RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function principle(id: string, clause: number): PrincipleSpec {
  return { id, clause, title: id, summary: `${id} summary`, evidence: [] };
}

const catalog: Catalog = {
  principles: [principle('alpha', 4), principle('beta', 5), principle('gamma', 6), principle('delta', 7), principle('eps', 8)],
  rules: new Map(),
};

function result(principleId: string, id: string, state: RuleState): RuleResult {
  return { id, title: id, principle: principleId, state, satisfied: state === 'met', fromStage: 'awareness', why: '', range: RANGE };
}

const results = [
  result('alpha', 'AL1', 'met'), result('alpha', 'AL2', 'met'), result('alpha', 'AL3', 'not_yet_required'),
  result('beta', 'BE1', 'met'), result('beta', 'BE2', 'unmet'), result('beta', 'BE3', 'waived'),
  result('gamma', 'GA1', 'unmet'), result('gamma', 'GA2', 'unmet'),
  result('delta', 'DE1', 'not_yet_required'), result('delta', 'DE2', 'not_yet_required'),
  result('eps', 'EP1', 'waived'), result('eps', 'EP2', 'not_yet_required'),
];

const coverage = computeCoverage(catalog, results, { stage: 'working_together', stageKnown: true, asOf: '2026-06-01' }, (id) => (id === 'alpha' ? RANGE : undefined));
const by = (id: string) => coverage.principles.find((p) => p.id === id)!;

test('covered: every counted rule met; not-yet-required rules do not count', () => {
  assert.deepEqual({ status: by('alpha').status, met: by('alpha').met, counted: by('alpha').counted, score: by('alpha').score }, { status: 'covered', met: 2, counted: 2, score: 1 });
});

test('partial: some counted rules met; a waived rule is excluded from met and counted', () => {
  assert.deepEqual({ status: by('beta').status, met: by('beta').met, counted: by('beta').counted, score: by('beta').score }, { status: 'partial', met: 1, counted: 2, score: 0.5 });
});

test('missing: no counted rule met', () => {
  assert.deepEqual({ status: by('gamma').status, met: by('gamma').met, counted: by('gamma').counted, score: by('gamma').score }, { status: 'missing', met: 0, counted: 2, score: 0 });
});

test('not_yet_required: no rule counts at this stage', () => {
  assert.deepEqual({ status: by('delta').status, counted: by('delta').counted, score: by('delta').score }, { status: 'not_yet_required', counted: 0, score: 0 });
});

test('a principle whose only counting rule is waived is waived, never covered, with nothing counted', () => {
  assert.deepEqual({ status: by('eps').status, met: by('eps').met, counted: by('eps').counted }, { status: 'waived', met: 0, counted: 0 });
});

test('file totals: covered of required of total; waived principles are required and apart from the covered', () => {
  assert.deepEqual(
    { covered: coverage.covered, waived: coverage.waived, required: coverage.required, total: coverage.total, notYetRequired: coverage.notYetRequired, stage: coverage.stage, asOf: coverage.asOf },
    { covered: 1, waived: 1, required: 4, total: 5, notYetRequired: 1, stage: 'working_together', asOf: '2026-06-01' },
  );
});

test('waived is never covered: a waived rule with the others met is waived; unmet and unknown news comes first', () => {
  assert.equal(principleStatus(['met', 'waived']), 'waived');
  assert.equal(principleStatus(['waived', 'waived', 'not_yet_required']), 'waived');
  assert.equal(principleStatus(['met', 'waived', 'unmet']), 'partial', 'an unmet rule beside a waived one: partial');
  assert.equal(principleStatus(['waived', 'unmet']), 'missing', 'a waived rule is not met: nothing met is missing');
  assert.equal(principleStatus(['met', 'waived', 'unknown']), 'unknown', 'broken data may yet hide an unmet rule');
  assert.equal(principleStatus(['met', 'met']), 'covered');
  assert.equal(principleStatus(['not_yet_required']), 'not_yet_required');
});

test('each principle carries its own rules, in order, and its range when present', () => {
  assert.deepEqual(by('beta').rules.map((r) => r.id), ['BE1', 'BE2', 'BE3']);
  assert.deepEqual(by('alpha').range, RANGE);
  assert.equal(by('beta').range, undefined);
  assert.deepEqual(coverage.principles.map((p) => p.clause), [4, 5, 6, 7, 8]);
});

test('no results at all: nothing is required', () => {
  const empty = computeCoverage(catalog, [], { stage: 'awareness', stageKnown: true, asOf: '2026-06-01' }, () => undefined);
  assert.deepEqual({ covered: empty.covered, required: empty.required, notYetRequired: empty.notYetRequired }, { covered: 0, required: 0, notYetRequired: 5 });
});

test('unknown is not unmet: a principle with unknown rules and none unmet is unknown, never missing or covered', () => {
  assert.equal(principleStatus(['unknown']), 'unknown');
  assert.equal(principleStatus(['met', 'unknown', 'not_yet_required']), 'unknown');
  assert.equal(principleStatus(['unmet', 'unknown']), 'partial', 'an unmet rule beside an unknown one: some evidence may be there');
  assert.equal(principleStatus(['unmet', 'unmet']), 'missing');
  assert.equal(principleStatus(['met', 'unmet']), 'partial');
  assert.equal(principleStatus(['not_yet_required', 'unknown']), 'unknown');
});

test('unknown rules count and are not met: the score falls, the principle is required and not covered', () => {
  const mixed = [result('alpha', 'AL1', 'met'), result('alpha', 'AL2', 'unknown'), result('beta', 'BE1', 'met')];
  const c = computeCoverage(catalog, mixed, { stage: 'working_together', stageKnown: true, asOf: '2026-06-01', unknownBecause: ['metadata does not parse'] }, () => undefined);
  const alpha = c.principles.find((p) => p.id === 'alpha')!;
  assert.deepEqual({ status: alpha.status, met: alpha.met, counted: alpha.counted, score: alpha.score }, { status: 'unknown', met: 1, counted: 2, score: 0.5 });
  assert.deepEqual({ covered: c.covered, required: c.required, unknown: c.unknown, because: c.unknownBecause }, { covered: 1, required: 2, unknown: 1, because: ['metadata does not parse'] });
  // The reason is only given when some rule is unknown.
  assert.equal(computeCoverage(catalog, results, { stage: 'awareness', stageKnown: true, asOf: '2026-06-01', unknownBecause: ['x'] }, () => undefined).unknownBecause, undefined);
});
