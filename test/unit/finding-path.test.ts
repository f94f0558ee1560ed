// Schema findings name the data path they are about (Finding.path), so quick fixes never parse messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/index';

const TEXT = `schema_version: "1"
metadata:
  id: REL-P
  status: actve
  lifecycle_stage: awareness
parties:
  - {id: acme, name: Acme, role: customer}
  - {id: beta, name: 12, role: supplier, colour: blue}
people:
`;

test('required, additionalProperties, enum and type findings carry their path', () => {
  const { findings } = analyze(TEXT, { asOf: '2026-01-01' });
  const paths = (code: string) => findings.filter((f) => f.code === code).map((f) => f.path);
  assert.deepEqual(paths('schema.required'), [['metadata', 'title']]);
  assert.deepEqual(paths('schema.additionalProperties'), [['parties', 1, 'colour']]);
  assert.deepEqual(paths('schema.enum'), [['metadata', 'status']]);
  assert.deepEqual(paths('schema.type'), [['parties', 1, 'name'], ['people']]);
});
