// Waivers: documented exceptions that turn a rule's state to waived until they expire.
import { toDay } from './dates';
import { nearest } from './suggest';
import type { Finding, WaiverInfo } from './types';
import type { Locator } from './locate';

/** `known`: every rule id a waiver may name; `maxDays`: the profile's waiver limit (waivers.max_days), if any. */
export function readWaivers(data: Record<string, unknown>, asOf: number, known: ReadonlySet<string>, locate: Locator, maxDays?: number): { waivers: WaiverInfo[]; findings: Finding[] } {
  const waivers: WaiverInfo[] = [];
  const findings: Finding[] = [];
  const list = Array.isArray(data.waivers) ? data.waivers : [];
  list.forEach((w: unknown, i) => {
    if (!w || typeof w !== 'object') return;
    const { rule, reason, approved_by: approvedBy, expires } = w as Record<string, unknown>;
    if (typeof rule !== 'string') return; // the schema reports it
    const range = locate.value(['waivers', i, 'rule']);
    if (!known.has(rule)) {
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
      findings.push(f);
      return;
    }
    const end = toDay(expires);
    const expired = end !== undefined && end < asOf;
    const info: WaiverInfo = { rule, reason: String(reason ?? ''), approvedBy: String(approvedBy ?? ''), expires: String(expires ?? ''), expired, range };
    waivers.push(info);
    if (expired) {
      findings.push({
        code: 'waiver.expired',
        severity: 'warning',
        message: `the waiver for ${rule} expired on ${String(expires)} and no longer applies: meet the rule, or renew the waiver with a new expiry and approver`,
        range: locate.value(['waivers', i, 'expires']),
        rule,
      });
    } else if (maxDays !== undefined && end !== undefined && end - asOf > maxDays) {
      // The limit is counted from the day of the check: a waiver may reach at most max_days ahead of it, so a
      // long one is flagged as soon as it is written and stays valid until its expiry.
      findings.push({
        code: 'waiver.too-long',
        severity: 'warning',
        message: `the waiver for ${rule} runs until ${String(expires)}, ${end - asOf} days ahead; the organisation's profile allows at most ${maxDays} days (waivers.max_days): set an earlier expiry and review it then`,
        range: locate.value(['waivers', i, 'expires']),
        rule,
      });
    }
  });
  return { waivers, findings };
}
