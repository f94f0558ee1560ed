// `rac diff`'s command line, parsed by the same strict parser and checks as rac check (args.ts).
import type { PolicyOptions } from '../profile-chain';
import { asOfDate, isError, oneOf, parseCommandLine } from './args';
import { FAIL_ON, type FailOn } from './check';
import type { CliIo } from './io';
import { profileOptions } from './print-config';

export type DiffFormat = 'markdown' | 'json' | 'github';

export interface DiffOptions {
  base: string;
  paths: string[];
  asOf: string;
  failOn: FailOn;
  failOnCoverageLoss: boolean;
  format: DiffFormat;
  output?: string;
  /** --root: bounds the working tree's evidence links (default: the repository). */
  root?: string;
  /**
   * --config: this profile (read from the working tree) for both sides; --no-config: both sides against the
   * catalog alone; neither: each side with the profiles of its own revision.
   */
  profiles: PolicyOptions;
}

export const DIFF_USAGE = `usage: rac diff --base <git-ref> [options] [paths…]

Compares the relationship files (*.relationship.yaml|yml) that changed between a git commit and the working
tree: coverage before and after, principles gained and lost, rules that became met or unmet, new and fixed
findings (matched by code and message, not by line). Paths (default: the current folder) limit the files
compared; write -- before a path that starts with "-". Evidence links are checked inside the repository,
on each side in its own tree, and each side is checked with the profiles (.rac.yaml) of its own revision
(with --config, the named profile for both).

  --base <ref>              the commit to compare with (branch, tag or sha), e.g. origin/main
  --as-of <YYYY-MM-DD>      analyse both sides for this day (default: today, in local time)
  --fail-on <level>         error | warning | never: exit 1 on NEW findings at or above it (default: error)
  --fail-on-coverage-loss   exit 1 when a changed file stops covering a principle it covered
  --format <name>           markdown | json | github (default: markdown)
  -o, --output <file>       write the report to a file instead of standard output
  --root <dir>              workspace root: evidence links may not leave it (default: the repository)
  --config <file>           check both sides with this profile (.rac.yaml, as it is in the working tree)
                            instead of the nearest one of each revision
  --no-config               ignore profiles on both sides: the built-in catalog alone
  -h, --help                show this help

When GITHUB_STEP_SUMMARY is set, the Markdown summary is also appended to that file, whatever the format.
Exit codes: 0 pass, 1 failed --fail-on or --fail-on-coverage-loss, 2 usage problem, git problem (no git,
not a repository, unknown ref) or a file that could not be read.
`;

const FORMATS: readonly DiffFormat[] = ['markdown', 'json', 'github'];

const OPTIONS = {
  base: { type: 'string' },
  'as-of': { type: 'string' },
  'fail-on': { type: 'string' },
  'fail-on-coverage-loss': { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  root: { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseDiffArgs(argv: readonly string[], io: Pick<CliIo, 'today' | 'cwd' | 'stat'>): DiffOptions | { error: string } | { help: true } {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (isError(parsed)) return parsed;
  const v = parsed.values;
  if (v.help) return { help: true };
  const format = oneOf('format', v.format, FORMATS, 'markdown');
  if (isError(format)) return format;
  const failOn = oneOf('fail-on', v['fail-on'], FAIL_ON, 'error');
  if (isError(failOn)) return failOn;
  const asOf = asOfDate(v['as-of'], io.today());
  if (isError(asOf)) return asOf;
  if (typeof v.base !== 'string' || v.base === '') return { error: '--base <git-ref> is required: the commit to compare with, e.g. --base origin/main' };
  if (v.output === '') return { error: '--output needs a file name' };
  const profiles = profileOptions(v, io);
  if (isError(profiles)) return profiles;
  return {
    base: v.base,
    paths: parsed.positionals,
    asOf,
    failOn,
    failOnCoverageLoss: v['fail-on-coverage-loss'] === true,
    profiles,
    format,
    ...(typeof v.output === 'string' ? { output: v.output } : {}),
    ...(typeof v.root === 'string' ? { root: v.root } : {}),
  };
}
