// PURE. Re-parses only the edited part of a big file: the run of list items (or of top-level sections) the edit
// touches is parsed on its own with `yaml` and spliced into the previous syntax tree, the nodes after it moved by
// the length the edit added. A relationship file is a handful of sections and long lists, so an edit inside one
// risk re-parses that risk, not 30,000 lines.
//
// The result must be exactly what parsing the whole text gives, so the splice is refused (undefined: parse the
// whole text) whenever that is not plain from the text: the previous tree had any syntax finding but repeated
// keys, an anchor, an alias, a directive, a second document or a nesting past the limits; the block has a tab, a
// document marker, a line that would close or open a list or section where the old one did not, an error or a
// warning of its own, an anchor, an alias, a list or map as a key; or a node outside the block starts or ends
// inside it. The differential test (test/unit/incremental.test.ts) and `npm run fuzz:incremental` compare the
// result with a full parse after thousands of random edits.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { scanTree } from './tree-scan';
import { MAX_BLOCK_DEPTH, MAX_FLOW_DEPTH, tooDeepFlows } from './nesting-depth';
import { controlCharacter, duplicateFinding, MAX_ALIAS_COUNT, PARSE_OPTIONS, type Parsed } from './parse';
import { textEdit, type LineIndex, type TextEdit } from './text';

/** The previous text with its parse: what an edit is spliced into. */
export interface Previous { text: string; parsed: Parsed }

type Range3 = [number, number, number];
type Container = YAMLSeq<Node> | YAMLMap<Node, Node>;

/**
 * A run of whole entries of one block collection, and the text they take in the old text: from `start` to the
 * line of the entry after them (`next`), or for the last entry to the end of its block, found when the run is
 * tried (it reads on through the block: for the last section, to the end of the text).
 */
interface Run {
  container: Container; first: number; last: number; start: number; next: number | undefined; lastLine: number; indent: number;
  /** The collections above it, from the root, and the index of the entry taken in each. */
  path: Container[]; steps: number[];
}

/**
 * The parse of `text`, spliced from `previous` when that is provably what a full parse gives; else undefined.
 * `edit` says where the two texts differ (the caller has it already for the line index).
 */
export function reparse(previous: Previous, text: string, lines: LineIndex, edit: TextEdit = textEdit(previous.text, text)): Parsed | undefined {
  const old = previous.text;
  const before = previous.parsed;
  if (!before.spliceable || !before.document || text === old) return text === old ? before : undefined;
  const { start: p, oldEnd } = edit;
  const delta = text.length - old.length;
  for (const run of runs(before.document, old, p, oldEnd)) {
    const spliced = splice(before, run, old, text, lines, p, oldEnd, delta);
    if (spliced) return spliced;
  }
  return undefined;
}

/** Candidate runs around the edit [p, oldEnd), the innermost first. */
function runs(document: Document.Parsed, old: string, p: number, oldEnd: number): Run[] {
  const out: Run[] = [];
  const path: Container[] = [];
  const steps: number[] = [];
  let node = document.contents as Node | null;
  while (isCollection(node) && !node.flow && node.range) {
    const collection = node as Container;
    const section = isMap(collection);
    const entries = collection.items as (Node | Pair<Node, Node>)[];
    const indent = node.range[0] - lineStart(old, node.range[0]);
    // Sections are spliced only at the top (keys at column 0); lists at any depth.
    const runnable = section ? path.length === 0 && indent === 0 : true;
    const lineStarts: number[] = [];
    for (const entry of entries) {
      const at = entryStart(entry);
      const ls = at === undefined ? undefined : section ? lineStart(old, at) : dashLine(old, at, indent);
      if (ls === undefined || at === undefined || (section && at - ls !== indent)) break;
      lineStarts.push(ls);
    }
    if (lineStarts.length !== entries.length) break;
    let first = -1;
    for (let k = 0; k < entries.length && lineStarts[k] <= p; k++) first = k;
    if (first < 0) break;
    if (lineStarts[first] === p && first > 0) first--;
    let last = first;
    while (last + 1 < entries.length && lineStarts[last + 1] <= oldEnd) last++;
    if (runnable) {
      const next = last + 1 < entries.length ? lineStarts[last + 1] : undefined;
      out.push({ container: collection, first, last, path: [...path], steps: [...steps], start: lineStarts[first], next, lastLine: lineStarts[last], indent });
    }
    if (first !== last) break;
    const entry = entries[first];
    path.push(collection);
    steps.push(first);
    node = (isPair(entry) ? entry.value : entry) as Node | null;
  }
  return out.reverse();
}

