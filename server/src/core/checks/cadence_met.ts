// The last occurrence is no older than its cadence allows (times args.factor). args: cadence (the field
// holding the cadence), date (the field holding the last occurrence), factor.
import { cadenceDays, toDay } from '../dates';
import { days, field, isBlank, itemTitle, label, type Args, type Check, type CheckDate, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const { cadenceField, dateField, factor } = fieldsOf(args);
  const present = targets.filter((t) => t.exists && t.value && typeof t.value === 'object');
  if (present.length === 0) return { met: false, detail: 'nothing recorded yet' };
  for (const t of present) {
    const who = present.length > 1 || typeof t.path[t.path.length - 1] === 'number' ? `${label(t)}: ` : '';
    const cadence = field(t.value, cadenceField);
    if (typeof cadence !== 'string') return { met: false, detail: `${who}no "${cadenceField}" stated`, at: t.path };
    const day = toDay(field(t.value, dateField));
    if (day === undefined) return { met: false, detail: `${who}no "${dateField}" date recorded`, at: t.path };
    const allowed = cadenceDays[cadence];
    if (allowed === undefined) continue; // ad hoc: any recorded occurrence will do
    const age = ctx.asOf - day;
    if (age > allowed * factor) {
      const overdue = age - allowed * factor;
      return { met: false, detail: `${who}${cadence} cadence missed: "${dateField}" is ${days(age)} old (${days(overdue)} overdue)`, at: [...t.path, dateField] };
    }
  }
  return { met: true };
};

function fieldsOf(args: Args): { cadenceField: string; dateField: string; factor: number } {
  return { cadenceField: String(args.cadence ?? 'cadence'), dateField: String(args.date ?? 'last_held'), factor: Number(args.factor ?? 1) || 1 };
}

/** When each occurrence is next due: its last date plus the cadence (times the factor). */
function dates(targets: Parameters<Check>[0], args: Args, ruleTitle: string): CheckDate[] {
  const { cadenceField, dateField, factor } = fieldsOf(args);
  const out: CheckDate[] = [];
  for (const t of targets) {
    const cadence = field(t.value, cadenceField);
    const last = field(t.value, dateField);
    const day = toDay(last);
    const allowed = typeof cadence === 'string' ? cadenceDays[cadence] : undefined;
    if (day === undefined || allowed === undefined) continue;
    const item = itemTitle(t);
    out.push({
      kind: 'cadence',
      day: day + allowed * factor,
      label: item ?? ruleTitle,
      detail: `${item ? `${ruleTitle}: ` : ''}${dateField} ${String(last)}, ${String(cadence)}${factor > 1 ? ` (stale after ${factor}×)` : ''}`,
      path: [...t.path, dateField],
    });
  }
  return out;
}

export const cadence_met: CheckKind = {
  name: 'cadence_met',
  evaluate,
  satisfy(draft, args) {
    const { cadenceField, dateField } = fieldsOf(args);
    for (const t of draft.reach(draft.rest)) {
      if (!t.value || typeof t.value !== 'object' || Array.isArray(t.value)) continue;
      const item = t.value as Record<string, unknown>;
      for (const f of [cadenceField, dateField]) if (isBlank(item[f])) item[f] = draft.placeholder([...t.path, f]);
    }
  },
  fieldsRead(spec) {
    const { cadenceField, dateField } = fieldsOf(spec.args);
    return { segments: spec.segments, fields: [cadenceField, dateField], where: {} };
  },
  dates,
};
