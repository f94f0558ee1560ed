// PURE. `rac report --format markdown`: the same content as the HTML report, as GitHub-flavoured Markdown.
// Every document string goes through escapeMarkdown: table pipes, emphasis and link syntax are escaped and
// HTML is turned into entities, so nothing in a document becomes markup, a link, an image or a mention.
import { escapeMarkdown, type PrincipleStatus, type RuleState } from '../core/index';
import { STATE_GLYPHS, STATUS_GLYPHS } from '../core/types';
import { coverageHeadline } from './html-file';
import { stateIcon, stateLabel, statusIcon, statusLabel, where } from './html-parts';
import { coverageStageLabel, stageLabel } from './lifecycle';
import type { ReportModel } from './model';

export { escapeMarkdown };

/** The emoji of the pull-request comments (rac check and rac diff --format markdown), with the status's words. */
export const statusEmoji = Object.fromEntries(Object.entries(STATUS_GLYPHS).map(([k, g]) => [k, g.emoji])) as Record<PrincipleStatus, string>;
export const stateEmoji = Object.fromEntries(Object.entries(STATE_GLYPHS).map(([k, g]) => [k, g.emoji])) as Record<RuleState, string>;

/** "✅ covered", "⏳ not yet required". */
export function statusBadge(status: PrincipleStatus): string {
  return `${statusEmoji[status]} ${statusLabel[status].toLowerCase()}`;
}

/** "✅ met", "📝 waived". */
export function stateBadge(state: RuleState): string {
  return `${stateEmoji[state]} ${stateLabel[state]}`;
}

