// A date still ahead of (or on) the as-of date: a review that is due, not overdue.
import { toDay } from '../dates';
import { days, lastKey, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, _args, ctx) => {
  const t = targets[0];
  const day = toDay(t?.value);
  if (!t || day === undefined) return { met: false, detail: t ? `"${lastKey(t)}" has no date` : 'no date recorded' };
  if (day < ctx.asOf) return { met: false, detail: `"${lastKey(t)}" ${String(t.value)} has passed (${days(ctx.asOf - day)} ago)`, at: t.path };
  return { met: true };
};

export const not_past: CheckKind = {
  name: 'not_past',
  evaluate,
  dates: (targets, _args, ruleTitle) => targets.flatMap((t) => {
    const day = toDay(t.value);
    return day === undefined ? [] : [{ kind: 'due' as const, day, label: lastKey(t, 'date').replace(/_/g, ' '), detail: ruleTitle, path: t.path }];
  }),
};
