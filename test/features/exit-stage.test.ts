// A relationship at stage exit holds exactly the exit outputs: while the exit runs (status exiting) the
// activation record and the transition phases on plan; once it has closed, also the evaluation. Such a file is
// clean, and taking away any one output gives one warning that names the rule and says how to fix it, at the key
// that should hold the output; where a quick fix can put the output back, it does, and the file is clean again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { codeActions } from '../../server/src/features/code-actions';
import { fixKind } from '../../server/src/protocol';
import type { Analysis, Finding } from '../../server/src/core/index';
import { analyzeText, applyTextEdits, crlf, diagnostic, textAt, URI } from './fixture';
import { repoFile } from '../unit/reference';

/**
 * The exit-stage baseline of the golden cases (every earlier stage's evidence, then the exit outputs), with an
 * emoji in its title so every position after it on that line counts UTF-16 code units.
 */
const EXITING = readFileSync(repoFile('test', 'golden', 'cases', 'stage-exit.relationship.yaml'), 'utf8')
  .replace('capital delivery alliance', 'capital delivery alliance 🚧');

const EVALUATION = `    evaluation:
      held_on: 2026-05-20
      lessons_learned:
        - Agree the data formats for the hand-over in the first year
      would_work_together_again: yes
`;

const CLOSED = EXITING.replace('status: exiting', 'status: closed') + EVALUATION;
assert.ok(EXITING.includes('status: exiting') && EXITING.endsWith('days of exit\n'), 'the baseline changed: read it again');

const EXIT_RULES = ['EX10', 'EX11', 'EX12'];

/** The exit rules' findings, and any error or warning at all. */
function problems(analysis: Analysis): Finding[] {
  return analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || EXIT_RULES.includes(f.rule ?? ''));
}

/** The state of each exit rule. */
function states(analysis: Analysis): string[] {
  const exit = analysis.coverage.principles.find((p) => p.id === 'exit_strategy')!;
  return exit.rules.filter((r) => EXIT_RULES.includes(r.id)).map((r) => `${r.id} ${r.state}`);
}

/** The text with the value at `path` removed (an output taken away), written back by the yaml library. */
function without(text: string, path: readonly (string | number)[]): string {
  const doc = parseDocument(text);
  assert.ok(doc.hasIn(path), `nothing at ${path.join('.')}`);
  doc.deleteIn(path);
  return doc.toString();
}

const EXIT = ['principles', 'exit_strategy'];
const PHASE = [...EXIT, 'transition_plan', 'phases'];

/** Each output, the rule that asks for it, and the key its finding must stand on. */
const OUTPUTS: { path: (string | number)[]; rule: string; at: string; hint: RegExp }[] = [
  { path: [...EXIT, 'activation'], rule: 'EX10', at: 'exit_strategy', hint: /record the activation \(trigger, decided_by, decided_on, notice_given_on\)/ },
  ...['trigger', 'decided_by', 'decided_on', 'notice_given_on'].map((f) => ({ path: [...EXIT, 'activation', f], rule: 'EX10', at: 'activation', hint: new RegExp(`"activation" has no "${f}"`) })),
  ...['planned_start', 'planned_end', 'status'].map((f) => ({ path: [...PHASE, 1, f], rule: 'EX11', at: 'name', hint: new RegExp(`"handover" has no "${f}".*give each transition phase`) })),
  { path: [...PHASE, 0, 'completed_on'], rule: 'EX11', at: 'name', hint: /"planning" has no "completed_on"/ },
];

const CLOSED_OUTPUTS: typeof OUTPUTS = [
  { path: [...EXIT, 'evaluation'], rule: 'EX12', at: 'exit_strategy', hint: /record the evaluation \(held_on, lessons_learned, would_work_together_again\)/ },
  ...['held_on', 'lessons_learned', 'would_work_together_again'].map((f) => ({ path: [...EXIT, 'evaluation', f], rule: 'EX12', at: 'evaluation', hint: new RegExp(`"evaluation" has no "${f}"`) })),
];

for (const [name, eol] of [['LF', (t: string) => t], ['CRLF', crlf]] as const) {
  test(`an exit under way with exactly its outputs is clean, and the evaluation is not yet required (${name})`, () => {
    const analysis = analyzeText(eol(EXITING));
    assert.deepEqual(problems(analysis).map((f) => f.message), []);
    assert.deepEqual(states(analysis), ['EX10 met', 'EX11 met', 'EX12 not_yet_required']);
  });

  test(`a closed relationship with exactly its outputs is clean (${name})`, () => {
    const analysis = analyzeText(eol(CLOSED));
    assert.deepEqual(problems(analysis).map((f) => f.message), []);
    assert.deepEqual(states(analysis), ['EX10 met', 'EX11 met', 'EX12 met']);
  });
}

for (const [status, base, outputs] of [['exiting', EXITING, OUTPUTS], ['closed', CLOSED, [...OUTPUTS, ...CLOSED_OUTPUTS]]] as const) {
  for (const output of outputs) {
    test(`${status}: without ${output.path.slice(2).join('.')}, ${output.rule} says what is missing and how to fix it`, () => {
      const text = without(base, output.path);
      const found = problems(analyzeText(text));
      assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
      const [f] = found;
      assert.equal(f.code, `evidence.${output.rule}`);
      assert.equal(f.rule, output.rule);
      assert.equal(f.severity, 'warning');
      assert.match(f.message, new RegExp(`^${output.rule} [^:]* \\(ISO 44001 8\\.9\\): `), 'the message names the rule and its ISO 44001 clause');
      assert.match(f.message, output.hint);
      assert.equal(textAt(text, f.range), output.at);
    });
  }
}

test('a phase past its planned end and still open names the phase, at its planned_end key', () => {
  const text = EXITING.replace('planned_end: 2026-09-30', 'planned_end: 2026-05-29');
  assert.notEqual(text, EXITING);
  const [f] = problems(analyzeText(text));
  assert.equal(f.code, 'evidence.EX11');
  assert.match(f.message, /"handover" is past due and still open; .*re-plan a phase past its planned_end/);
  assert.equal(textAt(text, f.range), 'planned_end');
  const done = text.replace('status: in_progress}', 'status: done, completed_on: 2026-05-29}');
  assert.deepEqual(problems(analyzeText(done)), []);
});

test('quick fixes put a missing activation or evaluation back, and the file is clean again (CRLF too)', () => {
  for (const [base, path, rule] of [[EXITING, [...EXIT, 'activation'], 'EX10'], [CLOSED, [...EXIT, 'evaluation'], 'EX12']] as const) {
    for (const text of [without(base, path), crlf(without(base, path))]) {
      const analysis = analyzeText(text);
      const finding = analysis.findings.find((f) => f.rule === rule)!;
      const action = codeActions(analysis, URI, finding.range, [diagnostic(finding)]).find((a) => a.kind === fixKind('evidence', rule));
      assert.ok(action, `no quick fix for ${rule}`);
      const next = applyTextEdits(text, action.edit?.changes?.[URI] ?? []);
      assert.deepEqual(problems(analyzeText(next)).map((f) => f.message), [], next);
      if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(next), 'a bare \\n in a CRLF document');
    }
  }
});
