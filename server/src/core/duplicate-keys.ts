// Keys repeated within one map. The yaml library's own check (uniqueKeys) compares each new key with every
// key before it, which is quadratic: a map of 20,000 keys took seconds, 5,000 repeated keys tens of seconds.
// Here each map is read once with a set of its keys, under the library's own equality for scalar keys (the
// same JavaScript value: `1` and `1.0` are one key, `"1"` and `1` are two); a list or map used as a key is
// never equal to another, as there. The walk keeps its own stack, so deep nesting cannot overflow it.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

export interface DuplicateKey {
  /** The repeated key's source range [start, end). */
  at: [number, number];
  /** The first occurrence of the same key in the same map. */
  first: [number, number];
}

/** The repeated keys in the maps under `roots` (a document's contents, or the entries an edit re-parsed). */
export function duplicateKeys(roots: readonly unknown[]): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items as Pair<Node | null, Node | null>[]) {
        const name = keyName(pair.key);
        if (name !== undefined) {
          const first = seen.get(name);
          if (first && pair.key?.range && first.range) found.push({ at: [pair.key.range[0], pair.key.range[1]], first: [first.range[0], first.range[1]] });
          else if (pair.key) seen.set(name, pair.key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      // A single pair inside a flow list ([a: b]) is a map of one key: nothing to compare, but it may nest.
      stack.push(node.key, node.value);
    }
  }
  return found.sort((a, b) => a.at[0] - b.at[0]);
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
