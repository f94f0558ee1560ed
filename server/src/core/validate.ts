// Schema validation: ajv errors mapped to the exact node, with messages that say how to fix them.
import type { ErrorObject } from 'ajv';
import { validate, schemaAt, isDateSchema, type JsonSchema } from './schema';
import { CURRENT_VERSION } from './migrate';
import { nearest } from './suggest';
import type { Finding, Path } from './types';
import type { Locator } from './locate';
import { valueAt } from './checks/context';

export interface SchemaResult {
  findings: Finding[];
  /** The data paths of values the schema rejects as they are (wrong type, not an allowed value, not a date): rules reading them cannot be judged. */
  broken: Path[];
}

/** Keywords that say the value itself is wrong, as opposed to a key missing, unknown or repeated, or a list too short. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

export function schemaFindings(data: unknown, locate: Locator): SchemaResult {
  const v = validate();
  if (v(data)) return { findings: [], broken: [] };
  const errors = collapse(v.errors ?? []);
  const findings: Finding[] = [];
  const broken: Path[] = [];
  // A value of the wrong type also fails its enum or pattern: one mistake, one finding (the type's, with the fix).
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    if (wrongType.has(e.instancePath) && (e.keyword === 'enum' || e.keyword === 'pattern' || e.keyword === 'const')) continue;
    const f = toFinding(e, data, locate);
    if (f) findings.push(f);
    // An empty value is no value: the rules reading it judge it as blank (and their quick fixes fill it in).
    const path = pointerToPath(e.instancePath, data);
    if (VALUE_KEYWORDS.has(e.keyword) && valueAt(data, path) !== null) broken.push(path);
  }
  return { findings, broken };
}

/** Drops combinator noise: an anyOf/oneOf/if error is kept only when nothing more precise was said. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const combinators = new Set(['anyOf', 'oneOf', 'if', 'not', 'propertyNames']);
  const precise = errors.filter((e) => !combinators.has(e.keyword));
  const kept = errors.filter((e) => !combinators.has(e.keyword) || !precise.some((p) => p.instancePath.startsWith(e.instancePath)));
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      path.push(i);
      cur = cur[i];
    } else {
      path.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/** "in register item R-002", "in metadata", "at the top level": where the problem is, as an author reads it. */
export function where(path: Path, data: unknown): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number') {
      const item = valueAt(data, path.slice(0, i + 1)) as Record<string, unknown> | undefined;
      const list = String(path[i - 1] ?? 'list');
      const name = item && typeof item === 'object' ? (item.id ?? item.name ?? item.party ?? item.person ?? item.item) : undefined;
      return typeof name === 'string' || typeof name === 'number' ? `${list} item "${name}"` : `${list} item ${Number(path[i]) + 1}`;
    }
    if (i === path.length - 1) return `"${path.join('.')}"`;
  }
  return path.length ? `"${path.join('.')}"` : 'the top level';
}

/** "p-a, p-b" → "[p-a, p-b]": the text's comma-separated parts as a YAML flow list, quoted where YAML needs it. */
export function flowList(text: string): string {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const plain = (s: string): boolean => /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}#]*$/.test(s) && !/: |\s#|:$/.test(s);
  return `[${items.map((s) => (plain(s) ? s : JSON.stringify(s))).join(', ')}]`;
}

/** Whether a value meets a schema's type, enum and const (what a key's value is checked against first). */
function valueFits(value: unknown, schema: JsonSchema | undefined): boolean {
  if (!schema) return true;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) return false;
  }
  if (schema.enum && !schema.enum.includes(value)) return false;
  return schema.const === undefined || schema.const === value;
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'integer': return Number.isInteger(value);
    case 'null': return value === null;
    default: return typeof value === type;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return `a ${typeof value}`;
}

function expected(type: string): string {
  switch (type) {
    case 'object': return 'a map of keys';
    case 'array': return 'a list';
    case 'integer': return 'a whole number';
    case 'number': return 'a number';
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    default: return type;
  }
}

