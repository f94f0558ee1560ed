// `rac check --format markdown`: for a pull-request comment or a job summary. Per file a heading, the coverage
// line, the table of the 12 principles and the findings. Every string from a document (paths, titles,
// messages that quote keys and values) goes through escapeMarkdown, so none becomes markup, HTML or a link.
import { stageName, type Coverage } from '../core/index';
import { escapeMarkdown as md, statusBadge } from '../report/index';
import { countSeverities, type SeverityCounts } from './flat-finding';
import type { FileResult } from './types';

const MAX_LISTED = 100;

export function formatMarkdown(files: FileResult[]): string {
  const out: string[] = ['# Relationship check', ''];
  const analysed = files.filter((f) => f.analysis && !f.error);
  const all = countSeverities(analysed.flatMap((f) => f.analysis!.findings));
  const unreadable = files.length - analysed.length;
  out.push(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${counts(all)}${unreadable ? `, ${unreadable} unreadable` : ''}.`, '');
  for (const file of files) out.push(...section(file));
  return out.join('\n').trimEnd() + '\n';
}

function section(file: FileResult): string[] {
  const a = file.analysis;
  if (file.error || !a) return [`## ${md(file.path)}`, '', `❌ Not checked: ${md(file.error ?? 'not analysed')}`, ''];
  const title = a.info.title ? ` · ${md(a.info.title)}` : '';
  const out = [`## ${md(file.path)}${title}`, '', coverageSentence(a.coverage), ''];
  out.push('| § | Principle | Status | Score | Unmet rules |', '|---|---|---|---|---|');
  for (const p of a.coverage.principles) {
    const score = p.counted ? `${p.met}/${p.counted} (${Math.round(p.score * 100)}%)` : '—';
    const unmet = p.rules.filter((r) => r.state === 'unmet').map((r) => `${md(r.id)} ${md(r.title)}`).join('; ');
    out.push(`| ${p.clause} | ${md(p.title)} | ${statusBadge(p.status)} | ${score} | ${unmet} |`);
  }
  out.push('');
  if (a.waivers.length) {
    out.push('Waivers:', '');
    for (const w of a.waivers) out.push(`- ${md(w.rule)} ${w.expired ? '**expired**' : 'waived'} until ${md(w.expires)}, approved by ${md(w.approvedBy)}${w.approvedOn ? ` on ${md(w.approvedOn)}` : ''}: ${md(w.reason)}`);
    out.push('');
  }
  const c = countSeverities(a.findings);
  out.push(`**Findings:** ${counts(c)}`, '');
  if (a.findings.length) {
    out.push('<details><summary>Findings</summary>', '');
    for (const f of a.findings.slice(0, MAX_LISTED)) {
      out.push(`- **${f.severity}** line ${f.range.start.line + 1}, column ${f.range.start.character + 1}: ${md(f.message)} (${md(f.code)})`);
    }
    if (a.findings.length > MAX_LISTED) out.push(`- … and ${a.findings.length - MAX_LISTED} more (run rac check locally for all of them)`);
    out.push('', '</details>', '');
  }
  return out;
}

function coverageSentence(c: Coverage): string {
  const later = (c.waived ? `, ${c.waived} waived` : '') + (c.unknown ? `, ${c.unknown} unknown` : '') + (c.notYetRequired ? `, ${c.notYetRequired} not yet required` : '');
  const why = c.unknownBecause?.length ? ` · not judged: ${md(c.unknownBecause.join('; '))}` : '';
  return `**${c.covered} of ${c.required} required principles covered**${later} · stage ${md(stageName(c))} · as of ${md(c.asOf)}${why}`;
}

function counts(c: SeverityCounts): string {
  const parts = [`${c.errors} error${c.errors === 1 ? '' : 's'}`, `${c.warnings} warning${c.warnings === 1 ? '' : 's'}`, `${c.information} information`];
  if (c.hints) parts.push(`${c.hints} hint${c.hints === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
