// PURE. The completion context at an offset, from the text and indentation around the cursor: completion must
// answer in a few milliseconds on the text being typed (no parse of a 30,000-line file per keystroke),
// half-typed or not. Lines are the LineIndex's, the same as LSP positions; the block structure comes from
// block-lines.ts, flow collections from flow-context.ts.
import { holder, inBlockScalar, itemPath, keysBelow, Lines, type ContainerKind } from './block-lines';
import { flowContext, flowStartLine } from './flow-context';
import { wordEndFrom } from './line-shape';
import { LineIndex } from './text';
import { noContext, type TextContext } from './text-context-types';
import type { Path } from './types';

/**
 * The completion context at an offset; works on text that does not parse. Its word is always on the cursor's
 * line around the cursor (LSP wants a completion edit on one line, containing the position), also when the
 * text around it is broken, e.g. a quote opened on the line above and never closed.
 */
export function textContext(source: string | LineIndex, offset: number): TextContext {
  const lines = new Lines(typeof source === 'string' ? new LineIndex(source) : source);
  const line = lines.index.lineAt(offset);
  const lineStart = lines.start(line);
  const lineEnd = lines.end(line);
  // An offset between a \r and its \n is at the end of the line's content.
  const cursor = Math.max(lineStart, Math.min(offset, lineEnd));
  const ctx = contextOnLine(lines, line, cursor);
  const wordStart = Math.max(lineStart, Math.min(ctx.wordStart, cursor));
  const wordEnd = Math.min(lineEnd, Math.max(ctx.wordEnd, cursor));
  return { ...ctx, wordStart, wordEnd, word: lines.text.slice(wordStart, cursor) };
}

function contextOnLine(lines: Lines, line: number, cursor: number): TextContext {
  const text = lines.text;
  const lineStart = lines.start(line);
  const lineEnd = lines.end(line);
  const col = cursor - lineStart;
  const none = noContext(cursor);

  if (inBlockScalar(lines, line, col)) return none;
  const flowLine = flowStartLine(lines, line, cursor);
  if (flowLine !== undefined) {
    const inFlow = flowContext(lines, flowLine, cursor);
    if (inFlow) return inFlow;
  }

  const s = lines.shape(line);
  // A line below a key that has its value on the key's line goes on with that value (a plain scalar over
  // several lines): nothing to complete on it, its indentation included.
  if (!s.blank && holder(lines, line, s.dashes[0] ?? s.indent, s.dashes.length > 0).kind === 'scalar') return none;
  const before = text.slice(lineStart, cursor);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return none;

  // In the indentation, or on an empty line: where a new entry would start.
  if (before.trim() === '') {
    const h = holder(lines, line, col, false);
    if (h.kind === 'scalar') return none;
    const siblings = [...h.siblings, ...keysBelow(lines, line, col)];
    const onKey = s.key !== undefined && s.keyStart === col && s.dashes.length === 0;
    return {
      ...none, on: h.kind === 'map' ? 'key' : 'empty', container: h.path, kind: h.kind, path: h.path, indent: col,
      siblings: siblings.filter((k) => !onKey || k !== s.key), wordEnd: onKey ? lineStart + s.keyEnd : cursor, hasColon: onKey,
    };
  }

  let container: Path;
  let kind: ContainerKind;
  let siblings: string[];
  let indent: number;
  if (s.dashes.length > 0) {
    // After dashes: the item's path; a key typed on the line belongs to the item's map.
    const item = itemPath(lines, line, s, Math.max(0, s.dashes.filter((d) => d < col).length - 1));
    if (s.key === undefined || col < s.keyStart) {
      // "- |" or "- wor|": an item's value, or the first key of a new map item: the schema decides.
      if (s.value === 'block-scalar') return none;
      const wordStart = col <= s.body ? cursor : lineStart + s.body;
      const wordEnd = col <= s.body ? cursor : wordEndFrom(text, wordStart, lineEnd, false);
      return {
        ...none, on: 'item', container: item.slice(0, -1), kind: 'seq', path: item, index: item[item.length - 1] as number, indent: s.body,
        word: text.slice(wordStart, cursor), wordStart, wordEnd, siblings: keysBelow(lines, line, s.body),
        needsSpace: col <= s.body && text[cursor - 1] === '-',
      };
    }
    container = item;
    kind = 'map';
    indent = s.body;
    siblings = keysBelow(lines, line, s.body);
  } else {
    const h = holder(lines, line, s.indent, false);
    if (h.kind === 'scalar') return none;
    container = h.path;
    kind = 'map';
    indent = s.indent;
    siblings = [...h.siblings, ...keysBelow(lines, line, s.indent)];
  }

  if (s.key === undefined || col <= s.colon) {
    // Typing a key: "wor|" or "ke|y: value".
    const wordStart = lineStart + s.body;
    const wordEnd = s.key !== undefined ? lineStart + s.keyEnd : wordEndFrom(text, wordStart, lineEnd, false);
    if (s.key === undefined && s.value !== 'scalar') return none;
    return {
      ...none, on: 'key', container, kind, path: container, indent, siblings: siblings.filter((k) => k !== s.key),
      word: text.slice(wordStart, cursor), wordStart, wordEnd, hasColon: s.key !== undefined,
    };
  }

  // After "key:": its value.
  if (s.value === 'block-scalar' || s.value === 'flow') return none;
  const valueStart = lineStart + s.valueStart;
  // Inside quotes the word is the quoted text; on the opening quote it is the whole quoted scalar.
  const inQuotes = (text[valueStart] === '"' || text[valueStart] === "'") && cursor > valueStart;
  const wordStart = cursor < valueStart ? cursor : inQuotes ? valueStart + 1 : valueStart;
  let wordEnd = Math.max(cursor, valueStart);
  if (s.value === 'scalar') {
    const rest = text.slice(wordStart, lineEnd).replace(/\s+#.*$/, '');
    wordEnd = wordStart + rest.trimEnd().length - (inQuotes && /["']$/.test(rest.trimEnd()) ? 1 : 0);
    wordEnd = Math.max(wordEnd, cursor);
  }
  return {
    ...none, on: 'value', container, kind, path: [...container, s.key], key: s.key, indent, siblings: siblings.filter((k) => k !== s.key),
    word: text.slice(wordStart, cursor), wordStart, wordEnd, needsSpace: col === s.colon + 1,
  };
}
