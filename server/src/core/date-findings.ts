// Date fields: real calendar dates, and records of the past that are not in the future.
import { pastDateKeys, toDay } from './dates';
import type { DateField } from './model';
import type { Finding, Path } from './types';

/** The paths of YYYY-MM-DD values that are no calendar day (2026-02-30): rules reading them cannot be judged. */
export function invalidDatePaths(dates: DateField[]): Path[] {
  return dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && toDay(d.value) === undefined).map((d) => d.path);
}

export function dateFindings(dates: DateField[], asOf: number): Finding[] {
  const findings: Finding[] = [];
  for (const d of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.value)) continue; // the schema reports the form
    const day = toDay(d.value);
    if (day === undefined) {
      findings.push({ code: 'date.invalid', severity: 'error', message: `"${d.value}" is not a calendar date: check the month and the day`, range: d.range });
    } else if (pastDateKeys.has(d.key) && day > asOf) {
      findings.push({ code: 'date.future', severity: 'warning', message: `${d.key} ${d.value} is after the as-of date: it records something that has happened, so it cannot be in the future`, range: d.range });
    }
  }
  return findings;
}
