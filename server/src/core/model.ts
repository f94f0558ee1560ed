// One walk of the syntax tree, guided by the schema's annotations: id definitions, references (x-ref),
// evidence links (x-evidence-link) and dates. Definition, references, rename and links read this index.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { deref, isDateSchema, rootSchema, type JsonSchema } from './schema';
import type { EvidenceLink, IdDefinition, IdReference, Model, Path, Range } from './types';
import type { LineIndex } from './text';

export interface Plan {
  props: Map<string, Plan>;
  items?: Plan;
  additional?: Plan;
  ref?: { collection: string; allow: string[] };
  keyRef?: string;
  link?: boolean;
  date?: boolean;
  /** This list is a collection of items with ids, named by its dotted path. */
  collection?: string;
}

export interface DateField { path: Path; key: string; value: string; range: Range }

export interface Indexed { model: Model; dates: DateField[] }

let plan: Plan | undefined;

function buildPlan(schema: JsonSchema | undefined, dotted: string, depth = 0): Plan {
  const s = deref(schema) ?? {};
  const p: Plan = { props: new Map() };
  if (depth > 24) return p;
  if (typeof s['x-ref'] === 'string') p.ref = { collection: s['x-ref'], allow: s['x-ref-allow'] ?? [] };
  if (s['x-evidence-link']) p.link = true;
  if (isDateSchema(s)) p.date = true;
  const names = deref(s.propertyNames);
  if (typeof names?.['x-ref'] === 'string') p.keyRef = names['x-ref'];
  for (const [key, sub] of Object.entries(s.properties ?? {})) p.props.set(key, buildPlan(sub, dotted ? `${dotted}.${key}` : key, depth + 1));
  if (s.additionalProperties && typeof s.additionalProperties === 'object') p.additional = buildPlan(s.additionalProperties, dotted, depth + 1);
  if (s.items) {
    p.items = buildPlan(s.items, dotted, depth + 1);
    if (deref(s.items)?.properties?.id) p.collection = dotted;
  }
  return p;
}

export function rootPlan(): Plan {
  plan ??= buildPlan(rootSchema, '');
  return plan;
}

/** The collections the schema defines (lists whose items carry an id), by dotted path. */
export function collections(): string[] {
  const out: string[] = [];
  const visit = (p: Plan): void => {
    if (p.collection !== undefined) out.push(p.collection);
    for (const child of p.props.values()) visit(child);
    if (p.items) visit(p.items);
  };
  visit(rootPlan());
  return out;
}

export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * A path while walking: linked (parent, segment), made into an array only for what is recorded. Most nodes record
 * nothing, and copying a path at each of them was most of the walk's time on a big file.
 */
export interface Link { parent: Link | undefined; segment: string | number }

/** What the walk records, in document order. */
export interface Records { definitions: IdDefinition[]; references: IdReference[]; links: EvidenceLink[]; dates: DateField[] }

export function pathOf(at: Link | undefined, last?: string | number): Path {
  const out: (string | number)[] = last === undefined ? [] : [last];
  for (let l = at; l; l = l.parent) out.push(l.segment);
  return out.reverse();
}

/** Nothing recorded yet. */
export function noRecords(): Records {
  return { definitions: [], references: [], links: [], dates: [] };
}

/**
 * The walk, recording into `out`. `entries` visits some entries of one collection (a list's items from..to-1, a
 * map's pairs) as the walk of the whole tree does when it reaches them: indexModel walks the whole tree with it,
 * model-splice.ts only the entries an edit replaced. `key` is the last map key above the collection.
 */
export function walker(lines: LineIndex, out: Records): {
  visit: (node: Node | null | undefined, p: Plan, at: Link | undefined, key: string) => void;
  entries: (node: YAMLMap<Node, Node> | YAMLSeq<Node>, p: Plan, at: Link | undefined, key: string, from: number, to: number) => void;
  definition: (item: unknown, p: Plan, itemAt: Link) => IdDefinition | undefined;
} {
  const { definitions, references, links, dates } = out;
  const range = (node: Node): Range => lines.range(node.range![0], node.range![1]);
  const definition = (item: unknown, p: Plan, itemAt: Link): IdDefinition | undefined => {
    if (p.collection === undefined || !isMap(item) || !item.range) return undefined;
    const pairs = item.items as Pair<Node, Node>[];
    const idPair = pairs.find((pair) => scalarText(pair.key) === 'id');
    const id = scalarText(idPair?.value);
    if (id === undefined || !idPair?.value?.range) return undefined;
    const labelPair = pairs.find((pair) => ['title', 'name', 'text', 'description'].includes(scalarText(pair.key) ?? ''));
    return { collection: p.collection, id, range: range(idPair.value), itemRange: range(item), path: pathOf(itemAt), label: scalarText(labelPair?.value) };
  };
  const entries = (node: YAMLMap<Node, Node> | YAMLSeq<Node>, p: Plan, at: Link | undefined, key: string, from: number, to: number): void => {
    if (isMap(node)) {
      const pairs = node.items as Pair<Node, Node>[];
      for (let i = from; i < to; i++) {
        const pair = pairs[i];
        const k = scalarText(pair.key);
        if (k === undefined) continue;
        if (p.keyRef && pair.key?.range) references.push({ collection: p.keyRef, id: k, range: range(pair.key), path: pathOf(at, k), isKey: true });
        const child = p.props.get(k) ?? p.additional;
        if (child) visit(pair.value, child, { parent: at, segment: k }, k);
      }
    } else if (p.items) {
      for (let i = from; i < to; i++) {
        const item = node.items[i];
        const itemAt = { parent: at, segment: i };
        const d = definition(item, p, itemAt);
        if (d) definitions.push(d);
        visit(item, p.items, itemAt, key);
      }
    }
  };
  const visit = (node: Node | null | undefined, p: Plan, at: Link | undefined, key: string): void => {
    if (!node || !node.range) return;
    if (isMap(node) || isSeq(node)) {
      entries(node as YAMLMap<Node, Node> | YAMLSeq<Node>, p, at, key, 0, node.items.length);
    } else if (isScalar(node)) {
      if (!p.ref && !p.link && !p.date) return;
      const text = scalarText(node);
      if (text === undefined) return;
      if (p.ref && !p.ref.allow.includes(text)) {
        references.push({ collection: p.ref.collection, id: text, range: range(node), path: pathOf(at), isKey: false, ...(p.ref.allow.length ? { allow: p.ref.allow } : {}) });
      }
      if (p.link && typeof node.value === 'string' && text.trim()) {
        links.push({ target: text.trim(), kind: /^[a-z][a-z0-9+.-]*:/i.test(text.trim()) && !/^[a-z]:[\\/]/i.test(text.trim()) ? 'url' : 'file', range: range(node), path: pathOf(at) });
      }
      if (p.date && typeof node.value === 'string') dates.push({ path: pathOf(at), key, value: text, range: range(node) });
    }
  };
  return { visit, entries, definition };
}

export function indexModel(document: Document.Parsed | undefined, lines: LineIndex): Indexed {
  const out = noRecords();
  walker(lines, out).visit(document?.contents as Node | null, rootPlan(), undefined, '');
  return indexed(out);
}

/** The model and dates of what a walk recorded; `ids` holds each collection's first definition of an id. */
export function indexed({ definitions, references, links, dates }: Records): Indexed {
  const ids = new Map<string, Map<string, IdDefinition>>();
  for (const d of definitions) {
    let m = ids.get(d.collection);
    if (!m) ids.set(d.collection, (m = new Map()));
    if (!m.has(d.id)) m.set(d.id, d);
  }
  return { model: { definitions, references, links, ids }, dates };
}
