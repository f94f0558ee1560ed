// `npm test` reads well: a dot per test, failures in full, node's own summary lines at the end (CI reads
// them), and no experimental-feature warning (node's MockTimers, used by the preview tests, warns on Node 20-22).
// Runs package.json's own test command on a small suite written here, with one failing test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'scripts', 'test-reporter.mjs')))!;
const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.test;

const SUITE = `const { describe, test, mock } = require('node:test');
const assert = require('node:assert/strict');
describe('totals', () => {
  test('adds', () => assert.equal(1 + 1, 2));
  test('compares lists', () => assert.deepEqual({ rules: ['RM1', 'RM2'] }, { rules: ['RM1', 'RM3'] }));
  test.skip('later', () => {});
});
test('uses mock timers', () => { mock.timers.enable({ apis: ['setTimeout'] }); mock.timers.reset(); });
for (let i = 0; i < 120; i++) test('case ' + i, () => {});
`;

test('npm test: dots, the failure in full, node\'s summary lines, no experimental warning', () => {
  // The flags npm test passes to node --test, with the reporter's path made absolute.
  const flags = /node --test (.*) dist-test\/$/.exec(script)?.[1].split(' ').map((f) => f.replace('./scripts/', `${join(root, 'scripts')}/`));
  assert.ok(flags?.some((f) => f.startsWith('--test-reporter=')), script);
  const dir = mkdtempSync(join(tmpdir(), 'rac-npm-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'sample.test.js'), SUITE);
  // A run of its own, not a subtest of this one (node marks its test processes with NODE_TEST_CONTEXT).
  const env = { ...process.env, NODE_TEST_CONTEXT: undefined };
  const run = spawnSync(process.execPath, ['--test', ...flags!, dir], { encoding: 'utf8', timeout: 120_000, env });
  const out = run.stdout + run.stderr;
  assert.equal(run.status, 1, out);
  const lines = out.split('\n');
  assert.ok(lines.length < 80, `${lines.length} lines for 124 tests:\n${out}`);
  assert.match(out, /^[.,X]+$/m, 'a line of dots');
  assert.match(out, /✖ 1\) totals › compares lists\n {2}\S*sample\.test\.js:5:\d+\n/);
  assert.match(out, /\+ {5}'RM2'\n {4}- {5}'RM3'/, 'the assertion diff in full');
  assert.doesNotMatch(out, /ExperimentalWarning|TAP version/);
  for (const [name, n] of [['tests', 124], ['pass', 122], ['fail', 1], ['skipped', 1]] as const) assert.match(out, new RegExp(`^ℹ ${name} ${n}$`, 'm'));
  assert.match(lines.filter((l) => l).at(-1) ?? '', /^ℹ duration_ms \d/);
});
