// The measurement checks, called directly: threshold_side (MO5) with each direction and on the boundary, at_most
// over each party's scores (TM2), and the two findings that read measurements without a rule: an exit trigger
// watching a breached KPI (kpi.breached-trigger) and a trust gap between parties (trust.gap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, checkContext, checks, LineIndex, select, toDay, type Finding } from '../../server/src/core/index';
import { breachOf } from '../../server/src/core/kpi-breach';
import type { Args, Draft, DraftNode } from '../../server/src/core/checks/context';
import { parsePath } from '../../server/src/core/catalog';

const AS_OF = '2026-06-01';

function run(kind: string, data: Record<string, unknown>, path: string, args: Args = {}) {
  const ctx = checkContext(data, toDay(AS_OF)!);
  return checks.get(kind)!.evaluate(select(data, parsePath(path)), args, ctx);
}

const KPIS = 'principles.measurement_and_optimization.kpis[*]';
const kpis = (...list: Record<string, unknown>[]) => ({ principles: { measurement_and_optimization: { kpis: list } } });

test('threshold_side: each direction, the threshold itself, and what it cannot judge', () => {
  const higher = { id: 'K-3', threshold: 80, direction: 'higher_is_better' };
  assert.deepEqual(run('threshold_side', kpis({ ...higher, latest: 71 }), KPIS), {
    met: false, detail: '"K-3" latest 71 is below its threshold 80 (higher is better)', at: ['principles', 'measurement_and_optimization', 'kpis', 0, 'latest'],
  });
  assert.equal(run('threshold_side', kpis({ ...higher, latest: 80 }), KPIS).met, true, 'on the threshold is not past it');
  assert.equal(run('threshold_side', kpis({ ...higher, latest: 80.5 }), KPIS).met, true);
  const lower = { id: 'K-4', threshold: 6, direction: 'lower_is_better' };
  assert.equal(run('threshold_side', kpis({ ...lower, latest: 6.01 }), KPIS).detail, '"K-4" latest 6.01 is above its threshold 6 (lower is better)');
  assert.equal(run('threshold_side', kpis({ ...lower, latest: 6 }), KPIS).met, true);
  assert.equal(run('threshold_side', kpis({ ...lower, latest: 2 }), KPIS).met, true);
  // No threshold, no latest value yet, a latest that is not a number: nothing to judge (MO2 and the schema speak).
  assert.equal(run('threshold_side', kpis({ id: 'K-5', latest: 1 }), KPIS).met, true);
  assert.equal(run('threshold_side', kpis({ ...higher }), KPIS).met, true);
  assert.equal(run('threshold_side', kpis({ ...higher, latest: 'n/a' }), KPIS).met, true);
  assert.equal(run('threshold_side', kpis(), KPIS).met, true, 'no KPIs: MO2 asks for them');
  assert.equal(run('threshold_side', {}, KPIS).met, true);
});

test('threshold_side: a threshold without a direction is unmet at the KPI, whatever its latest value', () => {
  const outcome = run('threshold_side', kpis({ id: 'K-1', threshold: 5, direction: 'up', latest: 9 }, { id: 'K-2', threshold: 60, latest: 70 }), KPIS);
  assert.deepEqual(outcome, {
    met: false, detail: '"K-1" has a threshold (5) but no "direction", so which side of it is a breach is unknown', at: ['principles', 'measurement_and_optimization', 'kpis', 0],
  });
});

test('breachOf is the one judgement MO5 and the triggers share', () => {
  assert.equal(breachOf({ threshold: 80, direction: 'higher_is_better', latest: 79 })?.words, 'latest 79 is below its threshold 80 (higher is better)');
  assert.equal(breachOf({ threshold: 80, direction: 'higher_is_better', latest: 80 }), undefined);
  assert.equal(breachOf({ threshold: Number.NaN, direction: 'higher_is_better', latest: 1 }), undefined);
  assert.equal(breachOf(null), undefined);
  assert.equal(breachOf('K-1'), undefined);
});

