// Folding profiles into the catalog (core/policy.ts through analyze): what each kind of setting does to the
// findings and the coverage, in the order the layers apply.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { PROFILE_TEMPLATE } from '../../server/src/cli/profile-template';
import { analyze, readProfile, TOP_KEYS, type Analysis, type Policy, type PolicyLayer } from '../../server/src/core/index';
import { REFERENCE_AS_OF, referenceText, repoFile } from './reference';

const text = referenceText();

function layer(profileText: string, source = 'p.rac.yaml'): PolicyLayer {
  const { profile, findings } = readProfile(profileText);
  assert.deepEqual(findings.map((f) => f.message), [], 'the profile is valid');
  return { source, rules: profile.rules, add: profile.add, maxWaiverDays: profile.maxWaiverDays };
}

function run(policy?: Policy, body = text): Analysis {
  return analyze(body, { asOf: REFERENCE_AS_OF, policy });
}

const rule = (a: Analysis, id: string) => a.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === id);
const principle = (a: Analysis, id: string) => a.coverage.principles.find((p) => p.id === id)!;
const codes = (a: Analysis) => a.findings.map((f) => f.code);

describe('policy', () => {
  test('no policy and an empty one give the catalog\'s analysis', () => {
    assert.deepEqual(run({ layers: [] }).findings, run().findings);
    assert.deepEqual(run({ layers: [layer('rules:\n')] }).coverage, run().coverage);
  });

  test('a rule turned off is not counted and is listed with the profile that did it', () => {
    const before = run();
    assert.equal(rule(before, 'VV4')?.state, 'met');
    const after = run({ layers: [layer('rules: {VV4: off}\n', 'base.rac.yaml')] });
    assert.equal(rule(after, 'VV4'), undefined);
    assert.equal(principle(after, 'vision_and_values').counted, principle(before, 'vision_and_values').counted - 1);
    assert.deepEqual(after.coverage.off, [{ id: 'VV4', title: rule(before, 'VV4')!.title, principle: 'vision_and_values', source: 'base.rac.yaml' }]);
  });

  test('an added rule counts exactly like a catalog rule: unmet makes its principle partial, met keeps it covered', () => {
    const add = (who: string) => `add:
  - id: X-GP1
    principle: governance_and_processes
    title: a data protection officer sits on a governance body
    path: principles.governance_and_processes.bodies[*].members
    check: includes
    args: {values: [${who}]}
    from_stage: working_together
    why: personal data crosses the boundary
    hint: add the data protection officer to a body
`;
    const base = principle(run(), 'governance_and_processes');
    assert.equal(base.status, 'covered');
    const unmet = run({ layers: [layer(add('p-nobody'), 'org.rac.yaml')] });
    const gp = principle(unmet, 'governance_and_processes');
    assert.equal(gp.status, 'partial');
    assert.equal(gp.counted, base.counted + 1);
    assert.equal(rule(unmet, 'X-GP1')?.source, 'org.rac.yaml');
    const finding = unmet.findings.find((f) => f.code === 'evidence.X-GP1');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /^X-GP1 a data protection officer sits on a governance body: .*; add the data protection officer to a body$/);
    assert.equal(unmet.coverage.covered, run().coverage.covered - 1);
    const members = /members: \[([^\]]*)\]/.exec(text)![1];
    const withDpo = text.replace(`members: [${members}]`, `members: [${members}, p-dpo-rht]`);
    const met = run({ layers: [layer(add('p-dpo-rht'))] }, withDpo);
    assert.equal(rule(met, 'X-GP1')?.state, 'met');
    assert.equal(principle(met, 'governance_and_processes').status, principle(run(undefined, withDpo), 'governance_and_processes').status);
  });

  test('a waiver may name an added rule, and one naming a rule turned off is not "unknown"', () => {
    const body = text.replace('waivers:\n', 'waivers:\n  - {rule: VV4, reason: HR runs it, approved_by: p-cfo-rht, expires: 2026-01-31}\n');
    assert.ok(!codes(run({ layers: [layer('rules: {VV4: off}\n')] }, body)).includes('waiver.unknown-rule'));
  });

  test('arguments and stages change what a rule asks and when it counts', () => {
    // RK5: open risks scoring 12 or more need a mitigation; R-002 (2 × 5) without one passes, until the threshold is 9.
    const body = text.replace(/owning_party: joint, status: open,\s*mitigations: \[[^\]]*\]\}/, 'owning_party: joint, status: open}');
    assert.notEqual(body, text);
    assert.equal(rule(run(undefined, body), 'RK5')?.state, 'met');
    const strict = run({ layers: [layer('rules: {RK5: {args: {min_score: 9}}}\n')] }, body);
    assert.equal(rule(strict, 'RK5')?.state, 'unmet', 'a lower threshold catches R-002');
    assert.match(strict.findings.find((f) => f.code === 'evidence.RK5')?.message ?? '', /R-002.*scores 10 \(≥ 9\)/);
    const later = run({ layers: [layer('rules: {VV4: {from_stage: exit}}\n')] });
    assert.equal(rule(later, 'VV4')?.state, 'not_yet_required');
    assert.equal(rule(later, 'VV4')?.fromStage, 'exit');
  });

  test('levels: a rule\'s severity, a code and a family of codes; the nearest layer wins', () => {
    const body = text.replace(/owning_party: joint, status: open,\s*mitigations: \[[^\]]*\]\}/, 'owning_party: joint, status: open}');
    const policy = { layers: [layer('rules: {RK5: {args: {min_score: 9}}, evidence.: information}\n'), layer('rules: {RK5: error}\n', 'team.rac.yaml')] };
    const a = run(policy, body);
    assert.equal(a.findings.find((f) => f.code === 'evidence.RK5')?.severity, 'error');
    assert.equal(rule(a, 'RK5')?.state, 'unmet', 'the base\'s arguments stay under the team\'s level');
    // A year and a half later, reviews are stale: rules the family sets and RK5 its own level.
    const late = analyze(body, { asOf: '2027-06-01', policy });
    assert.equal(late.findings.find((f) => f.code === 'evidence.RK5')?.severity, 'error');
    const others = late.findings.filter((f) => f.code.startsWith('evidence.') && f.code !== 'evidence.RK5');
    assert.ok(others.length > 0 && others.every((f) => f.severity === 'information'), 'the family sets the other rules\' findings');
    const back = run({ layers: [layer('rules: {VV4: off}\n'), layer('rules: {VV4: warning}\n')] });
    assert.equal(rule(back, 'VV4')?.state, 'met', 'a later layer can turn a rule back on');
  });

  test('when: an override applies only to files whose metadata matches', () => {
    const jv: PolicyLayer = { source: 'p overrides[0]', rules: { VV4: { level: 'off' } }, add: [], when: { relationship_type: ['joint_venture'] } };
    assert.equal(rule(run({ layers: [jv] }), 'VV4')?.state, 'met');
    const cs: PolicyLayer = { ...jv, when: { relationship_type: ['joint_venture', 'customer_supplier'] } };
    assert.equal(rule(run({ layers: [cs] }), 'VV4'), undefined);
  });

  test('waivers.max_days: a waiver reaching further than the limit from the day of the check is an error at its expiry', () => {
    // EX8's waiver has no approved_on, so its length counts from the as-of date: it expires 2026-03-31, 150 days ahead.
    assert.ok(!codes(run({ layers: [layer('waivers: {max_days: 180}\n')] })).includes('waiver.too-long'));
    const tight = run({ layers: [layer('waivers: {max_days: 90}\n')] });
    const f = tight.findings.find((x) => x.code === 'waiver.too-long');
    assert.equal(f?.severity, 'error');
    assert.match(f?.message ?? '', /runs until 2026-03-31, 150 days after the as-of date 2025-11-01; the organisation's profile allows at most 90 days \(waivers\.max_days\): set expires to 2026-01-30 or earlier/);
    assert.equal(text.split(/\r?\n/)[f!.range.start.line].slice(f!.range.start.character, f!.range.end.character), '2026-03-31');
    assert.equal(rule(tight, 'EX8')?.state, rule(run(), 'EX8')?.state, 'the waiver still applies: the finding asks for a shorter one');
  });

  test('waivers.max_days counts from approved_on when the waiver has it, and only tightens the 365 days', () => {
    const approved = text.replace('approved_by: p-cfo-rht, expires: 2026-03-31', 'approved_by: p-cfo-rht, approved_on: 2025-10-01, expires: 2026-03-31');
    assert.notEqual(approved, text);
    // 181 days from approval: within 365, beyond a profile's 180.
    assert.ok(!codes(run(undefined, approved)).includes('waiver.too-long'));
    const f = run({ layers: [layer('waivers: {max_days: 180}\n')] }, approved).findings.find((x) => x.code === 'waiver.too-long');
    assert.match(f?.message ?? '', /the waiver for EX8 runs 181 days, from its approval on 2025-10-01 to 2026-03-31; the organisation's profile allows at most 180 days \(waivers\.max_days\) from approval: set expires to 2026-03-30 or earlier/);
    const { findings } = readProfile('waivers: {max_days: 400}\n');
    assert.deepEqual(findings.map((x) => [x.code, x.message]), [['profile.type', 'waivers.max_days 400 is longer than the 365 days every waiver is held to: a profile can only shorten it; use 365 or fewer']]);
  });

  test('the starter profile of rac init --profile is valid and changes nothing', () => {
    const { profile, findings } = readProfile(PROFILE_TEMPLATE);
    assert.deepEqual(findings, []);
    assert.deepEqual(run({ layers: [{ source: '.rac.yaml', rules: profile.rules, add: profile.add }] }).findings, run().findings);
    // Every commented example is valid too, once uncommented.
    const uncommented = PROFILE_TEMPLATE.split('\n').map((l) => l.replace(/^(\s*)# ?(?=[a-z_-]+:|\s+- |\s+[a-z_]+:|[A-Z]{2}\d: |[a-z]+\.[a-z-]+: )/, '$1')).join('\n');
    const all = readProfile(uncommented);
    assert.deepEqual(all.findings.filter((f) => f.code !== 'profile.extends-missing').map((f) => f.message), []);
    assert.ok(all.profile.add.length === 1 && all.profile.overrides.length === 2 && all.profile.maxWaiverDays === 180, uncommented);
  });

  test('any cut of a profile (truncated, CRLF, tabs, emoji) gives findings with ranges inside the text, never a throw', () => {
    const texts = [PROFILE_TEMPLATE, readFileSync(repoFile('test', 'profiles', 'fixtures', 'repo', 'policies', 'base.rac.yaml'), 'utf8'), readFileSync(repoFile('test', 'profiles', 'fixtures', 'repo', '.rac.yaml'), 'utf8')];
    let checked = 0;
    for (const whole of texts) {
      for (const variant of [whole, whole.replace(/\n/g, '\r\n'), whole.replace(/ {2}/g, '\t'), whole.replace(/a/g, '🤝')]) {
        for (let end = 0; end <= variant.length; end += 7) {
          const cut = variant.slice(0, end);
          const lines = cut.split(/\r\n|\r|\n/);
          for (const f of readProfile(cut).findings) {
            for (const p of [f.range.start, f.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${f.code} at ${p.line}:${p.character} in a cut of ${end}`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > 500);
  });

  test('schemas/profile.schema.json describes the same keys and accepts the fixture profiles', () => {
    const schema = JSON.parse(readFileSync(repoFile('schemas', 'profile.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_KEYS].sort());
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const file of ['.rac.yaml', 'policies/base.rac.yaml']) {
      const data: unknown = parse(readFileSync(repoFile('test', 'profiles', 'fixtures', 'repo', file), 'utf8'));
      assert.ok(validate(data), `${file}: ${JSON.stringify(validate.errors)}`);
    }
    assert.ok(!validate({ extends: 'https://example.com/base.rac.yaml' }), 'a URL is refused by the schema too');
  });
});
