// `rac check --format text`: path:line:col: severity message [code], the source line with a ^~~~ underline,
// then one coverage line per file. Information findings (what the next stage will require) are listed with
// --verbose and otherwise counted at the end of the coverage line.
import { stageName, type Coverage, type Finding, type Severity } from '../core/index';
import type { FileResult, FormatOptions } from './types';

const SGR: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', information: '36', hint: '2', dim: '2', bold: '1' };

type Paint = (style: keyof typeof SGR, text: string) => string;
const plain: Paint = (_style, text) => text;
const ansi: Paint = (style, text) => `\x1b[${SGR[style]}m${text}\x1b[0m`;

export function formatText(files: FileResult[], options: Partial<FormatOptions> = {}): string {
  const paint = options.color ? ansi : plain;
  const out: string[] = [];
  for (const file of files) {
    if (file.error) {
      out.push(`${paint('bold', printable(file.path))}: ${paint('error', 'error')} ${printable(file.error)} [io]`);
      continue;
    }
    const a = file.analysis;
    if (!a) continue;
    const shown = options.verbose ? a.findings : a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    for (const f of shown) out.push(...findingLines(file.path, f, (line) => a.lines.lineText(line), paint));
    const notes = a.findings.length - shown.length;
    const hidden = notes ? ` · ${notes} information note${notes === 1 ? '' : 's'} (--verbose lists ${notes === 1 ? 'it' : 'them'})` : '';
    if (!options.quiet) out.push(`${paint('bold', printable(file.path))}: ${paint('dim', coverageLine(a.coverage) + hidden)}`);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

export function findingLines(path: string, f: Finding, lineText: (line: number) => string, paint: Paint = plain): string[] {
  const { start, end } = f.range;
  const head = `${paint('bold', `${printable(path)}:${start.line + 1}:${start.character + 1}`)}: ${paint(f.severity, f.severity)} ${printable(f.message)} ${paint('dim', `[${f.code}]`)}`;
  // The other places a finding names (where a repeated key or id was first defined, the anchor an alias
  // repeats), as note lines: the editor shows them as related information, the terminal has only this.
  // The place comes first, as on the finding's own line, so terminals and editors can open it.
  const notes = (f.related ?? []).map((r) => `  ${paint('dim', 'note:')} ${printable(path)}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${printable(r.message)}`);
  const full = lineText(start.line);
  if (full === undefined) return [head, ...notes];
  const stopAt = end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(full.length, start.character + 1);
  // A very long line (minified or hostile input) is shown as a window around the finding.
  const from = full.length > MAX_LINE ? Math.max(0, Math.min(start.character - 40, full.length - WINDOW)) : 0;
  const to = full.length > MAX_LINE ? Math.min(full.length, from + WINDOW) : full.length;
  const lead = from > 0 ? '…' : '';
  const source = lead + printable(full.slice(from, to)) + (to < full.length ? '…' : '');
  const column = start.character - from + lead.length;
  const stop = stopAt - from + lead.length;
  // Tabs stay tabs under the source line so the underline lines up in any terminal.
  const pad = source.slice(0, column).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(stop, Math.max(source.length, column + 1)) - column);
  const gutter = String(start.line + 1);
  return [head, ` ${gutter} | ${source}`, ` ${' '.repeat(gutter.length)} | ${pad}${paint(f.severity, `^${'~'.repeat(width - 1)}`)}`, ...notes];
}

const MAX_LINE = 1000;
const WINDOW = 200;

/** Control characters from a document would drive the terminal (escape sequences): each shows as one U+FFFD. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

export function coverageLine(c: Coverage): string {
  const rest = (c.waived ? `, ${c.waived} waived` : '') + (c.unknown ? `, ${c.unknown} unknown` : '') + (c.notYetRequired ? `, ${c.notYetRequired} not yet required` : '');
  const ids = (p: Coverage['principles'][number], state: string) => p.rules.filter((r) => r.state === state).map((r) => r.id);
  const gaps = c.principles
    // With the stage unknown every principle is unknown, and the reason at the end says why once.
    .filter((p) => p.status === 'partial' || p.status === 'missing' || (p.status === 'unknown' && c.stageKnown))
    .map((p) => `${p.id} ${p.status} (${[['unmet', ids(p, 'unmet')], ['unknown', ids(p, 'unknown')]].filter(([, l]) => l.length).map(([s, l]) => `${(l as string[]).join(', ')} ${String(s)}`).join('; ')})`);
  const waived = c.principles.flatMap((p) => p.rules.filter((r) => r.state === 'waived').map((r) => r.id));
  const ended = c.principles.flatMap((p) => ids(p, 'no_longer_required'));
  return `coverage ${c.covered}/${c.total}: ${c.covered} of ${c.required} required principles covered${rest} · stage ${stageName(c)} · as of ${c.asOf}`
    + (gaps.length ? ` · ${gaps.join('; ')}` : '')
    + (waived.length ? ` · waived: ${waived.join(', ')}` : '')
    + (ended.length ? ` · no longer required: ${ended.join(', ')}` : '')
    + (c.off?.length ? ` · off by profile: ${c.off.map((r) => r.id).join(', ')}` : '')
    + (c.unknownBecause?.length ? ` · not judged: ${c.unknownBecause.join('; ')}` : '');
}
