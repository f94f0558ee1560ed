// When a rule counts: from its from_stage through its until_stage (inclusive), and only while metadata.status
// is one of its when_status. Outside that window it is shown, not counted: before it "not yet required", after
// it "no longer required". The words for both live beside the states' glyphs in types.ts, for every face.
import { STAGES, type RuleState, type RuleWindow, type Stage } from './types';

/** The statuses in the order a relationship usually passes through them. */
export const STATUSES = ['draft', 'active', 'under_review', 'exiting', 'closed'] as const;

export type Placement = 'before' | 'within' | 'after';

/**
 * Where the file stands against the rule's window. A status outside when_status is "before" when it comes
 * earlier than every status the rule counts in (a closing evaluation is not yet due while the parties are still
 * exiting), else "after". A file without a status stands before a rule that asks for one.
 */
export function placement(rule: RuleWindow, stage: Stage, status: unknown): Placement {
  const at = STAGES.indexOf(stage);
  if (at < STAGES.indexOf(rule.from_stage)) return 'before';
  if (rule.until_stage && at > STAGES.indexOf(rule.until_stage)) return 'after';
  if (!rule.when_status?.length || statusFits(rule, status)) return 'within';
  const rank = STATUSES.indexOf(status as (typeof STATUSES)[number]);
  const first = Math.min(...rule.when_status.map((s) => STATUSES.indexOf(s as (typeof STATUSES)[number])).filter((i) => i >= 0));
  return rank < 0 || rank < first ? 'before' : 'after';
}

/** Whether the file's status is one the rule counts in (any status, for a rule without when_status). */
export function statusFits(rule: RuleWindow, status: unknown): boolean {
  return !rule.when_status?.length || (typeof status === 'string' && rule.when_status.includes(status));
}

/** The state a rule outside its window has. */
export function outsideState(p: Exclude<Placement, 'within'>): RuleState {
  return p === 'before' ? 'not_yet_required' : 'no_longer_required';
}
