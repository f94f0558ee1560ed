// `rac init [--stage STAGE] FILE`: writes a new relationship file for a lifecycle stage. Never overwrites a file
// and never creates folders: both are said plainly and exit 2.
import { basename, dirname, join, resolve } from 'node:path';
import { STAGES, type Stage } from '../core/index';
import { scaffold } from '../core/index';
import { asOfDate, isError, oneOf, startCommand } from './args';
import type { CliIo } from './io';
import { RELATIONSHIP_FILE } from '../node/files';
import { displayPath, oneLine } from './load-files';
import { PROFILE_TEMPLATE } from './profile-template';

export const INIT_USAGE = `usage: rac init [--stage <stage>] <file>
       rac init --profile [folder]

Writes a new relationship file with the sections the stage requires, ready to fill in. The file name must end
in .relationship.yaml or .relationship.yml; an existing file is never overwritten.

With --profile, writes a commented starter profile, .rac.yaml, in the folder (default: the current one): the
organisation's policy for the relationship files below it. It is valid as written and changes nothing until
you uncomment a line.

  --stage <stage>        ${STAGES.join(' | ')}
                         (default: working_together)
  --as-of <YYYY-MM-DD>   the date written into the file's date fields (default: today, in local time)
  --profile              write a starter .rac.yaml instead
  -h, --help             show this help
`;

const OPTIONS = {
  stage: { type: 'string' },
  'as-of': { type: 'string' },
  profile: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runInit(argv: string[], io: CliIo): Promise<number> {
  const started = startCommand('init', argv, OPTIONS, INIT_USAGE, io);
  if (typeof started === 'number') return started;
  const { parsed, fail } = started;
  if (parsed.values.profile) return writeProfile(parsed.positionals, io, fail);
  const stage = oneOf<Stage>('stage', parsed.values.stage, STAGES, 'working_together');
  if (isError(stage)) return fail(stage.error);
  const asOf = asOfDate(parsed.values['as-of'], io.today());
  if (isError(asOf)) return fail(asOf.error);
  if (parsed.positionals.length !== 1) {
    return fail(parsed.positionals.length === 0 ? 'name the file to create, e.g. rac init partners/acme.relationship.yaml' : `one file at a time, got ${parsed.positionals.length}`);
  }
  const given = parsed.positionals[0];
  const absolute = resolve(io.cwd, given);
  const shown = displayPath(io.cwd, absolute);
  if (!RELATIONSHIP_FILE.test(basename(absolute))) {
    const stem = basename(absolute).replace(/\.(ya?ml|json)$/i, '') || 'name';
    return fail(`${given}: the name must end in .relationship.yaml or .relationship.yml so the editor and rac check find it, e.g. ${stem}.relationship.yaml`);
  }
  const folder = dirname(absolute);
  if (io.stat(folder).kind !== 'directory') return fail(`${displayPath(io.cwd, folder)}: no such folder; create it first (rac init does not create folders)`);
  if (io.stat(absolute).kind !== 'missing') return fail(`${shown} already exists; rac init never overwrites a file: choose another name or remove it first`);
  try {
    io.createFile(absolute, scaffold(stage, { asOf }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'EEXIST' ? `${shown} already exists; rac init never overwrites a file` : `could not write ${shown}: ${oneLine(e)}`);
  }
  io.stdout(`created ${shown} (stage ${stage}); next: fill in the placeholders and run rac check ${shown}\n`);
  return 0;
}

function writeProfile(positionals: string[], io: CliIo, fail: (message: string) => number): number {
  if (positionals.length > 1) return fail(`--profile takes one folder, got ${positionals.length}`);
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  if (io.stat(folder).kind !== 'directory') return fail(`${positionals[0]}: no such folder (rac init --profile writes .rac.yaml into a folder)`);
  const absolute = join(folder, '.rac.yaml');
  const shown = displayPath(io.cwd, absolute);
  const other = join(folder, '.rac.yml');
  if (io.stat(absolute).kind !== 'missing' || io.stat(other).kind !== 'missing') return fail(`${io.stat(absolute).kind !== 'missing' ? shown : displayPath(io.cwd, other)} already exists; rac init never overwrites a file`);
  try {
    io.createFile(absolute, PROFILE_TEMPLATE);
  } catch (e) {
    return fail(`could not write ${shown}: ${oneLine(e)}`);
  }
  io.stdout(`created ${shown}; next: uncomment what your organisation needs, then rac rules . shows the effective rules\n`);
  return 0;
}
