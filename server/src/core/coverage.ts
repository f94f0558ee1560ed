// Rule states → principle scores and statuses → the file's coverage.
import type { Catalog } from './catalog';
import type { Coverage, PrincipleCoverage, PrincipleStatus, Range, RuleResult, Stage } from './types';

/**
 * A principle's status from its rules' states. Unknown rules count (the principle is required) but are not met:
 * a principle with an unmet rule is partial or missing as before, except that one with an unknown rule beside
 * the unmet ones is partial (some evidence may be there), and one whose counted rules are met or unknown is
 * unknown, never covered and never missing.
 */
export function principleStatus(states: RuleResult['state'][]): PrincipleStatus {
  const n = (s: RuleResult['state']): number => states.filter((x) => x === s).length;
  const [met, unmet, unknown, waived] = [n('met'), n('unmet'), n('unknown'), n('waived')];
  if (met + unmet + unknown === 0) return waived > 0 ? 'covered' : 'not_yet_required';
  if (unmet > 0) return met === 0 && unknown === 0 ? 'missing' : 'partial';
  return unknown > 0 ? 'unknown' : 'covered';
}

export interface CoverageInput {
  stage: Stage;
  stageKnown: boolean;
  asOf: string;
  unknownBecause?: string[];
}

export function computeCoverage(catalog: Catalog, results: RuleResult[], at: CoverageInput, principleRange: (id: string) => Range | undefined): Coverage {
  const principles: PrincipleCoverage[] = catalog.principles.map((p) => {
    const rules = results.filter((r) => r.principle === p.id);
    const met = rules.filter((r) => r.state === 'met').length;
    const counted = rules.filter((r) => r.state === 'met' || r.state === 'unmet' || r.state === 'unknown').length;
    const status = principleStatus(rules.map((r) => r.state));
    return { id: p.id, clause: p.clause, title: p.title, summary: p.summary, status, score: counted ? met / counted : 0, met, counted, rules, range: principleRange(p.id) };
  });
  const required = principles.filter((p) => p.status !== 'not_yet_required').length;
  const anyUnknown = results.some((r) => r.state === 'unknown');
  return {
    covered: principles.filter((p) => p.status === 'covered').length,
    required,
    total: principles.length,
    notYetRequired: principles.length - required,
    unknown: principles.filter((p) => p.status === 'unknown').length,
    stage: at.stage,
    stageKnown: at.stageKnown,
    ...(anyUnknown && at.unknownBecause?.length ? { unknownBecause: at.unknownBecause } : {}),
    asOf: at.asOf,
    principles,
  };
}

/** The stage as every face names it: "unknown" when lifecycle_stage is not a stage, never the first stage it fell back to. */
export function stageName(c: Pick<Coverage, 'stage' | 'stageKnown'>): string {
  return c.stageKnown ? c.stage : 'unknown';
}
