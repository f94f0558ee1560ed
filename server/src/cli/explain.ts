// `rac explain <RULE>`: one rule in full, for the author who has just met it in a finding: what it checks, why
// it matters, how to meet it and an example that meets it. Takes a catalog id (RM3), the code findings print
// (evidence.RM3), an organisation's rule (X-GP1, added by a profile that applies to the current folder, found
// as rac check finds it for a file there) or any other finding code (ref.unresolved); an unknown one gets the
// nearest known id.
import { join } from 'node:path';
import { analyze, effectivePolicy, loadCatalog, nearest, scaffold, STAGES, windowPhrase, type EffectivePolicy, type Policy, type RuleSpec } from '../core/index';
import { cliProfileLoader, formatProblems } from '../node/profiles';
import { isError, rootFolder, startCommand } from './args';
import type { CliIo } from './io';
import { policyOf } from './load-files';
import { profileOptions } from './print-config';
import { catalogRuleId, exampleFor, helpUri, otherCodes, ruleHelp } from './rule-help';

export const EXPLAIN_USAGE = `usage: rac explain [options] <RULE>

Describes one rule: what it checks, the principle and the stage from which it counts, why it matters, how
to meet it, and an example that meets it. RULE is a rule id (RM3), the code a finding prints
(evidence.RM3) or another finding code (ref.unresolved, schema.enum…). An organisation's rule (added by a
profile, .rac.yaml) is found as rac check finds the profiles of a file in the current folder: the nearest
.rac.yaml walking up to the workspace root. rac rules lists every rule.

  --config <file>        read the organisation's rules from this profile instead of the nearest one
  --no-config            ignore profiles: the built-in catalog alone
  --root <dir>           workspace root: where the search for profiles stops (default: the git work tree)
  -h, --help             show this help
`;

const OPTIONS = {
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  const started = startCommand('explain', argv, OPTIONS, EXPLAIN_USAGE, io);
  if (typeof started === 'number') return started;
  const { parsed, fail } = started;
  if (parsed.positionals.length !== 1) return fail(parsed.positionals.length ? 'one rule at a time, e.g. rac explain RM3' : 'name a rule, e.g. rac explain RM3 (rac rules lists them all)');
  const profiles = profileOptions(parsed.values, io);
  if (isError(profiles)) return fail(profiles.error);
  const root = rootFolder(parsed.values.root, io.cwd, (path) => io.stat(path).kind === 'directory');
  if (isError(root)) return fail(root.error);
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
  // Not the catalog's: perhaps the organisation's. A folder stands for a file directly in it, as in rac rules.
  const file = join(io.cwd, '*.relationship.yaml');
  const { policy, problems } = await policyOf(file, io, { asOf: io.today(), root, profiles: { loader: cliProfileLoader(io), options: profiles } });
  if (problems.length) {
    io.stderr(formatProblems(problems, io.cwd));
    return fail('the profile has errors (above): fix them, or run with --no-config');
  }
  // Overrides chosen by metadata (when) need a file to decide; the rule as the folder's profiles add it is meant.
  const applied = { layers: (policy?.layers ?? []).filter((l) => !l.when) };
  const effective = effectivePolicy(applied);
  const bare = asked.replace(/^evidence\./i, '');
  const added = [...effective.known].find((k) => !loadCatalog().rules.has(k) && k.toLowerCase() === bare.toLowerCase());
  if (added) {
    io.stdout(explainAdded(added, applied, effective, io.today()));
    return 0;
  }
  const ruleIds = [...effective.known];
  const suggestion = nearest(bare, ruleIds) ?? nearest(asked, [...ruleIds, ...otherCodes()]);
  return fail(`no rule "${asked}"${suggestion ? `; did you mean ${suggestion}?` : ''} (rac rules lists every rule)`);
}

/** The full description of a catalog rule, as printed. */
export function explainRule(id: string, today: string): string {
  const entry = loadCatalog().rules.get(id);
  if (!entry) throw new RangeError(`no rule ${id}`);
  return describe(entry.rule, entry.principle, [], exampleFor(entry.rule, today), `More: ${helpUri(id)}`);
}

