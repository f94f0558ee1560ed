// Evidence findings name the ISO 44001 clause of their rule: one rule's finding after its title, a principle's
// grouped finding after the ids of the rules that count (once when they share a clause, each with its own
// otherwise; VC3 and VC4, about the register's items, are met when there are none). An organisation's
// own rule (from a profile) has no clause and is named by its id alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze, readProfile, type Analysis, type Policy } from '../../server/src/core/index';
import { repoFile } from './reference';

const BASELINE = readFileSync(repoFile('test', 'golden', 'cases', 'stage-staying-together.relationship.yaml'), 'utf8');

function without(path: (string | number)[], policy?: Policy): Analysis {
  const doc = parseDocument(BASELINE);
  assert.ok(doc.hasIn(path), path.join('.'));
  doc.deleteIn(path);
  return analyze(doc.toString(), { asOf: '2026-06-01', fileExists: () => 'exists', policy });
}

const messages = (a: Analysis, code: string) => a.findings.filter((f) => f.code === code).map((f) => f.message);

test('a rule\'s finding names its clause after its title, the hint still last', () => {
  assert.deepEqual(messages(without(['principles', 'exit_strategy', 'last_tested']), 'evidence.EX8'), [
    'EX8 exit plan tested in the last year (ISO 44001 8.8): "last_tested" has no date; run an exit test (a data extraction or a tabletop) and record last_tested',
  ]);
});

test('a principle without a section names the clause once when its rules share one, else each rule\'s', () => {
  assert.deepEqual(messages(without(['principles', 'value_creation']), 'evidence.missing-principle'), [
    'principle 11 Value creation has no evidence: VC1, VC2 (ISO 44001 8.7) count at stage staying_together; add "value_creation:" under principles',
  ]);
  assert.deepEqual(messages(without(['principles', 'trust_and_mutual_benefit']), 'evidence.missing-principle'), [
    'principle 10 Trust and mutual benefit has no evidence: TM1 (ISO 44001 8.6), TM2 (ISO 44001 8.8), TM3 (ISO 44001 8.6), TM4 (ISO 44001 8.6), TM5 (ISO 44001 8.8) count at stage staying_together; add "trust_and_mutual_benefit:" under principles',
  ]);
});

test('an organisation\'s own rule has no clause: its finding and the grouped one name it by id alone', () => {
  const { profile, findings } = readProfile(`add:
  - id: X-VC1
    principle: value_creation
    title: ideas reviewed by the board
    path: principles.value_creation.register[*].status
    check: includes
    args: { values: [board_approved] }
    from_stage: value_creation
    why: the board funds the ideas
    hint: record when the board reviewed the ideas
`);
  assert.deepEqual(findings.map((f) => f.message), []);
  const policy: Policy = { layers: [{ source: 'org.rac.yaml', rules: profile.rules, add: profile.add }] };
  const own = analyze(BASELINE, { asOf: '2026-06-01', fileExists: () => 'exists', policy });
  assert.deepEqual(messages(own, 'evidence.X-VC1').map((m) => m.replace(/: .*; /, ': …; ')), ['X-VC1 ideas reviewed by the board: …; record when the board reviewed the ideas']);
  assert.deepEqual(messages(without(['principles', 'value_creation'], policy), 'evidence.missing-principle'), [
    'principle 11 Value creation has no evidence: VC1 (ISO 44001 8.7), VC2 (ISO 44001 8.7), X-VC1 count at stage staying_together; add "value_creation:" under principles',
  ]);
});
