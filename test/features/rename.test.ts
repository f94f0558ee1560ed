// Rename of ids: only ids, every reference, quoting kept, names YAML would misread refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { isPlainId, prepareRename, rename, type RenameResult } from '../../server/src/features/rename';
import { analyzeText, applyWorkspaceEdit, crlf, NAV, positionOf, rangeOf, textAt, URI } from './fixture';

const analysis = analyzeText(NAV);

function editOf(result: RenameResult): WorkspaceEdit {
  assert.ok('edit' in result, `refused: ${'refused' in result ? result.refused : ''}`);
  return result.edit;
}

function refusal(result: RenameResult): { refused: string; badName: boolean } {
  assert.ok('refused' in result, 'the rename was not refused');
  return result;
}

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
  const edit = editOf(rename(analysis, URI, positionOf(NAV, 'proposed_by: kce', 0, 14), 'kestrel'));
  const next = applyWorkspaceEdit(NAV, edit);
  assert.equal(edit.changes?.[URI]?.length, 4);
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
  const fromList = applyWorkspaceEdit(NAV, editOf(rename(analysis, URI, positionOf(NAV, '"p-bob"', 0, 1), 'p-robert')));
  assert.ok(fromList.includes('{id: p-robert, name: Bob'));
  assert.ok(fromList.includes('agreed_by: [p-ann, "p-robert"]'));
  assert.ok(fromList.includes('owner: p-robert, latest'));
  const fromKey = applyWorkspaceEdit(NAV, editOf(rename(analysis, URI, positionOf(NAV, '{hw: 0.5', 0, 1), 'harbour')));
  assert.equal((fromKey.match(/\bharbour\b/g) ?? []).length, 4);
  assert.deepEqual(analyzeText(fromKey).findings.filter((f) => f.code.startsWith('ref.')), []);
});

test('rename refuses names that are empty, spaced, YAML syntax, not text, or already taken, and says why', () => {
  const at = positionOf(NAV, 'p-ann');
  const cases: [string, RegExp][] = [
    ['', /^The new id is empty\.$/],
    ['a b', /^"a b" contains whitespace; an id is one word/],
    ['tab\tbed', /^"tab\\tbed" contains whitespace/],
    ['a:b', /^"a:b" contains ":", which YAML reads as syntax; use letters, digits, -, _ or \. in an id\.$/],
    ['a#b', /contains "#", which YAML reads as syntax/],
    ['[x]', /contains "\[", which YAML reads as syntax/],
    ['a,b', /contains ",", which YAML reads as syntax/],
    ['{x}', /contains "{", which YAML reads as syntax/],
    ['"q"', /contains "\\"", which YAML reads as syntax/],
    ["it's", /contains "'", which YAML reads as syntax/],
    ['- item', /contains whitespace/],
    ['*alias', /^"\*alias" starts with "\*", which YAML reads as syntax/],
    ['&anchor', /starts with "&"/],
    ['!tag', /starts with "!"/],
    ['true', /^YAML reads "true" as a boolean, not as a text id; add a letter \(e\.g\. "id-true"\)\.$/],
    ['null', /reads "null" as null, not as a text id/],
    ['~', /reads "~" as null/],
    ['12', /reads "12" as a number, not as a text id/],
    ['1.5', /reads "1\.5" as a number/],
    ['p-bob', /^"p-bob" is already an id in people; ids must be unique in their collection\.$/],
  ];
  for (const [name, message] of cases) {
    const refused = refusal(rename(analysis, URI, at, name));
    assert.match(refused.refused, message, JSON.stringify(name));
    assert.equal(refused.badName, true, JSON.stringify(name));
  }
  const notAnId = refusal(rename(analysis, URI, positionOf(NAV, 'Idea'), 'idea-2'));
  assert.match(notAnId.refused, /^Only an id can be renamed/);
  assert.equal(notAnId.badName, false);
  assert.ok(isPlainId('KPI-02') && isPlainId('p.ann_2') && isPlainId('ET-1'));
});

test('renaming to the same name changes nothing', () => {
  assert.deepEqual(rename(analysis, URI, positionOf(NAV, 'p-ann'), 'p-ann'), { edit: { changes: { [URI]: [] } } });
});

test('CRLF and emoji: edits land on the id and the line breaks stay', () => {
  const text = crlf(NAV);
  const a = analyzeText(text);
  const position = positionOf(text, 'party: hw', 0, 'party: '.length);
  assert.deepEqual(prepareRename(a, position), rangeOf(text, 'hw', 1));
  const next = applyWorkspaceEdit(text, editOf(rename(a, URI, position, 'harbour')));
  assert.equal(next.split('\r\n').length, text.split('\r\n').length);
  assert.ok(!/[^\r]\n/.test(next));
  assert.ok(next.includes('name: "Ann 😀", party: harbour}'));
  assert.deepEqual(analyzeText(next).findings.filter((f) => f.code.startsWith('ref.')), []);
});
