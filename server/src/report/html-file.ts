// PURE. One relationship file's picture: header with the coverage ring, lifecycle, twelve principle
// cards, risk heat map, timeline, waivers and findings. Every document string goes through escapeHtml.
import type { PrincipleCoverage, RuleResult } from '../core/index';
import { resultWindow, windowPhrase } from '../core/types';
import { attrs, escapeHtml as esc, safeHref } from './escape';
import { bar, icon, rangeData, revealable, ring, stateIcon, stateLabel, statusIcon, statusLabel, where, type Mode } from './html-parts';
import { coverageStageLabel, stageLabel } from './lifecycle';
import type { HeatCell, HeatRisk, ReportFinding, ReportModel, TimelineItem } from './model';

interface Ctx { model: ReportModel; mode: Mode; index: number; prefix: string; h: number }

export function renderFile(model: ReportModel, index: number, mode: Mode, headingLevel: number): string {
  const ctx: Ctx = { model, mode, index, prefix: `f${index}`, h: headingLevel };
  // The report names files by their display path only: a uri would leak the author's folders.
  return `<article class="file"${attrs({ id: ctx.prefix, 'data-uri': mode === 'webview' ? model.uri : undefined, 'aria-labelledby': `${ctx.prefix}-title` })}>`
    + header(ctx)
    + lifecycle(ctx)
    + principles(ctx)
    + `<div class="two">${heatMap(ctx)}${timeline(ctx)}</div>`
    + waivers(ctx)
    + findings(ctx)
    + '</article>';
}

export function principleAnchor(fileIndex: number, principleId: string): string {
  return `f${fileIndex}-p-${principleId}`;
}

function heading(ctx: Ctx, depth: number, id: string, text: string, cls = ''): string {
  const level = Math.min(6, ctx.h + depth);
  return `<h${level}${attrs({ id: `${ctx.prefix}-${id}`, class: cls || undefined })}>${text}</h${level}>`;
}

export function coverageHeadline(c: ReportModel['coverage']): string {
  const unknown = (c.waived ? `, ${c.waived} waived` : '') + (c.unknown ? `, ${c.unknown} unknown` : '');
  const why = c.unknownBecause?.length ? ` (not judged: ${c.unknownBecause.join('; ')})` : '';
  if (c.notYetRequired === 0) return `${c.covered}/${c.total} principles covered${unknown}${why}`;
  return `${c.covered} of ${c.required} required principles covered${unknown}, ${c.notYetRequired} not yet required${why}`;
}

function header(ctx: Ctx): string {
  const { model } = ctx;
  const { info, coverage: c, counts } = model;
  const title = info.title ?? model.path;
  const meta = [
    info.id !== undefined ? `<span>id <code>${esc(info.id)}</code></span>` : '',
    info.status !== undefined ? `<span>status <strong>${esc(info.status)}</strong></span>` : '',
    info.version !== undefined ? `<span>version <strong>${esc(info.version)}</strong></span>` : '',
    `<span>stage <strong>${esc(coverageStageLabel(c))}</strong></span>`,
    `<span>as of <time${attrs({ datetime: c.asOf })}>${esc(c.asOf)}</time></span>`,
  ].filter(Boolean).join('');
  const countText = `${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.information} information`;
  return `<header class="file-header">${ring(c.covered, c.required, coverageHeadline(c), c.waived)}`
    + `<div class="heading">${heading(ctx, 0, 'title', esc(title), 'title')}`
    + `<p class="meta">${meta}</p>`
    + `<p class="headline"><strong>${esc(coverageHeadline(c))}</strong></p>`
    + `<p class="meta"><span><code>${esc(model.path)}</code></span><span>${esc(countText)}</span></p>`
    + '</div></header>';
}

