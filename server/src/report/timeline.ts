// PURE. The dates that matter: each check kind of the catalog's rules says which days it cares about
// (checks/<kind>.ts `dates`), so the timeline and the rules never disagree; plus waiver expiries and the
// planned end. Each item is due on a day; it is overdue when that day is before the as-of date.
import { checkDates, fromDay, toDay, type Catalog, type Locator, type WaiverInfo } from '../core/index';
import { SOON_DAYS, type TimelineItem, type TimelineKind, type TimelineStatus } from './model';

export function timelineStatus(day: number, asOf: number): TimelineStatus {
  if (day < asOf) return 'overdue';
  return day - asOf <= SOON_DAYS ? 'soon' : 'ok';
}

export function buildTimeline(data: unknown, asOf: number, catalog: Catalog, waivers: WaiverInfo[], locate: Locator): TimelineItem[] {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  const add = (kind: TimelineKind, day: number, label: string, range: TimelineItem['range'], extra: Partial<TimelineItem> = {}): void => {
    const key = `${kind}|${day}|${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ kind, date: fromDay(day), status: timelineStatus(day, asOf), label, range, ...extra });
  };

  for (const principle of catalog.principles) {
    for (const rule of principle.evidence) {
      for (const entry of checkDates(rule, data)) {
        add(entry.kind, entry.day, entry.label, locate.value(entry.path), { detail: entry.detail, principle: principle.id, rule: rule.id });
      }
    }
  }

  for (const w of waivers) {
    const day = toDay(w.expires);
    if (day === undefined) continue;
    add('waiver', day, `waiver for ${w.rule} expires`, w.range, { detail: w.approvedBy ? `approved by ${w.approvedBy}` : undefined, rule: w.rule });
  }

  const end = toDay(field(field(data, 'metadata'), 'planned_end_date'));
  if (end !== undefined) add('end', end, 'planned end of the relationship', locate.value(['metadata', 'planned_end_date']));

  return items.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

function field(item: unknown, name: string): unknown {
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[name] : undefined;
}
