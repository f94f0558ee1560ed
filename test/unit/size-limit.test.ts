// One size limit for every face: the engine answers a text over 5 MiB (in UTF-8) with one finding at 0:0
// and no analysis; the message gives the real size, rounded up, and the limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, MAX_FILE_BYTES, tooLargeMessage } from '../../server/src/core/index';
import { utf8Length } from '../../server/src/core/size-limit';

const AS_OF = '2026-06-01';

test('UTF-8 length as Node encodes it: accents, emoji, CJK and lone surrogates', () => {
  for (const text of ['', 'abc', 'é', 'Zoë 🚀 – 日本', '\uD83D', 'x\uDE80y', '🚰\r\n'.repeat(10)]) {
    assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
  }
});

test('the message gives the size rounded up, so a file over the limit never reads as the limit', () => {
  assert.equal(tooLargeMessage(MAX_FILE_BYTES + 1), 'file too large (5.1 MiB; the limit is 5 MiB)');
  assert.equal(tooLargeMessage(Math.round(5.3 * 1024 * 1024)), 'file too large (5.3 MiB; the limit is 5 MiB)');
  assert.equal(tooLargeMessage(12 * 1024 * 1024), 'file too large (12 MiB; the limit is 5 MiB)');
});

test('over the limit: one error at 0:0 and nothing analysed; at the limit, a normal analysis', () => {
  // Two-byte characters: the text is under the limit in UTF-16 code units but over it in UTF-8.
  const over = `x-a: "${'é'.repeat(MAX_FILE_BYTES / 2)}"\n`;
  const a = analyze(over, { asOf: AS_OF });
  assert.deepEqual(a.findings.map((f) => [f.code, f.severity, f.range]), [['file.too-large', 'error', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]);
  assert.match(a.findings[0].message, /^file too large \(5\.1 MiB; the limit is 5 MiB\): .*not analysed/);
  assert.equal(a.document, undefined);
  assert.equal(a.lines.text, over);
  const atLimit = `# ${'x'.repeat(MAX_FILE_BYTES - 3)}\n`;
  assert.ok(!analyze(atLimit, { asOf: AS_OF }).findings.some((f) => f.code === 'file.too-large'));
});
