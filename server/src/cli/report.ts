// `rac report [paths…] --format html|markdown -o FILE [--as-of YYYY-MM-DD]`: the coverage picture for a
// reviewer. HTML is one self-contained page (inline CSS, no script, nothing fetched) drawn by the same
// renderer as the editor's preview, with the portfolio table when there are several files; Markdown has
// the same content. Findings do not change the exit code: 0 written, 2 usage problem or unreadable input.
import { resolve } from 'node:path';
import { buildReportModel, renderHtml, renderMarkdown, type ReportModel } from '../report/index';
import { asOfDate, isError, oneOf, parseCommandLine, rootFolder } from './args';
import type { CliIo } from './io';
import { cliProfileLoader, formatProblems } from '../node/profiles';
import { loadFiles } from './load-files';

export const REPORT_USAGE = `usage: rac report [paths…] [options]

Writes the coverage picture of relationship files (*.relationship.yaml|yml): for each file its coverage of
the 12 principles, lifecycle, risk heat map, timeline, waivers and findings; with several files, a
portfolio table first. Paths are files, folders or quoted patterns such as '**/*.relationship.yaml'
(default: the current folder), found as rac check finds them.

  --format <name>        html | markdown (default: html)
  -o, --output <file>    write to a file instead of standard output
  --as-of <YYYY-MM-DD>   analyse for this day (default: today, in local time)
  --theme <name>         light | dark: fix the HTML report's colours (default: follow the reader's system)
  --root <dir>           workspace root: evidence links may not leave it (default: the enclosing git work
                         tree of each file, else the file's folder)
  --ignore <pattern>     skip what this .gitignore-style pattern matches (repeatable)
  -h, --help             show this help

Exit codes: 0 written, 2 usage problem or a file that could not be read.
`;

interface ReportOptions {
  paths: string[];
  format: 'html' | 'markdown';
  output?: string;
  asOf: string;
  theme?: 'light' | 'dark';
  root?: string;
  ignore: string[];
}

const FORMATS = ['html', 'markdown'] as const;
const THEMES = ['light', 'dark'] as const;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'as-of': { type: 'string' },
  theme: { type: 'string' },
  root: { type: 'string' },
  ignore: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command line, by the same strict parser and checks as rac check and rac diff (args.ts). */
export function parseReportArgs(argv: readonly string[], today: string): ReportOptions | { error: string } | { help: true } {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (isError(parsed)) return parsed;
  const v = parsed.values;
  if (v.help) return { help: true };
  const format = oneOf('format', v.format, FORMATS, 'html');
  if (isError(format)) return format;
  const asOf = asOfDate(v['as-of'], today);
  if (isError(asOf)) return asOf;
  let theme: ReportOptions['theme'];
  if (v.theme !== undefined) {
    const t = oneOf('theme', v.theme, THEMES, 'light');
    if (isError(t)) return t;
    theme = t;
  }
  if (v.output === '') return { error: '--output needs a file name' };
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    format,
    asOf,
    ...(typeof v.output === 'string' ? { output: v.output } : {}),
    ...(theme ? { theme } : {}),
    ...(typeof v.root === 'string' ? { root: v.root } : {}),
    ignore: parsed.lists.ignore ?? [],
  };
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseReportArgs(argv, io.today());
  if ('help' in parsed) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`rac report: ${parsed.error}\n${REPORT_USAGE}`);
    return 2;
  }
  const options = parsed;
  const root = rootFolder(options.root, io.cwd, (path) => io.stat(path).kind === 'directory');
  if (isError(root)) {
    io.stderr(`rac report: ${root.error}\n`);
    return 2;
  }

  const { files, problems: unreadable, emptyFolders, skipped, profileProblems } = await loadFiles(options.paths, io, { asOf: options.asOf, root, ignore: options.ignore, profiles: { loader: cliProfileLoader(io), options: {} } });
  for (const s of skipped) io.stderr(`rac report: note: skipped ${s.path}: ${s.reason}\n`);
  if (profileProblems.length) {
    io.stderr(formatProblems(profileProblems, io.cwd));
    return 2;
  }
  const problems = [...unreadable, ...emptyFolders.map((given) => `${given}: no relationship files (*.relationship.yaml or *.relationship.yml) in this folder`)];
  for (const problem of problems) io.stderr(`rac report: ${problem}\n`);
  const models: ReportModel[] = [];
  for (const file of files) {
    if (file.error || !file.analysis) io.stderr(`rac report: ${file.path}: ${file.error ?? 'not analysed'}\n`);
    // The report names files by their display path; it never carries the reader's absolute folders.
    else models.push(buildReportModel(file.analysis, { uri: file.path, path: file.path, version: 0 }));
  }
  if (models.length === 0) {
    if (problems.length === 0 && files.length === 0) io.stderr(`rac report: no relationship files (*.relationship.yaml|yml) in ${options.paths.join(', ')}\n`);
    return 2;
  }
  const failed = problems.length > 0 || models.length < files.length;

  const out = options.format === 'markdown' ? renderMarkdown(models) : renderHtml(models, { mode: 'report', theme: options.theme });
  try {
    if (options.output !== undefined) io.writeFile(resolve(io.cwd, options.output), out);
    else io.stdout(out);
  } catch (e) {
    io.stderr(`rac report: could not write the report: ${(e as Error).message}\n`);
    return 2;
  }
  return failed ? 2 : 0;
}
