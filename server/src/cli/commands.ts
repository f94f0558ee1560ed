// The `rac` command: subcommand dispatch, with the I/O passed in (tests run it in memory; main.ts wires Node).
import { nearest } from '../core/index';
import { runCheck } from './check';
import { runDiff } from './diff';
import { runExplain } from './explain';
import { runInit } from './init';
import { runMigrate } from './migrate';
import type { CliIo } from './io';
import { runReport } from './report';
import { runRules } from './rules';
import { VERSION } from './version';

export const USAGE = `usage: rac <command> [options]

Relationship as Code: checks *.relationship.yaml files against the ISO/TR 44000 principles.

Commands:
  check [paths…]     findings and principle coverage (text, json, sarif, github, markdown)
  init <file>        write a new relationship file for a lifecycle stage
  migrate <paths…>   move files from schema_version "1" to "2", keeping comments and layout
  report [paths…]    an HTML or Markdown coverage report
  diff --base <ref>  what a change does to coverage, compared with a git commit
  rules              every evidence rule: id, principle, stage from which it counts, severity, title
  explain <RULE>     what a rule checks, why it matters, how to meet it, with an example

  rac <command> --help   the options of a command
  rac --version          the version

Exit codes: 0 success, 1 findings or coverage below the thresholds, 2 usage problem or unreadable input.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = { check: runCheck, init: runInit, migrate: runMigrate, report: runReport, diff: runDiff, rules: runRules, explain: runExplain };

export async function rac(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0])) return COMMANDS[rest[0]](['--help'], io);
    io.stdout(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const suggestion = nearest(first, Object.keys(COMMANDS));
    io.stderr(`rac: unknown command "${first}"${suggestion ? `; did you mean "${suggestion}"?` : ''}\nRun "rac --help" for the commands.\n`);
    return 2;
  }
  return command(rest, io);
}
