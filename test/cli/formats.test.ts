// The machine formats of rac check: SARIF structure, GitHub workflow-command escaping, Markdown escaping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as sarif from 'sarif';
import { loadCatalog } from '../../server/src/core/index';
import { AS_OF, VALID, noStackTrace, rac, workspace } from './run-cli';

const FLAWED = VALID.replace('  status: draft\n', '  status: draft\n  stauts: draft\n').replace('        owning_party: acme\n', '');
const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];

function check(format: string, cwd: string, ...paths: string[]) {
  return rac(['check', '--format', format, '--as-of', AS_OF, ...paths], cwd);
}

describe('every format', () => {
  test('a valid file exits 0 and a flawed one 1, in every format', () => {
    const dir = workspace({ 'ok.relationship.yaml': VALID, 'bad.relationship.yaml': FLAWED });
    for (const format of FORMATS) {
      const ok = check(format, dir, 'ok.relationship.yaml');
      assert.equal(ok.status, 0, `${format}: ${ok.stderr}`);
      assert.ok(ok.stdout.length > 0, format);
      const bad = check(format, dir, 'bad.relationship.yaml');
      assert.equal(bad.status, 1, format);
      assert.match(bad.stdout, /stauts/, format);
      assert.ok(noStackTrace(bad));
      if (format === 'json' || format === 'sarif') JSON.parse(bad.stdout);
    }
  });
});

describe('sarif', () => {
  test('is SARIF 2.1.0 with UTF-16 columns, a described rule for every result and relative locations', () => {
    const dir = workspace({ 'sub dir/bad.relationship.yaml': FLAWED, 'ok.relationship.yaml': VALID });
    const r = check('sarif', dir, '.');
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.equal(driver.name, 'rac');
    assert.match(driver.version ?? '', /^\d+\.\d+\.\d+$/);
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    const rules = new Map((driver.rules ?? []).map((rule, i) => [rule.id, { rule, i }]));
    const results = run.results ?? [];
    assert.ok(results.length > 0);
    for (const result of results) {
      const entry = rules.get(result.ruleId!);
      assert.ok(entry, `rule ${result.ruleId} is described`);
      assert.equal(result.ruleIndex, entry.i);
      assert.ok(entry.rule.shortDescription?.text && entry.rule.fullDescription?.text && entry.rule.help?.text, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level!));
      const loc = result.locations![0].physicalLocation!;
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
    }
    assert.equal(new Set(results.map((x) => x.ruleId)).size, rules.size, 'only codes that occur have rules');
    assert.deepEqual([...new Set(results.map((x) => x.locations![0].physicalLocation!.artifactLocation!.uri))].sort(), ['ok.relationship.yaml', 'sub%20dir/bad.relationship.yaml']);
    assert.match(run.originalUriBaseIds!['%SRCROOT%'].uri!, /^file:\/\/.*\/$/);

    const unknown = results.find((x) => x.ruleId === 'schema.additionalProperties')!;
    assert.deepEqual(unknown.locations![0].physicalLocation!.region, { startLine: 6, startColumn: 3, endLine: 6, endColumn: 9 });
    assert.equal(unknown.level, 'error');
    // Evidence rules are described by the catalog.
    const rk2 = rules.get('evidence.RK2')!.rule;
    const spec = loadCatalog().rules.get('RK2')!.rule;
    assert.match(rk2.shortDescription!.text, new RegExp(`^RK2 ${spec.title}`));
    assert.ok(rk2.fullDescription!.text.includes(spec.why));
    assert.ok(rk2.help!.text.toLowerCase().includes(spec.hint.toLowerCase()));
    assert.equal(results.find((x) => x.ruleId === 'evidence.RK2')!.level, 'warning');
  });

  test('an unreadable file is a failed invocation with a notification', () => {
    const dir = workspace({ 'bin.relationship.yaml': Buffer.from([0x61, 0, 0x62]), 'ok.relationship.yaml': VALID });
    const r = check('sarif', dir, '.');
    assert.equal(r.status, 2);
    const invocation = (JSON.parse(r.stdout) as sarif.Log).runs[0].invocations![0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications![0].message.text!, /bin\.relationship\.yaml: binary file/);
  });
});

