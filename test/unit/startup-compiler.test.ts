// The server holds V8's optimizing compiler back while it starts (node/startup-compiler.ts): off until the first
// diagnostics, enough text analysed or 10 s, then back to the default, which the code cache depends on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedDataVersionTag } from 'node:v8';
import { HOLD_AT_MOST_MS, holdOptimizer, OPTIMIZE_AFTER } from '../../server/src/node/startup-compiler';

function recorded() {
  const flags: string[] = [];
  return { flags, compiler: holdOptimizer((f) => flags.push(f)) };
}

test('off at once; back once the first diagnostics are out, and only once', () => {
  const { flags, compiler } = recorded();
  assert.deepEqual(flags, ['--no-turbofan']);
  compiler.analysing(10_000);
  assert.deepEqual(flags, ['--no-turbofan'], 'a small file is analysed without it');
  compiler.release();
  compiler.release();
  compiler.analysing(OPTIMIZE_AFTER * 2);
  assert.deepEqual(flags, ['--no-turbofan', '--turbofan']);
});

test('back before a big text is analysed, or once the texts analysed add up to more than OPTIMIZE_AFTER', () => {
  const big = recorded();
  big.compiler.analysing(OPTIMIZE_AFTER + 1);
  assert.deepEqual(big.flags, ['--no-turbofan', '--turbofan'], 'a 30,000-line first file is parsed with it');
  const many = recorded();
  for (let i = 0; i < 8; i++) many.compiler.analysing(OPTIMIZE_AFTER / 8);
  assert.deepEqual(many.flags, ['--no-turbofan'], 'exactly the limit is still held');
  many.compiler.analysing(1);
  assert.deepEqual(many.flags, ['--no-turbofan', '--turbofan'], 'a workspace of small files gets it back');
});

test('released, the flags are the defaults again: a code cache made then is one the next start accepts', () => {
  const before = cachedDataVersionTag();
  const compiler = holdOptimizer();
  try {
    assert.notEqual(cachedDataVersionTag(), before, 'the flag is in effect (it changes the tag)');
  } finally {
    compiler.release();
  }
  assert.equal(cachedDataVersionTag(), before);
});

test('back after HOLD_AT_MOST_MS whatever happened, and not again after a release', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const idle = recorded();
  t.mock.timers.tick(HOLD_AT_MOST_MS - 1);
  assert.deepEqual(idle.flags, ['--no-turbofan'], 'still held just before');
  t.mock.timers.tick(1);
  assert.deepEqual(idle.flags, ['--no-turbofan', '--turbofan'], 'a session without relationship diagnostics gets it back');
  const published = recorded();
  published.compiler.release();
  t.mock.timers.tick(HOLD_AT_MOST_MS);
  assert.deepEqual(published.flags, ['--no-turbofan', '--turbofan']);
});
