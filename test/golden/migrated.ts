// The migration goldens: every relationship fixture the repository keeps at schema_version "1" (the golden cases
// and the kept relationships; the samples are at "2" already) migrated by core/migrate.ts, the expected text
// stored as a `*.migrated.yaml` file. A golden case's sits beside it in test/golden/cases/; the others' are
// mirrored under test/golden/migrated/, so that the folders of samples and fixtures, which commands and tests
// walk, hold only relationship files. A fixture that is already current, or that is refused (a YAML error), has
// no golden.
// Shared by migrate.test.ts and scripts/update-golden.mjs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { migrate, type Migration } from '../../server/src/core/index';
import { caseNames, CASES_DIR, decode, ROOT } from './golden-case';
import { keptRelationships } from './kept-relationships';

export const MIGRATED_DIR = join(ROOT, 'test', 'golden', 'migrated');

export interface MigrationFixture {
  /** Relative to the repository, with forward slashes. */
  path: string;
  text: string;
  migration: Migration;
  /** Where its golden is (absolute), whether or not the fixture needs one. */
  golden: string;
}

/** "x.relationship.yaml" → "x.relationship.migrated.yaml". */
export function migratedName(name: string): string {
  return name.replace(/\.ya?ml$/, '') + '.migrated.yaml';
}

export function migrationFixtures(): MigrationFixture[] {
  const cases = caseNames().map((name) => ({ path: `test/golden/cases/${name}`, golden: join(CASES_DIR, migratedName(name)) }));
  const kept = keptRelationships().map((k) => k.path).filter((path) => !path.startsWith('test/golden/cases/'))
    .map((path) => ({ path, golden: join(MIGRATED_DIR, ...migratedName(path).split('/')) }));
  return [...cases, ...kept].map((f) => {
    const text = decode(readFileSync(join(ROOT, f.path)));
    return { ...f, text, migration: migrate(text) };
  });
}

/** Every *.migrated.yaml the repository holds (absolute paths), to find the ones no fixture owns. */
export function migratedGoldens(): string[] {
  const out = readdirSync(CASES_DIR).filter((n) => n.endsWith('.migrated.yaml')).map((n) => join(CASES_DIR, n));
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.migrated.yaml')) out.push(join(dir, entry.name));
    }
  };
  walk(MIGRATED_DIR);
  return out.sort();
}

/** For messages: a golden's path relative to the repository. */
export function shown(path: string): string {
  return relative(ROOT, path).split('\\').join('/');
}

/** The comment lines of a text (a line whose first non-blank character is "#"), trimmed. */
export function commentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.startsWith('#'));
}

/** Reads a golden exactly as written. */
export function readGolden(path: string): string | undefined {
  return existsSync(path) ? decode(readFileSync(path)) : undefined;
}
