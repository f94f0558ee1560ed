// PURE. Placeholder values for what is missing: built from the schema's defaultSnippets (the single source of
// structure), then made valid for this document. References point at ids the document defines (one person
// per party where a rule wants every party), dates are the as-of date, lists a rule wants per party get one
// item per party. The quick fixes insert them; the aim is that the finding goes away and no error appears.
import { loadCatalog, type CheckSpec, type RuleSpec } from './catalog';
import { checks } from './checks/index';
import { field, type Draft, type DraftNode } from './checks/context';
import { fromDay, pastDateKeys, toDay } from './dates';
import { ownParty, partyPeople } from './evidence';
import { expandSnippet } from './scaffold';
import { childSchema, deref, isDateSchema, schemaAt, type JsonSchema } from './schema';
import { STAGES, type Analysis, type Path, type Stage } from './types';

export interface Fill {
  asOf: string;
  /** A date after the as-of date, for things due or planned. */
  later: string;
  stage: Stage;
  parties: string[];
  /** party id → its people, in document order. */
  people: Map<string, string[]>;
  allPeople: string[];
  /** collection → ids the document defines. */
  ids: (collection: string) => string[];
  /** The party metadata.maintained_by names, when it is one. */
  own?: string;
}

export function fillFor(analysis: Analysis): Fill {
  const data = (analysis.data ?? {}) as Record<string, unknown>;
  const asOf = analysis.coverage.asOf;
  const { people, allPeople } = partyPeople(data);
  return {
    asOf,
    later: fromDay((toDay(asOf) ?? 0) + 90),
    stage: analysis.info.stage,
    parties: idsOf(data.parties),
    people,
    allPeople,
    ids: (collection) => [...(analysis.model.ids.get(collection)?.keys() ?? [])],
    own: ownParty(data, idsOf(data.parties).map((id) => ({ id }))),
  };
}

/** A placeholder for what the schema expects at `path`, with references and dates made valid. */
export function placeholder(path: Path, fill: Fill, rules: RuleSpec[] = []): unknown {
  const value = shape(schemaAt(path), path, fill);
  for (const rule of rules) for (const spec of rule.checks) satisfy(value, path, spec, fill);
  const shaped = expandPerParty(value, path, fill);
  return resolve(shaped, path, fill, definedIds(shaped, path));
}

// ---- 1. shape: the structure, from snippets ------------------------------------------------------------

function example(s: JsonSchema): string | undefined {
  const m = /Example: `?([^`\s][^`]*?)`?\.?$/.exec(s.description ?? '');
  return m?.[1];
}

function shape(schema: JsonSchema | undefined, path: Path, fill: Fill, depth = 0): unknown {
  const s = deref(schema) ?? {};
  if (depth > 12) return null;
  const snippet = s.defaultSnippets?.[0];
  if (snippet) return expandSnippet(snippet.body);
  if (s.const !== undefined) return s.const;
  const ex = example(s);
  if (Array.isArray(s.enum) && s.enum.length) return s.default ?? (s.enum.includes(ex) ? ex : s.enum[0]);
  if (isDateSchema(s)) return fill.asOf;
  if (typeof deref(s.propertyNames)?.['x-ref'] === 'string') return shares(fill.parties);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = shape(childSchema(s, key), [...path, key], fill, depth + 1);
      return out;
    }
    case 'array':
      return [shape(s.items, [...path, 0], fill, depth + 1)];
    case 'integer': case 'number': {
      const n = Number(ex);
      if (ex !== undefined && Number.isFinite(n) && (type === 'number' || Number.isInteger(n))) return n;
      return typeof s.minimum === 'number' ? s.minimum : 1;
    }
    case 'boolean':
      return false;
    default: {
      return ex !== undefined && (!s.pattern || new RegExp(s.pattern, 'u').test(ex)) ? ex : 'TODO';
    }
  }
}

/** Equal shares for each party, adding up to exactly 1. */
function shares(parties: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const n = parties.length;
  parties.forEach((p, i) => {
    out[p] = i === n - 1 ? Math.round((1 - Math.floor(100 / n) / 100 * (n - 1)) * 100) / 100 : Math.floor(100 / n) / 100;
  });
  return out;
}

// ---- 2. satisfy: what the catalog's rules ask of the new value ------------------------------------------

