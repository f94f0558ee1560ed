// The characters YAML forbids outright (outside its printable set): the C0 controls but tab, line feed and carriage
// return, DEL, and the C1 controls but next line (U+0085). Every UTF-16 code unit is tried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlCharacter } from '../../server/src/core/parse';

const forbidden = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f && c !== 0x85);

test('a code unit is reported exactly when YAML forbids it', () => {
  const wrong: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const found = controlCharacter(`ab${String.fromCharCode(c)}c`);
    const expected = forbidden(c) ? { at: 2, count: 1 } : undefined;
    if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  assert.deepEqual(wrong, []);
});

test('the first forbidden character and how many there are', () => {
  assert.equal(controlCharacter('ok\ttab\r\nlf\rcr\u0085nel 😀'), undefined);
  assert.deepEqual(controlCharacter('a\u0000b\u001bc\u007fd\u009f'), { at: 1, count: 4 });
  assert.deepEqual(controlCharacter('\u0007'), { at: 0, count: 1 });
  assert.deepEqual(controlCharacter('x\u0001'), { at: 1, count: 1 }, 'a second call starts again from the start');
});
