// No item that is still open is past its args.date (default due). args.done lists the finished statuses.
import { toDay } from '../dates';
import { field, label, list, strings, type Check } from './context';

export const none_overdue: Check = (targets, args, ctx) => {
  const dateField = String(args.date ?? 'due');
  const done = new Set(strings(args.done ?? ['done', 'closed', 'completed', 'cancelled', 'realised', 'met']));
  const overdue = targets.filter((t) => {
    const day = toDay(field(t.value, dateField));
    return day !== undefined && day < ctx.asOf && !done.has(String(field(t.value, 'status')));
  });
  if (overdue.length === 0) return { met: true };
  return { met: false, detail: `${list(overdue.map(label))} ${overdue.length === 1 ? 'is' : 'are'} past due and still open`, at: [...overdue[0].path, dateField] };
};
