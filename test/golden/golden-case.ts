// One golden case: a .relationship.yaml fixture analysed in-process and printed as `rac check --format text`
// prints it. Shared by golden.test.ts and scripts/update-golden.mjs so both see exactly the same output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type FileCheck } from '../../server/src/core/index';
import { formatText } from '../../server/src/cli/format-text';
import { NEW_FILE_HINT } from '../../server/src/cli/types';

// Bundles live two folders below the repository (dist-test/golden/, .cache/update-golden/); the working
// folder is the fallback for any other layout.
const besideBundle = join(__dirname, '..', '..', 'test', 'golden', 'cases');
export const CASES_DIR = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'test', 'golden', 'cases');
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

export function render(name: string, bytes: Uint8Array): string {
  const text = decode(bytes);
  const analysis = analyze(text, { asOf: asOfFor(text), fileExists: stubFileExists, newFileHint: NEW_FILE_HINT });
  return formatText([{ path: `cases/${name}`, text, analysis }], { verbose: true });
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
  if (expected.trim() === '') return 'the .out file is empty, but every output ends with a coverage line: regenerate it';
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
