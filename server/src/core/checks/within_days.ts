// Each selected date lies within args.days before the as-of date.
import { toDay } from '../dates';
import { days, lastKey, type Check } from './context';

export const within_days: Check = (targets, args, ctx) => {
  const limit = Number(args.days);
  if (targets.length === 0) return { met: false, detail: 'no date recorded yet' };
  for (const t of targets) {
    const day = toDay(t.value);
    if (day === undefined) return { met: false, detail: `"${lastKey(t)}" has no date`, at: t.path };
    const age = ctx.asOf - day;
    if (age > limit) return { met: false, detail: `"${lastKey(t)}" ${String(t.value)} is ${days(age)} old, more than ${limit}`, at: t.path };
  }
  return { met: true };
};
