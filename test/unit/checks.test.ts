// Every check kind, called directly with hand-built data: met, unmet, and where an unmet one points (`at`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checks } from '../../server/src/core/checks/index';
import { days, isBlank, label, list, selectPath, valueAt, type Args, type CheckContext, type Outcome, type Target } from '../../server/src/core/checks/context';
import { toDay } from '../../server/src/core/dates';

const AS_OF = '2026-06-01';

const PARTIES = [{ id: 'hw', name: 'Harbourside Water Ltd', role: 'customer' }, { id: 'kce', name: 'Kestrel Civil Engineering plc', role: 'supplier' }];
const PEOPLE = [
  { id: 'p-coo-hw', name: 'R. Adeyemi', party: 'hw' },
  { id: 'p-md-kce', name: 'T. Novak', party: 'kce' },
  { id: 'p-am-hw', name: 'E. Whitfield', party: 'hw' },
];

function context(data: Record<string, unknown>, asOf = AS_OF): CheckContext {
  const people = (data.people ?? PEOPLE) as { id: string; party: string }[];
  return {
    data,
    asOf: toDay(asOf)!,
    parties: ((data.parties ?? PARTIES) as { id: string; name: string }[]).map((p) => ({ id: p.id, name: p.name })),
    personParty: new Map(people.map((p) => [p.id, p.party])),
    select: (path) => selectPath(data, path),
  };
}

/** Runs a registered check the way the evidence runner does: on the targets its path selects. */
function run(name: string, data: Record<string, unknown>, path: string, args: Args = {}, asOf = AS_OF): Outcome {
  const ctx = context({ parties: PARTIES, people: PEOPLE, ...data }, asOf);
  return checks.get(name)!.evaluate(ctx.select(path), args, ctx);
}

const unmet = (o: Outcome): void => assert.equal(o.met, false, 'expected unmet');

test('select: dotted paths, [*] expansion and targets that do not exist', () => {
  const data = { a: { list: [{ x: 1 }, { y: 2 }], empty: [] }, s: 'text' };
  assert.deepEqual(selectPath(data, 'a.list[*].x'), [
    { value: 1, path: ['a', 'list', 0, 'x'], exists: true },
    { value: undefined, path: ['a', 'list', 1, 'x'], exists: false },
  ]);
  assert.deepEqual(selectPath(data, 'a.empty[*]'), []);
  assert.deepEqual(selectPath(data, 'a.missing'), [{ value: undefined, path: ['a', 'missing'], exists: false }]);
  assert.deepEqual(selectPath(data, 'a.missing.deeper'), [], 'only the last missing key yields a target');
  assert.deepEqual(selectPath(data, 's.inner'), [{ value: undefined, path: ['s', 'inner'], exists: false }]);
  assert.deepEqual(selectPath(data, 'a.list[*]').map((t) => t.path), [['a', 'list', 0], ['a', 'list', 1]]);
});

test('helpers: isBlank, label, list, days, valueAt', () => {
  assert.deepEqual([undefined, null, '', '  ', [], {}].map(isBlank), [true, true, true, true, true, true]);
  assert.deepEqual([0, false, 'x', [1], { a: 1 }].map(isBlank), [false, false, false, false, false]);
  const t = (value: unknown, path: Target['path']): Target => ({ value, path, exists: true });
  assert.equal(label(t({ id: 'R-1', name: 'n' }, ['r', 0])), '"R-1"');
  assert.equal(label(t({ person: 'p-1' }, ['a', 2])), '"p-1"');
  assert.equal(label(t({ other: 1 }, ['a', 2])), 'item 3');
  assert.equal(label(t({}, ['a', 'programme'])), '"programme"');
  assert.equal(list(['a', 'b']), 'a, b');
  assert.equal(list(['1', '2', '3', '4', '5', '6', '7'], 5), '1, 2, 3, 4, 5 and 2 more');
  assert.equal(days(1), '1 day');
  assert.equal(days(0), '0 days');
  assert.equal(valueAt({ a: [{ b: 'x' }] }, ['a', 0, 'b']), 'x');
  assert.equal(valueAt({ a: 1 }, ['a', 'b', 'c']), undefined);
});

