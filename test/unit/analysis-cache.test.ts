// The server's analysis cache holds one analysis per open document (the newest finished), the ids of the last
// text that parsed for completion, and nothing once the document is closed; stale entries keep answering
// requests after a settings change, but never stand in for an exact version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisCache, type Resolved } from '../../server/src/cache';
import { analyze, type Analysis } from '../../server/src/core/index';
import { treeShape } from './tree-shape';

const GOOD = 'schema_version: "1"\npeople:\n  - {id: p-ann, name: Ann, party: acme}\n';
const BROKEN = 'schema_version: "1"\npeople:\n  - {id: p-ann, name: Ann, party: acme\n';

function cache(key = { value: 'k1' }) {
  let analyses = 0;
  const c = new AnalysisCache(async (): Promise<Resolved> => ({ options: { asOf: '2026-11-01' }, key: key.value }), { analysed: () => void analyses++ });
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

const BIG = `schema_version: "2"\nmetadata:\n  id: REL-1\nprinciples:\n  risk_management:\n    register:\n${Array.from({ length: 40 }, (_, i) => `      - id: R-${i}\n        title: Risk ${i}\n        owner: p-${i}\n`).join('')}`;
const URI = 'file:///a.relationship.yaml';
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const judged = (a: Analysis | undefined): unknown => a && { findings: a.findings, coverage: a.coverage, model: a.model, data: a.data, tree: treeShape(a.document) };

/** A cache that yields between every two steps of an analysis (no clock involved). */
function stepping() {
  return new AnalysisCache(async (): Promise<Resolved> => ({ options: { asOf: '2026-11-01' }, key: 'k' }), {}, 0);
}

test('between the steps of an analysis, requests answer from the new text\'s structure, never from a tree it took over', async () => {
  const c = stepping();
  const v1 = await c.get(doc(1, BIG));
  const edited = BIG.replace('title: Risk 7', 'title: Risk 7 typed');
  const running = c.get(doc(2, edited));
  await turn();
  const during = c.latest(URI);
  assert.equal(during?.version, 2);
  assert.equal(during?.final, false, 'the checks are still running');
  assert.equal(c.peek(URI, 2), undefined, 'a request for the exact version still waits for the analysis');
  assert.deepStrictEqual(treeShape(during?.analysis.document), treeShape(analyze(edited, { asOf: '2026-11-01' }).document));
  assert.equal(during?.analysis.findings.length, v1.findings.length, 'the judgements are the previous ones until the new ones are done');
  const done = await running;
  assert.equal(c.latest(URI)?.final, true);
  assert.equal(c.latest(URI)?.analysis, done);
  assert.deepStrictEqual(judged(done), judged(analyze(edited, { asOf: '2026-11-01' })));
});

test('an analysis superseded by a newer version stops between two steps; the next one is spliced from where it stopped', async () => {
  const c = stepping();
  await c.get(doc(1, BIG));
  const v2 = BIG.replace('title: Risk 7', 'title: Risk 7b');
  const v3 = v2.replace('owner: p-30', 'owner: p-30c');
  let wanted = true;
  const stopped = c.get(doc(2, v2), () => wanted);
  await turn();
  wanted = false;
  assert.equal(await stopped, undefined);
  assert.equal(c.latest(URI)?.version, 2);
  assert.equal(c.latest(URI)?.final, false);
  const third = await c.get(doc(3, v3), () => true);
  assert.ok(third?.source?.parsed.spliced, 'spliced from the stopped analysis\'s structure');
  assert.deepStrictEqual(judged(third), judged(analyze(v3, { asOf: '2026-11-01' })));
});

test('two analyses of one document asked at once run one after the other, and a closed document keeps nothing', async () => {
  const c = stepping();
  await c.get(doc(1, BIG));
  const v2 = BIG.replace('title: Risk 3', 'title: Risk 3b');
  const v3 = v2.replace('title: Risk 9', 'title: Risk 9c');
  const [a2, a3] = await Promise.all([c.get(doc(2, v2)), c.get(doc(3, v3))]);
  // a2's tree is a3's now (spliced): its judgements are its own.
  const { tree: _tree, ...judgedA2 } = judged(a2) as Record<string, unknown>;
  const { tree: _fresh, ...judgedV2 } = judged(analyze(v2, { asOf: '2026-11-01' })) as Record<string, unknown>;
  assert.deepStrictEqual(judgedA2, judgedV2);
  assert.deepStrictEqual(judged(a3), judged(analyze(v3, { asOf: '2026-11-01' })));
  assert.equal(c.latest(URI)?.analysis, a3);
  const closing = c.get(doc(4, v3.replace('Risk 1\n', 'Risk 1d\n')));
  await turn();
  c.evict(URI);
  await closing;
  assert.equal(c.latest(URI), undefined, 'the analysis that was running when the document closed is not kept');
});

test('each analysis is announced with whether it opens the document, and ended once, finished, superseded or after a close', async () => {
  const log: string[] = [];
  const c = new AnalysisCache(async (): Promise<Resolved> => ({ options: { asOf: '2026-11-01' }, key: 'k' }), {
    analysing: (text, opening) => {
      log.push(`${opening ? 'open' : 'edit'} ${text.length}`);
      return () => log.push('end');
    },
  }, 0);
  await c.get(doc(1, BIG));
  await c.get(doc(1, BIG));
  assert.deepEqual(log, [`open ${BIG.length}`, 'end'], 'a cached answer is no analysis');
  const v2 = BIG.replace('title: Risk 7', 'title: Risk 7b');
  let wanted = true;
  const stopped = c.get(doc(2, v2), () => wanted);
  await turn();
  assert.deepEqual(log.slice(2), [`edit ${v2.length}`], 'still running');
  wanted = false;
  await stopped;
  assert.deepEqual(log.slice(2), [`edit ${v2.length}`, 'end']);
  c.evict(URI);
  await c.get(doc(3, v2));
  assert.deepEqual(log.slice(4), [`open ${v2.length}`, 'end'], 'opened again after a close');
});
