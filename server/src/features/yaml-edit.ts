// Text edits on YAML source that keep the author's layout: the indentation of the map they land in, block
// or flow style, and the document's line endings. Quick fixes build their edits here and nowhere else.
import { Document, isMap, isScalar, isSeq, stringify, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex, Range, TextEdit } from '../core/index';

const FLOW = { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 } as const;

export interface RenderOptions {
  /** Write the maps inside lists as `- {a: 1, b: 2}` (the style of a waiver entry). */
  flowItems?: boolean;
}

export class YamlEdits {
  /** The document's line break: new lines use it so CRLF files stay CRLF. */
  readonly eol: string;
  /** Spaces per nesting level in new blocks: the document's own, else 2. */
  readonly unit: number;

  constructor(private readonly lines: LineIndex, root?: Node | null) {
    this.eol = /\r\n/.test(lines.text) ? '\r\n' : /\r(?!\n)/.test(lines.text) && !/\n/.test(lines.text) ? '\r' : '\n';
    this.unit = indentUnit(root, (offset) => this.column(offset));
  }

  column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }

  /** Adds `key: value` as the last pair of a map, or before the sibling `before` when the map has it. */
  insertPair(map: YAMLMap, key: string, value: unknown, options: RenderOptions & { before?: string } = {}): TextEdit {
    return this.insertPairs(map, [[key, value]], options);
  }

  /** Adds several pairs at once, in the given order (one edit, so they cannot interleave). */
  insertPairs(map: YAMLMap, entries: [string, unknown][], options: RenderOptions & { before?: string } = {}): TextEdit {
    const pairs = map.items as Pair<Node, Node>[];
    if (map.flow || pairs.length === 0 || !pairs[0].key?.range) {
      const body = entries.map(([key, value]) => `${flowText(key)}: ${this.flow(value)}`).join(', ');
      const last = pairs[pairs.length - 1];
      const end = last ? pairEnd(last) : undefined;
      if (end !== undefined) return this.insertAt(end, `, ${body}`);
      return this.insertAt((map.range?.[0] ?? 0) + 1, body);
    }
    const indent = this.column(pairs[0].key!.range![0]);
    const text = this.block(Object.fromEntries(entries), indent, options);
    const sibling = options.before === undefined ? undefined : pairs.find((p) => isScalar(p.key) && String(p.key.value) === options.before);
    if (sibling?.key?.range) return this.insertAt(this.lineStartAbove(sibling.key.range[0]), text + this.eol);
    return this.insertAfterLineOf(pairEnd(pairs[pairs.length - 1]) ?? map.range![1], text);
  }

  /** Appends an item to a list, block or flow. */
  appendItem(seq: YAMLSeq, value: unknown, options: RenderOptions = {}): TextEdit {
    return this.appendItems(seq, [value], options);
  }

  /** Appends items to a list in one edit; new block items follow the list's style (`- {a: 1}` beside flow maps). */
  appendItems(seq: YAMLSeq, values: unknown[], options: RenderOptions = {}): TextEdit {
    const items = seq.items as Node[];
    const last = items[items.length - 1];
    if (seq.flow || !seq.range) {
      const body = values.map((v) => this.flow(v)).join(', ');
      if (last?.range) return this.insertAt(last.range[1], `, ${body}`);
      return this.insertAt((seq.range?.[0] ?? 0) + 1, body);
    }
    const dash = this.column(seq.range[0]);
    const flowItems = options.flowItems ?? ((isMap(last) || isSeq(last)) && !!last.flow);
    return this.insertAfterLineOf(last?.range?.[1] ?? seq.range[1], this.block(values, dash, { flowItems }));
  }

  /**
   * Gives a key whose value is empty (`key:`, `key: ~`, `key: []`) a value. In a block map a list or map
   * value goes on the lines below the key; in a flow map, or for a scalar, it replaces the empty value.
   */
  setValue(key: Node | null, current: Node | null, value: unknown, options: RenderOptions & { inFlow?: boolean } = {}): TextEdit | undefined {
    const keyRange = key?.range;
    if (!keyRange) return undefined;
    const hasText = !!current?.range && current.range[1] > current.range[0];
    // A block scalar's range takes in its line break ("key: >-" with no text): the edit stops before it.
    let end = current?.range?.[1] ?? 0;
    while (hasText && end > current!.range![0] && (this.lines.text[end - 1] === '\n' || this.lines.text[end - 1] === '\r')) end--;
    const scalar = value === null || typeof value !== 'object';
    if (options.inFlow || scalar || (hasText && !isScalar(current))) {
      if (hasText) return { range: this.lines.range(current!.range![0], end), newText: this.flow(value) };
      return this.insertAt(current?.range?.[0] ?? keyRange[1], ` ${this.flow(value)}`);
    }
    const indent = this.column(keyRange[0]) + this.unit;
    const body = this.eol + this.block(value, indent, options);
    if (hasText) {
      // `key: ~` becomes `key:` and the block below it.
      const colon = this.lines.text.indexOf(':', keyRange[1]);
      const from = colon >= 0 && colon < current!.range![0] ? colon + 1 : current!.range![0];
      return { range: this.lines.range(from, end), newText: body };
    }
    const keyLine = this.lines.positionAt(keyRange[0]).line;
    return this.insertAt(this.lines.lineEnd(keyLine), body);
  }

  /** A value written in flow style, quoted as a flow context needs (commas and brackets are syntax there). */
  flow(value: unknown): string {
    return stringify([value], FLOW).trim().slice(1, -1);
  }

  /** A value written as block YAML, every line at `indent` spaces, joined by the document's line break. */
  block(value: unknown, indent: number, options: RenderOptions = {}): string {
    const doc = new Document(value);
    if (options.flowItems) {
      visit(doc, {
        Seq(_key, seq) {
          for (const item of seq.items) if (isMap(item) || isSeq(item)) item.flow = true;
        },
      });
    }
    const text = doc.toString({ indent: this.unit, lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
    const pad = ' '.repeat(indent);
    return text.split('\n').map((line) => (line ? pad + line : line)).join(this.eol);
  }

  private insertAt(offset: number, newText: string): TextEdit {
    const at = this.lines.positionAt(offset);
    return { range: { start: at, end: at }, newText };
  }

  /** Inserts whole lines after the line holding the last character before `end`. */
  private insertAfterLineOf(end: number, text: string): TextEdit {
    const src = this.lines.text;
    let o = end;
    while (o > 0 && /\s/.test(src[o - 1])) o--;
    const line = this.lines.positionAt(Math.max(0, o - 1)).line;
    if (line + 1 < this.lines.lineCount) return this.insertAt(this.lines.starts[line + 1], text + this.eol);
    return this.insertAt(src.length, this.eol + text);
  }

  /** The start of a line, moved above the comment lines that introduce it. */
  private lineStartAbove(offset: number): number {
    let line = this.lines.positionAt(offset).line;
    while (line > 0 && /^\s*#/.test(this.lines.lineText(line - 1))) line--;
    return this.lines.starts[line];
  }
}

function pairEnd(pair: Pair<Node, Node>): number | undefined {
  return pair.value?.range?.[1] ?? pair.key?.range?.[1];
}

function flowText(key: string): string {
  return stringify([key], FLOW).trim().slice(1, -1);
}

/** The indentation step of the first nested block map or list in the document. */
function indentUnit(root: Node | null | undefined, column: (offset: number) => number): number {
  if (!isMap(root) || root.flow) return 2;
  for (const pair of root.items as Pair<Node, Node>[]) {
    const value = pair.value;
    const keyStart = pair.key?.range?.[0];
    if (keyStart === undefined || !value?.range || (!isMap(value) && !isSeq(value)) || value.flow) continue;
    const step = column(value.range[0]) - column(keyStart);
    if (step >= 2 && step <= 8) return step;
  }
  return 2;
}

/**
 * The text of a one-line scalar without its quotes: what a rename replaces and a link underlines.
 * Undefined for a block or multi-line scalar.
 */
export function unquotedRange(lines: LineIndex, range: Range): Range | undefined {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const source = lines.text.slice(start, end);
  const q = source[0];
  if ((q === '"' || q === "'") && source.length >= 2 && source.endsWith(q)) return lines.range(start + 1, end - 1);
  if (q === '|' || q === '>' || source.includes('\n') || source.includes('\r')) return undefined;
  return lines.range(start, end);
}

/** Applies LSP text edits to a text (non-overlapping, as a WorkspaceEdit's are). */
export function applyEdits(text: string, edits: readonly TextEdit[], lines: LineIndex): string {
  const ordered = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
