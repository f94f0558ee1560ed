// The samples are the product's first impression (`npm start` checks them): the clean ones must stay clean
// for the README's fixed date, and the flawed one must keep showing every diagnostic its comments promise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/index';

// The bundle runs from dist-test/docs/; a bundle elsewhere falls back to the working folder.
const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'samples')))!;
const samples = join(root, 'samples');
const AS_OF = '2026-11-01';

function check(name: string): { analysis: Analysis; text: string } {
  const path = join(samples, name);
  const text = readFileSync(path, 'utf8');
  const dir = dirname(path);
  const analysis = analyze(text, { asOf: AS_OF, fileExists: (rel) => (existsSync(join(dir, rel)) ? 'exists' : 'missing') });
  // A sample still at schema_version "1" is told once to migrate (format.v1, checked below): that note is about
  // the format's version, not about the relationship, so it is left out of what the samples must show.
  const v1 = (analysis.data as { schema_version?: unknown } | undefined)?.schema_version === '1';
  return { analysis: v1 ? { ...analysis, findings: analysis.findings.filter((f) => f.code !== 'format.v1') } : analysis, text };
}

test('a sample at schema_version "1" gets exactly one format.v1 note, with the migration as its quick fix', () => {
  for (const name of readdirSync(samples).filter((n) => n.endsWith('.relationship.yaml'))) {
    const text = readFileSync(join(samples, name), 'utf8');
    const notes = analyze(text, { asOf: AS_OF }).findings.filter((f) => f.code === 'format.v1');
    if (!/^schema_version: "1"/m.test(text)) continue;
    assert.equal(notes.length, 1, name);
    assert.equal(notes[0].fixes?.length, 1, name);
  }
});

