// PURE. Where a position is in the YAML: the data path, key or value, the node under it, the enclosing map
// (or list) and the column of its entries. Two readers share the answer's shape:
// - the syntax tree of an Analysis (`nodeAt`): exact, for hover, definition, references and rename;
// - the text and indentation around the cursor (`textContext`): for completion, which must answer in a few
//   milliseconds on the text being typed (no parse of a 30,000-line file per keystroke), half-typed or not.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from './text';
import type { Path, Position, Range } from './types';

/** What holds the entry at the cursor: a map, a list, or a key with nothing under it yet (the schema decides). */
export type ContainerKind = 'map' | 'seq' | 'unknown';

export interface TextContext {
  /**
   * What the cursor is on: a map key (typed or not), the value of `key`, a list item (after "- " or inside
   * [...]), an empty spot in a block where an entry would start, or nothing to complete (a comment, a
   * multi-line scalar, after a closed flow collection).
   */
  on: 'key' | 'value' | 'item' | 'empty' | 'none';
  /** Path of the map or list holding the entry at the cursor. */
  container: Path;
  kind: ContainerKind;
  /** Path of the value or item at the cursor: container + key, or container + index. */
  path: Path;
  /** The key being typed (on 'key') or whose value holds the cursor (on 'value'). */
  key?: string;
  /** The item's index (on 'item'). */
  index?: number;
  /** Column of the container's entries in block style; for flow collections, the column of the block line. */
  indent: number;
  /** Inside a flow collection ({…} or […]): inserts stay on one line. */
  flow: boolean;
  /** The word under the cursor: [wordStart, wordEnd) in offsets; `word` is its part before the cursor. */
  word: string;
  wordStart: number;
  wordEnd: number;
  /** On a key that is already followed by ":". */
  hasColon: boolean;
  /** Right after "key:" with no space yet: a value needs a leading space. */
  needsSpace: boolean;
  /** Keys already present in the enclosing map (before and after the cursor). */
  siblings: string[];
}

export interface NodeAt {
  /** [...map, key] for a key or its value, [...list, index] for an item. */
  path: Path;
  on: 'key' | 'value';
  node: Node;
  range: Range;
}

export type AtPosition = TextContext & { node?: Node; range?: Range };

/** The tree's answer when there is a node under the position, else the text's. */
export function atPosition(source: { lines: LineIndex; document: Document.Parsed | undefined }, position: Position): AtPosition {
  const offset = source.lines.offsetAt(position);
  const context = textContext(source.lines.text, offset);
  const hit = nodeAt(source, position);
  return hit ? { ...context, path: hit.path, on: hit.on, node: hit.node, range: hit.range } : context;
}

// ─── the syntax tree ──────────────────────────────────────────────────────────────────────────────────

/** The scalar key or value under the position, with its data path (undefined between nodes). */
export function nodeAt(source: { lines: LineIndex; document: Document.Parsed | undefined }, position: Position): NodeAt | undefined {
  const offset = source.lines.offsetAt(position);
  const within = (n: Node | null | undefined): boolean => !!n?.range && n.range[0] <= offset && offset <= n.range[1];
  const hit = (node: Node, path: Path, on: NodeAt['on']): NodeAt => ({ path, on, node, range: source.lines.range(node.range![0], node.range![1]) });
  let node = (source.document?.contents ?? null) as Node | null;
  const path: (string | number)[] = [];
  for (let depth = 0; node && depth < 256; depth++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
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
      return node.range && within(node) ? hit(node, [...path], 'value') : undefined;
    }
  }
  return undefined;
}

// ─── the text ─────────────────────────────────────────────────────────────────────────────────────────

/** How far up a flow collection is looked for, and how far on its keys are collected: keeps keystrokes cheap. */
const FLOW_LINES = 200;
const FLOW_TAIL = 4000;

