// PURE. The answer of the completion scanner (text-context.ts): where the cursor is in the YAML, read from the
// text alone. Its own module so the block and flow readers that build it share it without importing each other.
import type { ContainerKind } from './block-lines';
import type { Path } from './types';

export type { ContainerKind };

export interface TextContext {
  /**
   * What the cursor is on: a map key (typed or not), the value of `key`, a list item (after "- " or inside
   * [...]), an empty spot in a block where an entry would start, or nothing to complete (a comment, a
   * multi-line scalar, after a closed flow collection).
   */
  on: 'key' | 'value' | 'item' | 'empty' | 'none';
  /** Path of the map or list holding the entry at the cursor. */
  container: Path;
  kind: ContainerKind;
  /** Path of the value or item at the cursor: container + key, or container + index. */
  path: Path;
  /** The key being typed (on 'key') or whose value holds the cursor (on 'value'). */
  key?: string;
  /** The item's index (on 'item'). */
  index?: number;
  /** Column of the container's entries in block style; for flow collections, the column of the block line. */
  indent: number;
  /** Inside a flow collection ({…} or […]): inserts stay on one line. */
  flow: boolean;
  /** The word under the cursor: [wordStart, wordEnd) in offsets; `word` is its part before the cursor. */
  word: string;
  wordStart: number;
  wordEnd: number;
  /** On a key that is already followed by ":". */
  hasColon: boolean;
  /** Right after "key:" with no space yet: a value needs a leading space. */
  needsSpace: boolean;
  /** Keys already present in the enclosing map (before and after the cursor). */
  siblings: string[];
}

/** Nothing to complete at an offset. */
export const noContext = (offset: number): TextContext => ({
  on: 'none', container: [], kind: 'map', path: [], indent: 0, flow: false, word: '', wordStart: offset, wordEnd: offset, hasColon: false, needsSpace: false, siblings: [],
});
