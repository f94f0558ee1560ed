// PURE. The portfolio table: relationship files as rows, the twelve principles as columns, status colours
// and overall coverage. In the webview the headers sort and a cell opens that file's preview at that
// principle; in the report a cell jumps to the card further down the page.
import { attrs, escapeHtml as esc } from './escape';
import { principleAnchor } from './html-file';
import { bar, statusIcon, statusLabel, type Mode } from './html-parts';
import { coverageStageLabel } from './lifecycle';
import { STAGES } from '../core/types';
import type { ReportModel } from './model';

export function renderPortfolio(models: ReportModel[], mode: Mode, withFiles: boolean): string {
  const columns = models[0]?.coverage.principles.map((p) => ({ id: p.id, clause: p.clause, title: p.title })) ?? [];
  const covered = models.filter((m) => m.coverage.required > 0 && m.coverage.covered === m.coverage.required).length;
  const sortable = mode === 'webview';
  const th = (label: string, title: string, col: number, type: 'text' | 'num', cls = ''): string => {
    const inner = sortable
      ? `<button type="button" class="sort"${attrs({ 'data-action': 'sort', 'data-col': col, 'data-type': type, title: `Sort by ${title}` })}>${label}</button>`
      : label;
    return `<th scope="col"${attrs({ class: cls || undefined, 'aria-sort': sortable ? 'none' : undefined, title })}>${inner}</th>`;
  };
  const head = '<tr>' + th('File', 'file', 0, 'text', 'file-col') + th('Stage', 'lifecycle stage', 1, 'num') + th('Coverage', 'coverage', 2, 'num')
    + columns.map((c, i) => th(`§${esc(c.clause)}`, `${c.clause} ${c.title}`, 3 + i, 'num')).join('')
    + th('Errors / warnings', 'errors and warnings', 3 + columns.length, 'num') + '</tr>';

  const rows = models.map((m, i) => {
    const c = m.coverage;
    const fraction = c.required > 0 ? c.covered / c.required : 0;
    const name = `${esc(m.info.title ?? m.path)}<br><small class="muted">${esc(m.path)}</small>`;
    const fileCell = mode === 'webview'
      ? `<button type="button" class="link"${attrs({ 'data-action': 'openPreview', 'data-uri': m.uri })}><span class="label">${name}</span></button>`
      : withFiles ? `<a${attrs({ href: `#f${i}` })}>${name}</a>` : name;
    const cells = c.principles.map((p) => {
      const text = p.counted > 0 ? `${p.met}/${p.counted}` : '—';
      const label = `${m.info.title ?? m.path}: ${p.clause} ${p.title} ${statusLabel[p.status]}${p.counted > 0 ? `, ${p.met} of ${p.counted} rules met` : ''}`;
      const inner = `<span class="icon" aria-hidden="true">${statusIcon[p.status]}</span> ${text}`;
      const content = mode === 'webview'
        ? `<button type="button"${attrs({ 'data-action': 'openPreview', 'data-uri': m.uri, 'data-principle': p.id, 'aria-label': label })}>${inner}</button>`
        : withFiles ? `<a${attrs({ href: `#${principleAnchor(i, p.id)}`, 'aria-label': label })}>${inner}</a>` : `<span${attrs({ 'aria-label': label })}>${inner}</span>`;
      return `<td${attrs({ class: `pcell s-${p.status}`, 'data-sort': p.status === 'not_yet_required' ? -1 : p.score })}>${content}</td>`;
    }).join('');
    return `<tr${attrs({ 'data-uri': mode === 'webview' ? m.uri : undefined })}><th scope="row"${attrs({ 'data-sort': (m.info.title ?? m.path).toLowerCase() })}>${fileCell}</th>`
      + `<td${attrs({ 'data-sort': c.stageKnown ? STAGES.indexOf(c.stage) : -1 })}>${esc(coverageStageLabel(c))}</td>`
      + `<td${attrs({ 'data-sort': fraction })}>${bar(fraction, `${c.covered} of ${c.required} required principles covered${c.waived ? `, ${c.waived} waived` : ''}`)}`
      + `<small>${c.covered}/${c.required}${c.waived ? ` (${c.waived} waived)` : ''}${c.notYetRequired ? ` (+${c.notYetRequired} later)` : ''}</small></td>`
      + cells
      + `<td${attrs({ 'data-sort': m.counts.errors * 1000 + m.counts.warnings })}>${m.counts.errors} / ${m.counts.warnings}</td></tr>`;
  }).join('');

  const toolbar = mode === 'webview' ? '<div class="toolbar"><span></span><button type="button" data-action="refresh">Refresh</button></div>' : '';
  return '<section class="portfolio" aria-labelledby="portfolio-title">'
    + `<h1 id="portfolio-title">Relationship portfolio</h1>`
    + `<p class="headline"><strong>${models.length} relationship file${models.length === 1 ? '' : 's'}, ${covered} fully covered</strong></p>${toolbar}`
    + `<div class="table-wrap"><table class="portfolio-table"><caption class="sr-only">Principle coverage per relationship file</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`
    + '</section>';
}
