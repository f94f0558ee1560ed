// LineIndex: offsets ↔ LSP positions (zero-based lines, UTF-16 columns) for every kind of line break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, textEdit } from '../../server/src/core/text';

test('lines end at \\n, \\r\\n and a lone \\r', () => {
  const lines = new LineIndex('a\nbb\r\nccc\rdddd');
  assert.deepEqual(lines.starts, [0, 2, 6, 10]);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['a', 'bb', 'ccc', 'dddd']);
  assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineEnd(l)), [1, 4, 9, 14]);
});

test('a trailing line break opens an empty last line', () => {
  const lines = new LineIndex('a\r\n');
  assert.equal(lines.lineCount, 2);
  assert.equal(lines.lineText(1), '');
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
});

test('the empty text has one empty line', () => {
  const lines = new LineIndex('');
  assert.equal(lines.lineCount, 1);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.equal(lines.offsetAt({ line: 0, character: 5 }), 0);
  assert.deepEqual(lines.range(0, 0), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});

test('positionAt counts UTF-16 code units: an emoji is two', () => {
  const text = 'title: "🚰💧 x"\nowner: p';
  const lines = new LineIndex(text);
  const x = text.indexOf('x');
  assert.deepEqual(lines.positionAt(x), { line: 0, character: 13 });
  assert.deepEqual(lines.positionAt(text.indexOf('owner')), { line: 1, character: 0 });
  // The middle of a surrogate pair is a valid offset too; it round-trips like any other.
  assert.equal(lines.offsetAt(lines.positionAt(9)), 9);
});

test('offsetAt and positionAt round-trip at every offset, whatever the line breaks', () => {
  const text = 'schema_version: "1"\r\nmetadata:\r  id: 🚰\n\n  title: x\r\n';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const position = lines.positionAt(offset);
    const back = lines.offsetAt(position);
    // An offset inside a \r\n pair maps to the end of its line's content; every other offset is exact.
    const insideBreak = text[offset - 1] === '\r' && text[offset] === '\n';
    assert.equal(back, insideBreak ? offset - 1 : offset, `offset ${offset}`);
  }
  for (let line = 0; line < lines.lineCount; line++) {
    for (let character = 0; character <= lines.lineText(line).length; character++) {
      assert.deepEqual(lines.positionAt(lines.offsetAt({ line, character })), { line, character });
    }
  }
});

test('out-of-range positions and offsets are clamped, never thrown', () => {
  const text = 'ab\ncd';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
  assert.equal(lines.offsetAt({ line: 7, character: 0 }), text.length);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'a column past the end stops before the line break');
  assert.equal(lines.offsetAt({ line: 1, character: -4 }), 3);
});

test('range never ends before it starts', () => {
  const lines = new LineIndex('abc\ndef');
  assert.deepEqual(lines.range(5, 2), { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } });
  assert.deepEqual(lines.range(1, 6), { start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
});

test('lineAt and lineStart: the line of an offset, and where a line starts, for every kind of line break', () => {
  const lines = new LineIndex('\na\r\nb\rc');
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((o) => lines.lineAt(o)), [0, 1, 1, 1, 2, 2, 3, 3]);
  assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineStart(l)), [0, 1, 4, 6]);
  assert.equal(lines.lineAt(-5), 0);
  assert.equal(lines.lineAt(99), 3);
});

test('line starts agree with a character-by-character reading on seeded mixes of \\n, \\r\\n and lone \\r', () => {
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 500; n++) {
    let text = '';
    for (let k = Math.floor(next() * 30); k > 0; k--) text += ['a', '\n', '\r', '\r\n', '😀'][Math.floor(next() * 5)];
    const expected = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) expected.push(i + 1);
    }
    assert.deepEqual(new LineIndex(text).starts, expected, JSON.stringify(text));
  }
});

