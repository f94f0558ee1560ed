// The principle catalog (schemas/principles.yaml) is the single source of coverage: data, parsed when the
// project is built (the bundles embed it as JSON, so no start-up runs the YAML parser over it) and normalised
// once. Every rule comes out with its checks as one list (its own first, then its `also` ones), each with its
// path already split into segments, so no reader splits a path again.
import catalogData from '../../../schemas/principles.yaml';
import { STAGES, type Severity, type Stage } from './types';

export interface CheckSpec {
  /** The dotted data path as written; "[*]" stands for every item of a list. */
  path: string;
  /** The path as segments: keys, and "*" for every item of a list ("a.b[*].c" → a, b, *, c). */
  segments: string[];
  /** A kind registered in checks/index.ts. */
  check: string;
  args: Record<string, unknown>;
}

export interface RuleSpec {
  id: string;
  title: string;
  /** The principle (its key under principles) whose coverage the rule counts for. */
  principle: string;
  from_stage: Stage;
  /** The last stage at which the rule counts; after it the rule is shown, not counted. */
  until_stage?: Stage;
  /** The rule counts only while metadata.status is one of these. */
  when_status?: string[];
  /** The ISO 44001 clause the rule evidences ("8.6"); every catalog rule has one, an organisation's may not. */
  iso44001?: string;
  severity?: Severity;
  why: string;
  /** How to fix it, ending the finding's message. */
  hint: string;
  /** Information only, before from_stage (EX1 is information from an earlier stage). */
  inform_from?: Stage;
  /** Every check that must pass: the rule's own first, then its `also` ones. */
  checks: CheckSpec[];
  /** The profile that added the rule (an organisation's own rule); absent for the catalog's. */
  source?: string;
}

export interface PrincipleSpec {
  id: string;
  clause: number;
  title: string;
  summary: string;
  evidence: RuleSpec[];
}

export interface Catalog {
  principles: PrincipleSpec[];
  rules: Map<string, { rule: RuleSpec; principle: PrincipleSpec }>;
}

/** "a.b[*].c" → ["a", "b", "*", "c"]. */
export function parsePath(path: string): string[] {
  return path.split('.').flatMap((s) => (s.endsWith('[*]') ? [s.slice(0, -3), '*'] : [s])).filter(Boolean);
}

/** The segments before the first "*": what exists once, whatever the list items. */
export function staticSegments(spec: Pick<CheckSpec, 'segments'>): string[] {
  const star = spec.segments.indexOf('*');
  return star < 0 ? spec.segments : spec.segments.slice(0, star);
}

interface RawCheck { path: string; check: string; args?: Record<string, unknown> }
export interface RawRule extends RawCheck { id: string; title: string; from_stage: Stage; until_stage?: Stage; when_status?: string[]; iso44001?: string; severity?: Severity; why: string; hint: string; inform_from?: Stage; also?: RawCheck[] }
interface RawPrinciple { id: string; clause: number; title: string; summary: string; evidence: RawRule[] }

function checkSpec(raw: RawCheck): CheckSpec {
  return { path: raw.path, segments: parsePath(raw.path), check: raw.check, args: raw.args ?? {} };
}

/** One rule in the catalog's shape (also an organisation's, from a profile) as a typed rule. */
export function normaliseRule(raw: RawRule & { principle?: string }, principle: string): RuleSpec {
  const { also, path, check, args, principle: _p, ...rest } = raw;
  return { ...rest, principle, checks: [checkSpec({ path, check, args }), ...(also ?? []).map(checkSpec)] };
}

/** The catalog's own JSON Schema (schemas/principles.schema.json) makes path and check required; a test holds it to that. */
export function normalise(doc: { principles: RawPrinciple[] }): Catalog {
  const rules = new Map<string, { rule: RuleSpec; principle: PrincipleSpec }>();
  const principles = doc.principles.map((p): PrincipleSpec => {
    const principle: PrincipleSpec = { id: p.id, clause: p.clause, title: p.title, summary: p.summary, evidence: [] };
    for (const raw of p.evidence) {
      const rule = normaliseRule(raw, p.id);
      principle.evidence.push(rule);
      rules.set(rule.id, { rule, principle });
    }
    return principle;
  });
  return { principles, rules };
}

let catalog: Catalog | undefined;

export function loadCatalog(): Catalog {
  catalog ??= normalise(catalogData as { principles: RawPrinciple[] });
  return catalog;
}

export function stageIndex(stage: string | undefined): number {
  return STAGES.indexOf(stage as Stage);
}
