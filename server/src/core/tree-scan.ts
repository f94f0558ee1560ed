// One walk over a parsed document for what parse() reports beside the parser's own errors: keys repeated in a
// map, anchors and aliases, and keys that are lists or maps. The yaml library's visit() makes a frozen path
// array for every node and calls back through a generic dispatcher; three walks of it per file were a tenth of
// analysing a 300-line file (the CLI analyses thousands). The walk keeps its own stack, so deep nesting cannot
// overflow it, and goes in document order, as visit() does.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair } from 'yaml';

export interface DuplicateKey {
  /** The repeated key's source range [start, end). */
  at: [number, number];
  /** The first occurrence of the same key in the same map. */
  first: [number, number];
}

export interface TreeScan {
  /** Keys repeated within one map, by position. */
  duplicates: DuplicateKey[];
  /** Every alias, in document order. */
  aliases: Alias[];
  /** The nodes that carry each anchor name, in document order. */
  anchored: Map<string, Node[]>;
  /** Keys that are a list, a map or an alias (which may repeat one), in document order. */
  complexKeys: Node[];
}

/**
 * Scans the trees under `roots` (a document's contents, or the entries an edit re-parsed). Repeated keys are
 * judged under the library's own equality for scalar keys (the same JavaScript value: `1` and `1.0` are one
 * key, `"1"` and `1` are two); a list or map used as a key is never equal to another, as there. Each map is
 * read once with a set of its keys: the library's own check (uniqueKeys) compares each new key with every key
 * before it, which is quadratic (a map of 20,000 keys took seconds).
 */
export function scanTree(roots: readonly unknown[]): TreeScan {
  const scan: TreeScan = { duplicates: [], aliases: [], anchored: new Map(), complexKeys: [] };
  // Children are pushed last first, so they are taken in document order.
  const stack: unknown[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      // A pair of a map, or a single pair inside a flow list ([a: b]), which is a map of one key.
      const key = node.key as Node | null;
      if (key && !isScalar(key)) scan.complexKeys.push(key);
      stack.push(node.value, key);
      continue;
    }
    if (isAlias(node)) {
      scan.aliases.push(node);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) {
      const same = scan.anchored.get(node.anchor);
      if (same) same.push(node);
      else scan.anchored.set(node.anchor, [node]);
    }
    if (isMap(node)) {
      const pairs = node.items as Pair<Node | null, Node | null>[];
      repeatedKeys(pairs, scan.duplicates);
      for (let i = pairs.length - 1; i >= 0; i--) stack.push(pairs[i]);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  scan.duplicates.sort((a, b) => a.at[0] - b.at[0]);
  return scan;
}

function repeatedKeys(pairs: readonly Pair<Node | null, Node | null>[], found: DuplicateKey[]): void {
  if (pairs.length < 2) return;
  const seen = new Map<string, Node>();
  for (const pair of pairs) {
    const name = keyName(pair.key);
    if (name === undefined) continue;
    const first = seen.get(name);
    if (first && pair.key?.range && first.range) found.push({ at: [pair.key.range[0], pair.key.range[1]], first: [first.range[0], first.range[1]] });
    else if (pair.key) seen.set(name, pair.key);
  }
}

/** The key's identity under the library's equality, or undefined for keys that equal no other. */
function keyName(key: Node | null): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : `number:${v}`;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v}:${String(v)}`;
  return undefined;
}
