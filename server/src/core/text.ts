// Offsets ↔ LSP positions. JavaScript strings are UTF-16, so an offset is already a UTF-16 code unit count;
// lines end at \n, \r\n or a lone \r, as LSP says.
import type { Position, Range } from './types';

export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    // indexOf finds the breaks far faster than a loop over every character: completion builds an index of
    // the text being typed on each keystroke.
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
    this.starts = starts;
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
