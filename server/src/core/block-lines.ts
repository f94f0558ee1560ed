// PURE. Block structure read from indentation, line by line, for the completion scanner: what map or list
// holds a line, the keys beside it, and whether a line is prose inside a block scalar. Lines are the
// LineIndex's (\n, \r\n or a lone \r), so the scanner and LSP positions agree on where lines are. Every walk
// moves one line at a time towards the first or the last line, so each ends within the line count.
import { EMPTY } from './line-margins';
import { shapeOf, type Shape } from './line-shape';
import type { LineIndex } from './text';
import type { Path } from './types';

/** What holds the entry at the cursor: a map, a list, or a key with nothing under it yet (the schema decides). */
export type ContainerKind = 'map' | 'seq' | 'unknown';

export class Lines {
  readonly text: string;
  private readonly shapes = new Map<number, Shape>();
  private readonly indents: Int32Array;
  private readonly kinds: Uint8Array;

  constructor(readonly index: LineIndex) {
    this.text = index.text;
    ({ indents: this.indents, kinds: this.kinds } = index.margins());
  }

  get count(): number {
    return this.index.lineCount;
  }

  start(line: number): number {
    return this.index.lineStart(line);
  }

  /** Offset of the end of the line's content, before its line break. */
  end(line: number): number {
    return this.index.lineEnd(line);
  }

  /** Leading spaces. */
  indent(line: number): number {
    return this.indents[line];
  }

  /** A "- " (or a "-" ending the line) at a column. */
  isDash(line: number, col: number): boolean {
    const at = this.start(line) + col;
    const end = this.end(line);
    if (at >= end || this.text.charCodeAt(at) !== 45) return false;
    return at + 1 === end || this.text.charCodeAt(at + 1) === 32 || this.text.charCodeAt(at + 1) === 9;
  }

  /** Blank (spaces and tabs) or comment-only. */
  isBlank(line: number): boolean {
    return this.kinds[line] !== 0;
  }

  /** Nothing but spaces and tabs: inside a block scalar such a line is part of the prose, whatever its indentation. */
  isEmpty(line: number): boolean {
    return this.kinds[line] === EMPTY;
  }

  /** A block scalar header with no key or dash before it: "|", ">-" and the like alone on the line. */
  isBareHeader(line: number): boolean {
    const c = this.text.charCodeAt(this.start(line) + this.indent(line));
    if (c !== 124 && c !== 62) return false;
    const s = this.shape(line);
    return s.value === 'block-scalar' && s.key === undefined && s.dashes.length === 0;
  }

  shape(line: number): Shape {
    let s = this.shapes.get(line);
    if (!s) {
      s = shapeOf(this.text.slice(this.start(line), this.end(line)));
      this.shapes.set(line, s);
    }
    return s;
  }
}

export interface Holder { path: Path; kind: ContainerKind | 'scalar'; index: number; siblings: string[] }

/**
 * What holds an entry at column `col` on `line` (a key, or an item when `asItem`): found by walking up to the
 * first line that is less indented, counting earlier items and sibling keys.
 */
export function holder(lines: Lines, line: number, col: number, asItem: boolean): Holder {
  let index = 0;
  const siblings: string[] = [];
  for (let at = line - 1; at >= 0; at--) {
    const indent = lines.indent(at);
    if (indent > col || lines.isBlank(at)) continue;
    if (asItem && indent === col && lines.isDash(at, col)) {
      // An earlier item of the same list: the common case in a long list, so it skips the full line read.
      index++;
      continue;
    }
    const s = lines.shape(at);
    if (s.marker) break;
    if (indent === col) {
      // Same column, not a dash: "key:" over its list at the same column (compact style), or a sibling key;
      // or text without a key ("? key" aside), which makes this a plain scalar going on over several lines.
      const dash = s.dashes.length > 0;
      if (!dash && s.key === undefined && s.value === 'scalar' && !s.explicitKey) return { path: [], kind: 'scalar', index, siblings };
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
export function keyPath(lines: Lines, at: number, s: Shape): Path {
  return [...entryPath(lines, at, s), s.key!];
}

/** The path of the map that holds the key on a line (or of the item when the line is only dashes). */
function entryPath(lines: Lines, at: number, s: Shape): Path {
  if (s.dashes.length > 0) return itemPath(lines, at, s, s.dashes.length - 1);
  return holder(lines, at, s.indent, false).path;
}

/** The path of the item started by the k-th dash of a line. */
export function itemPath(lines: Lines, at: number, s: Shape, k: number): Path {
  if (k > 0) return [...itemPath(lines, at, s, k - 1), 0];
  const h = holder(lines, at, s.dashes[0], true);
  return [...h.path, h.index];
}

/** Keys at `col` below a line, in the same block map. */
export function keysBelow(lines: Lines, line: number, col: number): string[] {
  const keys: string[] = [];
  for (let at = line + 1; at < lines.count; at++) {
    const indent = lines.indent(at);
    if (indent > col || lines.isBlank(at)) continue;
    if (indent < col) break;
    const s = lines.shape(at);
    if (s.marker || s.dashes.length > 0) break;
    if (s.key !== undefined) keys.push(s.key);
  }
  return keys;
}

/**
 * Whether a position is in the prose of a block scalar ("key: |" or "key: >" and the lines below it), anywhere
 * on a line of its text, its indentation included. An empty line counts when the cursor is indented like the
 * prose or the prose goes on below it; otherwise it is where the next key may be typed.
 */
export function inBlockScalar(lines: Lines, line: number, col: number): boolean {
  const empty = lines.isEmpty(line);
  // Prose is indented more than its header's key (or dash), and lines may be indented more than the first;
  // `least` is the least indentation from here up, so the first less indented header above is the one.
  let least = empty ? Infinity : lines.indent(line);
  for (let at = line - 1; at >= 0 && least > 0; at--) {
    const indent = lines.indent(at);
    // "|" or ">" alone on its line (the value of the key above it, or of the document): its prose only has to
    // be indented more than that key, so it may start at the header's own column.
    if (indent >= least && least !== Infinity && lines.isBareHeader(at) && parentIndent(lines, at) < least) return true;
    if (indent >= least || lines.isEmpty(at)) continue;
    const s = lines.shape(at);
    if (s.value === 'block-scalar') {
      const header = s.key !== undefined ? s.keyStart : s.dashes.length ? s.dashes[s.dashes.length - 1] : s.indent;
      if (header < least) return !empty || col > header || proseBelow(lines, line, header);
    }
    least = indent;
  }
  return false;
}

/** The indentation of the nearest less indented line with text above a line, or -1 at the top of the document. */
function parentIndent(lines: Lines, line: number): number {
  const own = lines.indent(line);
  for (let at = line - 1; at >= 0; at--) {
    if (!lines.isEmpty(at) && lines.indent(at) < own) return lines.indent(at);
  }
  return -1;
}

/** The next line with text below an empty line is indented more than the block scalar's header. */
function proseBelow(lines: Lines, line: number, header: number): boolean {
  for (let at = line + 1; at < lines.count; at++) {
    if (!lines.isEmpty(at)) return lines.indent(at) > header;
  }
  return false;
}