interface Shape {
  /** Blank, comment-only, a directive or a document marker. */
  blank: boolean;
  marker: boolean;
  indent: number;
  /** Columns of the "- " indicators that start the line. */
  dashes: number[];
  /** Column after the dashes. */
  body: number;
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Column of the ":" after the key. */
  colon: number;
  /** What follows the key (or the dashes when there is no key). */
  value: 'none' | 'block-scalar' | 'flow' | 'scalar';
  valueStart: number;
}

class Lines {
  constructor(readonly text: string) {}

  startOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  endOf(start: number): number {
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  prev(start: number): number | undefined {
    return start === 0 ? undefined : this.text.lastIndexOf('\n', start - 2) + 1;
  }

  next(start: number): number | undefined {
    const end = this.text.indexOf('\n', start);
    return end < 0 ? undefined : end + 1;
  }

  indent(start: number): number {
    let i = start;
    while (this.text.charCodeAt(i) === 32) i++;
    return i - start;
  }

  /** A "- " (or a "-" ending the line) at an offset. */
  isDash(offset: number): boolean {
    if (this.text.charCodeAt(offset) !== 45) return false;
    const next = this.text.charCodeAt(offset + 1);
    return Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9;
  }

  /** Blank or comment-only, from the first non-space character. */
  isBlank(start: number): boolean {
    const c = this.text.charCodeAt(start + this.indent(start));
    return Number.isNaN(c) || c === 10 || c === 13 || c === 35;
  }

  shape(start: number): Shape {
    return shapeOf(this.text.slice(start, this.endOf(start)));
  }
}

const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function shapeOf(line: string): Shape {
  // A byte order mark before the first key is not indentation.
  const bom = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = bom;
  while (line[i] === ' ') i++;
  const indent = i - bom;
  const s: Shape = { blank: false, marker: false, indent, dashes: [], body: i, keyStart: -1, keyEnd: -1, colon: -1, value: 'none', valueStart: line.length };
  if (i === line.length || line[i] === '#' || line[i] === '%') return { ...s, blank: true };
  if ((line.startsWith('---', i) || line.startsWith('...', i)) && i === 0 && isSpace(line[3])) return { ...s, blank: true, marker: true };
  while (line[i] === '-' && isSpace(line[i + 1])) {
    s.dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  s.body = i;
  const keyEnd = keyEndAt(line, i);
  if (keyEnd !== undefined) {
    s.key = unquote(line.slice(i, keyEnd.end).trim());
    s.keyStart = i;
    s.keyEnd = keyEnd.end;
    s.colon = keyEnd.colon;
    i = keyEnd.colon + 1;
    while (line[i] === ' ') i++;
  }
  s.valueStart = i;
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#') || /^[&!]\S*\s*(#.*)?$/.test(rest)) s.value = 'none';
  else if (/^[|>][-+0-9]*\s*(#.*)?$/.test(rest)) s.value = 'block-scalar';
  else if (rest[0] === '[' || rest[0] === '{') s.value = 'flow';
  else s.value = 'scalar';
  return s;
}

/** Where a block key starting at `i` ends: the text before its ":" and the colon's column. */
function keyEndAt(line: string, i: number): { end: number; colon: number } | undefined {
  const c = line[i];
  if (c === undefined || c === '#' || c === '[' || c === '{' || c === '?' || c === '|' || c === '>') return undefined;
  let j = i;
  if (c === '"' || c === "'") {
    j = quoteEnd(line, i);
    const end = j;
    while (line[j] === ' ') j++;
    return line[j] === ':' && isSpace(line[j + 1]) ? { end, colon: j } : undefined;
  }
  for (; j < line.length; j++) {
    if (line[j] === ':' && isSpace(line[j + 1])) return { end: j, colon: j };
    if (line[j] === '#' && line[j - 1] === ' ') return undefined;
  }
  return undefined;
}

/** The offset after a quoted scalar that starts at `i` (or the end of the text when it is not closed). */
function quoteEnd(text: string, i: number, limit = text.length): number {
  const q = text[i];
  let j = i + 1;
  while (j < limit) {
    if (q === '"' && text[j] === '\\') j += 2;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return limit;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

interface Holder { path: Path; kind: ContainerKind | 'scalar'; index: number; siblings: string[] }

/**
 * What holds an entry at column `col` on the line starting at `start` (a key, or an item when `asItem`):
 * found by walking up to the first line that is less indented, counting earlier items and sibling keys.
 */
function holder(lines: Lines, start: number, col: number, asItem: boolean): Holder {
  let index = 0;
  const siblings: string[] = [];
  for (let at = lines.prev(start); at !== undefined; at = lines.prev(at)) {
    const indent = lines.indent(at);
    if (indent > col || lines.isBlank(at)) continue;
    if (asItem && indent === col && lines.isDash(at + col)) {
      // An earlier item of the same list: the common case in a long list, so it skips the full line read.
      index++;
      continue;
    }
    const s = lines.shape(at);
    if (s.marker) break;
    if (indent === col) {
      // Same column, not a dash: "key:" over its list at the same column (compact style), or a sibling key.
      const dash = s.dashes.length > 0;
      if (asItem && !dash && s.key !== undefined && s.value === 'none') return { path: keyPath(lines, at, s), kind: 'seq', index, siblings };
      if (!asItem && !dash && s.key !== undefined) siblings.push(s.key);
      continue;
    }
    return fromParent(lines, at, s, col, asItem, index, siblings);
  }
  return { path: [], kind: asItem ? 'seq' : 'map', index, siblings };
}

function fromParent(lines: Lines, at: number, s: Shape, col: number, asItem: boolean, index: number, siblings: string[]): Holder {
  const scalar: Holder = { path: [], kind: 'scalar', index, siblings };
  if (s.key !== undefined && s.body < col) {
    if (s.value !== 'none') return scalar;
    return { path: keyPath(lines, at, s), kind: asItem ? 'seq' : siblings.length ? 'map' : 'unknown', index, siblings };
  }
  if (s.key !== undefined && s.body === col) {
    // "- key: …" above: a sibling key of the item's map, or (for an item) the list under that key.
    if (asItem) return s.value === 'none' ? { path: keyPath(lines, at, s), kind: 'seq', index, siblings } : scalar;
    return { path: itemPath(lines, at, s, s.dashes.length - 1), kind: 'map', index, siblings: [...siblings, s.key] };
  }
  if (s.dashes.length > 0 && s.value === 'none') {
    return { path: itemPath(lines, at, s, s.dashes.length - 1), kind: asItem ? 'seq' : siblings.length ? 'map' : 'unknown', index, siblings };
  }
  return scalar;
}

/** The path of the value of the key on a line. */
function keyPath(lines: Lines, at: number, s: Shape): Path {
  return [...entryPath(lines, at, s), s.key!];
}

/** The path of the map that holds the key on a line (or of the item when the line is only dashes). */
function entryPath(lines: Lines, at: number, s: Shape): Path {
  if (s.dashes.length > 0) return itemPath(lines, at, s, s.dashes.length - 1);
  return holder(lines, at, s.indent, false).path;
}

/** The path of the item started by the k-th dash of a line. */
function itemPath(lines: Lines, at: number, s: Shape, k: number): Path {
  if (k > 0) return [...itemPath(lines, at, s, k - 1), 0];
  const h = holder(lines, at, s.dashes[0], true);
  return [...h.path, h.index];
}

/** Keys at `col` below a line, in the same block map. */
function keysBelow(lines: Lines, start: number, col: number): string[] {
  const keys: string[] = [];
  for (let at = lines.next(start); at !== undefined; at = lines.next(at)) {
    const indent = lines.indent(at);
    if (indent > col || lines.isBlank(at)) continue;
    if (indent < col) break;
    const s = lines.shape(at);
    if (s.marker || s.dashes.length > 0) break;
    if (s.key !== undefined) keys.push(s.key);
  }
  return keys;
}

// Flow collections ────────────────────────────────────────────────────────────────────────────────────

interface Frame { kind: 'map' | 'seq'; key?: string; colon: boolean; index: number; keys: string[] }
interface Token { text: string; start: number; end: number; quoted: boolean }

/** The flow indicators of a line outside quotes and comments. */
function brackets(text: string, from: number, to: number): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = quoteEnd(text, i, to) - 1;
    else if (c === '#' && (i === from || isSpace(text[i - 1]))) break;
    else if (c === '[' || c === '{' || c === ']' || c === '}') out.push({ ch: c, at: i });
  }
  return out;
}

function endsOpen(lines: Lines, start: number): boolean {
  const line = lines.text.slice(start, lines.endOf(start)).replace(/(^|\s)#.*$/, '').trimEnd();
  const last = line[line.length - 1];
  return last === ',' || last === '[' || last === '{';
}

/** The first line of a flow collection that is open at the cursor, if any. */
function flowStartLine(lines: Lines, lineStart: number, cursor: number): number | undefined {
  let depth = 0;
  let open = false;
  let start = lineStart;
  let end = cursor;
  for (let n = 0; n < FLOW_LINES; n++) {
    const marks = brackets(lines.text, start, end);
    for (let k = marks.length - 1; k >= 0; k--) {
      const ch = marks[k].ch;
      if (ch === ']' || ch === '}') depth++;
      else if (depth > 0) depth--;
      else open = true;
    }
    let prev = lines.prev(start);
    while (prev !== undefined && lines.isBlank(prev)) prev = lines.prev(prev);
    if (prev === undefined || (depth === 0 && !endsOpen(lines, prev))) break;
    start = prev;
    end = lines.endOf(prev);
  }
  return open ? start : undefined;
}

interface FlowState { frames: Frame[]; last?: Token; closed: boolean; comment: boolean }

/** Reads flow YAML from `from` to `to`, keeping the stack of open collections and the last scalar. */
function scanFlow(text: string, from: number, to: number, state: FlowState = { frames: [], closed: false, comment: false }, stopDepth = 0): FlowState {
  const { frames } = state;
  let i = from;
  while (i < to) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '#' && (i === from || isSpace(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      if (eol < 0 || eol >= to) {
        state.comment = true;
        return state;
      }
      i = eol + 1;
    } else if (c === '[' || c === '{') {
      frames.push({ kind: c === '[' ? 'seq' : 'map', colon: false, index: 0, keys: [] });
      state.last = undefined;
      i++;
    } else if (c === ']' || c === '}') {
      frames.pop();
      state.last = { text: '', start: i, end: i + 1, quoted: false };
      i++;
      if (frames.length <= stopDepth) {
        state.closed = true;
        return state;
      }
    } else if (c === ',') {
      if (top?.kind === 'map') {
        top.colon = false;
        top.key = undefined;
      } else if (top) top.index++;
      state.last = undefined;
      i++;
    } else if (c === ':' && top && (isSpace(text[i + 1]) || ',]}'.includes(text[i + 1]) || state.last?.quoted)) {
      if (top.kind === 'map' && !top.colon) {
        top.key = state.last?.text ?? '';
        top.colon = true;
        top.keys.push(top.key);
      }
      state.last = undefined;
      i++;
    } else if (c === '"' || c === "'") {
      const end = quoteEnd(text, i, to);
      const closedQuote = end > i + 1 && text[end - 1] === c && end <= to;
      state.last = { text: text.slice(i + 1, closedQuote ? end - 1 : end), start: i + 1, end, quoted: true };
      i = end;
    } else {
      let j = i;
      while (j < to) {
        const d = text[j];
        if (d === ',' || d === '[' || d === ']' || d === '{' || d === '}' || d === '\n' || d === '\r') break;
        if (d === ':' && (isSpace(text[j + 1]) || ',]}'.includes(text[j + 1]))) break;
        if (d === '#' && isSpace(text[j - 1])) break;
        j++;
      }
      let end = j;
      while (end > i && isSpace(text[end - 1])) end--;
      state.last = { text: text.slice(i, end), start: i, end, quoted: false };
      i = j;
    }
  }
  return state;
}

// The context ─────────────────────────────────────────────────────────────────────────────────────────

const none = (offset: number): TextContext => ({
  on: 'none', container: [], kind: 'map', path: [], indent: 0, flow: false, word: '', wordStart: offset, wordEnd: offset, hasColon: false, needsSpace: false, siblings: [],
});

/** The end of the word that starts at `start` (for replacing a whole key or value, not only its typed part). */
function wordEndFrom(text: string, start: number, limit: number, flow: boolean): number {
  let j = start;
  while (j < limit) {
    const d = text[j];
    if (d === ' ' || d === '\t' || d === '\n' || d === '\r' || d === '#') break;
    if (d === ':' && isSpace(text[j + 1])) break;
    if (flow && ',[]{}:'.includes(d)) break;
    j++;
  }
  return j;
}

/** The completion context at an offset, from the text alone: works on text that does not parse. */
export function textContext(text: string, offset: number): TextContext {
  const lines = new Lines(text);
  const cursor = Math.max(0, Math.min(offset, text.length));
  const lineStart = lines.startOf(cursor);
  const lineEnd = lines.endOf(lineStart);
  const col = cursor - lineStart;

  const flowLine = flowStartLine(lines, lineStart, cursor);
  if (flowLine !== undefined) {
    const inFlow = flowContext(lines, flowLine, cursor);
    if (inFlow) return inFlow;
  }

  const s = shapeOf(text.slice(lineStart, lineEnd));
  const before = text.slice(lineStart, cursor);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return none(cursor);

  // In the indentation, or on an empty line: where a new entry would start.
  if (before.trim() === '') {
    const h = holder(lines, lineStart, col, false);
    if (h.kind === 'scalar') return none(cursor);
    const siblings = [...h.siblings, ...keysBelow(lines, lineStart, col)];
    const onKey = s.key !== undefined && s.keyStart === col && s.dashes.length === 0;
    return {
      ...none(cursor), on: h.kind === 'map' ? 'key' : 'empty', container: h.path, kind: h.kind, path: h.path, indent: col,
      siblings: siblings.filter((k) => !onKey || k !== s.key), wordEnd: onKey ? lineStart + s.keyEnd : cursor, hasColon: onKey,
    };
  }

  let container: Path;
  let kind: ContainerKind;
  let siblings: string[];
  let indent: number;
  if (s.dashes.length > 0) {
    // After dashes: the item's path; a key typed on the line belongs to the item's map.
    const item = itemPath(lines, lineStart, s, Math.max(0, s.dashes.filter((d) => d < col).length - 1));
    if (s.key === undefined || col < s.keyStart) {
      // "- |" or "- wor|": an item's value, or the first key of a new map item: the schema decides.
      if (s.value === 'block-scalar') return none(cursor);
      const wordStart = col <= s.body ? cursor : lineStart + s.body;
      const wordEnd = col <= s.body ? cursor : wordEndFrom(text, wordStart, lineEnd, false);
      return {
        ...none(cursor), on: 'item', container: item.slice(0, -1), kind: 'seq', path: item, index: item[item.length - 1] as number, indent: s.body,
        word: text.slice(wordStart, cursor), wordStart, wordEnd, siblings: keysBelow(lines, lineStart, s.body),
        needsSpace: col <= s.body && text[cursor - 1] === '-',
      };
    }
    container = item;
    kind = 'map';
    indent = s.body;
    siblings = keysBelow(lines, lineStart, s.body);
  } else {
    const h = holder(lines, lineStart, s.indent, false);
    if (h.kind === 'scalar') return none(cursor);
    container = h.path;
    kind = 'map';
    indent = s.indent;
    siblings = [...h.siblings, ...keysBelow(lines, lineStart, s.indent)];
  }

  if (s.key === undefined || col <= s.colon) {
    // Typing a key: "wor|" or "ke|y: value".
    const wordStart = lineStart + s.body;
    const wordEnd = s.key !== undefined ? lineStart + s.keyEnd : wordEndFrom(text, wordStart, lineEnd, false);
    if (s.key === undefined && s.value !== 'scalar') return none(cursor);
    return {
      ...none(cursor), on: 'key', container, kind, path: container, indent, siblings: siblings.filter((k) => k !== s.key),
      word: text.slice(wordStart, cursor), wordStart, wordEnd, hasColon: s.key !== undefined,
    };
  }

  // After "key:": its value.
  if (s.value === 'block-scalar' || s.value === 'flow') return none(cursor);
  const valueStart = lineStart + s.valueStart;
  const quoted = text[valueStart] === '"' || text[valueStart] === "'";
  const wordStart = cursor < valueStart ? cursor : quoted ? valueStart + 1 : valueStart;
  let wordEnd = Math.max(cursor, lineStart + s.valueStart);
  if (s.value === 'scalar') {
    const rest = text.slice(wordStart, lineEnd).replace(/\s+#.*$/, '');
    wordEnd = wordStart + rest.trimEnd().length - (quoted && /["']$/.test(rest.trimEnd()) ? 1 : 0);
    wordEnd = Math.max(wordEnd, cursor);
  }
  return {
    ...none(cursor), on: 'value', container, kind, path: [...container, s.key], key: s.key, indent, siblings: siblings.filter((k) => k !== s.key),
    word: text.slice(wordStart, cursor), wordStart, wordEnd, needsSpace: col === s.colon + 1,
  };
}

/** The context inside a flow collection whose block line starts at `start`. */
function flowContext(lines: Lines, start: number, cursor: number): TextContext | undefined {
  const text = lines.text;
  const s = lines.shape(start);
  let base: Path;
  if (s.key !== undefined) base = keyPath(lines, start, s);
  else if (s.dashes.length > 0) base = itemPath(lines, start, s, s.dashes.length - 1);
  else base = holder(lines, start, s.indent, false).path;
  if (s.value !== 'flow') return undefined;
  const from = start + s.valueStart;
  const state = scanFlow(text, from, cursor);
  if (state.comment) return none(cursor);
  if (state.closed || state.frames.length === 0) return undefined;
  const frames = state.frames;
  const path: (string | number)[] = [...base];
  for (const f of frames.slice(0, -1)) path.push(f.kind === 'map' ? f.key ?? '' : f.index);
  const top = frames[frames.length - 1];
  const last = state.last && state.last.end === cursor && state.last.text !== '' ? state.last : undefined;
  const wordStart = last ? last.start : cursor;
  const wordEnd = wordEndFrom(text, cursor, lines.endOf(lines.startOf(cursor)), true);
  // Keys after the cursor in the same map, so that present keys are left out.
  const tail: Frame = { ...top, keys: [] };
  if (top.kind === 'map') scanFlow(text, wordEnd, Math.min(text.length, wordEnd + FLOW_TAIL), { frames: [tail], closed: false, comment: false });
  const common = { flow: true, indent: s.indent, word: text.slice(wordStart, cursor), wordStart, wordEnd, needsSpace: false, hasColon: false };
  if (top.kind === 'seq') {
    return { ...none(cursor), ...common, on: 'item', container: path, kind: 'seq', path: [...path, top.index], index: top.index, siblings: [] };
  }
  const siblings = [...top.keys, ...tail.keys].filter((k) => k !== '');
  if (top.colon) {
    const key = top.key ?? '';
    return { ...none(cursor), ...common, on: 'value', container: path, kind: 'map', path: [...path, key], key, siblings: siblings.filter((k) => k !== key) };
  }
  const after = text.slice(wordEnd, wordEnd + 2);
  return { ...none(cursor), ...common, on: 'key', container: path, kind: 'map', path, siblings, hasColon: /^\s*:/.test(after) };
}
