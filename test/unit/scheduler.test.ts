// The analysis scheduler: a version superseded while it waited is never analysed, analyses run one at a time,
// `settled` resolves once nothing is pending, and a closed document's pending analysis is dropped. Asserted on
// what ran and in which order, never on time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler } from '../../server/src/scheduler';

function recorder() {
  const ran: string[] = [];
  let active = 0;
  let overlapped = false;
  const scheduler = new Scheduler(async (uri, version) => {
    active++;
    overlapped ||= active > 1;
    ran.push(`${uri}@${version}`);
    await new Promise((r) => setTimeout(r, 5));
    active--;
  });
  return { scheduler, ran, overlapped: () => overlapped };
}

test('only the newest version of a document is analysed; documents take turns', async () => {
  const { scheduler, ran, overlapped } = recorder();
  scheduler.changed('a', 1, false);
  scheduler.changed('b', 1, false);
  scheduler.changed('a', 2, false);
  scheduler.changed('a', 3, false);
  await scheduler.settled('a');
  await scheduler.settled('b');
  assert.deepEqual(ran.sort(), ['a@3', 'b@1']);
  assert.equal(overlapped(), false);
});

test('settled waits for the pending analysis; a closed document runs nothing and releases its waiters', async () => {
  const { scheduler, ran } = recorder();
  scheduler.changed('a', 1, true);
  assert.equal(scheduler.pending('a'), true);
  await scheduler.settled('a');
  assert.deepEqual(ran, ['a@1']);
  assert.equal(scheduler.pending('a'), false);
  scheduler.changed('b', 1, true);
  const waiting = scheduler.settled('b');
  scheduler.cancel('b');
  await waiting;
  await new Promise((r) => setTimeout(r, 250));
  assert.deepEqual(ran, ['a@1']);
});