test('threshold_side: a quick fix\'s placeholder gets a direction that fits its target, and a value on the right side', () => {
  const kpi: Record<string, unknown> = { id: 'K-1', target: 2, threshold: 5, latest: 9 };
  const draft: Draft = {
    rest: [], withinItem: true,
    reach: (): DraftNode[] => [{ value: kpi, path: ['kpis', 0] }],
    listAt: () => undefined, placeholder: () => undefined, clone: (item) => item,
  };
  checks.get('threshold_side')!.satisfy!(draft, {});
  assert.equal(kpi.direction, 'lower_is_better');
  assert.equal(kpi.latest, 5);
  assert.equal(run('threshold_side', kpis(kpi), KPIS).met, true);
});

const TRUST = 'principles.trust_and_mutual_benefit.trust_measurement';
const trust = (m: Record<string, unknown>) => ({ principles: { trust_and_mutual_benefit: { trust_measurement: m } } });
const SCORES = { field: ['scores', 'score'], max_field: 'scale_max' };

test('at_most over each party\'s scores, with the overall score of format 1 still enough', () => {
  assert.equal(run('at_most', trust({ scores: { hw: 7, kce: 10 }, scale_max: 10 }), TRUST, SCORES).met, true);
  assert.deepEqual(run('at_most', trust({ scores: { hw: 7, kce: 11 }, scale_max: 10 }), TRUST, SCORES), {
    met: false, detail: 'scores kce 11 is above scale_max 10', at: ['principles', 'trust_and_mutual_benefit', 'trust_measurement', 'scores', 'kce'],
  });
  assert.equal(run('at_most', trust({ score: 68, scale_max: 100 }), TRUST, SCORES).met, true);
  assert.equal(run('at_most', trust({ score: 68, scores: { hw: 101 }, scale_max: 100 }), TRUST, SCORES).met, false, 'both are judged');
  assert.equal(run('at_most', trust({ scale_max: 100 }), TRUST, SCORES).detail, '"trust_measurement" needs a numeric "scores", "score" (one of them) and scale_max');
  assert.equal(run('at_most', trust({ scores: { hw: 'high' }, scale_max: 10 }), TRUST, SCORES).detail, 'scores hw is not a number');
  // One field, as organisations' rules may still name it.
  assert.equal(run('at_most', trust({ score: 6, scale_max: 5 }), TRUST, { field: 'score', max_field: 'scale_max' }).detail, 'score 6 is above scale_max 5');
});

/** A relationship with two parties, a trust measurement and a KPI an exit trigger watches. */
function doc(trustLine: string, kpiLine: string, triggerKpi = 'KPI-1'): string {
  return [
    'schema_version: "1"',
    'metadata: {id: R, title: "Harbour 🌊 Kestrel", status: active, lifecycle_stage: staying_together}',
    'parties:',
    '  - {id: hw, name: Harbour, role: customer}',
    '  - {id: kce, name: Kestrel, role: supplier}',
    'principles:',
    '  trust_and_mutual_benefit:',
    `    trust_measurement: ${trustLine}`,
    '  measurement_and_optimization:',
    '    kpis:',
    `      - ${kpiLine}`,
    '  exit_strategy:',
    '    triggers:',
    `      - {id: ET-1, description: "Trust 📉 low", kpi: ${triggerKpi}}`,
    '',
  ].join('\r\n');
}

const KPI_OK = '{id: KPI-1, name: Trust, threshold: 60, direction: higher_is_better, latest: 64}';
const TRUST_OK = '{cadence: annual, last_measured: 2026-01-10, scores: {hw: 7, kce: 6}, scale_max: 10, gap_threshold: 2}';
const only = (text: string, code: string): Finding[] => analyze(text, { asOf: AS_OF }).findings.filter((f) => f.code === code);
const at = (text: string, f: Finding) => {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
};

