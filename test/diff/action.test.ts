// action.yml and the example workflow (.github/workflows/relationship-review.yml, shown in the README):
// parsed with `yaml` and checked against each other and against the CLI's real options, then the action's
// script is run with bash the way the runner runs it (inputs through env, GITHUB_OUTPUT, RUNNER_TEMP) on a
// scenario repository, and the workflow's sticky-comment script is run against a fake GitHub API.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, fixture, ROOT, TempRepo } from './git-repo';
import { addedRuleProfile, CONTRACTS_RULE, START_DATE_RULE } from '../profiles/added-rule';
import { AS_OF, buildScenario } from './scenario';

interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Action {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const workflowText = readFileSync(join(ROOT, '.github', 'workflows', 'relationship-review.yml'), 'utf8');
const workflow = parse(workflowText) as Workflow;
const job = workflow.jobs.review;
const script = action.runs.steps.find((s) => s.id === 'review')?.run ?? '';

const expressions = (text: string) => [...text.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]);

test('action.yml: a composite action whose scripts never interpolate ${{ }} and whose inputs all exist', () => {
  assert.equal(action.runs.using, 'composite');
  for (const step of action.runs.steps) {
    if (step.run === undefined) continue;
    assert.equal(step.shell, 'bash', 'composite run steps must name their shell');
    assert.deepEqual(expressions(step.run), [], `no expression inside a script (script injection): ${step.id}`);
  }
  const used = expressions(readFileSync(join(ROOT, 'action.yml'), 'utf8')).flatMap((e) => [...e.matchAll(/\binputs\.([a-z-]+)/g)].map((m) => m[1]));
  for (const name of used) assert.ok(name in action.inputs, `inputs.${name} is not declared`);
  for (const name of ['paths', 'base', 'fail-on', 'min-coverage', 'comment', 'sarif', 'as-of', 'config']) assert.ok(name in action.inputs, `input ${name}`);
  // Every input reaches the script, through the environment.
  const env = action.runs.steps.find((s) => s.id === 'review')?.env ?? {};
  for (const name of Object.keys(action.inputs)) assert.ok(Object.values(env).includes(`\${{ inputs.${name} }}`), `input ${name} is not passed to the script`);
  assert.equal(action.inputs.base.default, '${{ github.event.pull_request.base.sha }}');
  assert.equal(action.inputs.config.default, '', 'profiles are found automatically unless one is named');
});

test('action.yml: each output comes from a step that exists and that writes it to GITHUB_OUTPUT', () => {
  assert.deepEqual(Object.keys(action.outputs).sort(), ['covered', 'summary-file', 'total', 'waived']);
  for (const [name, output] of Object.entries(action.outputs)) {
    const m = /^\$\{\{ steps\.([a-z-]+)\.outputs\.([a-z-]+) \}\}$/.exec(output.value);
    assert.ok(m, `${name}: ${output.value}`);
    const step = action.runs.steps.find((s) => s.id === m[1]);
    assert.ok(step?.run, `no step ${m[1]}`);
    assert.ok(new RegExp(`\\b${m[2]}=`).test(step.run), `step ${m[1]} never writes ${m[2]}=`);
  }
});

