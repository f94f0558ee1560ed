// PURE. The 5×5 risk heat map (likelihood × impact) from principles.risk_management.register.
import { valueAt } from '../core/index';
import type { Locator } from '../core/index';
import type { HeatCell, HeatMap, HeatRisk, RiskLevel } from './model';

const REGISTER = ['principles', 'risk_management', 'register'] as const;

/** Same bands as the catalog's RK5: a score of 12 or more needs a mitigation. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 20) return 'extreme';
  if (score >= 12) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export function buildHeatMap(data: unknown, locate: Locator): HeatMap {
  const cells: HeatCell[] = [];
  for (let impact = 5; impact >= 1; impact--) {
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      cells.push({ likelihood, impact, score: likelihood * impact, level: riskLevel(likelihood * impact), risks: [] });
    }
  }
  const heat: HeatMap = { cells, placed: 0, unplaced: [], closed: 0 };
  const register = valueAt(data, REGISTER);
  if (!Array.isArray(register)) return heat;
  register.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const r = item as Record<string, unknown>;
    if (r.status === 'closed') {
      heat.closed++;
      return;
    }
    const risk: HeatRisk = {
      id: text(r.id) ?? `risk ${i + 1}`,
      title: text(r.title) ?? '',
      status: text(r.status),
      category: text(r.category),
      owner: text(r.owner),
      likelihood: rating(r.likelihood),
      impact: rating(r.impact),
      range: locate.value([...REGISTER, i, 'id']),
    };
    if (risk.likelihood === undefined || risk.impact === undefined) {
      heat.unplaced.push(risk);
      return;
    }
    cells[(5 - risk.impact) * 5 + (risk.likelihood - 1)].risks.push(risk);
    heat.placed++;
  });
  return heat;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function rating(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : undefined;
}
