// Dates as whole days from YYYY-MM-DD text only: real calendar dates, leap years, cadences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cadenceDays, fromDay, pastDateKeys, toDay } from '../../server/src/core/dates';

test('toDay counts days since 1970-01-01', () => {
  assert.equal(toDay('1970-01-01'), 0);
  assert.equal(toDay('1970-01-02'), 1);
  assert.equal(toDay('2026-06-01')! - toDay('2025-06-01')!, 365);
  assert.equal(toDay('1969-12-31'), -1);
});

test('leap years: divisible by 4, except centuries, except every 400 years', () => {
  assert.equal(toDay('2024-02-29')! - toDay('2024-02-28')!, 1);
  assert.equal(toDay('2000-02-29')! - toDay('2000-02-28')!, 1);
  assert.equal(toDay('2023-02-29'), undefined);
  assert.equal(toDay('1900-02-29'), undefined);
  assert.equal(toDay('2100-02-29'), undefined);
  assert.equal(toDay('2024-03-01')! - toDay('2024-02-28')!, 2);
});

test('impossible or malformed dates are undefined, never a guess', () => {
  for (const bad of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-6-1', ' 2026-06-01', '2026-06-01 ', '01/06/2026', '2026-06-01T00:00:00Z', '']) {
    assert.equal(toDay(bad), undefined, JSON.stringify(bad));
  }
  for (const notText of [20260601, null, undefined, new Date(0), ['2026-06-01']]) assert.equal(toDay(notText), undefined);
});

test('fromDay is the inverse of toDay', () => {
  for (const d of ['1970-01-01', '2000-02-29', '2024-12-31', '2026-06-01', '2099-01-01']) assert.equal(fromDay(toDay(d)!), d);
  assert.equal(fromDay(-1), '1969-12-31');
});

test('cadence allowances in days; ad_hoc has none', () => {
  assert.deepEqual(cadenceDays, { weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92, biannual: 183, annual: 366, ad_hoc: undefined });
});

test('past-date keys are the fields that record something done', () => {
  for (const key of ['approved_on', 'last_held', 'last_tested', 'latest_on', 'jointly_agreed_on', 'entered_on']) assert.ok(pastDateKeys.has(key), key);
  for (const key of ['due', 'expires', 'next_review_due', 'planned_end_date', 'start_date']) assert.ok(!pastDateKeys.has(key), key);
});

test('toDay agrees with the calendar of Date.UTC on every day of four centuries, and on the days that do not exist', () => {
  const start = Date.UTC(1800, 0, 1) / 86_400_000;
  for (let day = start; day < start + 146_097 * 1.1; day++) assert.equal(toDay(new Date(day * 86_400_000).toISOString().slice(0, 10)), day);
  for (const y of [1899, 1900, 1999, 2000, 2023, 2024, 2100, 9999]) {
    for (let mo = 1; mo <= 12; mo++) {
      for (let d = 28; d <= 32; d++) {
        const text = `${y}-${String(mo).padStart(2, '0')}-${d}`;
        const utc = new Date(Date.UTC(y, mo - 1, d));
        const real = utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
        assert.equal(toDay(text), real ? utc.getTime() / 86_400_000 : undefined, text);
      }
    }
  }
  assert.equal(toDay('0099-12-31'), undefined, 'Date.UTC reads years before 100 as 19xx');
});
