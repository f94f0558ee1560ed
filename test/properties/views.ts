// The two readings of a position: the syntax tree's (nodeAt: hover, definition, references, rename) and the
// text scanner's (textContext: completion). Where both name a place (the map holding a key, or a value or an
// item), it must be the same one. After a syntax error the tree is the parser's guess (an unclosed quote
// swallows the next line, a tab-indented line is dropped), so only positions before the line of the first
// syntax error are compared.
import { LineIndex, nodeAt, textContext, type Analysis, type Path } from '../../server/src/core/index';

function nodePlace(analysis: Analysis, lines: LineIndex, offset: number): Path | undefined {
  const hit = nodeAt(analysis, lines.positionAt(offset));
  if (!hit) return undefined;
  return hit.on === 'key' ? hit.path.slice(0, -1) : hit.path;
}

function textPlace(lines: LineIndex, offset: number): Path | undefined {
  const ctx = textContext(lines, offset);
  if (ctx.on === 'none') return undefined;
  return ctx.on === 'key' || ctx.on === 'empty' ? ctx.container : ctx.path;
}

/** The offset up to which the tree is exact: the line before the first syntax error, or the end of the text. */
export function comparableEnd(analysis: Analysis, lines: LineIndex): number {
  const errors = analysis.findings.filter((f) => f.code.startsWith('syntax')).map((f) => lines.offsetAt(f.range.start));
  if (errors.length === 0) return lines.text.length;
  return lines.lineStart(lines.lineAt(Math.min(...errors))) - 1;
}

/** How the readings differ at an offset, or undefined when they agree (or one of them names no place). */
export function viewsDiffer(analysis: Analysis, lines: LineIndex, offset: number): string | undefined {
  const node = nodePlace(analysis, lines, offset);
  if (!node) return undefined;
  const text = textPlace(lines, offset);
  if (!text || JSON.stringify(text) === JSON.stringify(node)) return undefined;
  return `the tree says ${JSON.stringify(node)}, the text ${JSON.stringify(text)}`;
}
