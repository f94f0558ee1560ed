// Each selected id has a record in args.in (matched on args.key) dated within args.days: every member of a
// governance body has a recent competence assessment.
import { toDay } from '../dates';
import { field, list, strings, type Check } from './context';

export const each_recorded_within: Check = (targets, args, ctx) => {
  const keyField = String(args.key ?? 'person');
  const dateField = String(args.date ?? 'assessed_on');
  const days = Number(args.days ?? 365);
  const latest = new Map<string, number>();
  for (const r of ctx.select(`${String(args.in)}[*]`)) {
    const key = field(r.value, keyField);
    const day = toDay(field(r.value, dateField));
    if (typeof key === 'string' && day !== undefined) latest.set(key, Math.max(latest.get(key) ?? -Infinity, day));
  }
  const ids = [...new Set(targets.flatMap((t) => strings(t.value)))];
  if (ids.length === 0) return { met: false, detail: 'nobody to check yet' };
  const lacking = ids.filter((id) => {
    const day = latest.get(id);
    return day === undefined || ctx.asOf - day > days;
  });
  return lacking.length ? { met: false, detail: `no record within ${days} days for ${list(lacking.map((id) => `"${id}"`))}` } : { met: true };
};