test('action.yml: every CLI option the script passes exists in that command\'s --help', () => {
  const help = (command: string) => spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' }).stdout;
  const helps: Record<string, string> = { diff: help('diff'), check: help('check') };
  assert.match(helps.diff, /usage: rac diff/);
  assert.match(helps.check, /usage: rac check/);
  let checked = 0;
  for (const line of script.split('\n')) {
    const options = [...line.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);
    if (!options.length) continue;
    // Which command the line builds options for: its array or its `node "$cli" <command>`.
    const commands = /\bdiff_opts\b/.test(line) && !/node "\$cli"/.test(line) ? ['diff']
      : /\bcheck_opts\b/.test(line) && !/node "\$cli"/.test(line) ? ['check']
        : /\bcommon\+=/.test(line) ? ['diff', 'check']
          : /node "\$cli" (diff|check)\b/.exec(line)?.slice(1, 2);
    assert.ok(commands, `cannot tell which command this line's options are for: ${line.trim()}`);
    for (const command of commands) {
      for (const option of options) {
        assert.ok(new RegExp(`(^|\\s)${option}\\b`, 'm').test(helps[command]), `rac ${command} has no ${option} (line: ${line.trim()})`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 10, `only ${checked} options found: did the script change shape?`);
});

test('the example workflow: pull requests, minimal permissions, full history, the action with real inputs and outputs', () => {
  assert.ok('pull_request' in workflow.on);
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  assert.deepEqual(job.permissions, { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
  const uses = job.steps.map((s) => s.uses?.replace(/@.*/, ''));
  const at = (name: string) => uses.indexOf(name);
  assert.ok(at('actions/checkout') === 0, 'checkout first');
  assert.equal(job.steps[0].with?.['fetch-depth'], 0, 'rac diff needs the base commit: fetch-depth 0');
  assert.ok(at('actions/setup-node') > 0 && at('actions/setup-node') < at('./'));
  assert.ok(at('actions/github-script') > at('./'), 'the comment is posted after the review');
  assert.ok(at('github/codeql-action/upload-sarif') > at('./'));
  const rac = job.steps[at('./')];
  for (const key of Object.keys(rac.with ?? {})) assert.ok(key in action.inputs, `the workflow passes an unknown input "${key}"`);
  // Steps after the review still run when it fails (new errors): the comment says why.
  for (const s of job.steps.slice(at('./') + 1)) assert.match(s.if ?? '', /always\(\)/, `${s.name ?? s.uses} must run after a failed review`);
  for (const ref of workflowText.matchAll(/steps\.([a-z-]+)\.outputs\.([a-z-]+)/g)) {
    assert.equal(ref[1], rac.id, `steps.${ref[1]} is not the action step`);
    assert.ok(ref[2] in action.outputs, `the action has no output ${ref[2]}`);
  }
  const upload = job.steps[at('github/codeql-action/upload-sarif')];
  assert.equal(upload.with?.sarif_file, rac.with?.sarif, 'the uploaded file is the one the action writes');
  for (const step of job.steps) if (step.run) assert.deepEqual(expressions(step.run), [], 'no expression inside a script');
  const comment = job.steps[at('actions/github-script')];
  assert.deepEqual(expressions(String(comment.with?.script)), [], 'the summary reaches the script through env, not ${{ }}');
  assert.equal(comment.env?.SUMMARY_FILE, '${{ steps.rac.outputs.summary-file }}');
});

/** Evaluates the review step's env as the runner would for these inputs (defaults otherwise). */
function stepEnv(inputs: Record<string, string>, github: Record<string, string>): Record<string, string> {
  const value = (name: string) => inputs[name] ?? action.inputs[name].default ?? '';
  const evaluate = (text: string): string => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string): string => {
    const input = /^inputs\.([a-z-]+)$/.exec(e);
    if (input) return evaluate(value(input[1]));
    if (e in github) return github[e];
    throw new Error(`the test cannot evaluate \${{ ${e} }}`);
  });
  const env = action.runs.steps.find((s) => s.id === 'review')?.env ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, evaluate(v)]));
}

const scenario = buildScenario();
after(() => scenario.dispose());

function runAction(inputs: Record<string, string>, opts: { actionPath?: string; base?: string; repo?: TempRepo } = {}) {
  const repo = opts.repo ?? scenario;
  const temp = join(repo.home, `runner-${Math.random().toString(36).slice(2)}`);
  mkdirSync(temp);
  const files = { output: join(temp, 'output'), summary: join(temp, 'step-summary.md'), script: join(temp, 'review.sh') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.script, script);
  const env = {
    ...repo.env,
    ...stepEnv({ 'as-of': AS_OF, ...inputs }, { 'github.event.pull_request.base.sha': opts.base ?? 'base' }),
    GITHUB_ACTION_PATH: opts.actionPath ?? ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
  };
  // How the runner starts a composite step with shell: bash.
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], { cwd: repo.dir, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { ...r, outputs, stepSummary: readFileSync(files.summary, 'utf8'), temp };
}

