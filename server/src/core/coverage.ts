// Rule states → principle scores and statuses → the file's coverage.
import type { Catalog } from './catalog';
import type { Coverage, PrincipleCoverage, PrincipleStatus, Range, RuleResult, Stage } from './types';

export function computeCoverage(catalog: Catalog, results: RuleResult[], stage: Stage, asOf: string, principleRange: (id: string) => Range | undefined): Coverage {
  const principles: PrincipleCoverage[] = catalog.principles.map((p) => {
    const rules = results.filter((r) => r.principle === p.id);
    const met = rules.filter((r) => r.state === 'met').length;
    const counted = met + rules.filter((r) => r.state === 'unmet').length;
    const waived = rules.filter((r) => r.state === 'waived').length;
    let status: PrincipleStatus;
    if (counted === 0) status = waived > 0 ? 'covered' : 'not_yet_required';
    else if (met === counted) status = 'covered';
    else if (met === 0) status = 'missing';
    else status = 'partial';
    return { id: p.id, clause: p.clause, title: p.title, summary: p.summary, status, score: counted ? met / counted : 0, met, counted, rules, range: principleRange(p.id) };
  });
  const required = principles.filter((p) => p.status !== 'not_yet_required').length;
  return {
    covered: principles.filter((p) => p.status === 'covered').length,
    required,
    total: principles.length,
    notYetRequired: principles.length - required,
    stage,
    asOf,
    principles,
  };
}
