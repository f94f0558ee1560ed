// Completion and hover in an organisation profile (.rac.yaml): rule ids and finding codes under `rules:`,
// levels after them, check kinds after `check:`, data paths of the relationship format after `path:`, stages
// after `from_stage:`; hover on a rule id shows the rule's title, principle and why, on a check kind its
// arguments. The profile's place is read from the line and the lines above it (a half-typed profile rarely
// parses), the way a YAML author reads it.
import { CompletionItemKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import { argShapes, checks, deref, escapeMarkdown, KNOWN_CODES, LEVELS, loadCatalog, readProfile, rootSchema, STAGES, TOP_KEYS, type JsonSchema } from '../core/index';

interface Place {
  /** The key the value follows on this line ("check" in "check: inc"), or undefined in key position. */
  valueOf?: string;
  /** The keys of the enclosing blocks, outermost first ("overrides", "rules"). */
  parents: string[];
  /** The word at the cursor and where it starts and ends (offsets). */
  word: string;
  start: number;
  end: number;
}

function placeAt(text: string, offset: number): Place {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = offset - lineStart;
  let start = col;
  while (start > 0 && /[\w.\-*[\]]/.test(line[start - 1])) start--;
  let end = col;
  while (end < line.length && /[\w.\-*[\]]/.test(line[end])) end++;
  const before = line.slice(0, start);
  const keyMatch = /^\s*(?:-\s+)?([\w.-]+)\s*:\s*(?:\{\s*)?$/.exec(before) ?? /(?:^|[{,]\s*)([\w.-]+)\s*:\s*$/.exec(before);
  const indent = /^\s*(?:-\s+)?/.exec(line)?.[0].length ?? 0;
  const parents: string[] = [];
  let limit = keyMatch ? indent + 1 : indent;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const m = /^(\s*)(-\s+)?([\w.-]+)\s*:/.exec(lines[i]);
    if (!m) continue;
    const at = m[1].length + (m[2]?.length ?? 0);
    if (at < limit) {
      parents.unshift(m[3]);
      limit = m[1].length;
    }
  }
  return { valueOf: keyMatch?.[1], parents, word: line.slice(start, end), start: lineStart + start, end: lineStart + end };
}

/** Every dotted data path of the relationship format, "[*]" after a list: what an added rule's path may name. */
let paths: string[] | undefined;
export function dataPaths(): string[] {
  if (paths) return paths;
  const out: string[] = [];
  const visit = (schema: JsonSchema | undefined, prefix: string, depth: number) => {
    const s = deref(schema);
    if (!s || depth > 6) return;
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const c = deref(child);
      const path = prefix ? `${prefix}.${key}` : key;
      const item = c?.type === 'array' ? deref(c.items) : undefined;
      // A list is named whole (members: includes reads all of them) or item by item (members[*]).
      out.push(path);
      if (item) out.push(`${path}[*]`);
      visit(item ?? c, item ? `${path}[*]` : path, depth + 1);
    }
  };
  visit(rootSchema, '', 0);
  paths = out;
  return out;
}

export function profileCompletions(text: string, offset: number, positionAt: (offset: number) => Position): CompletionItem[] {
  const place = placeAt(text, offset);
  const range = { start: positionAt(place.start), end: positionAt(place.end) };
  const item = (label: string, kind: CompletionItemKind, detail?: string): CompletionItem => ({ label, kind, detail, textEdit: { range, newText: label } });
  const inRules = place.parents[place.parents.length - 1] === 'rules';
  const catalog = loadCatalog();
  if (place.valueOf === undefined) {
    if (place.parents.length === 0) return TOP_KEYS.map((k) => item(k, CompletionItemKind.Property));
    if (inRules) {
      // The profile's own added rules may be configured too (an override turning one off).
      const own = readProfile(text).profile.add.map((r) => item(r.id, CompletionItemKind.Constant, `the organisation's rule: ${r.title}`));
      return [
        ...own,
        ...[...catalog.rules.values()].map(({ rule, principle }) => item(rule.id, CompletionItemKind.Constant, `${principle.clause} ${principle.title}: ${rule.title}`)),
        ...KNOWN_CODES.map((c) => item(c, CompletionItemKind.EnumMember, c.endsWith('.') ? 'every finding code starting so' : 'finding code')),
      ];
    }
    return [];
  }
  if (place.valueOf === 'check') return [...checks.keys()].map((k) => item(k, CompletionItemKind.Function, argList(k)));
  if (place.valueOf === 'path') return dataPaths().map((p) => item(p, CompletionItemKind.Field));
  if (place.valueOf === 'from_stage' || place.valueOf === 'inform_from') return STAGES.map((s) => item(s, CompletionItemKind.EnumMember));
  if (place.valueOf === 'principle') return catalog.principles.map((p) => item(p.id, CompletionItemKind.Module, `${p.clause} ${p.title}`));
  if (place.valueOf === 'severity' || inRules) return LEVELS.map((l) => item(l, CompletionItemKind.EnumMember));
  return [];
}

function argList(kind: string): string {
  const args = [...(argShapes().get(kind)?.keys() ?? [])];
  return args.length ? `arguments: ${args.join(', ')}` : 'no arguments';
}

export function profileHover(text: string, offset: number, positionAt: (offset: number) => Position): Hover | null {
  const place = placeAt(text, offset);
  if (!place.word) return null;
  const range = { start: positionAt(place.start), end: positionAt(place.end) };
  const found = loadCatalog().rules.get(place.word);
  if (found) {
    const { rule, principle } = found;
    const value = [
      `**${rule.id}** ${escapeMarkdown(rule.title)}`,
      `Principle ${principle.clause} ${escapeMarkdown(principle.title)} · counts from *${rule.from_stage}* · ${rule.severity ?? 'warning'} when unmet`,
      `*${escapeMarkdown(rule.why)}*`,
      `Check \`${rule.checks[0].check}\` on \`${rule.checks[0].path}\`${Object.keys(rule.checks[0].args).length ? ` with ${escapeMarkdown(JSON.stringify(rule.checks[0].args))}` : ''}`,
    ].join('\n\n');
    return { contents: { kind: 'markdown', value }, range };
  }
  if (place.valueOf === 'check' && checks.has(place.word)) return { contents: { kind: 'markdown', value: `check kind **${place.word}**: ${argList(place.word)}` }, range };
  if (KNOWN_CODES.includes(place.word)) return { contents: { kind: 'markdown', value: `finding code \`${place.word}\`${place.word.endsWith('.') ? ' (every code starting so)' : ''}: set it to off, error, warning, information or hint` }, range };
  return null;
}
