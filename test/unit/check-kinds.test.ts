// The registry of check kinds: one module object per file, each used by the catalog, each carrying the
// parts the catalog's rules need from it. A kind that lacks a part fails here, naming the rule that needs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { checkContext, checks, fromDay, loadCatalog, select, toDay } from '../../server/src/core/index';
import { REFERENCE_AS_OF, referenceText, repoFile } from './reference';

const rules = [...loadCatalog().rules.values()].map((r) => r.rule);

test('the registry holds exactly one kind per file in checks/, named as its file', () => {
  const files = readdirSync(repoFile('server', 'src', 'core', 'checks')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'context.ts').map((f) => f.slice(0, -3)).sort();
  assert.deepEqual([...checks.keys()].sort(), files);
  for (const [name, kind] of checks) {
    assert.equal(kind.name, name);
    assert.equal(typeof kind.evaluate, 'function', name);
  }
});

test('every kind is used by a rule of the catalog, and every kind a rule names is registered', () => {
  const used = new Set(rules.flatMap((r) => r.checks.map((c) => c.check)));
  assert.deepEqual([...checks.keys()].filter((k) => !used.has(k)), [], 'kinds no rule uses: remove them or use them');
  for (const rule of rules) for (const c of rule.checks) assert.ok(checks.has(c.check), `${rule.id}: unknown check "${c.check}"`);
});

// CB2's records age one person at a time; the timeline shows the governance cadences beside them instead.
const NO_TIMELINE = new Set(['CB2']);

test('a check whose verdict moves with the as-of date puts its dates on the timeline (its kind has `dates`)', () => {
  // The reference example meets every rule on its date; twenty years later, whatever reads the clock fails.
  const data = parse(referenceText()) as Record<string, unknown>;
  const now = checkContext(data, toDay(REFERENCE_AS_OF)!);
  const later = checkContext(data, toDay(REFERENCE_AS_OF)! + 20 * 366);
  const clocked: string[] = [];
  for (const rule of rules) {
    for (const spec of rule.checks) {
      const kind = checks.get(spec.check)!;
      const targets = select(data, spec.segments);
      const moves = kind.evaluate(targets, spec.args, now).met && !kind.evaluate(targets, spec.args, later).met;
      if (!moves || NO_TIMELINE.has(rule.id)) continue;
      clocked.push(rule.id);
      assert.ok(kind.dates, `${rule.id} reads the as-of date through "${spec.check}", which has no dates for the timeline`);
      const dates = kind.dates(targets, spec.args, rule.title);
      assert.ok(dates.length > 0, `${rule.id}: "${spec.check}" reports no date on the reference example`);
      for (const d of dates) assert.match(fromDay(d.day), /^\d{4}-\d{2}-\d{2}$/, `${rule.id}: ${JSON.stringify(d)}`);
    }
  }
  assert.ok(clocked.length >= 10, `only ${clocked.join(', ')} read the clock: the probe no longer probes`);
});
