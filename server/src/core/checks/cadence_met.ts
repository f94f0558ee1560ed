// The last occurrence is no older than its cadence allows (times args.factor). args: cadence (the field
// holding the cadence), date (the field holding the last occurrence), factor.
import { cadenceDays, toDay } from '../dates';
import { days, field, label, type Check } from './context';

export const cadence_met: Check = (targets, args, ctx) => {
  const cadenceField = String(args.cadence ?? 'cadence');
  const dateField = String(args.date ?? 'last_held');
  const factor = Number(args.factor ?? 1);
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
