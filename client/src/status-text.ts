// PURE. The words the language status item and the workspace check show; kept apart from `vscode` so tests run in Node.
import type { CheckWorkspaceResult, CoverageParams } from '../../server/src/protocol';

export interface CoverageStatus {
  text: string;
  detail: string;
  /** The file has errors: the item is shown as a warning. */
  warn: boolean;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function problems(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'no problems';
  return [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** `9/12 principles`; out of the required ones only, so an early-stage file is not shown as failing what it is not yet asked for. */
export function coverageStatus(c: CoverageParams): CoverageStatus {
  const text = c.required === 0 ? 'no principles required yet' : `${c.covered}/${c.required} principles`;
  const detail = [
    `stage ${c.stage}`,
    // Waived principles are not among the covered ones: the detail says how many there are.
    c.waived ? `${c.waived} waived` : '',
    c.required > 0 && c.required < c.total ? `${c.total - c.required} not yet required` : '',
    c.schemaVersion ? `schema v${c.schemaVersion}` : 'no schema_version',
    problems(c.errors, c.warnings),
  ].filter(Boolean).join(' · ');
  return { text, detail, warn: c.errors > 0 };
}

export function checkSummary(r: CheckWorkspaceResult): string {
  if (r.files === 0) return 'No relationship files (*.relationship.yaml, *.relationship.yml) in this workspace.';
  return `Checked ${count(r.files, 'relationship file')}: ${problems(r.errors, r.warnings)}.`;
}
