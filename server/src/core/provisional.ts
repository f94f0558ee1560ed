// PURE. What requests answer from while the checks of a new text still run (analysisSteps): the new text's
// structure (its tree, lines, model and data) with the previous analysis's findings, coverage and waivers,
// their ranges moved through the edit. Once an edit is spliced, the previous analysis's tree is the new one, so
// the previous analysis can no longer answer alone; this one is consistent with the new text throughout, and
// only its judgements are one edit old, as any answer from the last finished analysis is.
import type { AnalysisStructure } from './analyze';
import { documentSymbols, principleTitles } from './symbols';
import { textEdit } from './text';
import type { Analysis, Position, Range, SymbolNode } from './types';

export function provisionalAnalysis(previous: Analysis, structure: AnalysisStructure): Analysis {
  const change = structure.edit ?? textEdit(previous.lines.text, structure.lines.text);
  const move = (position: Position, end: boolean): Position => {
    const at = previous.lines.offsetAt(position);
    // Text inserted where a range starts comes before it, where a range ends after it: a range keeps its own text.
    const moved = end ? (at <= change.start ? at : at >= change.oldEnd ? at + change.newEnd - change.oldEnd : change.newEnd)
      : at < change.start ? at : at >= change.oldEnd ? at + change.newEnd - change.oldEnd : change.start;
    return structure.lines.positionAt(moved);
  };
  const moveRanges = <T>(value: T): T => mapRanges(value, (r) => ({ start: move(r.start, false), end: move(r.end, true) }));
  const titles = principleTitles(previous.catalog);
  let symbols: SymbolNode[] | undefined;
  return {
    findings: moveRanges(previous.findings),
    coverage: moveRanges(previous.coverage),
    waivers: moveRanges(previous.waivers),
    info: previous.info,
    catalog: previous.catalog,
    model: structure.model,
    get symbols() {
      symbols ??= documentSymbols(structure.document, structure.lines, titles);
      return symbols;
    },
    document: structure.document,
    lines: structure.lines,
    data: structure.data,
    source: structure.source,
  };
}

function isPosition(value: unknown): value is Position {
  return !!value && typeof value === 'object' && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: unknown): value is Range {
  return !!value && typeof value === 'object' && isPosition((value as Range).start) && isPosition((value as Range).end);
}

/** A copy of plain data (arrays and objects) with every range in it replaced by `map`'s; other values shared. */
function mapRanges<T>(value: T, map: (range: Range) => Range, depth = 0): T {
  if (isRange(value)) return map(value) as T;
  // Findings and coverage are a few levels deep: the bound only keeps a malformed value from recursing forever.
  if (!value || typeof value !== 'object' || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => mapRanges(v, map, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapRanges(v, map, depth + 1);
  return out as T;
}
