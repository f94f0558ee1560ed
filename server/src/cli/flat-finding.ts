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

export { countSeverities, type SeverityCounts } from '../core/index';
