// Keys repeated within one map: the walk of tree-scan.ts, for callers that want nothing else from it (an edit
// looks for them in the entries it re-parsed).
import { scanTree, type DuplicateKey } from './tree-scan';

export type { DuplicateKey };

/** The repeated keys in the maps under `roots` (a document's contents, or the entries an edit re-parsed), by position. */
export function duplicateKeys(roots: readonly unknown[]): DuplicateKey[] {
  return scanTree(roots).duplicates;
}
