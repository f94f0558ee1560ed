// Each item's score is no greater than its args.max_field (a score within its scale). args.field names the
// score (default score), or a list of fields of which at least one is recorded; a field holding a map (each
// party's score keyed by party) has every number in it compared.
import { field, lastKey, list, strings, type Check, type CheckKind } from './context';

function fieldsOf(args: Record<string, unknown>): { names: string[]; maxName: string } {
  const names = strings(args.field ?? 'score');
  return { names: names.length ? names : ['score'], maxName: String(args.max_field ?? 'scale_max') };
}

/** The numbers a field holds, each with the key that names it (the field, or the field and a map key). */
function numbersIn(value: unknown, name: string): { key: (string | number)[]; n: unknown }[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).map(([k, n]) => ({ key: [name, k], n }));
  return [{ key: [name], n: value }];
}

const evaluate: Check = (targets, args) => {
  const { names, maxName } = fieldsOf(args);
  for (const t of targets.filter((x) => x.exists && x.value)) {
    const max = field(t.value, maxName);
    const recorded = names.flatMap((name) => numbersIn(field(t.value, name), name) ?? []);
    const wanted = list(names.map((n) => `"${n}"`));
    if (typeof max !== 'number' || recorded.length === 0) return { met: false, detail: `"${lastKey(t)}" needs a numeric ${names.length > 1 ? `${wanted} (one of them)` : names[0]} and ${maxName}`, at: t.path };
    for (const { key, n } of recorded) {
      if (typeof n !== 'number') return { met: false, detail: `${key.join(' ')} is not a number`, at: [...t.path, ...key] };
      if (n > max) return { met: false, detail: `${key.join(' ')} ${n} is above ${maxName} ${max}`, at: [...t.path, ...key] };
    }
  }
  return { met: true };
};

export const at_most: CheckKind = {
  name: 'at_most',
  evaluate,
  satisfy(draft, args) {
    const { names, maxName } = fieldsOf(args);
    for (const t of draft.reach(draft.rest)) {
      if (!t.value || typeof t.value !== 'object' || Array.isArray(t.value)) continue;
      const item = t.value as Record<string, unknown>;
      if (typeof item[maxName] !== 'number') item[maxName] = 5;
      const max = item[maxName] as number;
      const present = names.filter((n) => item[n] !== undefined && item[n] !== null);
      if (present.length === 0) item[names[names.length - 1]] = max;
      for (const n of present) {
        const v = item[n];
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const scores = v as Record<string, unknown>;
          for (const k of Object.keys(scores)) if (typeof scores[k] !== 'number' || (scores[k] as number) > max) scores[k] = max;
        } else if (typeof v !== 'number' || v > max) item[n] = max;
      }
    }
  },
};
