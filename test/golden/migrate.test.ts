// The migration golden: every v1 fixture migrated (migrated.ts) equals its *.migrated.yaml, keeps every comment
// line, migrates to nothing more, parses and is no longer told to migrate. Regenerate with `npm run
// update-golden` and read the diff: only the version, the plan's key and type line, and KPI directions may change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, migrate } from '../../server/src/core/index';
import { commentLines, migratedGoldens, migrationFixtures, readGolden, shown } from './migrated';

const fixtures = migrationFixtures();
const migrated = fixtures.filter((f) => f.migration.status === 'migrated');

test('most fixtures are v1 and migrate, every kept relationship among them; the samples are already at "2"', () => {
  assert.ok(migrated.length >= 100, `only ${migrated.length} of ${fixtures.length} fixtures migrated`);
  // The samples teach the current format (they were moved with rac migrate itself); the other kept files stay at
  // "1" so that the migration keeps being proven on complete relationships.
  for (const f of fixtures.filter((g) => !g.path.startsWith('test/golden/cases/'))) {
    assert.equal(f.migration.status, f.path.startsWith('samples/') ? 'current' : 'migrated', f.path);
  }
});

test('a fixture told to migrate (format.v1, once) migrates with its quick fix; one with a YAML error is refused and not told', () => {
  for (const f of fixtures) {
    const analysis = analyze(f.text, { asOf: '2026-06-01' });
    const v1 = analysis.findings.filter((g) => g.code === 'format.v1');
    const syntax = analysis.findings.some((g) => g.code === 'syntax' || g.code.startsWith('syntax.'));
    if (syntax) {
      assert.deepEqual([v1.length, f.migration.status], [0, 'refused'], f.path);
      continue;
    }
    assert.ok(v1.length <= 1, `${f.path}: format.v1 given ${v1.length} times`);
    if (v1.length === 0) continue;
    assert.equal(f.migration.status, 'migrated', f.path);
    assert.equal(v1[0].fixes?.length, 1, `${f.path}: the quick fix is offered`);
  }
});

test('every *.migrated.yaml belongs to a fixture that migrates (a renamed case leaves none behind)', () => {
  const owned = new Set(migrated.map((f) => f.golden));
  assert.deepEqual(migratedGoldens().filter((g) => !owned.has(g)).map(shown), []);
});

for (const f of migrated) {
  test(`migrate ${f.path}`, () => {
    if (f.migration.status !== 'migrated') return;
    const expected = readGolden(f.golden);
    assert.ok(expected !== undefined, `${shown(f.golden)} is missing: run npm run update-golden and review it`);
    assert.equal(f.migration.text, expected, `${f.path}: the migration differs from ${shown(f.golden)}`);
    const after = commentLines(f.migration.text);
    const missing = commentLines(f.text).filter((line) => {
      const i = after.indexOf(line);
      if (i >= 0) after.splice(i, 1);
      return i < 0;
    });
    assert.deepEqual(missing, [], `${f.path}: comment lines lost`);
    assert.deepEqual(analyze(f.migration.text, { asOf: '2026-06-01' }).findings.filter((g) => g.code === 'format.v1' || g.code.startsWith('syntax')).map((g) => g.message), []);
  });
}

test('migrating a migrated fixture changes nothing', () => {
  for (const f of migrated) {
    if (f.migration.status === 'migrated') assert.deepEqual(migrate(f.migration.text), { status: 'current' }, f.path);
  }
});
