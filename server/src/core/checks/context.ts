// What a check sees: the targets its rule's path selects, its args, and the document's lookups.
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
}

export interface CheckContext {
  data: Record<string, unknown>;
  /** The as-of date in days since the epoch. */
  asOf: number;
  parties: { id: string; name: string }[];
  personParty: Map<string, string>;
  select(spec: string): Target[];
}

export type Args = Record<string, unknown>;
export type Check = (targets: Target[], args: Args, ctx: CheckContext) => Outcome;

/** Resolves "a.b[*].c": each list item expands; a missing last key yields a target that does not exist. */
export function select(data: unknown, spec: string): Target[] {
  const segments = spec.split('.').flatMap((s) => (s.endsWith('[*]') ? [s.slice(0, -3), '*'] : [s]));
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
  const id = field(t.value, 'id') ?? field(t.value, 'name') ?? field(t.value, 'person') ?? field(t.value, 'item') ?? field(t.value, 'party');
  if (typeof id === 'string' || typeof id === 'number') return `"${id}"`;
  const last = t.path[t.path.length - 1];
  return typeof last === 'number' ? `item ${last + 1}` : `"${String(last)}"`;
}

export function lastKey(t: Target): string {
  const k = [...t.path].reverse().find((s) => typeof s === 'string');
  return String(k ?? 'value');
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

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

export function list(values: string[], max = 5): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