function entryStart(entry: Node | Pair<Node, Node> | null): number | undefined {
  const node = isPair(entry) ? (entry.key as Node | null) : entry;
  return node?.range ? node.range[0] : undefined;
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The start of the line whose "-" at column `indent` opens the list item whose value starts at `at`. */
function dashLine(text: string, at: number, indent: number): number | undefined {
  for (let ls = lineStart(text, at); ; ls = lineStart(text, ls - 1)) {
    let i = ls;
    while (i < ls + indent && text[i] === ' ') i++;
    if (i === ls + indent && isSeqDash(text, i) && i < at) return ls;
    if (ls === 0) return undefined;
  }
}

function isSeqDash(text: string, at: number): boolean {
  const next = text[at + 1];
  return text[at] === '-' && (next === undefined || next === ' ' || next === '\n' || next === '\r');
}

/**
 * Where the block opened on the line at `from` ends: the start of the next line with content indented no more
 * than `indent` (for a section: a line at column 0 that is not an item of a list written at column 0), or the
 * end of the text.
 */
function blockEnd(text: string, from: number, indent: number, section: boolean): number {
  let at = nextLine(text, from);
  while (at < text.length) {
    let i = at;
    while (text[i] === ' ') i++;
    const c = text[i];
    const content = i < text.length && c !== '\n' && c !== '\r' && c !== '#';
    if (content && i - at <= indent && !(section && isSeqDash(text, i))) return at;
    at = nextLine(text, at);
  }
  return text.length;
}

function nextLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return i + 1;
}

