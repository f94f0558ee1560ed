// A range never starts or ends inside a line break (between CR and LF) or inside a surrogate pair: it ends at a
// line's last character or at the start of the next line, whatever the line breaks of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, LineIndex, type Range } from '../../server/src/core/index';

const pos = (line: number, character: number): { line: number; character: number } => ({ line, character });

test('an offset between CR and LF: a start moves back to the line end, an end on to the next line', () => {
  const text = 'a:\r\n  b:\r\n c\r\n';
  const lines = new LineIndex(text);
  // 8 is the CR after "  b:", 9 its LF.
  assert.deepEqual(lines.range(8, 9), { start: pos(1, 4), end: pos(2, 0) });
  assert.deepEqual(lines.range(9, 9), { start: pos(1, 4), end: pos(2, 0) });
  assert.deepEqual(lines.range(9, 11), { start: pos(1, 4), end: pos(2, 1) });
  assert.deepEqual(lines.range(5, 8), { start: pos(1, 1), end: pos(1, 4) });
});

test('LF and lone CR files need no moving: the same ranges as CRLF', () => {
  for (const eol of ['\n', '\r']) {
    const lines = new LineIndex(`a:${eol}  b:${eol} c${eol}`);
    assert.deepEqual(lines.range(7, 8), { start: pos(1, 4), end: pos(2, 0) }, JSON.stringify(eol));
  }
});

test('an offset inside an emoji: a start moves to its first half, an end past its second', () => {
  const text = 'x: 🚰 y\n';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.range(4, 4), { start: pos(0, 3), end: pos(0, 5) });
  assert.deepEqual(lines.range(3, 4), { start: pos(0, 3), end: pos(0, 5) });
  assert.deepEqual(lines.range(3, 5), { start: pos(0, 3), end: pos(0, 5) });
});

test('offsets beyond the text are clamped to it', () => {
  const lines = new LineIndex('ab\r\n');
  assert.deepEqual(lines.range(-3, 99), { start: pos(0, 0), end: pos(1, 0) });
});

/** Whether every finding's range starts and ends within a line's content or at the start of a line. */
function insideLines(text: string, ranges: Range[]): string[] {
  const lines = new LineIndex(text);
  const bad: string[] = [];
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      if (p.line >= lines.lineCount || p.character > lines.lineText(p.line).length) bad.push(JSON.stringify(r));
    }
  }
  return bad;
}

test('findings on CRLF, lone CR, LF and emoji files: no range ends inside a line break; CRLF agrees with LF', () => {
  const cases = [
    'a:\n  b:\n c\n',
    'metadata:\n  title: 🚰 "x\n  status: 🚰\n',
    'x-a:\n  - 1\n  2\n',
    'x-a: {b: 1\nx-c: 2\n',
    'x-🚰: 1\nx-🚰: 2\n',
    'title: St Marys: cleaning partnership\n',
  ];
  for (const lf of cases) {
    const byEol = ['\n', '\r\n', '\r'].map((eol) => {
      const text = lf.replace(/\n/g, eol);
      const ranges = analyze(text, { asOf: '2026-06-01' }).findings.map((f) => f.range);
      assert.deepEqual(insideLines(text, ranges), [], `${JSON.stringify(text)}: ranges inside a line break`);
      return ranges;
    });
    // Lone CR files are only checked for the property: the yaml library does not end a line at a lone CR.
    assert.deepEqual(byEol[1], byEol[0], `${JSON.stringify(lf)}: CRLF ranges differ from LF`);
  }
});
