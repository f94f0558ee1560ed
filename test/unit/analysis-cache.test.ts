// The server's analysis cache holds one analysis per open document (the newest finished), the ids of the last
// text that parsed for completion, and nothing once the document is closed; stale entries keep answering
// requests after a settings change, but never stand in for an exact version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisCache, type Resolved } from '../../server/src/cache';

const GOOD = 'schema_version: "1"\npeople:\n  - {id: p-ann, name: Ann, party: acme}\n';
const BROKEN = 'schema_version: "1"\npeople:\n  - {id: p-ann, name: Ann, party: acme\n';

function cache(key = { value: 'k1' }) {
  let analyses = 0;
  const c = new AnalysisCache(async (): Promise<Resolved> => ({ options: { asOf: '2026-11-01' }, key: key.value }), () => void analyses++);
  return { c, count: () => analyses, key };
}

const doc = (version: number, text: string) => ({ uri: 'file:///a.relationship.yaml', version, getText: () => text });

test('one analysis per document: a newer version replaces the older, an older one never replaces a newer', async () => {
  const { c, count } = cache();
  const v1 = await c.get(doc(1, GOOD));
  assert.equal(await c.get(doc(1, GOOD)), v1, 'the same version is analysed once');
  assert.equal(count(), 1);
  const v3 = await c.get(doc(3, GOOD + '# more\n'));
  await c.get(doc(2, GOOD));
  assert.equal(c.latest('file:///a.relationship.yaml')?.version, 3);
  assert.equal(c.latest('file:///a.relationship.yaml')?.analysis, v3);
  assert.equal(c.peek('file:///a.relationship.yaml', 1), undefined, 'version 1 is no longer held');
});

test('while the text does not parse, completion keeps the ids of the last text that did, not its whole analysis', async () => {
  const { c } = cache();
  const good = await c.get(doc(1, GOOD));
  const broken = await c.get(doc(2, BROKEN));
  assert.equal(c.latest('file:///a.relationship.yaml')?.analysis, broken);
  assert.equal(c.lastGoodModel('file:///a.relationship.yaml'), good.model);
  assert.ok(c.lastGoodModel('file:///a.relationship.yaml')?.ids.get('people')?.has('p-ann'));
});

test('a closed document leaves nothing behind', async () => {
  const { c } = cache();
  await c.get(doc(1, GOOD));
  c.evict('file:///a.relationship.yaml');
  assert.equal(c.latest('file:///a.relationship.yaml'), undefined);
  assert.equal(c.lastGoodModel('file:///a.relationship.yaml'), undefined);
});

test('after a settings change the old analysis still answers requests, but the exact version is analysed again', async () => {
  const { c, count, key } = cache();
  const before = await c.get(doc(1, GOOD));
  c.clear();
  key.value = 'k2';
  assert.equal(c.latest('file:///a.relationship.yaml')?.analysis, before);
  assert.equal(c.peek('file:///a.relationship.yaml', 1, 'k1'), undefined);
  const after = await c.get(doc(1, GOOD));
  assert.notEqual(after, before);
  assert.equal(count(), 2);
});
