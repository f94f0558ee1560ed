// The outline: the core's symbol tree as LSP DocumentSymbols, principles labelled with their coverage.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis, PrincipleCoverage, SymbolNode } from '../core/index';
import { lspRange } from './convert';
import { coverageLabel } from './coverage-label';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const coverage = new Map(analysis.coverage.principles.map((p) => [p.id, p]));
  return analysis.symbols.map((node) => toSymbol(node, 0, coverage));
}

function kindOf(node: SymbolNode, depth: number): SymbolKind {
  switch (node.kind) {
    case 'section': return depth === 0 ? SymbolKind.Module : SymbolKind.Namespace;
    case 'principle': return SymbolKind.Package;
    case 'list': return SymbolKind.Array;
    case 'item': return SymbolKind.Object;
    default: return SymbolKind.Field;
  }
}

function toSymbol(node: SymbolNode, depth: number, coverage: Map<string, PrincipleCoverage>): DocumentSymbol {
  let detail = node.detail === undefined ? undefined : oneLine(node.detail);
  const principle = node.kind === 'principle' ? coverage.get(node.name) : undefined;
  if (principle) detail = `${detail ?? `${principle.clause} ${principle.title}`} — ${coverageLabel(principle)}`;
  const range = lspRange(node.range);
  const selectionRange = lspRange(node.selectionRange);
  return {
    // An empty name is refused by VS Code; a key can be "" in YAML.
    name: node.name.trim() === '' ? `"${node.name}"` : node.name,
    detail,
    kind: kindOf(node, depth),
    range,
    selectionRange: within(selectionRange, range) ? selectionRange : range,
    children: node.children.map((child) => toSymbol(child, depth + 1, coverage)),
  };
}

const MAX_DETAIL = 80;

/** Details show on one line of the outline: folded text is flattened and long text shortened. */
function oneLine(text: string): string {
  // By code point, so an emoji is never cut in half.
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_DETAIL ? `${chars.slice(0, MAX_DETAIL - 1).join('')}…` : chars.join('');
}

/** LSP requires the selection range inside the symbol's range. */
function within(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
