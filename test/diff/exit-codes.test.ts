// rac diff's exit codes, judged on what the change adds: 1 for new findings at or above --fail-on or a lost
// principle with --fail-on-coverage-loss, 2 for setup problems (no git, not a repository, unknown ref, bad
// options), each with a message that says what to do.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { edit, fixture, repoWith as sharedRepoWith, TempRepo } from './git-repo';
import { AS_OF } from './scenario';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.dispose()));

const repoWith = (head: string, base?: string): TempRepo => sharedRepoWith(repos, head, base);

const full = fixture('partnership.relationship.yaml');
const newError = edit(full, 'likelihood: 4', 'likelihood: 7');
const lostTrust = edit(full, /^ {4}trust_measurement:\n(?: {6}.*\n)+/m, '');
const diff = (repo: TempRepo, ...args: string[]) => repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, ...args]);

test('a new error fails with the default --fail-on error, and passes with --fail-on never', () => {
  const repo = repoWith(newError);
  assert.equal(diff(repo).status, 1);
  assert.equal(diff(repo, '--fail-on', 'never').status, 0);
});

test('an error that was already in the base does not fail the change', () => {
  const repo = repoWith(newError + '# a comment\n', newError);
  const r = diff(repo, '--format', 'json');
  assert.equal(r.status, 0, r.stdout);
  assert.equal(JSON.parse(r.stdout).totals.newErrors, 0);
});

test('a new warning fails only with --fail-on warning', () => {
  const repo = repoWith(lostTrust);
  assert.equal(diff(repo).status, 0, 'TM2 unmet is a warning');
  assert.equal(diff(repo, '--fail-on', 'warning').status, 1);
});

test('a lost principle fails with --fail-on-coverage-loss only', () => {
  const repo = repoWith(lostTrust);
  assert.equal(diff(repo, '--fail-on', 'never').status, 0);
  assert.equal(diff(repo, '--fail-on', 'never', '--fail-on-coverage-loss').status, 1);
});

test('deleting a file is not a coverage loss: it shows in the summary, it does not fail the gate', () => {
  const repo = repoWith(full);
  repo.remove('a.relationship.yaml');
  const r = diff(repo, '--fail-on-coverage-loss');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^### Relationship coverage: 1 file changed · 0 principles gained · 0 lost · 0 new errors$/m);
  assert.match(r.stdout, /deleted/);
});

test('no change: exit 0 and a headline that says so', () => {
  const repo = repoWith(full);
  const r = diff(repo);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^### Relationship coverage: no relationship files changed$/m);
});

test('an unknown ref exits 2 and names the ref', () => {
  const repo = repoWith(full);
  const r = repo.rac(['diff', '--base', 'no-such-branch', '--as-of', AS_OF]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown git ref "no-such-branch"/);
  assert.equal(r.stdout, '');
});

test('a ref that looks like an option exits 2 without reaching git as an option', () => {
  const repo = repoWith(full);
  const r = repo.rac(['diff', '--base=--output=/tmp/x', '--as-of', AS_OF]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not a git ref/);
});

test('outside a git repository: exit 2 with a clear message', () => {
  const repo = new TempRepo();
  repos.push(repo);
  const dir = join(repo.home, 'plain');
  mkdirSync(dir);
  // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
  const r = repo.rac(['diff', '--base', 'main', '--as-of', AS_OF], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: repo.home } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not inside a git working tree/);
});

test('without git on PATH: exit 2 and a message that says git is needed', () => {
  const repo = repoWith(full);
  const r = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF], { env: { PATH: join(repo.home, 'empty-bin') } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /git was not found on PATH/);
});

test('bad options exit 2 with a message that points at --help', () => {
  const repo = repoWith(full);
  for (const args of [['diff'], ['diff', '--base'], ['diff', '--base', 'HEAD', '--fail-on', 'sometimes'], ['diff', '--base', 'HEAD', '--format', 'sarif'], ['diff', '--base', 'HEAD', '--as-of', '2026-02-30'], ['diff', '--base', 'HEAD', '--frobnicate']]) {
    const r = repo.rac(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^rac diff: .+\nRun "rac diff --help" for the options\.\n$/, args.join(' '));
  }
  const help = repo.rac(['diff', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--fail-on-coverage-loss/);
});

test('a path that names nothing exits 2; a path deleted by the change is still compared', () => {
  const repo = repoWith(full);
  repo.write('gone/b.relationship.yaml', full).commitAll('second');
  repo.remove('gone/b.relationship.yaml');
  const typo = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, 'relationshps']);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^rac diff: relationshps: no such file or folder in the working tree or in HEAD\n$/);
  const gone = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json', 'gone']);
  assert.equal(gone.status, 0, gone.stderr);
  assert.deepEqual((JSON.parse(gone.stdout) as { files: { kind: string }[] }).files.map((f) => f.kind), ['deleted']);
});

test('a file that cannot be read as text on one side is reported and exits 2; the others are still compared', () => {
  const repo = repoWith(newError);
  repo.write('b.relationship.yaml', 'schema_version: "1"\n\0\0binary\n');
  const r = diff(repo);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^> could not read <code>b\.relationship\.yaml<\/code>: binary file/m);
  assert.match(r.stdout, /likelihood must be at most 5, not 7/, 'a.relationship.yaml is still compared');
  const json = JSON.parse(diff(repo, '--format', 'json').stdout) as { unreadable: { path: string }[] };
  assert.deepEqual(json.unreadable.map((u) => u.path), ['b.relationship.yaml']);
});
