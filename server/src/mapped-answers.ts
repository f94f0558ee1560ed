// Answers computed on an older analysis, carried into the current text through the edits made since (edit-log.ts).
// An item whose range touches text replaced since is left out: it may no longer be true, and the next analysis
// brings it back if it is.
import type { CodeAction, CodeLens, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Range, TextEdit } from 'vscode-languageserver';
import type { PositionMap } from './edit-log';

/** Each item with its range moved by `move`; an item whose range cannot be moved is left out. */
function moved<T extends { range: Range }>(items: T[], move: (item: T) => Range | undefined): T[] {
  const out: T[] = [];
  for (const item of items) {
    const range = move(item);
    if (range) out.push({ ...item, range });
  }
  return out;
}

export function mapHover(hover: Hover | null, map: PositionMap): Hover | null {
  if (!hover?.range || map.identity) return hover;
  const range = map.range(hover.range);
  return range ? { ...hover, range } : null;
}

/** Locations in the mapped document move; those in other documents stay. */
export function mapLocations(locations: Location[], uri: string, map: PositionMap): Location[] {
  return map.identity ? locations : moved(locations, (l) => (l.uri === uri ? map.range(l.range) : l.range));
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
  return map.identity ? items : moved(items, (item) => map.range(item.range));
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

/** The client's diagnostics (current text) as the analysed text has them; those in text typed since are dropped. */
export function diagnosticsBack(diagnostics: Diagnostic[], map: PositionMap): Diagnostic[] {
  return map.identity ? diagnostics : moved(diagnostics, (d) => map.rangeBack(d.range));
}

/** Quick fixes whose every edit still lands in unchanged text, with their edits and diagnostics moved. */
export function mapCodeActions(actions: CodeAction[], uri: string, map: PositionMap): CodeAction[] {
  if (map.identity) return actions;
  const out: CodeAction[] = [];
  for (const action of actions) {
    const edits = action.edit?.changes?.[uri];
    const moved = edits?.map((e) => ({ e, range: map.range(e.range) }));
    if (moved?.some((m) => !m.range)) continue;
    const diagnostics = action.diagnostics?.map((d) => ({ ...d, range: map.range(d.range) ?? d.range }));
    const changes = moved ? { ...action.edit!.changes, [uri]: moved.map(({ e, range }): TextEdit => ({ ...e, range: range! })) } : action.edit?.changes;
    out.push({ ...action, diagnostics, ...(action.edit ? { edit: { ...action.edit, changes } } : {}) });
  }
  return out;
}