test('present', () => {
  assert.deepEqual(run('present', { g: { mechanism: '50/50' } }, 'g.mechanism'), { met: true });
  const missing = run('present', { g: { document: 'd.pdf' } }, 'g.mechanism');
  unmet(missing);
  assert.equal(missing.detail, '"mechanism" is missing');
  assert.deepEqual(missing.at, ['g', 'mechanism']);
  assert.equal(run('present', { g: { mechanism: '  ' } }, 'g.mechanism').detail, '"mechanism" is empty');
  assert.deepEqual(checks.get('present')!.evaluate([], {}, context({})), { met: false, detail: 'nothing recorded yet' });
});

test('non_empty', () => {
  assert.deepEqual(run('non_empty', { r: { register: [{ id: 'R-1' }] } }, 'r.register'), { met: true });
  const empty = run('non_empty', { r: { register: [] } }, 'r.register');
  assert.deepEqual(empty, { met: false, detail: '"register" is empty', at: ['r', 'register'] });
  const missing = run('non_empty', { r: {} }, 'r.register');
  assert.deepEqual(missing, { met: false, detail: '"register" is missing' });
  assert.equal(checks.get('non_empty')!.evaluate([], {}, context({})).detail, 'nothing recorded yet');
});

test('ascending', () => {
  assert.deepEqual(run('ascending', { e: [{ level: 1 }, { level: 2 }, { level: 3 }] }, 'e', { field: 'level', min: 2 }), { met: true });
  const down = run('ascending', { e: [{ level: 2 }, { level: 1 }] }, 'e', { field: 'level', min: 2 });
  assert.deepEqual(down, { met: false, detail: "item 2's level (1) does not rise above the one before", at: ['e', 1] });
  const same = run('ascending', { e: [{ level: 1 }, { level: 1 }] }, 'e');
  unmet(same);
  const short = run('ascending', { e: [{ level: 1 }] }, 'e', { min: 2 });
  assert.deepEqual(short, { met: false, detail: '"e" has 1 level, at least 2 needed', at: ['e'] });
  assert.equal(run('ascending', {}, 'e').at, undefined, 'a missing list points at its holder');
});

test('includes', () => {
  const data = { p: [{ kind: 'change_control' }, { kind: 'issue_resolution' }] };
  assert.deepEqual(run('includes', data, 'p[*].kind', { values: ['change_control', 'issue_resolution'] }), { met: true });
  assert.deepEqual(run('includes', data, 'p[*].kind', { values: ['change_control', 'exit_activation'] }), { met: false, detail: 'nothing of kind "exit_activation" recorded' });
  assert.deepEqual(run('includes', { p: [] }, 'p[*].kind', { values: 'x' }), { met: false, detail: 'nothing of kind "x" recorded' });
  assert.deepEqual(run('includes', { b: [{ rights: ['a', 'exit_activation'] }] }, 'b[*].rights[*]', { values: ['exit_activation'] }), { met: true });
});

test('each_has: every item, where-filters, vacuous lists', () => {
  const data = { c: [{ id: 'C-1', by: 'kce', due: '2026-09-30', status: 'open' }, { id: 'C-2', by: 'hw', due: '' }] };
  const missing = run('each_has', data, 'c[*]', { fields: ['by', 'due', 'status'] });
  assert.deepEqual(missing, { met: false, detail: '"C-2" has no "due", "status"', at: ['c', 1] });
  assert.deepEqual(run('each_has', { c: [data.c[0]] }, 'c[*]', { fields: ['by', 'due', 'status'] }), { met: true });
  assert.deepEqual(run('each_has', { c: [] }, 'c[*]', { fields: ['by'] }), { met: false, detail: 'no items recorded yet' });
  assert.deepEqual(run('each_has', { c: [] }, 'c[*]', { fields: ['by'], vacuous: true }), { met: true });
  const k = { k: [{ item: 'a', classification: 'can_share' }, { item: 'b', classification: 'cannot_share' }] };
  const where = { fields: ['condition'], where: { classification: ['could_share', 'cannot_share'] }, vacuous: true };
  assert.deepEqual(run('each_has', k, 'k[*]', where), { met: false, detail: '"b" has no "condition"', at: ['k', 1] });
  assert.deepEqual(run('each_has', { k: [k.k[0]] }, 'k[*]', where), { met: true }, 'nobody matches the filter: vacuously met');
  // A single map (not a list) works the same way.
  assert.deepEqual(run('each_has', { v: { programme: { owner: 'p' } } }, 'v.programme', { fields: ['owner', 'cadence'] }), { met: false, detail: '"programme" has no "cadence"', at: ['v', 'programme'] });
});

