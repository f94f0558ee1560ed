// Each item's args.field is one of its own args.list (a body's chair sits among its members).
import { field, label, strings, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args) => {
  const name = String(args.field ?? 'chair');
  const listName = String(args.list ?? 'members');
  for (const t of targets.filter((x) => x.exists && x.value)) {
    const value = field(t.value, name);
    if (typeof value !== 'string') return { met: false, detail: `${label(t)} has no ${name}`, at: t.path };
    if (!strings(field(t.value, listName)).includes(value)) return { met: false, detail: `${label(t)}'s ${name} "${value}" is not among its ${listName}`, at: [...t.path, name] };
  }
  return { met: true };
};

export const member_of: CheckKind = { name: 'member_of', evaluate };
