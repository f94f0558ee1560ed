// The principle catalog (schemas/principles.yaml) is the single source of coverage: data, parsed once.
import { parse } from 'yaml';
import catalogText from '../../../schemas/principles.yaml';
import { STAGES, type Severity, type Stage } from './types';

export interface CheckSpec {
  /** Dotted data path; "[*]" stands for every item of a list. */
  path: string;
  check: string;
  args?: Record<string, unknown>;
}

export interface RuleSpec extends Partial<CheckSpec> {
  id: string;
  title: string;
  from_stage: Stage;
  severity?: Severity;
  why: string;
  /** How to fix it, ending the finding's message. */
  hint: string;
  /** Further checks that must all pass too. */
  also?: CheckSpec[];
  /** Information only, before from_stage (EX1 is information from an earlier stage). */
  inform_from?: Stage;
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

let catalog: Catalog | undefined;

export function loadCatalog(): Catalog {
  if (catalog) return catalog;
  const doc = parse(catalogText) as { principles: PrincipleSpec[] };
  const rules = new Map<string, { rule: RuleSpec; principle: PrincipleSpec }>();
  for (const principle of doc.principles) for (const rule of principle.evidence) rules.set(rule.id, { rule, principle });
  catalog = { principles: doc.principles, rules };
  return catalog;
}

export function catalogSource(): string {
  return catalogText;
}

export function stageIndex(stage: string | undefined): number {
  return STAGES.indexOf(stage as Stage);
}
