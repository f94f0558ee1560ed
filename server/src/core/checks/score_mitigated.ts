// Every open item scoring likelihood × impact ≥ args.min_score has at least one mitigation.
import { field, isBlank, label, strings, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args) => {
  const min = Number(args.min_score ?? 12);
  const closed = new Set(strings(args.closed ?? ['closed']));
  for (const t of targets.filter((x) => x.exists && x.value)) {
    const score = Number(field(t.value, 'likelihood')) * Number(field(t.value, 'impact'));
    if (!(score >= min) || closed.has(String(field(t.value, 'status')))) continue;
    if (isBlank(field(t.value, 'mitigations'))) return { met: false, detail: `${label(t)} scores ${score} (≥ ${min}) and has no mitigation`, at: t.path };
  }
  return { met: true };
};

export const score_mitigated: CheckKind = { name: 'score_mitigated', evaluate };
