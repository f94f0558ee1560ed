// PURE. How many findings of each severity: the one count behind the language status, the workspace check,
// the reports and the CLI's summaries.
import type { Severity } from './types';

export interface SeverityCounts { errors: number; warnings: number; information: number; hints: number }

export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const c: SeverityCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.severity === 'information') c.information++;
    else c.hints++;
  }
  return c;
}