test('covers_all_parties: union of people, with their parties', () => {
  const args = { via: 'people', noun: 'approver' };
  assert.deepEqual(run('covers_all_parties', { r: { approved_by: ['p-coo-hw', 'p-md-kce'] } }, 'r.approved_by', args), { met: true });
  assert.deepEqual(run('covers_all_parties', { r: { approved_by: ['p-coo-hw', 'p-am-hw'] } }, 'r.approved_by', args),
    { met: false, detail: 'no approver for "kce" (Kestrel Civil Engineering plc)' });
  assert.deepEqual(run('covers_all_parties', { r: {} }, 'r.approved_by', args), { met: false, detail: 'no approver recorded yet' });
  assert.deepEqual(run('covers_all_parties', { parties: [], r: { approved_by: ['p-coo-hw'] } }, 'r.approved_by', args), { met: false, detail: 'no parties are defined' });
});

test('covers_all_parties: a person must belong to the party they stand for', () => {
  const args = { field: 'party', person: 'person', noun: 'senior executive responsible' };
  const wrong = run('covers_all_parties', { ser: [{ party: 'hw', person: 'p-coo-hw' }, { party: 'kce', person: 'p-am-hw' }] }, 'ser[*]', args);
  assert.deepEqual(wrong, { met: false, detail: 'senior executive responsible "p-am-hw" belongs to party "hw", not "kce"', at: ['ser', 1, 'person'] });
  assert.deepEqual(run('covers_all_parties', { ser: [{ party: 'hw', person: 'p-coo-hw' }, { party: 'kce', person: 'p-md-kce' }] }, 'ser[*]', args), { met: true });
});

