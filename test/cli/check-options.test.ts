// The options a user reaches for after the first run: standard input, an output file, a warning budget, errors
// only, and a minimum coverage of "every principle the stage requires". Each runs the built CLI as a user does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AS_OF, rac, VALID, workspace } from './run-cli';

/** VALID with one warning: RM3, the next review is overdue. */
const OVERDUE = VALID.replace('next_review_due: 2025-12-01', 'next_review_due: 2025-01-01');
/** OVERDUE with an evidence link to docs/rmp.md (one more warning where that file is missing). */
const ONE_WARNING = OVERDUE.replace('      type: joint\n', '      type: joint\n      document: docs/rmp.md\n');
/** VALID with one error (an unknown key) and the warning. */
const ERROR_AND_WARNING = ONE_WARNING.replace('  title: Test relationship\n', '  title: Test relationship\n  titel: typo\n');

interface Json { files: { path: string; findings: { code: string; severity: string; message: string }[]; coverage: { covered: number; required: number } }[] }

describe('rac check - (standard input)', () => {
  test('reads the file from standard input and names it <stdin>', () => {
    const dir = workspace();
    const r = rac(['check', '--as-of', AS_OF, '-'], dir, {}, VALID);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<stdin>: coverage 4\/12/m);
  });

  test('--stdin-filename names it in messages and places its evidence links', () => {
    const dir = workspace({ 'deals/docs/rmp.md': '# plan\n' });
    const named = rac(['check', '--as-of', AS_OF, '--format', 'json', '--stdin-filename', 'deals/acme.relationship.yaml', '-'], dir, {}, ONE_WARNING);
    const out = JSON.parse(named.stdout) as Json;
    assert.equal(out.files[0].path, 'deals/acme.relationship.yaml');
    assert.deepEqual(out.files[0].findings.filter((f) => f.severity !== 'information').map((f) => f.code), ['evidence.RM3'], 'docs/rmp.md is found beside deals/acme');
    // Without a name the link resolves from the working folder, where docs/rmp.md does not exist.
    const unnamed = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'json', '-'], dir, {}, ONE_WARNING).stdout) as Json;
    assert.ok(unnamed.files[0].findings.some((f) => f.code === 'link.missing-file'));
    const text = rac(['check', '--as-of', AS_OF, '--stdin-filename', 'deals/acme.relationship.yaml', '-'], dir, {}, ONE_WARNING);
    assert.match(text.stdout, /^deals\/acme\.relationship\.yaml:7:3: warning RM3 /m);
  });

  test('CRLF, a byte order mark, tabs in text and emoji read from stdin as from a file on disk', () => {
    const text = '\uFEFF' + ERROR_AND_WARNING.replace('title: Test relationship', 'title: "🤝\tTest 🧪 relationship"').replace(/\n/g, '\r\n');
    const dir = workspace({ 'a.relationship.yaml': text });
    const fromDisk = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'json', 'a.relationship.yaml'], dir).stdout) as Json;
    const fromStdin = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'json', '--stdin-filename', 'a.relationship.yaml', '-'], dir, {}, text).stdout) as Json;
    assert.deepEqual(fromStdin, fromDisk);
    assert.ok(fromStdin.files[0].findings.some((f) => f.severity === 'error' && /titel/.test(f.message)));
  });

  test('stdin is checked beside files on disk; bad input and misuse are said plainly', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const both = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'json', 'a.relationship.yaml', '-'], dir, {}, VALID).stdout) as Json;
    assert.deepEqual(both.files.map((f) => f.path), ['a.relationship.yaml', '<stdin>']);
    const binary = rac(['check', '-'], dir, {}, 'a\0b');
    assert.equal(binary.status, 2);
    assert.match(binary.stderr, /<stdin>: binary file/);
    const cases: [string[], RegExp][] = [
      [['--stdin-filename', 'x.relationship.yaml', 'a.relationship.yaml'], /--stdin-filename names the file read from standard input: give - as a path too/],
      [['-', '-'], /standard input \(-\) can be read once only/],
    ];
    for (const [args, message] of cases) {
      const r = rac(['check', ...args], dir, {}, VALID);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
    }
  });
});

