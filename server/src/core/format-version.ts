// PURE. The format version finding: a file at schema_version "1" still loads (and is judged with the current
// catalog), and is told once, at its version, how to move to the current format. The quick fix carries the
// whole migration as text edits (migrate.ts), so the editor applies exactly what `rac migrate` writes.
import type { Document } from 'yaml';
import type { Locator } from './locate';
import { CURRENT_VERSION, migrateDocument } from './migrate';
import type { LineIndex } from './text';
import type { Finding } from './types';

export const MIGRATE_FIX_TITLE = `Migrate this file to schema_version ${CURRENT_VERSION}`;

/** `syntaxBroken`: the parser reported errors; the migration would edit the parser's guess, and is refused. */
export function formatFindings(data: unknown, document: Document.Parsed | undefined, lines: LineIndex, locate: Locator, syntaxBroken: boolean): Finding[] {
  const version = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schema_version : undefined;
  // A file with a YAML error is told about that first: a note on its version would only bury it.
  if (version !== '1' || syntaxBroken) return [];
  const finding: Finding = {
    code: 'format.v1',
    severity: 'information',
    message: `schema_version "1" is the previous format: move this file to "${CURRENT_VERSION}" with "rac migrate FILE" or the quick fix (comments and layout are kept)`,
    range: locate.value(['schema_version']),
    path: ['schema_version'],
  };
  const migration = migrateDocument(document, lines);
  if (migration.status === 'migrated') finding.fixes = [{ title: MIGRATE_FIX_TITLE, edits: migration.edits, preferred: true }];
  return [finding];
}
