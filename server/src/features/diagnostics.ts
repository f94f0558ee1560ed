// Findings → LSP diagnostics. The engine decides codes, messages, ranges and severities (its severity option
// applies the user's policy); this only converts, links each code to its documentation and caps the count.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { findingKey, type Analysis, type Finding, type Fix } from '../core/index';
import { lspRange, lspSeverity, SOURCE } from './convert';

export const README_URL = 'https://github.com/relationship-as-code/relationship-as-code';

/**
 * What a diagnostic carries for code actions: its finding's key (core findingKey), by which a code action
 * request finds the finding again; the principle and rule it is about, the data path it is about (the missing
 * key of schema.required, see Finding.path) and the engine's fixes.
 */
export interface DiagnosticData {
  key: string;
  principle?: string;
  rule?: string;
  path?: (string | number)[];
  fixes: Fix[];
}

export function documentationUrl(finding: Pick<Finding, 'code' | 'rule'>): string {
  if (finding.code.startsWith('evidence.') && finding.rule) return `${README_URL}#rule-${finding.rule.toLowerCase()}`;
  return `${README_URL}#finding-codes`;
}

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = { key: findingKey(finding), principle: finding.principle, rule: finding.rule, path: finding.path, fixes: finding.fixes ?? [] };
  const diagnostic: Diagnostic = {
    range: lspRange(finding.range),
    severity: lspSeverity(finding.severity),
    code: finding.code,
    codeDescription: { href: documentationUrl(finding) },
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: lspRange(r.range) }, message: r.message }));
  }
  return diagnostic;
}

/** The analysis's findings as diagnostics, at most `max` of them: errors are kept first, then warnings, … */
export function toDiagnostics(analysis: Pick<Analysis, 'findings'>, uri: string, max: number): Diagnostic[] {
  const all = analysis.findings.map((f) => toDiagnostic(f, uri));
  const limit = Math.max(0, Math.floor(max));
  if (all.length <= limit) return all;
  const rank = (d: Diagnostic): number => d.severity ?? DiagnosticSeverity.Error;
  const kept = new Set(all.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).slice(0, limit).map((x) => x.i));
  return all.filter((_, i) => kept.has(i));
}
