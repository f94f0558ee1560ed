// Dates as whole days, from YYYY-MM-DD text only: the core has no clock, "today" is options.asOf.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01, or undefined for text that is not a real calendar date. */
export function toDay(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
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
