// Every relationship the repository keeps as a complete example meets every rule that counts at its stage:
// a rule added to the catalog needs its evidence in them (see kept-relationships.ts and CONTRIBUTING.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptRelationships, unmetRules } from './kept-relationships';

const kept = keptRelationships();

test('the kept relationships: seven samples (the flawed one with its explained flaws), eight stage baselines, the reference example, the complete report fixture, the scenario files', () => {
  assert.equal(kept.filter((k) => k.path.startsWith('samples/')).length, 7);
  assert.deepEqual(kept.filter((k) => k.flaws).map((k) => k.path), ['samples/flawed.relationship.yaml']);
  assert.equal(kept.filter((k) => k.path.includes('/stage-')).length, 8);
  assert.ok(kept.some((k) => k.path.endsWith('riverside-meridian.relationship.yaml')));
  assert.ok(kept.some((k) => k.path === 'test/report/fixtures/complete.relationship.yaml'));
  assert.ok(kept.filter((k) => k.path.startsWith('test/diff/fixtures/')).length >= 2);
});

for (const k of kept) {
  test(`${k.path} meets every rule that counts at its stage`, () => {
    assert.deepEqual(unmetRules(k), [], `add the evidence of these rules to ${k.path} (npm run update-golden lists every kept file that lacks one)`);
  });
}
