// Every KPI with a threshold states which way it improves (direction), and its latest value is not past the
// threshold the wrong way. A KPI without a threshold, or without a latest value yet, has nothing to judge (MO2
// asks for the value). An empty list is met: another rule asks for KPIs.
import { breachOf, directionOf, thresholdOf } from '../kpi-breach';
import { field, label, type Check, type CheckKind } from './context';

const evaluate: Check = (targets) => {
  for (const t of targets) {
    if (!t.exists || !t.value || typeof t.value !== 'object') continue;
    const threshold = thresholdOf(t.value);
    if (threshold === undefined) continue;
    if (directionOf(t.value) === undefined) {
      return { met: false, detail: `${label(t)} has a threshold (${threshold}) but no "direction", so which side of it is a breach is unknown`, at: t.path };
    }
    const breach = breachOf(t.value);
    if (breach) return { met: false, detail: `${label(t)} ${breach.words}`, at: [...t.path, 'latest'] };
  }
  return { met: true };
};

export const threshold_side: CheckKind = {
  name: 'threshold_side',
  evaluate,
  // A placeholder KPI with a threshold gets a direction, and a latest value on the right side of it.
  satisfy(draft) {
    for (const t of draft.reach(draft.rest)) {
      if (!t.value || typeof t.value !== 'object' || Array.isArray(t.value)) continue;
      const kpi = t.value as Record<string, unknown>;
      const threshold = thresholdOf(kpi);
      if (threshold === undefined) continue;
      if (directionOf(kpi) === undefined) kpi.direction = typeof field(kpi, 'target') === 'number' && (kpi.target as number) < threshold ? 'lower_is_better' : 'higher_is_better';
      if (breachOf(kpi)) kpi.latest = threshold;
    }
  },
  // A quick fix for a KPI without a direction adds one; a breach needs a decision, not a placeholder.
  fieldsRead: (spec) => ({ segments: spec.segments, fields: ['direction'], where: {} }),
};
