// "New Relationship File" offers every lifecycle stage, in order, described by the schema.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { stagePicks } from '../../client/src/stage-picks';
import { STAGES } from '../../server/src/core/types';

test('one pick per stage, in lifecycle order, each with the schema description', () => {
  const picks = stagePicks();
  assert.deepEqual(picks.map((p) => p.stage), [...STAGES]);
  for (const pick of picks) {
    assert.equal(pick.description, pick.stage);
    assert.ok(pick.detail.length > 10, `stage ${pick.stage} has no description in the schema`);
  }
  assert.equal(picks[4].label, 'Working together');
  const schema = JSON.parse(readFileSync('schemas/relationship.schema.json', 'utf8')) as { $defs: { stage: { enumDescriptions: string[] } } };
  assert.deepEqual(picks.map((p) => p.detail), schema.$defs.stage.enumDescriptions);
});
