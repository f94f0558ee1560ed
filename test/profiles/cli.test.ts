// The CLI's profile options and commands over the fixture repository: the nearest profile is found walking
// up to --root, --config names one, --no-config ignores them, --print-config shows the resolved profile, rac
// rules shows the effective rules and where each setting came from, SARIF lists the organisation's rules, and
// rac init --profile writes a starter that rac check accepts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type * as sarif from 'sarif';
import { parse } from 'yaml';
import type { JsonReport } from '../../server/src/cli/format-json';
import { rac, VALID, workspace } from '../cli/run-cli';
import { REPO, repoFiles } from './repo';

const AS_OF = '2026-11-01';
const INSIDE = 'suppliers/tactical/outsourcing.relationship.yaml';
const OUTSIDE = 'partners/outsourcing.relationship.yaml';

describe('rac check and profiles', () => {
  const dir = workspace(repoFiles());
  const json = (args: string[]): JsonReport => {
    const r = rac(['check', '--format', 'json', '--as-of', AS_OF, '--root', dir, ...args], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return JSON.parse(r.stdout) as JsonReport;
  };
  const ids = (report: JsonReport, path: string) => report.files.find((f) => f.path === path)!.coverage!.principles.flatMap((p) => p.rules.map((r) => r.id));

  test('without --root the search stops at the file\'s own folder (not a git work tree here): no profile applies', () => {
    const r = rac(['check', '--format', 'json', '--as-of', AS_OF, INSIDE], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.ok(ids(report, INSIDE).includes('CB4'));
    assert.ok(!ids(report, INSIDE).includes('X-GP1'));
  });

  test('--no-config: the catalog alone; --config: that profile for every file', () => {
    const none = json(['--no-config', '.']);
    assert.ok(ids(none, OUTSIDE).includes('CB4') && !ids(none, OUTSIDE).includes('X-GP1'));
    assert.equal(none.files[0].coverage?.offByProfile, undefined);
    const base = json(['--config', 'policies/base.rac.yaml', '.']);
    assert.ok(ids(base, INSIDE).includes('TM2'), 'the team profile and its override are not read');
    assert.ok(ids(base, INSIDE).includes('X-GP1') && !ids(base, INSIDE).includes('CB4'));
    const both = rac(['check', '--config', 'x', '--no-config'], dir);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--config and --no-config contradict each other/);
    const missing = rac(['check', '--config', 'nope.rac.yaml'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--config nope\.rac\.yaml: no such file/);
  });

  test('the JSON report marks the organisation\'s rules and lists those off by profile', () => {
    const report = json(['.']);
    const inside = report.files.find((f) => f.path === INSIDE)!.coverage!;
    const gp = inside.principles.find((p) => p.id === 'governance_and_processes')!;
    assert.deepEqual(gp.rules.find((r) => r.id === 'X-GP1'), { id: 'X-GP1', state: 'unmet', addedBy: 'policies/base.rac.yaml' });
    assert.deepEqual(inside.offByProfile?.map((r) => `${r.id} ${r.setBy}`), ['CB4 policies/base.rac.yaml', 'TM2 .rac.yaml overrides[0]']);
  });

  test('--print-config prints the resolved profile of one file, with where each setting came from', () => {
    const r = rac(['check', '--root', dir, '--print-config', INSIDE], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# {3}TM2: \.rac\.yaml overrides\[0\]$/m);
    const resolved = parse(r.stdout) as { layers: string[]; rules: Record<string, unknown>; add: { id: string }[]; waivers: { max_days: number } };
    assert.deepEqual(resolved.layers, ['policies/base.rac.yaml', '.rac.yaml', '.rac.yaml overrides[0]']);
    assert.deepEqual(resolved.rules, { CB4: 'off', RK5: { args: { min_score: 9 } }, 'link.missing-file': 'information', GP2: 'error', VV4: { from_stage: 'value_creation' }, TM2: 'off', 'X-GP1': 'information' });
    assert.deepEqual(resolved.add.map((a) => a.id), ['X-GP1']);
    assert.equal(resolved.waivers.max_days, 180);
    const outside = parse(rac(['check', '--root', dir, '--print-config', OUTSIDE], dir).stdout) as { layers: string[]; rules: Record<string, unknown> };
    assert.deepEqual(outside.layers, ['policies/base.rac.yaml', '.rac.yaml']);
    assert.equal(outside.rules.TM2, undefined);
  });

  test('rac rules FILE: the effective rules, the ones off and the codes, with SET BY', () => {
    const r = rac(['rules', '--root', dir, INSIDE], dir);
    assert.equal(r.status, 0, r.stderr);
    const row = (id: string) => r.stdout.split('\n').find((l) => l.startsWith(`${id} `))?.split(/ {2,}/);
    assert.deepEqual(row('GP2')?.slice(4), ['error', 'bodies chaired by a member and meeting on cadence', 'catalog < .rac.yaml']);
    assert.deepEqual(row('X-GP1')?.slice(4), ['information', 'a data protection officer sits on a governance body', 'added by policies/base.rac.yaml < .rac.yaml overrides[0]']);
    assert.deepEqual(row('TM2')?.slice(4, 5), ['off']);
    assert.deepEqual(row('RM1')?.slice(-1), ['catalog']);
    assert.deepEqual(row('link.missing-file')?.slice(4), ['information', 'finding code', 'policies/base.rac.yaml']);
    const folder = rac(['rules', '--root', dir, '--format', 'json', 'partners'], dir);
    const rows = (JSON.parse(folder.stdout) as { rules: { id: string; severity: string }[] }).rules;
    assert.equal(rows.find((x) => x.id === 'TM2')?.severity, 'warning', 'the tactical override does not reach partners/');
  });

  test('the text report names the added rule and sends the reader to rac explain for it', () => {
    const r = rac(['check', '--as-of', AS_OF, '--root', dir, OUTSIDE], dir);
    assert.match(r.stdout, /warning X-GP1 a data protection officer sits on a governance body: .*\[evidence\.X-GP1\]/);
    assert.match(r.stdout, /governance_and_processes partial \(X-GP1 unmet\) · off by profile: CB4/);
    assert.match(r.stdout, /^rac explain X-GP1 says what a rule checks/m);
  });

  test('SARIF lists the organisation\'s rules in its rule table, with the profile that adds them', () => {
    const r = rac(['check', '--format', 'sarif', '--as-of', AS_OF, '--root', dir, OUTSIDE], dir);
    const log = JSON.parse(r.stdout) as sarif.Log;
    const rule = log.runs[0].tool.driver.rules?.find((x) => x.id === 'evidence.X-GP1');
    assert.equal(rule?.shortDescription?.text, 'X-GP1 a data protection officer sits on a governance body');
    assert.equal(rule?.properties?.addedBy, 'policies/base.rac.yaml');
  });

  test('a profile with a mistake stops rac report too, with the same message', () => {
    const bad = workspace({ '.rac.yaml': 'rules:\n  GP9: off\n', 'a.relationship.yaml': VALID });
    const r = rac(['report', '--root', bad, 'a.relationship.yaml'], bad);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^\.rac\.yaml:2:3: error "GP9" is neither a rule id nor a finding code/m);
  });
});

describe('rac init --profile', () => {
  test('writes a commented starter .rac.yaml that rac check accepts, and never overwrites one', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const r = rac(['init', '--profile'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /created \.rac\.yaml/);
    const text = readFileSync(join(dir, '.rac.yaml'), 'utf8');
    assert.match(text, /^# extends: \.\/policies\/base\.rac\.yaml$/m);
    const check = rac(['check', '--root', dir, '--as-of', '2025-06-01', 'a.relationship.yaml'], dir);
    assert.notEqual(check.status, 2, check.stderr);
    const again = rac(['init', '--profile', '.'], dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /\.rac\.yaml already exists; rac init never overwrites a file/);
  });
});

describe('README', () => {
  test('the worked example is the fixture repository the tests check', () => {
    const readme = readFileSync(join(REPO, '..', '..', '..', '..', 'README.md'), 'utf8').replace(/\r\n/g, '\n');
    const block = (first: string) => {
      const at = readme.indexOf(`\`\`\`yaml\n${first}\n`);
      assert.ok(at >= 0, `README has no block starting "${first}"`);
      return readme.slice(at + 8, readme.indexOf('\n```', at + 8));
    };
    for (const [first, file] of [['# policies/base.rac.yaml', 'policies/base.rac.yaml'], ['# .rac.yaml, at the root of the team\'s repository', '.rac.yaml']]) {
      assert.deepEqual(parse(block(first)), parse(readFileSync(join(REPO, file), 'utf8')), file);
    }
  });
});
