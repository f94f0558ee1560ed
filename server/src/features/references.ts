// Find references: every place that points at the id under the cursor, and its definition when asked.
import type { Location, Position } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { lspRange } from './convert';
import { definitionsOf, idAt, referencesOf } from './id-at';

export function references(analysis: Analysis, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const at = idAt(analysis, position);
  if (!at) return [];
  const ranges = referencesOf(analysis, at.collection, at.id).map((r) => r.range);
  if (includeDeclaration) ranges.unshift(...definitionsOf(analysis, at.collection, at.id).map((d) => d.range));
  return ranges
    .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character)
    .map((range) => ({ uri, range: lspRange(range) }));
}
