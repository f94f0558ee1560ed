// rac diff golden files: the scenario repository (scenario.ts) compared with its base, printed as Markdown,
// JSON and GitHub annotations by the built CLI, must equal test/diff/expected/*. After a deliberate change,
// regenerate with `npm run update-golden` and review every changed file by eye.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED } from './git-repo';
import { AS_OF, buildScenario, normalise } from './scenario';

const repo = buildScenario();
after(() => repo.dispose());

// The scenario's runs, by arguments: each test reads the run it needs, and a run is made once.
const runs = new Map<string, ReturnType<typeof repo.rac>>();
function rac(args: string[], cwd?: string) {
  const key = JSON.stringify([args, cwd]);
  if (!runs.has(key)) runs.set(key, repo.rac(args, cwd ? { cwd } : {}));
  return runs.get(key)!;
}

function golden(name: string, actual: string): void {
  const path = join(EXPECTED, name);
  assert.ok(existsSync(path), `${name} is missing: run npm run update-golden and review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs: if the change is intended, run npm run update-golden and review the diff`);
}

for (const format of ['markdown', 'json', 'github'] as const) {
  test(`rac diff --format ${format} matches expected/scenario.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'github.txt'}`, () => {
    const r = rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', format, 'relationships']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1, 'two new errors with the default --fail-on error');
    golden(`scenario.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'github.txt'}`, normalise(r.stdout, repo));
  });
}

test('the scenario reports each kind of change as the issue lists them', () => {
  const r = rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', 'json', 'relationships']);
  const report = JSON.parse(r.stdout) as { totals: Record<string, number>; files: { path: string; oldPath?: string; kind: string; gained: string[]; lost: string[]; newFindings: { code: string; line: number }[]; fixedFindings: { code: string }[] }[] };
  const byPath = new Map(report.files.map((f) => [f.path, f]));
  assert.deepEqual([...byPath.keys()].sort(), [
    'relationships/deleted.relationship.yaml',
    'relationships/evidence-added.relationship.yaml',
    'relationships/evidence-removed.relationship.yaml',
    'relationships/new (draft) #1.relationship.yaml',
    'relationships/new-error.relationship.yaml',
    'relationships/renamed.relationship.yaml',
  ], 'unchanged files, notes.md and files outside the given path are not listed');

  const added = byPath.get('relationships/evidence-added.relationship.yaml')!;
  assert.deepEqual(added.gained.sort(), ['exit_strategy', 'information_and_knowledge_sharing']);
  assert.deepEqual(added.fixedFindings.map((f) => f.code).sort(), ['evidence.EX8', 'evidence.IK4']);

  const removed = byPath.get('relationships/evidence-removed.relationship.yaml')!;
  assert.deepEqual(removed.lost, ['trust_and_mutual_benefit']);

  // The "ownr" error moved three lines down: not new. The likelihood 7 is.
  const moved = byPath.get('relationships/new-error.relationship.yaml')!;
  assert.deepEqual(moved.newFindings.map((f) => f.code), ['schema.maximum']);

  const renamed = byPath.get('relationships/renamed.relationship.yaml')!;
  assert.equal(renamed.kind, 'renamed');
  assert.equal(renamed.oldPath, 'relationships/old-name.relationship.yaml');
  assert.equal(renamed.newFindings.length, 0);

  assert.equal(byPath.get('relationships/deleted.relationship.yaml')!.kind, 'deleted');
  assert.equal(byPath.get('relationships/new (draft) #1.relationship.yaml')!.kind, 'added');
  assert.equal(report.totals.files, 6);
  assert.equal(report.totals.newErrors, 2);
});

test('without paths, the whole repository below the working folder is compared', () => {
  const r = rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', 'json']);
  const report = JSON.parse(r.stdout) as { files: { path: string }[] };
  assert.ok(report.files.some((f) => f.path === 'elsewhere/outside.relationship.yaml'));
  assert.equal(report.files.length, 7);
});

test('paths are shown relative to the working folder, links and annotations relative to the repository', () => {
  const r = rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', 'json', '.'], join(repo.dir, 'relationships'));
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { files: { path: string; repoPath: string }[] };
  const f = report.files.find((x) => x.repoPath === 'relationships/new-error.relationship.yaml');
  assert.equal(f?.path, 'new-error.relationship.yaml');
  const gh = rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', 'github', '.'], join(repo.dir, 'relationships'));
  assert.match(gh.stdout, /^::error file=relationships\/new-error\.relationship\.yaml,line=245,/m);
});
