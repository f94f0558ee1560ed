// Findings that read measurements rather than evidence rules: an exit trigger that watches a KPI now on the
// wrong side of its threshold (kpi.breached-trigger), and parties whose trust scores lie further apart than the
// relationship's gap threshold (trust.gap). Neither changes coverage: they tell the people what to look at.
import { field } from './checks/context';
import { breachOf } from './kpi-breach';
import type { Locator } from './locate';
import type { Finding } from './types';

type Data = Record<string, unknown>;

function section(data: Data, name: string): Data | undefined {
  const principles = data.principles;
  const value = principles && typeof principles === 'object' ? (principles as Data)[name] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An exit trigger whose `kpi` is breached: warned at the trigger's kpi value, naming both numbers. */
export function breachedTriggerFindings(data: Data, locate: Locator): Finding[] {
  const kpis = new Map<string, unknown>();
  for (const k of items(section(data, 'measurement_and_optimization')?.kpis)) {
    const id = field(k, 'id');
    if (typeof id === 'string' && !kpis.has(id)) kpis.set(id, k);
  }
  const findings: Finding[] = [];
  const exit = section(data, 'exit_strategy');
  // The trigger the activation record names has been taken to the governance body already: the breach is why the
  // exit is under way, and telling the parties to do what they did would only repeat the record.
  const activated = field(exit?.activation, 'trigger');
  items(exit?.triggers).forEach((trigger, i) => {
    const kpi = field(trigger, 'kpi');
    if (typeof kpi !== 'string') return;
    if (activated !== undefined && field(trigger, 'id') === activated) return;
    const breach = breachOf(kpis.get(kpi));
    if (!breach) return;
    const id = field(trigger, 'id');
    const name = typeof id === 'string' ? `exit trigger "${id}"` : `exit trigger ${i + 1}`;
    findings.push({
      code: 'kpi.breached-trigger',
      severity: 'warning',
      message: `${name} watches KPI "${kpi}", whose ${breach.words}: take the trigger to the governance body that holds exit activation, and record its decision`,
      range: locate.value(['principles', 'exit_strategy', 'triggers', i, 'kpi']),
      principle: 'exit_strategy',
    });
  });
  return findings;
}

/** "4", "0.5": a difference without float noise. */
function amount(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** The lowest and the highest party scores, when they differ by more than gap_threshold: information at the lowest. */
export function trustGapFindings(data: Data, locate: Locator): Finding[] {
  const measurement = section(data, 'trust_and_mutual_benefit')?.trust_measurement;
  const scores = field(measurement, 'scores');
  const gapThreshold = field(measurement, 'gap_threshold');
  if (!scores || typeof scores !== 'object' || Array.isArray(scores) || typeof gapThreshold !== 'number') return [];
  const scored = Object.entries(scores as Data).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]));
  if (scored.length < 2) return [];
  let low = scored[0];
  let high = scored[0];
  for (const e of scored) {
    if (e[1] < low[1]) low = e;
    if (e[1] > high[1]) high = e;
  }
  const gap = high[1] - low[1];
  if (!(gap > gapThreshold)) return [];
  const scaleMax = field(measurement, 'scale_max');
  const scale = typeof scaleMax === 'number' ? `/${scaleMax}` : ' points';
  return [{
    code: 'trust.gap',
    severity: 'information',
    message: `${low[0]} scores trust ${amount(gap)}${scale} lower than ${high[0]} (${low[1]} against ${high[1]}), a gap wider than the gap_threshold ${gapThreshold}: talk through what each side sees at the next relationship review`,
    range: locate.key(['principles', 'trust_and_mutual_benefit', 'trust_measurement', 'scores', low[0]]),
    principle: 'trust_and_mutual_benefit',
  }];
}
