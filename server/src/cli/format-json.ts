// `rac check --format json`: one object for every run, stable for scripts. Lines and columns are 1-based,
// columns count UTF-16 code units; an unreadable file has an "error" and no coverage.
import { stageName, type Coverage, type RuleState, type PrincipleStatus } from '../core/index';
import { countSeverities, flatFinding, type FlatFinding, type SeverityCounts } from './flat-finding';
import type { FileResult } from './types';

export interface JsonCoverage {
  covered: number;
  /** Required principles whose only gaps are waived: never counted in covered. */
  waived: number;
  required: number;
  total: number;
  /** Required principles whose coverage cannot be judged (a syntax error in their section, a value of the wrong type): not covered. */
  unknown: number;
  /** The declared stage, or "unknown" when lifecycle_stage is not a stage. */
  stage: string;
  /** Why some rules are unknown, when any is. */
  unknownBecause?: string[];
  asOf: string;
  /** addedBy: the profile that added an organisation's rule. */
  principles: { id: string; clause: number; title: string; status: PrincipleStatus; score: number; rules: { id: string; state: RuleState; addedBy?: string }[] }[];
  /** Rules a profile turned off (present only when some are). */
  offByProfile?: { id: string; principle: string; title: string; setBy: string }[];
}

export interface JsonFile {
  path: string;
  findings: FlatFinding[];
  coverage: JsonCoverage | null;
  error?: string;
}

export interface JsonReport {
  files: JsonFile[];
  summary: SeverityCounts & { files: number; unreadable: number; findings: number };
}

export function jsonReport(files: FileResult[]): JsonReport {
  const out: JsonFile[] = files.map((file) => {
    if (file.error || !file.analysis) return { path: file.path, findings: [], coverage: null, error: file.error ?? 'not analysed' };
    return { path: file.path, findings: file.analysis.findings.map(flatFinding), coverage: jsonCoverage(file.analysis.coverage) };
  });
  const all = out.flatMap((f) => f.findings);
  return {
    files: out,
    summary: { files: out.length, unreadable: out.filter((f) => f.error !== undefined).length, findings: all.length, ...countSeverities(all) },
  };
}

function jsonCoverage(c: Coverage): JsonCoverage {
  const json: JsonCoverage = {
    covered: c.covered,
    waived: c.waived,
    required: c.required,
    total: c.total,
    unknown: c.unknown,
    stage: stageName(c),
    ...(c.unknownBecause ? { unknownBecause: c.unknownBecause } : {}),
    asOf: c.asOf,
    principles: c.principles.map((p) => ({
      id: p.id, clause: p.clause, title: p.title, status: p.status, score: p.score,
      rules: p.rules.map((r) => (r.source ? { id: r.id, state: r.state, addedBy: r.source } : { id: r.id, state: r.state })),
    })),
  };
  if (c.off?.length) json.offByProfile = c.off.map((r) => ({ id: r.id, principle: r.principle, title: r.title, setBy: r.source }));
  return json;
}

export function formatJson(files: FileResult[]): string {
  return JSON.stringify(jsonReport(files), null, 2) + '\n';
}
