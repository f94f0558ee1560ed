// pre-commit (Debian's) with the rac-check hook of a release of this repository: the release folder is
// committed and tagged in a temporary hook repository, a user repository points its .pre-commit-config.yaml at
// that tag as README shows, and `git commit` is blocked by a flawed relationship file and lets a sound one
// through. Only staged relationship files are checked. Run by `npm run test:tools` (needs pre-commit).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRelease, ROOT, toolHome } from './tools';

const { home, env } = toolHome('rac-pre-commit-');
after(() => rmSync(home, { recursive: true, force: true }));
const hooks = join(home, 'hooks');
const repo = join(home, 'repo');
const run = (cwd: string, command: string, ...args: string[]) =>
  spawnSync(command, args, { cwd, env: { ...env, PRE_COMMIT_HOME: join(home, 'pre-commit') }, encoding: 'utf8', timeout: 300_000 });
const git = (cwd: string, ...args: string[]): string => {
  const r = run(cwd, 'git', ...args);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** README's .pre-commit-config.yaml lines, with the hook repository and tag of this test. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- pre-commit-config -->\n```yaml\n([\s\S]*?)```\n/.exec(readme);
  assert.ok(m, 'README shows the .pre-commit-config.yaml lines after <!-- pre-commit-config -->');
  assert.match(m[1], /repo: https:\/\/github\.com\/relationship-as-code\/relationship-as-code\n/);
  assert.match(m[1], /rev: v\d+\.\d+\.\d+/);
  // The as-of date keeps this test's verdict independent of the day it runs.
  return m[1]
    .replace(/repo: https:\/\/github\.com\/relationship-as-code\/relationship-as-code/, `repo: ${hooks}`)
    .replace(/rev: v\d+\.\d+\.\d+/, 'rev: v0.0.0-test')
    .replace(/- id: rac-check\n/, `- id: rac-check\n        args: [--as-of, '2026-11-01']\n`);
}

before(() => {
  buildRelease(hooks);
  git(hooks, 'init', '--quiet');
  git(hooks, 'add', '--all');
  git(hooks, 'commit', '--quiet', '-m', 'release');
  git(hooks, 'tag', 'v0.0.0-test');
  mkdirSync(repo);
  git(repo, 'init', '--quiet');
  writeFileSync(join(repo, '.pre-commit-config.yaml'), readmeConfig());
  cpSync(join(ROOT, 'samples', 'docs'), join(repo, 'docs'), { recursive: true });
  writeFileSync(join(repo, 'notes.md'), '# notes\n');
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', 'start');
  const install = run(repo, 'pre-commit', 'install');
  assert.equal(install.status, 0, install.stderr + install.stdout);
});

test('a commit with a flawed relationship file is blocked, with rac\'s findings in the output', () => {
  cpSync(join(ROOT, 'samples', 'flawed.relationship.yaml'), join(repo, 'flawed.relationship.yaml'));
  git(repo, 'add', 'flawed.relationship.yaml');
  const r = run(repo, 'git', 'commit', '-m', 'flawed');
  assert.notEqual(r.status, 0, 'the commit went through');
  const out = r.stdout + r.stderr;
  git(repo, 'reset', '--quiet');
  // Where the sample's misspelt key is, read from the sample, so an edit above it does not break this test.
  const lines = readFileSync(join(ROOT, 'samples', 'flawed.relationship.yaml'), 'utf8').split('\n');
  const line = lines.findIndex((l) => /\bownr:/.test(l));
  assert.match(out, /rac check \(Relationship as Code\)\.+Failed/);
  assert.ok(out.includes(`flawed.relationship.yaml:${line + 1}:${lines[line].indexOf('ownr') + 1}: error unknown key "ownr"`), out);
  assert.equal(git(repo, 'log', '--format=%s', '-1').trim(), 'start');
});

test('a sound relationship file passes; the unstaged flawed file beside it is not checked', () => {
  cpSync(join(ROOT, 'samples', 'outsourcing-partnership.relationship.yaml'), join(repo, 'outsourcing-partnership.relationship.yaml'));
  git(repo, 'add', 'outsourcing-partnership.relationship.yaml');
  const r = run(repo, 'git', 'commit', '-m', 'sound');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /rac check \(Relationship as Code\)\.+Passed/);
  assert.equal(git(repo, 'log', '--format=%s', '-1').trim(), 'sound');
  // A commit without relationship files does not run the hook.
  writeFileSync(join(repo, 'notes.md'), '# notes\n\nmore\n');
  git(repo, 'add', 'notes.md');
  const other = run(repo, 'git', 'commit', '-m', 'notes');
  assert.equal(other.status, 0, other.stdout + other.stderr);
  assert.match(other.stdout + other.stderr, /rac check \(Relationship as Code\)\.+\(no files to check\)Skipped/);
});
