// PURE. The completion context inside a flow collection ({…} or […]) that is open at the cursor, possibly
// across lines: the stack of open collections, the key or index at the cursor, and the keys around it.
import { holder, itemPath, keyPath, type Lines } from './block-lines';
import { isSpace, quoteEnd, wordEndFrom } from './line-shape';
import { noContext, type TextContext } from './text-context-types';
import type { Path } from './types';

/** How far up a flow collection is looked for, and how far on its keys are collected: keeps keystrokes cheap. */
const FLOW_LINES = 200;
const FLOW_TAIL = 4000;

interface Frame {
  kind: 'map' | 'seq';
  key?: string;
  colon: boolean;
  index: number;
  keys: string[];
  /** In a list, "key: value" is an item that is a map of one pair ([a, b: c]): the key of the current item's pair. */
  pairKey?: string;
}
interface Token { text: string; start: number; end: number; quoted: boolean }

/** The flow indicators between two offsets, outside quotes and comments. */
function brackets(text: string, from: number, to: number): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    // A quote opens a scalar only where one may start: "regulator's" is a plain word.
    if ((c === '"' || c === "'") && (i === from || isSpace(text[i - 1]) || '[{,:'.includes(text[i - 1]))) i = quoteEnd(text, i, to) - 1;
    else if (c === '#' && (i === from || isSpace(text[i - 1]))) break;
    else if (c === '[' || c === '{' || c === ']' || c === '}') out.push({ ch: c, at: i });
  }
  return out;
}

/**
 * A line that leaves a flow collection open for the next one: it ends with ",", "[" or "{", or it opens a
 * collection that it does not close ("- {id: a, name: b" goes on below, whatever its last character).
 */
function endsOpen(lines: Lines, line: number): boolean {
  const text = lines.text.slice(lines.start(line), lines.end(line)).replace(/(^|\s)#.*$/, '').trimEnd();
  const last = text[text.length - 1];
  if (last === ',' || last === '[' || last === '{') return true;
  let unclosed = 0;
  for (const { ch, at } of brackets(lines.text, lines.start(line), lines.end(line))) {
    // An opener inside a word ("knowledge{_map:", "stage_his,{tory:") is part of a plain scalar, not a
    // collection: outside brackets "," and ":" are text too.
    const before = lines.text[at - 1];
    if (ch === '[' || ch === '{') unclosed += unclosed > 0 || at === lines.start(line) || isSpace(before) ? 1 : 0;
    else if (unclosed > 0) unclosed--;
  }
  return unclosed > 0;
}

/**
 * A line of plain text alone (no key, no dash, no bracket left open): it may go on a plain value of a flow
 * collection opened above ("[a,⏎ bc d⏎ e]"), so the walk up goes on past it; in block YAML it goes on a
 * plain scalar, and the line above it ends the walk.
 */
function plainLine(lines: Lines, line: number): boolean {
  const s = lines.shape(line);
  return s.key === undefined && s.dashes.length === 0 && s.value === 'scalar' && !s.explicitKey;
}

/** The first line of a flow collection that is open at the cursor, if any. */
export function flowStartLine(lines: Lines, line: number, cursor: number): number | undefined {
  let depth = 0;
  let open = false;
  let at = line;
  let end = cursor;
  for (let n = 0; n < FLOW_LINES; n++) {
    const marks = brackets(lines.text, lines.start(at), end);
    for (let k = marks.length - 1; k >= 0; k--) {
      const ch = marks[k].ch;
      if (ch === ']' || ch === '}') depth++;
      else if (depth > 0) depth--;
      else open = true;
    }
    let prev = at - 1;
    while (prev >= 0 && lines.isBlank(prev)) prev--;
    if (prev < 0 || (depth === 0 && !endsOpen(lines, prev) && !plainLine(lines, prev))) break;
    at = prev;
    end = lines.end(prev);
  }
  return open ? at : undefined;
}

/** In a flow collection ":" before a space or a flow indicator ends a key ("title:{…}" is a key and a map). */
const separatesValue = (next: string | undefined): boolean => isSpace(next) || (next !== undefined && ',[]{}'.includes(next));

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
      const eol = lineBreakAfter(text, i);
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
      } else if (top) {
        top.index++;
        top.pairKey = undefined;
      }
      state.last = undefined;
      i++;
    } else if (c === ':' && top && (separatesValue(text[i + 1]) || state.last?.quoted)) {
      if (top.kind === 'map' && !top.colon) {
        top.key = state.last?.text ?? '';
        top.colon = true;
        top.keys.push(top.key);
      } else if (top.kind === 'seq' && top.pairKey === undefined) top.pairKey = state.last?.text ?? '';
      state.last = undefined;
      i++;
    } else if (c === '"' || c === "'") {
      const end = quoteEnd(text, i, to);
      const closedQuote = end > i + 1 && text[end - 1] === c && end <= to;
      state.last = { text: text.slice(i + 1, closedQuote ? end - 1 : end), start: i + 1, end, quoted: true };
      i = end;
    } else {
      // A plain scalar in a flow collection goes on over a line break ("quarterly, é⏎ rights: […]" is the key
      // "é rights"), folded into one space; the token's start is where its last line's part begins, so a word
      // at the cursor stays on the cursor's line.
      let j = i;
      let start = i;
      while (j < to) {
        const d = text[j];
        if (d === '\n' || d === '\r') {
          const next = plainGoesOn(text, j, to);
          if (next === undefined) break;
          start = j = next;
          continue;
        }
        if (d === ',' || d === '[' || d === ']' || d === '{' || d === '}') break;
        if (d === ':' && separatesValue(text[j + 1])) break;
        if (d === '#' && isSpace(text[j - 1])) break;
        j++;
      }
      let end = j;
      while (end > i && isSpace(text[end - 1])) end--;
      state.last = { text: text.slice(i, end).replace(/[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g, ' '), start, end, quoted: false };
      // Every step moves on by at least one character, so the scan ends within the text.
      i = Math.max(j, i + 1);
    }
  }
  return state;
}

