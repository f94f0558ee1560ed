// rac migrate, run as users run it: files rewritten in place with only the format's changes (line endings and a
// byte order mark kept), --check and --stdout writing nothing, broken and unreadable files left alone.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AS_OF, noStackTrace, rac, VALID, workspace } from './run-cli';

const KPIS = `  measurement_and_optimization:
    kpis:
      - {id: K-1, name: On time, type: delivery, unit: "%", target: 95, threshold: 90, frequency: monthly, owner: p-ann}
`;
const V1 = `# kept by the relationship team\n${VALID}${KPIS}`;
const MIGRATED = V1.replace('schema_version: "1"', 'schema_version: "2"').replace('    rmp:\n', '    joint_rmp:\n').replace('      type: joint\n', '')
  .replace('threshold: 90,', 'threshold: 90, direction: higher_is_better,');

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

describe('rac migrate', () => {
  test('rewrites a v1 file in place, says what changed, and a second run has nothing to do', () => {
    const dir = workspace({ 'a.relationship.yaml': V1 });
    const run = rac(['migrate', 'a.relationship.yaml'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(read(dir, 'a.relationship.yaml'), MIGRATED);
    assert.equal(run.stdout, [
      'a.relationship.yaml: migrated to schema_version "2"',
      '  line 2: schema_version "1" → "2"',
      '  line 23: rmp of type joint → joint_rmp ("type: joint" removed)',
      '  line 47: KPI K-1: direction higher_is_better (threshold 90 below target 95)',
      '',
    ].join('\n'));
    assert.deepEqual(readdirSync(dir), ['a.relationship.yaml'], 'no temporary file is left behind');
    const again = rac(['migrate', 'a.relationship.yaml'], dir);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, 'a.relationship.yaml: already at schema_version "2"\n');
    const checked = rac(['check', '--format', 'json', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    const codes = (JSON.parse(checked.stdout) as { files: { findings: { code: string }[] }[] }).files[0].findings.map((f) => f.code);
    assert.ok(!codes.includes('format.v1') && !codes.some((c) => c.startsWith('syntax')), codes.join(', '));
  });

  test('CRLF line endings and a byte order mark are kept', () => {
    const crlf = `\uFEFF${V1.replace(/\n/g, '\r\n')}`;
    const dir = workspace({ 'a.relationship.yaml': crlf });
    assert.equal(rac(['migrate', 'a.relationship.yaml'], dir).status, 0);
    assert.equal(read(dir, 'a.relationship.yaml'), `\uFEFF${MIGRATED.replace(/\n/g, '\r\n')}`);
  });

  test('--check lists the files to migrate and exits 1, writing nothing; 0 once they are migrated', () => {
    const dir = workspace({ 'p/a.relationship.yaml': V1, 'p/b.relationship.yaml': MIGRATED });
    const run = rac(['migrate', '--check', 'p'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^p\/a\.relationship\.yaml: needs migrating\n {2}line 2: schema_version "1" → "2"\n/);
    assert.match(run.stdout, /^p\/b\.relationship\.yaml: already at schema_version "2"$/m);
    assert.match(run.stdout, /^2 files: 1 to migrate, 1 already current\n$/m);
    assert.equal(read(dir, 'p/a.relationship.yaml'), V1);
    assert.equal(rac(['migrate', 'p'], dir).status, 0);
    assert.equal(rac(['migrate', '--check', 'p'], dir).status, 0);
  });

  test('--stdout prints the migrated text and leaves the file as it was', () => {
    const dir = workspace({ 'a.relationship.yaml': V1 });
    const run = rac(['migrate', '--stdout', 'a.relationship.yaml'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, MIGRATED);
    assert.equal(read(dir, 'a.relationship.yaml'), V1);
  });

  test('a file with a YAML error is not touched, and the others still are', () => {
    const broken = V1.replace('  id: REL-T', '  id: [REL-T');
    const dir = workspace({ 'a.relationship.yaml': broken, 'b.relationship.yaml': V1 });
    const run = rac(['migrate', 'a.relationship.yaml', 'b.relationship.yaml'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^rac migrate: a\.relationship\.yaml: not migrated: it has a YAML error on line \d+ \(.+\); fix it first, nothing was changed\n$/);
    assert.equal(read(dir, 'a.relationship.yaml'), broken);
    assert.equal(read(dir, 'b.relationship.yaml'), MIGRATED);
    assert.match(run.stdout, /2 files: 1 migrated, 0 already current, 1 not migrated\n$/);
    assert.ok(noStackTrace(run));
  });

  test('usage problems and unreadable files exit 2 with one line each', () => {
    const dir = workspace({ 'a.relationship.yaml': V1, 'b.relationship.yaml': V1, 'bin.relationship.yaml': new Uint8Array([0x73, 0, 0x61]) });
    const cases: [string[], RegExp][] = [
      [['migrate'], /name the files to migrate/],
      [['migrate', 'nope.relationship.yaml'], /nope\.relationship\.yaml: no such file or folder/],
      [['migrate', '--stdout', 'a.relationship.yaml', 'b.relationship.yaml'], /--stdout prints one file, and the paths name 2/],
      [['migrate', '--check', '--stdout', 'a.relationship.yaml'], /do not go together/],
      [['migrate', '--chek', 'a.relationship.yaml'], /unknown option '--chek'; did you mean '--check'\?/],
      [['migrate', 'bin.relationship.yaml'], /bin\.relationship\.yaml: binary file/],
    ];
    for (const [args, message] of cases) {
      const run = rac(args, dir);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.ok(noStackTrace(run));
    }
    assert.equal(read(dir, 'a.relationship.yaml'), V1);
    assert.match(rac(['migrate', '--help'], dir).stdout, /^usage: rac migrate \[--check\] \[--stdout\] <paths…>/);
    assert.match(rac(['--help'], dir).stdout, /^ {2}migrate <paths…> /m);
  });
});
