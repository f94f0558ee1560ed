// `rac explain <RULE>`: one rule in full, for the author who has just met it in a finding: what it checks, why
// it matters, how to meet it and an example that meets it. Takes a catalog id (RM3), the code findings print
// (evidence.RM3) or any other finding code (ref.unresolved); an unknown one gets the nearest known id.
import { loadCatalog, nearest } from '../core/index';
import { isError, parseCommandLine } from './args';
import type { CliIo } from './io';
import { catalogRuleId, exampleFor, helpUri, otherCodes, ruleHelp } from './rule-help';

export const EXPLAIN_USAGE = `usage: rac explain <RULE>

Describes one rule: what it checks, the principle and the stage from which it counts, why it matters, how
to meet it, and an example that meets it. RULE is a rule id (RM3), the code a finding prints
(evidence.RM3) or another finding code (ref.unresolved, schema.enum…). rac rules lists every rule.

  -h, --help             show this help
`;

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`rac explain: ${message}\n`);
    return 2;
  };
  const parsed = parseCommandLine(argv, OPTIONS);
  if (isError(parsed)) return fail(`${parsed.error}\nRun "rac explain --help" for the options.`);
  if (parsed.values.help) {
    io.stdout(EXPLAIN_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) return fail(parsed.positionals.length ? 'one rule at a time, e.g. rac explain RM3' : 'name a rule, e.g. rac explain RM3 (rac rules lists them all)');
  const asked = parsed.positionals[0];
  const id = catalogRuleId(asked);
  if (id) {
    io.stdout(explainRule(id, io.today()));
    return 0;
  }
  const code = otherCodes().find((c) => c.toLowerCase() === asked.toLowerCase());
  if (code) {
    const h = ruleHelp(code);
    io.stdout(`${code}: ${h.short}\n\n${h.full}\n\nHow to fix it\n  ${h.help}\n`);
    return 0;
  }
  const known = [...loadCatalog().rules.keys(), ...otherCodes()];
  const suggestion = nearest(asked.replace(/^evidence\./i, '').toUpperCase(), [...loadCatalog().rules.keys()]) ?? nearest(asked, known);
  return fail(`no rule "${asked}"${suggestion ? `; did you mean ${suggestion}?` : ''} (rac rules lists every rule)`);
}

/** The full description of a catalog rule, as printed. */
export function explainRule(id: string, today: string): string {
  const entry = loadCatalog().rules.get(id);
  if (!entry) throw new RangeError(`no rule ${id}`);
  const { rule, principle } = entry;
  const checks = rule.checks;
  const stage = `counts from stage ${rule.from_stage}${rule.inform_from ? ` (shown as information from ${rule.inform_from})` : ''}`;
  const out = [
    `${rule.id}: ${rule.title}`,
    `Principle ${principle.clause} ${principle.title} (${principle.id}) · ${stage} · ${rule.severity ?? 'warning'}`,
    '',
    'What it checks',
    ...checks.map((c) => `  ${c.path} (${String(c.check).replace(/_/g, ' ')}${describeArgs(c.args)})`),
    `  Before stage ${rule.from_stage} it is shown but not counted; a waiver (rule: ${rule.id}) sets it aside until it expires.`,
    '',
    'Why it matters',
    `  ${rule.why}`,
    '',
    'How to meet it',
    `  ${rule.hint.charAt(0).toUpperCase()}${rule.hint.slice(1)}.`,
  ];
  const example = exampleFor(rule, today);
  if (example) out.push('', 'Example (from the file rac init writes)', ...example.trimEnd().split('\n').map((line) => `  ${line}`));
  out.push('', `More: ${helpUri(rule.id)}`);
  return out.join('\n') + '\n';
}

function describeArgs(args: Record<string, unknown> | undefined): string {
  if (!args) return '';
  const parts = Object.entries(args).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return parts.length ? `: ${parts.join('; ')}` : '';
}