function splice(before: Parsed, run: Run, old: string, text: string, lines: LineIndex, p: number, oldEnd: number, delta: number): Parsed | undefined {
  const { start, indent } = run;
  const section = isMap(run.container);
  const end = run.next ?? blockEnd(old, run.lastLine, indent, section);
  // The edit must stay inside the block, and the line after it (unchanged) must still begin a line.
  if (p < start || (oldEnd >= end && end !== old.length)) return undefined;
  const newEnd = end + delta;
  const block = text.slice(start, newEnd);
  if (!blockLinesFit(block, indent, section)) return undefined;
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(block.replace(/\r(?!\n)/g, '\n'), PARSE_OPTIONS) as Document.Parsed[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0];
  const contents = doc.contents as Node | null;
  if (doc.errors.length || doc.warnings.length || !isCollection(contents) || contents.flow || contents.items.length === 0) return undefined;
  if (section ? !isMap(contents) : !isSeq(contents)) return undefined;
  if (contents.range?.[0] !== indent || controlCharacter(block)) return undefined;
  if (!plainTree(contents)) return undefined;
  // The previous text had no flow nested too deep, and the block parsed whole, so its flows are its own: only
  // the block can have one now.
  if (countFlowOpeners(block) > MAX_FLOW_DEPTH && tooDeepFlows(block).length) return undefined;

  // Nodes outside the block must not start or end inside it: they would have to move with the text in it.
  const unsafe = (x: number): boolean => x > start && x < end;
  const items = run.container.items as (Node | Pair<Node, Node>)[];
  const outside = [items[run.first - 1], items[run.last + 1]].map((e) => (isPair(e) ? (e.key as Node | null) : e));
  if ((outside[0]?.range && outside[0].range[2] > start) || (outside[1]?.range && outside[1].range[0] < end)) return undefined;
  // The old entries must lie inside the block too: a line the text scan took for the block's end (a tab before
  // any space) may be read by the parser as more of the last entry.
  const replacedEnd = entryEnd(items[run.last]);
  if (replacedEnd === undefined || replacedEnd > end) return undefined;
  const atEnd = end === old.length;
  const enclosing = [...run.path, run.container];
  // A block that runs to the end of the text ends its enclosing collections, which end where their last entry
  // does (not at trailing blank lines): they are moved to the new last entry's end, when the old tree agrees.
  const oldLast = entryEnd(items[items.length - 1]);
  if (atEnd && (oldLast === undefined || before.document!.range[1] !== oldLast || enclosing.some((c) => c.range?.[1] !== oldLast || c.range[2] !== oldLast))) return undefined;
  for (const c of enclosing) if (!c.range || (!atEnd && (unsafe(c.range[1]) || unsafe(c.range[2])))) return undefined;
  // A collection that ended with the block must end with it still: a blank line the edit left at the block's end
  // (spaces on it, or a CR LF before it) is after the collection, not in it.
  const blockEnds = [contents.range[1] + start, contents.range[2] + start];
  if (!atEnd && enclosing.some((c) => [1, 2].some((k) => c.range![k] === end && blockEnds[k - 1] !== newEnd))) return undefined;
  const freshLast = entryEnd(contents.items[contents.items.length - 1] as Node | Pair<Node, Node>);
  if (freshLast === undefined) return undefined;
  const newLast = freshLast + start;
  const pathKeys = dataPath(run);
  const fresh = contents.items as (Node | Pair<Node, Node>)[];

  // From here the previous tree is taken over: the block's entries replace the old ones, and the nodes after
  // them move by the length the edit added. Nothing below fails.
  for (const e of fresh) shiftAll(e, start);
  const firstOld = entryNode(items[run.first]);
  const firstNew = entryNode(fresh[0]);
  if (firstNew && firstOld) {
    // Comments and blank lines above the first entry are in the text before the block.
    firstNew.commentBefore = firstOld.commentBefore;
    firstNew.spaceBefore = firstOld.spaceBefore;
  }
  items.splice(run.first, run.last - run.first + 1, ...fresh);
  for (let k = run.first + fresh.length; k < items.length; k++) shiftAll(items[k], delta);
  const shift = (x: number): number => (x >= end ? x + delta : x);
  for (let d = run.path.length - 1; d >= 0; d--) {
    const ancestor = run.path[d];
    const entries = ancestor.items as (Node | Pair<Node, Node>)[];
    for (let k = run.steps[d] + 1; k < entries.length; k++) shiftAll(entries[k], delta);
  }
  const document = before.document!;
  if (atEnd) {
    for (const c of enclosing) c.range = [c.range![0], newLast, newLast];
    // The document ends after the blank lines and comments that follow its content, as the block's own does.
    document.range = [document.range[0], newLast, doc.range[2] + start];
  } else {
    for (const c of enclosing) c.range = c.range!.map(shift) as Range3;
    document.range = document.range.map(shift) as Range3;
  }

  // Repeated keys: with none before, only the block's maps can hold one (a section's run also meets the others).
  const findings = (before.findings.length === 0 && !section ? scanTree(fresh) : scanTree([document.contents])).duplicates.map((d) => duplicateFinding(d, text, lines));
  let data: unknown;
  try {
    // With a key repeated, before or now, the data holds one of the values a key has (the last): not the tree's shape.
    data = pathKeys && findings.length === 0 && before.findings.length === 0 ? splicedData(before.data, pathKeys, run, fresh, document) : undefined;
  } catch {
    // The data did not have the tree's shape along the path: converted whole below.
  }
  if (data === undefined) data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const spliced = { start, end, newEnd, containers: enclosing, steps: run.steps, first: run.first, replaced: run.last - run.first + 1, fresh: fresh.length };
  return { document, data, findings, spliceable: true, spliced };
}

/** Where an entry's node ends: a list item's, or a pair's value (its key when it has none). */
function entryEnd(e: Node | Pair<Node, Node> | undefined): number | undefined {
  const node = isPair(e) ? ((e.value as Node | null) ?? (e.key as Node | null)) : e;
  return node?.range?.[2];
}

function entryNode(e: Node | Pair<Node, Node> | undefined): Node | null | undefined {
  return isPair(e) ? (e.key as Node | null) : e;
}

/** Adds `by` to every offset of the entry and everything under it (a stack, so depth cannot overflow). */
function shiftAll(entry: Node | Pair<Node, Node> | null | undefined, by: number): void {
  if (by === 0) return;
  const stack: unknown[] = [entry];
  while (stack.length) {
    const n = stack.pop() as Node | Pair<Node, Node> | null | undefined;
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    const r = n.range;
    if (r) {
      r[0] += by;
      r[1] += by;
      r[2] += by;
    }
    if (isCollection(n)) for (const e of n.items) stack.push(e);
  }
}

