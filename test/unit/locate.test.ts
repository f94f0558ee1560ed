// Locator: data paths → document ranges, for things present and for the holder of things missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Locator, walk } from '../../server/src/core/locate';
import { parse } from '../../server/src/core/parse';
import { LineIndex } from '../../server/src/core/text';
import type { Range } from '../../server/src/core/types';

const TEXT = [
  '# header comment',
  'schema_version: "1"',
  'metadata:',
  '  id: REL-1',
  '  title: Harbourside – Kestrel',
  'parties:',
  '  - {id: hw, name: Harbourside Water Ltd, role: customer}',
  '  - id: kce',
  '    name: Kestrel Civil Engineering plc',
  'principles:',
  '  risk_management:',
  '    register: []',
  '',
].join('\n');

function setup(text = TEXT): { locate: Locator; slice: (r: Range) => string; lines: LineIndex } {
  const lines = new LineIndex(text);
  const { document } = parse(text, lines);
  const slice = (r: Range): string => text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
  return { locate: new Locator(document, lines), slice, lines };
}

test('key and value of a present block-map path', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.key(['metadata', 'title'])), 'title');
  assert.equal(slice(locate.value(['metadata', 'title'])), 'Harbourside – Kestrel');
  assert.deepEqual(locate.key(['metadata', 'id']).start, { line: 3, character: 2 });
});

test('keys and values inside a flow map in a list', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.key(['parties', 0, 'role'])), 'role');
  assert.equal(slice(locate.value(['parties', 0, 'role'])), 'customer');
  assert.equal(slice(locate.value(['parties', 0, 'name'])), 'Harbourside Water Ltd');
});

test('a list item: its value is the whole item, its key is the item\'s first key', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.value(['parties', 0])), '{id: hw, name: Harbourside Water Ltd, role: customer}');
  assert.equal(slice(locate.key(['parties', 0])), 'id');
  assert.equal(slice(locate.key(['parties', 1])), 'id');
  assert.deepEqual(locate.key(['parties', 1]).start, { line: 7, character: 4 });
});

test('something missing is reported at the key of its deepest present holder', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.key(['metadata', 'status'])), 'metadata');
  assert.equal(slice(locate.value(['metadata', 'status'])), 'metadata');
  assert.equal(slice(locate.key(['principles', 'exit_strategy', 'triggers'])), 'principles');
  assert.equal(slice(locate.holder(['principles', 'risk_management', 'review_cadence'])), 'risk_management');
});

test('a missing field of a list item is reported at the item\'s first key', () => {
  const { locate, slice, lines } = setup();
  const r = locate.key(['parties', 1, 'role']);
  assert.equal(slice(r), 'id');
  assert.equal(lines.positionAt(lines.offsetAt(r.start)).line, 7);
  // A missing item of a list: the list's key.
  assert.equal(slice(locate.key(['parties', 5, 'role'])), 'parties');
});

test('an empty list is a value that exists', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.value(['principles', 'risk_management', 'register'])), '[]');
  assert.equal(slice(locate.key(['principles', 'risk_management', 'register'])), 'register');
  assert.equal(slice(locate.key(['principles', 'risk_management', 'register', 0])), 'register');
});

test('the root: the first key of the file, or 0:0 for an empty document', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.holder([])), 'schema_version');
  assert.equal(slice(locate.key([])), 'schema_version');
  assert.equal(slice(locate.key(['no_such_key'])), 'schema_version');
  const empty = setup('');
  assert.deepEqual(empty.locate.key(['metadata']), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const none = new Locator(undefined, new LineIndex('x'));
  assert.deepEqual(none.value(['a', 0]), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});

test('a path through a scalar stops at the scalar\'s key', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.key(['metadata', 'id', 'deeper'])), 'id');
  assert.equal(slice(locate.value(['parties', 'not-an-index'])), 'parties');
});

test('head of a long block points at its first line only', () => {
  const long = `metadata:\n  scope: >\n${'    word word word word word word word word word\n'.repeat(8)}`;
  const { locate, slice } = setup(long);
  const { document } = parse(long, new LineIndex(long));
  const steps = walk(document, ['metadata', 'scope']);
  const head = locate.head(steps[1].value);
  assert.ok(head);
  assert.equal(head.start.line, head.end.line);
  assert.equal(slice(head), '>');
});

test('extent covers key and value; a missing path has none', () => {
  const { locate, slice } = setup();
  assert.equal(slice(locate.extent(['metadata', 'id'])!), 'id: REL-1');
  assert.equal(slice(locate.extent(['parties', 0])!), '{id: hw, name: Harbourside Water Ltd, role: customer}');
  assert.equal(locate.extent(['metadata', 'status']), undefined);
});

test('walk goes as far as the document does', () => {
  const text = TEXT;
  const { document } = parse(text, new LineIndex(text));
  assert.equal(walk(document, ['parties', 1, 'name']).length, 3);
  assert.equal(walk(document, ['parties', 2, 'name']).length, 1);
  assert.equal(walk(document, []).length, 0);
  assert.equal(walk(undefined, ['metadata']).length, 0);
});
