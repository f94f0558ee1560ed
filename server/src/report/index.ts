// PURE. The report's public surface: Analysis → ReportModel → HTML (webview or report) or Markdown.
export { buildReportModel, type ReportSource } from './build-model';
export { renderHtml, renderBody, type RenderOptions } from './html';
export { renderMarkdown, escapeMarkdown, stateBadge, stateEmoji, statusBadge, statusEmoji } from './markdown';
export { escapeHtml, safeHref } from './escape';
export { rangeData } from './html-parts';
export * from './model';
