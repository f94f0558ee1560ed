// A date still ahead of (or on) the as-of date: a review that is due, not overdue.
import { toDay } from '../dates';
import { days, lastKey, type Check } from './context';

export const not_past: Check = (targets, _args, ctx) => {
  const t = targets[0];
  const day = toDay(t?.value);
  if (!t || day === undefined) return { met: false, detail: t ? `"${lastKey(t)}" has no date` : 'no date recorded' };
  if (day < ctx.asOf) return { met: false, detail: `"${lastKey(t)}" ${String(t.value)} has passed (${days(ctx.asOf - day)} ago)`, at: t.path };
  return { met: true };
};
