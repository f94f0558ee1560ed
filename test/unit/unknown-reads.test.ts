// What cannot be judged, in the core: the sections re-read one by one after a syntax error, the stage read from
// its line when metadata does not parse, and which rules read a broken value (from the catalog's parsed paths).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/index';
import { loadCatalog } from '../../server/src/core/catalog';
import { readsBroken } from '../../server/src/core/rule-reads';
import { recoverSections } from '../../server/src/core/sections';
import { readStage } from '../../server/src/core/stage';
import { flowList } from '../../server/src/core/validate';
import type { Path } from '../../server/src/core/types';

const rule = (id: string) => loadCatalog().rules.get(id)!.rule;
const readers = (broken: Path[]) => [...loadCatalog().rules.keys()].filter((id) => readsBroken(rule(id), broken));

test('a broken value is read by the rules whose paths reach it, and by no other', () => {
  assert.deepEqual(readers([['principles', 'governance_and_processes', 'bodies', 0, 'members']]), ['GP1', 'GP2', 'CB2']);
  assert.deepEqual(readers([['metadata', 'next_review_due']]), ['RM3']);
  assert.deepEqual(readers([['principles', 'relationship_management', 'joint_rmp', 'approved_by']]), ['RM2'], 'RM2 reads the joint plan\'s approvers');
  assert.deepEqual(readers([['principles', 'relationship_management', 'rmp', 'approved_by']]), [], 'RM1 only asks whether the own plan is there');
  assert.deepEqual(readers([['metadata', 'maintained_by']]), ['RM5'], 'the rules about "own" are unknown through their check (own_party), not through their paths');
  assert.deepEqual(readers([['principles', 'risk_management', 'register', 2, 'likelihood']]), ['RK5'], 'the register is still not empty, and its owners are still named');
  assert.deepEqual(readers([['metadata', 'lifecycle_stage']]), ['RM4']);
  assert.deepEqual(readers([['principles', 'competence_and_behaviour', 'assessments', 0, 'assessed_on']]), ['CB2'], 'CB2 looks members up in the assessments its args name; CB3 reads only result and action');
  assert.deepEqual(readers([['principles', 'competence_and_behaviour', 'assessments', 0, 'result']]), ['CB2', 'CB3']);
  assert.deepEqual(readers([]), []);
  assert.equal(readers([[]]).length, loadCatalog().rules.size, 'a file that does not parse at all leaves every rule unknown');
});

test('after a syntax error each section is read alone: the broken one is named, the others keep their data', () => {
  const text = 'schema_version: "1"\nmetadata:\n  title: a: b\n  lifecycle_stage: exit\nparties:\n  - {id: a, name: A, role: customer}\n'
    + 'principles:\n  risk_management:\n    review_cadence: monthly\n  exit_strategy:\n\ttriggers: []\n';
  const r = recoverSections(text);
  assert.deepEqual(r.broken, [['metadata'], ['principles', 'exit_strategy']]);
  assert.deepEqual(Object.keys(r.data), ['schema_version', 'parties', 'principles']);
  assert.deepEqual(r.data.principles, { risk_management: { review_cadence: 'monthly' } });
  assert.deepEqual(recoverSections('[unclosed').broken, [[]]);
});

test('the stage is read from the data, or from its line when metadata does not parse; a non-stage is unknown', () => {
  assert.deepEqual(readStage({ lifecycle_stage: 'exit' }), { stage: 'exit', declared: true, known: true });
  assert.deepEqual(readStage({ lifecycle_stage: 'working' }), { stage: 'awareness', declared: false, known: false });
  assert.deepEqual(readStage({}), { stage: 'awareness', declared: false, known: true }, 'no stage written: the first stage, as before');
  assert.deepEqual(readStage(undefined, 'metadata:\n  title: a: b\n  lifecycle_stage: "value_creation"  # now\n'), { stage: 'value_creation', declared: true, known: true });
  assert.deepEqual(readStage(undefined, 'metadata:\r\n\tlifecycle_stage: working_together\r\n  lifecycle_stage: working_together\r\n'), { stage: 'working_together', declared: true, known: true });
  assert.deepEqual(readStage(undefined, 'metadata:\n  lifecycle_stage: [exit\n'), { stage: 'awareness', declared: false, known: false });
  assert.deepEqual(readStage(undefined, 'metadata:\n  title: a: b\n'), { stage: 'awareness', declared: false, known: true });
});

test('a text meant as a list is shown as a flow list, quoted where YAML needs it', () => {
  assert.equal(flowList('p-a, p-b'), '[p-a, p-b]');
  assert.equal(flowList('one'), '[one]');
  assert.equal(flowList('a: b, #c, 😀 smile,,'), '["a: b", "#c", 😀 smile]');
});

test('a value of the wrong type is one finding: its enum is not reported beside the type', () => {
  const text = 'schema_version: "1"\nmetadata:\n  id: X\n  title: T\n  status: [draft]\n  lifecycle_stage:\n';
  const schema = analyze(text, { asOf: '2026-06-01' }).findings.filter((f) => f.code.startsWith('schema.') && f.range.start.line >= 4);
  assert.deepEqual(schema.map((f) => [f.range.start.line, f.code]), [[4, 'schema.type'], [5, 'schema.type']]);
  assert.equal(readStage({ lifecycle_stage: null }).known, true, 'an empty stage is not written yet: the first stage, as when absent');
});
