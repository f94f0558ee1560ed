// Reference integrity from the schema's x-ref annotations: unresolved references and duplicate ids.
import { nearest } from './suggest';
import type { Finding, IdReference, Model, Range } from './types';

const nouns: Record<string, string> = {
  parties: 'party',
  people: 'person',
  'principles.business_objectives.party_objectives': 'party objective',
  'principles.business_objectives.joint_objectives': 'joint objective',
  'principles.measurement_and_optimization.kpis': 'KPI',
  'principles.measurement_and_optimization.improvement_actions': 'improvement action',
  'principles.governance_and_processes.bodies': 'governance body',
  'principles.governance_and_processes.processes': 'process',
  'principles.exit_strategy.triggers': 'exit trigger',
  'principles.risk_management.register': 'risk',
  'principles.value_creation.register': 'value register item',
  'principles.vision_and_values.values': 'value',
  'principles.trust_and_mutual_benefit.commitments': 'commitment',
};

/** "person", "KPI": what an item of a collection is called. */
export function noun(collection: string): string {
  return nouns[collection] ?? collection.split('.').pop() ?? collection;
}

export function refFindings(model: Model): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, (typeof model.definitions)[number]>();
  for (const d of model.definitions) {
    const key = `${d.collection}\u0000${d.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    findings.push({
      code: 'ref.duplicate-id',
      severity: 'error',
      message: `the ${noun(d.collection)} id "${d.id}" is already used: ids must be unique in ${d.collection}; rename this one`,
      range: d.range,
      related: [{ range: first.range, message: `"${d.id}" is first defined here` }],
    });
  }
  const lists = listsOf(model.references);
  for (const r of model.references) {
    const defined = model.ids.get(r.collection);
    if (defined?.has(r.id)) continue;
    const ids = [...(defined?.keys() ?? [])];
    const candidates = [...ids, ...(r.allow ?? [])];
    // An id the same list already names is no fix: changing to it trades this error for a duplicate item.
    const list = lists.get(listKey(r));
    const held = new Set(list?.map((x) => x.id) ?? []);
    const suggestion = nearest(r.id, candidates.filter((c) => !held.has(c)));
    const taken = suggestion === undefined ? nearest(r.id, candidates.filter((c) => held.has(c))) : undefined;
    const known = suggestion ? `did you mean "${suggestion}"?`
      : taken ? `the nearest, "${taken}", is already in this list: remove this one or name another`
      : ids.length === 0 ? `no ${noun(r.collection)} is defined yet: add one under ${r.collection}`
      : `known ids: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}`;
    const f: Finding = {
      code: 'ref.unresolved',
      severity: 'error',
      message: `"${r.id}" is not a known ${noun(r.collection)} id; ${known}`,
      range: r.range,
    };
    if (suggestion) f.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: r.range, newText: suggestion }], preferred: true }];
    else if (taken && list) {
      const range = removalRange(r, list);
      if (range) f.fixes = [{ title: `Remove "${r.id}" from the list`, edits: [{ range, newText: '' }], preferred: true }];
    }
    findings.push(f);
  }
  return findings;
}

/** The list a reference is an item of ("members" of one body), or undefined for a single field or a map key. */
function listKey(r: IdReference): string | undefined {
  const last = r.path[r.path.length - 1];
  return typeof last === 'number' && !r.isKey ? `${r.collection}\u0000${JSON.stringify(r.path.slice(0, -1))}` : undefined;
}

/** The references of each list, by list, in item order. */
function listsOf(references: IdReference[]): Map<string | undefined, IdReference[]> {
  const out = new Map<string | undefined, IdReference[]>();
  for (const r of references) {
    const key = listKey(r);
    if (key === undefined) continue;
    const items = out.get(key) ?? [];
    items.push(r);
    out.set(key, items);
  }
  for (const items of out.values()) items.sort((a, b) => Number(a.path.at(-1)) - Number(b.path.at(-1)));
  return out;
}

/**
 * The text that removing one item takes with it: up to the next item (`a, ` of `[a, b]`, or the line break and
 * dash before the next block item), or from the end of the previous one when it is the last.
 */
function removalRange(r: IdReference, list: IdReference[]): Range | undefined {
  const at = list.indexOf(r);
  const next = list[at + 1];
  const prev = list[at - 1];
  if (next) return { start: r.range.start, end: next.range.start };
  if (prev) return { start: prev.range.end, end: r.range.end };
  return undefined;
}
