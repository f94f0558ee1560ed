// The messages between the preview webview and the extension, in both directions: discriminated unions
// on `type`, shared by both sides. Whatever arrives is checked with the guards before it is used.
import type { Range } from '../../../server/src/core/types';
import type { ReportModel } from '../../../server/src/report/model';

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; range: Range }
  | { type: 'quickFix'; uri: string; rule: string; code: string; principle?: string; range: Range }
  | { type: 'openPreview'; uri: string; principleId?: string }
  | { type: 'refresh' };

/** Extension → webview. A file preview gets one model; the portfolio gets every file's. */
export type ExtensionMessage =
  | { type: 'update'; models: ReportModel[] }
  | { type: 'scrollTo'; principleId: string };

/** What the webview keeps with setState, and what a reload hands back to the panel serializer. */
export type PreviewState = { uri: string } | { portfolio: true };

export const PREVIEW_VIEW_TYPE = 'relationship.preview';
export const PORTFOLIO_VIEW_TYPE = 'relationship.portfolio';

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}

export function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'refresh':
      return true;
    case 'reveal':
      return typeof value.uri === 'string' && isRange(value.range);
    case 'quickFix':
      return typeof value.uri === 'string' && typeof value.rule === 'string' && typeof value.code === 'string' && isRange(value.range)
        && (value.principle === undefined || typeof value.principle === 'string');
    case 'openPreview':
      return typeof value.uri === 'string' && (value.principleId === undefined || typeof value.principleId === 'string');
    default:
      return false;
  }
}

export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'update') return Array.isArray(value.models);
  if (value.type === 'scrollTo') return typeof value.principleId === 'string';
  return false;
}

/** "3,4,3,20" (a data-range attribute) → Range, or undefined when it is not four whole numbers. */
export function parseRange(text: string | undefined): Range | undefined {
  const n = (text ?? '').split(',').map((s) => Number(s));
  if (n.length !== 4 || n.some((x) => !Number.isInteger(x) || x < 0)) return undefined;
  return { start: { line: n[0], character: n[1] }, end: { line: n[2], character: n[3] } };
}

export function previewStateUri(state: unknown): string | undefined {
  return isRecord(state) && typeof state.uri === 'string' ? state.uri : undefined;
}
