// What a profile's words are checked against: the finding codes a profile may configure, the keys of an added
// rule, and the shape of each check kind's arguments, learnt from how the catalog itself uses the kind (the
// catalog is the reference for every kind: a key it never gives a kind is not one the kind reads).
import { loadCatalog } from './catalog';
import { didYouMean } from './suggest';
import type { Path } from './types';

/** Finding codes that are not evidence rules; `schema.` and the like (a prefix ending in ".") name a family. */
export const KNOWN_CODES: readonly string[] = [
  'syntax', 'syntax.', 'syntax.duplicate-key', 'syntax.multiple-documents', 'syntax.alias-limit', 'syntax.too-deep',
  'schema.', 'schema.additionalProperties', 'schema.required', 'schema.type', 'schema.enum', 'schema.pattern', 'schema.date',
  'ref.', 'ref.unresolved', 'ref.duplicate-id',
  'date.', 'date.future', 'date.invalid',
  'link.', 'link.missing-file', 'link.outside-workspace', 'link.private-host', 'link.credentials',
  'waiver.', 'waiver.expired', 'waiver.unknown-rule', 'waiver.unneeded', 'waiver.too-long',
  'evidence.', 'evidence.missing-principle', 'file.too-large', 'format.', 'format.v1', 'format.rmp-joint', 'format.rmp-single',
  'stage.', 'stage.status-mismatch', 'stage.history-order', 'stage.history-dates',
  'kpi.', 'kpi.breached-trigger', 'trust.', 'trust.gap',
  'waiver.no-approval-date', 'waiver.approver-owns', 'waiver.not-counting', 'waiver.duplicate', 'waiver.expires-before-approval',
];

/** A finding code, a family of them ("link."), or any schema keyword (schema.<keyword>). */
export function knownCode(code: string): boolean {
  return KNOWN_CODES.includes(code) || /^schema\.[A-Za-z]+$/.test(code);
}

/** The keys of an added rule: the catalog's rule shape plus the principle it counts for. */
export const ruleFields = ['id', 'principle', 'title', 'path', 'check', 'args', 'also', 'from_stage', 'until_stage', 'when_status', 'iso44001', 'inform_from', 'severity', 'why', 'hint'];

type Shape = 'number' | 'string' | 'boolean' | 'list' | 'map';

let shapes: Map<string, Map<string, Set<Shape>>> | undefined;

function shapeOf(v: unknown): Shape {
  return Array.isArray(v) ? 'list' : v && typeof v === 'object' ? 'map' : (typeof v as Shape);
}

/** kind → argument → the shapes the catalog gives it. */
export function argShapes(): Map<string, Map<string, Set<Shape>>> {
  if (shapes) return shapes;
  shapes = new Map();
  for (const { rule } of loadCatalog().rules.values()) {
    for (const spec of rule.checks) {
      const kind = shapes.get(spec.check) ?? new Map<string, Set<Shape>>();
      shapes.set(spec.check, kind);
      for (const [key, value] of Object.entries(spec.args)) {
        const seen = kind.get(key) ?? new Set<Shape>();
        // A list of one value and the value alone are read alike by the kinds (strings(): "x" or ["x"]).
        seen.add(shapeOf(value));
        if (shapeOf(value) === 'list') seen.add('string');
        kind.set(key, seen);
      }
    }
  }
  return shapes;
}

/** Reports each argument the kind does not read or reads in another shape; true when all are fine. */
export function checkArgs(kind: string, args: Record<string, unknown>, at: Path, error: (code: string, message: string, path: Path, where?: 'key' | 'value') => void): boolean {
  const known = argShapes().get(kind) ?? new Map<string, Set<Shape>>();
  let ok = true;
  for (const [key, value] of Object.entries(args)) {
    const want = known.get(key);
    if (!want) {
      ok = false;
      const keys = [...known.keys()];
      error('args', `the check ${kind} has no argument "${key}"${didYouMean(key, keys)}${keys.length ? `; its arguments: ${keys.join(', ')}` : '; it takes none'}`, [...at, key], 'key');
    } else if (!want.has(shapeOf(value))) {
      ok = false;
      error('args', `argument ${key} of ${kind} is a ${[...want].join(' or ')}, not ${shapeOf(value) === 'map' ? 'a map' : shapeOf(value) === 'list' ? 'a list' : `${JSON.stringify(value)}`}`, [...at, key]);
    }
  }
  return ok;
}
