// Dates as whole days, from YYYY-MM-DD text only: the core has no clock, "today" is options.asOf.

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01, or undefined for text that is not a real calendar date (nor one before the year 100,
 * which Date.UTC would read as 19xx). Arithmetic, not Date: a big file has thousands of dates per analysis.
 */
export function toDay(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  // Days from the civil date (H. Hinnant's days_from_civil), years counted from March.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The number written by the ASCII digits text[from, to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The longest a cadence allows between two occurrences, in days. */
export const cadenceDays: Record<string, number | undefined> = {
  weekly: 7,
  fortnightly: 14,
  monthly: 31,
  quarterly: 92,
  biannual: 183,
  annual: 366,
  ad_hoc: undefined,
};

/** Date fields that record something that has happened, so cannot lie after the as-of date. */
export const pastDateKeys = new Set([
  'approved_on', 'agreed_on', 'signed_on', 'assessed_on', 'appointed_on', 'completed_on', 'entered_on',
  'jointly_agreed_on', 'last_reviewed', 'last_held', 'last_run', 'last_measured', 'last_tested',
  'last_alignment_review', 'latest_on', 'decided_on', 'notice_given_on', 'held_on',
]);
