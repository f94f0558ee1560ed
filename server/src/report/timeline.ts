// PURE. The dates that matter, derived from the catalog's date-bearing checks (not_past, within_days,
// cadence_met, none_overdue) so the timeline and the rules never disagree, plus waiver expiries and the
// planned end. Each item is due on a day; it is overdue when that day is before the as-of date.
import { cadenceDays, fromDay, toDay } from '../core/dates';
import { select, type Target } from '../core/checks/context';
import type { Catalog, CheckSpec, RuleSpec } from '../core/catalog';
import type { Locator } from '../core/locate';
import type { Path, WaiverInfo } from '../core/index';
import { SOON_DAYS, type TimelineItem, type TimelineKind, type TimelineStatus } from './model';

const DONE = ['done', 'closed', 'completed', 'cancelled'];

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
      const specs: CheckSpec[] = [{ path: rule.path ?? '', check: rule.check ?? 'present', args: rule.args }, ...(rule.also ?? [])];
      for (const spec of specs) {
        for (const entry of datesOf(spec, rule, data)) {
          add(entry.kind, entry.day, entry.label, locate.value(entry.path), { detail: entry.detail, principle: principle.id, rule: rule.id });
        }
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

interface DateEntry { kind: TimelineKind; day: number; label: string; detail?: string; path: Path }

function datesOf(spec: CheckSpec, rule: RuleSpec, data: unknown): DateEntry[] {
  const args = spec.args ?? {};
  const targets = (): Target[] => (spec.path ? select(data, spec.path) : []);
  const out: DateEntry[] = [];
  switch (spec.check) {
    case 'not_past':
      for (const t of targets()) {
        const day = toDay(t.value);
        if (day !== undefined) out.push({ kind: 'due', day, label: lastKey(t.path).replace(/_/g, ' '), detail: rule.title, path: t.path });
      }
      break;
    case 'within_days': {
      const days = Number(args.days);
      if (!Number.isFinite(days)) break;
      for (const t of targets()) {
        const day = toDay(t.value);
        if (day !== undefined) out.push({ kind: 'recency', day: day + days, label: rule.title, detail: `${lastKey(t.path)} ${String(t.value)}, good for ${days} days`, path: t.path });
      }
      break;
    }
    case 'cadence_met': {
      const cadenceField = String(args.cadence ?? 'cadence');
      const dateField = String(args.date ?? 'last_held');
      const factor = Number(args.factor ?? 1) || 1;
      for (const t of targets()) {
        const cadence = field(t.value, cadenceField);
        const last = field(t.value, dateField);
        const day = toDay(last);
        const allowed = typeof cadence === 'string' ? cadenceDays[cadence] : undefined;
        if (day === undefined || allowed === undefined) continue;
        const item = itemLabel(t);
        out.push({
          kind: 'cadence',
          day: day + allowed * factor,
          label: item ?? rule.title,
          detail: `${item ? `${rule.title}: ` : ''}${dateField} ${String(last)}, ${String(cadence)}${factor > 1 ? ` (stale after ${factor}×)` : ''}`,
          path: [...t.path, dateField],
        });
      }
      break;
    }
    case 'none_overdue': {
      const dateField = String(args.date ?? 'due');
      const done = new Set(Array.isArray(args.done) ? args.done.map(String) : DONE);
      for (const t of targets()) {
        const day = toDay(field(t.value, dateField));
        const status = field(t.value, 'status');
        if (day === undefined || done.has(String(status))) continue;
        out.push({ kind: 'item', day, label: itemLabel(t) ?? rule.title, detail: `${rule.title}${typeof status === 'string' ? `, ${status}` : ''}`, path: [...t.path, dateField] });
      }
      break;
    }
  }
  return out;
}

function field(item: unknown, name: string): unknown {
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[name] : undefined;
}

function lastKey(path: Path): string {
  return String([...path].reverse().find((s) => typeof s === 'string') ?? 'date');
}

/** "KPI-01 Critical system availability" for a list item; undefined for a single section. */
function itemLabel(t: Target): string | undefined {
  const last = t.path[t.path.length - 1];
  if (typeof last !== 'number') return undefined;
  const text = (k: string): string | undefined => {
    const v = field(t.value, k);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const name = text('name') ?? text('title') ?? text('text');
  const id = text('id');
  if (id !== undefined && name !== undefined) return `${id} ${name}`;
  return id ?? name ?? `item ${last + 1}`;
}
