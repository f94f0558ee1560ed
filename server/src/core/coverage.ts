// Rule states → principle scores and statuses → the file's coverage.
import type { Catalog } from './catalog';
import type { Coverage, PrincipleCoverage, PrincipleStatus, Range, RuleResult, Stage } from './types';

/**
 * A principle's status from its rules' states, the worst news first:
 * - an unmet rule makes it partial, or missing when nothing else is met or unknown (a waived rule is not met, so
 *   it does not lift a principle out of missing);
 * - else an unknown rule makes it unknown: with the data broken it may yet turn out partial, so it is not called
 *   waived (nor covered) until the error is fixed;
 * - else a waived rule makes it waived: every counted rule is met except those someone accepted as not met;
 * - else covered, when some rule counts.
 * Waived rules make the principle required (they count at this stage) but stay out of its score.
 */
export function principleStatus(states: RuleResult['state'][]): PrincipleStatus {
  const n = (s: RuleResult['state']): number => states.filter((x) => x === s).length;
  const [met, unmet, unknown, waived] = [n('met'), n('unmet'), n('unknown'), n('waived')];
  if (met + unmet + unknown + waived === 0) return 'not_yet_required';
  if (unmet > 0) return met === 0 && unknown === 0 ? 'missing' : 'partial';
  if (unknown > 0) return 'unknown';
  return waived > 0 ? 'waived' : 'covered';
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
    waived: principles.filter((p) => p.status === 'waived').length,
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
