// PURE. The scalar key or value of the syntax tree under a position, with its data path: the exact reading
// hover, definition, references and rename start from (they run on an Analysis, so the tree is there).
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from './text';
import type { Path, Position, Range } from './types';

export interface NodeAt {
  /** [...map, key] for a key or its value, [...list, index] for an item. */
  path: Path;
  on: 'key' | 'value';
  node: Node;
  range: Range;
}

/** Deeper than this the tree is not followed (the parser refuses far less deep documents anyway). */
const MAX_DEPTH = 256;

/** The scalar key or value under the position, with its data path (undefined between nodes). */
export function nodeAt(source: { lines: LineIndex; document: Document.Parsed | undefined }, position: Position): NodeAt | undefined {
  const { lines } = source;
  const offset = lines.offsetAt(position);
  const within = (n: Node | null | undefined): boolean => !!n?.range && n.range[0] <= offset && offset <= contentEnd(lines.text, n);
  const hit = (node: Node, path: Path, on: NodeAt['on']): NodeAt => ({ path, on, node, range: lines.range(node.range![0], contentEnd(lines.text, node)) });
  let node = (source.document?.contents ?? null) as Node | null;
  const path: (string | number)[] = [];
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items as Pair<Node, Node>[]) {
        // An empty key ("{: x}") is "" in the data, as the text scanner reads it too.
        const key = isScalar(pair.key) ? String(pair.key.value ?? '') : undefined;
        if (key === undefined) continue;
        if (within(pair.key)) return hit(pair.key!, [...path, key], 'key');
        if (within(pair.value)) {
          path.push(key);
          next = pair.value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      const i = items.findIndex((item) => within(item));
      if (i < 0) return undefined;
      path.push(i);
      node = items[i];
    } else {
      return within(node) ? hit(node, [...path], 'value') : undefined;
    }
  }
  return undefined;
}

/**
 * Where a node's text ends. A block scalar's range takes in the line break after its last line; without it the
 * node ends on that line, so the start of the next line (another key) is not inside it, and no range ends
 * between a \r and its \n.
 */
function contentEnd(text: string, node: Node): number {
  const [start, end] = node.range!;
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return e;
}
