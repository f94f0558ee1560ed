// `npm run bench`: analyze() against a bare yaml.parseDocument of the same text, at three sizes, and
// `rac check` over 1,000 generated files. Figures are medians of several runs; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { analyze } from '../../server/src/core/index';
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
  const rows: string[] = ['| lines | yaml.parseDocument (ms) | analyze() (ms) | ratio | findings |', '|---:|---:|---:|---:|---:|'];
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
    rows.push(`| ${lines} | ${parse.toFixed(1)} | ${full.toFixed(1)} | ${(full / parse).toFixed(2)}× | ${findings} |`);
  }
  return rows;
}

export function benchCli(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rac-bench-'));
  try {
    for (let i = 0; i < 1000; i++) {
      const sub = join(dir, `team-${i % 20}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `r${i}.relationship.yaml`), generateRelationship(300, i));
    }
    const samples: number[] = [];
    let status: number | null = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'check', dir, '--as-of', AS_OF, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      samples.push(performance.now() - t0);
      status = r.status;
    }
    const ms = median(samples);
    return [`rac check over 1,000 generated 300-line files: ${(ms / 1000).toFixed(2)} s wall (median of 3, exit ${status}), ${(ms / 1000).toFixed(2)} ms per file`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
