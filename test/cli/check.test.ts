// rac check, run as users run it: exit codes, paths and folder walking, evidence links, text and JSON output.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AS_OF, VALID, noStackTrace, rac, workspace } from './run-cli';

const FLAWED = VALID.replace('  status: draft\n', '  status: draft\n  stauts: draft\n');
/** Warnings only: the risk has no owning party. */
const WARNS = VALID.replace('        owning_party: acme\n', '');

interface JsonFinding { code: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; principle: string | null; rule: string | null }
interface JsonOut { files: { path: string; error?: string; findings: JsonFinding[]; coverage: { covered: number; required: number; total: number; stage: string; asOf: string; principles: { id: string; clause: number; title: string; status: string; score: number; rules: { id: string; state: string }[] }[] } | null }[]; summary: Record<string, number> }

function json(args: string[], cwd: string): { out: JsonOut; status: number | null; stderr: string } {
  const r = rac(['check', '--format', 'json', '--as-of', AS_OF, ...args], cwd);
  return { out: JSON.parse(r.stdout) as JsonOut, status: r.status, stderr: r.stderr };
}

describe('rac check exit codes', () => {
  test('a clean file exits 0 and prints its coverage', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const r = rac(['check', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^a\.relationship\.yaml: coverage 4\/12: 4 of 4 required principles covered, 8 not yet required · stage awareness · as of 2025-06-01 · 4 information notes \(--verbose lists them\)$/m);
    assert.equal(r.stderr, '');
  });

  test('--verbose lists the information findings the coverage line counts', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const quiet = rac(['check', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    assert.doesNotMatch(quiet.stdout, /: information /);
    const r = rac(['check', '--as-of', AS_OF, '--verbose', 'a.relationship.yaml'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^a\.relationship\.yaml:\d+:\d+: information .* \[evidence\.[A-Za-z0-9-]+\]$/m);
    assert.match(r.stdout, /as of 2025-06-01$/m);
  });

  test('an error exits 1; --fail-on never exits 0', () => {
    const dir = workspace({ 'a.relationship.yaml': FLAWED });
    const r = rac(['check', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^a\.relationship\.yaml:6:3: error unknown key "stauts" in "metadata"; allowed keys are id, title, .* \[schema\.additionalProperties\]$/m);
    assert.equal(rac(['check', '--as-of', AS_OF, '--fail-on', 'never', 'a.relationship.yaml'], dir).status, 0);
  });

  test('warnings fail only with --fail-on warning', () => {
    const dir = workspace({ 'a.relationship.yaml': WARNS });
    const plain = rac(['check', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    assert.equal(plain.status, 0);
    assert.match(plain.stdout, /warning RK2 /);
    assert.equal(rac(['check', '--as-of', AS_OF, '--fail-on=warning', 'a.relationship.yaml'], dir).status, 1);
  });

  test('--min-coverage counts covered principles', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    assert.equal(rac(['check', '--as-of', AS_OF, '--min-coverage', '4', 'a.relationship.yaml'], dir).status, 0);
    const below = rac(['check', '--as-of', AS_OF, '--min-coverage', '5', 'a.relationship.yaml'], dir);
    assert.equal(below.status, 1);
    assert.match(below.stderr, /a\.relationship\.yaml covers 4 principles, fewer than --min-coverage 5/);
  });

  test('an unreadable file exits 2 and the other files are still reported', () => {
    const dir = workspace({
      'a.relationship.yaml': VALID,
      'b.relationship.yaml': Buffer.from('schema_version: "1"\n\0\0\0binary'),
      'c.relationship.yaml': FLAWED,
    });
    const r = rac(['check', '--as-of', AS_OF, '.'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^rac check: b\.relationship\.yaml: binary file \(it contains NUL bytes\)/m);
    assert.match(r.stdout, /^a\.relationship\.yaml: coverage /m);
    assert.match(r.stdout, /^b\.relationship\.yaml: error binary file/m);
    assert.match(r.stdout, /^c\.relationship\.yaml:6:3: error unknown key "stauts"/m);
    assert.ok(noStackTrace(r));

    const j = json(['.'], dir);
    assert.equal(j.status, 2);
    assert.deepEqual(j.out.files.map((f) => f.path), ['a.relationship.yaml', 'b.relationship.yaml', 'c.relationship.yaml']);
    assert.match(j.out.files[1].error ?? '', /binary file/);
    assert.equal(j.out.files[1].coverage, null);
    assert.equal(j.out.summary.unreadable, 1);
  });

  test('a file over 5 MiB is refused as too large, with its real size; one of exactly 5 MiB is checked', () => {
    const comment = (bytes: number): string => `# ${'x'.repeat(bytes - 3)}\n`;
    const dir = workspace({
      'big.relationship.yaml': comment(5 * 1024 * 1024 + 1),
      'bigger.relationship.yaml': comment(Math.round(5.3 * 1024 * 1024)),
      'limit.relationship.yaml': comment(5 * 1024 * 1024),
      'a.relationship.yaml': VALID,
    });
    const r = rac(['check', '--as-of', AS_OF, '.'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /big\.relationship\.yaml: file too large \(5\.1 MiB; the limit is 5 MiB\)/);
    assert.match(r.stderr, /bigger\.relationship\.yaml: file too large \(5\.3 MiB; the limit is 5 MiB\)/);
    assert.doesNotMatch(r.stderr, /limit\.relationship\.yaml/);
    assert.match(r.stdout, /^limit\.relationship\.yaml: coverage /m);
    assert.match(r.stdout, /^a\.relationship\.yaml: coverage /m);
  });

  test('a path that does not exist exits 2; the paths that exist are still checked', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const r = rac(['check', '--as-of', AS_OF, 'nope.relationship.yaml', 'a.relationship.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^rac check: nope\.relationship\.yaml: no such file or folder$/m);
    assert.match(r.stdout, /^a\.relationship\.yaml: coverage /m);
  });

  test('usage errors exit 2 with a message and no stack trace', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const cases: [string[], RegExp][] = [
      [['--formt', 'json'], /unknown option '--formt'; did you mean '--format'\?/],
      [['--format', 'xml'], /--format must be one of text, json, sarif, github, markdown, not "xml"/],
      [['--as-of', '2025-02-30'], /--as-of needs a real date as YYYY-MM-DD/],
      [['--as-of', 'yesterday'], /--as-of needs a real date/],
      [['--fail-on', 'warnings'], /--fail-on must be one of error, warning, never, not "warnings"; did you mean "warning"\?/],
      [['--min-coverage', '13'], /--min-coverage needs a number of principles from 0 to 12/],
      [['--min-coverage', 'lots'], /--min-coverage needs a number/],
      [['--root', 'missing-folder'], /--root missing-folder: no such folder/],
      [['--format'], /--format needs a value/],
      [['--quiet=yes'], /--quiet takes no value/],
    ];
    for (const [args, message] of cases) {
      const r = rac(['check', 'a.relationship.yaml', ...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.ok(noStackTrace(r));
    }
  });

  test('the command itself: help, version, unknown commands', () => {
    const dir = workspace();
    const help = rac(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: rac <command>/);
    assert.equal(rac(['check', '--help'], dir).status, 0);
    const version = rac(['--version'], dir);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(rac([], dir).status, 2);
    const unknown = rac(['chek'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "chek"; did you mean "check"\?/);
  });
});

describe('rac check paths', () => {
  test('folders are walked for .relationship.yaml and .yml, skipping node_modules and dot-folders, sorted', () => {
    const dir = workspace({
      'z.relationship.yaml': VALID,
      'sub/b.relationship.yml': VALID,
      'sub/deeper/a.relationship.yaml': VALID,
      'node_modules/pkg/x.relationship.yaml': FLAWED,
      '.git/y.relationship.yaml': FLAWED,
      '.github/w.relationship.yaml': FLAWED,
      'other.yaml': 'not: checked',
      'notes.relationship.yaml.bak': FLAWED,
    });
    const expected = ['sub/b.relationship.yml', 'sub/deeper/a.relationship.yaml', 'z.relationship.yaml'];
    const all = json([], dir);
    assert.equal(all.status, 0, all.stderr);
    assert.deepEqual(all.out.files.map((f) => f.path), expected);
    assert.deepEqual(json(['sub', '.'], dir).out.files.map((f) => f.path), expected, 'a file found twice is checked once');
    // Display paths are relative to the working folder, with forward slashes.
    assert.deepEqual(json(['.'], join(dir, 'sub')).out.files.map((f) => f.path), ['b.relationship.yml', 'deeper/a.relationship.yaml']);
    assert.deepEqual(json(['../z.relationship.yaml'], join(dir, 'sub')).out.files.map((f) => f.path), [join(dir, 'z.relationship.yaml').split('\\').join('/')]);
  });

  test('the current folder without relationship files is a note, not an error (a change removed the last file)', () => {
    const dir = workspace({ 'readme.md': '# nothing here', 'partners/notes.yaml': 'not: a relationship' });
    for (const args of [[], ['.'], ['--fail-on', 'warning', '--min-coverage', '12', '--', '.']]) {
      const r = rac(['check', '--as-of', AS_OF, ...args], dir);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stderr, 'rac check: no relationship files under . (*.relationship.yaml or *.relationship.yml); nothing to check\n', args.join(' '));
      assert.equal(r.stdout, '');
    }
    // As the GitHub action runs it: a valid, empty JSON document for its totals.
    const { out, status } = json(['--fail-on', 'never', '--', '.'], dir);
    assert.equal(status, 0);
    assert.deepEqual(out.files, []);
  });

  test('a folder named explicitly without relationship files is a usage problem', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID, 'partners/notes.yaml': 'not: a relationship' });
    const r = rac(['check', '--as-of', AS_OF, 'partners'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'rac check: no relationship files under partners (*.relationship.yaml or *.relationship.yml)\n');
    // The files that are there are still checked and reported.
    const both = json(['partners', 'a.relationship.yaml'], dir);
    assert.equal(both.status, 2);
    assert.deepEqual(both.out.files.map((f) => f.path), ['a.relationship.yaml']);
    // From inside it, the folder is the current one.
    assert.equal(rac(['check', '--as-of', AS_OF], join(dir, 'partners')).status, 0);
  });

  test('rac check --help says what an empty folder means', () => {
    const help = rac(['check', '--help'], workspace()).stdout;
    assert.match(help, /A folder without relationship files: the current folder \(the default, also when given as \.\) prints a note\nand is not an error/);
    assert.match(help, /a folder you name is a usage\nproblem \(exit 2\)/);
  });

  test('a file named explicitly is checked whatever its name', () => {
    const dir = workspace({ 'plain.yaml': VALID });
    assert.deepEqual(json(['plain.yaml'], dir).out.files.map((f) => f.path), ['plain.yaml']);
  });
});

describe('rac check evidence links', () => {
  const withLinks = VALID.replace('      type: joint\n', '      type: joint\n      document: docs/plan.pdf\n')
    .replace('  risk_management:\n', '  information_and_knowledge_sharing:\n    agreements:\n      - type: nda\n        document: ../outside.pdf\n      - type: dpa\n        document: docs/escape.pdf\n  risk_management:\n');

  function setup(): { root: string; dir: string } {
    const root = workspace({ 'outside.pdf': 'secret', 'ws/a.relationship.yaml': withLinks });
    const dir = join(root, 'ws');
    mkdirSync(join(dir, 'docs'));
    // A link inside the workspace that a symbolic link turns into one outside it.
    symlinkSync(join(root, 'outside.pdf'), join(dir, 'docs', 'escape.pdf'));
    return { root, dir };
  }

  test('a missing file is a warning; links that leave the workspace are refused, also through symbolic links', () => {
    const { dir } = setup();
    const { out, status } = json(['a.relationship.yaml'], dir);
    assert.equal(status, 0);
    const links = out.files[0].findings.filter((f) => f.code.startsWith('link.')).map((f) => [f.code, f.severity, f.line]);
    assert.deepEqual(links, [
      ['link.missing-file', 'warning', 25],
      ['link.outside-workspace', 'warning', 33],
      ['link.outside-workspace', 'warning', 35],
    ]);
    writeFileSync(join(dir, 'docs', 'plan.pdf'), '%PDF');
    assert.equal(json(['a.relationship.yaml'], dir).out.files[0].findings.filter((f) => f.code === 'link.missing-file').length, 0);
  });

  test('--root widens the workspace', () => {
    const { dir } = setup();
    const { out } = json(['--root', '..', 'a.relationship.yaml'], dir);
    assert.deepEqual(out.files[0].findings.filter((f) => f.code.startsWith('link.')).map((f) => f.code), ['link.missing-file']);
  });
});

describe('rac check output', () => {
  test('JSON has the documented shape with 1-based lines and UTF-16 columns', () => {
    const line = '  title: "😀 two 🎉 emoji", stauts: draft}';
    const text = VALID.replace('  title: Test relationship\n', '').replace('metadata:\n', `metadata: {id: REL-T, status: draft, lifecycle_stage: awareness, next_review_due: 2025-12-01, maintained_by: acme,\n${line}\n`)
      .replace(/^ {2}(id: REL-T|status: draft|lifecycle_stage: awareness|next_review_due: 2025-12-01|maintained_by: acme)\n/gm, '');
    const dir = workspace({ 'a.relationship.yaml': text });
    const { out, status } = json(['a.relationship.yaml'], dir);
    assert.equal(status, 1);
    assert.deepEqual(Object.keys(out), ['files', 'summary']);
    const file = out.files[0];
    assert.deepEqual(Object.keys(file), ['path', 'findings', 'coverage']);
    const unknown = file.findings.find((f) => f.code === 'schema.additionalProperties');
    assert.ok(unknown, JSON.stringify(file.findings));
    assert.deepEqual(Object.keys(unknown), ['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'principle', 'rule']);
    // JavaScript string indices are UTF-16 code units: each emoji counts 2.
    const column = line.indexOf('stauts') + 1;
    assert.equal(column, [...line.slice(0, column - 1)].length + 2 + 1, 'two emoji before the key, one more unit each');
    assert.deepEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [3, column, 3, column + 'stauts'.length]);
    assert.equal(unknown.principle, null);
    assert.deepEqual(Object.keys(file.coverage!), ['covered', 'waived', 'required', 'total', 'unknown', 'stage', 'asOf', 'principles']);
    assert.equal(file.coverage!.asOf, AS_OF);
    assert.equal(file.coverage!.principles.length, 12);
    assert.deepEqual(Object.keys(file.coverage!.principles[0]), ['id', 'clause', 'title', 'status', 'score', 'rules']);
    assert.deepEqual(Object.keys(file.coverage!.principles[0].rules[0]), ['id', 'state']);
    assert.deepEqual(Object.keys(out.summary), ['files', 'unreadable', 'findings', 'errors', 'warnings', 'information', 'hints']);
    assert.equal(out.summary.errors, 1);
  });

  test('CRLF line endings and a byte order mark give the same positions as plain LF', () => {
    const dir = workspace({
      'lf.relationship.yaml': FLAWED,
      'crlf.relationship.yaml': FLAWED.replace(/\n/g, '\r\n'),
      'bom.relationship.yaml': `\uFEFF${FLAWED}`,
    });
    const { out } = json(['.'], dir);
    const positions = (path: string) => out.files.find((f) => f.path === path)!.findings.map((f) => [f.code, f.line, f.column, f.endLine, f.endColumn]);
    assert.ok(positions('lf.relationship.yaml').length > 0);
    assert.deepEqual(positions('crlf.relationship.yaml'), positions('lf.relationship.yaml'));
    assert.deepEqual(positions('bom.relationship.yaml'), positions('lf.relationship.yaml'));
    const text = rac(['check', '--as-of', AS_OF, 'crlf.relationship.yaml'], dir);
    assert.ok(!text.stdout.includes('\r'), 'no carriage return is echoed into the source excerpt');
    assert.match(text.stdout, /^ 6 \| {3}stauts: draft\n {3}\| {3}\^~~~~~$/m);
  });

  test('--quiet prints findings only; colours only on request of a terminal', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID, 'b.relationship.yaml': FLAWED });
    const quiet = rac(['check', '--as-of', AS_OF, '--quiet', '.'], dir);
    assert.equal(quiet.status, 1);
    assert.doesNotMatch(quiet.stdout, /coverage/);
    assert.match(quiet.stdout, /b\.relationship\.yaml:6:3: error/);
    const piped = rac(['check', '--as-of', AS_OF, '--no-color', '.'], dir);
    assert.ok(!piped.stdout.includes('\x1b'));
    assert.ok(!rac(['check', '--as-of', AS_OF, '.'], dir).stdout.includes('\x1b'), 'a pipe is not a terminal');
  });
});
