// The SARIF that the action uploads to code scanning (`rac check --format sarif`), checked by Microsoft's
// SARIF validator (@microsoft/sarif-multitool, a dev dependency) with both its SARIF rules and its GitHub
// ingestion rules (GH1001…): no error and no warning. The validator silently skips a log it cannot
// deserialise (a bad enum value gives an empty, "successful" report), so the test also requires its notes
// (proof that it read the log) and validates the log against the SARIF 2.1.0 JSON schema the multitool ships.
//
// The validator's notes are suggestions we accept on purpose; they are not warnings:
//   SARIF2002 message.text instead of message ids: our messages are specific to each finding.
//   SARIF2003 no versionControlProvenance: upload-sarif adds the commit and the ref itself.
//   SARIF2006 $schema not reachable: that rule fetches the URL (blocked here through a dead proxy, so the
//             test never touches the network).
//   SARIF2009 rule ids are not like "CS2001": ours are the stable finding codes users already know
//             (schema.enum, evidence.GP5), the ids waivers and docs use.
//   SARIF2010/2011 no snippets or context regions: the file is in the repository code scanning shows.
//   SARIF2012 no helpUri or friendly name per rule: the help text is inline (rule-help.ts).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type * as sarif from 'sarif';
import { CLI, edit, fixture, ROOT } from './git-repo';
import { AS_OF } from './scenario';

const dir = mkdtempSync(join(tmpdir(), 'rac-sarif-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The multitool's bin script runs the binary through a shell (arguments with ";" would split), so the test
// asks the package for the platform binary and runs it with an argument array.
function multitool(): string | undefined {
  try {
    return createRequire(join(ROOT, 'package.json'))('@microsoft/sarif-multitool') as string;
  } catch {
    return undefined;
  }
}

/** The validator's results for a log, every level, without network (SARIF2006 would fetch $schema). */
function validate(tool: string, log: string, name: string): sarif.Result[] {
  const input = join(dir, `${name}.sarif`);
  const output = join(dir, `${name}.validation.sarif`);
  writeFileSync(input, log);
  const v = spawnSync(tool, ['validate', input, '-o', output, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note'], {
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  assert.equal(v.status, 0, `validator failed: ${v.stdout}\n${v.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as sarif.Log;
  assert.equal(report.runs[0].invocations?.[0].executionSuccessful, true);
  return report.runs[0].results ?? [];
}

function schemaErrors(tool: string, log: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(dirname(tool), 'sarif-2.1.0.json'), 'utf8')) as object;
  // Formats (uri, date-time) are not checked: ajv-formats is not a dependency, and the validator checks URIs.
  const check = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
  return check(log) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const level = (r: sarif.Result) => r.level ?? 'warning';

/** One flawed file: an unknown key, a wrong enum, a value over its maximum, unmet evidence, missing links. */
function flawed(): string {
  let text = fixture('partnership.relationship.yaml');
  text = edit(text, 'likelihood: 4', 'likelihood: 7');
  text = edit(text, '        owner: p-ops-cfs\n        owning_party: cfs\n', '        ownr: p-ops-cfs\n        owning_party: cfs\n');
  text = edit(text, /^ {4}ip_policy: /m, '    x-ip_policy: ');
  text = edit(text, /^ {6}cadence: quarterly\n {6}last_held: 2026-09-22\n {6}minutes/m, '      cadence: quartely\n      last_held: 2026-09-22\n      minutes');
  return text;
}

test('rac check --format sarif passes the SARIF validator with no errors and no warnings', { timeout: 120_000 }, (t) => {
  const tool = multitool();
  if (!tool) {
    t.skip('@microsoft/sarif-multitool is not installed (npm ci installs it)');
    return;
  }
  // A name with a space and non-ASCII letters: the artifact URI must be encoded.
  const name = 'Zürich partnership.relationship.yaml';
  writeFileSync(join(dir, name), flawed());
  const check = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', '--as-of', AS_OF, name], { cwd: dir, encoding: 'utf8' });
  assert.equal(check.status, 1, check.stderr);
  const log = JSON.parse(check.stdout) as sarif.Log;
  const results = log.runs[0].results ?? [];
  assert.ok(results.some((r) => r.level === 'error') && results.some((r) => r.level === 'warning'), 'the file has errors and warnings to validate');
  assert.equal(results[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'Z%C3%BCrich%20partnership.relationship.yaml');
  assert.deepEqual(schemaErrors(tool, log), [], 'valid against the SARIF 2.1.0 schema');

  const found = validate(tool, check.stdout, 'check');
  assert.ok(found.some((r) => r.ruleId === 'SARIF2003'), 'the validator read the log (its notes are there)');
  const problems = found.filter((r) => level(r) === 'error' || level(r) === 'warning');
  assert.deepEqual(problems.map((r) => `${level(r)} ${r.ruleId} ${JSON.stringify(r.message.arguments ?? r.message.text)}`), []);
});

test('the harness catches a broken log (so a pass above means something)', { timeout: 120_000 }, (t) => {
  const tool = multitool();
  if (!tool) {
    t.skip('@microsoft/sarif-multitool is not installed (npm ci installs it)');
    return;
  }
  const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a', level: 'fatal', message: { text: 'm' } }] }] };
  assert.ok(schemaErrors(tool, broken).some((e) => e.startsWith('/runs/0/results/0/level')));
  // A tool without version or informationUri: the validator warns (SARIF2005).
  const thin = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] };
  assert.ok(validate(tool, JSON.stringify(thin), 'thin').some((r) => r.ruleId === 'SARIF2005' && level(r) === 'warning'));
});
