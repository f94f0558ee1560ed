// PURE. The one HTML renderer of the preview webview and of `rac report`: a full document with its
// Content-Security-Policy. The webview gets a nonce'd stylesheet and script; the report inlines the CSS,
// runs no script (its CSP forbids any) and follows prefers-color-scheme unless a theme is forced.
import { attrs, escapeHtml as esc } from './escape';
import { renderFile } from './html-file';
import { renderPortfolio } from './html-portfolio';
import type { Mode } from './html-parts';
import type { ReportModel } from './model';
import { css } from './styles';

export interface RenderOptions {
  mode: Mode;
  /** Required in webview mode; optional in report mode (without it the report's CSP allows its inline style). */
  nonce?: string;
  /** The webview's `cspSource`. */
  cspSource?: string;
  /** The webview script (an asWebviewUri of dist/preview.js). */
  scriptUri?: string;
  /** Force a colour scheme in the report; the webview follows the editor's theme. */
  theme?: 'light' | 'dark';
  /** Only the portfolio table, without each file's picture (the portfolio webview). */
  portfolioOnly?: boolean;
}

const NONCE = /^[A-Za-z0-9+/_=-]{16,}$/;

/** The content of <main>: also what the webview script re-renders on each update. */
export function renderBody(models: ReportModel[], options: Pick<RenderOptions, 'mode' | 'portfolioOnly'>): string {
  if (models.length === 0) return '<p class="empty">No relationship files found.</p>';
  const { mode } = options;
  if (options.portfolioOnly) return renderPortfolio(models, mode, false);
  if (models.length === 1) return renderFile(models[0], 0, mode, 1);
  return renderPortfolio(models, mode, true) + models.map((m, i) => renderFile(m, i, mode, 2)).join('');
}

export function renderHtml(models: ReportModel[], options: RenderOptions): string {
  const { mode, nonce } = options;
  if (nonce !== undefined && !NONCE.test(nonce)) throw new TypeError('the nonce must be 16 or more base64 characters');
  if (mode === 'webview' && nonce === undefined) throw new TypeError('the webview needs a fresh nonce for each render');
  const csp = mode === 'webview'
    ? `default-src 'none'; style-src ${options.cspSource ?? ''} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${options.cspSource ?? ''} data:; base-uri 'none'; form-action 'none';`
    : `default-src 'none'; style-src ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}; img-src data:; base-uri 'none'; form-action 'none';`;
  const title = options.portfolioOnly || models.length !== 1
    ? `Relationship portfolio (${models.length} file${models.length === 1 ? '' : 's'})`
    : `${models[0].info.title ?? models[0].path}: coverage`;
  const view = options.portfolioOnly || models.length > 1 ? 'portfolio' : 'file';
  const script = mode === 'webview' && options.scriptUri ? `<script${attrs({ nonce, src: options.scriptUri })}></script>` : '';
  return '<!DOCTYPE html>'
    + `<html lang="en"${attrs({ 'data-theme': options.theme })}><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy"${attrs({ content: csp.replace(/ {2,}/g, ' ') })}>`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${esc(title)}</title>`
    + `<style${attrs({ nonce })}>${css}</style></head>`
    + `<body${attrs({ class: `rac rac-${mode}`, 'data-view': view, 'data-uri': view === 'file' && mode === 'webview' ? models[0]?.uri : undefined })}>`
    + `<main id="rac-root">${renderBody(models, options)}</main>${script}</body></html>`;
}