function lifecycle(ctx: Ctx): string {
  const l = ctx.model.lifecycle;
  const stages = l.stages.map((s) => `<li${attrs({ class: `stage ${s.state}`, 'aria-current': s.state === 'current' ? 'step' : undefined })}>`
    + `<span class="dot" aria-hidden="true"></span>${esc(s.label)}${s.state === 'done' ? '<span class="sr-only"> (done)</span>' : s.state === 'current' ? '<span class="sr-only"> (current stage)</span>' : ''}</li>`).join('');
  let next: string;
  if (!ctx.model.coverage.stageKnown) next = '<p class="muted">The stage is unknown (lifecycle_stage names no stage), so which rules count cannot be judged.</p>';
  else if (!l.next) next = '<p class="muted">This is the last stage: no further rules become required.</p>';
  else if (l.nextRules.length === 0) next = `<p class="muted">No new rules become required at the next stage, ${esc(stageLabel(l.next))}.</p>`;
  else {
    const items = l.nextRules.map((r) => `<li class="rule ${r.satisfied ? 'st-met' : 'st-unmet'}">`
      + revealable(ctx.mode, `${icon(r.satisfied ? '✓' : '✕', r.satisfied ? 'ready' : 'missing')} <code>${esc(r.id)}</code> ${esc(r.title)}`, r.range, `${r.id} ${r.title}`, ctx.model.uri)
      + '</li>').join('');
    const ready = l.nextRules.filter((r) => r.satisfied).length;
    next = `<p>At the next stage, <strong>${esc(stageLabel(l.next))}</strong>, ${l.nextRules.length} rule${l.nextRules.length === 1 ? '' : 's'} become${l.nextRules.length === 1 ? 's' : ''} required (${ready} ready):</p><ul class="next-rules">${items}</ul>`;
  }
  const undeclared = l.declared ? '' : '<p class="muted">metadata.lifecycle_stage is not set to a known stage: coverage assumes awareness.</p>';
  return `<section class="lifecycle"${attrs({ 'aria-labelledby': `${ctx.prefix}-lifecycle` })}>${heading(ctx, 1, 'lifecycle', 'Lifecycle', 'section-title')}`
    + `<ol class="stages" aria-label="Lifecycle stages">${stages}</ol>${undeclared}${next}</section>`;
}

function principles(ctx: Ctx): string {
  const cards = ctx.model.coverage.principles.map((p) => card(ctx, p)).join('');
  return `<section class="principles"${attrs({ 'aria-labelledby': `${ctx.prefix}-principles` })}>${heading(ctx, 1, 'principles', 'Principles', 'section-title')}`
    + `<div class="cards" role="list">${cards}</div></section>`;
}

function card(ctx: Ctx, p: PrincipleCoverage): string {
  const id = principleAnchor(ctx.index, p.id);
  const scoreText = p.counted > 0 ? `${p.met} of ${p.counted} counted rules met` : 'no rule counts at this stage';
  const links = ctx.model.links.filter((l) => l.principle === p.id).map((l) => {
    const href = l.kind === 'url' ? safeHref(l.target) : undefined;
    if (href) return `<a${attrs({ href, rel: 'noopener noreferrer', target: '_blank' })}>${esc(l.target)}</a>`;
    return revealable(ctx.mode, `<code>${esc(l.target)}</code>`, l.range, l.target, ctx.model.uri);
  });
  return `<article role="listitem"${attrs({ id, class: `card s-${p.status}`, 'data-principle': p.id, tabindex: '-1', 'aria-labelledby': `${id}-t` })}>`
    + `<div class="card-head"><span class="clause">§${esc(p.clause)}</span>`
    + `<h${Math.min(6, ctx.h + 2)}${attrs({ id: `${id}-t`, class: 'card-title' })}>${esc(p.title)}</h${Math.min(6, ctx.h + 2)}>`
    + `<span class="badge"><span class="icon" aria-hidden="true">${statusIcon[p.status]}</span> ${esc(statusLabel[p.status])}</span></div>`
    + `<p class="summary">${esc(p.summary)}</p>`
    + `<div class="score">${bar(p.score, `${p.title}: ${scoreText}`)}<span>${p.counted > 0 ? `${p.met}/${p.counted}` : '—'}</span></div>`
    + `<ul class="rules"${attrs({ 'aria-label': `${p.title} rules` })}>${p.rules.map((r) => rule(ctx, p, r)).join('')}${offRules(ctx, p.id)}</ul>`
    + (links.length ? `<p class="links">Evidence: ${links.join(', ')}</p>` : '')
    + '</article>';
}