/**
 * The data keys from the root to the run's collection, when the plain data can be spliced the same way: every
 * map on the way keyed by strings (as the data's own keys).
 */
function dataPath(run: Run): (string | number)[] | undefined {
  const keys: (string | number)[] = [];
  for (let d = 0; d < run.path.length; d++) {
    const entry = run.path[d].items[run.steps[d]] as Node | Pair<Node, Node>;
    if (!isPair(entry)) {
      keys.push(run.steps[d]);
      continue;
    }
    const key = entry.key as Node | null;
    if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__') return undefined;
    keys.push(key.value);
  }
  if (isMap(run.container) && !(run.container.items as Pair<Node, Node>[]).every((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value !== '__proto__')) return undefined;
  return keys;
}

/** The previous data with the run's entries replaced: copies along the path, everything else shared. */
function splicedData(data: unknown, keys: (string | number)[], run: Run, fresh: (Node | Pair<Node, Node>)[], document: Document.Parsed): unknown {
  const js = (n: unknown): unknown => (n && typeof n === 'object' && 'toJS' in n ? (n as Node).toJS(document, { maxAliasCount: MAX_ALIAS_COUNT }) : n === null ? null : n);
  const replace = (value: unknown, depth: number): unknown => {
    if (depth === keys.length) {
      if (isSeq(run.container)) {
        if (!Array.isArray(value)) throw new TypeError('not a list');
        return [...value.slice(0, run.first), ...fresh.map(js), ...value.slice(run.last + 1)];
      }
      const old = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const added = new Set(fresh);
      for (const pair of run.container.items as Pair<Node, Node>[]) {
        const key = (pair.key as Scalar).value as string;
        out[key] = added.has(pair) ? js(pair.value) : old[key];
      }
      return out;
    }
    const key = keys[depth];
    if (Array.isArray(value)) {
      const copy = [...value];
      copy[key as number] = replace(value[key as number], depth + 1);
      return copy;
    }
    if (!value || typeof value !== 'object') throw new TypeError('not a collection');
    return { ...(value as Record<string, unknown>), [key]: replace((value as Record<string, unknown>)[key], depth + 1) };
  };
  return replace(data, 0);
}

/** The block's lines: no tab in an indentation, no document marker or directive, no nesting past the limit. */
function blockLinesFit(block: string, indent: number, section: boolean): boolean {
  if (block.includes('\t')) return false;
  for (let at = 0; at < block.length; at = nextLine(block, at)) {
    let i = at;
    while (block[i] === ' ') i++;
    const c = block[i];
    if (i === block.length || c === '\n' || c === '\r' || c === '#') continue;
    const column = i - at;
    if (column === 0 && (c === '%' || block.startsWith('---', i) || block.startsWith('...', i))) return false;
    if (column < indent) return false;
    // An entry of this collection: a "-" at its column (a list), a key at column 0 (a section).
    if (column === indent && !section && !isSeqDash(block, i)) return false;
    let dashes = 0;
    for (let j = i; block[j] === '-' && (block[j + 1] === ' ' || j + 1 === block.length); j += 2) {
      dashes++;
      while (block[j + 2] === ' ') j++;
    }
    if (column + 1 + dashes > MAX_BLOCK_DEPTH) return false;
  }
  return true;
}

function countFlowOpeners(text: string): number {
  let n = 0;
  for (let i = text.indexOf('[') ; i >= 0; i = text.indexOf('[', i + 1)) if (++n > MAX_FLOW_DEPTH) return n;
  for (let i = text.indexOf('{') ; i >= 0; i = text.indexOf('{', i + 1)) if (++n > MAX_FLOW_DEPTH) return n;
  return n;
}

/** No anchor, alias, empty key or collection key anywhere in the tree: nothing in it depends on the text around it. */
function plainTree(root: Node): boolean {
  const stack: (Node | Pair<Node, Node> | null)[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      // An empty key is a node or nothing depending on what surrounds it: read it in the whole text.
      if (isCollection(n.key) || isAlias(n.key) || n.key === null || (isScalar(n.key) && n.key.value === null)) return false;
      stack.push(n.key as Node | null, n.value as Node | null);
      continue;
    }
    if (isAlias(n) || n.anchor) return false;
    if (isCollection(n)) for (const e of n.items as (Node | Pair<Node, Node>)[]) stack.push(e);
  }
  return true;
}