/**
 * The full description of an organisation's rule, as the folder's profiles add and set it, with where: the
 * profile that adds it and every later setting. Its example is cut from rac init's file only when that file
 * meets the rule (a rule naming the organisation's own ids or documents has none to show).
 */
export function explainAdded(id: string, applied: Policy, effective: EffectivePolicy, today: string): string {
  const off = effective.off.find((o) => o.id === id);
  // A rule turned off here is left out of the effective catalog: describe it as its profile adds it.
  const policy = off ? { layers: applied.layers.map((l) => ({ ...l, rules: {} })) } : applied;
  const entry = (off ? effectivePolicy(policy) : effective).catalog.rules.get(id);
  if (!entry) throw new RangeError(`no rule ${id}`);
  const { rule, principle } = entry;
  const origins = effective.origins.get(id) ?? [];
  const notes = [`An organisation's rule, ${origins[0] ?? `added by ${rule.source ?? 'a profile'}`}${origins.length > 1 ? `; then set by ${origins.slice(1).join(' < ')}` : ''}.`];
  if (off) notes.push(`Turned off here by ${off.source}: not counted, and no finding is reported.`);
  const example = meetsRule(id, policy, today) ? exampleFor(rule, today) : undefined;
  return describe(rule, principle, notes, example, 'More: rac rules . lists the rules that apply here, with where each setting came from.');
}

function describe(rule: RuleSpec, principle: { id: string; clause: number; title: string }, notes: string[], example: string | undefined, closing: string): string {
  const stage = `counts ${windowPhrase(rule).replace(/^(from|at) /, '$1 stage ')}${rule.inform_from ? ` (shown as information from ${rule.inform_from})` : ''}`;
  const iso = rule.iso44001 ? ` · ISO 44001 clause ${rule.iso44001}` : '';
  const out = [
    `${rule.id}: ${rule.title}`,
    `Principle ${principle.clause} ${principle.title} (${principle.id})${iso} · ${stage} · ${rule.severity ?? 'warning'}`,
    ...notes,
    '',
    'What it checks',
    ...rule.checks.map((c) => `  ${c.path} (${String(c.check).replace(/_/g, ' ')}${describeArgs(c.args)})`),
    `  ${notCounting(rule)}; a waiver (rule: ${rule.id}) sets it aside until it expires, and its principle then reads waived, not covered.`,
    '',
    'Why it matters',
    `  ${rule.why}`,
    '',
    'How to meet it',
    `  ${rule.hint.charAt(0).toUpperCase()}${rule.hint.slice(1)}.`,
  ];
  if (example) out.push('', 'Example (from the file rac init writes)', ...example.trimEnd().split('\n').map((line) => `  ${line}`));
  out.push('', closing);
  return out.join('\n') + '\n';
}

/** "Before stage X it is shown but not counted", with the end of its window and the statuses it counts in. */
function notCounting(rule: RuleSpec): string {
  const after = rule.until_stage ? `, and after stage ${rule.until_stage} it is shown as no longer required` : '';
  const status = rule.when_status?.length ? `; it counts only while metadata.status is ${rule.when_status.join(' or ')}` : '';
  return `Before stage ${rule.from_stage} it is shown but not counted${after}${status}`;
}

/** Whether the file rac init writes for the last stage meets the rule under this policy (every evidence file present). */
function meetsRule(id: string, policy: Policy, today: string): boolean {
  const analysis = analyze(scaffold(STAGES[STAGES.length - 1], { asOf: today }), { asOf: today, fileExists: () => 'exists', policy });
  return analysis.coverage.principles.some((p) => p.rules.some((r) => r.id === id && r.satisfied));
}

function describeArgs(args: Record<string, unknown> | undefined): string {
  if (!args) return '';
  const parts = Object.entries(args).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return parts.length ? `: ${parts.join('; ')}` : '';
}
