// Waivers: documented exceptions that turn a rule's state to waived until they expire. This module reads them
// and judges what their own dates say (expired, too long, no approval date); waiver-policy.ts judges them
// against the rules they waive.
import { fromDay, toDay } from './dates';
import { nearest } from './suggest';
import type { Finding, WaiverInfo } from './types';
import type { Locator } from './locate';

/** The longest a waiver may run, in days from its approval: a yearly decision at least. A profile may only tighten it. */
export const MAX_WAIVER_DAYS = 365;

export interface WaiverOptions {
  /** Every rule id a waiver may name. */
  known: ReadonlySet<string>;
  /** The profile's waiver limit (waivers.max_days), if any: it only tightens MAX_WAIVER_DAYS. */
  maxDays?: number;
  /** schema_version as written: from "2" on a waiver must record approved_on. */
  schemaVersion?: unknown;
}

export function readWaivers(data: Record<string, unknown>, asOf: number, locate: Locator, options: WaiverOptions): { waivers: WaiverInfo[]; findings: Finding[] } {
  const { known } = options;
  const waivers: WaiverInfo[] = [];
  const findings: Finding[] = [];
  const list = Array.isArray(data.waivers) ? data.waivers : [];
  list.forEach((w: unknown, i) => {
    if (!w || typeof w !== 'object') return;
    const { rule, reason, approved_by: approvedBy, approved_on: approvedOn, expires } = w as Record<string, unknown>;
    if (typeof rule !== 'string') return; // the schema reports it
    const range = locate.value(['waivers', i, 'rule']);
    if (!known.has(rule)) {
      findings.push(unknownRule(rule, known, range));
      return;
    }
    const end = toDay(expires);
    const expired = end !== undefined && end < asOf;
    const approved = toDay(approvedOn);
    if (approved !== undefined && end !== undefined && end < approved) {
      findings.push({
        code: 'waiver.expires-before-approval',
        // An error: a waiver that ends before it begins is a record nobody can have meant; one of its dates is wrong,
        // and until it is corrected the waiver sets nothing aside (like one that has expired).
        severity: 'error',
        message: `the waiver for ${rule} expires on ${String(expires)}, before it was approved on ${String(approvedOn)}: correct whichever date is wrong (a waiver runs from approved_on to expires)`,
        range: locate.value(['waivers', i, 'expires']),
        rule,
      });
      return;
    }
    const info: WaiverInfo = {
      rule, reason: String(reason ?? ''), approvedBy: String(approvedBy ?? ''), approvedOn: typeof approvedOn === 'string' ? approvedOn : '',
      expires: String(expires ?? ''), expired, index: i, range,
    };
    waivers.push(info);
    if (expired) {
      findings.push({
        code: 'waiver.expired',
        severity: 'warning',
        message: `the waiver for ${rule} expired on ${String(expires)} and no longer applies: meet the rule, or renew the waiver with a new expiry and approver`,
        range: locate.value(['waivers', i, 'expires']),
        rule,
      });
      // An expired waiver no longer applies: what else could be said about it does not matter any more.
      return;
    }
    const tooLong = lengthFinding(info, end, asOf, options.maxDays, locate);
    if (tooLong) findings.push(tooLong);
    // Only a version 2 file is asked for the date: version 1 had no such field, and its files keep loading clean.
    if (approvedOn === undefined && String(options.schemaVersion) === '2') {
      findings.push({
        code: 'waiver.no-approval-date',
        // A warning, not an error: the waiver is otherwise complete and applies; without the date its length
        // cannot be checked against the limit, which is counted from the approval.
        severity: 'warning',
        message: `the waiver for ${rule} does not say when it was approved: add approved_on (YYYY-MM-DD), the day ${info.approvedBy || 'its approver'} approved it; a waiver may run at most ${MAX_WAIVER_DAYS} days from then`,
        // No quick fix: the day of an approval is a fact only the file's authors know, and a fix would invent it.
        range: locate.key(['waivers', i]),
        rule,
        path: ['waivers', i, 'approved_on'],
      });
    }
  });
  return { waivers, findings };
}

/**
 * `waiver.too-long`: the waiver runs longer than the limit, the smaller of MAX_WAIVER_DAYS and the profile's
 * waivers.max_days, counted from approved_on; a waiver without approved_on (a version 1 file) is counted from
 * the day of the check instead, so it may reach at most that far ahead. An error: a waiver beyond the limit is
 * an exception nobody may grant, and CI should stop it like any other invalid record. The waiver still applies
 * (the rule stays waived), so fixing the date changes the findings, not the coverage.
 */
function lengthFinding(w: WaiverInfo, end: number | undefined, asOf: number, profileDays: number | undefined, locate: Locator): Finding | undefined {
  if (end === undefined) return undefined; // the schema reports a missing or broken expiry
  const limit = Math.min(MAX_WAIVER_DAYS, profileDays ?? MAX_WAIVER_DAYS);
  const approved = toDay(w.approvedOn);
  const from = approved ?? asOf;
  const length = end - from;
  if (length <= limit) return undefined;
  const bound = profileDays !== undefined && profileDays < MAX_WAIVER_DAYS
    ? `the organisation's profile allows at most ${profileDays} days (waivers.max_days)`
    : `a waiver may run at most ${MAX_WAIVER_DAYS} days`;
  const latest = fromDay(from + limit);
  const range = locate.value(['waivers', w.index, 'expires']);
  const message = approved !== undefined
    ? `the waiver for ${w.rule} runs ${length} days, from its approval on ${w.approvedOn} to ${w.expires}; ${bound} from approval: set expires to ${latest} or earlier, and approve a new waiver then if it is still needed`
    : `the waiver for ${w.rule} runs until ${w.expires}, ${length} days after the as-of date ${fromDay(asOf)}; ${bound}: set expires to ${latest} or earlier, and record approved_on`;
  return {
    code: 'waiver.too-long', severity: 'error', message, range, rule: w.rule,
    fixes: [{ title: `Set expires to ${latest}`, edits: [{ range, newText: latest }], preferred: true }],
  };
}

function unknownRule(rule: string, known: ReadonlySet<string>, range: WaiverInfo['range']): Finding {
  // Findings print the code (evidence.RM1), and ids are easily typed in lower case: both name a rule plainly.
  const prefixed = /^evidence\./i.test(rule);
  const bare = rule.replace(/^evidence\./i, '');
  const meant = known.has(bare.toUpperCase()) ? bare.toUpperCase() : undefined;
  const suggestion = meant ?? nearest(bare, known);
  const message = meant && !prefixed ? `waiver names "${rule}": rule ids are upper case: ${meant}`
    : meant ? `waiver names "${rule}": a waiver names the rule id alone (findings print it as evidence.${meant}); did you mean "${meant}"?`
    : `waiver names "${rule}", which is not a rule of the catalog${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
  const f: Finding = { code: 'waiver.unknown-rule', severity: 'error', message, range };
  if (suggestion) f.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }];
  return f;
}