/** Rules a profile turned off: shown in their principle, so a reader sees the policy and not only the result. */
function offRules(ctx: Ctx, principle: string): string {
  return (ctx.model.coverage.off ?? []).filter((r) => r.principle === principle)
    .map((r) => `<li${attrs({ class: 'rule st-off', 'data-rule': r.id })}><span class="icon" aria-hidden="true">–</span><code>${esc(r.id)}</code> ${esc(r.title)}<p class="why">Off by profile (${esc(r.source)}): not counted.</p></li>`).join('');
}

/** The finding a rule's Fix button targets: its own evidence finding, or the whole principle's absence. */
export function ruleFinding(model: ReportModel, principleId: string, r: RuleResult): ReportFinding | undefined {
  if (r.state !== 'unmet' && r.state !== 'not_yet_required') return undefined;
  if (r.satisfied) return undefined;
  return model.findings.find((f) => f.rule === r.id && f.code.startsWith('evidence.'))
    ?? model.findings.find((f) => f.code === 'evidence.missing-principle' && f.principle === principleId);
}

function rule(ctx: Ctx, p: PrincipleCoverage, r: RuleResult): string {
  const finding = ruleFinding(ctx.model, p.id, r);
  const org = r.source ? ` <span class="org"${attrs({ title: `the organisation's rule, added by ${r.source}` })}>organisation</span>` : '';
  const clause = r.iso44001 ? ` <span class="iso"${attrs({ title: `evidences ISO 44001 clause ${r.iso44001}` })}>ISO 44001 ${esc(r.iso44001)}</span>` : '';
  const head = revealable(ctx.mode, `${icon(stateIcon[r.state], stateLabel[r.state])}<code>${esc(r.id)}</code> ${esc(r.title)}${org}${clause}`, finding?.range ?? r.range, `${r.id} ${r.title}`, ctx.model.uri);
  const fix = ctx.mode === 'webview' && r.state === 'unmet' && finding
    ? `<button type="button" class="fix"${attrs({ 'data-action': 'quickFix', 'data-rule': r.id, 'data-code': finding.code, 'data-principle': p.id, 'data-range': rangeData(finding.range), 'data-uri': ctx.model.uri, 'aria-label': `Fix ${r.id}: ${r.title}` })}>Fix</button>`
    : '';
  let notes = '';
  if (r.state === 'unmet') {
    notes = (r.detail ? `<p class="detail">Missing: ${esc(r.detail)}</p>` : '') + `<p class="why">Why it matters: ${esc(r.why)}</p>`;
  } else if (r.state === 'not_yet_required') {
    notes = `<p class="why">Required ${esc(windowText(r))}${r.satisfied ? '; already met' : ''}.</p>`;
  } else if (r.state === 'no_longer_required') {
    notes = `<p class="why">No longer required: it counts ${esc(windowText(r))}.</p>`;
  } else if (r.state === 'unknown') {
    notes = '<p class="why">Not judged: the data it reads does not parse or has the wrong type, or the stage cannot be read; fix that error first.</p>';
  } else if (r.state === 'waived' && r.waiver) {
    notes = `<p class="why">Waived until ${esc(r.waiver.expires)} by ${esc(r.waiver.approvedBy)}: ${esc(r.waiver.reason)}</p>`;
  }
  return `<li${attrs({ class: `rule st-${r.state}`, 'data-rule': r.id })}>${head}${fix}${notes}</li>`;
}

