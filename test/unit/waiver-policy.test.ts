// The waiver policy: approved_on in version 2 files, whose owner a waiver must not be approved by (read from
// the rules' paths, not from their ids), and the quick fix that removes an unneeded waiver, proved by analysing
// again: block and flow lists, first, last and only waiver, CRLF, tabs in comments and emoji before it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, loadCatalog, type Analysis, type Finding } from '../../server/src/core/index';
import { ownersRead } from '../../server/src/core/rule-reads';
import { REFERENCE_AS_OF, referenceText } from './reference';

const text = referenceText();
const run = (body: string): Analysis => analyze(body, { asOf: REFERENCE_AS_OF });
const find = (a: Analysis, code: string): Finding[] => a.findings.filter((f) => f.code === code);
const slice = (body: string, f: Finding): string => {
  const doc = TextDocument.create('file:///w/a.relationship.yaml', 'relationship-yaml', 1, body);
  return doc.getText(f.range);
};
const EX8 = '  - {rule: EX8, reason: Exit test moved to Q1 2026 with the EPR upgrade, approved_by: p-cfo-rht, expires: 2026-03-31}\n';

function applyFix(body: string, f: Finding): string {
  assert.equal(f.fixes?.length, 1, `${f.code} has one fix`);
  const doc = TextDocument.create('file:///w/a.relationship.yaml', 'relationship-yaml', 1, body);
  return TextDocument.applyEdits(doc, f.fixes![0].edits);
}

function errorCodes(a: Analysis): string[] {
  return a.findings.filter((f) => f.severity === 'error').map((f) => f.code);
}

test('the reference example holds the EX8 waiver these tests edit, and its EX8 is waived', () => {
  assert.ok(text.includes(EX8));
  assert.equal(run(text).coverage.principles.flatMap((p) => p.rules).find((r) => r.id === 'EX8')?.state, 'waived');
});

test('waiver.no-approval-date: a version 2 waiver without approved_on is a warning at the waiver; version 1 is not asked', () => {
  assert.deepEqual(find(run(text), 'waiver.no-approval-date'), []);
  const v2 = text.replace('schema_version: "1"', 'schema_version: "2"');
  const [f] = find(run(v2), 'waiver.no-approval-date');
  assert.equal(f?.severity, 'warning');
  assert.match(f.message, /the waiver for EX8 does not say when it was approved: add approved_on \(YYYY-MM-DD\), the day p-cfo-rht approved it; a waiver may run at most 365 days from then/);
  assert.equal(slice(v2, f), 'rule');
  assert.deepEqual(f.path, ['waivers', 0, 'approved_on']);
  const dated = v2.replace('approved_by: p-cfo-rht, expires', 'approved_by: p-cfo-rht, approved_on: 2025-10-01, expires');
  assert.deepEqual(find(run(dated), 'waiver.no-approval-date'), []);
});

test('waiver.too-long: the quick fix sets the latest allowed expiry, and the finding is gone', () => {
  const long = text.replace(EX8, EX8.replace('expires: 2026-03-31', 'approved_on: 2025-10-01, expires: 2026-12-31'));
  const [f] = find(run(long), 'waiver.too-long');
  assert.equal(f?.severity, 'error');
  assert.match(f.message, /the waiver for EX8 runs 456 days, from its approval on 2025-10-01 to 2026-12-31; a waiver may run at most 365 days from approval: set expires to 2026-10-01 or earlier/);
  assert.equal(slice(long, f), '2026-12-31');
  const fixed = applyFix(long, f);
  assert.ok(fixed.includes('approved_on: 2025-10-01, expires: 2026-10-01}'));
  assert.deepEqual(find(run(fixed), 'waiver.too-long'), []);
  // 365 days exactly is allowed.
  assert.deepEqual(find(run(long.replace('2026-12-31', '2026-10-01')), 'waiver.too-long'), []);
});

test('owners are read from the data each rule reads, through the check kinds: KPIs for MO1/MO2, the programme for VC1, none for RM3', () => {
  const catalog = loadCatalog();
  const data = run(text).data;
  const owners = (id: string) => [...ownersRead(catalog.rules.get(id)!.rule, data).keys()].sort();
  const kpiOwners = [...new Set((run(text).data as { principles: { measurement_and_optimization: { kpis: { owner: string }[] } } }).principles.measurement_and_optimization.kpis.map((k) => k.owner))].sort();
  assert.ok(kpiOwners.length > 0);
  assert.deepEqual(owners('MO2'), kpiOwners);
  assert.deepEqual(owners('MO1'), kpiOwners, 'MO1 reads each KPI\'s type: the KPI holding it has the owner');
  assert.deepEqual(owners('VC1'), ['p-rm-mit']);
  assert.deepEqual(owners('RM3'), []);
  assert.deepEqual(owners('EX8'), []);
});

test('waiver.approver-owns: the VC1 waiver approved by the programme owner, with the owner as related place', () => {
  const noProgramme = text.replace(/^ {4}programme: \{owner: p-rm-mit, cadence: quarterly, process_document: docs\/innovation\.pdf\}\n/m, '    programme: {owner: p-rm-mit}\n');
  assert.notEqual(noProgramme, text);
  const waived = noProgramme.replace(EX8, `${EX8}  - {rule: VC1, reason: Cadence agreed at the next board, approved_by: p-rm-mit, expires: 2026-01-31}\n`);
  const a = run(waived);
  const [f] = find(a, 'waiver.approver-owns');
  assert.equal(f?.severity, 'warning');
  assert.match(f.message, /the waiver for VC1 is approved by p-rm-mit, the owner of programme \(value_creation\), which the rule reads/);
  assert.equal(slice(waived, f), 'p-rm-mit');
  assert.equal(slice(waived, { ...f, range: f.related![0].range }), 'p-rm-mit');
  assert.equal(a.coverage.principles.find((p) => p.id === 'value_creation')?.status, 'waived', 'the waiver still applies');
  // Another approver: no finding.
  assert.deepEqual(find(run(waived.replace('approved_by: p-rm-mit, expires: 2026-01-31', 'approved_by: p-cfo-rht, expires: 2026-01-31')), 'waiver.approver-owns'), []);
});

