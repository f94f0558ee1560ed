// The life cycle in the engine: a rule counts from from_stage through until_stage while the status is one of
// when_status, and is "not yet" or "no longer" required outside that window; a profile moves until_stage like
// from_stage; status, stage and stage_history agree (stage.* findings), at the exact node, in CRLF files too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, placement, readProfile, type Analysis, type Policy } from '../../server/src/core/index';
import { REFERENCE_AS_OF, referenceText } from './reference';

const text = referenceText();
const rule = (a: Analysis, id: string) => a.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === id);
const codes = (a: Analysis) => a.findings.map((f) => f.code);

function policy(profileText: string): Policy {
  const { profile, findings } = readProfile(profileText);
  assert.deepEqual(findings.map((f) => f.message), [], 'the profile is valid');
  return { layers: [{ source: 'p.rac.yaml', rules: profile.rules, add: profile.add }] };
}

/** The reference file moved to another stage and status, with its history kept in step. */
function at(stage: string, status = 'active', body = text): string {
  const moved = body.replace('lifecycle_stage: staying_together', `lifecycle_stage: ${stage}`).replace(/^( {2}status:) active$/m, `$1 ${status}`);
  return stage === 'exit' ? moved.replace(/( *)- \{stage: staying_together, entered_on: 2024-04-01\}/, '$1- {stage: staying_together, completed_on: 2025-09-30}\n$1- {stage: exit, entered_on: 2025-10-01}') : moved;
}

describe('rule window', () => {
  test('placement: before from_stage, after until_stage, and by status order for when_status', () => {
    const survey = { from_stage: 'staying_together', until_stage: 'staying_together' } as const;
    assert.equal(placement(survey, 'value_creation', 'active'), 'before');
    assert.equal(placement(survey, 'staying_together', 'active'), 'within');
    assert.equal(placement(survey, 'exit', 'exiting'), 'after');
    const evaluation = { from_stage: 'exit', when_status: ['closed'] } as const;
    assert.equal(placement(evaluation, 'exit', 'exiting'), 'before', 'an exit still running has not closed yet');
    assert.equal(placement(evaluation, 'exit', 'closed'), 'within');
    assert.equal(placement(evaluation, 'exit', undefined), 'before', 'no status stands before a rule that asks for one');
    const whileActive = { from_stage: 'awareness', when_status: ['active', 'under_review'] } as const;
    assert.equal(placement(whileActive, 'working_together', 'draft'), 'before');
    assert.equal(placement(whileActive, 'working_together', 'under_review'), 'within');
    assert.equal(placement(whileActive, 'exit', 'exiting'), 'after');
  });

  test('VV4, CB4, EX7 and EX8 count at staying_together and are no longer required at exit, with no finding', () => {
    const stale = text.replace(/last_tested: \S+/, 'last_tested: 2020-01-01');
    const staying = analyze(stale, { asOf: REFERENCE_AS_OF });
    assert.equal(rule(staying, 'EX8')?.state, 'waived', 'the reference file waives EX8 where it counts');
    const exit = analyze(at('exit', 'exiting', stale), { asOf: REFERENCE_AS_OF });
    for (const id of ['VV4', 'CB4', 'EX7', 'EX8']) {
      const r = rule(exit, id);
      assert.equal(r?.state, 'no_longer_required', id);
      assert.equal(r?.untilStage, 'staying_together');
      assert.ok(!codes(exit).includes(`evidence.${id}`), id);
    }
    assert.equal(rule(exit, 'EX8')?.satisfied, false, 'the evidence is still judged, only not counted');
    assert.equal(rule(exit, 'EX8')?.iso44001, '8.8');
    const ex = exit.coverage.principles.find((p) => p.id === 'exit_strategy')!;
    assert.equal(ex.counted, ex.rules.filter((r) => r.state === 'met' || r.state === 'unmet' || r.state === 'unknown').length);
    assert.ok(!ex.rules.some((r) => r.id === 'EX8' && r.state === 'waived'));
  });

  test('when_status: a closing rule is not yet required while exiting, counts once closed, no longer while a status past it', () => {
    const added = policy([
      'add:',
      '  - {id: X-EVAL, principle: exit_strategy, title: exit evaluated, path: principles.information_and_knowledge_sharing.lessons_learned_log, check: present,',
      '     from_stage: exit, when_status: [closed], why: Lessons are lost once the teams disperse., hint: record the evaluation}',
      '  - {id: X-DRAFT, principle: relationship_management, title: draft reviewed, path: principles.information_and_knowledge_sharing.lessons_learned_log, check: present,',
      '     from_stage: awareness, when_status: [draft], why: A draft needs a reader., hint: record the review}',
    ].join('\n') + '\n');
    const exiting = analyze(at('exit', 'exiting'), { asOf: REFERENCE_AS_OF, policy: added });
    assert.equal(rule(exiting, 'X-EVAL')?.state, 'not_yet_required');
    assert.deepEqual(rule(exiting, 'X-EVAL')?.whenStatus, ['closed']);
    assert.equal(rule(exiting, 'X-DRAFT')?.state, 'no_longer_required');
    assert.ok(!codes(exiting).includes('evidence.X-DRAFT'));
    const closed = analyze(at('exit', 'closed'), { asOf: REFERENCE_AS_OF, policy: added });
    assert.equal(rule(closed, 'X-EVAL')?.state, 'unmet');
    const finding = closed.findings.find((f) => f.code === 'evidence.X-EVAL');
    assert.equal(finding?.severity, 'warning');
  });

  test('a profile moves until_stage like from_stage, and refuses one before the rule starts', () => {
    const longer = analyze(at('exit', 'exiting'), { asOf: REFERENCE_AS_OF, policy: policy('rules:\n  CB4: {until_stage: exit}\n') });
    assert.equal(rule(longer, 'CB4')?.state, 'met');
    assert.equal(rule(longer, 'VV4')?.state, 'no_longer_required');
    const { findings } = readProfile('rules:\n  CB4: {until_stage: working_together}\n');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /until_stage working_together comes before CB4's from_stage staying_together/);
  });
});

