// Folds the profiles that apply to a file into the catalog: the one place a profile changes what is checked.
// Layers apply in order (the base profile first, the nearest last, then matching overrides), so the nearest
// setting wins. The result is a catalog of the same type the engine always reads; rules turned off are left
// out of it and listed, and codes that are not rules become the severity policy of the findings.
import { loadCatalog, normaliseRule, type Catalog, type PrincipleSpec, type RuleSpec } from './catalog';
import type { Level, OffRule, Policy, PolicyLayer, RuleSetting } from './profile-types';

export interface EffectivePolicy {
  /** The rules that count or show: the catalog's and the added ones, without those turned off. */
  catalog: Catalog;
  /** Every rule a waiver may name (those turned off too). */
  known: ReadonlySet<string>;
  /** Level by finding code, or by a code family ending in ".". */
  codes: Record<string, Level>;
  off: OffRule[];
  /** rule id or code → the sources that set it, in order ("catalog" first for catalog rules). */
  origins: Map<string, string[]>;
  maxWaiverDays?: number;
}

/** Whether an override's `when` holds for the file's metadata (every field names one of its values). */
export function layerApplies(layer: PolicyLayer, metadata: Record<string, unknown>): boolean {
  if (!layer.when) return true;
  return Object.entries(layer.when).every(([key, values]) => values.includes(String(metadata[key] ?? '')));
}

export function effectivePolicy(policy: Policy | undefined, metadata: Record<string, unknown> = {}): EffectivePolicy {
  const base = loadCatalog();
  const origins = new Map<string, string[]>();
  const codes: Record<string, Level> = {};
  if (!policy || policy.layers.length === 0) return { catalog: base, known: new Set(base.rules.keys()), codes, off: [], origins };
  const principles: PrincipleSpec[] = base.principles.map((p) => ({ ...p, evidence: [...p.evidence] }));
  const byId = new Map(principles.map((p) => [p.id, p]));
  const sourceOf = new Map<string, string>();
  const off = new Map<string, string>();
  let maxWaiverDays: number | undefined;
  const note = (id: string, source: string) => origins.set(id, [...(origins.get(id) ?? []), source]);

  for (const layer of policy.layers) {
    if (!layerApplies(layer, metadata)) continue;
    for (const raw of layer.add) {
      const principle = byId.get(raw.principle);
      if (!principle || principle.evidence.some((r) => r.id === raw.id)) continue;
      principle.evidence.push({ ...normaliseRule(raw, principle.id), source: layer.source });
      sourceOf.set(raw.id, layer.source);
      note(raw.id, `added by ${layer.source}`);
    }
    if (layer.maxWaiverDays !== undefined) maxWaiverDays = Math.min(maxWaiverDays ?? Infinity, layer.maxWaiverDays);
    for (const [id, setting] of Object.entries(layer.rules)) {
      note(id, layer.source);
      const principle = principles.find((p) => p.evidence.some((r) => r.id === id));
      if (!principle) {
        if (setting.level) codes[id] = setting.level;
        continue;
      }
      // The rule's own code too, so a family ("evidence.": information) never outranks a rule's own level.
      if (setting.level && setting.level !== 'off') codes[`evidence.${id}`] = setting.level;
      else if (setting.level === 'off') delete codes[`evidence.${id}`];
      if (setting.level === 'off') off.set(id, layer.source);
      else if (setting.level || setting.args || setting.from_stage || setting.until_stage) off.delete(id);
      principle.evidence = principle.evidence.map((r) => (r.id === id ? applySetting(r, setting) : r));
    }
  }
  for (const p of principles) for (const r of p.evidence) if (!origins.has(r.id) && base.rules.has(r.id)) origins.set(r.id, []);
  for (const [id, list] of origins) if (base.rules.has(id)) origins.set(id, ['catalog', ...list]);

  const known = new Set(principles.flatMap((p) => p.evidence.map((r) => r.id)));
  const offRules: OffRule[] = [];
  const kept = principles.map((p) => ({
    ...p,
    evidence: p.evidence.filter((r) => {
      const source = off.get(r.id);
      if (source !== undefined) offRules.push({ id: r.id, title: r.title, principle: p.id, source });
      return source === undefined;
    }),
  }));
  const rules = new Map<string, { rule: RuleSpec; principle: PrincipleSpec }>();
  for (const p of kept) for (const rule of p.evidence) rules.set(rule.id, { rule, principle: p });
  return { catalog: { principles: kept, rules }, known, codes, off: offRules, origins, maxWaiverDays };
}

function applySetting(rule: RuleSpec, setting: RuleSetting): RuleSpec {
  const next: RuleSpec = { ...rule };
  if (setting.level && setting.level !== 'off') next.severity = setting.level;
  if (setting.from_stage) next.from_stage = setting.from_stage;
  if (setting.until_stage) next.until_stage = setting.until_stage;
  if (setting.args) {
    const [own, ...also] = rule.checks;
    next.checks = [{ ...own, args: { ...own.args, ...setting.args } }, ...also];
  }
  return next;
}