test('covers_all_parties: some (one body seats every party) and each (every split has every party)', () => {
  const some = { field: 'members', via: 'people', mode: 'some', noun: 'member' };
  assert.deepEqual(run('covers_all_parties', { b: [{ id: 'AB', members: ['p-coo-hw'] }, { id: 'AMT', members: ['p-am-hw', 'p-md-kce'] }] }, 'b[*]', some), { met: true });
  const none = run('covers_all_parties', { b: [{ id: 'AB', members: ['p-coo-hw'] }, { id: 'AMT', members: ['p-md-kce'] }] }, 'b[*]', some);
  unmet(none);
  assert.match(none.detail!, /^no single one covers every party \(the closest, "AB", has no member for "kce"/);
  const each = { keys: true, mode: 'each', noun: 'share' };
  assert.deepEqual(run('covers_all_parties', { r: [{ s: { hw: 0.5, kce: 0.5 } }] }, 'r[*].s', each), { met: true });
  assert.deepEqual(run('covers_all_parties', { r: [{ s: { hw: 0.5, kce: 0.5 } }, { s: { hw: 1 } }] }, 'r[*].s', each),
    { met: false, detail: '"s" has no share for "kce" (Kestrel Civil Engineering plc)', at: ['r', 1, 's'] });
});

test('within_days', () => {
  assert.deepEqual(run('within_days', { x: { d: '2025-06-01' } }, 'x.d', { days: 365 }), { met: true }, '365 days is within 365');
  assert.deepEqual(run('within_days', { x: { d: '2025-05-31' } }, 'x.d', { days: 365 }), { met: false, detail: '"d" 2025-05-31 is 366 days old, more than 365', at: ['x', 'd'] });
  assert.deepEqual(run('within_days', { x: {} }, 'x.d', { days: 365 }), { met: false, detail: '"d" has no date', at: ['x', 'd'] });
  assert.deepEqual(run('within_days', { x: { d: '2026-02-30' } }, 'x.d', { days: 365 }).detail, '"d" has no date');
  assert.equal(run('within_days', { x: { d: '2026-05-31' } }, 'x.d', { days: 0 }).detail, '"d" 2026-05-31 is 1 day old, more than 0');
  assert.deepEqual(checks.get('within_days')!.evaluate([], { days: 1 }, context({})), { met: false, detail: 'no date recorded yet' });
});

test('not_past', () => {
  assert.deepEqual(run('not_past', { m: { due: '2026-06-01' } }, 'm.due'), { met: true }, 'due today is not past');
  assert.deepEqual(run('not_past', { m: { due: '2026-05-31' } }, 'm.due'), { met: false, detail: '"due" 2026-05-31 has passed (1 day ago)', at: ['m', 'due'] });
  assert.deepEqual(run('not_past', { m: {} }, 'm.due'), { met: false, detail: '"due" has no date' });
  assert.deepEqual(checks.get('not_past')!.evaluate([], {}, context({})), { met: false, detail: 'no date recorded' });
});

test('cadence_met: boundary, factor, ad_hoc, lists', () => {
  const q = (last: string, cadence = 'quarterly'): Record<string, unknown> => ({ e: { cadence, last_held: last } });
  assert.deepEqual(run('cadence_met', q('2026-03-01'), 'e'), { met: true }, '92 days is within a quarter');
  assert.deepEqual(run('cadence_met', q('2026-02-28'), 'e'), { met: false, detail: 'quarterly cadence missed: "last_held" is 93 days old (1 day overdue)', at: ['e', 'last_held'] });
  assert.deepEqual(run('cadence_met', q('2026-03-31', 'monthly'), 'e', { factor: 2 }), { met: true }, '62 days is twice a month');
  unmet(run('cadence_met', q('2026-03-30', 'monthly'), 'e', { factor: 2 }));
  assert.deepEqual(run('cadence_met', q('2019-01-01', 'ad_hoc'), 'e'), { met: true }, 'ad hoc: any occurrence will do');
  assert.deepEqual(run('cadence_met', { e: { cadence: 'ad_hoc' } }, 'e'), { met: false, detail: 'no "last_held" date recorded', at: ['e'] });
  assert.deepEqual(run('cadence_met', { e: { last_held: '2026-05-01' } }, 'e'), { met: false, detail: 'no "cadence" stated', at: ['e'] });
  assert.deepEqual(run('cadence_met', {}, 'e'), { met: false, detail: 'nothing recorded yet' });
  const bodies = { b: [{ id: 'AB', cadence: 'quarterly', last_held: '2026-04-22' }, { id: 'AMT', cadence: 'monthly', last_held: '2026-03-17' }] };
  assert.deepEqual(run('cadence_met', bodies, 'b[*]'), { met: false, detail: '"AMT": monthly cadence missed: "last_held" is 76 days old (45 days overdue)', at: ['b', 1, 'last_held'] });
  assert.deepEqual(run('cadence_met', { r: { review_cadence: 'weekly', last_reviewed: '2026-05-25' } }, 'r', { cadence: 'review_cadence', date: 'last_reviewed' }), { met: true });
});

test('at_most', () => {
  assert.deepEqual(run('at_most', { t: { score: 68, scale_max: 100 } }, 't'), { met: true });
  assert.deepEqual(run('at_most', { t: { score: 100, scale_max: 100 } }, 't'), { met: true });
  assert.deepEqual(run('at_most', { t: { score: 105, scale_max: 100 } }, 't'), { met: false, detail: 'score 105 is above scale_max 100', at: ['t', 'score'] });
  assert.deepEqual(run('at_most', { t: { score: 68 } }, 't'), { met: false, detail: '"t" needs a numeric score and scale_max', at: ['t'] });
  assert.deepEqual(run('at_most', {}, 't'), { met: true }, 'nothing recorded: the companion check reports it');
});

test('member_of', () => {
  const body = (chair: string | undefined): Record<string, unknown> => ({ b: [{ id: 'AB', ...(chair ? { chair } : {}), members: ['p-coo-hw', 'p-md-kce'] }] });
  assert.deepEqual(run('member_of', body('p-coo-hw'), 'b[*]'), { met: true });
  assert.deepEqual(run('member_of', body('p-am-hw'), 'b[*]'), { met: false, detail: '"AB"\'s chair "p-am-hw" is not among its members', at: ['b', 0, 'chair'] });
  assert.deepEqual(run('member_of', body(undefined), 'b[*]'), { met: false, detail: '"AB" has no chair', at: ['b', 0] });
  assert.deepEqual(run('member_of', { b: [] }, 'b[*]'), { met: true });
});

test('matches_last', () => {
  const args = { list: 'h', field: 'stage' };
  assert.deepEqual(run('matches_last', { m: { stage: 'knowledge' }, h: [{ stage: 'awareness' }, { stage: 'knowledge' }] }, 'm.stage', args), { met: true });
  assert.deepEqual(run('matches_last', { m: { stage: 'knowledge' }, h: [{ stage: 'awareness' }] }, 'm.stage', args),
    { met: false, detail: '"stage" is "knowledge" but the last h entry says "awareness"', at: ['m', 'stage'] });
  assert.deepEqual(run('matches_last', { m: { stage: 'knowledge' }, h: [] }, 'm.stage', args), { met: false, detail: '"h" is empty' });
  assert.deepEqual(run('matches_last', { m: { stage: 'knowledge' } }, 'm.stage', args), { met: false, detail: '"h" is empty' });
});

test('min_parties', () => {
  const via = { po: [{ id: 'PO-HW', party: 'hw' }, { id: 'PO-KCE', party: 'kce' }, { id: 'PO-HW-2', party: 'hw' }] };
  const args = { field: 'supports', via: 'po', min: 2 };
  assert.deepEqual(run('min_parties', { ...via, jo: [{ id: 'JO-1', supports: ['PO-HW', 'PO-KCE'] }] }, 'jo[*]', args), { met: true });
  assert.deepEqual(run('min_parties', { ...via, jo: [{ id: 'JO-1', supports: ['PO-HW', 'PO-HW-2'] }] }, 'jo[*]', args),
    { met: false, detail: '"JO-1" supports objectives of 1 party, at least 2 needed', at: ['jo', 0] });
  assert.equal(run('min_parties', { ...via, jo: [{ id: 'JO-1', supports: ['PO-X'] }] }, 'jo[*]', args).detail, '"JO-1" supports objectives of 0 parties, at least 2 needed');
  assert.deepEqual(run('min_parties', { ...via, jo: [] }, 'jo[*]', args), { met: false, detail: 'no items recorded yet' });
});

test('none_overdue', () => {
  const args = { date: 'due', done: ['done', 'closed'] };
  const data = (due: string, status: string): Record<string, unknown> => ({ a: [{ id: 'IA-1', due, status }] });
  assert.deepEqual(run('none_overdue', data('2026-06-01', 'open'), 'a[*]', args), { met: true }, 'due today is not overdue');
  assert.deepEqual(run('none_overdue', data('2026-05-01', 'open'), 'a[*]', args), { met: false, detail: '"IA-1" is past due and still open', at: ['a', 0, 'due'] });
  assert.deepEqual(run('none_overdue', data('2026-05-01', 'done'), 'a[*]', args), { met: true });
  const two = { a: [{ id: 'IA-1', due: '2026-01-01', status: 'open' }, { id: 'IA-2', due: '2026-02-01', status: 'late' }] };
  assert.equal(run('none_overdue', two, 'a[*]', args).detail, '"IA-1", "IA-2" are past due and still open');
  assert.deepEqual(run('none_overdue', { a: [] }, 'a[*]', args), { met: true });
});

test('ref_kind', () => {
  const args = { collection: 'people' };
  assert.deepEqual(run('ref_kind', { r: [{ owner: 'p-coo-hw' }] }, 'r[*].owner', args), { met: true });
  assert.deepEqual(run('ref_kind', { r: [{ owner: 'p-coo-hw' }, { owner: 'kce' }] }, 'r[*].owner', args),
    { met: false, detail: '"owner" is "kce", which is not one of people', at: ['r', 1, 'owner'] });
  assert.deepEqual(run('ref_kind', { r: [{ title: 'no owner' }] }, 'r[*].owner', args), { met: true }, 'absent owners are each_has\'s business');
});

test('score_mitigated', () => {
  const args = { min_score: 12, closed: ['closed'] };
  const risk = (l: number, i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ r: [{ id: 'R-1', likelihood: l, impact: i, status: 'open', ...extra }] });
  assert.deepEqual(run('score_mitigated', risk(2, 5), 'r[*]', args), { met: true }, '10 is below 12');
  assert.deepEqual(run('score_mitigated', risk(3, 4), 'r[*]', args), { met: false, detail: '"R-1" scores 12 (≥ 12) and has no mitigation', at: ['r', 0] });
  assert.deepEqual(run('score_mitigated', risk(3, 4, { mitigations: [{ action: 'drill' }] }), 'r[*]', args), { met: true });
  assert.deepEqual(run('score_mitigated', risk(5, 5, { status: 'closed' }), 'r[*]', args), { met: true });
  assert.deepEqual(run('score_mitigated', risk(5, 5, { mitigations: [] }), 'r[*]', args).met, false);
  assert.deepEqual(run('score_mitigated', { r: [{ id: 'R-1', likelihood: 'high', impact: 5 }] }, 'r[*]', args), { met: true }, 'no score, no verdict: the schema reports the type');
});

