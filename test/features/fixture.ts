// Shared by the feature tests: a small relationship with every kind of reference (block and flow, quoted,
// benefit_split keys), emoji before positions and a multi-line scalar; and helpers to analyse, find
// positions (UTF-16, as LSP counts) and apply edits.
import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { analyze, LineIndex, type Analysis, type AnalyzeOptions, type Finding } from '../../server/src/core/index';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { applyEdits } from '../../server/src/features/yaml-edit';

export const AS_OF = '2026-06-01';
export const URI = 'file:///work/deal/deal.relationship.yaml';

export const NAV = [
  '# Navigation fixture: two parties, references of every shape.',
  '# A second comment line, so the header folds.',
  'schema_version: "1"',
  'metadata:',
  '  id: REL-NAV',
  '  title: "Harbour 🤝 Kestrel"',
  '  status: active',
  '  lifecycle_stage: working_together',
  '  next_review_due: 2027-01-01',
  'parties:',
  '  - {id: hw, name: "Harbour 🌊 Water", role: customer}',
  '  - id: "kce"',
  '    name: Kestrel',
  '    role: supplier',
  'people:',
  '  - {id: p-ann, name: "Ann 😀", party: hw}',
  "  - {id: p-bob, name: Bob, party: 'kce'}",
  'principles:',
  '  vision_and_values:',
  '    joint_vision: >',
  '      Reliable water 💧 for',
  '      every home.',
  '    agreed_by: [p-ann, "p-bob"]',
  '  value_creation:',
  '    register:',
  '      - id: VC-1',
  '        title: Idea',
  '        proposed_by: kce',
  '        status: proposed',
  '        benefit_split: {hw: 0.5, "kce": 0.5}',
  '  risk_management:',
  '    register:',
  '      - {id: R-1, title: Exit data loss, category: exit, owner: p-ann, owning_party: hw, linked_exit_triggers: [ET-1]}',
  '  measurement_and_optimization:',
  '    kpis:',
  '      - {id: KPI-1, name: Trust index, type: relationship, unit: score, target: 75, frequency: biannual, owner: p-bob, latest: 70, latest_on: 2026-05-01}',
  '    improvement_actions:',
  '      - {id: ACT-1, text: Joint workshop, owner: p-ann, due: 2026-09-01, status: open}',
  '  exit_strategy:',
  '    document: docs/exit.pdf',
  '    triggers:',
  '      - {id: ET-1, type: planned_end, description: Contract expiry}',
  '',
].join('\n');

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function analyzeText(text: string, options: Partial<AnalyzeOptions> = {}): Analysis {
  return analyze(text, { asOf: AS_OF, ...options });
}

/** The position of the n-th occurrence of `needle`, plus `delta` code units: a UTF-16 column, as LSP counts. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return new LineIndex(text).positionAt(at + delta);
}

export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits, new LineIndex(text));
}

/** Applies the edits a WorkspaceEdit holds for one document. */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | null | undefined, uri = URI): string {
  return applyTextEdits(text, edit?.changes?.[uri] ?? []);
}

/** A finding as the server publishes it. */
export function diagnostic(finding: Finding, uri = URI): Diagnostic {
  return toDiagnostic(finding, uri);
}
