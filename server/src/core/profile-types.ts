// The vocabulary of organisation profiles (`.rac.yaml`): what a profile says once read and checked, and what
// the policy folded from a chain of them holds. Plain data, shared by the parser, the policy and every face.
import type { Range, Severity, Stage } from './types';

/** What a profile may set a rule or a finding code to. */
export type Level = Severity | 'off';
export const LEVELS: readonly Level[] = ['off', 'error', 'warning', 'information', 'hint'];

/** One setting of `rules:`: a level alone, or a map changing the rule's level, arguments or starting stage. */
export interface RuleSetting {
  level?: Level;
  /** Merged over the arguments of the rule's own (first) check. */
  args?: Record<string, unknown>;
  from_stage?: Stage;
  /** The last stage at which the rule counts. */
  until_stage?: Stage;
}

/** A rule of the organisation, in the catalog's own shape (principles.yaml), with the principle it counts for. */
export interface AddedRule {
  id: string;
  principle: string;
  title: string;
  path: string;
  check: string;
  args?: Record<string, unknown>;
  from_stage: Stage;
  until_stage?: Stage;
  when_status?: string[];
  iso44001?: string;
  why: string;
  hint: string;
  severity?: Severity;
  inform_from?: Stage;
  also?: { path: string; check: string; args?: Record<string, unknown> }[];
}

export interface ProfileOverride {
  /** Globs relative to the profile's folder; absent: every file. */
  files?: string[];
  /** Metadata values the file must have (a list: any of them); absent: every file. */
  when?: Record<string, string[]>;
  rules: Record<string, RuleSetting>;
}

export interface Profile {
  /** Local paths, relative to the profile's folder, each with the range of its value. */
  extends: { path: string; range: Range }[];
  rules: Record<string, RuleSetting>;
  add: AddedRule[];
  overrides: ProfileOverride[];
  /** waivers.max_days. */
  maxWaiverDays?: number;
}

/**
 * One step of a file's policy, in the order it applies: each profile of the extends chain (the base first),
 * then the overrides of those profiles whose `files` match the file. `when` is decided by the core, which
 * knows the file's metadata; `files` by the face that knows where the file is.
 */
export interface PolicyLayer {
  /** Where the setting comes from, as shown by rac rules: "policies/base.rac.yaml", ".rac.yaml overrides[1]". */
  source: string;
  rules: Record<string, RuleSetting>;
  add: AddedRule[];
  maxWaiverDays?: number;
  when?: Record<string, string[]>;
}

/** The profiles that apply to a file, folded into the catalog by analyze(). Absent or empty: the catalog alone. */
export interface Policy {
  layers: PolicyLayer[];
}

/** A rule a profile turned off: not counted, and listed so a reader sees the policy. */
export interface OffRule { id: string; title: string; principle: string; source: string }
