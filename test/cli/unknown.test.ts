// A new user's first mistakes, as rac check answers them: a syntax error or a bad stage never rewrites the
// coverage (the declared stage is kept, what cannot be judged is "unknown", not "missing"), one mistake gives
// one finding that comes first and shows the fix, and related places are printed (text) and linked (SARIF).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { rac, workspace } from './run-cli';

const AS_OF = '2026-11-01';
const ROOT = join(__dirname, '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'joint-venture.relationship.yaml'), 'utf8');

interface JsonFinding { code: string; severity: string; message: string; line: number; column: number; rule: string | null }
interface JsonCoverage {
  covered: number; required: number; unknown: number; stage: string; unknownBecause?: string[];
  principles: { id: string; status: string; rules: { id: string; state: string }[] }[];
}
interface Json { files: { findings: JsonFinding[]; coverage: JsonCoverage }[] }

/** The 1-based line of the first line of `text` that holds `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line holds ${needle}`);
  return i + 1;
}

function edited(from: string | RegExp, to: string): string {
  const text = SAMPLE.replace(from, to);
  assert.notEqual(text, SAMPLE, `the sample has ${String(from)}`);
  return text;
}

function check(text: string, ...args: string[]): { status: number | null; stdout: string; stderr: string; json: Json } {
  const dir = workspace({ 'a.relationship.yaml': text });
  const r = rac(['check', '--as-of', AS_OF, ...args, 'a.relationship.yaml'], dir);
  const j = rac(['check', '--as-of', AS_OF, '--format', 'json', 'a.relationship.yaml'], dir);
  return { ...r, json: JSON.parse(j.stdout) as Json };
}

function states(c: JsonCoverage): Map<string, string> {
  return new Map(c.principles.flatMap((p) => p.rules.map((r) => [r.id, r.state] as const)));
}

describe('a syntax error or a bad stage does not rewrite the coverage', () => {
  const clean = check(SAMPLE).json.files[0].coverage;

  test('the sample is the baseline: working_together, 11 of 11 required principles covered', () => {
    assert.equal(clean.stage, 'working_together');
    assert.equal(clean.covered, 11);
    assert.equal(clean.unknown, 0);
  });

  for (const [what, text] of [
    ['an unquoted colon in the title', edited('title: Tidewater Hydrogen – joint venture', 'title: Tidewater Hydrogen: joint venture')],
    ['a tab indenting a metadata key', edited('\n  status: active', '\n\tstatus: active')],
  ] as const) {
    test(`${what}: the stage is kept, the rules reading metadata are unknown, the other principles are judged`, () => {
      const r = check(text);
      const c = r.json.files[0].coverage;
      assert.equal(c.stage, 'working_together');
      assert.equal(c.required, clean.required);
      // Metadata says which party is "own" (BO5, CL4) and names the contract (GP6): those principles wait too.
      assert.equal(c.covered, 7, 'every principle whose rules do not read metadata is judged on its own section');
      const unknown = c.principles.filter((p) => p.status === 'unknown').map((p) => `${p.id}: ${p.rules.filter((x) => x.state === 'unknown').map((x) => x.id).join(' ')}`);
      assert.deepEqual(unknown, ['relationship_management: RM3 RM4 RM5', 'business_objectives: BO5', 'collaborative_leadership: CL4', 'governance_and_processes: GP6']);
      assert.ok(c.principles.every((p) => p.status !== 'missing'), 'nothing is "missing" because of a syntax error');
      assert.deepEqual(c.unknownBecause, ['metadata does not parse']);
      assert.deepEqual(r.json.files[0].findings.map((f) => f.code), ['syntax']);
      assert.match(r.stdout, /coverage 7\/12: 7 of 11 required principles covered, 4 unknown, 1 not yet required · stage working_together · .* relationship_management unknown \(RM3, RM4, RM5 unknown\); .* · not judged: metadata does not parse/);
      assert.doesNotMatch(r.stdout, /stage awareness|missing/);
    });
  }

  test('a syntax error inside one principle leaves only that principle unknown', () => {
    const text = edited('    joint_vision:', '    joint_vision: [unclosed\n    x-note:');
    const c = check(text).json.files[0].coverage;
    assert.equal(c.stage, 'working_together');
    assert.equal(c.principles.find((p) => p.id === 'vision_and_values')!.status, 'unknown');
    assert.equal(c.covered, 10);
    assert.deepEqual(c.unknownBecause, ['principles.vision_and_values does not parse']);
  });

  test('lifecycle_stage: working gets its error with did-you-mean, and the stage is unknown, not awareness', () => {
    const r = check(edited('lifecycle_stage: working_together', 'lifecycle_stage: working'));
    const findings = r.json.files[0].findings;
    const error = findings.find((f) => f.code === 'schema.enum')!;
    assert.match(error.message, /"working" is not a valid lifecycle_stage: did you mean "working_together"\?/);
    const c = r.json.files[0].coverage;
    assert.equal(c.stage, 'unknown');
    const s = states(c);
    assert.equal(s.get('EX1'), 'unknown', 'a rule counting from working_together is not judged at awareness');
    assert.equal(s.get('RK1'), 'met', 'a rule that counts at every stage is judged');
    assert.ok(![...s.values()].includes('not_yet_required'), 'nothing is declared not yet required at a stage nobody chose');
    assert.ok(!findings.some((f) => f.code === 'evidence.RM4'), 'no evidence warning on top of the error');
    assert.match(r.stdout, /· stage unknown · .*not judged: lifecycle_stage does not name a stage/);
    assert.doesNotMatch(r.stdout, /stage awareness/);
  });

  test('--min-coverage all counts unknown principles as not covered, and says so', () => {
    const text = edited('title: Tidewater Hydrogen – joint venture', 'title: Tidewater Hydrogen: joint venture');
    const r = check(text, '--min-coverage', 'all', '--fail-on', 'never');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /covers 7 of the 11 principles its stage \(working_together\) requires; --min-coverage all wants every one \(4 cannot be judged until the errors are fixed, and count as not covered\)/);
  });
});

describe('one mistake, one finding, the cause first', () => {
  test('members: a, b is one error that shows the list, with no evidence warnings about the members', () => {
    const r = check(edited('members: [p-sd-cgn, p-md-ltg, p-vp-vol]', 'members: p-sd-cgn, p-md-ltg, p-vp-vol'));
    const [file] = r.json.files;
    const onLine = file.findings.filter((f) => f.line === lineOf(SAMPLE, 'members: [p-sd-cgn, p-md-ltg, p-vp-vol]'));
    assert.deepEqual(onLine.map((f) => f.code), ['schema.type']);
    assert.equal(onLine[0].message, '"members" must be a list, not a string: write members: [p-sd-cgn, p-md-ltg, p-vp-vol]');
    assert.deepEqual(file.findings.filter((f) => /^evidence\.(GP1|GP2|CB2)$/.test(f.code)), []);
    const s = states(file.coverage);
    assert.deepEqual(['GP1', 'GP2', 'CB2'].map((id) => s.get(id)), ['unknown', 'unknown', 'unknown']);
    assert.equal(s.get('GP3'), 'met', 'a rule that does not read the members is judged');
  });

  for (const [what, value, code] of [['a malformed date', '2027-1-06', 'schema.date'], ['an impossible date', '2027-02-30', 'date.invalid']] as const) {
    test(`${what} in next_review_due is the error alone: RM3 is unknown, not "has no date"`, () => {
      const r = check(edited('next_review_due: 2027-01-06', `next_review_due: ${value}`));
      const [file] = r.json.files;
      assert.deepEqual(file.findings.filter((f) => f.line === lineOf(SAMPLE, 'next_review_due:')).map((f) => f.code), [code]);
      assert.equal(states(file.coverage).get('RM3'), 'unknown');
    });
  }

  test('approved_by: one person is one error that shows the list; RM2 is unknown, RM1 still met', () => {
    const r = check(edited('approved_by: [p-sd-cgn, p-md-ltg, p-vp-vol]', 'approved_by: p-sd-cgn'));
    const [file] = r.json.files;
    assert.deepEqual(file.findings.filter((f) => f.line === lineOf(SAMPLE, 'approved_by: [p-sd-cgn, p-md-ltg, p-vp-vol]')).map((f) => [f.code, f.message]), [['schema.type', '"approved_by" must be a list, not a string: write approved_by: [p-sd-cgn]']]);
    const s = states(file.coverage);
    assert.deepEqual([s.get('RM1'), s.get('RM2')], ['met', 'unknown']);
  });

  test('on one line the error is printed before the warnings about the same line', () => {
    // A risk owned by a party id instead of a person: the unresolved reference (the cause) and RK2's warning
    // stand on one line; the warning's column is the smaller, and the error still comes first.
    const text = readFileSync(join(ROOT, 'test', 'golden', 'cases', 'rk2-risk-owned-by-a-party.relationship.yaml'), 'utf8');
    const dir = workspace({ 'a.relationship.yaml': text });
    const r = rac(['check', '--as-of', '2026-06-01', 'a.relationship.yaml'], dir);
    const heads = r.stdout.split('\n').filter((l) => /^a\.relationship\.yaml:43:/.test(l));
    assert.deepEqual(heads.map((l) => /^\S+ (\w+)/.exec(l)![1]), ['error', 'warning']);
    assert.match(heads[0], /:43:17: error .*\[ref\.unresolved\]/);
    assert.match(heads[1], /:43:10: warning .*\[evidence\.RK2\]/);
  });
});

describe('related places are printed and linked', () => {
  const text = `${SAMPLE.replace('  status: active\n', '  status: active\n  status: draft\n')}`
    .replace('  - {id: ltg, name: Linden Transit Group plc, role: jv_partner}', '  - {id: cgn, name: Linden Transit Group plc, role: jv_partner}');

  test('text: a note line under a duplicate key and a duplicate id names the first occurrence', () => {
    const r = check(text, '--fail-on', 'never');
    assert.match(r.stdout, /a\.relationship\.yaml:11:3: error "status" is already a key of this map.*\n.*\n.*\n {2}note: a\.relationship\.yaml:10:3: "status" is first used here\n/);
    const first = lineOf(text, '{id: cgn, name: Calder Gas Networks Ltd');
    assert.match(r.stdout, new RegExp(`\\[ref\\.duplicate-id\\]\\n.*\\n.*\\n {2}note: a\\.relationship\\.yaml:${first}:10: "cgn" is first defined here\\n`));
  });

  test('SARIF: relatedLocations for every finding that has related places', () => {
    const dir = workspace({ 'a.relationship.yaml': text });
    const sarif = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'sarif', 'a.relationship.yaml'], dir).stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: { message: { text: string }; physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const related = sarif.runs[0].results.filter((x) => x.relatedLocations);
    assert.deepEqual(related.map((x) => x.ruleId).sort(), ['ref.duplicate-id', 'syntax.duplicate-key']);
    const dup = related.find((x) => x.ruleId === 'syntax.duplicate-key')!.relatedLocations![0];
    assert.deepEqual([dup.message.text, dup.physicalLocation.region.startLine, dup.physicalLocation.region.startColumn], ['"status" is first used here', 10, 3]);
  });
});
