// PURE. Rule outcomes kept from one analysis to the next, so an edit re-runs only the rules whose data it may
// have changed. The splice copies the data along the edited path and shares everything else (incremental.ts), so
// a part of the data the edit did not touch is the same object as before: comparing by identity the parts a rule
// may read is exact, and takes a few comparisons. A full parse shares nothing, and every rule runs.
import { readPatterns } from './rule-reads';
import { sameItems } from './same-items';
import type { CheckSpec, RuleSpec } from './catalog';
import type { Outcome } from './checks/context';

export type RuleOutcome = Outcome & { spec: CheckSpec };

interface Kept { checks: readonly CheckSpec[]; sections: unknown[]; outcome: RuleOutcome }

/**
 * The outcomes of one analysis's rules, by rule id, for the as-of day and the data they were judged on: `shared`
 * is what every rule may read (sharedParts), each rule's own `sections` the principle sections it reads.
 */
export interface RuleOutcomes { asOf: number; shared: unknown[]; kept: Map<string, Kept> }

export class RuleMemo {
  private readonly kept = new Map<string, Kept>();
  private readonly shared: unknown[];
  /** The previous outcomes, when the as-of day and every shared part are the same: then a rule's sections decide. */
  private readonly previous: Map<string, Kept> | undefined;

  constructor(
    private readonly data: Record<string, unknown>,
    private readonly asOf: number,
    previous: RuleOutcomes | undefined,
  ) {
    this.shared = sharedParts(data);
    this.previous = previous?.asOf === asOf && sameItems(previous.shared, this.shared) ? previous.kept : undefined;
  }

  /** The rule's outcome: the previous analysis's when nothing it may read has changed, else `evaluate`'s. */
  outcome(rule: RuleSpec, evaluate: () => RuleOutcome): RuleOutcome {
    const sections = sectionParts(rule, this.data);
    const before = this.previous?.get(rule.id);
    const outcome = before && before.checks === rule.checks && sameItems(before.sections, sections) ? before.outcome : evaluate();
    this.kept.set(rule.id, { checks: rule.checks, sections, outcome });
    return outcome;
  }

  outcomes(): RuleOutcomes {
    return { asOf: this.asOf, shared: this.shared, kept: this.kept };
  }
}

/**
 * What every rule may read: each top-level value but `principles`, with the key it is under (a check may name any
 * path, and the parties, the people and metadata.maintained_by reach every rule through its context).
 */
function sharedParts(data: Record<string, unknown>): unknown[] {
  const parts: unknown[] = [];
  for (const key in data) {
    if (key !== 'principles') parts.push(key, data[key]);
  }
  return parts;
}

/** Of `principles`, the sections the rule's paths name: all of it when one of its paths does not name a section. */
function sectionParts(rule: RuleSpec, data: Record<string, unknown>): unknown[] {
  const principles = data.principles;
  const sections = principleSections(rule);
  if (sections === 'all' || !principles || typeof principles !== 'object') return [principles];
  return sections.map((id) => (principles as Record<string, unknown>)[id]);
}

const sectionsRead = new WeakMap<RuleSpec, string[] | 'all'>();

function principleSections(rule: RuleSpec): string[] | 'all' {
  let sections = sectionsRead.get(rule);
  if (!sections) {
    const named = new Set<string>();
    for (const { segments } of readPatterns(rule)) {
      // A word of the arguments is read under the check's path, unless it has a dot: "principles" alone may be meant from the root.
      const fromRoot = segments.lastIndexOf('principles') > 0;
      if (segments[0] !== 'principles' && !fromRoot) continue;
      const id = segments[1];
      if (fromRoot || id === undefined || !/^[a-z][a-z0-9_]*$/.test(id)) {
        sections = 'all';
        break;
      }
      named.add(id);
    }
    sections ??= [...named];
    sectionsRead.set(rule, sections);
  }
  return sections;
}
