// What a finding code means, for reports that describe their rules (SARIF, rac explain, rac rules). Evidence
// rules are described by the principle catalog (title, why, hint); the engine's other codes by the short fixed
// texts below. Examples are cut from the file rac init writes, which meets every rule.
import { stringify } from 'yaml';
import { loadCatalog, parsePath, scaffoldData, STAGES, type Finding, type RuleSpec } from '../core/index';
import { HOMEPAGE } from './version';

export interface RuleHelp {
  /** One line. */
  short: string;
  /** What the rule checks and why it matters. */
  full: string;
  /** How to fix a finding of it. */
  help: string;
}

const fixed: Record<string, RuleHelp> = {
  syntax: { short: 'YAML syntax error', full: 'The file is not valid YAML at this place, so it cannot be read as a relationship.', help: 'Fix the YAML at the marked place; the message says what the parser expected.' },
  'syntax.duplicate-key': { short: 'Duplicate key', full: 'A key appears twice in the same map; YAML allows each key once.', help: 'Remove or rename one of the two keys.' },
  'syntax.multiple-documents': { short: 'Several documents in one file', full: 'A relationship file holds exactly one YAML document.', help: 'Move the extra document to a file of its own, or remove the "---" separator.' },
  'syntax.alias-limit': { short: 'Aliases expand too far', full: 'YAML aliases in this file would expand into a very large document (an alias bomb).', help: 'Write the values out or use fewer aliases.' },
  'syntax.too-deep': { short: 'Nesting too deep', full: 'The document nests lists or maps too deeply to be read.', help: 'Flatten the structure.' },
  'ref.unresolved': { short: 'Unknown id', full: 'A field refers to an id (a person, a party, a KPI…) that the file does not define.', help: 'Correct the id or add the item it names.' },
  'ref.duplicate-id': { short: 'Duplicate id', full: 'Two items of the same collection have the same id, so references to it are ambiguous.', help: 'Give every item of a collection its own id.' },
  'date.future': { short: 'Date in the future', full: 'A date that records something that has happened lies after the as-of date.', help: 'Correct the date, or check the --as-of date of the run.' },
  'date.invalid': { short: 'Not a calendar date', full: 'The date has the YYYY-MM-DD form but names no real day.', help: 'Check the month and the day.' },
  'link.missing-file': { short: 'Evidence file missing', full: 'An evidence link names a file, relative to the relationship file, that does not exist. Coverage is unchanged.', help: 'Add the file or correct the path.' },
  'link.outside-workspace': { short: 'Evidence outside the workspace', full: 'An evidence link points outside the workspace; such files are never read.', help: 'Keep evidence inside the repository, or link it with an https: URL.' },
  'link.credentials': { short: 'Evidence link with credentials', full: 'An https: evidence link carries a user name or password, which anyone who can read the file can use. It is not offered as a link.', help: 'Remove the credentials from the link and change the password; share the document another way.' },
  'link.private-host': { short: 'Evidence link to a private address', full: 'An https: evidence link points at a loopback, private-network or link-local host (such as a cloud metadata address), which is not a document others can open. It is not offered as a link.', help: 'Link the evidence by a public https: address or a path in the workspace.' },
  'file.too-large': { short: 'File too large', full: 'The file is larger than the 5 MiB limit of every face (CLI and editor alike), so it is not analysed.', help: 'Split the file, or remove what does not belong in a relationship file.' },
  'waiver.expired': { short: 'Waiver expired', full: 'A waiver of an evidence rule has passed its expiry date and no longer applies.', help: 'Meet the rule, or renew the waiver with a new approval and expiry date.' },
  'waiver.unknown-rule': { short: 'Waiver names an unknown rule', full: 'A waiver names a rule id that is not in the principle catalog.', help: 'Use a rule id of the catalog, such as EX8.' },
  'stage.status-mismatch': { short: 'Status and stage disagree', full: 'metadata.status contradicts metadata.lifecycle_stage: a relationship at the exit stage is not active, and one that is not at exit yet is not closed.', help: 'At exit set status: exiting (closed once the exit is complete); a closed relationship moves to lifecycle_stage: exit.' },
  'stage.history-order': { short: 'Stage history out of order', full: 'stage_history records the life cycle oldest first, one stage after the other; this entry skips a stage or goes back to an earlier one.', help: 'Add the entry for the stage the message names, or reorder the entries.' },
  'stage.history-dates': { short: 'Stage history dates out of order', full: 'The dates of stage_history (each entry\'s entered_on, then completed_on) go back in time.', help: 'Correct the date, or the order of the entries.' },
  'kpi.breached-trigger': { short: 'Exit trigger on a breached KPI', full: 'An exit trigger watches a KPI (kpi:) whose latest value is on the wrong side of its threshold, and the exit activation record does not name that trigger yet.', help: 'Take the trigger to the governance body that holds exit_activation and record its decision (exit_strategy.activation), or bring the KPI back within its threshold.' },
  'trust.gap': { short: 'Trust gap between parties', full: 'The parties\' trust scores lie further apart than trust_measurement.gap_threshold: one side trusts the relationship markedly less than the other.', help: 'Talk through what each side sees at the next relationship review, and record the next measurement.' },
  'format.v1': { short: 'Previous format version', full: 'The file is at schema_version "1", the previous format. It still loads and is checked with the current rules.', help: 'Run rac migrate FILE, or apply the quick fix in the editor: both move the file to schema_version "2" and keep its comments and layout.' },
  'format.rmp-joint': { short: 'Joint plan written the version 1 way', full: 'In a schema_version "2" file rmp is the own organisation\'s relationship management plan; an rmp with type: joint is the plan every party approved, which version 2 keeps under joint_rmp, where the joint plan\'s rules look for it.', help: 'Rename rmp to joint_rmp and remove the type line (the quick fix does both, as rac migrate does for a version 1 file).' },
  'format.rmp-single': { short: 'Plan type no longer needed', full: 'In a schema_version "2" file rmp is always the own organisation\'s plan, so type: single says nothing more.', help: 'Remove the type line (the quick fix does).' },
  'waiver.too-long': { short: 'Waiver runs too long', full: 'A waiver runs more than 365 days from its approval (or more than the profile\'s waivers.max_days); without approved_on it is counted from the day of the check.', help: 'Set an earlier expiry and approve a new waiver then if it is still needed.' },
  'waiver.no-approval-date': { short: 'Waiver without approval date', full: 'A waiver in a version 2 file does not record approved_on, so its length cannot be checked.', help: 'Add approved_on, the day the waiver was approved.' },
  'waiver.approver-owns': { short: 'Waiver approved by its owner', full: 'The person who approved a waiver owns the evidence the waived rule reads (a KPI, the value programme, a risk…), so the exception was not decided independently.', help: 'Have someone who does not own that evidence approve the waiver.' },
  'waiver.duplicate': { short: 'Rule waived twice', full: 'Two waivers in force set aside the same rule; only one can be the exception that applies, and which one would depend on their order.', help: 'Keep one waiver for the rule, with the reason and expiry that hold, and remove the other.' },
  'waiver.expires-before-approval': { short: 'Waiver ends before it was approved', full: 'A waiver\'s expires date is earlier than its approved_on date, so it never ran.', help: 'Correct whichever date is wrong: a waiver runs from approved_on to expires.' },
  'waiver.unneeded': { short: 'Waiver not needed', full: 'A waiver sets aside a rule that is met, yet every report lists it as an exception in force.', help: 'Remove the waiver.' },
  'waiver.not-counting': { short: 'Waiver of a rule that does not count', full: 'A waiver sets aside a rule that does not count at the relationship\'s current stage; it would silently hide the rule once it counts.', help: 'Remove the waiver; ask for one when the rule counts and cannot be met.' },
  'evidence.missing-principle': { short: 'Principle without evidence', full: 'A principle has no section under principles, so none of its evidence rules can be met.', help: 'Add the principle\'s section under principles.' },
};

