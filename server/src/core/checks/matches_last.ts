// The value equals args.field of the last item of the list at args.list (the stage history ends where
// the relationship says it is).
import { parsePath } from '../catalog';
import { field, lastKey, shown, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const t = targets[0];
  const items = ctx.select(String(args.list))[0]?.value;
  const name = parsePath(String(args.list)).at(-1) ?? 'list';
  if (!Array.isArray(items) || items.length === 0) return { met: false, detail: `"${name}" is empty` };
  const last = field(items[items.length - 1], String(args.field));
  if (!t || t.value !== last) {
    const says = last === undefined || last === null ? `has no ${String(args.field)}` : `says ${shown(last)}`;
    return { met: false, detail: `"${t ? lastKey(t) : 'value'}" is ${shown(t?.value)} but the last ${name} entry ${says}`, at: t?.path };
  }
  return { met: true };
};

export const matches_last: CheckKind = {
  name: 'matches_last',
  evaluate,
  appendsTo: (args) => (typeof args.list === 'string' ? args.list : undefined),
};
