// `rac report [paths…] --format html|markdown -o FILE [--as-of YYYY-MM-DD]`: the coverage picture for a
// reviewer. HTML is one self-contained page (inline CSS, no script, nothing fetched) drawn by the same
// renderer as the editor's preview, with the portfolio table when there are several files; Markdown has
// the same content. Findings do not change the exit code: 0 written, 2 usage problem or unreadable input.
import { resolve } from 'node:path';
import { toDay } from '../core/index';
import { buildReportModel, renderHtml, renderMarkdown, type ReportModel } from '../report/index';
import { isError, rootFolder } from './args';
import type { CliIo } from './io';
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

export function parseReportArgs(argv: readonly string[], today: string): ReportOptions | { error: string } | { help: true } {
  const options: ReportOptions = { paths: [], format: 'html', asOf: today, ignore: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--format', '-o', '--output', '--as-of', '--theme', '--root', '--ignore'].includes(name)) return { error: `unknown option ${name}` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { error: `${name} needs a value` };
    if (name === '--format') {
      if (value !== 'html' && value !== 'markdown') return { error: `--format must be html or markdown, not "${value}"` };
      options.format = value;
    } else if (name === '--as-of') {
      if (toDay(value) === undefined) return { error: `--as-of must be a YYYY-MM-DD date, not "${value}"` };
      options.asOf = value;
    } else if (name === '--theme') {
      if (value !== 'light' && value !== 'dark') return { error: `--theme must be light or dark, not "${value}"` };
      options.theme = value;
    } else if (name === '--root') {
      options.root = value;
    } else if (name === '--ignore') {
      options.ignore.push(value);
    } else {
      options.output = value;
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
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

  const { files, problems: unreadable, emptyFolders, skipped } = await loadFiles(options.paths, io, { asOf: options.asOf, root, ignore: options.ignore });
  for (const s of skipped) io.stderr(`rac report: note: skipped ${s.path}: ${s.reason}\n`);
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
