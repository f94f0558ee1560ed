// PURE. The format version finding: a file at schema_version "1" still loads (and is judged with the current
// catalog), and is told once, at its version, how to move to the current format. The quick fix carries the
// whole migration as text edits (migrate.ts), so the editor applies exactly what `rac migrate` writes.
// A file already at "2" that still writes the plan the v1 way (`rmp` with a `type`) is told what that means now,
// with the migration's own step for the plan as its fix.
import { isMap, type Document } from 'yaml';
import type { Locator } from './locate';
import { CURRENT_VERSION, lineBreak, migrationEdits, migrationPlan } from './migrate';
import { rmpType } from './migrate-transforms';
import type { LineIndex } from './text';
import type { Finding } from './types';

export const MIGRATE_FIX_TITLE = `Migrate this file to schema_version ${CURRENT_VERSION}`;

/** `syntaxBroken`: the parser reported errors; the migration would edit the parser's guess, and is refused. */
export function formatFindings(data: unknown, document: Document.Parsed | undefined, lines: LineIndex, locate: Locator, syntaxBroken: boolean): Finding[] {
  const version = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schema_version : undefined;
  // A file with a YAML error is told about that first: a note on its version would only bury it.
  if (syntaxBroken) return [];
  if (version === CURRENT_VERSION) return rmpTypeFindings(data as Record<string, unknown>, document, lines, locate);
  if (version !== '1') return [];
  const finding: Finding = {
    code: 'format.v1',
    severity: 'information',
    message: `schema_version "1" is the previous format: move this file to "${CURRENT_VERSION}" with "rac migrate FILE" or the quick fix (comments and layout are kept)`,
    range: locate.value(['schema_version']),
    path: ['schema_version'],
  };
  const migration = migrationPlan(document, lines);
  if (migration.status === 'migrated') finding.fixes = [{ title: MIGRATE_FIX_TITLE, edits: migrationEdits(migration.edits, lines), preferred: true }];
  return [finding];
}

const RMP = ['principles', 'relationship_management', 'rmp'];

/**
 * `rmp.type` in a v2 file: in v2 `rmp` is the own organisation's plan, so `type: joint` says the plan is in the
 * wrong place (a warning: the joint plan's rules read joint_rmp), and `type: single` only repeats what rmp now
 * means (a note). The fix is the migration's step for the plan, so it edits exactly as `rac migrate` would; where
 * that step leaves the file alone (a joint_rmp already there, a `type` sharing its line) there is no fix.
 */
function rmpTypeFindings(data: Record<string, unknown>, document: Document.Parsed | undefined, lines: LineIndex, locate: Locator): Finding[] {
  const management = data.principles && typeof data.principles === 'object' ? (data.principles as Record<string, unknown>).relationship_management : undefined;
  const rmp = management && typeof management === 'object' ? (management as Record<string, unknown>).rmp : undefined;
  const type = rmp && typeof rmp === 'object' ? (rmp as Record<string, unknown>).type : undefined;
  if (type !== 'joint' && type !== 'single') return [];
  const path = [...RMP, 'type'];
  const joint = type === 'joint';
  const finding: Finding = joint
    ? {
      code: 'format.rmp-joint',
      severity: 'warning',
      message: 'in schema_version "2" rmp is the own organisation\'s plan and the plan every party approved is joint_rmp: rename rmp to joint_rmp and remove "type: joint" (the quick fix does both)',
      range: locate.value(path),
      path,
    }
    : {
      code: 'format.rmp-single',
      severity: 'information',
      message: 'in schema_version "2" rmp is always the own organisation\'s plan, so "type: single" is no longer needed: remove the line',
      range: locate.value(path),
      path,
    };
  const root = document?.contents;
  const changes = isMap(root) ? rmpType({ text: lines.text, root, eol: lineBreak(lines.text) }) : [];
  const edits = migrationEdits(changes.flatMap((c) => c.edits), lines);
  if (edits.length > 0) finding.fixes = [{ title: joint ? 'Move this plan to joint_rmp' : 'Remove "type: single"', edits, preferred: true }];
  return [finding];
}
