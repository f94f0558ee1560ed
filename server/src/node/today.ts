// "Today" for every face that reads the clock (the CLI and the language server): the calendar date on the user's
// own clock, in the process's local time zone. A UTC date would be tomorrow or yesterday for part of the day in
// most places, and the CLI and the editor would then judge cadences and due dates on different days.

/** The local calendar date as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
