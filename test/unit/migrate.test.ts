// The v1 → v2 migration as text edits: each transform on block and flow maps, quotes, comments and CRLF kept,
// idempotence, refusal of broken files, the format.v1 finding with its quick fix, and no throw on mutated text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, LineIndex, migrate, MIGRATE_FIX_TITLE, scaffold, STAGES, type Migration } from '../../server/src/core/index';
import { applyEdits } from '../../server/src/features/yaml-edit';
import { prng } from '../properties/documents';
import { referenceText } from './reference';

const V1 = `# A relationship kept in version 1.
schema_version: "1"   # the format
metadata: {id: REL-1, title: T, status: active, lifecycle_stage: working_together}
parties:
  - {id: a, name: A, role: customer}
  - {id: b, name: B, role: supplier}
principles:
  relationship_management:
    # the plan both parties signed
    rmp:
      id: RMP-1
      # which kind of plan
      type: joint          # agreed in 2025
      document: docs/rmp.md
  measurement_and_optimization:
    kpis:
      - id: K-1
        target: 95
        threshold: 90     # service floor
        unit: "%"
      - {id: K-2, target: 2, threshold: 5, unit: days}
      - id: K-3
        target: 95
        threshold: 95
      - id: K-4
        target: "95%"
        threshold: 90
      - id: K-5
        target: 10
        threshold: 20
        direction: higher_is_better
`;

function migrated(text: string): Extract<Migration, { status: 'migrated' }> {
  const m = migrate(text);
  assert.equal(m.status, 'migrated', JSON.stringify(m));
  return m as Extract<Migration, { status: 'migrated' }>;
}

