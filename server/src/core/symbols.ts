// The outline: sections, principles, registers and their items by id and title.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Catalog } from './catalog';
import type { SymbolKind, SymbolNode } from './types';
import type { LineIndex } from './text';

const MAX_DEPTH = 8;

function text(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** How an item without an id is named: by the party, person, rule or stage it is about. */
const NAMING_FIELDS = ['party', 'person', 'rule', 'stage', 'role', 'level'];
/** What describes an item: its human label. */
const LABEL_FIELDS = ['name', 'title', 'item', 'text', 'description', 'benefit', 'duty', 'action', 'reason'];

/** "4.3 Business objectives" by principle id: how the outline names a principle's key. */
export function principleTitles(catalog: Catalog | undefined): Map<string, string> {
  return new Map((catalog?.principles ?? []).map((p) => [p.id, `${p.clause} ${p.title}`]));
}

export function documentSymbols(document: Document.Parsed | undefined, lines: LineIndex, principleTitles: Map<string, string>): SymbolNode[] {
  const source = lines.text;
  // A block's range runs to the start of the next line; the outline ends it on its last character.
  const trimEnd = (end: number, start: number) => {
    let e = end;
    while (e > start && /\s/.test(source[e - 1])) e--;
    return e;
  };
  const span = (a: Node | null | undefined, b?: Node | null) => {
    const start = a?.range?.[0] ?? 0;
    return lines.range(start, trimEnd((b ?? a)?.range?.[1] ?? a?.range?.[1] ?? 0, start));
  };

  const mapChildren = (node: Node, depth: number, trail: string[]): SymbolNode[] => {
    if (!isMap(node) || depth > MAX_DEPTH) return [];
    const out: SymbolNode[] = [];
    for (const pair of node.items as Pair<Node, Node>[]) {
      const key = text(pair.key);
      if (key === undefined || !pair.key?.range) continue;
      const value = pair.value;
      const inPrinciples = trail.length === 1 && trail[0] === 'principles';
      if (isMap(value) || isSeq(value)) {
        const kind: SymbolKind = inPrinciples ? 'principle' : depth === 0 ? 'section' : isSeq(value) ? 'list' : 'section';
        out.push({
          name: key,
          detail: inPrinciples ? principleTitles.get(key) : isSeq(value) ? `${value.items.length} item${value.items.length === 1 ? '' : 's'}` : undefined,
          kind,
          range: span(pair.key, value),
          selectionRange: span(pair.key),
          children: isSeq(value) ? seqChildren(value, depth + 1, [...trail, key]) : mapChildren(value, depth + 1, [...trail, key]),
        });
      } else if (inPrinciples) {
        // A principle key with nothing under it yet still belongs in the outline.
        out.push({ name: key, detail: principleTitles.get(key), kind: 'principle', range: span(pair.key, value ?? pair.key), selectionRange: span(pair.key), children: [] });
      } else if (depth === 0 || trail[0] === 'metadata' || (trail.length === 2 && trail[0] === 'principles')) {
        out.push({ name: key, detail: text(value), kind: 'field', range: span(pair.key, value ?? pair.key), selectionRange: span(pair.key), children: [] });
      }
    }
    return out;
  };

  const seqChildren = (node: Node, depth: number, trail: string[]): SymbolNode[] => {
    if (!isSeq(node) || depth > MAX_DEPTH) return [];
    const out: SymbolNode[] = [];
    node.items.forEach((item, i) => {
      if (!isMap(item) || !item.range) return;
      const field = (k: string) => text((item.items as Pair<Node, Node>[]).find((p) => text(p.key) === k)?.value);
      const id = field('id');
      const label = LABEL_FIELDS.map(field).find((v) => v !== undefined);
      const naming = NAMING_FIELDS.find((k) => field(k) !== undefined);
      const name = id ?? (naming ? field(naming) : undefined) ?? label ?? `${trail[trail.length - 1]} ${i + 1}`;
      // Named by its party, an item is described by its person (a SER, a relationship manager) if it has no label.
      const detail = name === label ? undefined : label ?? (naming === 'party' ? field('person') : undefined);
      out.push({ name, detail, kind: 'item', range: span(item), selectionRange: span(item.items[0]?.key as Node ?? item), children: mapChildren(item, depth + 1, [...trail, String(i)]) });
    });
    return out;
  };

  const root = document?.contents as Node | null | undefined;
  return root ? mapChildren(root, 0, []) : [];
}
