// A list with at least args.min items.
import { lastKey, type Check } from './context';

export const min_items: Check = (targets, args) => {
  const min = Number(args.min ?? 1);
  const t = targets[0];
  const n = Array.isArray(t?.value) ? t.value.length : 0;
  if (n >= min) return { met: true };
  return { met: false, detail: `"${t ? lastKey(t) : 'list'}" has ${n} item${n === 1 ? '' : 's'}, at least ${min} needed`, at: t?.exists ? t.path : undefined };
};
