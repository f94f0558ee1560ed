// `rac check [paths…]`: analyse relationship files and print their findings and coverage. Exit codes: 0 clean,
// 1 findings at or above --fail-on or coverage below --min-coverage, 2 a usage problem or a file that could not
// be checked (the other files are still checked and reported).
import { resolve } from 'node:path';
import type { Severity } from '../core/index';
import { asOfDate, isError, oneOf, parseCommandLine } from './args';
import { formatters } from './formatters';
import type { CliIo } from './io';
import { loadFilesInParallel } from './parallel-load';
import { FORMATS, type FileResult, type Format } from './types';

export const CHECK_USAGE = `usage: rac check [options] [paths…]

Checks relationship files: syntax, the file format, references between ids, evidence links, and the
evidence for the 12 principles at the relationship's lifecycle stage. Paths are files or folders (default:
the current folder); folders are searched for *.relationship.yaml and *.relationship.yml, skipping
node_modules and hidden folders.

  --format <name>        text | json | sarif | github | markdown (default: text)
  --as-of <YYYY-MM-DD>   check as of this day (default: today, in local time)
  --fail-on <level>      error | warning | never: exit 1 on findings at or above it (default: error)
  --min-coverage <N>     exit 1 when a file covers fewer than N principles (0-12)
  --root <dir>           workspace root: evidence links may not leave it (default: the current folder)
  -q, --quiet            text: findings only, no coverage lines
  -v, --verbose          text: also list information findings (evidence the next stage will require);
                         without it their count ends the coverage line
  --no-color             no colours (also when NO_COLOR is set or the output is not a terminal)
  -h, --help             show this help

A folder without relationship files: the current folder (the default, also when given as .) prints a note
and is not an error, so a change that removes the last file still passes; a folder you name is a usage
problem (exit 2).

Exit codes: 0 clean, 1 failed --fail-on or --min-coverage, 2 usage problem or a file that could not be read.
`;

/** --fail-on of rac check and rac diff. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a finding of this severity fails the run under --fail-on (never: none does). */
export function failsOn(severity: Severity, failOn: FailOn): boolean {
  return failOn === 'error' ? severity === 'error' : failOn === 'warning' && (severity === 'error' || severity === 'warning');
}

const OPTIONS = {
  format: { type: 'string' },
  'as-of': { type: 'string' },
  'fail-on': { type: 'string' },
  'min-coverage': { type: 'string' },
  root: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface CheckOptions {
  paths: string[];
  format: Format;
  asOf: string;
  failOn: FailOn;
  minCoverage?: number;
  root: string;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

export function parseCheckArgs(argv: readonly string[], io: CliIo): CheckOptions | { error: string } | { help: true } {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (isError(parsed)) return parsed;
  const v = parsed.values;
  if (v.help) return { help: true };
  const format = oneOf('format', v.format, FORMATS, 'text');
  if (isError(format)) return format;
  const failOn = oneOf('fail-on', v['fail-on'], FAIL_ON, 'error');
  if (isError(failOn)) return failOn;
  const asOf = asOfDate(v['as-of'], io.today());
  if (isError(asOf)) return asOf;
  let minCoverage: number | undefined;
  if (v['min-coverage'] !== undefined) {
    const text = String(v['min-coverage']);
    minCoverage = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (!(minCoverage >= 0 && minCoverage <= 12)) return { error: `--min-coverage needs a number of principles from 0 to 12, not "${text}"` };
  }
  let root = io.cwd;
  if (v.root !== undefined) {
    root = resolve(io.cwd, String(v.root));
    if (io.stat(root).kind !== 'directory') return { error: `--root ${String(v.root)}: no such folder` };
  }
  const color = !v['no-color'] && io.stdoutIsTTY && !io.env.NO_COLOR;
  return { paths: parsed.positionals.length ? parsed.positionals : ['.'], format, asOf, failOn, minCoverage, root, quiet: v.quiet === true, verbose: v.verbose === true, color };
}

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(argv, io);
  if ('help' in options) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (isError(options)) {
    io.stderr(`rac check: ${options.error}\nRun "rac check --help" for the options.\n`);
    return 2;
  }
  const { files, problems, emptyFolders } = await loadFilesInParallel(options.paths, io, { asOf: options.asOf, root: options.root });
  for (const folder of emptyFolders) {
    // The current folder stands for "the whole repository" (the default, and the GitHub action's): a change that
    // removes the last relationship file leaves nothing to check, which is not a setup error. A folder the user
    // named is expected to hold some.
    if (resolve(io.cwd, folder) === resolve(io.cwd)) io.stderr(`rac check: no relationship files under ${folder} (*.relationship.yaml or *.relationship.yml); nothing to check\n`);
    else problems.push(`no relationship files under ${folder} (*.relationship.yaml or *.relationship.yml)`);
  }
  for (const problem of problems) io.stderr(`rac check: ${problem}\n`);
  for (const file of files) if (file.error) io.stderr(`rac check: ${file.path}: ${file.error}\n`);

  // Machine formats always print a document, so a script reading them gets valid JSON even when nothing was checked.
  if (files.length || options.format === 'json' || options.format === 'sarif') {
    io.stdout(formatters[options.format](files, { color: options.color, quiet: options.quiet, verbose: options.verbose, cwd: io.cwd }));
  }

  const below = options.minCoverage === undefined ? [] : files.filter((f) => f.analysis && f.analysis.coverage.covered < options.minCoverage!);
  for (const f of below) {
    io.stderr(`rac check: ${f.path} covers ${f.analysis!.coverage.covered} principles, fewer than --min-coverage ${options.minCoverage}\n`);
  }
  if (problems.length || files.some((f) => f.error)) return 2;
  return failing(files, options.failOn) || below.length ? 1 : 0;
}

function failing(files: FileResult[], failOn: FailOn): boolean {
  return files.some((f) => f.analysis?.findings.some((x) => failsOn(x.severity, failOn)));
}
