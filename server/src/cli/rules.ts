// `rac rules`: every evidence rule of the catalog (id, principle, the stage from which it counts, severity,
// title) as text, JSON or Markdown. Read from the catalog the engine runs, so it cannot drift from it. Given
// a file or folder, the effective rules there: the catalog with the profiles that apply folded in (the same
// policy rac check uses), each rule with where its settings came from.
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { effectivePolicy, evidenceFields, loadCatalog, windowPhrase, type Catalog, type Level, type Stage } from '../core/index';
import { cliProfileLoader, formatProblems } from '../node/profiles';
import { isError, oneOf, parseCommandLine } from './args';
import type { CliIo } from './io';
import { displayPath, policyOf, readText } from './load-files';
import { profileOptions } from './print-config';
import { helpUri } from './rule-help';

export const RULES_USAGE = `usage: rac rules [options] [path]

Lists every evidence rule: its id (what waivers and findings name), its principle, the ISO 44001 clause it
evidences, the lifecycle stages in which it counts (before them it is shown as information only, after them
as no longer required), its severity and its title. --format markdown prints an assessor's cross-reference
table that adds the fields of the file each rule reads; json holds all of it. Given a relationship
file or a folder, lists the effective rules there: the catalog with the organisation's profiles (.rac.yaml)
folded in, the rules they add, those they turn off, and in SET BY where each setting came from (catalog, a
profile, an override). For a folder, overrides chosen by metadata (when) are listed under SET BY as
conditional and not applied.

  --format <name>        text | json | markdown (default: text)
  -o, --output <file>    write the list to a file instead of standard output
  --config <file>        use this profile instead of the nearest one
  --no-config            ignore profiles
  --root <dir>           workspace root: where the search for profiles stops (default: the git work tree)
  -h, --help             show this help

rac explain <RULE> describes one rule: what it checks, why it matters, how to meet it, with an example.
`;

const FORMATS = ['text', 'json', 'markdown'] as const;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RuleRow {
  id: string;
  principle: { id: string; clause: number; title: string };
  fromStage: string;
  /** The last stage at which it counts. */
  untilStage?: string;
  /** It counts only while metadata.status is one of these. */
  whenStatus?: string[];
  /** Shown as information from this earlier stage on (before from_stage). */
  informFrom?: string;
  /** The ISO 44001 clause the rule evidences. */
  iso44001?: string;
  /** The data paths it reads, with the fields of their items ("…kpis[*] (target, unit)"). */
  reads: string[];
  severity: string;
  title: string;
  why: string;
  hint: string;
  helpUri?: string;
  /** Effective view: where the rule's settings came from ("catalog", a profile, an override). */
  setBy?: string[];
}

export function ruleRows(catalog: Catalog = loadCatalog()): RuleRow[] {
  return catalog.principles.flatMap((p) => p.evidence.map((r) => ({
    id: r.id,
    principle: { id: p.id, clause: p.clause, title: p.title },
    fromStage: r.from_stage,
    ...(r.until_stage ? { untilStage: r.until_stage } : {}),
    ...(r.when_status?.length ? { whenStatus: [...r.when_status] } : {}),
    ...(r.inform_from ? { informFrom: r.inform_from } : {}),
    ...(r.iso44001 ? { iso44001: r.iso44001 } : {}),
    reads: evidenceFields(r),
    severity: r.severity ?? 'warning',
    title: r.title,
    why: r.why,
    hint: r.hint,
    helpUri: helpUri(r.id),
  })));
}

/** "working_together", "staying_together only", "awareness through staying_together while status is closed". */
function counts(r: RuleRow): string {
  if (!r.fromStage) return '';
  return windowPhrase({ from_stage: r.fromStage as Stage, until_stage: r.untilStage as Stage | undefined, when_status: r.whenStatus }).replace(/^from /, '').replace(/^at (\S+) only/, '$1 only');
}

