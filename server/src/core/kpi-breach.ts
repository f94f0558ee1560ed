// Whether a KPI's latest value lies on the wrong side of its threshold, and the words that say so. The MO5 check
// and the exit triggers that watch a KPI read it from here, so both name the same numbers the same way.

export type Direction = 'higher_is_better' | 'lower_is_better';

export interface Breach {
  latest: number;
  threshold: number;
  direction: Direction;
  /** "latest 71 is below its threshold 80 (higher is better)". */
  words: string;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The KPI's direction when it states a valid one. */
export function directionOf(kpi: unknown): Direction | undefined {
  const d = kpi && typeof kpi === 'object' ? (kpi as Record<string, unknown>).direction : undefined;
  return d === 'higher_is_better' || d === 'lower_is_better' ? d : undefined;
}

/** The KPI's threshold when it is a number. */
export function thresholdOf(kpi: unknown): number | undefined {
  return kpi && typeof kpi === 'object' ? num((kpi as Record<string, unknown>).threshold) : undefined;
}

/**
 * The breach, when the KPI has a numeric latest value, a numeric threshold and a direction, and the latest value
 * is past the threshold the wrong way. A value equal to its threshold is not a breach: the threshold is the last
 * acceptable value.
 */
export function breachOf(kpi: unknown): Breach | undefined {
  if (!kpi || typeof kpi !== 'object') return undefined;
  const latest = num((kpi as Record<string, unknown>).latest);
  const threshold = thresholdOf(kpi);
  const direction = directionOf(kpi);
  if (latest === undefined || threshold === undefined || direction === undefined) return undefined;
  const higher = direction === 'higher_is_better';
  if (higher ? latest >= threshold : latest <= threshold) return undefined;
  return { latest, threshold, direction, words: `latest ${latest} is ${higher ? 'below' : 'above'} its threshold ${threshold} (${higher ? 'higher' : 'lower'} is better)` };
}
