// Runs the catalog's evidence rules with stage gating and waivers. Rules report data paths; the Locator
// turns them into ranges.
import { checks } from './checks/index';
import { select, selectPath, type CheckContext, type CheckDate, type Outcome } from './checks/context';
import { stageIndex, staticSegments, type Catalog, type CheckSpec, type RuleSpec } from './catalog';
import type { Finding, Path, Range, RuleResult, Severity, Stage, WaiverInfo } from './types';
import type { Locator } from './locate';
import { readsBroken } from './rule-reads';
import { outsideState, placement, statusFits } from './rule-window';
import { RuleMemo, type RuleOutcomes } from './rule-memo';
import { runSteps } from './steps';
import { windowPhrase } from './types';

export interface EvidenceResult { results: RuleResult[]; findings: Finding[]; outcomes: RuleOutcomes }

function run(spec: CheckSpec, ctx: CheckContext): Outcome {
  const kind = checks.get(spec.check);
  if (!kind) return { met: false, detail: `the catalog names an unknown check "${spec.check}"` };
  return kind.evaluate(select(ctx.data, spec.segments), spec.args, ctx);
}

/** The first of the rule's checks that fails (or the rule's own, when all pass). */
export function evaluate(rule: RuleSpec, ctx: CheckContext): Outcome & { spec: CheckSpec } {
  for (const spec of rule.checks) {
    const outcome = run(spec, ctx);
    if (!outcome.met) return { ...outcome, spec };
  }
  return { met: true, spec: rule.checks[0] };
}

function sectionAbsent(data: Record<string, unknown>, spec: CheckSpec): string | undefined {
  const [root, section] = staticSegments(spec);
  if (root !== 'principles' || !section) return undefined;
  const principles = data.principles as Record<string, unknown> | undefined;
  const value = principles && typeof principles === 'object' ? principles[section] : undefined;
  return value === undefined || value === null ? section : undefined;
}

/**
 * What cannot be judged: `stageKnown` false when lifecycle_stage is not a stage (then only the rules that count
 * from the first stage are judged); `broken` the data paths whose values are broken (a schema error, a section
 * that does not parse), whose readers are unknown.
 */
export interface Unjudged { stageKnown: boolean; broken: readonly Path[] }

export function runEvidence(catalog: Catalog, ctx: CheckContext, stage: Stage, waivers: WaiverInfo[], locate: Locator, unjudged: Unjudged = { stageKnown: true, broken: [] }): EvidenceResult {
  return runSteps(evidenceSteps(catalog, ctx, stage, waivers, locate, unjudged));
}

/**
 * runEvidence() a principle at a time, for analysisSteps: the rules of a big file take milliseconds together.
 * `kept` is the previous analysis's outcomes: a rule none of whose data changed since is not evaluated again.
 */