/** "from Working together through Staying together while status is closed": the stages as the report names them. */
function windowText(r: RuleResult): string {
  return windowPhrase(resultWindow(r)).replace(/(from|through|at) ([a-z_]+)/g, (_, word: string, stage: string) => `${word} ${stageLabel(stage)}`);
}

function heatMap(ctx: Ctx): string {
  const heat = ctx.model.heatMap;
  const rows: string[] = [];
  for (let row = 0; row < 5; row++) {
    const impact = 5 - row;
    const cells = heat.cells.slice(row * 5, row * 5 + 5).map((c) => heatCell(ctx, c)).join('');
    rows.push(`<tr><th scope="row">${impact}</th>${cells}</tr>`);
  }
  const head = '<tr><td></td>' + [1, 2, 3, 4, 5].map((l) => `<th scope="col">${l}</th>`).join('') + '</tr>';
  const table = `<table class="heat" aria-describedby="${ctx.prefix}-heat-note"><caption class="sr-only">Open risks by impact (rows, 5 at the top) and likelihood (columns)</caption>`
    + `<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  const all = [...heat.cells.flatMap((c) => c.risks), ...heat.unplaced];
  const note = `${heat.placed} open risk${heat.placed === 1 ? '' : 's'} on the map`
    + (heat.unplaced.length ? `, ${heat.unplaced.length} without a likelihood and impact from 1 to 5` : '')
    + (heat.closed ? `, ${heat.closed} closed not shown` : '');
  const list = all.length === 0 ? '<p class="empty">The risk register is empty.</p>'
    : `<table class="data risk-list"><thead><tr><th scope="col">Risk</th><th scope="col">L</th><th scope="col">I</th><th scope="col">Score</th><th scope="col">Status</th><th scope="col">Owner</th></tr></thead><tbody>`
      + all.sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).map((r) => `<tr><td>${riskLink(ctx, r)}</td>`
        + `<td class="num">${r.likelihood ?? '—'}</td><td class="num">${r.impact ?? '—'}</td><td class="num">${score(r) || '—'}</td>`
        + `<td>${esc(r.status ?? '')}</td><td>${esc(r.owner ?? '')}</td></tr>`).join('')
      + '</tbody></table>';
  return `<section class="risks"${attrs({ 'aria-labelledby': `${ctx.prefix}-risks` })}>${heading(ctx, 1, 'risks', 'Risk heat map', 'section-title')}`
    + `<div class="heat-wrap"><div class="axis-y" aria-hidden="true">Impact →</div>${table}<div class="axis-x" aria-hidden="true">Likelihood →</div></div>`
    + `<p class="muted"${attrs({ id: `${ctx.prefix}-heat-note` })}>${esc(note)}</p>${list}</section>`;
}

function score(r: HeatRisk): number {
  return (r.likelihood ?? 0) * (r.impact ?? 0);
}

function riskLink(ctx: Ctx, r: HeatRisk): string {
  return revealable(ctx.mode, `<code>${esc(r.id)}</code> ${esc(r.title)}`, r.range, `${r.id} ${r.title}`, ctx.model.uri);
}

function heatCell(ctx: Ctx, c: HeatCell): string {
  const n = c.risks.length;
  const label = `Likelihood ${c.likelihood}, impact ${c.impact}, score ${c.score} (${c.level}): ${n} risk${n === 1 ? '' : 's'}`
    + (n ? `: ${c.risks.map((r) => `${r.id} ${r.title}`).join('; ')}` : '');
  const list = n ? `<ul class="cell-risks">${c.risks.map((r) => `<li>${riskLink(ctx, r)}</li>`).join('')}</ul>` : '';
  return `<td${attrs({ class: `lv-${c.level}${n ? ' has' : ''}`, 'aria-label': label, tabindex: n ? '0' : undefined, 'data-l': c.likelihood, 'data-i': c.impact })}>`
    + `<span class="count" aria-hidden="true">${n || ''}</span>${list}</td>`;
}

function timeline(ctx: Ctx): string {
  const items = ctx.model.timeline;
  const asOf = ctx.model.coverage.asOf;
  const out: string[] = [];
  let nowShown = false;
  const now = `<li class="t-now"><span>as of ${esc(asOf)}</span></li>`;
  for (const item of items) {
    if (!nowShown && item.date >= asOf) {
      out.push(now);
      nowShown = true;
    }
    out.push(timelineItem(ctx, item));
  }
  if (!nowShown) out.push(now);
  const body = items.length === 0 ? '<p class="empty">No dated items yet.</p>' : `<ol class="timeline-list">${out.join('')}</ol>`;
  return `<section class="timeline"${attrs({ 'aria-labelledby': `${ctx.prefix}-timeline` })}>${heading(ctx, 1, 'timeline', 'Timeline', 'section-title')}${body}</section>`;
}

const timelineWord = { overdue: 'overdue', soon: 'due soon', ok: 'on track' } as const;

function timelineItem(ctx: Ctx, t: TimelineItem): string {
  const text = `${esc(t.label)}`;
  return `<li${attrs({ class: `t-item t-${t.status}` })}><time${attrs({ datetime: t.date })}>${esc(t.date)}</time>`
    + `<span class="badge">${esc(timelineWord[t.status])}</span> `
    + revealable(ctx.mode, text, t.range, t.label, ctx.model.uri)
    + (t.detail ? `<span class="detail">${t.rule ? `<code>${esc(t.rule)}</code> ` : ''}${esc(t.detail)}</span>` : '')
    + '</li>';
}

function waivers(ctx: Ctx): string {
  const list = ctx.model.waivers;
  const body = list.length === 0 ? '<p class="empty">No waivers.</p>'
    : '<table class="data"><thead><tr><th scope="col">Rule</th><th scope="col">Reason</th><th scope="col">Approved by</th><th scope="col">Expires</th><th scope="col">State</th></tr></thead><tbody>'
      + list.map((w) => `<tr${attrs({ class: w.expired ? 't-overdue' : 't-ok' })}><td>${revealable(ctx.mode, `<code>${esc(w.rule)}</code>`, w.range, `waiver ${w.rule}`, ctx.model.uri)}</td>`
        + `<td>${esc(w.reason)}</td><td>${esc(w.approvedBy)}${w.approvedOn ? ` on <time${attrs({ datetime: w.approvedOn })}>${esc(w.approvedOn)}</time>` : ''}</td><td><time${attrs({ datetime: w.expires })}>${esc(w.expires)}</time></td>`
        + `<td><span class="badge">${w.expired ? 'expired: no longer applies' : 'active'}</span></td></tr>`).join('')
      + '</tbody></table>';
  return `<section class="waivers"${attrs({ 'aria-labelledby': `${ctx.prefix}-waivers` })}>${heading(ctx, 1, 'waivers', 'Waivers', 'section-title')}${body}</section>`;
}

const severityIcon = { error: '✕', warning: '▲', information: 'ℹ', hint: '·' } as const;

function findings(ctx: Ctx): string {
  const list = ctx.model.findings;
  const body = list.length === 0 ? '<p class="empty">No findings.</p>'
    : `<ul class="findings">${list.map((f) => `<li${attrs({ class: `finding sev-${f.severity}` })}>${icon(severityIcon[f.severity] ?? '·', f.severity)} `
      + `<span class="where">${esc(where(f.range))}</span>`
      + revealable(ctx.mode, esc(f.message), f.range, f.message, ctx.model.uri)
      + `<code class="code">${esc(f.code)}</code></li>`).join('')}</ul>`;
  return `<section class="findings-section"${attrs({ 'aria-labelledby': `${ctx.prefix}-findings` })}>${heading(ctx, 1, 'findings', `Findings (${list.length})`, 'section-title')}${body}</section>`;
}
