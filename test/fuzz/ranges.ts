// Every range in a protocol answer, and why one is not a range of its document: a line past the end, a column
// past the end of its line or between a \r and its \n, an end before the start. Ranges belong to the document
// named by the nearest `uri` (or `changes` key, or `textDocument.uri`) above them, else to the one asked about.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-protocol';

export interface FoundRange { uri: string; range: Range; where: string }

const isPosition = (p: unknown): p is Position => typeof p === 'object' && p !== null && 'line' in p && 'character' in p;
const isRange = (r: unknown): r is Range => typeof r === 'object' && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);

/** Every range in `value`, with the uri it refers to and the path to it. */
export function rangesIn(value: unknown, uri: string, where = '', out: FoundRange[] = []): FoundRange[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => rangesIn(v, uri, `${where}[${i}]`, out));
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  if (isRange(value)) {
    out.push({ uri, range: value, where });
    return out;
  }
  const record = value as Record<string, unknown>;
  let own = typeof record.uri === 'string' ? record.uri : uri;
  const doc = record.textDocument as { uri?: unknown } | undefined;
  if (typeof doc?.uri === 'string') own = doc.uri;
  for (const [key, v] of Object.entries(record)) {
    if (key === 'changes' && typeof v === 'object' && v !== null) {
      for (const [changed, edits] of Object.entries(v)) rangesIn(edits, changed, `${where}.changes[${changed}]`, out);
    } else rangesIn(v, own, `${where}.${key}`, out);
  }
  return out;
}

/** The width of each line of a document, without its line break. */
export function lineWidths(doc: TextDocument): number[] {
  const text = doc.getText();
  const widths: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const start = doc.offsetAt({ line, character: 0 });
    const end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
    widths.push(text.slice(start, end).replace(/(\r\n|\r|\n)$/, '').length);
  }
  return widths;
}

/** Why `range` is not a range of a document with these line widths, or undefined when it is. */
export function badRange(widths: readonly number[], range: Range): string | undefined {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'has a position that is not integers';
    if (p.line < 0 || p.line >= widths.length) return `has line ${p.line}, outside 0..${widths.length - 1}`;
    if (p.character < 0 || p.character > widths[p.line]) return `has column ${p.character} on line ${p.line} of ${widths[p.line]} characters (past its end or inside its line break)`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'ends before it starts';
  return undefined;
}