function listed(a: Analysis): string {
  return a.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.code}]`).join('\n');
}

test('samples/ holds the five documented samples', () => {
  const names = readdirSync(samples).filter((n) => n.endsWith('.relationship.yaml')).sort();
  assert.deepEqual(names, [
    'flawed.relationship.yaml',
    'joint-venture.relationship.yaml',
    'outsourcing-partnership.relationship.yaml',
    'public-private-exit.relationship.yaml',
    'research-collaboration.relationship.yaml',
  ]);
});

for (const name of ['outsourcing-partnership', 'joint-venture', 'public-private-exit']) {
  test(`${name} has no finding of any severity and every evidence link resolves`, () => {
    const { analysis } = check(`${name}.relationship.yaml`);
    assert.equal(analysis.findings.length, 0, listed(analysis));
    assert.ok(analysis.model.links.length >= 5, 'a complete sample shows evidence links');
    // Every required principle is covered or, where a gap is accepted, waived: none is partial or missing.
    assert.equal(analysis.coverage.covered + analysis.coverage.waived, analysis.coverage.required);
  });
}

test('outsourcing-partnership: staying together, 11 of 12 covered and 1 waived under one active, dated waiver', () => {
  const { analysis } = check('outsourcing-partnership.relationship.yaml');
  const c = analysis.coverage;
  assert.deepEqual([c.stage, c.covered, c.waived, c.required, c.total], ['staying_together', 11, 1, 12, 12]);
  assert.equal(analysis.waivers.length, 1);
  assert.equal(analysis.waivers[0].expired, false);
  assert.match(analysis.waivers[0].approvedOn, /^\d{4}-\d{2}-\d{2}$/);
  const waived = c.principles.flatMap((p) => p.rules).filter((r) => r.state === 'waived');
  assert.deepEqual(waived.map((r) => r.id), [analysis.waivers[0].rule]);
  assert.equal(c.principles.find((p) => p.id === waived[0].principle)?.status, 'waived');
});

test('joint-venture: three jv_partner parties working together', () => {
  const { analysis } = check('joint-venture.relationship.yaml');
  const parties = (analysis.data as { parties: { role: string }[] }).parties;
  assert.deepEqual(parties.map((p) => p.role), ['jv_partner', 'jv_partner', 'jv_partner']);
  const c = analysis.coverage;
  assert.deepEqual([c.stage, c.covered, c.required, c.notYetRequired], ['working_together', 11, 11, 1]);
});

test('public-private-exit: exit stage, status exiting, exit strategy fully met; the yearly review and test no longer count', () => {
  const { analysis } = check('public-private-exit.relationship.yaml');
  assert.equal(analysis.info.status, 'exiting');
  assert.equal(analysis.coverage.stage, 'exit');
  const exit = analysis.coverage.principles.find((p) => p.id === 'exit_strategy')!;
  assert.equal(exit.status, 'covered');
  // EX7 and EX8 stop counting after staying_together; the evaluation after the exit (EX12) counts once the status is closed.
  const states = exit.rules.map((r) => `${r.id} ${r.state}`);
  assert.deepEqual(states.filter((s) => !s.endsWith(' met')), ['EX7 no_longer_required', 'EX8 no_longer_required', 'EX12 not_yet_required'], states.join(', '));
});

test('research-collaboration: early stage, every counted rule met, the rest not yet required', () => {
  const { analysis } = check('research-collaboration.relationship.yaml');
  const c = analysis.coverage;
  assert.equal(c.stage, 'partner_selection');
  assert.equal(c.covered, c.required);
  assert.equal(c.covered + c.notYetRequired, c.total);
  assert.ok(c.notYetRequired > 0);
  // The engine announces the next stage's unmet rules as information; nothing stronger may appear.
  const stronger = analysis.findings.filter((f) => f.severity !== 'information');
  assert.equal(stronger.length, 0, listed(analysis));
  const counted = c.principles.flatMap((p) => p.rules).filter((r) => r.state !== 'not_yet_required');
  assert.ok(counted.every((r) => r.state === 'met'));
});

test('flawed: every diagnostic its comments promise is reported', () => {
  const { analysis } = check('flawed.relationship.yaml');
  const has = (code: string, pattern: RegExp): void => {
    assert.ok(analysis.findings.some((f) => f.code === code && pattern.test(f.message)), `no ${code} matching ${pattern}\n${listed(analysis)}`);
  };
  has('schema.additionalProperties', /"ownr".*did you mean "owner"/);
  has('schema.enum', /did you mean "fortnightly"/);
  has('ref.unresolved', /did you mean "p-ops-prl"/);
  has('ref.duplicate-id', /KPI-01/);
  has('waiver.expired', /EX6/);
  has('date.future', /last_held/);
  has('link.missing-file', /change-control\.md/);
  has('date.invalid', /2026-02-30/);
  has('evidence.RM3', /next_review_due/);
  has('schema.additionalProperties', /comma inside \{…\}/);
  const unmet = new Set(analysis.findings.filter((f) => f.code.startsWith('evidence.') && f.severity === 'warning').map((f) => f.code));
  assert.ok(unmet.size >= 6, `only ${[...unmet].join(', ')}`);
});

test('flawed: each "# flaw:" comment sits just above a finding, and each finding has its comment', () => {
  const { analysis, text } = check('flawed.relationship.yaml');
  const flawLines = text.split('\n').flatMap((line, i) => (/^\s*# flaw: /.test(line) ? [i] : []));
  assert.ok(flawLines.length >= 11, `only ${flawLines.length} flaw comments`);
  const explainedBy = (line: number): number | undefined => flawLines.filter((l) => l < line && line - l <= 3).pop();
  for (const l of flawLines) {
    assert.ok(analysis.findings.some((f) => explainedBy(f.range.start.line) === l), `the flaw comment on line ${l + 1} has no finding below it`);
  }
  for (const f of analysis.findings) {
    assert.notEqual(explainedBy(f.range.start.line), undefined, `line ${f.range.start.line + 1}: [${f.code}] ${f.message} has no "# flaw:" comment above it`);
  }
});
