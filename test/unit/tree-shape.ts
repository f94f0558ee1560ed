// The syntax tree as lines of text, for comparing two trees in a test.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/** Every node's kind, range and value, in document order: what every consumer of the tree reads. */
export function treeShape(document: Document.Parsed | undefined): string[] {
  const out: string[] = [];
  const walk = (n: Node | Pair<Node, Node> | null, depth: number): void => {
    if (n === null || depth > 300) return void out.push('null');
    if (isPair(n)) {
      out.push('pair');
      walk(n.key as Node | null, depth + 1);
      walk(n.value as Node | null, depth + 1);
      return;
    }
    const head = `${n.constructor.name} ${n.range?.join(',')} ${n.tag ?? ''} ${n.anchor ?? ''}`;
    if (isScalar(n)) out.push(`${head} ${n.type} ${JSON.stringify(typeof n.value === 'bigint' ? String(n.value) : n.value)} ${n.source ?? ''}`);
    else if (isMap(n) || isSeq(n)) {
      out.push(`${head} ${n.flow ? 'flow' : 'block'} ${n.items.length}`);
      for (const e of n.items as (Node | Pair<Node, Node>)[]) walk(e, depth + 1);
    } else out.push(head);
  };
  if (document) {
    out.push(`doc ${document.range.join(',')} ${document.errors.length} ${document.warnings.length}`);
    walk(document.contents as Node | null, 0);
  }
  return out;
}

