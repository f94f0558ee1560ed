// Each selected id has a record in args.in (matched on args.key) dated within args.days: every member of a
// governance body has a recent competence assessment.
import { toDay } from '../dates';
import { field, list, strings, type Check, type CheckKind } from './context';
import type { Path } from '../types';

const evaluate: Check = (targets, args, ctx) => {
  const keyField = String(args.key ?? 'person');
  const dateField = String(args.date ?? 'assessed_on');
  const days = Number(args.days ?? 365);
  const latest = new Map<string, { day: number; path: Path }>();
  for (const r of ctx.select(`${String(args.in)}[*]`)) {
    const key = field(r.value, keyField);
    const day = toDay(field(r.value, dateField));
    if (typeof key !== 'string' || day === undefined) continue;
    const seen = latest.get(key);
    if (!seen || day > seen.day) latest.set(key, { day, path: [...r.path, dateField] });
  }
  const ids = [...new Set(targets.flatMap((t) => strings(t.value)))];
  if (ids.length === 0) return { met: false, detail: 'nobody to check yet' };
  const lacking = ids.filter((id) => {
    const record = latest.get(id);
    return record === undefined || ctx.asOf - record.day > days;
  });
  if (lacking.length === 0) return { met: true };
  // Point at the stale record when there is one, else at the first mention of the id that has none.
  const first = lacking[0];
  const at = latest.get(first)?.path ?? targets.find((t) => strings(t.value).includes(first))?.path;
  return { met: false, detail: `no record within ${days} days for ${list(lacking.map((id) => `"${id}"`))}`, at };
};

export const each_recorded_within: CheckKind = { name: 'each_recorded_within', evaluate };