const schemaKeywords: Record<string, string> = {
  additionalProperties: 'Unknown key',
  required: 'Missing required key',
  type: 'Wrong type of value',
  enum: 'Value not allowed',
  const: 'Wrong fixed value',
  pattern: 'Value in the wrong form',
  date: 'Not a YYYY-MM-DD date',
  minimum: 'Number too small',
  maximum: 'Number too large',
  exclusiveMinimum: 'Number too small',
  exclusiveMaximum: 'Number too large',
  minLength: 'Empty text',
  minItems: 'Too few items',
  uniqueItems: 'Repeated list item',
};

export function ruleHelp(code: string): RuleHelp {
  const known = fixed[code];
  if (known) return known;
  if (code.startsWith('evidence.')) {
    const entry = loadCatalog().rules.get(code.slice('evidence.'.length));
    if (entry) {
      const { rule, principle } = entry;
      return {
        short: `${rule.id} ${rule.title}`,
        full: `Principle ${principle.clause} ${principle.title}${rule.iso44001 ? `, evidence for ISO 44001 clause ${rule.iso44001}` : ''}: ${rule.why}`,
        help: `${rule.hint.charAt(0).toUpperCase()}${rule.hint.slice(1)}.`,
      };
    }
  }
  if (code.startsWith('schema.')) {
    const short = schemaKeywords[code.slice('schema.'.length)] ?? 'Does not match the file format';
    return { short, full: `${short}: the value does not match the relationship file format (schemas/relationship.schema.json).`, help: 'Change the value or key as the message says; the field reference (docs/reference.md) says what each field expects.' };
  }
  if (code.startsWith('syntax.')) return fixed.syntax;
  return { short: code, full: `Finding ${code} of the relationship checker.`, help: 'Follow the message of the finding.' };
}

