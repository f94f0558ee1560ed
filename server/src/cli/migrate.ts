// `rac migrate [--check] [--stdout] PATH…`: moves relationship files from schema_version "1" to the current format
// with the core's text edits (core/migrate.ts), so comments, key order, quoting and line endings stay. Files are
// replaced atomically (io.replaceFile); a file that does not parse is left untouched and said so.
import { resolve } from 'node:path';
import { CURRENT_VERSION, migrate } from '../core/index';
import { startCommand } from './args';
import type { CliIo } from './io';
import { displayPath, findFiles, readText } from './load-files';

export const MIGRATE_USAGE = `usage: rac migrate [--check] [--stdout] <paths…>

Moves relationship files from schema_version "1" to "${CURRENT_VERSION}", in place. Only what the new format changes is
edited: comments, key order, quoting, indentation and line endings stay as they are. It changes:
  schema_version "1"            → "${CURRENT_VERSION}" (in the same quotes)
  rmp with type: joint          → joint_rmp, the plan every party approved (the type line goes)
  rmp with type: single         → rmp, the own organisation's plan (the type line goes)
  a KPI's target and threshold  → its direction, when both are numbers and differ
                                  (a threshold below the target: higher_is_better)
It prints what it changed in each file. A file with a YAML error is not touched: fix it first (rac check shows it).
Paths may be files, folders (searched for *.relationship.yaml and *.relationship.yml) or quoted patterns.

  --check     write nothing: list the files that need migrating (exit 1 if any does)
  --stdout    print the migrated text of one file instead of writing it
  -h, --help  show this help

Exit codes: 0 done (or nothing to do), 1 a file needs migrating (--check) or could not be migrated, 2 usage
problem or unreadable file.
`;

const OPTIONS = {
  check: { type: 'boolean' },
  stdout: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const started = startCommand('migrate', argv, OPTIONS, MIGRATE_USAGE, io);
  if (typeof started === 'number') return started;
  const { parsed, fail } = started;
  const { check, stdout: toStdout } = parsed.values;
  if (parsed.positionals.length === 0) return fail('name the files to migrate, e.g. rac migrate partners/acme.relationship.yaml');
  if (check && toStdout) return fail('--check and --stdout do not go together: --check writes nothing already');
  // The date is not read: a migration does not judge anything.
  const found = await findFiles(parsed.positionals, io, { asOf: io.today() });
  for (const problem of found.problems) io.stderr(`rac migrate: ${problem}\n`);
  if (found.problems.length) return 2;
  if (toStdout && found.found.length !== 1) return fail(`--stdout prints one file, and the paths name ${found.found.length}`);
  const files = [...found.found].sort();
  if (files.length === 0) return fail(`no relationship files in ${found.emptyFolders.join(', ')}`);

  const counts = { migrated: 0, current: 0, refused: 0, unreadable: 0 };
  for (const absolute of files) {
    const shown = displayPath(io.cwd, absolute);
    let bytes: Uint8Array | undefined;
    const text = readText(absolute, { stat: (p) => io.stat(p), readFile: (p) => (bytes = io.readFile(p)) });
    if (typeof text !== 'string') {
      io.stderr(`rac migrate: ${shown}: ${text.error}\n`);
      counts.unreadable++;
      continue;
    }
    const m = migrate(text);
    if (m.status === 'refused') {
      io.stderr(`rac migrate: ${shown}: not migrated: ${m.reason}\n`);
      counts.refused++;
      continue;
    }
    if (toStdout) {
      io.stdout(m.status === 'migrated' ? m.text : text);
      if (m.status === 'migrated') counts.migrated++;
      continue;
    }
    if (m.status === 'current') {
      io.stdout(`${shown}: already at schema_version "${CURRENT_VERSION}"\n`);
      counts.current++;
      continue;
    }
    if (!check) {
      // The text was read without its byte order mark (readText drops it): a file that had one keeps it.
      const bom = bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
      try {
        io.replaceFile(resolve(absolute), bom + m.text);
      } catch (e) {
        io.stderr(`rac migrate: ${shown}: could not write it (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); it is unchanged\n`);
        counts.unreadable++;
        continue;
      }
    }
    counts.migrated++;
    io.stdout(`${shown}: ${check ? 'needs migrating' : `migrated to schema_version "${CURRENT_VERSION}"`}\n${m.changes.map((c) => `  line ${c.line + 1}: ${c.summary}\n`).join('')}`);
  }
  if (!toStdout && files.length > 1) {
    const parts = [`${counts.migrated} ${check ? 'to migrate' : 'migrated'}`, `${counts.current} already current`];
    if (counts.refused) parts.push(`${counts.refused} not migrated`);
    if (counts.unreadable) parts.push(`${counts.unreadable} unreadable`);
    io.stdout(`${files.length} files: ${parts.join(', ')}\n`);
  }
  if (counts.unreadable) return 2;
  return counts.refused || (check && counts.migrated) ? 1 : 0;
}
