// Each item links (args.field) to items of args.via owned by at least args.min different parties: a joint
// objective supports the objectives of more than one party.
import { field, label, strings, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const min = Number(args.min ?? 2);
  const owner = new Map<string, string>();
  for (const t of ctx.select(`${String(args.via)}[*]`)) {
    const id = field(t.value, 'id');
    const party = field(t.value, 'party');
    if (typeof id === 'string' && typeof party === 'string') owner.set(id, party);
  }
  const items = targets.filter((t) => t.exists && t.value);
  if (items.length === 0) return { met: false, detail: 'no items recorded yet' };
  for (const t of items) {
    const parties = new Set(strings(field(t.value, String(args.field))).map((id) => owner.get(id)).filter(Boolean));
    if (parties.size < min) return { met: false, detail: `${label(t)} supports objectives of ${parties.size} part${parties.size === 1 ? 'y' : 'ies'}, at least ${min} needed`, at: t.path };
  }
  return { met: true };
};

export const min_parties: CheckKind = { name: 'min_parties', evaluate };