/** The rules whose checks' paths go through `path`. */
export function rulesUnder(path: Path): RuleSpec[] {
  const prefix = path.map(String);
  return [...loadCatalog().rules.values()].map((r) => r.rule).filter((rule) => rule.checks.some((spec) => prefix.every((seg, i) => spec.segments[i] === seg)));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Adjusts `value` (standing at `path`) so the check can pass: its kind knows how (checks/<kind>.ts). Only
 * the part of the check's path inside `value` is touched.
 */
function satisfy(value: unknown, path: Path, spec: CheckSpec, fill: Fill): void {
  const kind = checks.get(spec.check);
  const { segments } = spec;
  const own = path.map(String);
  if (!kind?.satisfy || own.length > segments.length) return;
  if (!own.every((seg, i) => segments[i] === seg || (segments[i] === '*' && /^\d+$/.test(seg)))) return;
  const draft: Draft = {
    rest: segments.slice(own.length),
    withinItem: segments.slice(0, own.length).includes('*'),
    reach: (rest) => targets(value, path, rest, fill),
    listAt: (rest) => listAt(value, path, rest, [...own, ...rest], fill),
    placeholder: (at) => shape(schemaAt(at), at, fill),
    clone,
    own: fill.own,
  };
  kind.satisfy(draft, spec.args);
}

/** Every node the segments reach under `value`, creating missing keys with placeholders on the way. */
function targets(value: unknown, path: Path, rest: string[], fill: Fill): DraftNode[] {
  let current: DraftNode[] = [{ value, path }];
  for (const seg of rest) {
    const next: DraftNode[] = [];
    for (const c of current) {
      if (seg === '*') {
        if (Array.isArray(c.value)) c.value.forEach((item, i) => next.push({ value: item, path: [...c.path, i] }));
      } else if (isObj(c.value)) {
        if (c.value[seg] === undefined || c.value[seg] === null) c.value[seg] = shape(schemaAt([...c.path, seg]), [...c.path, seg], fill);
        next.push({ value: c.value[seg], path: [...c.path, seg] });
      }
    }
    current = next;
  }
  return current;
}

/** The list at `rest` under `value` (the value itself when rest is empty), created when missing. */
function listAt(value: unknown, path: Path, rest: string[], listPath: string[], fill: Fill): unknown[] | undefined {
  if (rest.length === 0) return Array.isArray(value) ? value : undefined;
  const holder = targets(value, path, rest.slice(0, -1), fill)[0];
  if (!holder || !isObj(holder.value)) return undefined;
  const key = rest[rest.length - 1];
  if (!Array.isArray(holder.value[key])) holder.value[key] = shape(schemaAt(listPath), listPath, fill);
  if (!Array.isArray(holder.value[key])) holder.value[key] = [];
  return holder.value[key] as unknown[];
}

/** A copy of a list item with a fresh id (R-001 → R-002) when it has one. */
function clone<T>(item: T, siblings: unknown[]): T {
  const copy = structuredClone(item);
  const obj: unknown = copy;
  if (isObj(obj) && typeof obj.id === 'string') {
    const taken = new Set(siblings.map((s) => field(s, 'id')));
    let id = obj.id;
    while (taken.has(id)) id = bump(id);
    obj.id = id;
  }
  return copy;
}

export function bump(id: string): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (!m) return `${id}-2`;
  const n = String(Number(m[2]) + 1).padStart(m[2].length, '0');
  return m[1] + n;
}

// ---- 3. resolve: references, dates and stages that hold in this document --------------------------------

const DROP = Symbol('drop');

/** Ids the new value itself defines, by collection (a joint objective may point at a party objective beside it). */
function definedIds(value: unknown, path: Path): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visitValue = (v: unknown, p: Path): void => {
    if (Array.isArray(v)) {
      const items = deref(schemaAt(p)?.items);
      if (items?.properties?.id) {
        const collection = p.filter((s) => typeof s === 'string').join('.');
        for (const item of v) {
          const id = field(item, 'id');
          if (typeof id === 'string') out.set(collection, (out.get(collection) ?? new Set()).add(id));
        }
      }
      v.forEach((item, i) => visitValue(item, [...p, i]));
    } else if (isObj(v)) {
      for (const [k, child] of Object.entries(v)) visitValue(child, [...p, k]);
    }
  };
  visitValue(value, path);
  return out;
}

class Resolver {
  /** Placeholder text → slot, per collection: the same placeholder twice is the same item. */
  private readonly slots = new Map<string, Map<string, number>>();
  constructor(private readonly fill: Fill, private readonly defined: Map<string, Set<string>>) {}

  candidates(collection: string): string[] {
    return [...new Set([...this.fill.ids(collection), ...(this.defined.get(collection) ?? [])])];
  }

  slot(collection: string, text: string): number {
    let m = this.slots.get(collection);
    if (!m) this.slots.set(collection, (m = new Map()));
    if (!m.has(text)) m.set(text, m.size);
    return m.get(text)!;
  }

  personOf(party: string | undefined): string | undefined {
    return party === undefined ? undefined : this.fill.people.get(party)?.[0];
  }