test('an index made from the previous one (LineIndex.edited) equals one read from the text, for seeded edits that add, remove and join line breaks', () => {
  let seed = 11;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const piece = (n: number): string => {
    let s = '';
    for (let k = Math.floor(next() * n); k > 0; k--) s += ['a', '\n', '\r', '\r\n', '😀'][Math.floor(next() * 5)];
    return s;
  };
  let edited = 0;
  for (let n = 0; n < 2000; n++) {
    const before = piece(30);
    const from = Math.floor(next() * (before.length + 1));
    const to = from + Math.floor(next() * (before.length - from + 1));
    const after = before.slice(0, from) + piece(4) + before.slice(to);
    const previous = new LineIndex(before);
    const index = LineIndex.edited(previous, after);
    assert.deepEqual(index.starts, new LineIndex(after).starts, JSON.stringify([before, after]));
    assert.equal(index.text, after);
    if (index !== previous) edited++;
  }
  assert.ok(edited > 1500);
  // The edit may be given: the same result, whichever of the equal readings of where it is.
  const before = 'a\r\rb\n';
  assert.deepEqual(LineIndex.edited(new LineIndex(before), 'a\r\r\rb\n', textEdit(before, 'a\r\r\rb\n')).starts, [0, 2, 3, 4, 6]);
  assert.deepEqual(LineIndex.edited(new LineIndex(before), 'a\r\r\rb\n', { start: 1, oldEnd: 1, newEnd: 2 }).starts, [0, 2, 3, 4, 6]);
  assert.deepEqual(LineIndex.edited(new LineIndex('a\rb'), 'a\r\nb').starts, [0, 3]);
  assert.deepEqual(LineIndex.edited(new LineIndex('a\r\nb'), 'a\rb').starts, [0, 2]);
  assert.deepEqual(LineIndex.edited(new LineIndex('\n'), '').starts, [0]);
  assert.deepEqual(LineIndex.edited(new LineIndex(''), '\r').starts, [0, 1]);
});

test("the lines' margins (indentation; empty, comment or text) follow edits: equal to a fresh read after each of a chain of seeded edits", () => {
  let seed = 23;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const piece = (n: number): string => {
    let s = '';
    for (let k = Math.floor(next() * n); k > 0; k--) s += ['a', ' ', ' ', '  ', '\t', '#', '- ', '\n', '\r', '\r\n', '😀'][Math.floor(next() * 11)];
    return s;
  };
  const plain = (index: LineIndex): unknown => ({ indents: [...index.margins().indents], kinds: [...index.margins().kinds] });
  let kinds = new Set<number>();
  for (let chain = 0; chain < 100; chain++) {
    let index = new LineIndex(piece(60));
    index.margins();
    for (let n = 0; n < 20; n++) {
      const before = index.text;
      const from = Math.floor(next() * (before.length + 1));
      const to = from + Math.floor(next() * Math.min(8, before.length - from + 1));
      const after = before.slice(0, from) + piece(6) + before.slice(to);
      index = LineIndex.edited(index, after);
      assert.deepEqual(plain(index), plain(new LineIndex(after)), JSON.stringify([before, after]));
      kinds = new Set([...kinds, ...index.margins().kinds]);
    }
  }
  assert.deepEqual([...kinds].sort(), [0, 1, 2], 'text, empty and comment lines all occurred');
});

test('isLineStart: offsets where a line starts, never inside a CRLF', () => {
  const lines = new LineIndex('a\r\nb\rc\n');
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, -1].map((o) => lines.isLineStart(o)), [true, false, false, true, false, true, false, true, false, false]);
});

test('textEdit finds the longest common prefix, then the longest common suffix of the rest, across its chunks', () => {
  let seed = 5;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const naive = (old: string, text: string): { start: number; oldEnd: number; newEnd: number } => {
    let p = 0;
    while (p < Math.min(old.length, text.length) && old[p] === text[p]) p++;
    let s = 0;
    while (s < Math.min(old.length, text.length) - p && old[old.length - 1 - s] === text[text.length - 1 - s]) s++;
    return { start: p, oldEnd: old.length - s, newEnd: text.length - s };
  };
  for (let n = 0; n < 300; n++) {
    // Lengths around the chunk size, repeated content (so a suffix could overlap the prefix), emoji halves.
    let old = '';
    for (let k = Math.floor(next() * 1200); k > 0; k--) old += ['a', 'b', '\n', '😀'][Math.floor(next() * 4)];
    const from = Math.floor(next() * (old.length + 1));
    const to = from + Math.floor(next() * Math.min(600, old.length - from + 1));
    const text = old.slice(0, from) + ['', 'a', 'ab\n', '😀', 'b'.repeat(300)][Math.floor(next() * 5)] + old.slice(to);
    assert.deepEqual(textEdit(old, text), naive(old, text), JSON.stringify([from, to, old.length, text.length]));
  }
  assert.deepEqual(textEdit('a'.repeat(1000), 'a'.repeat(1001)), { start: 1000, oldEnd: 1000, newEnd: 1001 });
  assert.deepEqual(textEdit('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
});
