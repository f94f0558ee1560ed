// PURE. Each line's margin: its indentation (leading spaces) and what follows it, nothing (spaces and tabs only),
// a comment or text. Completion reads the block structure by walking up from the cursor through thousands of
// lines, and these two reads are all it asks of most of them: from arrays they take a fifth of the time the
// characters do. An edited text's margins are made from the previous text's, reading only the edited lines.

/** A line with nothing but spaces and tabs. */
export const EMPTY = 1;
/** A line with nothing but a comment after its indentation. */
export const COMMENT = 2;

export class LineMargins {
  private constructor(
    readonly indents: Int32Array,
    /** 0 (text), EMPTY or COMMENT. */
    readonly kinds: Uint8Array,
  ) {}

  static read(text: string, starts: readonly number[]): LineMargins {
    const margins = new LineMargins(new Int32Array(starts.length), new Uint8Array(starts.length));
    margins.measure(text, starts, 0, starts.length);
    return margins;
  }

  /**
   * The margins of an edited text (`starts` its line starts): its lines before `from` are this text's, its lines
   * from `movedTo` on are this text's from `movedFrom` on; the lines between are read.
   */
  edited(text: string, starts: readonly number[], from: number, movedTo: number, movedFrom: number): LineMargins {
    const margins = new LineMargins(new Int32Array(starts.length), new Uint8Array(starts.length));
    margins.indents.set(this.indents.subarray(0, from));
    margins.kinds.set(this.kinds.subarray(0, from));
    margins.indents.set(this.indents.subarray(movedFrom), movedTo);
    margins.kinds.set(this.kinds.subarray(movedFrom), movedTo);
    margins.measure(text, starts, from, movedTo);
    return margins;
  }

  /** Reads lines [first, end). A line's break (\n, \r) or the text's end stops each scan. */
  private measure(text: string, starts: readonly number[], first: number, end: number): void {
    for (let line = first; line < end; line++) {
      const start = starts[line];
      let at = start;
      while (text.charCodeAt(at) === 32) at++;
      this.indents[line] = at - start;
      let c = text.charCodeAt(at);
      while (c === 32 || c === 9) c = text.charCodeAt(++at);
      // c !== c: NaN, past the text's end.
      this.kinds[line] = c !== c || c === 10 || c === 13 ? EMPTY : c === 35 ? COMMENT : 0;
    }
  }
}
