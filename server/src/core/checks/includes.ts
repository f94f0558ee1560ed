// The selected values (all items together) include every one of args.values.
import { list, strings, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args) => {
  const have = new Set(targets.flatMap((t) => strings(t.value)));
  const want = strings(args.values);
  const missing = want.filter((v) => !have.has(v));
  return missing.length ? { met: false, detail: `nothing of kind ${list(missing.map((m) => `"${m}"`))} recorded` } : { met: true };
};

export const includes: CheckKind = {
  name: 'includes',
  evaluate,
  // A list must hold an item of each wanted kind: "list[*].field" gets one item per missing value,
  // "list[*].values[*]" gets the values added to its first item.
  satisfy(draft, args) {
    const star = draft.rest.indexOf('*');
    if (star < 0 || draft.withinItem) return;
    const items = draft.listAt(draft.rest.slice(0, star));
    const after = draft.rest.slice(star + 1);
    if (!items) return;
    const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
    for (const wanted of strings(args.values)) {
      if (after.length === 1) {
        if (items.some((item) => isMap(item) && item[after[0]] === wanted)) continue;
        const template = items.find(isMap);
        items.push(template ? { ...draft.clone(template, items), [after[0]]: wanted } : { [after[0]]: wanted });
      } else if (after.length === 2 && after[1] === '*') {
        const first = items.find(isMap);
        if (!first) continue;
        const inner = Array.isArray(first[after[0]]) ? (first[after[0]] as unknown[]) : [];
        if (!inner.includes(wanted)) inner.push(wanted);
        first[after[0]] = inner;
      }
    }
  },
  wants: (args) => strings(args.values),
};