export function* evidenceSteps(catalog: Catalog, ctx: CheckContext, stage: Stage, waivers: WaiverInfo[], locate: Locator, unjudged: Unjudged = { stageKnown: true, broken: [] }, kept?: RuleOutcomes): Generator<undefined, EvidenceResult, void> {
  const memo = new RuleMemo(ctx.data, ctx.asOf, kept);
  const results: RuleResult[] = [];
  const findings: Finding[] = [];
  const current = stageIndex(stage);
  const active = new Map(waivers.filter((w) => !w.expired).map((w) => [w.rule, w]));
  const metadata = ctx.data.metadata;
  const status = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).status : undefined;

  for (const principle of catalog.principles) {
    const absentRules: RuleResult[] = [];
    for (const rule of principle.evidence) {
      const outcome = memo.outcome(rule, () => evaluate(rule, ctx));
      // With the stage unknown, only a rule that counts at every stage is known to count.
      const stageOpen = !unjudged.stageKnown && (stageIndex(rule.from_stage) > 0 || rule.until_stage !== undefined);
      const place = stageOpen ? 'within' : placement(rule, stage, status);
      const counts = place === 'within';
      const unknown = stageOpen || outcome.unknown === true || readsBroken(rule, unjudged.broken);
      const waiver = active.get(rule.id);
      const state: RuleResult['state'] = place !== 'within' ? outsideState(place) : unknown ? 'unknown' : outcome.met ? 'met' : waiver ? 'waived' : 'unmet';
      const at: Path = outcome.at ?? staticSegments(outcome.spec);
      const range: Range = locate.key(at);
      const result: RuleResult = {
        id: rule.id, title: rule.title, principle: principle.id, state, satisfied: outcome.met, fromStage: rule.from_stage,
        why: rule.why, detail: outcome.met ? undefined : outcome.detail, range, waiver,
      };
      if (rule.until_stage) result.untilStage = rule.until_stage;
      if (rule.when_status?.length) result.whenStatus = [...rule.when_status];
      if (rule.iso44001) result.iso44001 = rule.iso44001;
      if (rule.source) result.source = rule.source;
      results.push(result);
      // An unknown rule says nothing: the finding that explains it (the syntax or schema error) is the one to fix.
      if (outcome.met || state === 'waived' || unknown) continue;
      // A rule past its window says nothing: the evidence it asked for is no longer expected. One tied to a status
      // (the exit records) is not announced before that status either: until then nobody could have its evidence.
      const announce = counts || (place === 'before' && statusFits(rule, status) && (current + 1 === stageIndex(rule.from_stage) || (rule.inform_from !== undefined && current >= stageIndex(rule.inform_from))));
      if (!announce) continue;
      // Grouped only when the principle's own section is absent; a rule reading another principle's section
      // (CB2 reads the governance bodies) is reported on its own, or the message would blame the wrong key.
      if (sectionAbsent(ctx.data, rule.checks[0]) === principle.id) {
        absentRules.push(result);
        continue;
      }
      const severity: Severity = counts ? (rule.severity ?? 'warning') : 'information';
      // The clause is what an assessor looks the finding up by; an organisation's own rule has none.
      const notes = [rule.iso44001 ? `ISO 44001 ${rule.iso44001}` : '', counts ? '' : `required ${windowPhrase(rule).replace(/^(from|at) /, '$1 stage ')}`].filter(Boolean);
      findings.push({
        code: `evidence.${rule.id}`,
        severity,
        message: `${rule.id} ${rule.title}${notes.length ? ` (${notes.join('; ')})` : ''}: ${outcome.detail ?? 'not met'}; ${rule.hint}`,
        range,
        principle: principle.id,
        rule: rule.id,
      });
    }
    if (absentRules.length > 0) {
      const counted = absentRules.filter((r) => r.state === 'unmet');
      const range = locate.key(['principles', principle.id]);
      const ids = withClauses(absentRules);
      const countedIds = withClauses(counted);
      findings.push({
        code: 'evidence.missing-principle',
        severity: counted.length ? 'warning' : 'information',
        message: counted.length
          ? `principle ${principle.clause} ${principle.title} has no evidence: ${countedIds} ${counted.length === 1 ? 'counts' : 'count'} at stage ${stage}; add "${principle.id}:" under principles`
          : `principle ${principle.clause} ${principle.title} has no evidence yet: ${ids} ${absentRules.length === 1 ? 'becomes' : 'become'} required at a later stage; add "${principle.id}:" under principles when ready`,
        range,
        principle: principle.id,
      });
    }
    yield;
  }
  return { results, findings, outcomes: memo.outcomes() };
}

/**
 * Rule ids with the ISO 44001 clauses they evidence: "VC1, VC2 (ISO 44001 8.7)" when they share one, else each
 * with its own ("RM1 (ISO 44001 8.2), RM3 (ISO 44001 9.1)"); an organisation's own rule has none.
 */
function withClauses(results: readonly RuleResult[]): string {
  const clauses = new Set(results.map((r) => r.iso44001));
  const [only] = clauses;
  if (clauses.size === 1 && only) return `${results.map((r) => r.id).join(', ')} (ISO 44001 ${only})`;
  return results.map((r) => (r.iso44001 ? `${r.id} (ISO 44001 ${r.iso44001})` : r.id)).join(', ');
}

/** Who belongs to which party: each person's party, each party's people in document order, everyone. */
export function partyPeople(data: Record<string, unknown>): { personParty: Map<string, string>; people: Map<string, string[]>; allPeople: string[] } {
  const personParty = new Map<string, string>();
  const people = new Map<string, string[]>();
  const allPeople: string[] = [];
  for (const p of Array.isArray(data.people) ? data.people : []) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string') continue;
    allPeople.push(p.id);
    if (typeof p.party !== 'string') continue;
    personParty.set(p.id, p.party);
    // Pushed in place: copying the party's list for every person made a large party quadratic.
    const members = people.get(p.party);
    if (members) members.push(p.id);
    else people.set(p.party, [p.id]);
  }
  return { personParty, people, allPeople };
}

export function checkContext(data: Record<string, unknown>, asOf: number): CheckContext {
  const parties = (Array.isArray(data.parties) ? data.parties : [])
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && typeof (p as Record<string, unknown>).id === 'string')
    .map((p) => ({ id: String(p.id), name: String(p.name ?? p.id) }));
  return { data, asOf, parties, personParty: partyPeople(data).personParty, own: ownParty(data, parties), select: (path) => selectPath(data, path) };
}

/** The party metadata.maintained_by names, when it is one of the file's parties; "own" means nothing otherwise. */
export function ownParty(data: Record<string, unknown>, parties: { id: string }[]): string | undefined {
  const metadata = data.metadata;
  const id = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).maintained_by : undefined;
  return typeof id === 'string' && parties.some((p) => p.id === id) ? id : undefined;
}

/** The days a rule's checks care about in the data, for the timeline (each kind says which). */
export function checkDates(rule: RuleSpec, data: unknown): CheckDate[] {
  return rule.checks.flatMap((spec) => checks.get(spec.check)?.dates?.(select(data, spec.segments), spec.args, rule.title) ?? []);
}
