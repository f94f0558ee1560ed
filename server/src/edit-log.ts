// The edits made to each open document, so a request can be answered from the last finished analysis of an older
// version while a newer one waits for its turn: a position in the current text is mapped back to the analysed
// text, and the answer's ranges forward, through every edit made since. A position inside text replaced since
// has no counterpart (undefined): its answer is left out rather than pointing at the wrong place.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from './core/index';

/** One replacement, in offsets of the text before it: [start, end) became `length` code units (at `version`). */
interface Step { version: number; start: number; end: number; length: number }

/** What the mapping needs of a text: offsets ↔ positions (a LineIndex, a TextDocument). */
export interface OffsetSpace {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

export class EditLog {
  private readonly steps = new Map<string, Step[]>();

  /**
   * A TextDocuments configuration that records each change before applying it. Changes are applied one at a time,
   * because each one's range is in the text the previous one left.
   */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.steps.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (document, changes, version) => {
        for (const change of changes) {
          this.record(document, change, version);
          TextDocument.update(document, [change], version);
        }
        return document;
      },
    };
  }

  private record(document: TextDocument, change: TextDocumentContentChangeEvent, version: number): void {
    const list = this.steps.get(document.uri) ?? [];
    this.steps.set(document.uri, list);
    if ('range' in change) {
      const start = document.offsetAt(change.range.start);
      list.push({ version, start, end: Math.max(start, document.offsetAt(change.range.end)), length: change.text.length });
    } else {
      list.push({ version, start: 0, end: document.getText().length, length: change.text.length });
    }
  }

  /** The mapping from the text of `version` (`from`) to the document's current text (`to`). */
  since(uri: string, version: number, from: OffsetSpace, to: OffsetSpace & { version: number }): PositionMap {
    return new PositionMap((this.steps.get(uri) ?? []).filter((s) => s.version > version && s.version <= to.version), from, to);
  }

  /** Edits up to `version` are no longer needed: every answer now comes from that version or a later one. */
  forgetUpTo(uri: string, version: number): void {
    const list = this.steps.get(uri);
    if (list) this.steps.set(uri, list.filter((s) => s.version > version));
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}

export class PositionMap {
  constructor(private readonly steps: readonly Step[], private readonly from: OffsetSpace, private readonly to: OffsetSpace) {}

  /** No edit since the analysis: positions are the same on both sides. */
  get identity(): boolean {
    return this.steps.length === 0;
  }

  /** A position of the current text → the analysed text. */
  back(position: Position): Position | undefined {
    if (this.identity) return position;
    let offset: number | undefined = this.to.offsetAt(position);
    for (let i = this.steps.length - 1; i >= 0 && offset !== undefined; i--) {
      const s = this.steps[i];
      const newEnd = s.start + s.length;
      offset = offset <= s.start ? offset : offset >= newEnd ? offset - s.length + (s.end - s.start) : undefined;
    }
    return offset === undefined ? undefined : this.from.positionAt(offset);
  }

  /** A position of the analysed text → the current text. */
  forward(position: Position): Position | undefined {
    if (this.identity) return position;
    let offset: number | undefined = this.from.offsetAt(position);
    for (const s of this.steps) {
      if (offset === undefined) break;
      offset = offset <= s.start ? offset : offset >= s.end ? offset + s.length - (s.end - s.start) : undefined;
    }
    return offset === undefined ? undefined : this.to.positionAt(offset);
  }

  /** A range of the current text → the analysed text; undefined when either end lies in text typed since. */
  rangeBack(range: Range): Range | undefined {
    if (this.identity) return range;
    const start = this.back(range.start);
    const end = start && this.back(range.end);
    return start && end ? { start, end } : undefined;
  }

  /** A range of the analysed text → the current text; undefined when either end lies in text replaced since. */
  range(range: Range): Range | undefined {
    if (this.identity) return range;
    const start = this.forward(range.start);
    const end = start && this.forward(range.end);
    return start && end ? { start, end } : undefined;
  }
}