describe('rac check -o FILE', () => {
  for (const format of ['text', 'json', 'sarif', 'github', 'markdown']) {
    test(`writes the ${format} report to the file and nothing to standard output`, () => {
      const dir = workspace({ 'a.relationship.yaml': ONE_WARNING });
      const r = rac(['check', '--as-of', AS_OF, '--format', format, '-o', `out.${format}`, 'a.relationship.yaml'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      const written = readFileSync(join(dir, `out.${format}`), 'utf8');
      // The file holds what standard output would have held.
      assert.equal(written, rac(['check', '--as-of', AS_OF, '--format', format, 'a.relationship.yaml'], dir).stdout);
      assert.match(written, /RM3/);
    });
  }

  test('an unwritable output is a usage problem', () => {
    const dir = workspace({ 'a.relationship.yaml': VALID });
    const r = rac(['check', '--as-of', AS_OF, '-o', 'missing/out.txt', 'a.relationship.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /could not write missing\/out\.txt/);
  });
});

describe('rac check --max-warnings and --quiet', () => {
  test('--max-warnings N exits 1 only when the warnings exceed N, like eslint', () => {
    const dir = workspace({ 'a.relationship.yaml': OVERDUE, 'b.relationship.yaml': OVERDUE });
    assert.equal(rac(['check', '--as-of', AS_OF, '--max-warnings', '2', '.'], dir).status, 0);
    const over = rac(['check', '--as-of', AS_OF, '--max-warnings', '1', '.'], dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /rac check: 2 warnings, more than --max-warnings 1/);
    assert.equal(rac(['check', '--as-of', AS_OF, '--max-warnings', '0', '--quiet', '.'], dir).status, 1, 'counted also when --quiet hides them');
    const bad = rac(['check', '--max-warnings', 'many', '.'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-warnings needs a whole number of warnings/);
  });

  test('--quiet reports errors only, in text and in JSON', () => {
    const dir = workspace({ 'a.relationship.yaml': ERROR_AND_WARNING });
    const text = rac(['check', '--as-of', AS_OF, '--quiet', 'a.relationship.yaml'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /: error unknown key "titel"/);
    assert.doesNotMatch(text.stdout, /warning|information|coverage|rac explain/);
    const json = JSON.parse(rac(['check', '--as-of', AS_OF, '--quiet', '--format', 'json', 'a.relationship.yaml'], dir).stdout) as Json;
    assert.deepEqual(json.files[0].findings.map((f) => f.severity), ['error']);
  });
});

describe('rac check --min-coverage all', () => {
  test('an early-stage file that covers all it requires passes; a gap fails, and a number still works', () => {
    const dir = workspace({ 'early.relationship.yaml': VALID, 'gap.relationship.yaml': VALID.replace(/ {2}risk_management:\n( {4,}.*\n)*/, '') });
    const early = rac(['check', '--as-of', AS_OF, '--min-coverage', 'all', 'early.relationship.yaml'], dir);
    assert.equal(early.status, 0, early.stderr);
    assert.match(early.stdout, /4 of 4 required principles covered/);
    assert.equal(rac(['check', '--as-of', AS_OF, '--min-coverage', '12', 'early.relationship.yaml'], dir).status, 1, 'a number counts principles, whatever the stage');
    const gap = rac(['check', '--as-of', AS_OF, '--min-coverage', 'all', '--fail-on', 'never', 'gap.relationship.yaml'], dir);
    assert.equal(gap.status, 1);
    assert.match(gap.stderr, /gap\.relationship\.yaml covers 3 of the 4 principles its stage \(awareness\) requires; --min-coverage all wants every one/);
    const bad = rac(['check', '--min-coverage', 'most', '.'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--min-coverage needs a number of principles from 0 to 12, or all/);
  });
});
