// What a check kind is (how it is judged, how a placeholder satisfies it, which fields it reads, which dates
// it puts on the timeline) and what it sees: the targets its rule's path selects, its args, the document's lookups.
import { parsePath, type CheckSpec } from '../catalog';
import type { Path } from '../types';

export interface Target {
  value: unknown;
  path: Path;
  exists: boolean;
}

export interface Outcome {
  met: boolean;
  /** What is missing or wrong, for the finding's message. */
  detail?: string;
  /** The offending place, when it is narrower than the rule's path. */
  at?: Path;
  /**
   * The check cannot be judged because data it depends on elsewhere is missing or broken (no
   * metadata.maintained_by to say which party is "own"): the rule is unknown, and the rule that asks for that
   * data is the one to report.
   */
  unknown?: boolean;
}

export interface CheckContext {
  data: Record<string, unknown>;
  /** The as-of date in days since the epoch. */
  asOf: number;
  parties: { id: string; name: string }[];
  personParty: Map<string, string>;
  /** The party metadata.maintained_by names ("own"), when it is one of the parties. */
  own?: string;
  /** The targets of a path named in args ("principles.competence_and_behaviour.assessments[*]"). */
  select(path: string): Target[];
}

export type Args = Record<string, unknown>;
export type Check = (targets: Target[], args: Args, ctx: CheckContext) => Outcome;

/** A node of a placeholder value under construction, at its data path. */
export interface DraftNode { value: unknown; path: Path }

/**
 * A placeholder value being built for a quick fix, seen from one check whose path runs through it
 * (core/placeholder.ts builds it). `rest` is the check's segments below the value; the methods create what
 * is missing on the way, with placeholders from the schema.
 */
export interface Draft {
  rest: string[];
  /** The value stands inside a list item the check's path iterates ("*" already passed). */
  withinItem: boolean;
  /** Every node that `segments` (below the value) reach. */
  reach(segments: string[]): DraftNode[];
  /** The list at `segments` below the value (the value itself for none), created when missing. */
  listAt(segments: string[]): unknown[] | undefined;
  /** A placeholder for what the schema expects at a data path. */
  placeholder(path: Path): unknown;
  /** A copy of a list item with a fresh id (R-001 → R-002) among its siblings. */
  clone<T>(item: T, siblings: unknown[]): T;
  /** The document's own party (metadata.maintained_by), when it names one. */
  own?: string;
}

/** Which fields of which maps a check reads: a quick fix fills in the blank ones. */
export interface FieldsRead { segments: string[]; fields: string[]; where: Record<string, unknown> }

/** A day the timeline shows for a check (core days since the epoch), at the data path that holds its date. */
export interface CheckDate {
  kind: 'due' | 'recency' | 'cadence' | 'item';
  day: number;
  label: string;
  detail?: string;
  path: Path;
}

/** One kind of check: one file in checks/ and one line in checks/index.ts. */
export interface CheckKind {
  /** How the catalog names it (the file's name). */
  name: string;
  /** Judges the targets. */
  evaluate: Check;
  /** Adjusts a placeholder so the check can pass (fields it reads, items it counts). */
  satisfy?(draft: Draft, args: Args): void;
  /** The maps and fields the check reads, for a fix that fills in blanks where no placeholder goes. */
  fieldsRead?(spec: CheckSpec): FieldsRead | undefined;
  /** Values the selected items must include: a fix adds one item (or value) per missing one. */
  wants?(args: Args, ctx: CheckContext): string[];
  /** A list whose last item the check compares: a fix appends an item for the current stage. */
  appendsTo?(args: Args): string | undefined;
  /**
   * The check reads only whether its value is there, not what lies inside it: a broken field inside a present
   * value (a wrong type one level down) does not leave it unknown.
   */
  presenceOnly?: boolean;
  /** The days the check cares about, for the timeline. */
  dates?(targets: Target[], args: Args, ruleTitle: string): CheckDate[];
}

/** Resolves segments ("a", "b", "*", "c"): each list item expands; a missing last key yields a target that does not exist. */
export function select(data: unknown, segments: readonly string[]): Target[] {
  let current: Target[] = [{ value: data, path: [], exists: true }];
  for (const seg of segments) {
    const next: Target[] = [];
    for (const t of current) {
      if (seg === '*') {
        if (Array.isArray(t.value)) t.value.forEach((v, i) => next.push({ value: v, path: [...t.path, i], exists: true }));
      } else if (t.value && typeof t.value === 'object' && !Array.isArray(t.value)) {
        const obj = t.value as Record<string, unknown>;
        next.push({ value: obj[seg], path: [...t.path, seg], exists: Object.prototype.hasOwnProperty.call(obj, seg) });
      } else if (t.exists) {
        next.push({ value: undefined, path: [...t.path, seg], exists: false });
      }
    }
    current = next;
  }
  return current;
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function field(item: unknown, name: string): unknown {
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[name] : undefined;
}

/** "risk R-002", "item 3": how a list item is named in a message. */
export function label(t: Target): string {
  // A list of names (transition phases written as text) is named by the text itself.
  if (typeof t.value === 'string' && t.value.trim() !== '') return `"${t.value}"`;
  const id = field(t.value, 'id') ?? field(t.value, 'name') ?? field(t.value, 'person') ?? field(t.value, 'item') ?? field(t.value, 'party');
  if (typeof id === 'string' || typeof id === 'number') return `"${id}"`;
  const last = t.path[t.path.length - 1];
  return typeof last === 'number' ? `item ${last + 1}` : `"${String(last)}"`;
}

export function lastKey(t: Target, fallback = 'value'): string {
  const k = [...t.path].reverse().find((s) => typeof s === 'string');
  return String(k ?? fallback);
}

/** "KPI-01 Critical system availability" for a list item (timeline labels); undefined for a single section. */
export function itemTitle(t: Target): string | undefined {
  const last = t.path[t.path.length - 1];
  if (typeof last !== 'number') return undefined;
  const text = (k: string): string | undefined => {
    const v = field(t.value, k);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const name = text('name') ?? text('title') ?? text('text');
  const id = text('id');
  if (id !== undefined && name !== undefined) return `${id} ${name}`;
  return id ?? name ?? `item ${last + 1}`;
}

/** The targets of a path written in args. */
export function selectPath(data: unknown, path: string): Target[] {
  return select(data, parsePath(path));
}

export function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(strings);
  return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
}

/** The value at a data path (list indexes included), or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}

/**
 * A value as a message shows it: text quoted, numbers as they are, anything else in words ("missing", "empty", "a
 * list", "a map"), so no message ever prints undefined, null or [object Object].
 */
export function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

export function list(values: string[], max = 5): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