test('the action on a pull request with new errors: annotations, one summary, outputs, SARIF, exit 1', () => {
  const sarif = 'out/relationship.sarif';
  const r = runAction({ paths: 'relationships\n', sarif });
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stdout, /^::error file=relationships\/new-error\.relationship\.yaml,line=245,/m);
  assert.match(r.stdout, /^::error title=Relationship as Code::the change adds findings at or above error/m);
  // The job summary holds the Markdown once; the comment file holds the same Markdown.
  assert.equal(r.stepSummary.match(/^### Relationship coverage:/gm)?.length, 1);
  const summaryFile = r.outputs['summary-file'];
  assert.ok(summaryFile && summaryFile.startsWith(r.temp), summaryFile);
  const comment = readFileSync(summaryFile, 'utf8');
  assert.match(comment, /^### Relationship coverage: 6 files changed · 2 principles gained · 2 lost · 2 new errors/);
  assert.equal(comment.trimEnd(), r.stepSummary.trimEnd());
  // covered/total over the reviewed head files (rac check): 4 full files, 1 new early-stage file.
  assert.equal(r.outputs.total, String(12 * 6));
  assert.ok(Number(r.outputs.covered) > 0 && Number(r.outputs.covered) <= Number(r.outputs.total));
  const log = JSON.parse(readFileSync(join(scenario.dir, sarif), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.length > 0);
});

test('the action passes with fail-on never and no comment, and fails on min-coverage and on coverage loss', () => {
  // One file each keeps these runs short: evidence-added gains, evidence-removed loses trust (11 of 12).
  const pass = runAction({ paths: 'relationships/evidence-added.relationship.yaml', comment: 'false' });
  assert.equal(pass.status, 0, pass.stderr + pass.stdout);
  assert.equal(pass.outputs['summary-file'], undefined);
  // The file waives CB4: its principle is waived, not covered.
  assert.deepEqual([pass.outputs.covered, pass.outputs.waived, pass.outputs.total], ['11', '1', '12']);
  assert.match(pass.stepSummary, /^### Relationship coverage: 1 file changed · 2 principles gained/);
  const removed = 'relationships/evidence-removed.relationship.yaml';
  const min = runAction({ paths: removed, 'min-coverage': '12', comment: 'false' });
  assert.equal(min.status, 1);
  assert.match(min.stdout, /::error title=Relationship as Code::a file covers fewer than 12 principles/);
  // all: every principle the file's stage requires; evidence-removed lost one, and evidence-added has one waived,
  // which is not covered either.
  const all = runAction({ paths: removed, 'min-coverage': 'all', comment: 'false' });
  assert.equal(all.status, 1, all.stderr + all.stdout);
  assert.match(all.stdout, /::error title=Relationship as Code::a file does not cover every principle its stage requires \(min-coverage all\)/);
  assert.match(all.stderr, /evidence-removed\.relationship\.yaml covers 10 of the 12 principles its stage \(\w+\) requires; --min-coverage all wants every one \(1 is waived, and waived is not covered\)/);
  const waivedOne = runAction({ paths: 'relationships/evidence-added.relationship.yaml', 'min-coverage': 'all', comment: 'false' });
  assert.equal(waivedOne.status, 1, waivedOne.stderr + waivedOne.stdout);
  assert.match(waivedOne.stderr, /evidence-added\.relationship\.yaml covers 11 of the 12 principles its stage \(\w+\) requires; --min-coverage all wants every one \(1 is waived, and waived is not covered\)/);
  const allMet = runAction({ paths: 'relationships/evidence-added.relationship.yaml', 'min-coverage': '11', comment: 'false' });
  assert.equal(allMet.status, 0, allMet.stderr + allMet.stdout);
  assert.equal(runAction({ paths: removed, comment: 'false' }).status, 0, 'a lost principle alone passes by default');
  assert.equal(runAction({ paths: removed, 'fail-on-coverage-loss': 'true', comment: 'false' }).status, 1);
});

test('a pull request that deletes the last relationship file passes: the default paths (.) hold nothing to check', () => {
  const repo = new TempRepo('rac-action-').init();
  after(() => repo.dispose());
  repo.write('partners/acme.relationship.yaml', fixture('early.relationship.yaml')).write('README.md', '# deals\n').commitAll('base');
  repo.git('branch', 'base');
  repo.remove('partners/acme.relationship.yaml');
  const r = runAction({ comment: 'false' }, { repo });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stderr, /rac check: no relationship files under \. \(\*\.relationship\.yaml or \*\.relationship\.yml\); nothing to check/);
  assert.deepEqual([r.outputs.covered, r.outputs.waived, r.outputs.total], ['0', '0', '0']);
  assert.match(r.stepSummary, /^### Relationship coverage: 1 file changed/m);
});

test('the action fails clearly without dist/cli.js, without a base, or with an unknown base', () => {
  const empty = join(scenario.home, 'empty-action');
  mkdirSync(empty, { recursive: true });
  const noDist = runAction({}, { actionPath: empty });
  assert.equal(noDist.status, 2);
  assert.match(noDist.stdout, /::error title=Relationship as Code::dist\/cli\.js is missing from the action/);
  const noBase = runAction({}, { base: '' });
  assert.equal(noBase.status, 2);
  assert.match(noBase.stdout, /no base to compare with/);
  const unknown = runAction({ base: 'no-such-ref' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown git ref "no-such-ref"/);
});

test('input values are data, never shell code', () => {
  const marker = join(scenario.home, 'pwned');
  const r = runAction({ paths: `relationships/evidence-added.relationship.yaml\n$(touch ${marker})\n\`touch ${marker}\``, comment: 'false', sarif: `x; touch ${marker}` });
  assert.ok(!existsSync(marker), 'an input ran as a command');
  assert.equal(r.status, 2, 'the odd paths are reported as missing, not run');
});

test('the workflow\'s comment script creates one comment, then updates it', async () => {
  const comment = job.steps.find((s) => s.uses?.startsWith('actions/github-script'));
  const summary = join(scenario.home, 'summary-for-comment.md');
  writeFileSync(summary, '### Relationship coverage: 1 file changed\n');
  const store: { id: number; body: string; user: { type: string } }[] = [{ id: 1, body: 'LGTM', user: { type: 'User' } }];
  const calls: string[] = [];
  const github = {
    paginate: async (fn: (a: unknown) => Promise<{ data: unknown[] }>, args: unknown) => (await fn(args)).data,
    rest: {
      issues: {
        listComments: async () => ({ data: store.map((c) => ({ ...c })) }),
        createComment: async (a: { body: string }) => { calls.push('create'); store.push({ id: store.length + 1, body: a.body, user: { type: 'Bot' } }); },
        updateComment: async (a: { comment_id: number; body: string }) => { calls.push(`update ${a.comment_id}`); store.find((c) => c.id === a.comment_id)!.body = a.body; },
      },
    },
  };
  const context = { repo: { owner: 'acme', repo: 'partners' }, issue: { number: 7 } };
  // actions/github-script runs the script as the body of an async function with these names in scope.
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  const run = new AsyncFunction('github', 'context', 'require', 'process', String(comment?.with?.script));
  const proc = { env: { SUMMARY_FILE: summary } };
  await run(github, context, require, proc);
  writeFileSync(summary, '### Relationship coverage: 2 files changed\n');
  await run(github, context, require, proc);
  assert.deepEqual(calls, ['create', 'update 2']);
  assert.equal(store.length, 2);
  assert.match(store[1].body, /^<!-- relationship-as-code:summary -->\n### Relationship coverage: 2 files changed/);
});

test('the action picks up the repository\'s profile: a pull request that adds a rule of the organisation shows its findings', () => {
  const repo = new TempRepo('rac-action-profile-').init();
  after(() => repo.dispose());
  repo.write('partners/acme.relationship.yaml', fixture('early.relationship.yaml')).commitAll('base');
  repo.git('branch', 'base');
  // The head changes no relationship file, only the policy: each side is checked with its own revision's profile.
  repo.write('.rac.yaml', addedRuleProfile(CONTRACTS_RULE));
  const r = runAction({ comment: 'false', 'fail-on': 'warning' }, { repo });
  assert.equal(r.status, 1, r.stderr + r.stdout);
  assert.match(r.stdout, /^::warning file=partners\/acme\.relationship\.yaml,line=\d+,.*X-RM1 the contracts are referenced/m);
  assert.match(r.stepSummary, /1 file changed/);
  // A broken profile stops the review with its own message, not a report against rules nobody meant.
  repo.write('.rac.yaml', 'rules:\n  RM9: off\n');
  const broken = runAction({ comment: 'false' }, { repo });
  assert.equal(broken.status, 2, broken.stderr + broken.stdout);
  assert.match(broken.stderr, /\.rac\.yaml:2:3: error "RM9" is neither a rule id nor a finding code/);
});

test('the config input names one profile for both sides of rac diff and for rac check', () => {
  const repo = new TempRepo('rac-action-config-').init();
  after(() => repo.dispose());
  const early = fixture('early.relationship.yaml');
  repo.write('partners/acme.relationship.yaml', early).commitAll('base');
  repo.git('branch', 'base');
  // The head drops the start date that the named profile's rule reads; no .rac.yaml is found automatically.
  repo.write('partners/acme.relationship.yaml', early.replace(/^ {2}start_date: .*\n/m, ''));
  repo.write('policies/org.rac.yaml', addedRuleProfile({ ...START_DATE_RULE, id: 'X-RM2' }));
  const plain = runAction({ comment: 'false', 'fail-on': 'warning', sarif: 'plain.sarif' }, { repo });
  assert.doesNotMatch(plain.stdout, /X-RM2/);
  const sarif = 'named.sarif';
  const r = runAction({ comment: 'false', 'fail-on': 'warning', sarif, config: 'policies/org.rac.yaml' }, { repo });
  assert.equal(r.status, 1, r.stderr + r.stdout);
  // Met in the base and unmet in the head: a new warning, so the base side was judged by the named profile too.
  assert.match(r.stdout, /^::warning file=partners\/acme\.relationship\.yaml,line=\d+,.*X-RM2 the start date is recorded/m);
  const log = JSON.parse(readFileSync(join(repo.dir, sarif), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  assert.ok(log.runs[0].results.some((x) => x.ruleId === 'evidence.X-RM2'), 'rac check (SARIF) used the named profile');
  const missing = runAction({ comment: 'false', config: 'nope.rac.yaml' }, { repo });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--config nope\.rac\.yaml: no such file/);
});
