// `rac rules`: every evidence rule of the catalog (id, principle, the stage from which it counts, severity,
// title) as text, JSON or Markdown. Read from the catalog the engine runs, so it cannot drift from it.
import { resolve } from 'node:path';
import { loadCatalog } from '../core/index';
import { isError, oneOf, parseCommandLine } from './args';
import type { CliIo } from './io';
import { helpUri } from './rule-help';

export const RULES_USAGE = `usage: rac rules [options]

Lists every evidence rule: its id (what waivers and findings name), its principle, the lifecycle stage from
which it counts (before it, it is shown as information only), its severity and its title.

  --format <name>        text | json | markdown (default: text)
  -o, --output <file>    write the list to a file instead of standard output
  -h, --help             show this help

rac explain <RULE> describes one rule: what it checks, why it matters, how to meet it, with an example.
`;

const FORMATS = ['text', 'json', 'markdown'] as const;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RuleRow {
  id: string;
  principle: { id: string; clause: number; title: string };
  fromStage: string;
  /** Shown as information from this earlier stage on (before from_stage). */
  informFrom?: string;
  severity: string;
  title: string;
  why: string;
  hint: string;
  helpUri?: string;
}

export function ruleRows(): RuleRow[] {
  return loadCatalog().principles.flatMap((p) => p.evidence.map((r) => ({
    id: r.id,
    principle: { id: p.id, clause: p.clause, title: p.title },
    fromStage: r.from_stage,
    ...(r.inform_from ? { informFrom: r.inform_from } : {}),
    severity: r.severity ?? 'warning',
    title: r.title,
    why: r.why,
    hint: r.hint,
    helpUri: helpUri(r.id),
  })));
}

export function rulesText(rows: RuleRow[]): string {
  const table = [['RULE', 'PRINCIPLE', 'COUNTS FROM', 'SEVERITY', 'TITLE'], ...rows.map((r) => [r.id, `${r.principle.clause} ${r.principle.id}`, r.fromStage, r.severity, r.title])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export function rulesMarkdown(rows: RuleRow[]): string {
  const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return ['| rule | principle | counts from | severity | title |', '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.id} | ${r.principle.clause} ${cell(r.principle.title)} | \`${r.fromStage}\`${r.informFrom ? ` (shown from \`${r.informFrom}\`)` : ''} | ${r.severity} | ${cell(r.title)} |`)].join('\n') + '\n';
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
  if (parsed.positionals.length) return fail(`rac rules takes no paths (got "${parsed.positionals[0]}"); for one rule use rac explain ${parsed.positionals[0]}`);
  const format = oneOf('format', parsed.values.format, FORMATS, 'text');
  if (isError(format)) return fail(format.error);
  const rows = ruleRows();
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
