// One lens on each principle key of the document: its coverage, clickable to open the preview at it.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { lspRange } from './convert';
import { coverageLabel } from './coverage-label';

/** The client's command (client/src/extension.ts): opens the coverage preview beside the editor. */
export const PREVIEW_COMMAND = 'relationship.preview.openToSide';

export function codeLenses(analysis: Analysis, uri = ''): CodeLens[] {
  const lenses: CodeLens[] = [];
  const present = analysis.coverage.principles.filter((p) => p.range);
  present.sort((a, b) => a.range!.start.line - b.range!.start.line || a.range!.start.character - b.range!.start.character);
  for (const p of present) {
    if (!p.range) continue;
    const title = coverageLabel(p, { unmet: true });
    lenses.push({ range: lspRange(p.range), command: { title, command: PREVIEW_COMMAND, arguments: [uri, p.id] } });
  }
  return lenses;
}
