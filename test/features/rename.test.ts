// Rename of ids: only ids, every reference, quoting kept, names YAML would misread refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlainId, prepareRename, rename } from '../../server/src/features/rename';
import { analyzeText, applyWorkspaceEdit, crlf, NAV, positionOf, rangeOf, textAt, URI } from './fixture';

const analysis = analyzeText(NAV);

test('prepareRename gives the id text without its quotes', () => {
  const r = prepareRename(analysis, positionOf(NAV, '"kce"'));
  assert.ok(r);
  assert.equal(textAt(NAV, r), 'kce');
  assert.deepEqual(prepareRename(analysis, positionOf(NAV, "'kce'", 0, 2)), rangeOf(NAV, 'kce', 1));
  assert.deepEqual(prepareRename(analysis, positionOf(NAV, '{hw: 0.5', 0, 2)), rangeOf(NAV, 'hw', 2));
});

test('prepareRename refuses keys, other values, comments and text', () => {
  for (const [needle, delta] of [['title: Idea', 2], ['Idea', 1], ['# Navigation', 3], ['Reliable', 2], ['customer', 1], ['working_together', 0]] as const) {
    assert.equal(prepareRename(analysis, positionOf(NAV, needle, 0, delta)), null, needle);
  }
});

test('rename changes the definition and every reference, keeping each one\'s quoting', () => {
  const edit = rename(analysis, URI, positionOf(NAV, 'proposed_by: kce', 0, 14), 'kestrel');
  const next = applyWorkspaceEdit(NAV, edit);
  assert.equal(edit?.changes?.[URI]?.length, 4);
  assert.ok(next.includes('  - id: "kestrel"\n'));
  assert.ok(next.includes("party: 'kestrel'}"));
  assert.ok(next.includes('proposed_by: kestrel\n'));
  assert.ok(next.includes('{hw: 0.5, "kestrel": 0.5}'));
  assert.ok(!/\bkce\b/.test(next));
  const after = analyzeText(next);
  assert.deepEqual(after.findings.filter((f) => f.code.startsWith('ref.')), []);
  assert.deepEqual(after.coverage, { ...analysis.coverage, principles: after.coverage.principles });
});

test('rename from a flow list and from a map key', () => {
  const fromList = applyWorkspaceEdit(NAV, rename(analysis, URI, positionOf(NAV, '"p-bob"', 0, 1), 'p-robert'));
  assert.ok(fromList.includes('{id: p-robert, name: Bob'));
  assert.ok(fromList.includes('agreed_by: [p-ann, "p-robert"]'));
  assert.ok(fromList.includes('owner: p-robert, latest'));
  const fromKey = applyWorkspaceEdit(NAV, rename(analysis, URI, positionOf(NAV, '{hw: 0.5', 0, 1), 'harbour'));
  assert.equal((fromKey.match(/\bharbour\b/g) ?? []).length, 4);
  assert.deepEqual(analyzeText(fromKey).findings.filter((f) => f.code.startsWith('ref.')), []);
});

test('rename refuses names that are empty, spaced, YAML syntax, not text, or already taken', () => {
  const at = positionOf(NAV, 'p-ann');
  for (const name of ['', 'a b', 'tab\tbed', 'a:b', 'a#b', '[x]', 'a,b', '{x}', '"q"', "it's", '- item', '*alias', '&anchor', '!tag', 'true', 'null', '~', '12', '1.5', 'p-bob']) {
    assert.equal(rename(analysis, URI, at, name), null, JSON.stringify(name));
  }
  assert.equal(rename(analysis, URI, positionOf(NAV, 'Idea'), 'idea-2'), null, 'not an id');
  assert.ok(isPlainId('KPI-02') && isPlainId('p.ann_2') && isPlainId('ET-1'));
});

test('renaming to the same name changes nothing', () => {
  assert.deepEqual(rename(analysis, URI, positionOf(NAV, 'p-ann'), 'p-ann'), { changes: { [URI]: [] } });
});

test('CRLF and emoji: edits land on the id and the line breaks stay', () => {
  const text = crlf(NAV);
  const a = analyzeText(text);
  const position = positionOf(text, 'party: hw', 0, 'party: '.length);
  assert.deepEqual(prepareRename(a, position), rangeOf(text, 'hw', 1));
  const next = applyWorkspaceEdit(text, rename(a, URI, position, 'harbour'));
  assert.equal(next.split('\r\n').length, text.split('\r\n').length);
  assert.ok(!/[^\r]\n/.test(next));
  assert.ok(next.includes('name: "Ann 😀", party: harbour}'));
  assert.deepEqual(analyzeText(next).findings.filter((f) => f.code.startsWith('ref.')), []);
});
