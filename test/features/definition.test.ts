// Go to definition and find references over the engine's id index: every shape of reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../server/src/features/definition';
import { references } from '../../server/src/features/references';
import { analyzeText, crlf, NAV, positionOf, rangeOf, textAt, URI } from './fixture';

const analysis = analyzeText(NAV);

test('a reference leads to the id it names: block, flow, quoted, map key', () => {
  const bob = rangeOf(NAV, 'p-bob');
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, '"p-bob"', 0, 3)), [{ uri: URI, range: bob }]);
  const kce = { start: positionOf(NAV, 'kce'), end: positionOf(NAV, 'kce', 0, 3) };
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, "'kce'", 0, 1)), [{ uri: URI, range: { ...kce, start: { ...kce.start, character: kce.start.character - 1 }, end: { ...kce.end, character: kce.end.character + 1 } } }]);
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, 'proposed_by: kce', 0, 14)).map((l) => textAt(NAV, l.range)), ['"kce"']);
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, '{hw: 0.5', 0, 1)).map((l) => textAt(NAV, l.range)), ['hw']);
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, '[ET-1]', 0, 2)).map((l) => l.range), [rangeOf(NAV, 'ET-1', 1)]);
});

test('positions count UTF-16 code units: a reference after an emoji on the same line', () => {
  const line = NAV.split('\n').find((l) => l.includes('"Ann 😀"'))!;
  const column = line.indexOf('party: hw') + 'party: '.length;
  assert.notEqual([...line.slice(0, column)].length, column, 'the emoji takes two code units');
  const position = { line: positionOf(NAV, '"Ann 😀"').line, character: column };
  assert.deepEqual(definition(analysis, URI, position).map((l) => l.range), [rangeOf(NAV, 'hw')]);
  // Either end of the word counts, one past does not.
  assert.equal(definition(analysis, URI, { ...position, character: column + 2 }).length, 1);
  assert.equal(definition(analysis, URI, { ...position, character: column + 3 }).length, 0);
});

test('on a definition, definition is the id itself', () => {
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, 'ET-1', 1, 2)), [{ uri: URI, range: rangeOf(NAV, 'ET-1', 1) }]);
});

test('nothing for keys, plain values, comments, blank space and unresolved references', () => {
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, 'title: Idea', 0, 1)), []);
  assert.deepEqual(definition(analysis, URI, positionOf(NAV, 'Idea')), []);
  assert.deepEqual(definition(analysis, URI, { line: 0, character: 3 }), []);
  assert.deepEqual(definition(analysis, URI, { line: 999, character: 0 }), []);
  const dangling = 'parties:\n  - {id: a, name: A, role: customer}\npeople:\n  - {id: p, name: P, party: zz}\n';
  assert.deepEqual(definition(analyzeText(dangling), URI, positionOf(dangling, 'zz')), []);
});

test('references: every place naming the id, with the definition when asked', () => {
  const fromDefinition = references(analysis, URI, positionOf(NAV, 'hw'), false).map((l) => l.range);
  assert.deepEqual(fromDefinition, [rangeOf(NAV, 'hw', 1), rangeOf(NAV, 'hw', 2), rangeOf(NAV, 'hw', 3)]);
  const fromReference = references(analysis, URI, positionOf(NAV, 'hw', 2), true).map((l) => l.range);
  assert.deepEqual(fromReference, [rangeOf(NAV, 'hw'), ...fromDefinition]);
  const kce = references(analysis, URI, positionOf(NAV, 'kce'), true).map((l) => textAt(NAV, l.range));
  assert.deepEqual(kce, ['"kce"', "'kce'", 'kce', '"kce"']);
  assert.deepEqual(references(analysis, URI, positionOf(NAV, 'Idea'), true), []);
});

test('an id of one collection is not confused with the same text in another', () => {
  const text = 'parties:\n  - {id: x1, name: A, role: customer}\npeople:\n  - {id: x1, name: P, party: x1}\nwaivers:\n  - {rule: EX8, reason: r, approved_by: x1, expires: 2026-12-01}\n';
  const a = analyzeText(text);
  assert.deepEqual(references(a, URI, positionOf(text, 'x1'), false).map((l) => l.range), [rangeOf(text, 'x1', 2)]);
  assert.deepEqual(references(a, URI, positionOf(text, 'x1', 1), false).map((l) => l.range), [rangeOf(text, 'x1', 3)]);
});

test('CRLF documents answer with the same positions', () => {
  const text = crlf(NAV);
  const a = analyzeText(text);
  assert.deepEqual(definition(a, URI, positionOf(text, '"p-bob"', 0, 3)), definition(analysis, URI, positionOf(NAV, '"p-bob"', 0, 3)));
  assert.deepEqual(references(a, URI, positionOf(text, 'hw'), true), references(analysis, URI, positionOf(NAV, 'hw'), true));
});
