// `rac check [paths…]`: analyse relationship files and print their findings and coverage. Exit codes: 0 clean,
// 1 findings at or above --fail-on, more warnings than --max-warnings or coverage below --min-coverage, 2 a usage
// problem or a file that could not be checked (the other files are still checked and reported).
import { resolve } from 'node:path';
import { stageName, type Analysis, type Coverage, type Severity } from '../core/index';
import { asOfDate, isError, oneOf, parseCommandLine, rootFolder } from './args';
import { formatters } from './formatters';
import type { CliIo } from './io';
import { cliProfileLoader, formatProblems } from '../node/profiles';
import type { PolicyOptions } from '../profile-chain';
import { policyOf, type LoadOptions } from './load-files';
import { loadFilesInParallel } from './parallel-load';
import { printConfig, profileOptions } from './print-config';
import { explainTrailer } from './rule-help';
import { loadStdin, stdinPath } from './stdin-file';
import { FORMATS, type FileResult, type Format } from './types';

export const CHECK_USAGE = `usage: rac check [options] [paths…]

Checks relationship files: syntax, the file format, references between ids, evidence links, and the
evidence for the 12 principles at the relationship's lifecycle stage. Paths are files, folders or quoted
patterns such as '**/*.relationship.yaml' (default: the current folder); folders are searched for
*.relationship.yaml and *.relationship.yml, skipping node_modules, hidden folders, what .gitignore files
exclude and symbolic links that lead outside the workspace root (listed as notes). A path of - reads one file
from standard input.

  --format <name>        text | json | sarif | github | markdown (default: text)
  -o, --output <file>    write the report to a file instead of standard output (any format)
  --as-of <YYYY-MM-DD>   check as of this day (default: today, in local time)
  --fail-on <level>      error | warning | never: exit 1 on findings at or above it (default: error)
  --max-warnings <N>     exit 1 when there are more than N warnings in all (counted also under --quiet)
  --min-coverage <N|all> exit 1 when a file covers fewer than N principles (0-12), or with all, when it
                         does not cover every principle its stage requires (waived is not covered)
  --config <file>        use this profile (.rac.yaml) for every file instead of the nearest one
  --no-config            ignore profiles: the built-in catalog alone
  --print-config <file>  print the resolved profile for this relationship file and exit
  --root <dir>           workspace root: evidence links may not leave it (default: the enclosing git work
                         tree of each file, else the file's folder)
  --ignore <pattern>     skip what this .gitignore-style pattern matches in folders and patterns, relative
                         to the current folder (repeatable)
  --stdin-filename <f>   the name of the file read from - : its evidence links resolve from its folder
                         and messages name it (default: <stdin>, links from the current folder)
  -q, --quiet            errors only: no warnings, no information, no coverage lines
  -v, --verbose          text: also list information findings (evidence the next stage will require);
                         without it their count ends the coverage line
  --no-color             no colours (also when NO_COLOR is set or the output is not a terminal)
  -h, --help             show this help

A folder without relationship files: the current folder (the default, also when given as .) prints a note
and is not an error, so a change that removes the last file still passes; a folder you name is a usage
problem (exit 2).

Each file's policy is the nearest .rac.yaml (or .rac.yml) walking up from its folder to the workspace root,
with the profiles it extends and its overrides that match the file (see README, "Organisation profiles"). A
profile with a mistake stops the run with exit 2 and file:line:column messages.

Every rule is described by rac rules (all of them) and rac explain <RULE> (one, with an example).

Exit codes: 0 clean, 1 failed --fail-on, --max-warnings or --min-coverage, 2 usage problem or a file that
could not be read.
`;

/** --fail-on of rac check and rac diff. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * Unknown and waived principles are not covered: say how many, that fixing the errors lets the unknown ones be
 * judged, and that a waiver sets a gap aside without covering it.
 */
function unknownNote(c: Coverage): string {
  const notes = [
    c.waived ? `${c.waived} ${c.waived === 1 ? 'is' : 'are'} waived, and waived is not covered` : '',
    c.unknown ? `${c.unknown} cannot be judged until the errors are fixed, and count as not covered` : '',
  ].filter(Boolean);
  return notes.length ? ` (${notes.join('; ')})` : '';
}

/** Whether a finding of this severity fails the run under --fail-on (never: none does). */
export function failsOn(severity: Severity, failOn: FailOn): boolean {
  return failOn === 'error' ? severity === 'error' : failOn === 'warning' && (severity === 'error' || severity === 'warning');
}

