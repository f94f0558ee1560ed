// The validator compiled at build time (server/src/core/schema-validator.generated.js) must be the schema's: the
// committed file is what scripts/compile-schema.mjs writes from the schema, and on every golden case and sample
// it reports exactly the errors ajv reports when it compiles the schema at run time with the same options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { validate } from '../../server/src/core/schema';
import { parse } from '../../server/src/core/parse';
import { LineIndex } from '../../server/src/core/text';
import { CASES_DIR, caseNames } from '../golden/golden-case';

const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'scripts', 'compile-schema.mjs')))!;
const script = join(root, 'scripts', 'compile-schema.mjs');

/** Runs an ES module snippet against scripts/compile-schema.mjs and returns what it prints as JSON. */
function withGenerator(body: string): unknown {
  const code = `import * as gen from ${JSON.stringify(pathToFileURL(script).href)}; import { readFileSync } from 'node:fs';\n${body}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test('the committed validator is the one the schema compiles to (npm run compile-schema --check)', () => {
  const run = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('a change to the schema is a drift the check sees', () => {
  const drift = withGenerator(`
    const schema = JSON.parse(readFileSync(gen.SCHEMA, 'utf8'));
    schema.properties.schema_version = { const: "9" };
    console.log(JSON.stringify(gen.generate(JSON.stringify(schema)) !== readFileSync(gen.GENERATED, 'utf8')));`);
  assert.equal(drift, true);
});

test('a change to the request parameters schema is a drift the check sees, and every handler keeps a validator', () => {
  const result = withGenerator(`
    const schema = JSON.parse(readFileSync(gen.PARAMS_SCHEMA, 'utf8'));
    const names = [...gen.generateParams(JSON.stringify(schema)).matchAll(/export const (\\w+) =/g)].map((m) => m[1]);
    schema.$defs.position.properties.line.minimum = 1;
    console.log(JSON.stringify({ drift: gen.generateParams(JSON.stringify(schema)) !== readFileSync(gen.PARAMS_GENERATED, 'utf8'), names }));`) as { drift: boolean; names: string[] };
  assert.equal(result.drift, true);
  assert.deepEqual(result.names.sort(), ['checkWorkspace', 'codeAction', 'codeLens', 'completion', 'definition', 'documentLink', 'documentSymbol', 'foldingRange', 'hover', 'migrate', 'prepareRename', 'preview', 'references', 'rename', 'scaffold']);
});

test('the standalone validator gives the same errors as ajv compiling the schema at run time', () => {
  const { options, annotations } = withGenerator('console.log(JSON.stringify({ options: gen.AJV_OPTIONS, annotations: gen.ANNOTATIONS }));') as { options: Record<string, unknown>; annotations: string[] };
  const ajv = new Ajv2020(options);
  ajv.addVocabulary(annotations);
  const runtime = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'relationship.schema.json'), 'utf8')));
  const standalone = validate();
  const sampleDir = join(root, 'samples');
  const inputs = [
    ...caseNames().map((name) => join(CASES_DIR, name)),
    ...readdirSync(sampleDir).filter((n) => /\.relationship\.ya?ml$/.test(n)).map((n) => join(sampleDir, n)),
  ];
  let withErrors = 0;
  for (const path of inputs) {
    const text = readFileSync(path, 'utf8');
    const { data } = parse(text, new LineIndex(text));
    if (data === undefined) continue;
    const a = runtime(data);
    const aErrors = structuredClone(runtime.errors ?? []);
    const b = standalone(data);
    assert.equal(b, a, path);
    assert.deepEqual(standalone.errors ?? [], aErrors, path);
    if (!a) withErrors++;
  }
  // The comparison means something only if many inputs break the schema in different ways.
  assert.ok(withErrors >= 20, `only ${withErrors} inputs have schema errors`);
});
