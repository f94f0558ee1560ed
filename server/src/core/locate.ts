// The one place that turns data paths into document ranges. Rules and checks report paths; this module
// finds the YAML node for them (or, for something missing, the key of the parent that should hold it).
import { isMap, isScalar, isSeq, isPair, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { Path, Range } from './types';
import type { LineIndex } from './text';

interface Step { key: Node | null; value: Node | null }

/** Walks as far along the path as the document goes. steps[i] is the node for path[0..i]. */
export function walk(document: Document.Parsed | undefined, path: Path, keys?: KeyIndex): Step[] {
  const steps: Step[] = [];
  let current = (document?.contents ?? null) as Node | null;
  for (const segment of path) {
    if (!current) break;
    if (typeof segment === 'number') {
      if (!isSeq(current)) break;
      const item = current.items[segment] as Node | undefined;
      if (item === undefined) break;
      const value = isPair(item) ? ((item as Pair<Node, Node>).key ?? null) : item;
      steps.push({ key: null, value });
      current = value;
    } else {
      if (!isMap(current)) break;
      const pair = keys ? keys.find(current.items as Pair<Node, Node>[], segment) : findPair(current.items as Pair<Node, Node>[], segment);
      if (!pair) break;
      steps.push({ key: pair.key ?? null, value: pair.value ?? null });
      current = pair.value ?? null;
    }
  }
  return steps;
}

export function findPair(items: Pair<Node, Node>[], key: string): Pair<Node, Node> | undefined {
  for (const pair of items) {
    const k = pair.key;
    if (isScalar(k) ? String(k.value) === key : k === null ? key === '' : false) return pair;
  }
  return undefined;
}

/**
 * findPair for many lookups in the same maps: a large map is indexed once by its keys (the first pair of
 * each wins, as findPair's scan does), so locating a finding for each of 20,000 keys is not quadratic.
 */
export class KeyIndex {
  private readonly maps = new Map<Pair<Node, Node>[], Map<string, Pair<Node, Node>>>();

  find(items: Pair<Node, Node>[], key: string): Pair<Node, Node> | undefined {
    if (items.length < 32) return findPair(items, key);
    let index = this.maps.get(items);
    if (!index) {
      index = new Map();
      for (const pair of items) {
        const k = pair.key;
        const name = isScalar(k) ? String(k.value) : k === null ? '' : undefined;
        if (name !== undefined && !index.has(name)) index.set(name, pair);
      }
      this.maps.set(items, index);
    }
    return index.get(key);
  }
}

export class Locator {
  private readonly keys = new KeyIndex();
  private aliasNodes: Map<number, Alias> | undefined;

  /** `aliases`: false when the caller knows the document has none (the walk that finds them is then skipped). */
  constructor(private readonly document: Document.Parsed | undefined, private readonly lines: LineIndex, aliases?: false) {
    if (aliases === false) this.aliasNodes = new Map();
  }

  /** Whether the document has aliases at all (most have none, and findings then skip the look-up). */
  hasAliases(): boolean {
    return this.aliasesByOffset().size > 0;
  }

  /** The alias that starts at this offset, with the anchor it repeats: a finding placed there is about that value. */
  aliasAt(offset: number): { name: string; anchor?: Range } | undefined {
    const node = this.aliasesByOffset().get(offset);
    if (!node || !this.document) return undefined;
    let source: Node | undefined;
    try {
      source = node.resolve(this.document) as Node | undefined;
    } catch {
      // An alias to nothing: the parser already reported it.
    }
    return { name: node.source, anchor: source?.range ? this.lines.range(source.range[0], source.range[1]) : undefined };
  }

  /** Found once, by walking the document (the anchors are resolved only for the aliases a finding lands on). */
  private aliasesByOffset(): Map<number, Alias> {
    if (this.aliasNodes) return this.aliasNodes;
    const map = new Map<number, Alias>();
    if (this.document) {
      visit(this.document, {
        Alias: (_key, node) => {
          if (node.range) map.set(node.range[0], node);
        },
      });
    }
    this.aliasNodes = map;
    return map;
  }

  nodeRange(node: Node | null | undefined): Range | undefined {
    const r = node?.range;
    return r ? this.lines.range(r[0], r[1]) : undefined;
  }

  /** The key of the last segment (unknown key, the key of a missing thing's holder). */
  key(path: Path): Range {
    const steps = walk(this.document, path, this.keys);
    if (steps.length === path.length && steps.length > 0) {
      const last = steps[steps.length - 1];
      return this.nodeRange(last.key) ?? this.head(last.value) ?? this.holder(path);
    }
    return this.holder(path);
  }

  /** The value at the path (wrong type, wrong enum value, a reference), else the holder of the missing part. */
  value(path: Path): Range {
    const steps = walk(this.document, path, this.keys);
    if (steps.length === path.length && steps.length > 0) {
      const last = steps[steps.length - 1];
      return this.nodeRange(last.value) ?? this.nodeRange(last.key) ?? this.holder(path);
    }
    if (path.length === 0) return this.holder(path);
    return this.holder(path);
  }

  /**
   * Where to report something missing at `path`: the key of the deepest ancestor present in the document;
   * for a list item, its first key; at the root, the first key of the file.
   */
  holder(path: Path): Range {
    const steps = walk(this.document, path, this.keys);
    for (let i = Math.min(steps.length, path.length) - 1; i >= 0; i--) {
      const step = steps[i];
      const r = typeof path[i] === 'number' ? this.head(step.value) : this.nodeRange(step.key);
      if (r) return r;
    }
    return this.head(this.document?.contents as Node | null) ?? this.lines.range(0, 0);
  }

  /** The first key of a map, or the node itself: a short, visible place for a whole item. */
  head(node: Node | null | undefined): Range | undefined {
    if (isMap(node) && node.items.length > 0) {
      const first = node.items[0] as Pair<Node, Node>;
      return this.nodeRange(first.key) ?? this.nodeRange(node);
    }
    if (node?.range && node.range[1] - node.range[0] > 200) {
      // A long block: point at its first line instead of painting the whole of it.
      const start = node.range[0];
      const line = this.lines.positionAt(start).line;
      return { start: this.lines.positionAt(start), end: this.lines.positionAt(this.lines.lineEnd(line)) };
    }
    return this.nodeRange(node);
  }

  /** The whole node at a path (folding, outline, an item's extent). */
  extent(path: Path): Range | undefined {
    const steps = walk(this.document, path, this.keys);
    if (steps.length !== path.length) return undefined;
    const last = steps[steps.length - 1];
    const start = last?.key?.range?.[0] ?? last?.value?.range?.[0];
    const end = last?.value?.range?.[1] ?? last?.key?.range?.[1];
    if (start === undefined || end === undefined) return undefined;
    return this.lines.range(start, end);
  }
}
