// Reference integrity from the schema's x-ref annotations: unresolved references and duplicate ids.
import { nearest } from './suggest';
import type { Finding, Model } from './types';

const nouns: Record<string, string> = {
  parties: 'party',
  people: 'person',
  'principles.business_objectives.party_objectives': 'party objective',
  'principles.business_objectives.joint_objectives': 'joint objective',
  'principles.measurement_and_optimization.kpis': 'KPI',
  'principles.measurement_and_optimization.improvement_actions': 'improvement action',
  'principles.governance_and_processes.bodies': 'governance body',
  'principles.governance_and_processes.processes': 'process',
  'principles.exit_strategy.triggers': 'exit trigger',
  'principles.risk_management.register': 'risk',
  'principles.value_creation.register': 'value register item',
  'principles.vision_and_values.values': 'value',
  'principles.trust_and_mutual_benefit.commitments': 'commitment',
};

/** "person", "KPI": what an item of a collection is called. */
export function noun(collection: string): string {
  return nouns[collection] ?? collection.split('.').pop() ?? collection;
}

export function refFindings(model: Model): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, (typeof model.definitions)[number]>();
  for (const d of model.definitions) {
    const key = `${d.collection}\u0000${d.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    findings.push({
      code: 'ref.duplicate-id',
      severity: 'error',
      message: `the ${noun(d.collection)} id "${d.id}" is already used: ids must be unique in ${d.collection}; rename this one`,
      range: d.range,
      related: [{ range: first.range, message: `"${d.id}" is first defined here` }],
    });
  }
  for (const r of model.references) {
    const defined = model.ids.get(r.collection);
    if (defined?.has(r.id)) continue;
    const ids = [...(defined?.keys() ?? [])];
    const candidates = [...ids, ...(r.allow ?? [])];
    const suggestion = nearest(r.id, candidates);
    const known = suggestion ? `did you mean "${suggestion}"?`
      : ids.length === 0 ? `no ${noun(r.collection)} is defined yet: add one under ${r.collection}`
      : `known ids: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}`;
    const f: Finding = {
      code: 'ref.unresolved',
      severity: 'error',
      message: `"${r.id}" is not a known ${noun(r.collection)} id; ${known}`,
      range: r.range,
    };
    if (suggestion) f.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: r.range, newText: suggestion }], preferred: true }];
    findings.push(f);
  }
  return findings;
}
