// The value equals args.field of the last item of the list at args.list (the stage history ends where
// the relationship says it is).
import { field, lastKey, type Check } from './context';

export const matches_last: Check = (targets, args, ctx) => {
  const t = targets[0];
  const items = ctx.select(String(args.list))[0]?.value;
  if (!Array.isArray(items) || items.length === 0) return { met: false, detail: `"${String(args.list).split('.').pop()}" is empty` };
  const last = field(items[items.length - 1], String(args.field));
  if (!t || t.value !== last) {
    return { met: false, detail: `"${t ? lastKey(t) : 'value'}" is "${String(t?.value)}" but the last ${String(args.list).split('.').pop()} entry says "${String(last)}"`, at: t?.path };
  }
  return { met: true };
};