function toFinding(e: ErrorObject, data: unknown, locate: Locator): Finding | undefined {
  const path = pointerToPath(e.instancePath, data);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  // A list item has no key of its own: name it by its list ("contract_refs item 3").
  const field = path.length === 0 ? 'the file' : typeof last === 'number' ? `${String(path[path.length - 2] ?? 'list')} item ${last + 1}` : String(last);
  const schema = e.parentSchema as JsonSchema | undefined;
  const code = `schema.${e.keyword}`;
  const params = e.params as Record<string, unknown>;
  // `about`: the data path a quick fix needs (the missing or unknown key, the wrong value).
  const finding = (message: string, range = locate.value(path), about?: (string | number)[]): Finding =>
    about ? { code, severity: 'error', message, range, path: about } : { code, severity: 'error', message, range };

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(schemaAt(path)?.properties ?? schema?.properties ?? {});
      // Asked of each allowed key, not by listing the map's keys: 20,000 unknown keys made that quadratic.
      const suggestion = nearest(key, allowed.filter((k) => !(value && typeof value === 'object' && Object.hasOwn(value, k))));
      const keyPath = [...path, key];
      const range = locate.key(keyPath);
      const stray = (value as Record<string, unknown>)[key] === null && /\s/.test(key);
      const help = suggestion ? `; did you mean "${suggestion}"?`
        : stray ? ': a comma inside {…} starts a new key, so quote the text that contains it ("…, …")'
        : `; allowed keys are ${allowed.join(', ')} (or your own keys starting with "x-")`;
      const f = finding(`unknown key "${key}" in ${where(path, data)}${help}`, range, keyPath);
      // Renaming the key is a fix only when its value fits the key it becomes: "cadence:biannual" (one key, no
      // value) renamed "cadence" would trade an unknown key for an empty cadence.
      const fits = suggestion !== undefined && valueFits((value as Record<string, unknown>)[key], schemaAt([...path, suggestion]));
      if (suggestion && fits) f.fixes = [{ title: `Change "${key}" to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }];
      return f;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const range = path.length === 0 ? locate.holder([]) : locate.holder([...path, missing]);
      return finding(`${where(path, data)} is missing the required key "${missing}": add "${missing}: …"`, range, [...path, missing]);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      // schema_version: 1 reads as a number; the format wants the text "1" or "2". Quoting it is the fix.
      const bare = typeof value === 'number' || typeof value === 'boolean';
      if (bare && (params.allowedValues as unknown[]).includes(String(value))) {
        const range = locate.value(path);
        const f = finding(`${field} must be ${JSON.stringify(String(value))} (in quotes): YAML reads a bare ${String(value)} as ${typeName(value)}`, range, path);
        f.fixes = [{ title: `Quote it: ${JSON.stringify(String(value))}`, edits: [{ range, newText: JSON.stringify(String(value)) }], preferred: true }];
        return f;
      }
      // A version is not a typo of another one: no suggestion, and no fix that would claim a format.
      if (path.length === 1 && path[0] === 'schema_version') {
        const what = typeof value === 'string' ? `"${value}" is not a format version` : `"schema_version" must be a quoted format version, not ${typeName(value)}`;
        return finding(`${what}: write schema_version: "${CURRENT_VERSION}" (the current format); a file written for "1" still loads, and rac migrate moves it to "${CURRENT_VERSION}"`, locate.value(path), path);
      }
      const suggestion = typeof value === 'string' ? nearest(value, allowed) : undefined;
      const range = locate.value(path);
      const help = suggestion ? `did you mean "${suggestion}"? ` : '';
      // Only a scalar is quoted back: an empty value, a list or a map is named in words.
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      const what = scalar ? `"${String(value)}" is not a valid ${field}` : value === null ? `"${field}" is empty` : `"${field}" must be one of its values, not ${typeName(value)}`;
      const f = finding(`${what}: ${help}use one of ${allowed.join(', ')}`, range, path);
      if (suggestion) f.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }];
      return f;
    }
    case 'const': {
      const want = JSON.stringify(params.allowedValue);
      // schema_version: 1 reads as a number; the format wants the text "1".
      const quote = typeof params.allowedValue === 'string' && typeof value !== 'string' && String(value) === params.allowedValue ? ` (in quotes): YAML reads a bare ${String(value)} as ${typeName(value)}` : '';
      return finding(`${field} must be ${want}${quote}`);
    }
    case 'type': {
      const want = String(params.type).split(',').map(expected).join(' or ');
      if (value === null) return finding(`"${field}" is empty: give it ${want}, or remove the key`, locate.key(path), path);
      const quoteHint = want === 'text' && (typeof value === 'number' || typeof value === 'boolean') ? ` (quote it: "${String(value)}")` : '';
      if (want === 'a list' && (typeof value === 'string' || typeof value === 'number')) {
        // "members: p-a, p-b" reads as one text: show the list it was meant to be, and offer to write it.
        const flow = flowList(String(value));
        const range = locate.value(path);
        const f = finding(`"${field}" must be a list, not ${typeName(value)}: write ${typeof last === 'string' ? `${last}: ` : ''}${flow}`, range, path);
        f.fixes = [{ title: `Change to the list ${flow}`, edits: [{ range, newText: flow }], preferred: true }];
        return f;
      }
      return finding(`"${field}" must be ${want}, not ${typeName(value)}${quoteHint}`, undefined, path);
    }
    case 'pattern':
      // A rule id's form is judged against the catalog itself (waivers.ts), which can say which rule was meant.
      if (schema?.['x-rule-id'] || schemaAt(path)?.['x-rule-id']) return undefined;
      if (isDateSchema(schema) || isDateSchema(schemaAt(path))) return { ...finding(`"${String(value)}" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31`), code: 'schema.date' };
      if (schema?.['x-evidence-link'] || schemaAt(path)?.['x-evidence-link']) {
        const why = /^http:/i.test(String(value)) ? ' (http: is not encrypted, so it is not offered as a link)' : '';
        return finding(`"${String(value)}" is not a usable evidence link${why}: write an https: URL or a path relative to this file, inside the workspace`);
      }
      return finding(`"${String(value)}" is not a valid ${field}: it must match ${String(params.pattern)}`);
    case 'minimum':
      return finding(`${field} must be at least ${String(params.limit)}, not ${String(value)}`);
    case 'exclusiveMinimum':
      return finding(`${field} must be more than ${String(params.limit)}, not ${String(value)}`);
    case 'maximum':
      return finding(`${field} must be at most ${String(params.limit)}, not ${String(value)}`);
    case 'exclusiveMaximum':
      return finding(`${field} must be less than ${String(params.limit)}, not ${String(value)}`);
    case 'minLength':
      return finding(`"${field}" must not be empty`);
    case 'minItems':
      return finding(`"${field}" needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
    case 'uniqueItems': {
      // Point at the repeat, not the whole list.
      const [first, repeat] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      const item = Array.isArray(value) ? value[repeat] : undefined;
      return finding(`"${field}" lists ${JSON.stringify(item)} twice (items ${first + 1} and ${repeat + 1}): remove the repeat`, locate.value([...path, repeat]));
    }
    default:
      return finding(`${field}: ${e.message ?? 'is not valid'}`);
  }
}
