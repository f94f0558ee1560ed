// The own organisation (the party metadata.maintained_by names) has an entry: the path selects the party field
// of a list's items ("ser[*].party"). args: person (a field of the same item naming a person, who must then be
// of the own party when the file says which party they belong to), noun (how the message names an entry).
// Without a valid maintained_by there is no "own" to look for: the rule is unknown, and RM5, which asks for
// maintained_by, is the finding that explains it.
import { field, shown, strings, valueAt, type CheckKind, type Check } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const own = ctx.own;
  if (own === undefined) return { met: false, unknown: true, detail: 'metadata.maintained_by does not name one of the parties' };
  const noun = String(args.noun ?? 'entry');
  const name = ctx.parties.find((p) => p.id === own)?.name ?? own;
  const mine = targets.filter((t) => t.exists && strings(t.value).includes(own));
  if (mine.length === 0) return { met: false, detail: `no ${noun} for the own organisation "${own}" (${name})` };
  if (typeof args.person !== 'string') return { met: true };
  const personField = args.person;
  let problem: { detail: string; at: (string | number)[] } | undefined;
  for (const t of mine) {
    const itemPath = t.path.slice(0, -1);
    const person = field(valueAt(ctx.data, itemPath), personField);
    const actual = typeof person === 'string' ? ctx.personParty.get(person) : undefined;
    if (typeof person !== 'string' || person.trim() === '') problem ??= { detail: `the ${noun} entry for "${own}" names no ${personField}`, at: itemPath };
    else if (actual !== undefined && actual !== own) problem ??= { detail: `${noun} ${shown(person)} belongs to party "${actual}", not the own organisation "${own}"`, at: [...itemPath, personField] };
    else return { met: true };
  }
  return { met: false, ...problem };
};

export const own_party: CheckKind = {
  name: 'own_party',
  evaluate,
  // A new item in the list (the fix's placeholder) is the own party's: its person then comes from that party too.
  satisfy(draft) {
    if (!draft.withinItem || draft.own === undefined || draft.rest.length !== 1) return;
    for (const node of draft.reach([])) {
      if (node.value && typeof node.value === 'object' && !Array.isArray(node.value)) (node.value as Record<string, unknown>)[draft.rest[0]] = draft.own;
    }
  },
  wants: (_args, ctx) => (ctx.own === undefined ? [] : [ctx.own]),
};
