// PURE. The model and dates of a spliced parse (incremental.ts), made from the previous analysis's instead of
// walking the whole tree again: a keystroke in a 30,000-line file visits the list item it touched, not the file.
//
// A walk records in document order, so each kind of record falls in three runs: those that start before the
// re-parsed block (kept, the same objects: the text before the block and its line breaks did not change), those
// of the replaced entries (dropped; the fresh entries are walked with the plan and path of their collection), and
// those that start after the block (moved by the lines the edit added, and, under the same list after the run,
// renumbered by the items it added). The block is whole lines, so a record after it keeps its column. The one
// record before the block that reaches into it is the definition of a list item holding it: made again.
// test/unit/incremental.test.ts compares the result with a whole walk after every one of its random edits.
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { indexed, indexModel, noRecords, pathOf, rootPlan, scalarText, walker, type Indexed, type Link, type Plan } from './model';
import { sameItems } from './same-items';
import { firstAtOrAfter } from './sorted';
import type { Parsed, Splice } from './parse';
import type { LineIndex } from './text';
import type { IdDefinition, Path, Range } from './types';

/** What the previous analysis was made from: its parse, line index and model. */
export interface IndexedSource { parsed: Parsed; lines: LineIndex; indexed: Indexed }

/**
 * The model and dates of `parsed`: the previous ones when the text did not change, spliced from them when the
 * parse was spliced (and that can be done exactly), else one walk of the whole tree.
 */
export function indexEdited(previous: IndexedSource | undefined, parsed: Parsed, lines: LineIndex): Indexed {
  if (previous && parsed === previous.parsed && lines.text === previous.lines.text) return previous.indexed;
  const spliced = previous && parsed.spliced ? spliceIndexed(previous.indexed, previous.lines, lines, parsed.spliced) : undefined;
  return spliced ?? indexModel(parsed.document, lines);
}

/** The previous model and dates with the splice `s` applied; undefined when the block is not whole lines in both texts. */
export function spliceIndexed(previous: Indexed, oldLines: LineIndex, lines: LineIndex, s: Splice): Indexed | undefined {
  const atEnd = s.end === oldLines.text.length;
  if (!oldLines.isLineStart(s.start) || !lines.isLineStart(s.start)) return undefined;
  if (!atEnd && (!oldLines.isLineStart(s.end) || !lines.isLineStart(s.newEnd))) return undefined;
  const startLine = oldLines.lineAt(s.start);
  // A block that runs to the end of the text has nothing after it.
  const endLine = atEnd ? Infinity : oldLines.lineAt(s.end);
  const lineDelta = atEnd ? 0 : lines.lineAt(s.newEnd) - endLine;

  // Down the collections to the one spliced, as the whole walk goes: its plan, path and key, and the definitions
  // of the list items on the way (they hold the block, so their item ranges moved).
  const fresh = noRecords();
  const walk = walker(lines, fresh);
  const holders: { path: Path; line: number; definition: IdDefinition | undefined }[] = [];
  let plan: Plan | undefined = rootPlan();
  let at: Link | undefined;
  let key = '';
  const container = s.containers[s.containers.length - 1];
  for (let d = 0; d < s.containers.length - 1 && plan; d++) {
    const c = s.containers[d];
    const entry = c.items[s.steps[d]];
    if (isMap(c)) {
      const k = scalarText((entry as Pair<Node, Node>).key);
      if (k === undefined) plan = undefined;
      else {
        plan = plan.props.get(k) ?? plan.additional;
        at = { parent: at, segment: k };
        key = k;
      }
    } else if (plan.items) {
      at = { parent: at, segment: s.steps[d] };
      if (plan.collection !== undefined && isMap(entry) && entry.range) {
        holders.push({ path: pathOf(at), line: lines.lineAt(entry.range[0]), definition: walk.definition(entry, plan, at) });
      }
      plan = plan.items;
    } else plan = undefined;
  }
  if (plan) walk.entries(container, plan, at, key, s.first, s.first + s.fresh);

  // The records after the run that are still inside its list (which ends where its last item does: a repeated key
  // can give another list the same path) are numbered from the fresh items' end.
  const where = pathOf(at);
  const renumber = plan && isSeq(container) && container.range ? s.fresh - s.replaced : 0;
  const listEnd = renumber ? lines.positionAt(container.range![1]) : undefined;
  const move = (r: Range): Range => ({ start: { line: r.start.line + lineDelta, character: r.start.character }, end: { line: r.end.line + lineDelta, character: r.end.character } });
  const movePath = (path: Path, range: Range): Path => {
    if (!listEnd || path.length <= where.length || !where.every((segment, i) => path[i] === segment)) return path;
    const { line, character } = range.start;
    if (line > listEnd.line || (line === listEnd.line && character >= listEnd.character)) return path;
    const out = [...path];
    out[where.length] = (out[where.length] as number) + renumber;
    return out;
  };
  const moved = <T extends { range: Range; path: Path }>(r: T): T => {
    const range = lineDelta ? move(r.range) : r.range;
    const path = movePath(r.path, range);
    return range === r.range && path === r.path ? r : { ...r, range, path };
  };
  const splice = <T extends { range: Range; path: Path }>(old: T[], added: T[], line: (r: T) => number, after: (r: T) => T): T[] => {
    const from = firstAtOrAfter(old, startLine, line);
    const to = endLine === Infinity ? old.length : firstAtOrAfter(old, endLine, line);
    const out = old.slice(0, from);
    for (const r of added) out.push(r);
    for (let k = to; k < old.length; k++) out.push(after(old[k]));
    return out;
  };

  const definitions = splice(previous.model.definitions, fresh.definitions, (d) => d.itemRange.start.line, (d) => {
    const m = moved(d);
    return m === d ? d : { ...m, itemRange: lineDelta ? move(d.itemRange) : d.itemRange };
  });
  for (const holder of holders) {
    const k = findHolder(definitions, holder.path, holder.line, startLine);
    // Its id is outside the block, so the item had a definition before exactly when it has one now.
    if ((k < 0) !== (holder.definition === undefined)) return undefined;
    if (holder.definition) definitions[k] = holder.definition;
  }
  const byStart = (r: { range: Range }): number => r.range.start.line;
  return indexed({
    definitions,
    references: splice(previous.model.references, fresh.references, byStart, moved),
    links: splice(previous.model.links, fresh.links, byStart, moved),
    dates: splice(previous.dates, fresh.dates, byStart, moved),
  });
}

/** Where the old definition of a list item holding the block is (it starts on `line`, before the block), or -1. */
function findHolder(definitions: IdDefinition[], path: Path, line: number, startLine: number): number {
  if (line >= startLine) return -1;
  for (let k = firstAtOrAfter(definitions, line, (d) => d.itemRange.start.line); k < definitions.length && definitions[k].itemRange.start.line === line; k++) {
    if (sameItems(definitions[k].path, path)) return k;
  }
  return -1;
}
