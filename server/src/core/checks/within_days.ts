// Each selected date lies within args.days before the as-of date.
import { toDay } from '../dates';
import { days, lastKey, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
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

export const within_days: CheckKind = {
  name: 'within_days',
  evaluate,
  // Good until the day the evidence grows too old.
  dates(targets, args, ruleTitle) {
    const limit = Number(args.days);
    if (!Number.isFinite(limit)) return [];
    return targets.flatMap((t) => {
      const day = toDay(t.value);
      return day === undefined ? [] : [{ kind: 'recency' as const, day: day + limit, label: ruleTitle, detail: `${lastKey(t, 'date')} ${String(t.value)}, good for ${limit} days`, path: t.path }];
    });
  },
};
