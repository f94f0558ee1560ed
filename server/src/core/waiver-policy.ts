// The waiver policy against the rules waived: a waiver must set aside something that counts and is not met,
// and someone other than the owner of that evidence must approve it. Dates are judged in waivers.ts.
import type { Catalog } from './catalog';
import type { Locator } from './locate';
import { ownersRead } from './rule-reads';
import type { LineIndex } from './text';
import { field, valueAt } from './checks/context';
import type { Finding, Fix, Path, Range, RuleResult, WaiverInfo } from './types';

/** The states of a rule that counts at the current stage; any other (not yet required, …) does not. */
const COUNTING: ReadonlySet<RuleResult['state']> = new Set(['met', 'unmet', 'waived', 'unknown']);

export function waiverPolicy(waivers: WaiverInfo[], results: RuleResult[], catalog: Catalog, data: unknown, locate: Locator, lines: LineIndex): Finding[] {
  const findings: Finding[] = [...duplicates(waivers, locate, lines)];
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const w of waivers) {
    const result = byId.get(w.rule);
    if (w.expired || !result) continue; // waiver.expired says all there is to say; an unknown rule has its own error
    const remove = removal(w, waivers.length, locate, lines);
    const base = { range: w.range, principle: result.principle, rule: w.rule, ...(remove ? { fixes: [remove] } : {}) };
    if (!COUNTING.has(result.state)) {
      findings.push({
        ...base,
        code: 'waiver.not-counting',
        // A warning: the waiver sets nothing aside today, yet it would silently hide the rule the day the stage
        // makes it count, without anyone judging the gap then.
        severity: 'warning',
        message: `the waiver for ${w.rule} sets aside a rule that does not count at this stage (${result.state.replace(/_/g, ' ')}${result.state === 'not_yet_required' ? `, counts from ${result.fromStage}` : ''}): remove the waiver, and ask for one when the rule counts and cannot be met`,
      });
    } else if (result.state === 'met') {
      findings.push({
        ...base,
        code: 'waiver.unneeded',
        // A warning: every report lists the waiver as an exception in force, which tells a reviewer something
        // that is not so; removing it is one quick fix.
        severity: 'warning',
        message: `the waiver for ${w.rule} is not needed: the rule is met, so remove the waiver (every report lists it as an exception in force)`,
      });
    }
    if (result.state === 'waived') {
      const rule = catalog.rules.get(w.rule)?.rule;
      const owned = rule && ownersRead(rule, data).get(w.approvedBy);
      if (owned) {
        findings.push({
          code: 'waiver.approver-owns',
          // A warning: the waiver applies, but it is not an independent decision; the record is valid, its
          // governance is not.
          severity: 'warning',
          message: `the waiver for ${w.rule} is approved by ${w.approvedBy}, the owner of ${ownedName(data, owned.slice(0, -1))}, which the rule reads: an exception needs an approver who does not own what it sets aside; name another person in approved_by`,
          range: locate.value(['waivers', w.index, 'approved_by']),
          principle: result.principle,
          rule: w.rule,
          related: [{ range: locate.value(owned), message: `${w.approvedBy} owns this` }],
        });
      }
    }
  }
  return findings;
}

/**
 * `waiver.duplicate`: a second waiver of a rule already waived. Only one can be the exception in force, and which
 * one would be an accident of order; an expired one beside its renewal is history, not a duplicate.
 */
function duplicates(waivers: WaiverInfo[], locate: Locator, lines: LineIndex): Finding[] {
  const first = new Map<string, WaiverInfo>();
  const findings: Finding[] = [];
  for (const w of waivers) {
    if (w.expired) continue;
    const earlier = first.get(w.rule);
    if (!earlier) {
      first.set(w.rule, w);
      continue;
    }
    const remove = removal(w, waivers.length, locate, lines);
    findings.push({
      code: 'waiver.duplicate',
      severity: 'warning',
      message: `${w.rule} is waived twice: this waiver repeats the one on line ${earlier.range.start.line + 1}; keep one, with the reason and expiry that hold`,
      range: w.range,
      rule: w.rule,
      related: [{ range: earlier.range, message: `the first waiver for ${w.rule}` }],
      ...(remove ? { fixes: [remove] } : {}),
    });
  }
  return findings;
}

/** "KPI-2 (measurement_and_optimization.kpis)", "programme (value_creation)": the item that has the owner. */
function ownedName(data: unknown, holder: Path): string {
  const last = holder[holder.length - 1];
  const where = holder.slice(holder[0] === 'principles' ? 1 : 0, -1).join('.');
  if (typeof last !== 'number') return where ? `${String(last)} (${where})` : String(last);
  const id = field(valueAt(data, holder), 'id');
  return `${typeof id === 'string' || typeof id === 'number' ? String(id) : `item ${last + 1}`} (${where})`;
}

/**
 * A fix that deletes the waiver: up to the next item (the line break and dash before a block item, or ", " in
 * a flow list), or from the end of the previous one when it is the last; the sole waiver takes its "waivers:"
 * key with it, so no empty list is left behind.
 */
function removal(w: WaiverInfo, count: number, locate: Locator, lines: LineIndex): Fix | undefined {
  const item = locate.extent(['waivers', w.index]);
  if (!item) return undefined;
  let range: Range | undefined;
  if (count === 1) range = wholeLines(locate.extent(['waivers']), lines);
  else if (w.index + 1 < count) {
    const next = locate.extent(['waivers', w.index + 1]);
    range = next && { start: item.start, end: next.start };
  } else {
    const prev = locate.extent(['waivers', w.index - 1]);
    range = prev && { start: prev.end, end: item.end };
  }
  return range ? { title: `Remove the waiver for ${w.rule}`, edits: [{ range, newText: '' }] } : undefined;
}

/** A range that starts a line and ends one, widened to take the line break too; any other range as it is. */
function wholeLines(range: Range | undefined, lines: LineIndex): Range | undefined {
  if (!range || range.start.character !== 0) return range;
  const endLine = range.end.line;
  const atLineEnd = lines.offsetAt(range.end) >= lines.lineEnd(endLine) || lines.lineText(endLine).slice(range.end.character).trim() === '';
  if (!atLineEnd) return range;
  if (endLine + 1 >= lines.lineCount) return range;
  return { start: range.start, end: lines.positionAt(lines.lineStart(endLine + 1)) };
}
