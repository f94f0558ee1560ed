// rac rules lists the catalog the engine runs; rac explain describes one rule well enough to meet it; findings
// in text and SARIF say where to read more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { KNOWN_CODES, loadCatalog } from '../../server/src/core/index';
import { otherCodes } from '../../server/src/cli/rule-help';
import { AS_OF, rac, VALID, workspace } from './run-cli';

const catalogRules = loadCatalog().principles.flatMap((p) => p.evidence.map((r) => ({ id: r.id, principle: p, rule: r })));

describe('rac rules', () => {
  test('text: one line per rule with its principle, ISO 44001 clause, stages, severity and title', () => {
    const r = rac(['rules'], workspace());
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^RULE\s+PRINCIPLE\s+ISO 44001\s+COUNTS\s+SEVERITY\s+TITLE$/);
    assert.equal(lines.length - 1, catalogRules.length);
    for (const [i, { id, principle, rule }] of catalogRules.entries()) {
      const cells = lines[i + 1].split(/ {2,}/);
      const stages = rule.until_stage === rule.from_stage ? `${rule.from_stage} only` : rule.from_stage;
      const counts = rule.when_status ? `${stages} while status is ${rule.when_status.join(' or ')}` : stages;
      assert.deepEqual(cells, [id, `${principle.clause} ${principle.id}`, rule.iso44001, counts, rule.severity ?? 'warning', rule.title]);
    }
    assert.match(r.stdout, /^EX8 +15 exit_strategy +8\.8 +staying_together only +warning +exit plan tested in the last year$/m);
  });

  test('json and markdown carry the same rules', () => {
    const dir = workspace();
    const json = JSON.parse(rac(['rules', '--format', 'json'], dir).stdout) as { rules: { id: string; fromStage: string; severity: string; title: string; helpUri: string; principle: { clause: number } }[] };
    assert.deepEqual(json.rules.map((r) => r.id), catalogRules.map((r) => r.id));
    const ex1 = json.rules.find((r) => r.id === 'EX1');
    assert.equal(ex1?.fromStage, 'knowledge');
    assert.equal(ex1?.principle.clause, 15);
    assert.match(ex1?.helpUri ?? '', /#rule-ex1$/);
    const md = rac(['rules', '--format', 'markdown'], dir).stdout;
    assert.equal(md.trimEnd().split('\n').length, catalogRules.length + 2);
    assert.match(md, /^\| EX1 \| 15 Exit strategy \| 8\.3 \| `knowledge` \| `principles\.exit_strategy\.triggers` \| warning \| exit triggers defined \|$/m);
    const bad = rac(['rules', '--format', 'sarif'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of text, json, markdown/);
  });
});

describe('rac explain', () => {
  test('markdown is an assessor\'s cross-reference: rule, principle (TR 44000 clause), ISO 44001 clause, stages, evidence fields', () => {
    const dir = workspace();
    const md = rac(['rules', '--format', 'markdown'], dir).stdout;
    const json = JSON.parse(rac(['rules', '--format', 'json'], dir).stdout) as { rules: { id: string; iso44001?: string; untilStage?: string; reads: string[] }[] };
    assert.match(md, /^\| rule \| principle \(ISO\/TR 44000 clause\) \| ISO 44001 clause \| counts \| evidence fields \| severity \| title \|$/m);
    // Every rule names its clause, in both formats; the fields are those the rule reads, with the item fields.
    for (const { id, rule } of catalogRules) {
      const row = md.split('\n').find((line) => line.startsWith(`| ${id} |`)) ?? '';
      assert.equal(row.split(' | ')[2], rule.iso44001, row);
      assert.equal(json.rules.find((r) => r.id === id)?.iso44001, rule.iso44001);
    }
    assert.match(md, /^\| VV4 \| 5 Vision and values \| 8\.8 \| `staying_together` only \| `principles\.vision_and_values\.last_alignment_review` \|/m);
    assert.match(md, /^\| BO3 \| 6 Business objectives \| [\d.]+ \| `working_together` \| `principles\.business_objectives\.joint_objectives\[\*\] \(target, unit, due, owner\)` \|/m);
    assert.match(md, /^\| RM4 \| [^|]+ \| 8\.1 \| `awareness` \| `metadata\.lifecycle_stage`<br>`principles\.relationship_management\.stage_history\[\*\] \(stage\)` \|/m);
    const ex8 = json.rules.find((r) => r.id === 'EX8');
    assert.equal(ex8?.untilStage, 'staying_together');
    assert.deepEqual(ex8?.reads, ['principles.exit_strategy.last_tested']);
  });

  test('RM3: what it checks, why it matters, how to meet it, and an example that meets it', () => {
    const r = rac(['explain', 'RM3'], workspace());
    assert.equal(r.status, 0, r.stderr);
    const rm3 = loadCatalog().rules.get('RM3')!.rule;
    assert.match(r.stdout, /^RM3: next review not overdue\nPrinciple 4 Relationship management \(relationship_management\) · ISO 44001 clause 7\.5 · counts from stage awareness · warning\n/);
    assert.match(r.stdout, /\nWhat it checks\n {2}metadata\.next_review_due \(not past\)\n/);
    assert.ok(r.stdout.includes(`\nWhy it matters\n  ${rm3.why}\n`));
    assert.match(r.stdout, /\nHow to meet it\n {2}Review the relationship/);
    assert.match(r.stdout, /\nMore: https:\/\/\S+#rule-rm3\n$/);
    // The example, put into a file of its stage, meets the rule on the day it is printed.
    const example = /\nExample[^\n]*\n([\s\S]*?)\n\n/.exec(r.stdout)?.[1].replace(/^ {2}/gm, '') ?? '';
    const data = parse(example) as { metadata: { next_review_due: string } };
    assert.ok(data.metadata.next_review_due > new Date().toISOString().slice(0, 10));
  });

  test('every rule has an example, and the example meets the rule (e.g. CB2 assesses each member of a body)', () => {
    for (const { id } of catalogRules) {
      const r = rac(['explain', id], workspace());
      assert.equal(r.status, 0, id);
      assert.match(r.stdout, /\nExample \(from the file rac init writes\)\n {2}\S/, `${id} has an example`);
    }
    const cb2 = rac(['explain', 'CB2'], workspace()).stdout;
    assert.match(cb2, /- person: p-chair[\s\S]*- person: p-member/);
  });

  test('takes the code findings print and other finding codes; an unknown id gets the nearest', () => {
    const dir = workspace();
    assert.match(rac(['explain', 'evidence.rk3'], dir).stdout, /^RK3: /);
    const ref = rac(['explain', 'ref.unresolved'], dir);
    assert.equal(ref.status, 0);
    assert.match(ref.stdout, /^ref\.unresolved: Unknown id\n/);
    const unknown = rac(['explain', 'RM9'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no rule "RM9"; did you mean RM\d\?/);
    assert.match(rac(['explain'], dir).stderr, /name a rule, e\.g\. rac explain RM3/);
  });
});

describe('findings say where to read more', () => {
  const OVERDUE = VALID.replace('next_review_due: 2025-12-01', 'next_review_due: 2025-01-01');

  test('text ends with the rac explain command for the first rule shown; a clean file has no trailer', () => {
    const dir = workspace({ 'a.relationship.yaml': OVERDUE, 'clean.relationship.yaml': VALID });
    const r = rac(['check', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
    assert.match(r.stdout, /\n\nrac explain RM3 says what a rule checks, why it matters and how to meet it; rac rules lists them all\.\n$/);
    assert.doesNotMatch(rac(['check', '--as-of', AS_OF, 'clean.relationship.yaml'], dir).stdout, /rac explain/);
  });

  test('SARIF rules carry helpUri and a help text naming rac explain', () => {
    const dir = workspace({ 'a.relationship.yaml': OVERDUE });
    const log = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'sarif', 'a.relationship.yaml'], dir).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string; markdown: string } }[] } } }[] };
    const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'evidence.RM3');
    assert.match(rule?.helpUri ?? '', /^https:\/\/\S+#rule-rm3$/);
    assert.match(rule?.help.text ?? '', /rac explain RM3 describes it in full/);
    assert.match(rule?.help.markdown ?? '', /`rac explain RM3`/);
  });

  test('SARIF rule metadata names the ISO 44001 clause in its text and properties, beside principle and stages', () => {
    const dir = workspace({ 'a.relationship.yaml': OVERDUE });
    const log = JSON.parse(rac(['check', '--as-of', AS_OF, '--format', 'sarif', 'a.relationship.yaml'], dir).stdout) as { runs: { tool: { driver: { rules: { id: string; fullDescription: { text: string }; properties?: Record<string, unknown> }[] } } }[] };
    const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'evidence.RM3');
    assert.match(rule?.fullDescription.text ?? '', /^Principle 4 Relationship management, evidence for ISO 44001 clause 7\.5: /);
    assert.deepEqual(rule?.properties, { principle: 'relationship_management', iso44001: '7.5', fromStage: 'awareness' });
  });

  test('explain says when a rule stops counting, and its clause', () => {
    const r = rac(['explain', 'EX8'], workspace());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Principle 15 Exit strategy \(exit_strategy\) · ISO 44001 clause 8\.8 · counts at stage staying_together only · warning$/m);
    assert.match(r.stdout, /Before stage staying_together it is shown but not counted, and after stage staying_together it is shown as no longer required;/);
  });

  test('the README has the anchor every helpUri points at', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const { id } of catalogRules) assert.ok(readme.includes(`<a id="rule-${id.toLowerCase()}"></a>`), id);
  });
});

describe('the README shows what these commands print', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  for (const command of ['rac rules', 'rac explain RM3']) {
    test(`"$ ${command}": every line shown (but the … that stands for the rest) is a line it prints`, () => {
      const block = new RegExp(`\`\`\`text\\n\\$ ${command.replace(/ /g, ' ')}\\n([\\s\\S]*?)\\n\`\`\``).exec(readme)?.[1];
      assert.ok(block, `README.md shows no "$ ${command}"`);
      const printed = rac(command.split(' ').slice(1), workspace()).stdout.split('\n');
      for (const line of block.split('\n').filter((l) => l !== '…')) assert.ok(printed.includes(line), `not printed by ${command}: ${line}`);
    });
  }
});

test('rac explain knows every finding code the engine gives besides rules and schema keywords', () => {
  const explained = new Set(otherCodes());
  const missing = KNOWN_CODES.filter((c) => !c.endsWith('.') && !c.startsWith('schema.') && !explained.has(c));
  assert.deepEqual(missing, []);
});