test('waiver.unneeded: a warning whose quick fix removes the waiver, in every list shape', () => {
  const second = '  - {rule: CB4, reason: Survey after the merger, approved_by: p-cfo-rht, expires: 2026-01-31}\n';
  const shapes: Record<string, string> = {
    'the only waiver, flow items': text,
    'the first of two': text.replace(EX8, EX8 + second),
    'the last of two': text.replace(EX8, second + EX8),
    'a block map item': text.replace(EX8, '  - rule: EX8\n    reason: Exit test moved\n    approved_by: p-cfo-rht\n    expires: 2026-03-31\n'),
    'a flow list': text.replace(`waivers:\n${EX8}`, 'waivers: [{rule: EX8, reason: Exit test moved, approved_by: p-cfo-rht, expires: 2026-03-31}]\n'),
    'CRLF, a tab in a comment and emoji before it': text.replace('waivers:\n', 'waivers: # 🤝\texceptions\n').replace(/\n/g, '\r\n'),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    // EX8 met: the exit plan was tested recently.
    const withTest = shape.replace('last_tested: 2024-02-14', 'last_tested: 2025-10-15');
    assert.notEqual(withTest, shape, name);
    const a = run(withTest);
    const [f] = find(a, 'waiver.unneeded').filter((x) => x.rule === 'EX8');
    assert.equal(f?.severity, 'warning', name);
    assert.match(f.message, /the waiver for EX8 is not needed: the rule is met, so remove the waiver/, name);
    const fixed = applyFix(withTest, f);
    const again = run(fixed);
    assert.deepEqual(find(again, 'waiver.unneeded').filter((x) => x.rule === 'EX8'), [], name);
    assert.deepEqual(again.waivers.map((w) => w.rule), a.waivers.map((w) => w.rule).filter((r) => r !== 'EX8'), name);
    // An empty "waivers:" left behind would be a schema error: none is new.
    assert.deepEqual(errorCodes(again), errorCodes(a), `${name}: the fix brings no error`);
    assert.equal(fixed.length < withTest.length && withTest.length - fixed.length < 200, true, `${name}: the fix removes the waiver and no more`);
  }
});

test('waiver.not-counting: a waiver of a rule that does not count yet is a warning with the same fix', () => {
  const early = text.replace(/lifecycle_stage: \w+/, 'lifecycle_stage: working_together')
    .replace(EX8, '  - {rule: VC1, reason: The programme starts next year, approved_by: p-cfo-rht, expires: 2026-01-31}\n');
  const a = run(early);
  const [f] = find(a, 'waiver.not-counting');
  assert.equal(f?.severity, 'warning');
  assert.match(f.message, /the waiver for VC1 sets aside a rule that does not count at this stage \(not yet required, counts from value_creation\): remove the waiver/);
  assert.equal(slice(early, f), 'VC1');
  const fixed = applyFix(early, f);
  assert.deepEqual(run(fixed).waivers, []);
  assert.deepEqual(errorCodes(run(fixed)), errorCodes(a));
});

test('an expired waiver gets waiver.expired only: it no longer applies, so nothing else is said about it', () => {
  const expired = text.replace(EX8, EX8.replace('expires: 2026-03-31', 'approved_on: 2024-01-01, expires: 2025-10-01'));
  const codes = run(expired).findings.map((f) => f.code).filter((c) => c.startsWith('waiver.'));
  assert.deepEqual(codes, ['waiver.expired']);
});

test('waiver.duplicate: a second waiver of a rule in force is a warning at its rule, the first as related, and its fix keeps the first', () => {
  const second = '  - {rule: EX8, reason: Exit test waits for the new data centre 🏢, approved_by: p-cfo-rht, expires: 2026-02-28}\n';
  for (const eol of ['\n', '\r\n']) {
    const body = text.replace(EX8, EX8 + second).replace(/\n/g, eol);
    const [f] = find(run(body), 'waiver.duplicate');
    assert.equal(f?.severity, 'warning');
    assert.equal(slice(body, f), 'EX8');
    assert.equal(f.range.start.line, f.related![0].range.start.line + 1, 'the first waiver is the line before');
    assert.match(f.message, /^EX8 is waived twice: this waiver repeats the one on line \d+; keep one/);
    const fixed = applyFix(body, f);
    assert.equal(fixed, text.replace(/\n/g, eol), 'the fix removes the second waiver and nothing else');
    assert.deepEqual(find(run(fixed), 'waiver.duplicate'), []);
  }
  // An expired waiver beside its renewal is history: no duplicate.
  const renewed = text.replace(EX8, EX8.replace('expires: 2026-03-31', 'expires: 2025-01-31') + second);
  assert.deepEqual(find(run(renewed), 'waiver.duplicate'), []);
});

test('waiver.expires-before-approval: an error at expires, and the waiver sets nothing aside until a date is corrected', () => {
  const reversed = text.replace(EX8, EX8.replace('expires: 2026-03-31', 'approved_on: 2026-04-02, expires: 2026-03-31'));
  const a = run(reversed);
  const [f] = find(a, 'waiver.expires-before-approval');
  assert.equal(f?.severity, 'error');
  assert.equal(slice(reversed, f), '2026-03-31');
  assert.equal(a.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === 'EX8')?.state, 'unmet');
});
