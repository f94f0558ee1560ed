// A list of at least args.min items whose args.field strictly rises (escalation levels 1, 2, 3).
import { field, lastKey, shown, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args) => {
  const min = Number(args.min ?? 2);
  const name = String(args.field ?? 'level');
  const t = targets[0];
  const items = Array.isArray(t?.value) ? t.value : [];
  if (items.length < min) return { met: false, detail: `"${t ? lastKey(t) : 'list'}" has ${items.length} level${items.length === 1 ? '' : 's'}, at least ${min} needed`, at: t?.exists ? t.path : undefined };
  for (let i = 1; i < items.length; i++) {
    const a = Number(field(items[i - 1], name));
    const b = Number(field(items[i], name));
    if (!(b > a)) return { met: false, detail: `item ${i + 1}'s ${name} (${shown(field(items[i], name))}) does not rise above the one before`, at: [...t!.path, i] };
  }
  return { met: true };
};

export const ascending: CheckKind = {
  name: 'ascending',
  evaluate,
  satisfy(draft, args) {
    const min = Number(args.min ?? 2);
    const key = String(args.field ?? 'level');
    for (const t of draft.reach(draft.rest)) {
      const items = t.value;
      if (!Array.isArray(items)) continue;
      while (items.length < min && items.length > 0) {
        const last: unknown = items[items.length - 1];
        const next = draft.clone(last, items);
        items.push(next && typeof next === 'object' && !Array.isArray(next) ? { ...next, [key]: Number(field(last, key) ?? items.length) + 1 } : next);
      }
    }
  },
};
