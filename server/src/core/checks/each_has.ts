// Every item (those matching args.where) states every one of args.fields. An empty list fails unless
// args.vacuous is true.
import { field, isBlank, label, lastKey, list, strings, type Check, type CheckKind, type Target } from './context';

const evaluate: Check = (targets, args) => {
  const fields = strings(args.fields);
  const where = (args.where ?? {}) as Record<string, unknown>;
  const items = targets.filter((t) => t.exists && t.value !== null && t.value !== undefined);
  if (items.length === 0) return args.vacuous ? { met: true } : { met: false, detail: absent(targets) };
  for (const t of items) {
    if (!matches(t.value, where)) continue;
    const missing = fields.filter((f) => isBlank(field(t.value, f)));
    if (missing.length) return { met: false, detail: `${label(t)} has no ${list(missing.map((m) => `"${m}"`))}`, at: t.path };
  }
  return { met: true };
};

/** A single map the path names ("business_case") is missing; a list has no items yet. */
function absent(targets: Target[]): string {
  const only = targets.length === 1 ? targets[0] : undefined;
  if (only && typeof only.path[only.path.length - 1] === 'string') return `"${lastKey(only)}" is ${only.exists ? 'empty' : 'missing'}`;
  return 'no items recorded yet';
}

function matches(item: unknown, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([k, v]) => strings(v).includes(String(field(item, k))));
}

export const each_has: CheckKind = {
  name: 'each_has',
  evaluate,
  satisfy(draft, args) {
    const where = (args.where ?? {}) as Record<string, unknown>;
    for (const t of draft.reach(draft.rest)) {
      if (!t.value || typeof t.value !== 'object' || Array.isArray(t.value) || !matches(t.value, where)) continue;
      const item = t.value as Record<string, unknown>;
      for (const f of strings(args.fields)) if (isBlank(item[f])) item[f] = draft.placeholder([...t.path, f]);
    }
  },
  fieldsRead: (spec) => ({ segments: spec.segments, fields: strings(spec.args.fields), where: (spec.args.where ?? {}) as Record<string, unknown> }),
};
