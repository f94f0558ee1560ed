// Each selected value is an id of args.collection (an owner is a person, not a party).
import { lastKey, strings, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const collection = String(args.collection);
  const ids = new Set(ctx.select(`${collection}[*].id`).flatMap((t) => strings(t.value)));
  for (const t of targets) {
    for (const v of strings(t.value)) {
      if (!ids.has(v)) return { met: false, detail: `"${lastKey(t)}" is "${v}", which is not one of ${collection}`, at: t.path };
    }
  }
  return { met: true };
};

export const ref_kind: CheckKind = { name: 'ref_kind', evaluate };
