// Each item's args.field is no greater than its args.max_field (a score within its scale).
import { field, lastKey, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args) => {
  const name = String(args.field ?? 'score');
  const maxName = String(args.max_field ?? 'scale_max');
  for (const t of targets.filter((x) => x.exists && x.value)) {
    const value = field(t.value, name);
    const max = field(t.value, maxName);
    if (typeof value !== 'number' || typeof max !== 'number') return { met: false, detail: `"${lastKey(t)}" needs a numeric ${name} and ${maxName}`, at: t.path };
    if (value > max) return { met: false, detail: `${name} ${value} is above ${maxName} ${max}`, at: [...t.path, name] };
  }
  return { met: true };
};

export const at_most: CheckKind = {
  name: 'at_most',
  evaluate,
  satisfy(draft, args) {
    const name = String(args.field ?? 'score');
    const maxName = String(args.max_field ?? 'scale_max');
    for (const t of draft.reach(draft.rest)) {
      if (!t.value || typeof t.value !== 'object' || Array.isArray(t.value)) continue;
      const item = t.value as Record<string, unknown>;
      if (typeof item[maxName] !== 'number') item[maxName] = 5;
      if (typeof item[name] !== 'number' || (item[name] as number) > (item[maxName] as number)) item[name] = item[maxName];
    }
  },
};
