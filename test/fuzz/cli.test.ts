// The CLI on mutated files (mutate.ts): batches of them through `rac check --format json|sarif|text`, as CI
// runs it. It fails on an exit code outside {0, 1, 2}, a run that does not end within its bound (a hang, not a
// speed limit), JSON or SARIF that does not parse or lacks SARIF's required structure, a stack trace anywhere,
// and anything on stderr but the documented notes ("rac check: note: …") and the documented reasons a file is
// not read ("rac check: FILE: binary file …", "file too large …"), which must come with exit code 2.
//
// `npm test` runs a fixed seed; a long run, random seed unless given:
//   npm run fuzz:cli -- --files 5000 [--seed N] [--only I]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { CLI } from '../cli/run-cli';
import { sources } from '../properties/documents';
import { mutatedFile, type MutatedFile } from './mutate';
import { fuzzOptions } from './options';

const argv = process.argv.slice(2);
const opts = fuzzOptions(argv, 'files', { seed: 500, count: 30 });
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? Number(argv[onlyAt + 1]) : undefined;
const FORMATS = ['json', 'sarif', 'text'] as const;
/** Files checked by one run of the CLI: one process start serves several files. */
const BATCH = 5;
/** A run of a batch that takes longer than this has hung: a bound on hanging, not a speed test. */
const RUN_MS = 120_000;

/**
 * The SARIF 2.1.0 JSON schema the SARIF multitool (a dev dependency) ships, compiled; undefined where the
 * platform package is not installed, and then the required structure below is checked by hand only.
 */
function sarifSchema(): ValidateFunction | undefined {
  try {
    const tool = createRequire(join(process.cwd(), 'package.json'))('@microsoft/sarif-multitool') as string;
    const path = join(dirname(tool), 'sarif-2.1.0.json');
    if (!existsSync(path)) return undefined;
    // Formats (uri, date-time) are not checked: ajv-formats is not a dependency.
    return new Ajv2020({ strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(path, 'utf8')) as object);
  } catch {
    return undefined;
  }
}
const validSarif = sarifSchema();

interface SarifLog { version?: string; runs?: { tool?: { driver?: { name?: string } }; results?: { message?: { text?: string }; locations?: { physicalLocation?: { region?: { startLine?: number } } }[] }[] }[] }

/** Why the output of a run is wrong, or undefined when it is right. */
function wrongOutput(format: (typeof FORMATS)[number], files: number, stdout: string): string | undefined {
  if (format === 'text') return stdout.trim() === '' ? 'no output' : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (e) {
    return `${format} output is not JSON: ${(e as Error).message}`;
  }
  if (format === 'json') {
    const out = parsed as { files?: { findings?: { line?: number; column?: number }[] }[] };
    if (!Array.isArray(out.files) || out.files.length !== files) return `json has ${out.files?.length ?? 'no'} files, not ${files}`;
    for (const f of out.files) for (const finding of f.findings ?? []) if (!(Number(finding.line) >= 1 && Number(finding.column) >= 1)) return `json has a finding at ${finding.line}:${finding.column}`;
    return undefined;
  }
  if (validSarif && !validSarif(parsed)) return `sarif does not meet the SARIF 2.1.0 schema: ${(validSarif.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ')}`;
  const log = parsed as SarifLog;
  if (log.version !== '2.1.0' || !Array.isArray(log.runs) || log.runs.length === 0) return 'sarif lacks version 2.1.0 or runs';
  for (const run of log.runs) {
    if (typeof run.tool?.driver?.name !== 'string') return 'a sarif run lacks tool.driver.name';
    for (const r of run.results ?? []) {
      if (typeof r.message?.text !== 'string') return 'a sarif result lacks message.text';
      for (const l of r.locations ?? []) {
        const line = l.physicalLocation?.region?.startLine;
        if (line !== undefined && !(Number.isInteger(line) && line >= 1)) return `a sarif region starts at line ${line}`;
      }
    }
  }
  return undefined;
}

const what = only !== undefined ? `file ${only} of seed ${opts.seed}` : `${opts.count} mutated files of seed ${opts.seed}`;
test(`rac check on ${what}: exit 0, 1 or 2, valid JSON and SARIF, no stack trace, nothing unexplained on stderr`, { timeout: 4 * 60 * 60_000 }, (t) => {
  const all = sources();
  const dir = mkdtempSync(join(tmpdir(), 'rac-fuzz-cli-'));
  const failures: string[] = [];
  const exits = new Map<number, number>();
  let runs = 0;
  try {
    const indexes = only !== undefined ? [only] : Array.from({ length: opts.count }, (_, i) => i);
    for (let b = 0; b < indexes.length; b += BATCH) {
      const batch = indexes.slice(b, b + BATCH);
      const files: MutatedFile[] = batch.map((i) => mutatedFile(all, opts.seed, i));
      const names = batch.map((i, k) => {
        const name = `f${i}.relationship.yaml`;
        writeFileSync(join(dir, name), files[k].bytes);
        return name;
      });
      const format = FORMATS[Math.floor(batch[0] / BATCH) % FORMATS.length];
      const r = spawnSync(process.execPath, [CLI, 'check', '--format', format, '--as-of', '2026-06-01', ...names], {
        cwd: dir, encoding: 'utf8', timeout: RUN_MS, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      });
      runs++;
      if (opts.long && runs % 100 === 0) console.log(`# ${runs * BATCH} files so far`);
      exits.set(r.status ?? -1, (exits.get(r.status ?? -1) ?? 0) + 1);
      const lines = (r.stderr ?? '').split('\n').filter((l) => l !== '' && !/^rac check: note: /.test(l));
      const unread = lines.filter((l) => /^rac check: f\d+\.relationship\.yaml: (binary file|file too large)/.test(l));
      const stderrLines = lines.filter((l) => !unread.includes(l));
      const problems = [
        r.status === null ? `did not end within ${RUN_MS} ms (${r.signal ?? r.error?.message ?? 'no exit code'})` : undefined,
        r.status !== null && ![0, 1, 2].includes(r.status) ? `exit code ${r.status}` : undefined,
        unread.length && r.status !== 2 ? `exit code ${r.status} with a file not read (2 expected)` : undefined,
        /\n\s{4}at /.test(`\n${r.stdout ?? ''}\n${r.stderr ?? ''}`) ? 'a stack trace in the output' : undefined,
        stderrLines.length ? `stderr: ${JSON.stringify(stderrLines.slice(0, 3).join('\n').slice(0, 400))}` : undefined,
        r.status !== null ? wrongOutput(format, batch.length, r.stdout ?? '') : undefined,
      ].filter((p): p is string => p !== undefined);
      if (problems.length && failures.length < 10) {
        const list = batch.map((i, k) => `file ${i} (${files[k].name}; ${files[k].steps.join(', ')})`).join('; ');
        failures.push(`--format ${format} on ${list}:\n  ${problems.join('\n  ')}\n  replay one file: npm run fuzz:cli -- --seed ${opts.seed} --only ${batch[0]} (files ${batch.join(', ')} ran together)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  t.diagnostic(`${only !== undefined ? 1 : opts.count} files in ${runs} runs${validSarif ? '' : ' (SARIF schema not installed: structure checked by hand)'}; exit codes ${[...exits].map(([c, n]) => `${c}×${n}`).join(', ')} (seed ${opts.seed})`);
  assert.equal(failures.length, 0, `runs failed (seed ${opts.seed}):\n${failures.join('\n')}`);
});
