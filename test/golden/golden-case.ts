// One golden case: a .relationship.yaml fixture analysed in-process and printed as `rac check --format text
// --verbose` prints it, narrowed to what the case is about, so that a new rule in the catalog rewrites only the
// cases about it. A case shows every finding that is not an evidence rule's (syntax, schema, references,
// dates, links, waivers), the evidence findings of its subject rules (the rule id its name starts with, as in
// gp5-…, and the rule ids its leading comment names), then one line with those rules' states. The stage-*
// cases are the lifecycle baselines of the whole catalog and print everything, coverage line included.
// Shared by golden.test.ts and scripts/update-golden.mjs so both see exactly the same output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, loadCatalog, type Analysis, type FileCheck } from '../../server/src/core/index';
import { formatText } from '../../server/src/cli/format-text';
import { NEW_FILE_HINT } from '../../server/src/cli/types';

// Bundles live two folders below the repository (dist-test/golden/, .cache/update-golden/); the working
// folder is the fallback for any other layout.
export const ROOT = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'test', 'golden', 'cases'))) ?? process.cwd();
export const CASES_DIR = join(ROOT, 'test', 'golden', 'cases');
export const SAMPLES_DIR = join(ROOT, 'samples');
/** The whole-file goldens: what `rac check --verbose --as-of 2026-11-01` prints for each sample. */
export const SAMPLE_OUT_DIR = join(ROOT, 'test', 'golden', 'samples');
export const SAMPLES_AS_OF = '2026-11-01';
export const DEFAULT_AS_OF = '2026-06-01';

/** The fixtures, sorted so runs and regenerations list them in the same order. */
export function caseNames(dir = CASES_DIR): string[] {
  return readdirSync(dir).filter((n) => /\.relationship\.ya?ml$/.test(n)).sort();
}

/** `# as-of: YYYY-MM-DD` on the first line overrides the default date (checked before any BOM is stripped). */
export function asOfFor(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0];
  return /^#\s*as-of:\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(first)?.[1] ?? DEFAULT_AS_OF;
}

/** A workspace where docs/ holds every file not named "missing", and ../ leaves the workspace. */
export function stubFileExists(path: string): FileCheck {
  if (path.startsWith('../')) return 'outside';
  if (path.startsWith('docs/') && !path.slice('docs/'.length).includes('missing')) return 'exists';
  return 'missing';
}

/** Bytes as UTF-8 exactly as the CLI reads them: no BOM stripping, no line-ending normalisation. */
export function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** The rules a case is about: the id its name starts with (gp5-…) and the ids its leading comment names. */
export function subjectRules(name: string, text: string): string[] {
  const rules = loadCatalog().rules;
  const comment = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((_, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#'))).join('\n');
  const prefix = /^([a-z]{2}\d{1,2})-/.exec(name)?.[1]?.toUpperCase();
  const named = [...comment.matchAll(/\b[A-Z]{2}\d{1,2}\b/g)].map((m) => m[0]);
  return [...new Set([prefix, ...named])].filter((id): id is string => id !== undefined && rules.has(id)).sort();
}

/** "GP5 unmet, GP2 met · stage working_together · as of 2026-06-01". */
function rulesLine(analysis: Analysis, subject: string[]): string {
  const states = new Map(analysis.coverage.principles.flatMap((p) => p.rules).map((r) => [r.id, r.state]));
  const rules = subject.map((id) => `${id} ${states.get(id) ?? 'not evaluated'}`).join(', ');
  const { stage, asOf } = analysis.coverage;
  return `${rules || 'no rule'} · stage ${stage} · as of ${asOf}`;
}

export function render(name: string, bytes: Uint8Array): string {
  const text = decode(bytes);
  const analysis = analyze(text, { asOf: asOfFor(text), fileExists: stubFileExists, newFileHint: NEW_FILE_HINT });
  const path = `cases/${name}`;
  if (name.startsWith('stage-')) return formatText([{ path, text, analysis }], { verbose: true });
  const subject = subjectRules(name, text);
  const findings = analysis.findings.filter((f) => !f.code.startsWith('evidence.') || (f.rule !== undefined && subject.includes(f.rule)));
  const shown = formatText([{ path, text, analysis: { ...analysis, findings } }], { verbose: true, quiet: true });
  return `${shown}${path}: ${rulesLine(analysis, subject)}\n`;
}

/** A sample, whole: every finding and the coverage line, its evidence links checked beside it. */
export function renderSample(name: string): string {
  const text = readFileSync(join(SAMPLES_DIR, name), 'utf8');
  const analysis = analyze(text, { asOf: SAMPLES_AS_OF, fileExists: (rel) => (existsSync(join(SAMPLES_DIR, rel)) ? 'exists' : 'missing'), newFileHint: NEW_FILE_HINT });
  return formatText([{ path: `samples/${name}`, text, analysis }], { verbose: true });
}

export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).filter((n) => /\.relationship\.ya?ml$/.test(n)).sort();
}

export function renderFile(name: string, dir = CASES_DIR): string {
  return render(name, readFileSync(join(dir, name)));
}

/** The .out beside a fixture. */
export function outName(name: string): string {
  return `${name}.out`;
}

/**
 * Compares an expected .out with the actual output, line by line. A line written `/regex/` matches any
 * actual line the expression finds (like actionlint's testdata). Returns a description of the first
 * difference, or undefined when they agree.
 */
export function mismatch(expected: string, actual: string): string | undefined {
  if (expected.trim() === '') return 'the .out file is empty, but every output ends with a coverage or rules line: regenerate it';
  const want = expected.replace(/\n$/, '').split('\n');
  const got = actual.replace(/\n$/, '').split('\n');
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined) return `line ${i + 1}: unexpected extra output\n  actual:   ${g}`;
    if (g === undefined) return `line ${i + 1}: output ended early\n  expected: ${w}`;
    if (w === g || (isPattern(w) && new RegExp(w.slice(1, -1), 'u').test(g))) continue;
    return `line ${i + 1} differs\n  expected: ${w}\n  actual:   ${g}`;
  }
  return undefined;
}

function isPattern(line: string): boolean {
  return line.length > 2 && line.startsWith('/') && line.endsWith('/');
}
