// The server's heap (node/heap-tuning.ts): collected once it has doubled after the first diagnostics, except while
// a document opens; untouched before that, when the code cache is still to be written under the default flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_GROWTH as GROW_FREELY, HEAP_FLAG, heapTuning } from '../../server/src/node/heap-tuning';

function recorded() {
  const flags: string[] = [];
  return { flags, heap: heapTuning((f) => flags.push(f)) };
}

test('nothing changes before it is tuned, not even while a document opens', () => {
  const { flags, heap } = recorded();
  heap.opening()();
  assert.deepEqual(flags, []);
  heap.tune();
  assert.deepEqual(flags, [HEAP_FLAG]);
});

test('tuned, the heap grows as V8 decides while documents open, and is tuned again once the last has opened', () => {
  const { flags, heap } = recorded();
  heap.tune();
  const first = heap.opening();
  const second = heap.opening();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY]);
  first();
  first();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY], 'the other is still opening (and an end counts once)');
  second();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY, HEAP_FLAG]);
  heap.opening()();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY, HEAP_FLAG, GROW_FREELY, HEAP_FLAG]);
});

test('tuned while a document opens, the flag waits for that opening to end', () => {
  const { flags, heap } = recorded();
  heap.tune();
  const end = heap.opening();
  heap.tune();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY]);
  end();
  assert.deepEqual(flags, [HEAP_FLAG, GROW_FREELY, HEAP_FLAG]);
});