/** Where a plain scalar broken at `from` (a line break) goes on, or undefined when the next text is not its continuation. */
function plainGoesOn(text: string, from: number, to: number): number | undefined {
  let k = from;
  while (k < to && isSpace(text[k])) k++;
  if (k >= to) return undefined;
  const c = text[k];
  if (',[]{}#'.includes(c) || (c === ':' && separatesValue(text[k + 1]))) return undefined;
  return k;
}

/** The first \n or lone \r at or after `from`, or -1: a comment ends at either. */
function lineBreakAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return c === 13 && text.charCodeAt(i + 1) === 10 ? i + 1 : i;
  }
  return -1;
}

/** The context inside a flow collection whose block line is `line`; undefined when none is open at the cursor. */
export function flowContext(lines: Lines, line: number, cursor: number): TextContext | undefined {
  const text = lines.text;
  const s = lines.shape(line);
  if (s.value !== 'flow') return undefined;
  let base: Path;
  if (s.key !== undefined) base = keyPath(lines, line, s);
  else if (s.dashes.length > 0) base = itemPath(lines, line, s, s.dashes.length - 1);
  else base = holder(lines, line, s.indent, false).path;
  const from = lines.start(line) + s.valueStart;
  const state = scanFlow(text, from, cursor);
  if (state.comment) return noContext(cursor);
  if (state.closed || state.frames.length === 0) return undefined;
  const frames = state.frames;
  const path: (string | number)[] = [...base];
  for (const f of frames.slice(0, -1)) {
    if (f.kind === 'map') path.push(f.key ?? '');
    else path.push(...(f.pairKey === undefined ? [f.index] : [f.index, f.pairKey]));
  }
  const top = frames[frames.length - 1];
  const last = state.last && state.last.end === cursor && state.last.text !== '' ? state.last : undefined;
  const wordStart = last ? last.start : cursor;
  const wordEnd = wordEndFrom(text, cursor, lines.end(lines.index.lineAt(cursor)), true);
  // Keys after the cursor in the same map, so that present keys are left out.
  const tail: Frame = { ...top, keys: [] };
  if (top.kind === 'map') scanFlow(text, wordEnd, Math.min(text.length, wordEnd + FLOW_TAIL), { frames: [tail], closed: false, comment: false });
  const common = { flow: true, indent: s.indent, word: text.slice(wordStart, cursor), wordStart, wordEnd, needsSpace: false, hasColon: false };
  if (top.kind === 'seq' && top.pairKey !== undefined) {
    const item = [...path, top.index];
    return { ...noContext(cursor), ...common, on: 'value', container: item, kind: 'map', path: [...item, top.pairKey], key: top.pairKey, siblings: [] };
  }
  if (top.kind === 'seq') {
    return { ...noContext(cursor), ...common, on: 'item', container: path, kind: 'seq', path: [...path, top.index], index: top.index, siblings: [] };
  }
  const siblings = [...top.keys, ...tail.keys].filter((k) => k !== '');
  if (top.colon) {
    const key = top.key ?? '';
    return { ...noContext(cursor), ...common, on: 'value', container: path, kind: 'map', path: [...path, key], key, siblings: siblings.filter((k) => k !== key) };
  }
  const after = text.slice(wordEnd, wordEnd + 2);
  return { ...noContext(cursor), ...common, on: 'key', container: path, kind: 'map', path, siblings, hasColon: /^\s*:/.test(after) };
}