test('a v1 file: version, joint plan and KPI directions change, nothing else', () => {
  const m = migrated(V1);
  assert.equal(m.text, V1
    .replace('schema_version: "1"', 'schema_version: "2"')
    .replace('    rmp:\n', '    joint_rmp:\n')
    .replace('      type: joint          # agreed in 2025\n', '')
    .replace('        threshold: 90     # service floor\n', '        threshold: 90     # service floor\n        direction: higher_is_better\n')
    .replace('{id: K-2, target: 2, threshold: 5, unit: days}', '{id: K-2, target: 2, threshold: 5, direction: lower_is_better, unit: days}'));
  assert.deepEqual(m.changes.map((c) => [c.line, c.summary]), [
    [1, 'schema_version "1" → "2"'],
    [9, 'rmp of type joint → joint_rmp ("type: joint" removed)'],
    [18, 'KPI K-1: direction higher_is_better (threshold 90 below target 95)'],
    [20, 'KPI K-2: direction lower_is_better (threshold 5 above target 2)'],
  ]);
  // The comment line above the removed line stays; the edits rebuild the same text.
  assert.match(m.text, / {6}# which kind of plan\n {6}document:/);
  assert.equal(applyEdits(V1, m.edits, new LineIndex(V1)), m.text);
});

test('migrating again changes nothing, and a v2 file is current', () => {
  const m = migrated(V1);
  assert.deepEqual(migrate(m.text), { status: 'current' });
});

test('quote style of the version and of the rmp key is kept', () => {
  assert.match(migrated("schema_version: '1'\nmetadata: {}\n").text, /^schema_version: '2'\n/);
  assert.match(migrated('schema_version: "1"\nmetadata: {}\n').text, /^schema_version: "2"\n/);
  const text = `schema_version: "1"\nprinciples:\n  relationship_management:\n    "rmp": {id: R, type: joint, document: d.md}\n`;
  assert.equal(migrated(text).text, `schema_version: "2"\nprinciples:\n  relationship_management:\n    "joint_rmp": {id: R, document: d.md}\n`);
});

test('type: single goes, in block and flow maps, first, middle and last', () => {
  const at = (rmp: string): string => migrated(`schema_version: "1"\nprinciples:\n  relationship_management:\n    rmp: ${rmp}\n`).text.split('\n')[3];
  assert.equal(at('{type: single, id: R}'), '    rmp: {id: R}');
  assert.equal(at('{id: R, type: single, document: d.md}'), '    rmp: {id: R, document: d.md}');
  assert.equal(at('{id: R, type: single}'), '    rmp: {id: R}');
  assert.equal(at('{ id: R , type: single }'), '    rmp: { id: R }');
  const block = migrated(`schema_version: "1"\nprinciples:\n  relationship_management:\n    rmp:\n      type: single\n      id: R\n`).text;
  assert.equal(block, `schema_version: "2"\nprinciples:\n  relationship_management:\n    rmp:\n      id: R\n`);
});

test('CRLF stays CRLF, and a last line without a line break gets one only between lines', () => {
  const crlf = V1.replace(/\n/g, '\r\n');
  const m = migrated(crlf);
  assert.equal(m.text, migrated(V1).text.replace(/\n/g, '\r\n'));
  assert.doesNotMatch(m.text.replace(/\r\n/g, ''), /[\r\n]/);
  const open = 'schema_version: "1"\nprinciples:\n  measurement_and_optimization:\n    kpis:\n      - id: K\n        target: 1\n        threshold: 3';
  assert.equal(migrated(open).text, open.replace('"1"', '"2"') + '\n        direction: lower_is_better');
});

test('tabs in values and emoji keep their place; positions are UTF-16', () => {
  const text = `schema_version: "1"\nmetadata: {title: "🚰 water\tworks"}\nprinciples:\n  measurement_and_optimization:\n    kpis:\n      - {id: "K-🚰", target: 5, threshold: 1}\n`;
  const m = migrated(text);
  assert.equal(m.text, text.replace('"1"', '"2"').replace('threshold: 1}', 'threshold: 1, direction: higher_is_better}'));
  assert.equal(applyEdits(text, m.edits, new LineIndex(text)), m.text);
});

test('a joint plan stays where a joint_rmp is already written, and the unreadable is left alone', () => {
  const both = `schema_version: "1"\nprinciples:\n  relationship_management:\n    joint_rmp: {id: J}\n    rmp: {id: R, type: joint}\n`;
  assert.equal(migrated(both).text, both.replace('"1"', '"2"'));
  const alias = `schema_version: "1"\nx-plan: &plan {id: R, type: joint}\nprinciples:\n  relationship_management:\n    rmp: *plan\n`;
  assert.equal(migrated(alias).text, alias.replace('"1"', '"2"'));
  const odd = `schema_version: "1"\nprinciples:\n  relationship_management:\n    rmp: {type: shared}\n  measurement_and_optimization:\n    kpis: [{target: high, threshold: 1}, 7]\n`;
  assert.equal(migrated(odd).text, odd.replace('"1"', '"2"'));
});

test('a file with a syntax error, no version or another version is refused, with the reason', () => {
  const broken = migrate('schema_version: "1"\nmetadata: {id: [\n');
  assert.equal(broken.status, 'refused');
  assert.match((broken as { reason: string }).reason, /YAML error on line \d+ .*fix it first, nothing was changed/);
  assert.match((migrate('metadata: {}\n') as { reason: string }).reason, /no schema_version/);
  assert.match((migrate('schema_version: "7"\n') as { reason: string }).reason, /schema_version "7"/);
  assert.match((migrate('- a list\n') as { reason: string }).reason, /not a map/);
  assert.equal(migrate('').status, 'refused');
  assert.equal(migrate('schema_version: "1"\nmetadata: {}\nmetadata: {}\n').status, 'refused', 'a duplicate key is an error too');
});

test('format.v1: one information finding at the version value, whose quick fix is the migration', () => {
  const analysis = analyze(V1, { asOf: '2026-06-01' });
  const found = analysis.findings.filter((f) => f.code === 'format.v1');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.severity, 'information');
  assert.deepEqual(f.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
  assert.match(f.message, /rac migrate FILE.*quick fix/);
  assert.equal(f.fixes?.[0].title, MIGRATE_FIX_TITLE);
  const after = applyEdits(V1, f.fixes![0].edits, analysis.lines);
  assert.equal(after, migrated(V1).text);
  assert.equal(analyze(after, { asOf: '2026-06-01' }).findings.filter((g) => g.code === 'format.v1' || g.code.startsWith('syntax')).length, 0);
});

test('format.v1 is not given for "2", nor beside a YAML error, which comes first', () => {
  assert.equal(analyze(migrated(V1).text, { asOf: '2026-06-01' }).findings.some((f) => f.code === 'format.v1'), false);
  const broken = analyze('schema_version: "1"\nmetadata: {id: x\nparties: []\n', { asOf: '2026-06-01' });
  assert.ok(broken.findings.some((f) => f.code === 'syntax'));
  assert.equal(broken.findings.some((f) => f.code === 'format.v1'), false);
});

test('schema_version 1 without quotes: an error whose fix quotes it', () => {
  const analysis = analyze('schema_version: 1\nmetadata: {id: R, title: T, status: draft, lifecycle_stage: awareness}\nparties: []\n', { asOf: '2026-06-01' });
  const f = analysis.findings.find((g) => g.path?.[0] === 'schema_version');
  assert.ok(f, JSON.stringify(analysis.findings));
  assert.match(f.message, /must be "1" \(in quotes\): YAML reads a bare 1 as a whole number/);
  assert.equal(f.fixes?.[0].edits[0].newText, '"1"');
});

test('a new file (rac init, New Relationship File) is written at schema_version "2" and is current', () => {
  for (const stage of STAGES) {
    const text = scaffold(stage, { asOf: '2026-06-01' });
    assert.match(text, /^schema_version: "2"$/m, stage);
    assert.deepEqual(migrate(text), { status: 'current' }, stage);
    assert.equal(analyze(text, { asOf: '2026-06-01' }).findings.some((f) => f.code === 'format.v1'), false, stage);
  }
});

test('property: migrating mutated and broken documents never throws, and what it writes migrates to nothing more', () => {
  const base = referenceText();
  const rnd = prng(44);
  const spice = [':', '-', '[', ']', '{', '}', ',', '#', '&', '*', '\t', '\n', '\r', '\r\n', ' ', '"', "'", '🚰', 'type: joint', 'threshold: 1', '---'];
  for (let i = 0; i < 300; i++) {
    let text = base;
    for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
      const at = Math.floor(rnd() * (text.length + 1));
      text = rnd() < 0.5 ? text.slice(0, at) + spice[Math.floor(rnd() * spice.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20));
    }
    let m: Migration;
    assert.doesNotThrow(() => { m = migrate(text); }, `mutation ${i}`);
    if (m!.status !== 'migrated') continue;
    assert.equal(applyEdits(text, m!.edits, new LineIndex(text)), m!.text, `mutation ${i}: edits and text agree`);
    assert.deepEqual(migrate(m!.text), { status: 'current' }, `mutation ${i}: the result is current`);
  }
});