/** What SARIF readers filter and group by: the rule's principle, its ISO 44001 clause and when it counts. */
export function ruleProperties(rule: Pick<RuleSpec, 'principle' | 'iso44001' | 'from_stage' | 'until_stage' | 'when_status'>): Record<string, string | string[]> {
  return {
    principle: rule.principle,
    ...(rule.iso44001 ? { iso44001: rule.iso44001 } : {}),
    fromStage: rule.from_stage,
    ...(rule.until_stage ? { untilStage: rule.until_stage } : {}),
    ...(rule.when_status?.length ? { whenStatus: [...rule.when_status] } : {}),
  };
}

/** Every code rac explain knows besides the catalog's rules: the engine's fixed codes and the schema's keywords. */
export function otherCodes(): string[] {
  return [...Object.keys(fixed), ...Object.keys(schemaKeywords).map((k) => `schema.${k}`)];
}

/** The catalog rule a code or id names (RM3, evidence.RM3), upper-cased; undefined when it names none. */
export function catalogRuleId(code: string): string | undefined {
  const id = code.replace(/^evidence\./i, '').toUpperCase();
  return loadCatalog().rules.has(id) ? id : undefined;
}

/** Where a rule is described on the web: the README's rule table has an anchor for each. */
export function helpUri(code: string): string | undefined {
  const id = catalogRuleId(code);
  return id ? `${HOMEPAGE.replace(/#.*$/, '')}#rule-${id.toLowerCase()}` : undefined;
}

/** The command that explains a finding's rule in the terminal: the rule's id for evidence rules, the organisation's too. */
export function explainCommand(code: string): string {
  const rule = code.startsWith('evidence.') && code !== 'evidence.missing-principle' ? code.slice('evidence.'.length) : undefined;
  return `rac explain ${catalogRuleId(code) ?? rule ?? code}`;
}

/**
 * The closing line of a text report with findings: how to read more about them, naming the first rule shown.
 * A report without findings ends as it was.
 */
export function explainTrailer(findings: readonly Finding[]): string {
  const first = findings.find((f) => f.severity === 'error' || f.severity === 'warning');
  if (!first) return '';
  return `\n${explainCommand(first.code)} says what a rule checks, why it matters and how to meet it; rac rules lists them all.\n`;
}

/**
 * A YAML example that meets a catalog rule: the parts of rac init's file for the last stage (which meets every
 * rule, and is dated from asOf) that the rule reads (its paths and the data paths among its arguments), nested
 * under the keys that lead to them. Undefined when that file holds none of them.
 */
export function exampleFor(rule: RuleSpec, asOf: string): string | undefined {
  const data = scaffoldData(STAGES[STAGES.length - 1], { asOf });
  const paths = rule.checks.flatMap((c) => [c.path, ...Object.values(c.args)])
    .filter((p): p is string => typeof p === 'string' && /^(metadata|principles)\.[\w.[\]*]*$/.test(p));
  let example: unknown;
  for (const path of paths) {
    const segments = parsePath(path).map((s) => (s === '*' ? 0 : s));
    const part = pick(data, segments);
    if (part !== undefined) example = merge(example, part);
  }
  return example === undefined ? undefined : stringify(example, { lineWidth: 0 });
}

/** The value at a path, wrapped in the keys (and list items) that lead to it. */
function pick(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    if (!Array.isArray(value)) return undefined;
    const items = value.map((item) => pick(item, rest)).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (!value || typeof value !== 'object' || !(head in value)) return undefined;
  const inner = pick((value as Record<string, unknown>)[head], rest);
  return inner === undefined ? undefined : { [head]: inner };
}

function merge(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => merge(a[i], b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return b ?? a;
}
