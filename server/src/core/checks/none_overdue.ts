// No item that is still open is past its args.date (default due). args.done lists the finished statuses.
import { toDay } from '../dates';
import { field, itemTitle, label, list, strings, type Args, type Check, type CheckKind, type Target } from './context';

/** Statuses that finish an item, unless args.done lists others. */
const DONE = ['done', 'closed', 'completed', 'cancelled'];

function fieldsOf(args: Args): { dateField: string; done: Set<string> } {
  return { dateField: String(args.date ?? 'due'), done: new Set(strings(args.done ?? DONE)) };
}

/** The items still open that have a date, with their day. */
function open(targets: Target[], args: Args): { t: Target; day: number }[] {
  const { dateField, done } = fieldsOf(args);
  return targets.flatMap((t) => {
    const day = toDay(field(t.value, dateField));
    return day === undefined || done.has(String(field(t.value, 'status'))) ? [] : [{ t, day }];
  });
}

const evaluate: Check = (targets, args, ctx) => {
  const { dateField } = fieldsOf(args);
  const overdue = open(targets, args).filter(({ day }) => day < ctx.asOf).map(({ t }) => t);
  if (overdue.length === 0) return { met: true };
  return { met: false, detail: `${list(overdue.map(label))} ${overdue.length === 1 ? 'is' : 'are'} past due and still open`, at: [...overdue[0].path, dateField] };
};

export const none_overdue: CheckKind = {
  name: 'none_overdue',
  evaluate,
  dates(targets, args, ruleTitle) {
    const { dateField } = fieldsOf(args);
    return open(targets, args).map(({ t, day }) => {
      const status = field(t.value, 'status');
      return { kind: 'item' as const, day, label: itemTitle(t) ?? ruleTitle, detail: `${ruleTitle}${typeof status === 'string' ? `, ${status}` : ''}`, path: [...t.path, dateField] };
    });
  },
};
