// `rac check --format text`: path:line:col: severity message [code], the source line with a ^~~~ underline,
// then one coverage line per file.
import type { Coverage, Finding } from '../core/index';
import type { FileResult } from './types';

export function formatText(files: FileResult[]): string {
  const out: string[] = [];
  for (const file of files) {
    if (file.error) {
      out.push(`${file.path}: error ${file.error} [io]`);
      continue;
    }
    const a = file.analysis;
    if (!a) continue;
    for (const f of a.findings) out.push(...findingLines(file.path, f, (line) => a.lines.lineText(line)));
    out.push(`${file.path}: ${coverageLine(a.coverage)}`);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

export function findingLines(path: string, f: Finding, lineText: (line: number) => string): string[] {
  const { start, end } = f.range;
  const head = `${path}:${start.line + 1}:${start.character + 1}: ${f.severity} ${f.message} [${f.code}]`;
  const source = lineText(start.line);
  if (source === undefined) return [head];
  const stop = end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(source.length, start.character + 1);
  // Tabs stay tabs under the source line so the underline lines up in any terminal.
  const pad = source.slice(0, start.character).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(stop, Math.max(source.length, start.character + 1)) - start.character);
  const gutter = String(start.line + 1);
  return [head, ` ${gutter} | ${source}`, ` ${' '.repeat(gutter.length)} | ${pad}^${'~'.repeat(width - 1)}`];
}

export function coverageLine(c: Coverage): string {
  const rest = c.notYetRequired ? `, ${c.notYetRequired} not yet required` : '';
  const gaps = c.principles
    .filter((p) => p.status === 'partial' || p.status === 'missing')
    .map((p) => `${p.id} ${p.status} (${p.rules.filter((r) => r.state === 'unmet').map((r) => r.id).join(', ')} unmet)`);
  const waived = c.principles.flatMap((p) => p.rules.filter((r) => r.state === 'waived').map((r) => r.id));
  return `coverage ${c.covered}/${c.total}: ${c.covered} of ${c.required} required principles covered${rest} · stage ${c.stage} · as of ${c.asOf}`
    + (gaps.length ? ` · ${gaps.join('; ')}` : '')
    + (waived.length ? ` · waived: ${waived.join(', ')}` : '');
}
