// The principle catalog is data: these tests keep it consistent with the check registry, the file schema,
// the lifecycle and the reference example, and valid against its own JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import catalogData from '../../schemas/principles.yaml';
import { analyze, loadCatalog, rootSchema, schemaAt, STAGES, type Stage } from '../../server/src/core/index';
import { checks } from '../../server/src/core/checks/index';
import { select } from '../../server/src/core/checks/context';
import { REFERENCE_AS_OF, referenceText, repoFile } from './reference';

const catalog = loadCatalog();
const rules = catalog.principles.flatMap((p) => p.evidence.map((rule) => ({ principle: p, rule })));
const specs = (rule: (typeof rules)[number]['rule']) => rule.checks;
const catalogSource = (): string => readFileSync(repoFile('schemas', 'principles.yaml'), 'utf8');

test('the bundles embed the catalog as the YAML file says it, already parsed', () => {
  assert.deepEqual(catalogData, parse(catalogSource()));
  assert.equal(loadCatalog().principles.length, 12);
});

test('the catalog validates against schemas/principles.schema.json', () => {
  const schema = JSON.parse(readFileSync(repoFile('schemas', 'principles.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const ok = validate(parse(catalogSource()));
  assert.ok(ok, ajv.errorsText(validate.errors, { separator: '\n' }));
});

test('the catalog schema rejects what it should', () => {
  const schema = JSON.parse(readFileSync(repoFile('schemas', 'principles.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: true }).compile(schema);
  const doc = parse(catalogSource()) as { principles: { evidence: Record<string, unknown>[] }[] };
  const broken = (mutate: (rule: Record<string, unknown>) => void): boolean => {
    const copy = structuredClone(doc);
    mutate(copy.principles[0].evidence[0]);
    return validate(copy) as boolean;
  };
  assert.equal(broken((r) => { r.from_stage = 'later'; }), false, 'unknown stage');
  assert.equal(broken((r) => { r.id = 'RM100'; }), false, 'id not XX9 or XX99');
  assert.equal(broken((r) => { r.id = 'RM01'; }), false, 'id with a leading zero');
  assert.equal(broken((r) => { delete r.iso44001; }), false, 'iso44001 required');
  assert.equal(broken((r) => { r.iso44001 = '8.x'; }), false, 'iso44001 not a clause number');
  assert.equal(broken((r) => { r.until_stage = 'later'; }), false, 'unknown until_stage');
  assert.equal(broken((r) => { r.check = 'Present!'; }), false, 'not a check name');
  assert.equal(broken((r) => { r.paht = r.path; }), false, 'unknown key');
  assert.equal(broken((r) => { delete r.hint; }), false, 'hint required');
  assert.equal(broken((r) => { r.path = 'principles..rmp'; }), false, 'malformed path');
  assert.equal(broken((r) => { r.severity = 'fatal'; }), false, 'unknown severity');
});

test('twelve principles, clauses 4 to 15, each once, in order', () => {
  assert.deepEqual(catalog.principles.map((p) => p.clause), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  assert.equal(new Set(catalog.principles.map((p) => p.id)).size, 12);
});

test('the principle ids are exactly the sections under principles: in the file schema', () => {
  const sections = Object.keys(schemaAt(['principles'])?.properties ?? {});
  assert.deepEqual(catalog.principles.map((p) => p.id), sections);
  assert.ok(rootSchema.properties?.principles, 'the file schema has a principles section');
});

test('rule ids are unique, of the form XX9 or XX99, and share their principle\'s two letters', () => {
  const ids = rules.map((r) => r.rule.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const id of ids) assert.match(id, /^[A-Z]{2}[1-9][0-9]?$/);
  const prefixes = catalog.principles.map((p) => {
    const letters = new Set(p.evidence.map((r) => r.id.slice(0, 2)));
    assert.equal(letters.size, 1, `${p.id} mixes prefixes ${[...letters].join(', ')}`);
    p.evidence.forEach((r, i) => assert.equal(r.id, `${[...letters][0]}${i + 1}`, `${p.id} rules are numbered 1, 2, …`));
    return [...letters][0];
  });
  assert.equal(new Set(prefixes).size, 12, 'each principle has its own prefix');
  assert.equal(catalog.rules.size, ids.length);
});

test('every rule names a registered check, for its path and for each "also"', () => {
  for (const { rule } of rules) {
    for (const spec of specs(rule)) assert.ok(checks.get(spec.check), `${rule.id}: unknown check "${spec.check}"`);
  }
});

test('from_stage and inform_from are lifecycle stages, inform_from before from_stage', () => {
  for (const { rule } of rules) {
    assert.ok(STAGES.includes(rule.from_stage), `${rule.id}: from_stage ${rule.from_stage}`);
    if (rule.inform_from !== undefined) {
      assert.ok(STAGES.includes(rule.inform_from as Stage), `${rule.id}: inform_from ${rule.inform_from}`);
      assert.ok(STAGES.indexOf(rule.inform_from) < STAGES.indexOf(rule.from_stage), `${rule.id}: inform_from must come first`);
    }
    assert.ok(rule.why.trim() && rule.hint.trim() && rule.title.trim(), `${rule.id}: title, why and hint`);
  }
});

test('every path the catalog reads exists in the file schema', () => {
  for (const { rule } of rules) {
    for (const spec of specs(rule)) {
      const segments = spec.segments.map((s) => (s === '*' ? 0 : s));
      assert.ok(schemaAt(segments), `${rule.id}: ${spec.path} is not in the schema`);
    }
  }
});

test('every path selects something in the reference example, and the example meets every rule', () => {
  const text = referenceText();
  const data = parse(text) as Record<string, unknown>;
  const stage = (data.metadata as Record<string, unknown>).lifecycle_stage as Stage;
  // The example is at staying_together and active: the records of an exit under way belong to a later stage, so
  // those rules' paths are held to the schema instead (the exit baseline and the exit tests meet them).
  const later = (rule: (typeof rules)[number]['rule']) => STAGES.indexOf(rule.from_stage) > STAGES.indexOf(stage) || !!rule.when_status;
  for (const { rule } of rules) {
    for (const spec of specs(rule)) {
      if (later(rule)) {
        assert.ok(schemaAt(spec.segments.map((s) => (s === '*' ? 0 : s))), `${rule.id}: the schema has no ${spec.path}`);
        continue;
      }
      const found = select(data, spec.segments).filter((t) => t.exists);
      assert.ok(found.length > 0, `${rule.id}: ${spec.path} selects nothing in the reference example`);
    }
  }
  const analysis = analyze(text, { asOf: REFERENCE_AS_OF });
  // The example is kept at schema_version "1", so it is told once to migrate (the migration goldens migrate it).
  assert.deepEqual(analysis.findings.filter((f) => f.code !== 'format.v1'), []);
  const states = analysis.coverage.principles.flatMap((p) => p.rules.map((r) => `${r.id}:${r.state}`));
  const laterRules = rules.filter(({ rule }) => later(rule)).map(({ rule }) => `${rule.id}:not_yet_required`);
  assert.deepEqual(states.filter((s) => !s.endsWith(':met')), ['EX8:waived', ...laterRules], 'the example waives EX8 and meets everything else that counts');
});

test('each rule\'s path reads its own principle (or metadata), except where a rule compares two sections', () => {
  const crossing = new Set(['CB2']); // CB2 checks the members of governance bodies against competence assessments
  for (const { principle, rule } of rules) {
    const [root, section] = rule.checks[0].segments;
    if (root === 'metadata' || crossing.has(rule.id)) continue;
    assert.equal(`${root}.${section}`, `principles.${principle.id}`, `${rule.id} reads ${rule.checks[0].path}`);
  }
});
