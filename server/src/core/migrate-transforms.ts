// PURE. The steps of the v1 → v2 migration, one small function each. A transform reads the document's nodes and
// returns the text edits it wants (offsets into the original text) with a sentence for each change; migrate.ts
// applies them all at once. To add a step, write a function of this shape and list it in TRANSFORMS. A
// transform never invents a value the file does not state, and leaves alone what it cannot read (an alias, a
// merge key, a value of an unexpected type).
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';

/** Replace text[start, end) with `text`. */
export interface Edit { start: number; end: number; text: string }

/** One change: where it is (an offset), what it did, and its edits. */
export interface Change { at: number; summary: string; edits: Edit[] }

export interface MigrationContext {
  /** The original text; every node's range indexes it. */
  text: string;
  root: YAMLMap;
  /** The line break of new lines. */
  eol: string;
}

export type Transform = (ctx: MigrationContext) => Change[];

/** schema_version "1" → "2", in the quotes the file used. */
export const schemaVersion: Transform = ({ root }) => {
  const pair = pairOf(root, 'schema_version');
  const value = pair?.value;
  if (!isScalar(value) || !value.range) return [];
  const quote = value.type === Scalar.QUOTE_SINGLE ? "'" : '"';
  return [{ at: value.range[0], summary: 'schema_version "1" → "2"', edits: [{ start: value.range[0], end: value.range[1], text: `${quote}2${quote}` }] }];
};

/**
 * In v1 the one plan said whether it was joint; v2 keeps the parties' joint plan under joint_rmp and the own
 * organisation's under rmp. A joint plan moves (the key is renamed, its `type` line goes); a single party's
 * plan stays rmp and only loses its `type`.
 */
export const rmpType: Transform = (ctx) => {
  const management = mapAt(ctx.root, ['principles', 'relationship_management']);
  const rmpPair = management && pairOf(management, 'rmp');
  const rmp = rmpPair?.value;
  if (!management || !rmpPair || !isMap(rmp) || !isScalar(rmpPair.key) || !rmpPair.key.range) return [];
  const typePair = pairOf(rmp, 'type');
  const type = isScalar(typePair?.value) ? typePair.value.value : undefined;
  if (!typePair || (type !== 'joint' && type !== 'single')) return [];
  const removal = removePair(ctx, rmp, typePair);
  if (!removal) return [];
  if (type === 'single') return [{ at: typePair.key!.range![0], summary: 'rmp: "type: single" removed (rmp is now the own organisation\'s plan)', edits: [removal] }];
  // A file that already has a joint_rmp keeps both as they are: which one is right is the author's call.
  if (pairOf(management, 'joint_rmp')) return [];
  const key = rmpPair.key.range;
  const source = ctx.text.slice(key[0], key[1]);
  const quote = source[0] === '"' || source[0] === "'" ? source[0] : '';
  return [{ at: key[0], summary: 'rmp of type joint → joint_rmp ("type: joint" removed)', edits: [{ start: key[0], end: key[1], text: `${quote}joint_rmp${quote}` }, removal] }];
};

/**
 * A KPI whose target and threshold are both numbers says which way is better: a threshold below the target means
 * higher is better. Equal numbers, text values or a direction already written leave the KPI as it is.
 */
export const kpiDirection: Transform = (ctx) => {
  const kpis = nodeAt(ctx.root, ['principles', 'measurement_and_optimization', 'kpis']);
  if (!isSeq(kpis)) return [];
  const out: Change[] = [];
  for (const kpi of kpis.items) {
    if (!isMap(kpi) || pairOf(kpi, 'direction')) continue;
    const target = numberOf(pairOf(kpi, 'target'));
    const thresholdPair = pairOf(kpi, 'threshold');
    const threshold = numberOf(thresholdPair);
    if (target === undefined || threshold === undefined || target === threshold || !thresholdPair) continue;
    const direction = threshold < target ? 'higher_is_better' : 'lower_is_better';
    const edit = addPairAfter(ctx, kpi, thresholdPair, `direction: ${direction}`);
    if (!edit) continue;
    const id = isScalar(pairOf(kpi, 'id')?.value) ? ` ${String((pairOf(kpi, 'id')!.value as Scalar).value)}` : '';
    const side = threshold < target ? 'below' : 'above';
    out.push({ at: thresholdPair.key!.range![0], summary: `KPI${id}: direction ${direction} (threshold ${threshold} ${side} target ${target})`, edits: [edit] });
  }
  return out;
};

