// Folding ranges: every map and list that spans lines (folded from its key's line), and blocks of comments.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core/index';

const MAX_DEPTH = 256;

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { lines } = analysis;
  const text = lines.text;
  const byStart = new Map<number, FoldingRange>();
  /** Lines inside multi-line scalars, where "#" is text, not a comment. */
  const scalarLines = new Set<number>();

  /** The line of the last character that is not a line break or a space before `end`. */
  const lastLine = (end: number): number => {
    let o = end;
    while (o > 0 && /\s/.test(text[o - 1])) o--;
    return lines.positionAt(Math.max(0, o - 1)).line;
  };
  const add = (startLine: number, end: number, kind?: FoldingRangeKind): void => {
    const endLine = lastLine(end);
    if (endLine <= startLine) return;
    // One range per start line (an item and its first key's list can start together): the outer one.
    const existing = byStart.get(startLine);
    if (!existing || existing.endLine < endLine) byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  const visit = (node: Node | null | undefined, startLine: number | undefined, depth: number): void => {
    if (!node?.range || depth > MAX_DEPTH) return;
    if (isMap(node) || isSeq(node)) {
      // The root map would fold the whole file away.
      if (depth > 0) add(startLine ?? lines.positionAt(node.range[0]).line, node.range[1]);
      for (const item of node.items as (Node | Pair<Node, Node>)[]) {
        if (isPair(item)) {
          const pair = item as Pair<Node, Node>;
          const keyStart = pair.key?.range?.[0];
          visit(pair.value, keyStart === undefined ? undefined : lines.positionAt(keyStart).line, depth + 1);
        } else {
          visit(item as Node, undefined, depth + 1);
        }
      }
    } else if (isScalar(node)) {
      const first = lines.positionAt(node.range[0]).line;
      const last = lastLine(node.range[1]);
      for (let l = first + 1; l <= last; l++) scalarLines.add(l);
      if (startLine !== undefined) add(startLine, node.range[1]);
    }
  };
  visit(analysis.document?.contents as Node | null, undefined, 0);

  let run = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const comment = line < lines.lineCount && !scalarLines.has(line) && /^\s*#/.test(lines.lineText(line));
    if (comment && run < 0) run = line;
    if (!comment && run >= 0) {
      if (line - 1 > run && !byStart.has(run)) byStart.set(run, { startLine: run, endLine: line - 1, kind: FoldingRangeKind.Comment });
      run = -1;
    }
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