const OPTIONS = {
  format: { type: 'string' },
  'as-of': { type: 'string' },
  'fail-on': { type: 'string' },
  'min-coverage': { type: 'string' },
  'max-warnings': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'stdin-filename': { type: 'string' },
  root: { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'print-config': { type: 'string' },
  ignore: { type: 'string', multiple: true },
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
  /** A number of principles, or every principle the file's stage requires. */
  minCoverage?: number | 'all';
  maxWarnings?: number;
  output?: string;
  stdinFilename?: string;
  root?: string;
  profiles: PolicyOptions;
  printConfig?: string;
  ignore: string[];
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
  let minCoverage: number | 'all' | undefined;
  if (v['min-coverage'] !== undefined) {
    const text = String(v['min-coverage']);
    minCoverage = text === 'all' ? 'all' : /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (minCoverage !== 'all' && !(minCoverage >= 0 && minCoverage <= 12)) {
      return { error: `--min-coverage needs a number of principles from 0 to 12, or all (every principle the stage requires), not "${text}"` };
    }
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const text = String(v['max-warnings']);
    if (!/^\d{1,9}$/.test(text)) return { error: `--max-warnings needs a whole number of warnings (0 or more), not "${text}"` };
    maxWarnings = Number(text);
  }
  const output = typeof v.output === 'string' ? v.output : undefined;
  if (output === '') return { error: '--output needs a file name' };
  const stdinFilename = typeof v['stdin-filename'] === 'string' ? v['stdin-filename'] : undefined;
  if (stdinFilename !== undefined && !parsed.positionals.includes('-')) return { error: '--stdin-filename names the file read from standard input: give - as a path too' };
  if (parsed.positionals.filter((p) => p === '-').length > 1) return { error: 'standard input (-) can be read once only' };
  const root = rootFolder(v.root, io.cwd, (path) => io.stat(path).kind === 'directory');
  if (isError(root)) return root;
  const color = !v['no-color'] && io.stdoutIsTTY && !io.env.NO_COLOR;
  const paths = parsed.positionals.length ? parsed.positionals : ['.'];
  const profiles = profileOptions(v, io);
  if (isError(profiles)) return profiles;
  const printConfig = typeof v['print-config'] === 'string' ? resolve(io.cwd, v['print-config']) : undefined;
  return { paths, format, asOf, failOn, minCoverage, maxWarnings, output, stdinFilename, root, profiles, printConfig, ignore: parsed.lists.ignore ?? [], quiet: v.quiet === true, verbose: v.verbose === true, color };
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
  const loadOptions: LoadOptions = { asOf: options.asOf, root: options.root, ignore: options.ignore, profiles: { loader: cliProfileLoader(io), options: options.profiles } };
  if (options.printConfig !== undefined) return printConfig(options.printConfig, io, loadOptions);
  const onDisk = options.paths.filter((p) => p !== '-');
  const loaded = onDisk.length ? await loadFilesInParallel(onDisk, io, loadOptions) : { files: [], problems: [], emptyFolders: [], skipped: [], profileProblems: [] };
  const { problems, emptyFolders, skipped } = loaded;
  for (const s of skipped) io.stderr(`rac check: note: skipped ${s.path}: ${s.reason}\n`);
  let files = loaded.files;
  const profileProblems = [...loaded.profileProblems];
  if (options.paths.includes('-')) {
    const { policy, problems: bad } = await policyOf(stdinPath(io, options.stdinFilename), io, loadOptions);
    profileProblems.push(...bad);
    files = [...files, loadStdin(io, options.stdinFilename, loadOptions, policy)];
  }
  if (profileProblems.length) {
    // A policy that cannot be read would check files against rules nobody meant: stop before any report.
    io.stderr(formatProblems(profileProblems, io.cwd));
    io.stderr('rac check: the profile has errors (above): fix them, or run with --no-config to check against the built-in catalog\n');
    return 2;
  }
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
  if (files.length || options.format === 'json' || options.format === 'sarif' || options.output !== undefined) {
    const shown = options.quiet ? files.map(errorsOnly) : files;
    let report = formatters[options.format](shown, { color: options.color && options.output === undefined, quiet: options.quiet, verbose: options.verbose, cwd: io.cwd });
    if (options.format === 'text' && !options.verbose && !options.quiet) report += explainTrailer(shown.flatMap((f) => f.analysis?.findings ?? []));
    if (options.output === undefined) io.stdout(report);
    else {
      try {
        io.writeFile(resolve(io.cwd, options.output), report);
      } catch (e) {
        io.stderr(`rac check: could not write ${options.output}: ${(e as Error).message.split('\n')[0]}\n`);
        return 2;
      }
    }
  }

  const below = files.filter((f) => f.analysis && belowMinimum(f.analysis.coverage, options.minCoverage));
  for (const f of below) {
    const c = f.analysis!.coverage;
    io.stderr(options.minCoverage === 'all'
      ? `rac check: ${f.path} covers ${c.covered} of the ${c.required} principles its stage (${stageName(c)}) requires; --min-coverage all wants every one${unknownNote(c)}\n`
      : `rac check: ${f.path} covers ${c.covered} principles, fewer than --min-coverage ${options.minCoverage}${unknownNote(c)}\n`);
  }
  const warnings = files.reduce((n, f) => n + (f.analysis?.findings.filter((x) => x.severity === 'warning').length ?? 0), 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`rac check: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`);
  if (problems.length || files.some((f) => f.error)) return 2;
  return failing(files, options.failOn) || below.length || tooManyWarnings ? 1 : 0;
}

function belowMinimum(c: { covered: number; required: number }, minimum: number | 'all' | undefined): boolean {
  if (minimum === undefined) return false;
  return c.covered < (minimum === 'all' ? c.required : minimum);
}

/**
 * --quiet: the file as if it had only its errors (coverage is unchanged; the formats then print errors only). The
 * analysis is copied by its property descriptors: spreading it would read the parts made on first use (the
 * syntax tree, the outline), and so analyse every file again.
 */
function errorsOnly(file: FileResult): FileResult {
  if (!file.analysis) return file;
  const findings = file.analysis.findings.filter((f) => f.severity === 'error');
  const analysis = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(file.analysis), findings: { value: findings, enumerable: true } }) as Analysis;
  return { ...file, analysis };
}

function failing(files: FileResult[], failOn: FailOn): boolean {
  return files.some((f) => f.analysis?.findings.some((x) => failsOn(x.severity, failOn)));
}
