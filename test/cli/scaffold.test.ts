// The scaffold rac init writes (core/scaffold.ts): valid at every stage, with exactly the sections that count.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { analyze, loadCatalog, STAGES } from '../../server/src/core/index';
import { placeholders, scaffold } from '../../server/src/core/scaffold';

const AS_OF = '2025-06-01';

describe('scaffold', () => {
  for (const stage of STAGES) {
    test(`${stage}: no errors, the stage set, the counted principles present`, () => {
      const text = scaffold(stage, { asOf: AS_OF });
      const a = analyze(text, { asOf: AS_OF });
      assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
      assert.equal(a.info.stage, stage);
      assert.equal(a.info.stageDeclared, true);
      const counted = loadCatalog().principles.filter((p) => p.evidence.some((r) => STAGES.indexOf(r.from_stage) <= STAGES.indexOf(stage))).map((p) => p.id);
      const data = parse(text) as { principles: Record<string, unknown> };
      assert.deepEqual(Object.keys(data.principles), counted);
      // Every principle that is required is at least partly evidenced: nothing counted is left empty.
      assert.deepEqual(a.coverage.principles.filter((p) => p.status === 'missing').map((p) => p.id), []);
      // Its status fits its stage, so every rule of the stage counts: at exit the exit records count too.
      assert.deepEqual(a.findings.filter((f) => f.code.startsWith('stage.')).map((f) => f.message), []);
      if (stage === 'exit') {
        assert.equal((parse(text) as { metadata: { status: string } }).metadata.status, 'exiting');
        const states = a.coverage.principles.flatMap((p) => p.rules).filter((r) => ['EX10', 'EX11'].includes(r.id)).map((r) => r.state);
        assert.deepEqual(states, ['met', 'met']);
      }
    });
  }

  test('is deterministic, dated by asOf (what lies ahead a year later), and keeps the snippets\' dates without it', () => {
    assert.equal(scaffold('exit', { asOf: AS_OF }), scaffold('exit', { asOf: AS_OF }));
    assert.doesNotMatch(scaffold('exit', { asOf: AS_OF }), /\b20(?!25-06-01|26-06-01)\d\d-\d\d-\d\d\b/);
    assert.match(scaffold('exit', { asOf: AS_OF }), /next_review_due: 2026-06-01/);
    assert.match(scaffold('awareness'), /lifecycle_stage: awareness/);
  });

  test('starts with a comment and keeps schema_version a string', () => {
    const text = scaffold('awareness', { asOf: AS_OF });
    assert.match(text, /^# A new relationship at stage awareness\./);
    assert.match(text, /^schema_version: "2"$/m);
  });

  test('placeholders take their defaults', () => {
    assert.equal(placeholders('${1:REL-001}'), 'REL-001');
    assert.equal(placeholders('a ${1:b ${2:c}} d'), 'a b c d');
    assert.equal(placeholders('${1|joint,single|}'), 'joint');
    assert.equal(placeholders('x$1y${2}z'), 'xyz');
    assert.equal(placeholders('no placeholders, 50/50'), 'no placeholders, 50/50');
  });
});
