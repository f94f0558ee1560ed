// The schema is the single source of structure: validation, descriptions, snippets and reference annotations.
import type { ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/relationship.schema.json';
// Compiled at build time by scripts/compile-schema.mjs: a cold start compiles nothing.
import { validate as compiled } from './schema-validator.generated';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  description?: string;
  markdownDescription?: string;
  markdownEnumDescriptions?: string[];
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
  minimum?: number;
  maximum?: number;
  title?: string;
  'x-ref'?: string;
  'x-ref-allow'?: string[];
  'x-evidence-link'?: boolean;
  'x-principle'?: string;
  'x-clause'?: number;
  /** The value names an evidence rule of the catalog: the waiver check judges it there, with a suggestion. */
  'x-rule-id'?: boolean;
  [keyword: string]: unknown;
}

export const rootSchema = schemaJson as unknown as JsonSchema;

/** The schema's validator, shared by every analysis in the process (its errors live until the next call). */
export function validate(): ValidateFunction {
  return compiled;
}

/** Follows local "#/$defs/…" references. */
export function deref(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let guard = 0; s?.$ref && guard < 32; guard++) {
    const ref = s.$ref;
    if (!ref.startsWith('#/')) return s;
    let target: unknown = rootSchema;
    for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    // A $ref beside other keywords (a description) keeps them over the target's.
    const rest: JsonSchema = { ...s };
    delete rest.$ref;
    s = Object.keys(rest).length > 0 ? ({ ...(target as JsonSchema), ...rest } as JsonSchema) : (target as JsonSchema);
  }
  return s;
}

/** The schema of a child: a property's schema or a list's item schema. */
export function childSchema(schema: JsonSchema | undefined, segment: string | number): JsonSchema | undefined {
  const s = deref(schema);
  if (!s) return undefined;
  if (typeof segment === 'number') return deref(s.items);
  const prop = s.properties?.[segment];
  if (prop) return deref(prop);
  for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(segment)) return deref(sub);
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') return deref(s.additionalProperties);
  return undefined;
}

export function schemaAt(path: readonly (string | number)[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = deref(rootSchema);
  for (const segment of path) {
    s = childSchema(s, segment);
    if (!s) return undefined;
  }
  return s;
}

export function isDateSchema(schema: JsonSchema | undefined): boolean {
  return schema?.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
}