export function rulesText(rows: RuleRow[]): string {
  const effective = rows.some((r) => r.setBy);
  const head = ['RULE', 'PRINCIPLE', 'ISO 44001', 'COUNTS', 'SEVERITY', 'TITLE', ...(effective ? ['SET BY'] : [])];
  const table = [head, ...rows.map((r) => [r.id, r.principle.clause ? `${r.principle.clause} ${r.principle.id}` : '-', r.iso44001 ?? '-', counts(r) || '-', r.severity, r.title, ...(effective ? [(r.setBy ?? []).join(' < ')] : [])])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/**
 * The assessor's cross-reference: each rule with its ISO/TR 44000 principle, the ISO 44001 clause it evidences,
 * the stages (and statuses) in which it counts and the fields of the file it reads.
 */
export function rulesMarkdown(rows: RuleRow[]): string {
  const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const code = (text: string): string => `\`${text}\``;
  const window = (r: RuleRow): string => !r.fromStage ? '' : [
    r.untilStage === r.fromStage ? `${code(r.fromStage)} only` : `${code(r.fromStage)}${r.untilStage ? ` through ${code(r.untilStage)}` : ''}`,
    r.whenStatus?.length ? ` while status is ${r.whenStatus.map(code).join(' or ')}` : '',
    r.informFrom ? ` (shown from ${code(r.informFrom)})` : '',
  ].join('');
  const principle = (r: RuleRow): string => (r.principle.clause ? `${r.principle.clause} ${cell(r.principle.title)}` : '');
  return ['| rule | principle (ISO/TR 44000 clause) | ISO 44001 clause | counts | evidence fields | severity | title |', '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.id)} | ${principle(r)} | ${r.iso44001 ?? ''} | ${window(r)} | ${r.reads.map((f) => code(cell(f))).join('<br>')} | ${r.severity} | ${cell(r.title)} |`)].join('\n') + '\n';
}

export async function runRules(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`rac rules: ${message}\nRun "rac rules --help" for the options.\n`);
    return 2;
  };
  const parsed = parseCommandLine(argv, OPTIONS);
  if (isError(parsed)) return fail(parsed.error);
  if (parsed.values.help) {
    io.stdout(RULES_USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) return fail(`rac rules takes one file or folder (got ${parsed.positionals.length}); for one rule use rac explain RULE`);
  const format = oneOf('format', parsed.values.format, FORMATS, 'text');
  if (isError(format)) return fail(format.error);
  let rows = ruleRows();
  if (parsed.positionals.length === 1) {
    const effective = await effectiveRows(parsed.positionals[0], parsed.values, io);
    if (typeof effective === 'number') return effective;
    if (isError(effective)) return fail(effective.error);
    rows = effective;
  }
  const out = format === 'json' ? JSON.stringify({ rules: rows }, null, 2) + '\n' : format === 'markdown' ? rulesMarkdown(rows) : rulesText(rows);
  const output = parsed.values.output;
  if (typeof output !== 'string') {
    io.stdout(out);
    return 0;
  }
  try {
    io.writeFile(resolve(io.cwd, output), out);
  } catch (e) {
    return fail(`could not write ${output}: ${(e as Error).message.split('\n')[0]}`);
  }
  return 0;
}

/** The effective rules of a file or folder: the catalog with its profiles folded in, each with its sources. */
async function effectiveRows(given: string, values: Record<string, string | boolean | undefined>, io: CliIo): Promise<RuleRow[] | number | { error: string }> {
  const absolute = resolve(io.cwd, given);
  const kind = io.stat(absolute).kind;
  if (kind !== 'file' && kind !== 'directory') {
    const id = given.toUpperCase();
    return { error: loadCatalog().rules.has(id) ? `rac rules takes a file or folder; for one rule use rac explain ${id}` : `${given}: no such file or folder` };
  }
  const profiles = profileOptions(values, io);
  if (isError(profiles)) return profiles;
  const root = typeof values.root === 'string' ? resolve(io.cwd, values.root) : undefined;
  // A folder stands for a file directly in it: overrides whose files globs match it apply, `when` ones cannot.
  const file = kind === 'directory' ? join(absolute, '*.relationship.yaml') : absolute;
  const { policy, problems } = await policyOf(file, io, { asOf: io.today(), root, profiles: { loader: cliProfileLoader(io), options: profiles } });
  if (problems.length) {
    io.stderr(formatProblems(problems, io.cwd));
    return 2;
  }
  let metadata: Record<string, unknown> = {};
  if (kind === 'file') {
    const text = readText(absolute, io);
    try {
      const data = typeof text === 'string' ? (parse(text) as { metadata?: unknown } | null) : null;
      if (data && data.metadata && typeof data.metadata === 'object') metadata = data.metadata as Record<string, unknown>;
    } catch {
      // Without metadata only the overrides chosen by files apply.
    }
  }
  const layers = policy?.layers ?? [];
  const applied = kind === 'directory' ? { layers: layers.filter((l) => !l.when) } : policy;
  const effective = effectivePolicy(applied, metadata);
  const conditional = kind === 'directory' ? layers.filter((l) => l.when) : [];
  const rows = ruleRows(effective.catalog).map((r) => ({ ...r, setBy: sources(effective.origins.get(r.id) ?? ['catalog'], r.id, conditional) }));
  const offRows = effective.off.map((off): RuleRow => {
    const { rule, principle } = loadCatalog().rules.get(off.id) ?? { rule: undefined, principle: loadCatalog().principles.find((p) => p.id === off.principle)! };
    return {
      id: off.id, principle: { id: principle.id, clause: principle.clause, title: principle.title }, fromStage: rule?.from_stage ?? '', severity: 'off' satisfies Level, reads: rule ? evidenceFields(rule) : [],
      ...(rule?.until_stage ? { untilStage: rule.until_stage } : {}), ...(rule?.iso44001 ? { iso44001: rule.iso44001 } : {}),
      title: off.title, why: rule?.why ?? '', hint: rule?.hint ?? '', setBy: sources(effective.origins.get(off.id) ?? [], off.id, conditional),
    };
  });
  const codes = Object.entries(effective.codes).map(([code, level]): RuleRow => ({
    id: code, principle: { id: '', clause: 0, title: '' }, fromStage: '', severity: level, reads: [], title: 'finding code', why: '', hint: '', setBy: effective.origins.get(code) ?? [],
  }));
  io.stderr(`rac rules: the effective rules of ${displayPath(io.cwd, absolute)}${kind === 'directory' ? ' (a file directly in it)' : ''}\n`);
  return [...rows, ...offRows, ...codes];
}

function sources(list: string[], id: string, conditional: readonly { source: string; when?: Record<string, string[]>; rules: Record<string, unknown> }[]): string[] {
  const extra = conditional.filter((l) => id in l.rules).map((l) => `${l.source} (when ${Object.entries(l.when ?? {}).map(([k, v]) => `${k}: ${v.join('|')}`).join(', ')})`);
  return [...list, ...extra];
}
