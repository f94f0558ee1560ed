// `npm run bench`: analyze() against a bare yaml.parseDocument of the same text, at three sizes, and
// `rac check` over 1,000 generated files. Figures are medians of several runs; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { analyze, analyzeEdited } from '../../server/src/core/index';
import { generateRelationship } from './generate';

const AS_OF = '2026-11-01';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function benchEngine(): string[] {
  const rows: string[] = ['| lines | yaml.parseDocument (ms) | analyze() (ms) | ratio | findings | one character typed: analyzeEdited() (ms) |', '|---:|---:|---:|---:|---:|---:|'];
  // Warm up: compile the schema validator and JIT the hot paths once, as a running server would have.
  analyze(generateRelationship(300), { asOf: AS_OF });
  for (const target of [300, 3_000, 30_000]) {
    const text = generateRelationship(target);
    const lines = text.split('\n').length;
    const runs = target >= 30_000 ? 9 : 25;
    time(() => analyze(text, { asOf: AS_OF }), 2);
    const parse = time(() => parseDocument(text, { uniqueKeys: true, prettyErrors: false }), runs);
    const full = time(() => analyze(text, { asOf: AS_OF }), runs);
    const findings = analyze(text, { asOf: AS_OF }).findings.length;
    rows.push(`| ${lines} | ${parse.toFixed(1)} | ${full.toFixed(1)} | ${(full / parse).toFixed(2)}× | ${findings} | ${typed(text, runs * 3).toFixed(1)} |`);
  }
  return rows;
}

/**
 * The analysis of each keystroke typed at the end of a risk's title, made from the previous one (the server's
 * path: only the edited list item is parsed again), median.
 */
function typed(text: string, keystrokes: number): number {
  const at = text.indexOf('\n', text.indexOf('title: Risk number 3 in the generated register'));
  let previous = analyze(text, { asOf: AS_OF });
  let current = text;
  const samples: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    current = `${current.slice(0, at + k)}x${current.slice(at + k)}`;
    const t0 = performance.now();
    previous = analyzeEdited(previous, current, { asOf: AS_OF });
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function benchCli(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rac-bench-'));
  try {
    for (let i = 0; i < 1000; i++) {
      const sub = join(dir, `team-${i % 20}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `r${i}.relationship.yaml`), generateRelationship(300, i));
    }
    // RAC_THREADS=1 is the single-threaded run (everything on the main thread); unset, one thread per core.
    // RAC_BASELINE (see lsp.ts) adds that build's CLI on one thread: the run this version is measured against.
    const run = (cli: string, threads: string | undefined): { ms: number; stdout: string; status: number | null } => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'check', dir, '--as-of', AS_OF, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, RAC_THREADS: threads } });
      return { ms: performance.now() - t0, stdout: r.stdout, status: r.status };
    };
    const ours = join(process.cwd(), 'dist/cli.js');
    const baseline = process.env.RAC_BASELINE ? join(process.env.RAC_BASELINE, 'dist/cli.js') : undefined;
    const runs = Number(process.env.RAC_BENCH_RUNS ?? 3);
    const single: number[] = [];
    const threaded: number[] = [];
    const before: number[] = [];
    let same = true;
    let status: number | null = 0;
    // Interleaved, so a burst of load on a shared machine hits every run alike.
    for (let i = 0; i < runs; i++) {
      const a = run(ours, '1');
      const b = run(ours, undefined);
      single.push(a.ms);
      threaded.push(b.ms);
      same &&= a.stdout === b.stdout && a.status === b.status;
      status = a.status;
      if (baseline) before.push(run(baseline, '1').ms);
    }
    const s = median(single);
    const t = median(threaded);
    const rows = [
      `rac check over 1,000 generated 300-line files (median of ${runs} each, interleaved)`,
      '| run | wall (s) | ms per file |',
      '|---|---:|---:|',
      `| single-threaded (RAC_THREADS=1) | ${(s / 1000).toFixed(2)} | ${(s / 1000).toFixed(2)} |`,
      `| one thread per core (default) | ${(t / 1000).toFixed(2)} | ${(t / 1000).toFixed(2)} |`,
    ];
    if (baseline) rows.push(`| baseline, single-threaded | ${(median(before) / 1000).toFixed(2)} | ${(median(before) / 1000).toFixed(2)} |`);
    rows.push(`threaded ÷ single: ${(t / s).toFixed(2)}${baseline ? `; threaded ÷ baseline single: ${(t / median(before)).toFixed(2)}` : ''}; output identical: ${same ? 'yes' : 'NO'}; exit ${status}`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
