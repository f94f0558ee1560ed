// A finding on an alias is about the anchored value it repeats: it points at the anchor and offers no fix
// (replacing "*acme" with the suggestion would silently turn the alias into a copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index';

const TEXT = `schema_version: "1"
metadata:
  id: REL-A
  title: Alias test
  status: active
  lifecycle_stage: awareness
parties:
  - &acme {id: acme, name: Acme, role: supplierr}
  - *acme
`;

test('a finding through an alias names the alias, points at the anchor and carries no fix', () => {
  const enums = analyze(TEXT, { asOf: '2026-01-01' }).findings.filter((f) => f.code === 'schema.enum');
  assert.equal(enums.length, 2);
  const [atAnchor, atAlias] = enums;
  assert.deepEqual(atAnchor.range.start, { line: 7, character: 39 });
  assert.equal(atAnchor.fixes?.[0]?.edits[0]?.newText, 'supplier');
  assert.deepEqual(atAlias.range, { start: { line: 8, character: 4 }, end: { line: 8, character: 9 } });
  assert.match(atAlias.message, /\(through the alias "\*acme"\)$/);
  assert.equal(atAlias.fixes, undefined);
  assert.deepEqual(atAlias.related?.map((r) => [r.range.start.line, r.message]), [[7, 'the anchor "&acme" that this alias repeats']]);
});

test('a document without aliases is left as it is', () => {
  const plain = analyze(TEXT.replace('  - &acme {', '  - {').replace('  - *acme\n', ''), { asOf: '2026-01-01' });
  assert.ok(plain.findings.every((f) => !/through the alias/.test(f.message)));
});
