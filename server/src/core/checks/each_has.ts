// Every item (those matching args.where) states every one of args.fields. An empty list fails unless
// args.vacuous is true.
import { field, isBlank, label, list, strings, type Check } from './context';

export const each_has: Check = (targets, args) => {
  const fields = strings(args.fields);
  const where = (args.where ?? {}) as Record<string, unknown>;
  const items = targets.filter((t) => t.exists && t.value !== null && t.value !== undefined);
  if (items.length === 0) return args.vacuous ? { met: true } : { met: false, detail: 'no items recorded yet' };
  for (const t of items) {
    const matches = Object.entries(where).every(([k, v]) => strings(v).includes(String(field(t.value, k))));
    if (!matches) continue;
    const missing = fields.filter((f) => isBlank(field(t.value, f)));
    if (missing.length) return { met: false, detail: `${label(t)} has no ${list(missing.map((m) => `"${m}"`))}`, at: t.path };
  }
  return { met: true };
};
