// PURE. Small markup pieces shared by the file view and the portfolio: icons, labels, bars and the ring,
// and the element that reveals a range (a button in the webview, plain text in the report).
import type { PrincipleStatus, Range, RuleState } from '../core/index';
import { STATE_GLYPHS, STATUS_GLYPHS } from '../core/types';
import { attrs, escapeHtml } from './escape';

export type Mode = 'webview' | 'report';

// Views of the one glyph table (core/types.ts), by what the markup needs.
const pick = <K extends string>(table: Record<K, { label: string; html: string }>, part: 'label' | 'html'): Record<K, string> =>
  Object.fromEntries(Object.entries<{ label: string; html: string }>(table).map(([k, g]) => [k, g[part]])) as Record<K, string>;

export const statusLabel: Record<PrincipleStatus, string> = pick(STATUS_GLYPHS, 'label');
export const stateLabel: Record<RuleState, string> = pick(STATE_GLYPHS, 'label');
export const stateIcon: Record<RuleState, string> = pick(STATE_GLYPHS, 'html');
export const statusIcon: Record<PrincipleStatus, string> = pick(STATUS_GLYPHS, 'html');

/** "3,4,3,20": numbers only, so it can travel in a data attribute and be read back without parsing text. */
export function rangeData(r: Range): string {
  return [r.start.line, r.start.character, r.end.line, r.end.character].map((n) => (Number.isFinite(n) ? Math.trunc(n) : 0)).join(',');
}

/** Line:column, 1-based, as people and the CLI count. */
export function where(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}`;
}

/**
 * Content that reveals a range of the document when clicked. `inner` is markup built by the caller from
 * escaped strings; `label` is plain text for assistive technology.
 */
export function revealable(mode: Mode, inner: string, range: Range, label: string, uri?: string): string {
  if (mode !== 'webview') return `<span class="label">${inner}</span>`;
  return `<button type="button" class="link"${attrs({ 'data-action': 'reveal', 'data-range': rangeData(range), 'data-uri': uri, title: `${label} (line ${range.start.line + 1})` })}><span class="label">${inner}</span></button>`;
}

export function icon(symbol: string, text: string): string {
  return `<span class="icon" aria-hidden="true">${escapeHtml(symbol)}</span><span class="sr-only">${escapeHtml(text)} </span>`;
}

/** A horizontal bar; the fraction is clamped to 0–1. */
export function bar(fraction: number, label: string, tone = ''): string {
  const pct = Math.round(Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * 100);
  return `<svg class="bar${tone ? ` ${tone}` : ''}" viewBox="0 0 100 8" preserveAspectRatio="none" role="img"${attrs({ 'aria-label': label })}>`
    + `<rect class="track" width="100" height="8" rx="4"/><rect class="value" width="${pct}" height="8" rx="4"/></svg>`;
}

/**
 * The overall ring: covered of required. Waived principles are not covered, so they never fill the ring; when
 * they are the only gap, the ring takes the waived tone (not the covered one) and says how many under the count.
 */
export function ring(covered: number, required: number, label: string, waived = 0): string {
  const fraction = required > 0 ? covered / required : 0;
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10;
  const tone = required === 0 ? 's-not_yet_required' : covered === required ? 's-covered' : waived > 0 && covered + waived === required ? 's-waived'
    : covered === 0 ? 's-missing' : 's-partial';
  return `<div class="ring ${tone}" role="img"${attrs({ 'aria-label': label })}>`
    + '<svg viewBox="0 0 36 36" aria-hidden="true"><circle class="track" cx="18" cy="18" r="15.9155" fill="none" stroke-width="3.2"/>'
    + `<circle class="value" cx="18" cy="18" r="15.9155" fill="none" stroke-width="3.2" stroke-linecap="round" pathLength="100" stroke-dasharray="${pct} ${100 - pct}"/></svg>`
    + `<div class="ring-text" aria-hidden="true">${covered}/${required}<small>covered${waived > 0 ? `, ${waived} waived` : ''}</small></div></div>`;
}
