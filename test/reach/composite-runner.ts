// Runs a composite GitHub Action's `run` steps the way the runner does (shell bash, inputs through the step's
// env, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), from whatever folder holds the
// action: the release folder copied outside the repository, read from its own action.yml.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

interface Step { id?: string; run?: string; shell?: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

export interface ActionRun { status: number | null; stdout: string; stderr: string; outputs: Record<string, string>; stepSummary: string; temp: string }

export function readAction(folder: string): Action {
  return parse(readFileSync(join(folder, 'action.yml'), 'utf8')) as Action;
}

/**
 * Runs the action in `folder` on the repository `cwd` with these inputs (the rest take their defaults) and
 * these values for the `github` context; the environment is `env` with node's folder on PATH, nothing else.
 */
export function runComposite(folder: string, cwd: string, inputs: Record<string, string>, github: Record<string, string>, env: Record<string, string>): ActionRun {
  const action = readAction(folder);
  const temp = mkdtempSync(join(dirname(cwd), 'runner-'));
  const files = { output: join(temp, 'output'), summary: join(temp, 'step-summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const value = (name: string): string => inputs[name] ?? action.inputs[name]?.default ?? '';
  const evaluate = (text: string): string => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string): string => {
    const input = /^inputs\.([a-z-]+)$/.exec(e);
    if (input) return evaluate(value(input[1]));
    if (e in github) return github[e];
    throw new Error(`the runner cannot evaluate \${{ ${e} }}`);
  });
  let last: ActionRun = { status: 0, stdout: '', stderr: '', outputs: {}, stepSummary: '', temp };
  const stdout: string[] = [];
  const stderr: string[] = [];
  action.runs.steps.forEach((step, i) => {
    if (step.run === undefined || last.status !== 0) return;
    if (step.shell !== 'bash') throw new Error(`step ${step.id ?? i}: only shell: bash is simulated`);
    const script = join(temp, `step-${i}.sh`);
    mkdirSync(temp, { recursive: true });
    writeFileSync(script, step.run);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      env: { ...env, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...stepEnv, GITHUB_ACTION_PATH: folder, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, RUNNER_TEMP: temp },
    });
    stdout.push(r.stdout);
    stderr.push(r.stderr);
    last = { ...last, status: r.status };
  });
  const lines = readFileSync(files.output, 'utf8').split('\n').filter(Boolean);
  const outputs = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { ...last, stdout: stdout.join(''), stderr: stderr.join(''), outputs, stepSummary: readFileSync(files.summary, 'utf8') };
}