const md = escapeMarkdown;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderMarkdown(models: ReportModel[]): string {
  const out: string[] = [];
  if (models.length === 0) return 'No relationship files found.\n';
  if (models.length > 1) out.push(...portfolio(models), '');
  models.forEach((m, i) => {
    if (i > 0 || models.length > 1) out.push('---', '');
    out.push(...file(m, models.length > 1 ? 2 : 1));
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function portfolio(models: ReportModel[]): string[] {
  const columns = models[0].coverage.principles;
  const rows = models.map((m) => [
    `${md(m.info.title ?? m.path)}<br>${md(m.path)}`,
    md(coverageStageLabel(m.coverage)),
    `${m.coverage.covered}/${m.coverage.required}${m.coverage.waived ? ` (${m.coverage.waived} waived)` : ''}${m.coverage.notYetRequired ? ` (+${m.coverage.notYetRequired} later)` : ''}`,
    ...m.coverage.principles.map((p) => `${statusIcon[p.status]} ${p.counted ? `${p.met}/${p.counted}` : '—'}`),
  ]);
  return ['# Relationship portfolio', '', `${models.length} relationship files.`, '',
    ...table(['File', 'Stage', 'Covered', ...columns.map((c) => `§${c.clause}`)], rows), '',
    `Columns: ${columns.map((c) => `§${c.clause} ${md(c.title)}`).join(' · ')}. ✓ covered · ⊘ waived (not covered) · ◐ partial · ✕ missing · ? unknown · ○ not yet required.`];
}

function file(m: ReportModel, level: number): string[] {
  const h = (n: number): string => '#'.repeat(Math.min(6, level + n));
  const { info, coverage: c } = m;
  const out: string[] = [];
  out.push(`${h(0)} ${md(info.title ?? m.path)}`, '');
  const meta = [
    info.id !== undefined ? `id **${md(info.id)}**` : '',
    info.status !== undefined ? `status **${md(info.status)}**` : '',
    info.version !== undefined ? `version **${md(info.version)}**` : '',
    `stage **${md(coverageStageLabel(c))}**`,
    `as of ${c.asOf}`,
  ].filter(Boolean);
  out.push(meta.join(' · '), '', `**${coverageHeadline(c)}** · ${m.counts.errors} errors, ${m.counts.warnings} warnings · file ${md(m.path)}`, '');

  const l = m.lifecycle;
  out.push(`${h(1)} Lifecycle`, '', l.stages.map((s) => (s.state === 'current' ? `**${s.label}**` : s.label)).join(' → '), '');
  if (l.next && l.nextRules.length) {
    out.push(`At the next stage, **${stageLabel(l.next)}**, these rules become required:`, '');
    for (const r of l.nextRules) out.push(`- ${r.satisfied ? '✓' : '✕'} ${md(r.id)} ${md(r.title)}${r.satisfied ? ' (ready)' : ''}`);
    out.push('');
  }

  out.push(`${h(1)} Principles`, '');
  out.push(...table(['§', 'Principle', 'Status', 'Met', 'Unmet'], c.principles.map((p) => [
    String(p.clause), md(p.title), `${statusIcon[p.status]} ${statusLabel[p.status]}`, p.counted ? `${p.met}/${p.counted}` : '—',
    p.rules.filter((r) => r.state === 'unmet').map((r) => md(r.id)).join(', '),
  ])), '');
  const gaps = c.principles.flatMap((p) => p.rules.filter((r) => r.state === 'unmet' || r.state === 'waived').map((r) => ({ p, r })));
  if (gaps.length) {
    out.push(`${h(2)} Gaps and waived rules`, '');
    for (const { p, r } of gaps) {
      const where_ = `line ${r.range.start.line + 1}`;
      const what = r.state === 'waived' && r.waiver
        ? `waived until ${md(r.waiver.expires)} by ${md(r.waiver.approvedBy)}: ${md(r.waiver.reason)}`
        : `${r.detail ? `missing: ${md(r.detail)}. ` : ''}Why it matters: ${md(r.why)}`;
      out.push(`- ${stateIcon[r.state]} **${md(r.id)}** ${md(r.title)} (§${p.clause} ${md(p.title)}, ${stateLabel[r.state]}, ${where_}): ${what}`);
    }
    out.push('');
  }

  const off = c.off ?? [];
  if (off.length) {
    out.push(`${h(2)} Off by profile`, '');
    for (const r of off) out.push(`- **${md(r.id)}** ${md(r.title)} (${md(r.principle)}): turned off by ${md(r.source)}, not counted`);
    out.push('');
  }
  const added = c.principles.flatMap((p) => p.rules.filter((r) => r.source));
  if (added.length) {
    out.push(`${h(2)} The organisation's rules`, '');
    for (const r of added) out.push(`- ${stateIcon[r.state]} **${md(r.id)}** ${md(r.title)} (${stateLabel[r.state]}; added by ${md(r.source)})`);
    out.push('');
  }

  out.push(`${h(1)} Risk heat map`, '');
  const heat = m.heatMap;
  const rows: string[][] = [];
  for (let row = 0; row < 5; row++) {
    rows.push([`**${5 - row}**`, ...heat.cells.slice(row * 5, row * 5 + 5).map((cell) => (cell.risks.length ? cell.risks.map((r) => md(r.id)).join(', ') : ''))]);
  }
  out.push(...table(['Impact ↓ · Likelihood →', '1', '2', '3', '4', '5'], rows), '');
  out.push(`${heat.placed} open risks on the map${heat.unplaced.length ? `, ${heat.unplaced.length} without a likelihood and impact` : ''}${heat.closed ? `, ${heat.closed} closed` : ''}.`, '');

  out.push(`${h(1)} Timeline`, '');
  if (m.timeline.length === 0) out.push('No dated items yet.', '');
  else out.push(...table(['Date', 'Status', 'Item', 'Detail'], m.timeline.map((t) => [t.date, t.status === 'ok' ? 'on track' : t.status === 'soon' ? 'due soon' : '**overdue**', md(t.label), md(t.detail ?? '')])), '');

  out.push(`${h(1)} Waivers`, '');
  if (m.waivers.length === 0) out.push('No waivers.', '');
  else out.push(...table(['Rule', 'Reason', 'Approved by', 'Expires', 'State'], m.waivers.map((w) => [md(w.rule), md(w.reason), md(w.approvedBy), md(w.expires), w.expired ? '**expired**' : 'active'])), '');

  out.push(`${h(1)} Findings (${m.findings.length})`, '');
  if (m.findings.length === 0) out.push('No findings.', '');
  else out.push(...table(['Line', 'Severity', 'Message', 'Code'], m.findings.map((f) => [where(f.range), f.severity, md(f.message), md(f.code)])), '');
  return out;
}
