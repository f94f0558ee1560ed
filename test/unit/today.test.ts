// "Today" is the local calendar date for the CLI and the language server alike (server/src/node/today.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToday } from '../../server/src/node/today';

test('the local calendar date, zero-padded, whatever the UTC date is at that moment', () => {
  // Built from local fields: the same wall-clock moment in any time zone the tests run in.
  assert.equal(localToday(new Date(2026, 0, 31, 23, 59, 59)), '2026-01-31');
  assert.equal(localToday(new Date(2026, 11, 1, 0, 0, 0)), '2026-12-01');
});
