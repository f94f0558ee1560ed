// Go to definition: from a reference to the item's id; on an id itself, that id.
import type { Location, Position } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { lspRange } from './convert';
import { idAt } from './id-at';

export function definition(analysis: Analysis, uri: string, position: Position): Location[] {
  const at = idAt(analysis, position);
  if (!at) return [];
  if (at.kind === 'definition') return [{ uri, range: lspRange(at.definition.range) }];
  const target = analysis.model.ids.get(at.collection)?.get(at.id);
  return target ? [{ uri, range: lspRange(target.range) }] : [];
}
