// Answers computed on an older analysis, carried into the current text through the edits made since (edit-log.ts).
// An item whose range touches text replaced since is left out: it may no longer be true, and the next analysis
// brings it back if it is.
import type { CodeLens, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location } from 'vscode-languageserver';
import type { PositionMap } from './edit-log';

export function mapHover(hover: Hover | null, map: PositionMap): Hover | null {
  if (!hover?.range || map.identity) return hover;
  const range = map.range(hover.range);
  return range ? { ...hover, range } : null;
}

/** Locations in the mapped document move; those in other documents stay. */
export function mapLocations(locations: Location[], uri: string, map: PositionMap): Location[] {
  if (map.identity) return locations;
  const out: Location[] = [];
  for (const l of locations) {
    const range = l.uri === uri ? map.range(l.range) : l.range;
    if (range) out.push({ ...l, range });
  }
  return out;
}

export function mapSymbols(symbols: DocumentSymbol[], map: PositionMap): DocumentSymbol[] {
  if (map.identity) return symbols;
  const out: DocumentSymbol[] = [];
  for (const s of symbols) {
    const range = map.range(s.range);
    const selectionRange = map.range(s.selectionRange);
    if (range && selectionRange) out.push({ ...s, range, selectionRange, children: s.children && mapSymbols(s.children, map) });
  }
  return out;
}

export function mapRanged<T extends CodeLens | DocumentLink>(items: T[], map: PositionMap): T[] {
  if (map.identity) return items;
  const out: T[] = [];
  for (const item of items) {
    const range = map.range(item.range);
    if (range) out.push({ ...item, range });
  }
  return out;
}

export function mapFolding(ranges: FoldingRange[], map: PositionMap): FoldingRange[] {
  if (map.identity) return ranges;
  const out: FoldingRange[] = [];
  for (const f of ranges) {
    const start = map.forward({ line: f.startLine, character: f.startCharacter ?? 0 });
    const end = map.forward({ line: f.endLine, character: f.endCharacter ?? 0 });
    if (start && end && end.line > start.line) out.push({ ...f, startLine: start.line, endLine: end.line, ...(f.startCharacter === undefined ? {} : { startCharacter: start.character }), ...(f.endCharacter === undefined ? {} : { endCharacter: end.character }) });
  }
  return out;
}