test('sums_to', () => {
  const reg = (split: unknown): Record<string, unknown> => ({ v: [{ id: 'VI-1', split }] });
  assert.deepEqual(run('sums_to', reg({ hw: 0.6, kce: 0.4 }), 'v[*].split', { total: 1 }), { met: true });
  assert.deepEqual(run('sums_to', reg({ hw: 0.1, kce: 0.2, x: 0.7 }), 'v[*].split', { total: 1 }), { met: true }, 'floating point is tolerated');
  assert.deepEqual(run('sums_to', reg({ hw: 0.6, kce: 0.6 }), 'v[*].split', { total: 1 }), { met: false, detail: 'the shares of "VI-1" add up to 1.2, not 1', at: ['v', 0, 'split'] });
  assert.equal(run('sums_to', reg({ hw: 0.6, kce: 'forty' }), 'v[*].split').detail, 'the shares of "VI-1" add up to a non-number, not 1');
  assert.deepEqual(run('sums_to', { v: [] }, 'v[*].split'), { met: false, detail: 'nothing recorded yet' });
});

test('each_recorded_within', () => {
  const args = { in: 'assessments', key: 'person', date: 'assessed_on', days: 730 };
  const bodies = { bodies: [{ members: ['p-coo-hw', 'p-md-kce'] }, { members: ['p-coo-hw'] }] };
  const assessed = (md: string): Record<string, unknown> => ({ ...bodies, assessments: [{ person: 'p-coo-hw', assessed_on: '2025-05-12' }, { person: 'p-md-kce', assessed_on: md }] });
  assert.deepEqual(run('each_recorded_within', assessed('2024-06-01'), 'bodies[*].members[*]', args), { met: true }, '730 days exactly');
  assert.deepEqual(run('each_recorded_within', assessed('2024-05-31'), 'bodies[*].members[*]', args),
    { met: false, detail: 'no record within 730 days for "p-md-kce"', at: ['assessments', 1, 'assessed_on'] });
  // Never assessed: the finding points at the member where the id appears first.
  const never = { ...bodies, assessments: [{ person: 'p-coo-hw', assessed_on: '2025-05-12' }] };
  assert.deepEqual(run('each_recorded_within', never, 'bodies[*].members[*]', args),
    { met: false, detail: 'no record within 730 days for "p-md-kce"', at: ['bodies', 0, 'members', 1] });
  // The latest of several records counts.
  const renewed = { ...assessed('2020-01-01'), assessments: [...(assessed('2020-01-01').assessments as object[]), { person: 'p-md-kce', assessed_on: '2026-01-10' }] };
  assert.deepEqual(run('each_recorded_within', renewed, 'bodies[*].members[*]', args), { met: true });
  assert.deepEqual(run('each_recorded_within', { bodies: [{ members: [] }] }, 'bodies[*].members[*]', args), { met: false, detail: 'nobody to check yet' });
});
