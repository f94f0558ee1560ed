// Which data a rule reads, from its parsed paths and arguments, so a broken value (a schema error, a section
// that does not parse) makes exactly the rules that read it "unknown" instead of unmet; and who owns that data,
// so a waiver of the rule is not approved by its owner.
import { parsePath, type CheckSpec, type RuleSpec } from './catalog';
import { checks } from './checks/index';
import { field, select, valueAt } from './checks/context';
import type { Path } from './types';

/**
 * The rule's read patterns ("*" for any list index): each check's path; that path with each word its
 * arguments name (a field: members, last_held); each path its arguments name, with its items (the
 * assessments CB2 looks members up in); and a collection named alone (via: people) with its items.
 */
export interface ReadPattern {
  segments: string[];
  /**
   * Whatever lies directly inside counts as read (a whole item); false when `field`/`fields` name exactly what
   * of it is read, or the kind reads only whether the value is there.
   */
  inside: boolean;
}

export function readPatterns(rule: RuleSpec): ReadPattern[] {
  const out: ReadPattern[] = [];
  for (const spec of rule.checks) {
    const exact = 'field' in spec.args || 'fields' in spec.args || checks.get(spec.check)?.presenceOnly === true;
    out.push({ segments: spec.segments, inside: !exact });
    for (const word of argWords(spec)) {
      if (word.includes('.')) out.push({ segments: [...parsePath(word), '*'], inside: true });
      else if (word === 'people' || word === 'parties') out.push({ segments: [word, '*'], inside: true });
      else out.push({ segments: [...spec.segments, word], inside: true });
    }
  }
  return out;
}

function argWords(spec: CheckSpec): string[] {
  const words: string[] = [];
  const walk = (v: unknown, asKeys: boolean): void => {
    if (typeof v === 'string') words.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, false));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (asKeys) words.push(k); walk(x, false); }
  };
  for (const value of Object.values(spec.args)) walk(value, true);
  return words.filter((w) => /^[a-z_][\w.[\]*-]*$/.test(w));
}

/**
 * A broken path is read by a pattern when it holds what the pattern reads (a prefix of it, or itself), or lies
 * directly inside it (one key or item below: a field of an item the rule judges). Deeper breakage is another
 * rule's business (a risk's likelihood is not what "the register is not empty" reads).
 */
export function reads(pattern: ReadPattern, broken: Path): boolean {
  const segments = pattern.segments;
  const n = Math.min(segments.length, broken.length);
  for (let i = 0; i < n; i++) {
    const p = segments[i];
    const b = broken[i];
    if (p === '*' ? typeof b !== 'number' : p !== b) return false;
  }
  return broken.length <= segments.length + (pattern.inside ? 1 : 0);
}

/** Whether any of the rule's reads touches a broken path. */
export function readsBroken(rule: RuleSpec, broken: readonly Path[]): boolean {
  if (broken.length === 0) return false;
  const patterns = readPatterns(rule);
  return broken.some((b) => patterns.some((p) => reads(p, b)));
}

/**
 * The evidence a rule reads, as an assessor looks it up: each path it reads, with the fields of the selected
 * items where its kind or arguments name them ("…joint_objectives[*] (target, unit, due, owner)"). A list
 * whose last item the check compares (stage_history) carries the compared field; a collection an argument
 * names (the assessments CB2 looks members up in) is listed too.
 */
export function evidenceFields(rule: RuleSpec): string[] {
  const byPath = new Map<string, string[]>();
  const add = (path: string, fields: string[]) => byPath.set(path, [...new Set([...(byPath.get(path) ?? []), ...fields])]);
  for (const spec of rule.checks) {
    const kind = checks.get(spec.check);
    const named = kind?.fieldsRead?.(spec)?.fields ?? [...stringList(spec.args.fields), ...stringList(spec.args.field)];
    const list = kind?.appendsTo?.(spec.args);
    if (list) {
      add(spec.path, []);
      add(`${list}[*]`, named);
    } else add(spec.path, named);
    for (const value of Object.values(spec.args)) if (typeof value === 'string' && value !== list && /^(principles|metadata)\.[a-z_.]+$/.test(value)) add(value, []);
  }
  return [...byPath].map(([path, fields]) => (fields.length ? `${path} (${fields.join(', ')})` : path));
}

function stringList(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/**
 * The people who own what a rule reads: for each map its checks read (the kind's fieldsRead, else the items its
 * path selects), the `owner` of the nearest map at or above it, below the file's top (a KPI's owner for MO2, the
 * programme's owner for VC1, a risk's owner for RK2). Data-driven: a rule whose data names no owner has none.
 */
export function ownersRead(rule: RuleSpec, data: unknown): Map<string, Path> {
  const owners = new Map<string, Path>();
  for (const spec of rule.checks) {
    const segments = checks.get(spec.check)?.fieldsRead?.(spec)?.segments ?? spec.segments;
    for (const t of select(data, segments)) {
      for (let depth = t.path.length; depth >= 1; depth--) {
        const holder = t.path.slice(0, depth);
        const owner = field(valueAt(data, holder), 'owner');
        if (typeof owner !== 'string') continue;
        if (!owners.has(owner)) owners.set(owner, [...holder, 'owner']);
        break;
      }
    }
  }
  return owners;
}
