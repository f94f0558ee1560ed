// The action as a release: `npm run build:action`'s folder (scripts/build-action.mjs), copied to a temporary
// folder outside the repository, where no node_modules can be found, runs README's workflow step for another
// repository in a simulated runner on a pull request: the summary, the outputs and the SARIF are produced.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../diff/git-repo';
import { buildScenario } from '../diff/scenario';
import { readAction, runComposite } from './composite-runner';
import { readmeWorkflow, RELEASED_ACTION } from './user-workflow';

const home = mkdtempSync(join(tmpdir(), 'rac-release-'));
const action = join(home, 'copied', 'relationship-as-code');
const scenario = buildScenario();
after(() => {
  rmSync(home, { recursive: true, force: true });
  scenario.dispose();
});

before(() => {
  const built = join(home, 'built');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-action.mjs'), '--out', built], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  cpSync(built, action, { recursive: true });
  rmSync(built, { recursive: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(action, path)];
  });
}

test('the release folder holds action.yml, the bundled CLI, the schemas, LICENSE, a README and the pre-commit hook, nothing else', () => {
  assert.deepEqual(filesUnder(action).sort(), [
    '.pre-commit-hooks.yaml', 'LICENSE', 'README.md', 'action.yml', 'dist/cli.js', 'package.json',
    'schemas/principles.schema.json', 'schemas/principles.yaml', 'schemas/profile.schema.json', 'schemas/relationship.schema.json',
  ]);
  assert.equal(readFileSync(join(action, 'action.yml'), 'utf8'), readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const readme = readFileSync(join(action, 'README.md'), 'utf8');
  assert.match(readme, new RegExp(`release ${version.replace(/\./g, '\\.')}`));
  assert.ok(readme.includes(`uses: ${RELEASED_ACTION}`));
  // Nothing to fall back on: no node_modules in any folder above the copy.
  for (let dir = action; dirname(dir) !== dir; dir = dirname(dir)) assert.ok(!existsSync(join(dir, 'node_modules')), `${dir}/node_modules exists`);
  const cli = spawnSync(process.execPath, [join(action, 'dist', 'cli.js'), '--version'], { cwd: home, encoding: 'utf8', env: { PATH: dirname(process.execPath) } });
  assert.equal(cli.status, 0, cli.stderr);
  assert.ok(cli.stdout.includes(version), cli.stdout);
});

interface WorkflowStep { uses?: string; id?: string; with?: Record<string, unknown>; env?: Record<string, string> }

test('README\'s workflow, as written, runs the copied release on a pull request: summary, outputs and SARIF', () => {
  const shown = readmeWorkflow(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  assert.ok(shown, 'README shows the workflow for another repository');
  const steps = (parse(shown) as { jobs: { review: { steps: WorkflowStep[] } } }).jobs.review.steps;
  const step = steps.find((s) => s.uses === RELEASED_ACTION);
  assert.ok(step?.id, `README's workflow uses ${RELEASED_ACTION}`);
  assert.ok(!steps.some((s) => JSON.stringify(s).includes('npm')), 'no build or install step: the release ships dist/cli.js');
  const released = readAction(action);
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
  for (const name of Object.keys(inputs)) assert.ok(name in released.inputs, `the release has no input ${name}`);

  const r = runComposite(action, scenario.dir, inputs, { 'github.event.pull_request.base.sha': 'base' }, scenario.env);
  // The scenario adds an error, so the review fails, after writing everything.
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stdout, /^::error file=relationships\/new-error\.relationship\.yaml,line=\d+,/m);
  assert.match(r.stepSummary, /^### Relationship coverage: \d+ files changed/m);
  const summaryFile = r.outputs['summary-file'];
  assert.ok(summaryFile && existsSync(summaryFile), `summary-file: ${summaryFile}`);
  assert.equal(readFileSync(summaryFile, 'utf8').trimEnd(), r.stepSummary.trimEnd());
  assert.ok(Number(r.outputs.total) > 0 && Number(r.outputs.covered) <= Number(r.outputs.total), JSON.stringify(r.outputs));
  // Every output the later steps read exists.
  for (const ref of shown.matchAll(/steps\.([a-z-]+)\.outputs\.([a-z-]+)/g)) {
    assert.equal(ref[1], step.id);
    assert.ok(ref[2] in r.outputs, `the release did not write output ${ref[2]}`);
  }
  const sarif = JSON.parse(readFileSync(join(scenario.dir, inputs.sarif), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.length > 0);
});
