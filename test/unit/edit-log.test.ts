// Positions mapped between an analysed text and the current one through the edits recorded since: insertions
// and deletions before, after and around a position, several changes in one event, CRLF, emoji (UTF-16
// columns), and a whole-text replacement, after which nothing maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { EditLog } from '../../server/src/edit-log';
import { LineIndex } from '../../server/src/core/text';

function setup(text: string) {
  const log = new EditLog();
  const config = log.documents();
  const document = config.create('file:///a.relationship.yaml', 'relationship-yaml', 1, text);
  const analysed = new LineIndex(text);
  const apply = (version: number, ...changes: TextDocumentContentChangeEvent[]) => config.update(document, changes, version);
  const map = (since = 1) => log.since(document.uri, since, analysed, document);
  return { log, document, analysed, apply, map };
}

test('an insertion above moves what follows it and leaves what precedes it', () => {
  const { apply, map, document } = setup('a: 1\r\nb: 2\r\nc: 3\r\n');
  apply(2, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# 🙂 note\r\n' });
  assert.equal(document.getText(), 'a: 1\r\n# 🙂 note\r\nb: 2\r\nc: 3\r\n');
  const m = map();
  assert.deepEqual(m.forward({ line: 2, character: 1 }), { line: 3, character: 1 });
  assert.deepEqual(m.forward({ line: 0, character: 3 }), { line: 0, character: 3 });
  assert.deepEqual(m.back({ line: 3, character: 1 }), { line: 2, character: 1 });
  assert.equal(m.back({ line: 1, character: 3 }), undefined, 'the inserted line has no counterpart');
  assert.deepEqual(m.range({ start: { line: 0, character: 0 }, end: { line: 2, character: 4 } }), { start: { line: 0, character: 0 }, end: { line: 3, character: 4 } });
});

test('emoji count as two UTF-16 columns on the line they are typed in', () => {
  const { apply, map } = setup('title: x\nid: 1\n');
  apply(2, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: '🙂🙂' });
  const m = map();
  assert.deepEqual(m.forward({ line: 0, character: 8 }), { line: 0, character: 12 });
  assert.deepEqual(m.back({ line: 0, character: 12 }), { line: 0, character: 8 });
  assert.equal(m.back({ line: 0, character: 9 }), undefined);
  assert.deepEqual(m.forward({ line: 1, character: 2 }), { line: 1, character: 2 });
});

test('several changes in one event and over several versions compose; a replaced span does not map', () => {
  const { apply, map, log, document } = setup('one\ntwo\nthree\nfour\n');
  apply(2,
    { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }, // deletes "two\n"
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'zero\n' });
  apply(3, { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, text: '!' });
  assert.equal(document.getText(), 'zero\none\nthree\nfour!\n');
  const m = map();
  assert.deepEqual(m.forward({ line: 2, character: 2 }), { line: 2, character: 2 }, '"three": one line removed, one added');
  assert.equal(m.forward({ line: 1, character: 1 }), undefined, '"two" is gone');
  assert.deepEqual(m.forward({ line: 3, character: 4 }), { line: 3, character: 4 }, 'an insertion right after a position leaves it');
  assert.deepEqual(m.back({ line: 1, character: 2 }), { line: 0, character: 2 });
  // An analysis of version 2 finished: only the "!" lies between it and the current text.
  log.forgetUpTo(document.uri, 2);
  const v2 = log.since(document.uri, 2, new LineIndex('zero\none\nthree\nfour\n'), document);
  assert.deepEqual(v2.forward({ line: 1, character: 1 }), { line: 1, character: 1 });
  assert.deepEqual(v2.back({ line: 3, character: 5 }), { line: 3, character: 4 });
  log.forgetUpTo(document.uri, 3);
  assert.equal(log.since(document.uri, 3, new LineIndex(document.getText()), document).identity, true);
});

test('a whole-text replacement leaves nothing inside the old text mapped', () => {
  const { apply, map } = setup('a: 1\nb: 2\n');
  apply(2, { text: 'a: 1\nb: 3\n' });
  const m = map();
  assert.equal(m.identity, false);
  assert.equal(m.back({ line: 1, character: 1 }), undefined);
  assert.equal(m.range({ start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }), undefined);
});

test('no edit since the analysis is the identity', () => {
  const { map } = setup('a: 1\n');
  assert.equal(map().identity, true);
  assert.deepEqual(map().back({ line: 0, character: 2 }), { line: 0, character: 2 });
});