  /** One id for a reference, or DROP when the collection has none yet. */
  ref(collection: string, text: string, allow: string[], party: string | undefined): string | typeof DROP {
    if (allow.includes(text)) return text;
    const candidates = this.candidates(collection);
    if (candidates.includes(text)) return text;
    if (candidates.length === 0) return DROP;
    const { parties } = this.fill;
    if (collection === 'people') {
      const k = this.slot(collection, text);
      return this.personOf(party) ?? this.personOf(parties[k % Math.max(1, parties.length)]) ?? candidates[k % candidates.length];
    }
    if (collection === 'parties' && party !== undefined && candidates.includes(party)) return party;
    return candidates[this.slot(collection, text) % candidates.length];
  }

  /** A list of people or parties stands for all of them: one person per party, or every party. */
  refList(collection: string, texts: string[], allow: string[]): string[] {
    if (collection === 'parties' && this.fill.parties.length) return [...this.fill.parties];
    if (collection === 'people') {
      const perParty = this.fill.parties.map((p) => this.personOf(p)).filter((p): p is string => p !== undefined);
      if (perParty.length) return [...new Set(perParty)];
    }
    const out = texts.map((t) => this.ref(collection, t, allow, undefined)).filter((t): t is string => t !== DROP);
    return [...new Set(out)];
  }
}

function resolve(value: unknown, path: Path, fill: Fill, defined: Map<string, Set<string>>): unknown {
  const r = new Resolver(fill, defined);
  const out = resolveNode(value, path, fill, r, undefined);
  return out === DROP ? null : out;
}

function resolveNode(value: unknown, path: Path, fill: Fill, r: Resolver, party: string | undefined): unknown {
  const s = schemaAt(path);
  const ref = typeof s?.['x-ref'] === 'string' ? s['x-ref'] : undefined;
  const allow = (s?.['x-ref-allow'] as string[] | undefined) ?? [];
  if (typeof value === 'string' || typeof value === 'number') {
    if (ref) return r.ref(ref, String(value), allow, party);
    if (isDateSchema(s)) {
      const key = [...path].reverse().find((seg) => typeof seg === 'string');
      return pastDateKeys.has(String(key)) ? fill.asOf : fill.later;
    }
    if (Array.isArray(s?.enum) && s.enum.length === STAGES.length && STAGES.every((st) => s.enum!.includes(st))) return fill.stage;
    if (Array.isArray(s?.enum) && !s.enum.includes(value)) return s.enum[0];
    return value;
  }
  if (Array.isArray(value)) {
    const items = deref(s?.items);
    const itemRef = typeof items?.['x-ref'] === 'string' ? items['x-ref'] : undefined;
    if (itemRef && value.every((v) => typeof v === 'string')) return r.refList(itemRef, value as string[], (items?.['x-ref-allow'] as string[] | undefined) ?? []);
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const v = resolveNode(item, [...path, i], fill, r, party);
      if (v !== DROP) out.push(v);
    });
    return out;
  }
  if (isObj(value)) {
    const keyRef = typeof deref(s?.propertyNames)?.['x-ref'] === 'string';
    // Keys that name parties: the file's parties share equally; with none yet, made-up party ids would only be
    // unresolved references, so the map is left out until there are parties.
    if (keyRef && fill.parties.length === 0) return DROP;
    if (keyRef && !Object.keys(value).every((k) => fill.parties.includes(k))) return shares(fill.parties);
    // The item's own party decides whose person fills its person fields.
    const own = typeof value.party === 'string' ? r.ref('parties', value.party, [], party) : undefined;
    const itemParty = own === DROP || own === undefined ? party : own;
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = resolveNode(v, [...path, k], fill, r, itemParty);
      if (resolved !== DROP && !(Array.isArray(resolved) && resolved.length === 0 && Array.isArray(v) && v.length > 0)) out[k] = resolved;
    }
    return out;
  }
  return value;
}

/** A list whose items each name a party (objectives, duties, benefits) gets one item per party. */
function expandPerParty(value: unknown, path: Path, fill: Fill): unknown {
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandPerParty(v, [...path, k], fill)]));
  if (!Array.isArray(value)) return value;
  const list = value.map((item, i) => expandPerParty(item, [...path, i], fill));
  const partyField = deref(deref(schemaAt(path)?.items)?.properties?.party);
  if (partyField?.['x-ref'] !== 'parties' || fill.parties.length === 0 || list.length === 0 || !list.every(isObj)) return list;
  const out: unknown[] = [];
  fill.parties.forEach((party, k) => {
    const template = list[Math.min(k, list.length - 1)];
    const item = k < list.length ? structuredClone(template) : clone(template, out);
    (item as Obj).party = party;
    out.push(item);
  });
  return out;
}

// ---- helpers --------------------------------------------------------------------------------------------

function idsOf(list: unknown): string[] {
  return (Array.isArray(list) ? list : []).map((p) => field(p, 'id')).filter((id): id is string => typeof id === 'string');
}
