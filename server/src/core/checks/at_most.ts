// Each item's args.field is no greater than its args.max_field (a score within its scale).
import { field, lastKey, type Check } from './context';

export const at_most: Check = (targets, args) => {
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
