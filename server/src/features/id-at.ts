// The id under the cursor: a definition (an item's `id`) or a reference to one (an x-ref field or key).
// Definition, references and rename all start here.
import type { Analysis, IdDefinition, IdReference, Position } from '../core/index';
import { contains } from './convert';

export type IdAt =
  | { kind: 'definition'; collection: string; id: string; definition: IdDefinition }
  | { kind: 'reference'; collection: string; id: string; reference: IdReference };

export function idAt(analysis: Analysis, position: Position): IdAt | undefined {
  const { model } = analysis;
  const definition = model.definitions.find((d) => contains(d.range, position));
  if (definition) return { kind: 'definition', collection: definition.collection, id: definition.id, definition };
  const reference = model.references.find((r) => contains(r.range, position));
  if (reference) return { kind: 'reference', collection: reference.collection, id: reference.id, reference };
  return undefined;
}

/** Every definition of an id in its collection (more than one when the id is duplicated). */
export function definitionsOf(analysis: Analysis, collection: string, id: string): IdDefinition[] {
  return analysis.model.definitions.filter((d) => d.collection === collection && d.id === id);
}

export function referencesOf(analysis: Analysis, collection: string, id: string): IdReference[] {
  return analysis.model.references.filter((r) => r.collection === collection && r.id === id);
}
