// .github/workflows/release.yml: on a version tag it tests first, builds the three artefacts, and publishes the
// action folder as one commit that the version tag and the major tag point at. The publishing step's script is
// run for real against a temporary repository whose origin is a bare repository.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isolatedEnv, ROOT } from '../diff/git-repo';

interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string> }
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  jobs: { release: { permissions: Record<string, string>; steps: Step[] } };
};
const steps = workflow.jobs.release.steps;
const at = (pattern: RegExp): number => steps.findIndex((s) => pattern.test(s.run ?? ''));

test('a version tag runs the checks and tests, then builds the action folder, the .vsix and the npm tarball', () => {
  assert.ok(workflow.on.push.tags.every((t) => t.startsWith('v[0-9]+.')), 'version tags only: the moved v1 tag is not one');
  assert.equal(workflow.jobs.release.permissions.contents, 'write');
  const tests = at(/npm test/);
  assert.ok(tests > 0 && at(/npm ci/) < tests);
  for (const build of [/npm run build:action/, /npm run package/, /npm pack/]) assert.ok(at(build) > tests, `${build} after the tests`);
  const release = steps[at(/gh release create/)].run ?? '';
  assert.match(release, /relationship-as-code-\*\.vsix relationship-as-code-\*\.tgz/);
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts['build:action'], /scripts\/build-action\.mjs/);
  for (const step of steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: no expression inside a script`);
});

const home = mkdtempSync(join(tmpdir(), 'rac-release-tags-'));
after(() => rmSync(home, { recursive: true, force: true }));

test('the publishing step commits exactly the release folder on top of the tagged commit and moves v1 to it', () => {
  const env = isolatedEnv(home);
  const git = (cwd: string, ...args: string[]): string => {
    const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const origin = join(home, 'origin.git');
  const work = join(home, 'work');
  git(home, 'init', '--quiet', '--bare', origin);
  git(home, 'clone', '--quiet', origin, work);
  writeFileSync(join(work, 'package.json'), '{}\n');
  git(work, 'add', '--all');
  git(work, 'commit', '--quiet', '-m', 'source');
  git(work, 'tag', 'v1.4.0');
  git(work, 'tag', 'v1', 'HEAD');
  git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main', 'refs/tags/v1.4.0', 'refs/tags/v1');
  const source = git(work, 'rev-parse', 'HEAD');
  // The release folder, as build:action leaves it (ignored by the repository, like dist-action/).
  writeFileSync(join(work, '.gitignore'), 'dist-action/\n');
  spawnSync('mkdir', ['-p', join(work, 'dist-action', 'dist')]);
  writeFileSync(join(work, 'dist-action', 'action.yml'), 'name: x\n');
  writeFileSync(join(work, 'dist-action', 'dist', 'cli.js'), '// cli\n');

  const step = steps.find((s) => /git commit-tree/.test(s.run ?? ''));
  assert.ok(step?.run && step.env);
  const output = join(home, 'output');
  writeFileSync(output, '');
  const script = join(home, 'publish.sh');
  writeFileSync(script, step.run);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: work, encoding: 'utf8', env: { ...env, TAG: 'v1.4.0', FOLDER: step.env.FOLDER, GITHUB_OUTPUT: output },
  });
  assert.equal(r.status, 0, r.stderr);
  const commit = readFileSync(output, 'utf8').match(/^commit=(\w+)$/m)?.[1];
  assert.ok(commit);
  for (const tag of ['v1.4.0', 'v1']) assert.equal(git(origin, 'rev-parse', `refs/tags/${tag}^{commit}`), commit, `${tag} on origin`);
  assert.deepEqual(git(origin, 'ls-tree', '-r', '--name-only', commit).split('\n'), ['action.yml', 'dist/cli.js']);
  assert.equal(git(origin, 'rev-parse', `${commit}^`), source, 'the release commit follows the tagged source');
});