describe('github', () => {
  test('escapes %, CR and LF in messages and also "," and ":" in properties', () => {
    // The unknown key holds a %, a comma, a colon and a line break; the file name a comma and a colon.
    const text = VALID.replace('  status: draft\n', '  status: draft\n  "50% off, now: a\\nb": 1\n');
    const name = 'we,ird:name.relationship.yaml';
    const dir = workspace({ [name]: text });
    const r = check('github', dir, name);
    assert.equal(r.status, 1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('::error '));
    assert.ok(line, r.stdout);
    assert.equal(line, '::error file=we%2Cird%3Aname.relationship.yaml,line=6,endLine=6,col=3,endColumn=23,title=rac schema.additionalProperties::'
      + 'unknown key "50%25 off, now: a%0Ab" in "metadata"; allowed keys are id, title, version, status, lifecycle_stage, relationship_type, maintained_by, scope, contract_refs, start_date, planned_end_date, last_reviewed, next_review_due (or your own keys starting with "x-")');
    // Information becomes a notice; plain lines never start a command.
    assert.match(r.stdout, /^::notice file=we%2Cird%3Aname\.relationship\.yaml,line=\d+,/m);
    for (const l of r.stdout.trimEnd().split('\n')) assert.match(l, /^(::(error|warning|notice) file=|rac: )/);
  });

  test('multi-line ranges carry no columns', async () => {
    const { annotationLine } = await import('../../server/src/cli/format-github');
    assert.equal(annotationLine('a.yaml', { code: 'x', severity: 'warning', message: 'm', line: 1, column: 2, endLine: 3, endColumn: 4 }), '::warning file=a.yaml,line=1,endLine=3,title=rac x::m');
  });
});

describe('markdown', () => {
  test('escapes pipes and HTML from the document', () => {
    const text = VALID.replace('  title: Test relationship\n', '  title: "A | B <script>alert(1)</script>"\n')
      .replace('  status: draft\n', '  status: draft\n  "x|<img src=x onerror=alert(1)>": 1\n');
    const dir = workspace({ 'a.relationship.yaml': text });
    const r = check('markdown', dir, 'a.relationship.yaml');
    assert.equal(r.status, 1);
    const md = r.stdout;
    assert.doesNotMatch(md, /<script|<img/i);
    assert.match(md, /^## a\.relationship\.yaml · A \\\| B &lt;script&gt;alert\(1\)&lt;\/script&gt;$/m);
    assert.match(md, /unknown key "x\\\|&lt;img src=x onerror=alert\(1\)&gt;"/);
    // The principle table: a header, a rule, 12 rows of 5 cells (escaped pipes do not split cells).
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 13);
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length - 2, 5, row);
    assert.match(md, /^\| 4 \| Relationship management \| ✅ covered \| 4\/4 \(100%\) \| {2}\|$/m);
    assert.match(md, /^\| 5 \| Vision and values \| ⏳ not yet required \| — \| {2}\|$/m);
    assert.match(md, /\*\*4 of 4 required principles covered\*\*, 8 not yet required/);
    assert.match(md, /\*\*Findings:\*\* 1 error · 0 warnings · 4 information/);
  });

  test('partial and missing principles list their unmet rules', () => {
    const text = VALID.replace('        owning_party: acme\n', '')// Without maintained_by RM5 is unmet too, so no relationship management rule is met.
      .replace('  next_review_due: 2025-12-01\n', '').replace('  maintained_by: acme\n', '').replace(/ {2}relationship_management:\n( {4}.*\n)*/, '');
    const dir = workspace({ 'a.relationship.yaml': text });
    const md = check('markdown', dir, 'a.relationship.yaml').stdout;
    assert.match(md, /^\| 13 \| Risk management \| ⚠️ partial \| \d\/\d \(\d+%\) \| RK2 every risk owned by a person and a party \|$/m);
    assert.match(md, /^\| 4 \| Relationship management \| ❌ missing \| 0\/\d \(0%\) \| RM1 /m);
  });
});
