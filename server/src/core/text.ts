// Offsets ↔ LSP positions. JavaScript strings are UTF-16, so an offset is already a UTF-16 code unit count;
// lines end at \n, \r\n or a lone \r, as LSP says.
import { LineMargins } from './line-margins';
import { firstAtOrAfter } from './sorted';
import type { Position, Range } from './types';

/**
 * Where two texts differ: they are the same before `start`, and from `oldEnd` in the old text and `newEnd` in
 * the new one to their ends (the longest common prefix, then the longest common suffix of what is left).
 */
export interface TextEdit { start: number; oldEnd: number; newEnd: number }

export function textEdit(old: string, text: string): TextEdit {
  // Compared a chunk at a time first: comparing two slices is a native comparison of memory, ten times faster on
  // a megabyte than a loop over every character (2 ms of each keystroke in a 30,000-line file). The chunk doubles
  // while the texts agree and halves where they part, so a megabyte takes a few dozen slices, not thousands.
  const shorter = Math.min(old.length, text.length);
  let p = common(shorter, (at, n) => old.slice(at, at + n) === text.slice(at, at + n));
  while (p < shorter && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  const room = shorter - p;
  let s = common(room, (at, n) => old.slice(old.length - at - n, old.length - at) === text.slice(text.length - at - n, text.length - at));
  while (s < room && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { start: p, oldEnd: old.length - s, newEnd: text.length - s };
}

/** How far (within `limit`, to a CHUNK or so) the texts agree, by `same(at, n)`: n characters from `at` are equal. */
function common(limit: number, same: (at: number, n: number) => boolean): number {
  let at = 0;
  for (let n = CHUNK; n >= CHUNK; ) {
    if (at + n <= limit && same(at, n)) {
      at += n;
      n *= 2;
    } else n >>= 1;
  }
  return at;
}

const CHUNK = 256;

export class LineIndex {
  readonly starts: number[];
  /** `starts` is given only by edited(), which derives it from the previous text's; otherwise the text is read. */
  constructor(readonly text: string, starts?: number[]) {
    this.starts = starts ?? lineStarts(text);
  }

  /**
   * The index of `text`, made from the index of the text it was edited from (`edit` says where they differ):
   * the line starts before the edit are kept, those after it are moved by the length the edit added, and only
   * the edited part is read. A keystroke in a 30,000-line file reads a few characters, not a megabyte.
   */
  static edited(previous: LineIndex, text: string, edit?: TextEdit): LineIndex {
    // Before the edit is looked for: a default parameter would compare the whole text with itself first.
    if (text === previous.text) return previous;
    const { start, oldEnd, newEnd } = edit ?? textEdit(previous.text, text);
    const old = previous.starts;
    // Whether x starts a line depends on the characters at x - 1 and x: the starts before `start` read only the
    // unchanged text before the edit, and those past oldEnd only the unchanged text after it. 0 always starts one.
    const kept = Math.max(1, previous.firstAtOrAfter(start));
    const starts = old.slice(0, kept);
    for (let x = Math.max(start, 1); x <= newEnd; x++) {
      const c = text.charCodeAt(x - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(x) !== 10)) starts.push(x);
    }
    const delta = newEnd - oldEnd;
    const movedFrom = previous.firstAtOrAfter(oldEnd + 1);
    const movedTo = starts.length;
    for (let k = movedFrom; k < old.length; k++) starts.push(old[k] + delta);
    const index = new LineIndex(text, starts);
    // The line the edit starts on changed; those moved past its end did not.
    if (previous.lineMargins) index.lineMargins = previous.lineMargins.edited(text, starts, kept - 1, movedTo, movedFrom);
    return index;
  }

  private lineMargins?: LineMargins;

  /** Each line's indentation and whether it is empty or a comment: read when first asked for, then kept by edited(). */
  margins(): LineMargins {
    return (this.lineMargins ??= LineMargins.read(this.text, this.starts));
  }

  /** Whether a line starts at this offset. */
  isLineStart(offset: number): boolean {
    return offset >= 0 && offset <= this.text.length && this.starts[this.lineAt(offset)] === offset;
  }

  /** The index of the first line start at or after `offset` (the line count when there is none). */
  private firstAtOrAfter(offset: number): number {
    return firstAtOrAfter(this.starts, offset, (start) => start);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line] };
  }

  /** The line an offset is on (offsets outside the text are clamped to it). */
  lineAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The range of [start, end). An offset between the CR and LF of a line break, or between the two halves of
   * a surrogate pair, is moved out of it: a start back to the line's end (or the character's start), an end on
   * to the next line's start (or the character's end). A range never ends inside a line break.
   */
  range(start: number, end: number): Range {
    const from = this.settle(start, false);
    return { start: this.positionAt(from), end: this.positionAt(Math.max(from, this.settle(end, true))) };
  }

  /** The offset clamped to the text and moved out of a CR LF pair or a surrogate pair, backward or forward. */
  private settle(offset: number, forward: boolean): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (o === 0 || o === this.text.length) return o;
    const before = this.text.charCodeAt(o - 1);
    const after = this.text.charCodeAt(o);
    const split = (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
    return split ? o + (forward ? 1 : -1) : o;
  }
}

/** Where each line starts: after every \n, \r\n and lone \r, and at 0. */
function lineStarts(text: string): number[] {
  // indexOf finds the breaks far faster than a loop over every character: a file's first analysis, and completion
  // before it, read the whole text.
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      const end = cr + 1 === lf ? lf : cr;
      starts.push(end + 1);
      if (end === lf) lf = text.indexOf('\n', lf + 1);
      cr = text.indexOf('\r', cr + 1);
    }
  }
  return starts;
}

/** U+2060 WORD JOINER: invisible, but GitHub no longer sees "@name" as a mention of a user or a team. */
const WORD_JOINER = '\u2060';

/**
 * Document text inside Markdown (hovers, pull-request comments, `rac report --format markdown`): table pipes,
 * emphasis and link syntax are escaped and HTML becomes entities, so nothing in a document becomes markup.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    // A pull-request comment would notify whoever a document names after "@".
    .replace(/@/g, `@${WORD_JOINER}`);
}
