// docs/reference.md is the field reference a newcomer reads beside the schema: it must be exactly what
// scripts/field-reference.ts generates, name every section and field of the schema with what it points at, and
// be linked from the README.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deref, rootSchema, type JsonSchema } from '../../server/src/core/index';
import { fieldReference } from '../../scripts/field-reference';

const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'scripts', 'docs.mjs')))!;
const page = readFileSync(join(root, 'docs', 'reference.md'), 'utf8');

/** Every field of the schema with the path of the map that holds it ([] for list items), as the page names them. */
function fields(schema: JsonSchema, path: string, out: { section: string; key: string; schema: JsonSchema }[] = []): typeof out {
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const child = deref(raw)!;
    out.push({ section: path, key, schema: child });
    const childPath = path ? `${path}.${key}` : key;
    const items = deref(child.items);
    if (child.type === 'object' && child.properties) fields(child, childPath, out);
    else if (items?.type === 'object' && items.properties) fields(items, `${childPath}[]`, out);
  }
  return out;
}

/** The body of a section of the page, from its heading to the next. */
function section(path: string): string {
  const heading = path ? `\n## \`${path}\`` : '\n## Top level';
  const start = page.indexOf(heading);
  assert.ok(start >= 0, `docs/reference.md has no section for ${path || 'the top level'}`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

test('docs/reference.md is exactly what the generator writes (run npm run docs after changing the schema)', () => {
  assert.equal(page, fieldReference());
});

test('every section and field of the schema is described, with its type and what an id points at', () => {
  const all = fields(deref(rootSchema)!, '');
  assert.ok(all.length > 200, `${all.length} fields`);
  for (const { section: at, key, schema } of all) {
    const row = section(at).split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
    assert.ok(row, `${at}.${key} has no row`);
    const ref = schema['x-ref'] ?? deref(schema.items)?.['x-ref'];
    if (ref) assert.ok(row.includes(`\`${ref}\``), `${at}.${key} points at ${ref}: ${row}`);
    for (const value of schema.enum ?? []) assert.ok(row.includes(`\`${String(value)}\``), `${at}.${key} lists ${String(value)}`);
  }
  // Principles carry their clause, and sections with a snippet show it as an example.
  assert.match(section('principles.risk_management'), /^## `principles\.risk_management` \(principle 13\)$/m);
  assert.match(section('principles.risk_management.register[]'), /\| `owner` \| id of `people` \| {2}\| `people` \|/);
  assert.match(section('principles.exit_strategy'), /Example:\n\n```yaml\nexit_strategy:\n {2}/);
});

test('the README links the field reference', () => {
  assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\]\(docs\/reference\.md\)/);
});