test('trust.gap: information at the lower party\'s score, naming both parties, the gap on the scale and both scores', () => {
  assert.deepEqual(only(doc(TRUST_OK, KPI_OK), 'trust.gap'), []);
  const text = doc('{scores: {hw: 8, kce: 4, "🐙": 6}, scale_max: 10, gap_threshold: 2}', KPI_OK);
  const [f] = only(text, 'trust.gap');
  assert.equal(f.severity, 'information');
  assert.equal(f.message, 'kce scores trust 4/10 lower than hw (4 against 8), a gap wider than the gap_threshold 2: talk through what each side sees at the next relationship review');
  assert.equal(at(text, f), 'kce');
  // On the threshold: no note. Without a threshold or a second score: nothing to compare.
  assert.deepEqual(only(doc('{scores: {hw: 8, kce: 6}, scale_max: 10, gap_threshold: 2}', KPI_OK), 'trust.gap'), []);
  assert.deepEqual(only(doc('{scores: {hw: 9, kce: 1}, scale_max: 10}', KPI_OK), 'trust.gap'), []);
  assert.deepEqual(only(doc('{scores: {hw: 9}, scale_max: 10, gap_threshold: 1}', KPI_OK), 'trust.gap'), []);
  // Without a scale the gap is in points; fractions print without float noise.
  assert.match(only(doc('{scores: {hw: 0.9, kce: 0.6}, gap_threshold: 0.1}', KPI_OK), 'trust.gap')[0].message, /^kce scores trust 0\.3 points lower than hw \(0\.6 against 0\.9\)/);
});

test('kpi.breached-trigger: a warning on the trigger\'s kpi value, naming both numbers; none when the KPI is fine or unknown', () => {
  assert.deepEqual(only(doc(TRUST_OK, KPI_OK), 'kpi.breached-trigger'), []);
  const text = doc(TRUST_OK, KPI_OK.replace('latest: 64', 'latest: 52'));
  const [f] = only(text, 'kpi.breached-trigger');
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, 'exit trigger "ET-1" watches KPI "KPI-1", whose latest 52 is below its threshold 60 (higher is better): take the trigger to the governance body that holds exit activation, and record its decision');
  assert.equal(at(text, f), 'KPI-1');
  assert.equal(f.range.start.character, text.split('\r\n')[13].indexOf('KPI-1'), 'the emoji counts two UTF-16 code units');
  assert.deepEqual(only(doc(TRUST_OK, KPI_OK.replace('latest: 64', 'latest: 52'), 'KPI-9'), 'kpi.breached-trigger'), [], 'an unresolved KPI is the reference error only');
  assert.equal(only(doc(TRUST_OK, KPI_OK.replace('latest: 64', 'latest: 52'), 'KPI-9'), 'ref.unresolved').length, 1);
});

test('kpi.breached-trigger: none once the activation record names the trigger, still there for another trigger', () => {
  const breached = doc(TRUST_OK, KPI_OK.replace('latest: 64', 'latest: 52'));
  const activated = (trigger: string) => breached.replace('    triggers:\r\n', `    activation: {trigger: ${trigger}, decided_on: 2026-05-01}\r\n    triggers:\r\n`);
  assert.equal(only(activated('ET-2'), 'kpi.breached-trigger').length, 1);
  assert.deepEqual(only(activated('ET-1'), 'kpi.breached-trigger'), []);
  assert.equal(only(activated('ET-1'), 'evidence.MO5').length, 1, 'the KPI itself is still below its threshold');
});

test('malformed measurements never throw and say nothing extra', () => {
  for (const trustLine of ['[1, 2]', '{scores: [hw, kce], gap_threshold: 1}', '{scores: {hw: .nan, kce: 1}, gap_threshold: 0}', '~', '"text"']) {
    for (const kpiLine of ['{id: KPI-1, threshold: [1], direction: higher_is_better, latest: 0}', 'KPI-1', '~']) {
      const analysis = analyze(doc(trustLine, kpiLine), { asOf: AS_OF });
      assert.ok(analysis.findings.every((f) => f.code !== 'kpi.breached-trigger'), `${trustLine} ${kpiLine}`);
    }
  }
});