/** Every step, in the order their changes are listed. */
export const TRANSFORMS: readonly Transform[] = [schemaVersion, rmpType, kpiDirection];

function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

function nodeAt(root: YAMLMap, path: string[]): Node | null | undefined {
  let node: Node | null | undefined = root;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    node = pairOf(node, key)?.value;
  }
  return node;
}

function mapAt(root: YAMLMap, path: string[]): YAMLMap | undefined {
  const node = nodeAt(root, path);
  return isMap(node) ? node : undefined;
}

function numberOf(pair: Pair<Node, Node> | undefined): number | undefined {
  const value = pair?.value;
  return isScalar(value) && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  let o = offset;
  while (o > 0 && text[o - 1] !== '\n' && text[o - 1] !== '\r') o--;
  return o;
}

/** Just past the line break ending the line that holds `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  let o = offset;
  while (o < text.length && text[o] !== '\n' && text[o] !== '\r') o++;
  if (text[o] === '\r' && text[o + 1] === '\n') return o + 2;
  return o < text.length ? o + 1 : o;
}

/** Where a pair's own text ends: its value's end, else its key's. */
function pairEnd(pair: Pair<Node, Node>): number | undefined {
  const value = pair.value?.range;
  return value ? value[1] : pair.key?.range?.[1];
}

/** Whether text[from, to) holds only spaces and tabs, then (optionally) a comment up to the end of its line. */
function restOfLineIsBlank(text: string, from: number): boolean {
  const end = nextLineStart(text, from);
  return /^[ \t]*(#[^\r\n]*)?(\r\n|\r|\n)?$/.test(text.slice(from, end));
}

/**
 * The edit that removes a pair from its map. In a block map the pair's whole line goes with the comment at
 * its end (the pair must start its line and end it, comment aside); comment lines above it stay. In a flow map
 * the pair goes with the comma that separates it from its neighbour.
 */
function removePair(ctx: MigrationContext, map: YAMLMap, pair: Pair<Node, Node>): Edit | undefined {
  const { text } = ctx;
  const start = pair.key?.range?.[0];
  const end = pairEnd(pair);
  if (start === undefined || end === undefined || !isScalar(pair.value)) return undefined;
  const items = map.items as Pair<Node, Node>[];
  const i = items.indexOf(pair);
  if (!map.flow) {
    const from = lineStart(text, start);
    // The first pair of a list item shares its line with "- ", and a pair may share a line with nothing else.
    if (text.slice(from, start).trim() !== '' || !restOfLineIsBlank(text, end) || items.length < 2) return undefined;
    return { start: from, end: nextLineStart(text, end), text: '' };
  }
  if (items.length === 1) return { start, end, text: '' };
  const next = items[i + 1]?.key?.range?.[0];
  if (next !== undefined) {
    const gap = text.slice(end, next);
    // A comment between the pairs belongs to the reader: only the separating comma goes, not the lines around it.
    if (gap.includes('#') || /[\r\n]/.test(gap)) {
      const comma = text.indexOf(',', end);
      return comma >= 0 && comma < next ? { start, end: comma + 1 + (text[comma + 1] === ' ' ? 1 : 0), text: '' } : undefined;
    }
    return { start, end: next, text: '' };
  }
  const previous = pairEnd(items[i - 1]);
  if (previous === undefined) return undefined;
  const between = text.slice(previous, start);
  return between.includes('#') || /[\r\n]/.test(between) ? undefined : { start: previous, end, text: '' };
}

/**
 * The edit that adds `entry` ("key: value") to a map right after one of its pairs: on a line of its own at the
 * map's indentation in a block map, after a comma in a flow map.
 */
function addPairAfter(ctx: MigrationContext, map: YAMLMap, after: Pair<Node, Node>, entry: string): Edit | undefined {
  const { text, eol } = ctx;
  const end = pairEnd(after);
  const first = (map.items[0] as Pair<Node, Node> | undefined)?.key?.range?.[0];
  if (end === undefined || first === undefined) return undefined;
  if (map.flow) return { start: end, end, text: `, ${entry}` };
  if (!restOfLineIsBlank(text, end)) return undefined;
  const indent = first - lineStart(text, first);
  const at = nextLineStart(text, end);
  const line = ' '.repeat(indent) + entry;
  // The last line of a file may have no line break: the new line then starts with one.
  return at === text.length && !/[\r\n]$/.test(text) ? { start: at, end: at, text: eol + line } : { start: at, end: at, text: line + eol };
}
