// A finding as machine-readable output gives it: 1-based line and column, UTF-16 columns, exclusive end column
// (the character after the last one, as SARIF counts it).
import type { Finding, Severity } from '../core/index';

export interface FlatFinding {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  principle: string | null;
  rule: string | null;
}

export function flatFinding(f: Finding): FlatFinding {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    principle: f.principle ?? null,
    rule: f.rule ?? null,
  };
}

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
