// The analysis scheduler: a version superseded while it waited is never analysed, analyses run one at a time,
// `settled` resolves once nothing is pending, and a closed document's pending analysis is dropped. Asserted on
// what ran and in which order, never on time; the typing pause on a mocked clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeEdited } from '../../server/src/core/index';
import { DEBOUNCE_MAX_MS, DEBOUNCE_MIN_MS, Scheduler, timesNextAnalysis } from '../../server/src/scheduler';

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

/** Enough turns of the event loop for a queued analysis to run (the queue yields twice before and after each). */
async function turns(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((r) => setImmediate(r));
}

test('the typing pause is the shortest until an edit has been analysed, then as long as that took, within bounds', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const ran: number[] = [];
  const scheduler = new Scheduler(async (_uri, version) => void ran.push(version));
  const after = async (ms: number): Promise<number[]> => {
    t.mock.timers.tick(ms);
    await turns();
    return [...ran];
  };
  scheduler.changed('a', 2, true);
  assert.deepEqual(await after(DEBOUNCE_MIN_MS - 1), []);
  assert.deepEqual(await after(1), [2]);
  scheduler.analysed('a', 120);
  scheduler.changed('a', 3, true);
  assert.deepEqual(await after(119), [2]);
  assert.deepEqual(await after(1), [2, 3]);
  scheduler.analysed('a', 5_000);
  scheduler.changed('a', 4, true);
  assert.deepEqual(await after(DEBOUNCE_MAX_MS - 1), [2, 3]);
  assert.deepEqual(await after(1), [2, 3, 4]);
});

test("an analysis times the next edit's when that edit will cost the same: a splice, or a text that cannot be spliced", () => {
  const options = { asOf: '2026-06-01' };
  const text = 'schema_version: "2"\nmetadata:\n  id: X\n  title: T\nparties:\n  - {id: a, name: A, role: customer}\n  - {id: b, name: B, role: supplier}\n';
  const opened = analyze(text, options);
  assert.equal(timesNextAnalysis(opened.source?.parsed), false, 'the whole text parsed, but the next edit will be spliced');
  const edited = analyzeEdited(opened, text.replace('title: T', 'title: Tx'), options);
  assert.ok(edited.source?.parsed.spliced, 'the edit was spliced');
  assert.equal(timesNextAnalysis(edited.source?.parsed), true);
  const broken = analyze(text.replace('title: T', 'title: "T'), options);
  assert.equal(timesNextAnalysis(broken.source?.parsed), true, 'a text that cannot be spliced is parsed whole at every edit');
  assert.equal(timesNextAnalysis(undefined), true, 'nothing parsed (a file over the size limit)');
});