describe('status and stage agree', () => {
  test('the reference file and its move to exit are clean', () => {
    assert.deepEqual(codes(analyze(text, { asOf: REFERENCE_AS_OF })).filter((c) => c.startsWith('stage.')), []);
    assert.deepEqual(codes(analyze(at('exit', 'exiting'), { asOf: REFERENCE_AS_OF })).filter((c) => c.startsWith('stage.')), []);
  });

  test('active at exit: a warning at the status value, and its fix (exiting) removes it without a new error (CRLF, emoji)', () => {
    const body = at('exit', 'active').replace(/^( {2}title: .*)$/m, '$1 🤝').replace(/\n/g, '\r\n');
    const a = analyze(body, { asOf: REFERENCE_AS_OF });
    const f = a.findings.find((x) => x.code === 'stage.status-mismatch');
    assert.ok(f);
    const doc = TextDocument.create('file:///a.relationship.yaml', 'relationship-yaml', 1, body);
    assert.equal(doc.getText(f.range), 'active');
    assert.equal(f.range.start.line, body.split('\r\n').findIndex((l) => l === '  status: active'));
    const fixed = TextDocument.applyEdits(doc, f.fixes![0].edits);
    const again = analyze(fixed, { asOf: REFERENCE_AS_OF });
    assert.ok(!codes(again).includes('stage.status-mismatch'));
    assert.deepEqual(again.findings.filter((x) => x.severity === 'error'), []);
  });

  test('closed before exit: a warning, and no fix (which of the two is wrong is the author\'s call)', () => {
    const a = analyze(at('staying_together', 'closed'), { asOf: REFERENCE_AS_OF });
    const f = a.findings.find((x) => x.code === 'stage.status-mismatch');
    assert.match(f?.message ?? '', /status is closed but lifecycle_stage is staying_together/);
    assert.equal(f?.fixes, undefined);
  });

  test('an unreadable stage says nothing about the status: the schema error is the one to fix', () => {
    const a = analyze(at('exitt', 'closed'), { asOf: REFERENCE_AS_OF });
    assert.ok(!codes(a).includes('stage.status-mismatch'));
  });

  test('history order: a skip and a step back each name the expected stage at the offending entry', () => {
    const body = text.replace('      - {stage: value_creation, completed_on: 2024-03-31}\n', '');
    const skip = analyze(body, { asOf: REFERENCE_AS_OF }).findings.filter((f) => f.code === 'stage.history-order');
    assert.equal(skip.length, 1);
    assert.match(skip[0].message, /skipping value_creation: add an entry for value_creation before this one/);
    const line = body.split('\n')[skip[0].range.start.line];
    assert.equal(line.slice(skip[0].range.start.character, skip[0].range.end.character), 'staying_together');
    const back = text.replace('{stage: value_creation, completed_on: 2024-03-31}', '{stage: partner_selection, completed_on: 2024-03-31}');
    const messages = analyze(back, { asOf: REFERENCE_AS_OF }).findings.filter((f) => f.code === 'stage.history-order').map((f) => f.message);
    assert.match(messages[0], /goes back from working_together to partner_selection: .* the entry after working_together is value_creation/);
    const twice = text.replace('{stage: value_creation, completed_on: 2024-03-31}', '{stage: working_together, completed_on: 2024-03-31}');
    assert.match(analyze(twice, { asOf: REFERENCE_AS_OF }).findings.find((f) => f.code === 'stage.history-order')?.message ?? '', /names working_together twice in a row/);
  });

  test('history dates: a date before an earlier entry\'s is named with both dates; missing and invalid dates are skipped', () => {
    const body = text.replace('{stage: working_together, completed_on: 2023-09-30}', '{stage: working_together, entered_on: 2023-02-01, completed_on: 2022-12-31}');
    const f = analyze(body, { asOf: REFERENCE_AS_OF }).findings.filter((x) => x.code === 'stage.history-dates');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^completed_on of working_together \(2022-12-31\) is before entered_on of working_together \(2023-02-01\)/);
    const invalid = text.replace('completed_on: 2023-09-30', 'completed_on: 2023-02-30');
    assert.ok(!codes(analyze(invalid, { asOf: REFERENCE_AS_OF })).includes('stage.history-dates'));
  });

  test('bad shapes never throw: a history that is a map, items that are text, stages that are numbers', () => {
    for (const replacement of ['stage_history: {a: 1}', 'stage_history: [awareness, knowledge]', 'stage_history: [{stage: 3}, {stage: null, entered_on: 5}]']) {
      const body = text.replace(/stage_history:\n(?: {6}- .*\n)+/, `${replacement}\n`);
      assert.notEqual(body, text);
      const a = analyze(body, { asOf: REFERENCE_AS_OF });
      assert.ok(!codes(a).some((c) => c === 'stage.history-order' || c === 'stage.history-dates'), replacement);
    }
  });
});
