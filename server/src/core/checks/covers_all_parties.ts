// Every party is represented. args: field (per item, else the value itself), via: people (ids are people,
// counted by their party), keys (a map keyed by party), mode: union | some | each, person (that item's
// person must belong to its party), noun (how the message names an entry), vacuous (an empty list is met:
// another rule already asks for the list itself), shared (a value that stands for every party at once: a risk
// owned `joint`).
import { field, label, list, shown, strings, valueAt, type Args, type Check, type CheckKind, type CheckContext, type Target } from './context';

function partiesOf(t: Target, args: Args, ctx: CheckContext): Set<string> {
  const raw = args.keys ? Object.keys((t.value as object) ?? {}) : strings(args.field ? field(t.value, String(args.field)) : t.value);
  return new Set(args.via === 'people' ? raw.map((id) => ctx.personParty.get(id) ?? '') : raw);
}

function missingIn(covered: Set<string>, ctx: CheckContext): string[] {
  return ctx.parties.filter((p) => !covered.has(p.id)).map((p) => `"${p.id}" (${p.name})`);
}

const evaluate: Check = (targets, args, ctx) => {
  const noun = String(args.noun ?? 'entry');
  const present = targets.filter((t) => t.exists && t.value !== null && t.value !== undefined);
  if (ctx.parties.length === 0) return { met: false, detail: 'no parties are defined' };
  if (targets.length === 0 && args.vacuous) return { met: true };
  if (present.length === 0) return { met: false, detail: `no ${noun} recorded yet` };
  if (typeof args.shared === 'string' && present.some((t) => strings(args.field ? field(t.value, String(args.field)) : t.value).includes(String(args.shared)))) return { met: true };
  if (args.person) {
    for (const t of present) {
      const party = field(t.value, String(args.field ?? 'party'));
      const person = field(t.value, String(args.person));
      const actual = ctx.personParty.get(String(person));
      if (typeof person === 'string' && actual !== undefined && actual !== party) {
        const named = party === undefined || party === null ? 'but the entry names no party' : `not ${shown(party)}`;
        return { met: false, detail: `${noun} "${person}" belongs to party "${actual}", ${named}`, at: [...t.path, String(args.person)] };
      }
    }
  }
  const mode = String(args.mode ?? 'union');
  if (mode === 'each') {
    const absent = targets.find((t) => t.value === null || t.value === undefined);
    if (absent) {
      const item = absent.path.slice(0, -1);
      return { met: false, detail: `${label({ value: valueAt(ctx.data, item), path: item, exists: true })} has no ${String(absent.path[absent.path.length - 1])}`, at: item };
    }
    for (const t of present) {
      const missing = missingIn(partiesOf(t, args, ctx), ctx);
      if (missing.length) return { met: false, detail: `${label(t)} has no ${noun} for ${list(missing)}`, at: t.path };
    }
    return { met: true };
  }
  if (mode === 'some') {
    let best: { missing: string[]; t: Target } | undefined;
    for (const t of present) {
      const missing = missingIn(partiesOf(t, args, ctx), ctx);
      if (missing.length === 0) return { met: true };
      if (!best || missing.length < best.missing.length) best = { missing, t };
    }
    return { met: false, detail: `no single one covers every party (the closest, ${label(best!.t)}, has no ${noun} for ${list(best!.missing)})` };
  }
  const covered = new Set<string>();
  for (const t of present) for (const p of partiesOf(t, args, ctx)) covered.add(p);
  const missing = missingIn(covered, ctx);
  return missing.length ? { met: false, detail: `no ${noun} for ${list(missing)}` } : { met: true };
};

export const covers_all_parties: CheckKind = {
  name: 'covers_all_parties',
  evaluate,
  // With a shared value, one item holding it covers every party at once: the fix adds that item.
  wants: (args) => (typeof args.shared === 'string' ? [args.shared] : []),
};
